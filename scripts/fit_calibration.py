"""Calibrate the reader's confidence: a scale and a shift on the log-odds of its belief.

    python scripts/fit_calibration.py           # -> "calibration" in qa/weights/reader.json, figures -> stdout
    python scripts/fit_calibration.py --dry-run # figures only

The confidence model (``scripts/fit_reader.py``) is fitted mostly on public Wikipedia questions,
read with span heads that never saw them. On the seeds its answers are right more often than it
says (a belief of 0.5 is right about 85% of the time). This script asks every question of the
seeds' tuning sets (``SEED_SETS``, ``fit_reader.TUNING``: never the held-out sets), each read by
the fold head that never trained on it (``--fold-head``, as in ``fit_reader.py prepare``), and of
one half of the public held-out articles (by a hash of the article's name), keeps the answers the reader gave (not page furniture, titles or refusals), and fits
``confidence = sigmoid(scale * logit(belief) + shift)`` by logistic regression, pulled towards
no change (``--l2``). It reports the expected calibration error before and after on each seed
set, leaving that set out of the fit, and on the other public half, which it never fits on.

Needs ``build/fit/{tydi,mlqa}`` (``corpus/``, ``index/``, ``heldout.jsonl``), which
``scripts/fit_reader.py prepare`` and ``fit`` write. Rerun it after ``fit_reader.py fit``: new
weights drop the calibration.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from qa.encoder import load_encoder  # noqa: E402
from qa.evaluate import calibration_bins, calibration_error, exact_match, load_gold  # noqa: E402
from qa.pipeline import Pipeline  # noqa: E402
from qa.span import SpanScorer  # noqa: E402
from fit_reader import TUNING, fold_head_option, tuning_gold  # noqa: E402

SEED_SETS = TUNING
PUBLIC = ("tydi", "mlqa")


def fit_half(source: str) -> bool:
    """Whether a public held-out article's questions are fitted on (else only measured)."""
    return int(hashlib.sha256(f"calibration:{source}".encode()).hexdigest(), 16) % 2 == 0


def answers(pipe: Pipeline, golds: list) -> list[tuple[float, float]]:
    """``(log-odds of the belief, exact match)`` of every answer the reader itself gave."""
    out = []
    for g in golds:
        q, hits, reading = pipe.read(g.question)
        answer = pipe.answer(g.question, q, hits, reading)
        if answer.answer is None:
            continue
        if reading.answer_features is None or abs(pipe.reader.confidence(reading) - answer.confidence) > 1e-3:
            continue  # page furniture, a title or a holder found by titles: fixed confidences
        belief = min(max(pipe.reader.belief(reading), 1e-6), 1 - 1e-6)
        right = exact_match(answer.answer, g.answers) if g.answers else 0.0
        out.append((math.log(belief / (1 - belief)), right))
    return out


def fit(rows: list[tuple[float, float]], l2: float) -> tuple[float, float]:
    z = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])

    def loss(b: np.ndarray) -> float:
        p = 1 / (1 + np.exp(-(b[0] * z + b[1])))
        return float(-(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)).mean()
                     + l2 * ((b[0] - 1) ** 2 + b[1] ** 2))

    scale, shift = minimize(loss, np.array([1.0, 0.0]), method="L-BFGS-B").x
    return float(scale), float(shift)


def ece(rows: list[tuple[float, float]], scale: float = 1.0, shift: float = 0.0) -> float:
    """Expected calibration error of the rescaled beliefs, as ``qa eval`` reports it."""
    return calibration_error(calibration_bins([(1 / (1 + math.exp(-(scale * z + shift))), right) for z, right in rows]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default=str(ROOT / "build" / "fit"))
    parser.add_argument("--weights", default=str(ROOT / "qa" / "weights" / "reader.json"))
    parser.add_argument("--l2", type=float, default=0.01, help="pull towards no change (scale 1, shift 0)")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    parser.add_argument("--fold-head", type=fold_head_option, action="append", default=[], metavar="FILE=ONNX",
                        help="read this seed set with this span head (one not trained on it), as fit_reader.py prepare")
    args = parser.parse_args()
    encoder = load_encoder()
    seeds = Pipeline.open(ROOT / "seeds", ROOT / "build" / "calibration-seeds-index", encoder=encoder)
    shipped, fold_heads = seeds.reader.spans, dict(args.fold_head)
    by_set = {}
    for path in SEED_SETS:  # each read as a new question is: by a head that never trained on it
        seeds.reader.spans = SpanScorer(ROOT / fold_heads[path]) if path in fold_heads else shipped
        by_set[path] = answers(seeds, tuning_gold(ROOT / path))
    seeds.reader.spans = shipped
    public_fit, public_check = [], {}
    for name in PUBLIC:
        work = Path(args.work) / name
        pipe = Pipeline.open(work / "corpus", work / "index", encoder=encoder)
        held = load_gold(work / "heldout.jsonl")
        public_fit += answers(pipe, [g for g in held if fit_half(g.sources[0])])
        public_check[name] = answers(pipe, [g for g in held if not fit_half(g.sources[0])])
    print(f"answers: {sum(map(len, by_set.values()))} to seed questions, {len(public_fit)} public fitted on")
    print("expected calibration error, before -> after (each seed set left out of its own fit):")
    for path, rows in by_set.items():
        others = [r for p, rs in by_set.items() if p != path for r in rs]
        print(f"  {path:24s} {ece(rows):.3f} -> {ece(rows, *fit(others + public_fit, args.l2)):.3f}  (n={len(rows)})")
    scale, shift = fit([r for rs in by_set.values() for r in rs] + public_fit, args.l2)
    for name, rows in public_check.items():
        print(f"  {name} (other half, never fitted) {ece(rows):.3f} -> {ece(rows, scale, shift):.3f}  (n={len(rows)})")
    print(f"scale {scale:.4f}, shift {shift:.4f}")
    if args.dry_run:
        return
    path = Path(args.weights)
    weights = json.loads(path.read_text("utf-8"))
    weights["calibration"] = {"scale": round(scale, 4), "shift": round(shift, 4),
                              "note": "fitted by scripts/fit_calibration.py; see docs/quality.md"}
    path.write_text(json.dumps(weights, indent=1) + "\n", "utf-8")
    print(f"calibration written to {path}")


if __name__ == "__main__":
    main()

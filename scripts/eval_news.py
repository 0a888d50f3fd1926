"""Evaluate on the news corpora beyond the seeds (``eval/news/*/``), one table for all.

    python scripts/eval_news.py                 # every set, indexes in build/news/<set>/
    python scripts/eval_news.py activision      # named sets only

Each folder of ``eval/news/`` holds a corpus of five reports on one event (``corpus/``) and
questions written on it by a helper author who read only those reports (``gold.jsonl``: 60
answerable, 10 unanswerable; 20 unanswerable in the four sets of session 29 and the two of
session 30). The span head and
the reader were never fitted on any of them: they measure how the answerer does on news it has
not seen, where the seed sets measure it on the five reports it was tuned on. Rules are found on
the read sets; the blind ones (README, "Evaluation") are only counted. Per-question reports go to
``eval/out/news/<set>/`` (``eval/out/news/<gold file>/<set>/`` with ``--gold``).

    python scripts/eval_news.py --gold eval/offtopic-heldout.jsonl   # other questions, every corpus

``--gold`` asks one file's questions of every corpus instead of each set's own: the
general-knowledge questions of ``eval/offtopic.jsonl`` and ``eval/offtopic-heldout.jsonl``, which
no corpus answers, measure how often the answerer refuses what it was never told about.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.evaluate import Evaluator, aggregate, load_gold  # noqa: E402
from qa.pipeline import Pipeline  # noqa: E402

NEWS = ROOT / "eval" / "news"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sets", nargs="*", help="set names (default: every folder of eval/news/)")
    p.add_argument("--out", type=Path, default=ROOT / "eval" / "out" / "news")
    p.add_argument("--gold", type=Path, help="ask this gold file's questions of every corpus instead of its own")
    args = p.parse_args()
    names = args.sets or sorted(d.name for d in NEWS.iterdir() if (d / "gold.jsonl").is_file())
    header = (f"{'set':18s} {'answerable':>10s} {'EM':>6s} {'F1':>6s} {'cited':>6s} {'false ref':>9s}"
              f" {'unans. refused':>14s} {'support rec.':>12s} {'support prec.':>13s}")
    print(header)
    pooled = []
    for name in names:
        gold = load_gold(args.gold or NEWS / name / "gold.jsonl")
        pipe = Pipeline.open(NEWS / name / "corpus", ROOT / "build" / "news" / name)
        evaluator = Evaluator(gold, show_progress_bar=False)
        evaluator(pipe, output_path=(args.out / args.gold.stem if args.gold else args.out) / name)
        pooled += evaluator.results
        print(_row(name, evaluator.results))
    if len(names) > 1:
        print(_row("all", pooled))
    return 0


def _row(name: str, results: list) -> str:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    n = max(1, len(answerable))
    em = sum(r.em for r in answerable) / n
    f1 = sum(r.f1 for r in answerable) / n
    cited = sum(r.cited_source in r.sources for r in answerable) / n
    false_refusals = sum(r.answer is None for r in answerable)
    refused = sum(r.answer is None for r in unanswerable)
    support = aggregate(results, 5)
    return (f"{name:18s} {len(answerable):10d} {em:6.3f} {f1:6.3f} {cited:6.3f} {false_refusals:4d} / {len(answerable):<3d}"
            f" {refused:7d} / {len(unanswerable):<4d} {support['support_recall'] or 0:12.3f}"
            f" {support['support_precision'] or 0:13.3f}")


if __name__ == "__main__":
    sys.exit(main())

"""Latency of one question, stage by stage, against the bare encoder measured in the same run.

    .venv/bin/python bench/latency.py [--corpus seeds] [--index embeddings] [--repeat 3]

Prints p50/p95 (ms) of: a bare ``model.encode(question)`` on the torch backend, and the
pipeline's stages (question encode, hybrid retrieval, reading with the span head) and total.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "seeds"))
    ap.add_argument("--index", default=str(ROOT / "embeddings"))
    ap.add_argument("--gold", default=str(ROOT / "eval" / "gold.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from qa.pipeline import Pipeline

    pipe = Pipeline.open(Path(args.corpus), Path(args.index))
    questions = [json.loads(line)["question"] for line in open(args.gold, encoding="utf-8") if line.strip()]
    model = pipe.encoder._model
    for q in questions[:10]:  # warm-up
        model.encode(q)
        pipe.ask(q)
    bare, stages, total = [], {"encode": [], "retrieve": [], "read": []}, []
    for _ in range(args.repeat):
        for q in questions:
            t = time.perf_counter()
            model.encode(q)
            bare.append((time.perf_counter() - t) * 1e3)
            t = time.perf_counter()
            pipe.ask(q)
            total.append((time.perf_counter() - t) * 1e3)
            for k, v in pipe.last_timings.stages.items():
                stages[k].append(v)
    print(f"{len(bare)} questions ({len(questions)} x {args.repeat}), ms       p50      p95")
    print(f"  bare model.encode (torch)     {pct(bare, 50):8.2f} {pct(bare, 95):8.2f}")
    for k, v in stages.items():
        print(f"  pipeline: {k:<19} {pct(v, 50):8.2f} {pct(v, 95):8.2f}")
    print(f"  pipeline: total ask()         {pct(total, 50):8.2f} {pct(total, 95):8.2f}")
    print(f"  total / bare encode (p50)     {statistics.median(total) / statistics.median(bare):8.2f}x")


if __name__ == "__main__":
    main()

"""Latency of one question: stage by stage in process, and POST /ask over HTTP, sequentially,
against a bare ``model.encode(question)`` measured in the same run.

    .venv/bin/python bench/latency.py [--corpus seeds] [--index embeddings] [--repeat 3] [--no-http]

Prints p50/p95 (ms) of: the bare encode with sentence-transformers on torch (the yardstick of
issue 7) and with the int8 ONNX encoder; the pipeline's stages (question encode, dense search,
BM25, span head, candidate scoring) and whole ``ask()``; then ``POST /ask`` to a ``qa serve``
started here on loopback, one request at a time, and its ratio to the bare torch encode.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def timed(fn, items, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for x in items:
            t = time.perf_counter()
            fn(x)
            out.append((time.perf_counter() - t) * 1e3)
    return out


def http_latency(corpus: Path, index: Path, questions: list[str], repeat: int) -> tuple[list[float], float]:
    """Sequential ``POST /ask`` latencies against a ``qa serve`` started here, and its start-up time."""
    from load import Server

    server = Server(corpus.resolve(), index.resolve())
    try:
        server.wait_healthy()
        with httpx.Client(trust_env=False, timeout=60) as client:
            for q in questions[:10]:
                client.post(server.url + "/ask", json={"question": q})
            ms = timed(lambda q: client.post(server.url + "/ask", json={"question": q}).raise_for_status(),
                       questions, repeat)
    finally:
        server.stop()
        server.cleanup_log()
    return ms, server.startup_s or 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    ap.add_argument("--index", type=Path, default=ROOT / "embeddings")
    ap.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold.jsonl")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-http", action="store_true", help="skip the HTTP part")
    args = ap.parse_args()
    from qa.encoder import OnnxEncoder, TorchEncoder
    from qa.pipeline import Pipeline

    questions = [json.loads(line)["question"] for line in args.gold.open(encoding="utf-8") if line.strip()]
    torch_model = TorchEncoder()._model
    onnx = OnnxEncoder()
    pipe = Pipeline.open(args.corpus, args.index)
    for q in questions[:10]:  # warm-up
        torch_model.encode(q)
        onnx.encode([q])
        pipe.ask(q)
    rows: list[tuple[str, list[float]]] = []
    rows.append(("bare model.encode(question), sentence-transformers on torch", timed(torch_model.encode, questions, args.repeat)))
    rows.append(("bare encode, int8 ONNX (onnxruntime)", timed(lambda q: onnx.encode([q]), questions, args.repeat)))
    stages: dict[str, list[float]] = {}
    total = []
    for _ in range(args.repeat):
        for q in questions:
            t: dict[str, float] = {}
            t0 = time.perf_counter()
            pipe.ask(q, timings=t)
            total.append((time.perf_counter() - t0) * 1e3)
            for k, v in t.items():
                stages.setdefault(k, []).append(v)
    names = {"encode": "question encode", "dense": "dense search", "bm25": "BM25 + fusion",
             "span_head": "span head", "candidates": "candidate features + scoring"}
    rows += [(f"pipeline: {names.get(k, k)}", v) for k, v in stages.items()]
    rows.append(("pipeline: whole ask()", total))
    bare = statistics.median(rows[0][1])
    if not args.no_http:
        ms, ready = http_latency(args.corpus, args.index, questions, args.repeat)
        rows.append(("HTTP POST /ask, sequential, loopback", ms))
    print(f"machine: {os.cpu_count()} cores; {len(questions)} questions x {args.repeat}; "
          f"encoder of the pipeline: {pipe.encoder.backend}, dense index: {pipe.index.summary()['dense']}")
    print(f"{'':62} {'p50 ms':>8} {'p95 ms':>8} {'x bare':>7}")
    for name, v in rows:
        print(f"{name:62} {pct(v, 50):8.2f} {pct(v, 95):8.2f} {statistics.median(v) / bare:7.2f}")
    if not args.no_http:
        print(f"server ready (GET /health 200) {ready:.2f} s after start")


if __name__ == "__main__":
    main()

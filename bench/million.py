"""A million passages: ANN query latency, recall@10 against exact search, and vector memory.

    .venv/bin/python bench/million.py [--n 1000000] [--base 20000] [--queries 1000]

Realistic vectors, not uniform random ones (on those every ANN index fails): the base is the
embeddings (onnx-int8 encoder) of ``--base`` real sentences from the paragraphs of
``../shared/qa-train``; each of the ``--n`` vectors is a real base vector plus a smaller share
of a second one plus Gaussian noise, normalised, so the collection keeps the topical clusters
of real text. Queries are the embeddings of real questions from the same files. The index is
built by ``qa.dense.build_dense`` exactly as ``qa index`` builds it above its size threshold,
then searched one query at a time (2 cores) with the ``nprobe`` values in ``--nprobe``; the
exact flat search over the same vectors is timed as the comparison and gives the ground truth.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "qa-train"
CACHE = ROOT / "build" / "bench"


def real_texts(limit_sentences: int, limit_questions: int) -> tuple[list[str], list[str]]:
    sentences, questions = [], []
    for path in sorted(SHARED.glob("*.json")):
        for art in json.loads(path.read_text("utf-8"))["data"]:
            for para in art["paragraphs"]:
                sentences += [s for s in re.split(r"(?<=[.!?])\s+", para["context"]) if len(s) > 40]
                questions += [qa["question"] for qa in para["qas"]]
    rng = np.random.default_rng(0)
    pick = lambda xs, k: [xs[i] for i in rng.choice(len(xs), min(k, len(xs)), replace=False)]  # noqa: E731
    return pick(sorted(set(sentences)), limit_sentences), pick(sorted(set(questions)), limit_questions)


def embeddings(n_base: int, n_queries: int) -> tuple[np.ndarray, np.ndarray]:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"real-{n_base}-{n_queries}.npz"
    if path.exists():
        with np.load(path) as z:
            return z["base"], z["queries"]
    from qa.encoder import OnnxEncoder

    sentences, questions = real_texts(n_base, n_queries)
    enc = OnnxEncoder()
    t = time.perf_counter()
    base, queries = enc.encode(sentences), enc.encode(questions)
    print(f"encoded {len(sentences)} real sentences and {len(questions)} questions in {time.perf_counter() - t:.0f} s")
    np.savez(path, base=base, queries=queries)
    return base, queries


def synthesise(base: np.ndarray, n: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), np.float32)
    for b in range(0, n, 100_000):
        m = min(100_000, n - b)
        i, j = rng.integers(len(base), size=m), rng.integers(len(base), size=m)
        lam = rng.uniform(0.0, 0.5, size=(m, 1)).astype(np.float32)
        noise = rng.normal(0, 0.25 / np.sqrt(base.shape[1]), size=(m, base.shape[1])).astype(np.float32)
        v = base[i] + lam * base[j] + noise
        out[b : b + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(xs, q))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--base", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--nprobe", default="8,16,32,64")
    ap.add_argument("--exact-queries", type=int, default=100, help="queries timed one by one on exact search")
    args = ap.parse_args()
    import faiss

    from qa.dense import build_dense, plan

    base, queries = embeddings(args.base, args.queries)
    vectors = synthesise(base, args.n)
    print(f"{args.n:,} vectors of {vectors.shape[1]} dimensions from {len(base):,} real sentence embeddings; "
          f"{len(queries)} real questions; faiss {faiss.__version__}, {faiss.omp_get_max_threads()} threads")

    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    t = time.perf_counter()
    _, truth = flat.search(queries, 10)
    print(f"exact ground truth (batched): {time.perf_counter() - t:.1f} s")
    exact_ms = []
    for q in queries[: args.exact_queries]:
        t = time.perf_counter()
        flat.search(q[None], 10)
        exact_ms.append((time.perf_counter() - t) * 1e3)
    print(f"exact flat search, one query: p50 {pct(exact_ms, 50):.1f} ms, p95 {pct(exact_ms, 95):.1f} ms; "
          f"vectors {vectors.nbytes / 2**20:.0f} MiB")
    del flat

    spec = plan(args.n)
    t = time.perf_counter()
    index, spec = build_dense(vectors, spec)
    build_s = time.perf_counter() - t
    size = faiss.serialize_index(index).nbytes
    print(f"index {spec} built in {build_s:.1f} s; serialised {size / 2**20:.0f} MiB")
    ivf = faiss.extract_index_ivf(index)
    rows = []
    for nprobe in sorted({int(x) for x in args.nprobe.split(",")} | {spec["nprobe"]}):
        ivf.nprobe = nprobe
        ms, hits = [], 0
        for q, true in zip(queries, truth):
            t = time.perf_counter()
            _, found = index.search(q[None], 10)
            ms.append((time.perf_counter() - t) * 1e3)
            hits += len(set(found[0].tolist()) & set(true.tolist()))
        rows.append((nprobe, hits / truth.size, pct(ms, 50), pct(ms, 95)))
        mark = "  <- default" if nprobe == spec["nprobe"] else ""
        print(f"  nprobe {nprobe:4d}: recall@10 {rows[-1][1]:.3f}  p50 {rows[-1][2]:.2f} ms  p95 {rows[-1][3]:.2f} ms{mark}")


if __name__ == "__main__":
    main()

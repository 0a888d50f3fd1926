"""The dense passage index: exact search for ordinary corpora, IVF over 8-bit vectors for big ones.

Exact inner-product search costs about 9 ms a query at 100,000 passages and 95 ms at a million
on 2 cores, and a million float32 vectors take 1.5 GB. Above ``EXACT_LIMIT`` passages the index
is an inverted file (k-means cells, ``nprobe`` of them searched per query) over 8-bit
scalar-quantised vectors: a quarter of the memory and a few milliseconds a query, at a recall
that ``bench/million.py`` measures against exact search. The choice is recorded in the manifest.
"""

from __future__ import annotations

import math

import faiss
import numpy as np

EXACT_LIMIT = 200_000  # passages; up to here exact search is fast enough and always right
NPROBE_SHARE = 1 / 8  # share of the cells searched per query: recall@10 0.97 at 1M (bench/million.py)


def plan(n: int) -> dict:
    """The kind of index for ``n`` vectors and its parameters (what the manifest records)."""
    if n <= EXACT_LIMIT:
        return {"kind": "flat-ip"}
    # About sqrt(n) cells (a power of two), with at least 39 points a cell for k-means.
    nlist = 1 << max(0, min(round(math.log2(math.sqrt(n))), int(math.log2(max(n // 39, 1)))))
    return {"kind": "ivf-sq8", "nlist": nlist, "nprobe": min(nlist, max(8, round(nlist * NPROBE_SHARE)))}


def build_dense(vectors: np.ndarray, spec: dict | None = None, seed: int = 1234) -> tuple[faiss.Index, dict]:
    """An inner-product index over L2-normalised ``vectors`` and the spec it was built with."""
    n, dim = vectors.shape
    spec = spec or plan(n)
    if spec["kind"] == "flat-ip":
        index: faiss.Index = faiss.IndexFlatIP(dim)
    elif spec["kind"] == "ivf-sq8":
        index = faiss.index_factory(dim, f"IVF{spec['nlist']},SQ8", faiss.METRIC_INNER_PRODUCT)
        # k-means on a sample: 50 points a cell is plenty and keeps training to seconds.
        rng = np.random.default_rng(seed)
        sample = vectors[np.sort(rng.choice(n, min(n, 50 * spec["nlist"]), replace=False))]
        index.train(np.ascontiguousarray(sample))
    else:
        raise ValueError(f"unknown dense index kind {spec['kind']!r}")
    for b in range(0, n, 100_000):
        index.add(np.ascontiguousarray(vectors[b : b + 100_000]))
    return prepare(index, spec), spec


def prepare(index: faiss.Index, spec: dict) -> faiss.Index:
    """Search-time settings (not all of them survive ``write_index``)."""
    if spec.get("kind") == "ivf-sq8":
        ivf = faiss.extract_index_ivf(index)
        ivf.nprobe = int(spec["nprobe"])
        ivf.make_direct_map()  # so that a passage's vector can be read back for scoring
    return index

"""Hybrid retrieval: dense (FAISS inner product) and BM25, fused by reciprocal rank."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from qa.index import CorpusIndex
from qa.lexical import bm25_scores

RRF_K = 60


@dataclass(frozen=True)
class Hit:
    """One retrieved passage. ``score`` is the fused score scaled to [0, 1]."""

    passage: int
    rank: int
    score: float
    dense: float
    bm25: float


class HybridRetriever:
    """Fuses the dense and lexical rankings of the passages with reciprocal rank fusion."""

    def __init__(self, index: CorpusIndex, depth: int = 50) -> None:
        self.index = index
        self.depth = depth

    def term_ids(self, stems: tuple[str, ...]) -> list[int]:
        ids = self.index.vocab_ids
        return sorted({ids[s] for s in stems if s in ids})

    def run(self, query_vec: np.ndarray, stems: tuple[str, ...], top_k: int,
            timings: dict[str, float] | None = None) -> list[Hit]:
        """The ``top_k`` fused hits; ``timings`` (if given) gets the ms of each search."""
        n = self.index.n_passages
        depth = min(n, max(self.depth, 4 * top_k))
        if depth == 0:
            return []
        t0 = time.perf_counter()
        dense_s, dense_i = self.index.dense.search(query_vec.reshape(1, -1), depth)
        dense = {int(i): float(s) for s, i in zip(dense_s[0], dense_i[0]) if i >= 0}
        t1 = time.perf_counter()
        lex = bm25_scores(self.index.bm25, self.term_ids(stems))
        lex_top = np.argpartition(-lex, depth - 1)[:depth] if depth < n else np.arange(n)
        lex_top = [int(i) for i in lex_top[np.argsort(-lex[lex_top], kind="stable")] if lex[i] > 0]
        if timings is not None:
            timings["dense"], timings["bm25"] = (t1 - t0) * 1e3, (time.perf_counter() - t1) * 1e3
        fused: dict[int, float] = {}
        for rank, i in enumerate(sorted(dense, key=lambda i: -dense[i])):
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        for rank, i in enumerate(lex_top):
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(fused, key=lambda i: (-fused[i], i))[:top_k]
        top = 2.0 / (RRF_K + 1)
        out = []
        for rank, i in enumerate(best):
            d = dense.get(i)
            if d is None:
                d = float(self.index.dense.reconstruct(i) @ query_vec)
            out.append(Hit(i, rank, fused[i] / top, d, float(lex[i])))
        return out

"""Hybrid retrieval: dense (FAISS inner product) and BM25, fused by reciprocal rank.

Reciprocal rank fusion weighs ranks, not scores: a passage that BM25 puts far ahead of every
other (all the question's rare words) but the encoder ranks low can fall past the passages a
reader reads. So the first passage of each ranking is a *lead*: it is moved up to just after
the first ``lead_rank`` fused hits when fusion ranks it lower, and the reader reads it besides
those (``qa.pipeline``). On the public held-out articles this raised F1 by 0.007 to 0.031 and
recall@5 on all three sets but MLQA (docs/quality.md, "Session 16"). So is the passage that
shares with the question the heaviest run of rare words in a row (``phrase_lead``): a question
that quotes a paragraph asks about that paragraph (session 17)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from qa.index import CorpusIndex
from qa.lexical import bm25_scores
from qa.text import STOP_WORDS, stem, words

_STOP_STEMS = frozenset(stem(w) for w in STOP_WORDS)

RRF_K = 60
PHRASE_MIN = 4  # words in a row that a passage must share with the question to be its phrase lead
PHRASE_WEIGHT = 1.5  # and the rarity of their content words, summed (``HybridRetriever.rarity``)
PHRASE_POOL = 20  # fused passages searched for the phrase lead


def _stem_seq(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def shared_run(question: list[str], passage: list[str], weight: Callable[[str], float]) -> float:
    """The weight of the heaviest run of at least ``PHRASE_MIN`` words (as stems) that
    ``passage`` shares with ``question``: the sum of ``weight`` over its content words."""
    grams = {tuple(question[k : k + PHRASE_MIN]) for k in range(len(question) - PHRASE_MIN + 1)}
    best = 0.0
    for k in range(len(passage) - PHRASE_MIN + 1):
        if tuple(passage[k : k + PHRASE_MIN]) not in grams:
            continue
        for i in range(len(question) - PHRASE_MIN + 1):
            n = 0
            while i + n < len(question) and k + n < len(passage) and question[i + n] == passage[k + n]:
                n += 1
            if n >= PHRASE_MIN:
                best = max(best, sum(weight(w) for w in question[i : i + n] if w not in _STOP_STEMS))
    return best


@dataclass(frozen=True)
class Hit:
    """One retrieved passage. ``score`` is the fused score scaled to [0, 1]."""

    passage: int
    rank: int
    score: float
    dense: float
    bm25: float
    lead: bool = False  # first of the dense or lexical ranking, or the phrase lead, moved up past fusion


class HybridRetriever:
    """Fuses the dense and lexical rankings of the passages with reciprocal rank fusion; the
    first of each ranking comes no later than just after the first ``lead_rank`` fused hits."""

    def __init__(self, index: CorpusIndex, depth: int = 50, lead_rank: int = 3) -> None:
        self.index = index
        self.depth = depth
        self.lead_rank = lead_rank

    def term_ids(self, stems: tuple[str, ...]) -> list[int]:
        ids = self.index.vocab_ids
        return sorted({ids[s] for s in stems if s in ids})

    def run(self, query_vec: np.ndarray, stems: tuple[str, ...], top_k: int,
            timings: dict[str, float] | None = None, question: str = "") -> list[Hit]:
        """The ``top_k`` fused hits; ``timings`` (if given) gets the ms of each search.
        ``question``: its text, for the phrase lead (``phrase_lead``)."""
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
        ranked = sorted(fused, key=lambda i: (-fused[i], i))
        leads = []
        firsts = [lex_top[0] if lex_top else None, max(dense, key=lambda i: dense[i]) if dense else None]
        for lead in (*firsts, self.phrase_lead(question, ranked)):
            if lead is not None and lead not in ranked[:self.lead_rank + len(leads)]:
                ranked.remove(lead)
                ranked.insert(self.lead_rank + len(leads), lead)
                leads.append(lead)
        top = 2.0 / (RRF_K + 1)
        out = []
        for rank, i in enumerate(ranked[:top_k]):
            d = dense.get(i)
            if d is None:
                d = float(self.index.dense.reconstruct(i) @ query_vec)
            out.append(Hit(i, rank, fused[i] / top, d, float(lex[i]), i in leads))
        return out

    def rarity(self, term: str) -> float:
        """How rare a stem is among the corpus's sentences: its idf over that of a stem found
        in one sentence (1.0), so that a weight means the same in a corpus of any size."""
        ix = self.index
        i = ix.vocab_ids.get(term)
        top = float(np.log(ix.analysis.n_sentences + 1))
        return 1.0 if i is None or top <= 0 else float(ix.idf[i]) / top

    def phrase_lead(self, question: str, ranked: list[int]) -> int | None:
        """The passage among the first ``PHRASE_POOL`` fused that shares with the question a
        run of words rare enough (``PHRASE_WEIGHT``), heavier than any the first ``lead_rank``
        share: "Who said that the two could put the past behind them?" quotes the
        passage it asks about, which others outrank by naming the two more often."""
        if not question:
            return None
        q = _stem_seq(question)
        runs = [shared_run(q, _stem_seq(self.index.passage_text(i)), self.rarity) for i in ranked[:PHRASE_POOL]]
        best = int(np.argmax(runs)) if runs else 0
        if not runs or runs[best] < PHRASE_WEIGHT or best < self.lead_rank \
                or max(runs[: self.lead_rank]) >= runs[best]:
            return None
        return ranked[best]

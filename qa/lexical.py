"""BM25 over passages, as a sparse term-by-passage matrix of precomputed weights."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

K1, B = 1.2, 0.75


def bm25_matrix(passage_terms: list[np.ndarray], vocab_size: int) -> sp.csr_matrix:
    """Rows are terms, columns passages; a query's scores are the sum of its terms' rows."""
    n = len(passage_terms)
    lengths = np.array([len(t) for t in passage_terms], np.float64)
    avg = float(lengths.mean()) if n and lengths.sum() else 1.0
    rows, cols, tfs = [], [], []
    for j, terms in enumerate(passage_terms):
        if len(terms) == 0:
            continue
        uniq, counts = np.unique(terms, return_counts=True)
        rows.append(uniq)
        cols.append(np.full(len(uniq), j))
        tfs.append(counts)
    if not rows:
        return sp.csr_matrix((vocab_size, n), dtype=np.float32)
    r, c, tf = np.concatenate(rows), np.concatenate(cols), np.concatenate(tfs).astype(np.float64)
    df = np.bincount(r, minlength=vocab_size)
    idf = np.log1p((n - df + 0.5) / (df + 0.5))
    w = idf[r] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[c] / avg))
    return sp.csr_matrix((w.astype(np.float32), (r, c)), shape=(vocab_size, n))


def bm25_scores(matrix: sp.csr_matrix, term_ids: list[int]) -> np.ndarray:
    """BM25 score of every passage for the query terms (unknown terms already dropped)."""
    if not term_ids:
        return np.zeros(matrix.shape[1], np.float32)
    return np.asarray(matrix[term_ids].sum(axis=0)).ravel()

"""The span scorer: a MiniLM span-extraction head (int8 ONNX) that reads question and passage.

Fine-tuned from the bundled all-MiniLM-L6-v2 by ``scripts/train_span_head.py`` on public
extractive QA data. It gives every token of a passage a start and an end logit; the reader
uses them as features of its candidates, so answers stay candidates with exact offsets.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from qa.encoder import model_dir

MAX_LEN, STRIDE, MAX_ANSWER_TOKENS = 256, 96, 30


def default_model_path() -> Path:
    return Path(str(resources.files("qa").joinpath("weights/span-int8.onnx")))


@dataclass(frozen=True)
class Window:
    """Token logits of one window of one context; ``offsets[i]`` is ``(start, end)`` in the
    context for context tokens and None for question and special tokens."""

    context: int
    start_logits: np.ndarray
    end_logits: np.ndarray
    offsets: list[tuple[int, int] | None]


class SpanScorer:
    """Runs the span head over (question, context) pairs, windowed to the model's length."""

    def __init__(self, path: Path | None = None, threads: int = 2) -> None:
        import onnxruntime as ort
        from transformers import AutoTokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(path or default_model_path()), opts,
                                             providers=["CPUExecutionProvider"])
        self._tok = AutoTokenizer.from_pretrained(str(model_dir()))
        self._lock = threading.Lock()

    def windows(self, question: str, contexts: list[str]) -> list[Window]:
        if not contexts:
            return []
        with self._lock:  # the fast tokenizer is not safe to share between threads
            enc = self._tok([question] * len(contexts), contexts, truncation="only_second", max_length=MAX_LEN,
                            stride=STRIDE, return_overflowing_tokens=True, return_offsets_mapping=True,
                            padding="longest", return_tensors="np")
        feeds = {k: enc[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
        start, end = self._session.run(None, feeds)  # onnxruntime sessions are thread-safe
        out = []
        for w in range(len(feeds["input_ids"])):
            seq = enc.sequence_ids(w)
            offsets = [tuple(int(x) for x in o) if s == 1 else None for o, s in zip(enc["offset_mapping"][w], seq)]
            out.append(Window(int(enc["overflow_to_sample_mapping"][w]), start[w], end[w], offsets))
        return out


def span_score(window: Window, start: int, end: int) -> float | None:
    """Logit score of the context span ``[start, end)`` in this window (None if not inside)."""
    i = j = None
    for k, o in enumerate(window.offsets):
        if o is None:
            continue
        if i is None and o[1] > start:
            if o[0] > start + 1 and o[0] >= end:
                return None
            i = k
        if o[0] < end:
            j = k
    if i is None or j is None or j < i or window.offsets[i][0] > start or window.offsets[j][1] < end:
        return None
    return float(window.start_logits[i] + window.end_logits[j])


def best_span(window: Window) -> tuple[float, int, int]:
    """The window's best ``(score, start, end)`` span with end >= start and bounded length."""
    idx = np.array([k for k, o in enumerate(window.offsets) if o is not None])
    if len(idx) == 0:
        return -1e9, 0, 0
    s, e = window.start_logits[idx], window.end_logits[idx]
    scores = s[:, None] + e[None, :]
    n = len(idx)
    valid = np.triu(np.ones((n, n), bool)) & ~np.triu(np.ones((n, n), bool), MAX_ANSWER_TOKENS)
    scores = np.where(valid, scores, -1e9)
    a, b = np.unravel_index(int(np.argmax(scores)), scores.shape)
    return float(scores[a, b]), window.offsets[idx[a]][0], window.offsets[idx[b]][1]

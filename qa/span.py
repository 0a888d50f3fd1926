"""The span scorer: a MiniLM span-extraction head (int8 ONNX) that reads question and passage.

Fine-tuned from the bundled all-MiniLM-L6-v2 by ``scripts/train_span_head.py`` on public
extractive QA data. It gives every token of a passage a start and an end logit; the reader
uses them as features of its candidates, so answers stay candidates with exact offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from qa.encoder import model_dir

MAX_LEN, STRIDE, MAX_ANSWER_TOKENS = 256, 96, 30
# A question is read up to this many tokens (SQuAD's usual query limit; the seeds' and the
# public sets' longest are under 60): a longer one would leave no room in a window for the
# context, which only the context's truncation can make.
MAX_QUESTION_TOKENS = 64
# A passage is read in at most this many windows, so that a question costs at most three times
# what it costs over prose. Three windows hold 375 tokens of context beside the longest question
# (``MAX_QUESTION_TOKENS``); the longest passage of the seeds, the news sets and the public
# held-out corpora has 367 (COVID-QA; the seeds' 146), so none of them is cut. A sentence of
# thousands of tokens ("A-A-A-...", a table run together) took 21, and a question over such
# passages 10 to 20 s.
MAX_WINDOWS = 3


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
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # No busy-waiting between runs: two sessions (encoder, span head) share 2 cores, and
        # spinning threads of one would slow the other.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(path or default_model_path()), opts,
                                             providers=["CPUExecutionProvider"])
        # The same tokenisation as training (transformers' fast tokenizer is this Rust tokenizer):
        # question + context, only the context truncated, overflow in windows with a stride.
        self._tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self._tok.enable_truncation(MAX_LEN, stride=STRIDE, strategy="only_second")
        self._tok.no_padding()
        self._question_tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))  # untruncated, to clip
        self._question_tok.no_truncation()
        self._question_tok.no_padding()

    def _clipped(self, question: str) -> str:
        """The question cut after its first ``MAX_QUESTION_TOKENS`` tokens."""
        enc = self._question_tok.encode(question)
        ends = [end for (_, end), seq in zip(enc.offsets, enc.sequence_ids) if seq == 0]
        return question if len(ends) <= MAX_QUESTION_TOKENS else question[: ends[MAX_QUESTION_TOKENS - 1]]

    def windows(self, question: str, contexts: list[str]) -> list[Window]:
        if not contexts:
            return []
        question = self._clipped(question)
        encs = [(i, e) for i, first in enumerate(self._tok.encode_batch([(question, c) for c in contexts]))
                for e in [first, *first.overflowing][:MAX_WINDOWS]]
        width = max(len(e.ids) for _, e in encs)
        feeds = {k: np.zeros((len(encs), width), np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
        for w, (_, e) in enumerate(encs):
            n = len(e.ids)
            feeds["input_ids"][w, :n] = e.ids
            feeds["attention_mask"][w, :n] = 1
            feeds["token_type_ids"][w, :n] = e.type_ids
        start, end = self._session.run(None, feeds)  # onnxruntime sessions are thread-safe
        out = []
        for w, (i, e) in enumerate(encs):
            offsets = [o if s == 1 else None for o, s in zip(e.offsets, e.sequence_ids)]
            out.append(Window(i, start[w], end[w], offsets))
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


def top_spans(window: Window, k: int) -> list[tuple[float, int, int]]:
    """The window's ``k`` best ``(score, start, end)`` spans (end >= start, bounded length),
    best first."""
    idx = np.array([i for i, o in enumerate(window.offsets) if o is not None])
    if len(idx) == 0:
        return []
    s, e = window.start_logits[idx], window.end_logits[idx]
    scores = s[:, None] + e[None, :]
    n = len(idx)
    valid = np.triu(np.ones((n, n), bool)) & ~np.triu(np.ones((n, n), bool), MAX_ANSWER_TOKENS)
    flat = np.where(valid, scores, -np.inf).ravel()
    k = min(k, int(valid.sum()))
    top = np.argpartition(-flat, k - 1)[:k]
    top = top[np.argsort(-flat[top], kind="stable")]
    return [(float(flat[t]), window.offsets[idx[t // n]][0], window.offsets[idx[t % n]][1]) for t in top]


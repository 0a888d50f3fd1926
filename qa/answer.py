"""The answer object: one shape for the CLI, the HTTP API, the web form and evaluation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Citation:
    """A file stating the answer: ``raw_text(source)[start:end] == answer``."""

    source: str
    start: int
    end: int
    passage: str
    score: float


@dataclass(frozen=True)
class Passage:
    """A retrieved passage: ``raw_text(source)[start:end] == text``."""

    source: str
    start: int
    end: int
    text: str
    score: float


# Why an answer is withheld (``Answer.reason``).
NOT_FOUND = "not-found"  # no file states an answer the reader can stand behind
YES_NO = "yes-no"  # the question asks yes or no, and no span of a file says either


@dataclass(frozen=True)
class Answer:
    """``answer`` is None when the corpus does not answer; then ``citations`` is empty and
    ``reason`` says why (``NOT_FOUND`` or ``YES_NO``); it is None when there is an answer."""

    question: str
    answer: str | None
    confidence: float
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    reason: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

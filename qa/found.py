"""What the pattern answerers (``qa.relations``, ``qa.quotes``, ``qa.scores``,
``qa.affiliations``, ``qa.nationality``) find in the retrieved sentences: a span of one, which
``Pipeline._spans_answer`` votes on across files and cites."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FoundSpan:
    """A span of a sentence of a retrieved passage: ``doc``, offsets in its text, and the passage
    it lies in."""

    doc: int
    start: int
    end: int
    passage: int

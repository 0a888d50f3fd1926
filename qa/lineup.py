"""Photo captions that name people from left to right, and questions about who stands where.

Wire photos are captioned "A, B, C and D (L-R)" or "From left: A, B and C". "Who is second from
the left in the photo?" is answered by counting along that list, not by reading: the caption
says nothing about "second" or "left" that a span scorer could match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.roles import NAME_PARTICLES, name_of
from qa.text import LIST_SEPARATOR, line_spans

# A caption's left-to-right marker, after its list ("... and D (L-R).") or before it ("From
# left: A, B and C.").
_AFTER = re.compile(r"\s*\((?:L\s*-\s*R|L\s+to\s+R|left\s+to\s+right|from\s+left)\)", re.IGNORECASE)
_BEFORE = re.compile(r"(?:^|(?<=[.\]*]\s))(?:From\s+left(?:\s+to\s+right)?|Left\s+to\s+right|L\s*-\s*R)\s*[:,]\s*",
                     re.IGNORECASE)
_WORD = rf"(?:[A-Z][\w'’.-]*|{'|'.join(NAME_PARTICLES)})"
_NAME = re.compile(rf"{_WORD}(?:[\s-]+{_WORD})*")

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "sixth": 6, "6th": 6}
_PHOTO = re.compile(r"\b(?:photo\w*|picture\w*|image|caption|pictured|shown|stand\w*|appear\w*|pos\w*|seen)\b",
                    re.IGNORECASE)
_POSITION = re.compile(
    r"\b(?P<ord>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|last)\s+(?:from|on)\s+(?:the\s+)?"
    r"(?P<side>left|right)\b"
    r"|\b(?:far|extreme|furthest|farthest)[\s-]+(?:to\s+the\s+)?(?P<far>left|right)\b|\b(?P<most>left|right)most\b"
    r"|\bon\s+the\s+(?P<on>left|right)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Lineup:
    """A caption naming people left to right: ``names`` are ``(start, end)`` offsets in order."""

    doc: int
    line_start: int
    line_end: int
    names: tuple[tuple[int, int], ...]


def find_lineups(doc: int, text: str) -> list[Lineup]:
    """The left-to-right captions of one document."""
    out = []
    for start, end in line_spans(text):
        if (span := _list_span(text, start, end)) and len(names := tuple(_names(text, *span))) >= 2:
            out.append(Lineup(doc, start, end, names))
    return out


def _list_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a line's left-to-right list lies: before an "(L-R)", or after a "From left:"."""
    if m := _AFTER.search(text, start, end):
        stop = text.rfind(". ", start, m.start())  # the caption's sentence that the marker closes
        return (start if stop < 0 else stop + 2), m.start()
    if m := _BEFORE.search(text, start, end):
        stop = text.find(". ", m.end(), end)
        return m.end(), (end if stop < 0 else stop)
    return None


def _names(text: str, lo: int, hi: int):
    """The name of each item of a list, past its title ("Iran's Foreign Minister Hossein
    Amir-Abdollahian" -> "Hossein Amir-Abdollahian"), with its offsets; an item that does not
    start with a name ends the list."""
    bounds = [lo]
    for sep in LIST_SEPARATOR.finditer(text, lo, hi):
        bounds += [sep.start(), sep.end()]
    bounds.append(hi)
    for a, b in zip(bounds[::2], bounds[1::2]):
        m = _NAME.match(name_of(text[a:b].strip(" *_[]()")))  # "Ann Poe" of "Ann Poe at the summit"
        if not m or not m.group()[:1].isupper():
            return
        at = text.find(m.group(), a, b)
        yield at, at + len(m.group())


def asked_position(question: str) -> int | None:
    """The place in a left-to-right list a question about a photo asks for: 0 for "far left",
    1 for "second from the left", -1 for "far right", -2 for "second from the right"; None
    for any other question."""
    if not _PHOTO.search(question):
        return None
    m = _POSITION.search(question)
    if not m:
        return None
    if m.group("ord"):
        ordinal, left = m.group("ord").lower(), m.group("side").lower() == "left"
        if ordinal == "last":
            return -1 if left else 0
        n = _ORDINALS[ordinal]
        return n - 1 if left else -n
    side = (m.group("far") or m.group("most") or m.group("on")).lower()
    return 0 if side == "left" else -1


def pick(lineup: Lineup, position: int) -> tuple[int, int] | None:
    """The offsets of the name at ``position`` (``asked_position``), or None past the list's end."""
    if -len(lineup.names) <= position < len(lineup.names):
        return lineup.names[position]
    return None

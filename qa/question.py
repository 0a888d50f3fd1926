"""Question analysis: what kind of answer is wanted, and which terms must be near it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text import content_stems, fold

# Expected answer types. REASON and MANNER want clauses; THING wants a noun phrase.
EXPECTED = ("PERSON", "ORG", "LOC", "DATE", "NUM", "REASON", "MANNER", "THING", "OTHER")
EXPECTED_ID = {t: i for i, t in enumerate(EXPECTED)}

_FOCUS_TYPES = {
    "PERSON": "person people man woman minister president leader diplomat official spokesman "
    "spokesperson author founder king queen chief head player actor singer writer scientist "
    "politician premier chancellor ambassador envoy emperor ruler general",
    "ORG": "organization organisation agency group body company party alliance league "
    "ministry institution nationality team union council newspaper network government "
    "country's countries' university club",
    "LOC": "city country place town region capital state province location area nation "
    "continent island river mountain site venue street village",
    "DATE": "year month day date time decade century period season era",
    "NUM": "number percentage percent amount proportion share rate size population age "
    "distance length height weight temperature price cost",
}
_FOCUS = {w: t for t, ws in _FOCUS_TYPES.items() for w in ws.split()}
_WH = re.compile(r"\b(who|whom|whose|when|where|why|how|which|what)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """A question as the reader sees it."""

    text: str
    wh: str
    expected: str
    stems: tuple[str, ...]
    unit: str = ""  # finer than ``expected``: "weekday" or "duration" (see ``answer_unit``)

    @property
    def expected_id(self) -> int:
        return EXPECTED_ID[self.expected]


_AUX = set("do does did has have had will would can could should may might must".split())  # not "is": "what is the capital"


def _focus_type(rest: list[str]) -> str | None:
    """Type named by the first nouns after "what"/"which" ("which city", "what news agency");
    none after an auxiliary: in "what did the minister say" the noun is the subject."""
    if rest and rest[0] in _AUX:
        return None
    for w in rest[:3]:
        w = w.rstrip("s") if w not in _FOCUS else w
        if w in _FOCUS:
            return _FOCUS[w]
    return None


def expected_type(text: str) -> tuple[str, str]:
    """``(wh-word, expected type)`` from the wh-word and its focus noun."""
    m = _WH.search(text)
    if not m:
        return "other", "OTHER"
    wh = m.group(1).lower()
    rest = re.findall(r"[a-z']+", fold(text[m.end():]))
    if wh in ("who", "whom", "whose"):
        return wh, "PERSON"
    if wh == "when":
        return wh, "DATE"
    if wh == "where":
        return wh, "LOC"
    if wh == "why":
        return wh, "REASON"
    if wh == "how":
        nxt = rest[0] if rest else ""
        if nxt in ("many", "much"):
            return wh, "NUM"
        if nxt in ("long", "old", "far", "often", "big", "large", "high"):
            return wh, "NUM" if nxt != "long" else "DATE"
        return wh, "MANNER"
    focus = _focus_type(rest)
    if focus:
        return wh, focus
    return wh, "THING"


_WEEKDAY_Q = re.compile(r"\b(what|which) day\b(?! of the (month|year))", re.IGNORECASE)
_DURATION_Q = re.compile(
    r"\bhow long (before|after|ago|since|did|does|do|has|have|had|will|would|could|can)\b"  # not "how long is the river"
    r"|\bhow much time\b|\bhow many (years|months|weeks|days|hours|minutes|decades)\b", re.IGNORECASE)


def answer_unit(text: str) -> str:
    """"weekday" for "on what day ...?", "duration" for "how long ...?" / "how many years
    ...?": a date is the wrong answer to both ("May 19" for "what day", "December" for
    "how long before")."""
    if _WEEKDAY_Q.search(text):
        return "weekday"
    if _DURATION_Q.search(text):
        return "duration"
    return ""


def analyse_question(text: str) -> Question:
    wh, expected = expected_type(text)
    return Question(text=text, wh=wh, expected=expected, stems=tuple(content_stems(text)), unit=answer_unit(text))

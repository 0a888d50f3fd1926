"""A game's score: "What was the score at half-time?" -> "2-0".

The reader weighs "3-3" as one number among many ("97 seconds", "the 80th minute") and, where
the question's words are few and common to the whole report ("score", "final", "time"), ranks
it low or reads none of the passages that give it. A score has a shape of its own: two small
numbers joined by a dash. The one asked for is the one whose words around it hold most of the
question's other words ("after extra time", "at half-time", "on penalties"); where several
scores hold as many, the one most files give (``Pipeline._spans_answer``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from qa.found import FoundSpan
from qa.text import content_stems

# The noun "score" ("What was the score ...?", "By what score ...?", "the half-time score"), not
# the verb ("When did Messi score ...?", "failed to score"), nor a rating ("Metacritic score");
# or "the result of the final / match / shootout".
_ASKS_SCORE = re.compile(
    r"\b(?:the|what|final|half[- ]?time|full[- ]?time|aggregate|match|game|final's|match's|game's)\s+score(?:line)?\b"
    r"|\bscoreline\b"
    r"|\bresult\s+of\s+(?:the\s+|this\s+|that\s+)?(?:[\w'’-]+\s+){0,3}?(?:match|game|final|shoot-?out|tie|leg|replay"
    r"|fixture|derby|semi-?final|quarter-?final|play-?off|decider)s?\b",
    re.IGNORECASE)
# Two numbers of one to three digits joined by a dash ("3-3", "24–10"): not a year's span
# ("2014-15"), a date ("2023-05-05"), a clock time, a decimal, a range of a unit ("5-10 days",
# "20-30%") or a name's number ("COVID-19", "F-16").
_SCORE = re.compile(
    r"(?<![\w.,/:–—-])\d{1,3}\s?[-–—]\s?\d{1,3}(?![\w/:%–—-]|[.,]\d)"
    r"(?!\s*(?:%|percent|per\s*cent|years?|months?|weeks?|days?|hours?|minutes?|seconds?|degrees?|km|kilometres?"
    r"|kilometers?|miles?|kg|metres?|meters?|feet|ft|inches|cm|mm|million|billion|thousand|times|per)\b)",
    re.IGNORECASE)
# The question's own words for a score, which every score's sentence need not repeat
_SCORE_WORDS = frozenset(content_stems("score scores scoreline result results"))
_WORD = re.compile(r"[^\W_]+")
NEAR_WORDS = 8  # words either side of a score that say what it is the score of


def asks_score(question: str) -> bool:
    """Whether ``question`` asks for a game's score (or the result of a match)."""
    return bool(_ASKS_SCORE.search(question))


def score_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """The scores in ``sentences`` (``(doc, passage, start, text)``, best first) near the most of
    the question's other words, in sentence order; [] where none is near half of them. A word is
    near the score it is closest to, within ``NEAR_WORDS`` words: in "ended 3-3 after extra time
    before Argentina won the shootout 4-2", "shootout" tells of the "4-2". A hyphenated word of the
    question is near where all its parts are: "the score of the semi-final" is not the "3-3" of
    "the final ended 3-3"."""
    units = {frozenset(stems) for word in question.split() if (stems := set(content_stems(word)) - _SCORE_WORDS)}
    asked = set().union(*units)
    found: list[tuple[FoundSpan, int]] = []  # each score, and how many question words are near it
    for doc, passage, start, text in sentences:
        scores = list(_SCORE.finditer(text))
        if not scores:
            continue
        # the words outside the scores, and each score's place among them (after the words before
        # it), by bisection: a token-dense sentence of thousands of scores must not hold up a worker
        starts = [m.start() for m in scores]
        tokens = [w for w in _WORD.finditer(text)
                  if (k := bisect_right(starts, w.start()) - 1) < 0 or w.start() >= scores[k].end()]
        token_starts = [w.start() for w in tokens]
        places = [bisect_left(token_starts, m.start()) for m in scores]
        near: list[set[str]] = [set() for _ in scores]
        for i, w in enumerate(tokens):
            if not (stems := asked.intersection(content_stems(w.group()))):
                continue
            j = bisect_right(places, i)  # the first score after word i; the one before it, if any
            before = bisect_left(places, places[j - 1]) if j else None
            gap_before = i - places[before] + 1 if before is not None else NEAR_WORDS + 1
            gap_after = places[j] - i if j < len(places) else NEAR_WORDS + 1
            k, gap = (before, gap_before) if gap_before <= gap_after else (j, gap_after)
            if gap <= NEAR_WORDS:
                near[k] |= stems
        found += [(FoundSpan(doc, start + m.start(), start + m.end(), passage), sum(u <= n for u in units))
                  for m, n in zip(scores, near)]
    most = max((n for _, n in found), default=0)
    if units and (most == 0 or 2 * most < len(units)):
        return []
    return [s for s, n in found if n == most]

"""Why something happened, said in so many words: "Why did the CMA block the deal?" -> the
"concerns it would hurt competition in the nascent cloud gaming market" of "the CMA blocked it
over concerns it would hurt competition in the nascent cloud gaming market".

The span head, trained mostly on questions about names and numbers, reads a reason clause
poorly: on news it had not seen, "why" was its weakest question (F1 0.37 over 21 questions,
against 0.94 on the seeds it was trained on), answering with a name from the sentence ("UK
regulator") or not at all. A reason is often marked: "because (of)", "due to", "owing to",
"citing", "for fear of", "as a result of", "over concerns / fears / worries". Where the reader
finds no answer it trusts, the clause after such a marker in a retrieved sentence that holds
most of the question's words answers it: from the marker to the end of its clause (a comma, a
semicolon, a dash, a bracket or the sentence's end), voted across files
(``Pipeline._spans_answer``).
"""

from __future__ import annotations

import re

from qa.found import FoundSpan
from qa.text import content_stems

# "Why ...?", "For what reason ...?", "What reason did the board give for ...?", "What was the
# reason for ...?"
_ASKS_REASON = re.compile(r"^\W*why\b|\bfor\s+what\s+reasons?\b|\bwhat\s+(?:(?:is|was|were|are)\s+)?(?:the\s+)?"
                          r"(?:main\s+|stated\s+|official\s+)?reasons?\b", re.IGNORECASE)
# What opens a reason, and the reason after it; "over" only before a word of concern ("blocked
# it over concerns it would ..."), as "over the weekend" gives none.
_MARKER = re.compile(r"\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|citing|for\s+fear\s+(?:of|that)"
                     r"|over(?=\s+(?:concerns?|fears?|worries|worry|objections?|allegations?|claims?|doubts?)\b))\s+",
                     re.IGNORECASE)
# Where the reason's clause ends: a comma, a semicolon or colon, a dash, a bracket, the end.
_CLAUSE_END = re.compile(r"\s*(?:[,;:()\[\]]|\s[–—-]\s|[.!?](?:[\"'”’]?\s|[\"'”’]?$))")
_TRAILING = "\"'”’ "
MIN_SHARE = 0.5  # of the question's own words that the reason's sentence must hold
MIN_WORDS = 2
MAX_WORDS = 30  # a longer "clause" is no reason read right
LIST_ITEMS = 6  # items of a list a reason may name ("displacement, crowded housing and ...")
LIST_WORDS = 4  # words of each but the last
_LAST_ITEM = re.compile(r"\b(?:and|or)\s", re.IGNORECASE)


def asks_reason(question: str) -> bool:
    """Whether ``question`` asks why something happened."""
    return bool(_ASKS_REASON.search(question))


def _asked_stems(question: str) -> set[str]:
    """The question's own words (stems), less the words that ask for a reason."""
    return set(content_stems(_ASKS_REASON.sub(" ", question))) - set(content_stems("reason reasons"))


def _clause_end(text: str, start: int) -> int:
    """Where the clause from ``start`` ends: at its first comma, unless the comma opens a list
    closed by "and" or "or" within ``LIST_ITEMS`` items ("due to displacement, crowded housing,
    malnutrition and poor sanitation"), which runs to the end of its last item."""
    end = _CLAUSE_END.search(text, start)
    if end is None:
        return len(text)
    stop = end.start()
    if text[end.start():end.end()].strip() != "," or len(text[start:stop].split()) > LIST_WORDS:
        return stop
    at = end.end()
    for _ in range(LIST_ITEMS):
        nxt = _CLAUSE_END.search(text, at)
        item = text[at:nxt.start() if nxt else len(text)]
        if len(item.split()) > LIST_WORDS + 1:
            return stop
        if _LAST_ITEM.search(item):
            return nxt.start() if nxt else len(text)
        if nxt is None or text[nxt.start():nxt.end()].strip() != ",":
            return stop
        at = nxt.end()
    return stop


def reason_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """The reasons given by the sentences (``(doc, passage, start, text)``, best first) that
    hold the largest share of the question's own words, at least ``MIN_SHARE`` of them and
    ``MIN_WORDS``; [] where none does. A sentence's first marked reason counts."""
    asked = _asked_stems(question)
    if len(asked) < MIN_WORDS:
        return []
    found: list[tuple[float, FoundSpan]] = []
    for doc, passage, start, text in sentences:
        marker = _MARKER.search(text)
        if marker is None:
            continue
        held = asked & set(content_stems(text))
        share = len(held) / len(asked)
        if share < MIN_SHARE or len(held) < MIN_WORDS:
            continue
        stop = _clause_end(text, marker.end())
        while stop > marker.end() and text[stop - 1] in _TRAILING:
            stop -= 1
        clause = text[marker.end():stop]
        if clause.count('"') % 2 or clause.count("“") > clause.count("”"):
            # the quotation the reason opens, closed: 'he "was not consistently candid ... board."'
            close = re.match(r"[.,!?]?[\"”]", text[stop:])
            if close is None:
                continue
            stop += close.end()
            clause = text[marker.end():stop]
        if not clause or len(clause.split()) > MAX_WORDS:
            continue
        found.append((share, FoundSpan(doc, start + marker.end(), start + stop, passage)))
    if not found:
        return []
    best = max(share for share, _ in found)
    return [span for share, span in found if share == best]

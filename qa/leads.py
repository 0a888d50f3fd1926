"""The lead of each corpus file: its first ``LEAD_SENTENCES`` sentences.

A news report's lead says what happened and when; its page date dates it. The reader asks of
it whether a date it gives is the report's own event (``SecondLook.dates_lead``), whether a
question is about that event (``SecondLook.reports_event``), and whether a question's words are
the lead's (``Verifier.about_lead``): all through this one class, which finds a lead's sentences
by a binary search of the index's arrays and reads its words once per file.
"""

from __future__ import annotations

import numpy as np

from qa.checks import EVENT_FILLER, GATHERING, LEAD_SENTENCES
from qa.index import CorpusIndex
from qa.question import Question
from qa.roles import country_of
from qa.text import STOP_WORDS, content_stems, fold, stem, words


class Leads:
    """Where each file's lead lies in the index (looked up at each call), and its words (read
    once per file)."""

    def __init__(self, index: CorpusIndex) -> None:
        self.index = index
        self._stems: dict[int, frozenset[str]] = {}

    def sentences(self, doc: int) -> tuple[int, int]:
        """The first and one past the last sentence of ``doc``'s lead (an empty range for a
        file without sentences)."""
        a = self.index.analysis
        first = int(np.searchsorted(a.sent_doc, doc))
        last = min(first + LEAD_SENTENCES, len(a.sent_doc))
        while last > first and a.sent_doc[last - 1] != doc:
            last -= 1
        return first, last

    def holds_sentence(self, doc: int, sentence: int) -> bool:
        """Whether ``sentence`` (an index sentence of ``doc``) is of its lead."""
        first, last = self.sentences(doc)
        return first <= sentence < last

    def text(self, doc: int) -> str:
        """The lead's text ("" for a file without sentences)."""
        a = self.index.analysis
        first, last = self.sentences(doc)
        return self.index.docs[doc].text[a.sent_start[first] : a.sent_end[last - 1]] if last > first else ""

    def stems(self, doc: int) -> frozenset[str]:
        """The content stems of ``doc``'s lead, found once per file (the checks ask often)."""
        found = self._stems.get(doc)
        if found is None:
            found = self._stems[doc] = frozenset(content_stems(self.text(doc)))
        return found

    def holds(self, term: str, doc: int) -> bool:
        """Whether ``doc``'s lead holds the stem ``term``, or another word for a gathering where
        it is one ("talks" for the lead's "meeting": ``GATHERING``)."""
        lead = self.stems(doc)
        return term in lead or term in GATHERING and bool(GATHERING & lead)

    def holds_all(self, terms: set[str], doc: int) -> bool:
        """Whether ``doc``'s lead holds every one of ``terms`` (``holds``)."""
        return all(self.holds(t, doc) for t in terms)

    def passage(self, doc: int) -> int | None:
        """The passage that opens ``doc`` (passages run file by file, in order), or None for a
        file without one."""
        p = int(np.searchsorted(self.index.pass_doc, doc))
        return p if p < len(self.index.pass_doc) and int(self.index.pass_doc[p]) == doc else None


# How many take part ("the four foreign ministers"): a lead lists them rather than counts them.
_COUNTS = frozenset("two three four five six seven eight nine ten".split())


def event_terms(q: Question) -> list[str]:
    """The stems of what a question asks about, less the countries it names, how many take part
    (``_COUNTS``) and words of time and occurrence (``EVENT_FILLER``): what a report's lead
    must hold for the question to be about the event the lead reports."""
    return [stem(w) for w in words(q.text) if fold(w) not in STOP_WORDS and stem(w) not in EVENT_FILLER
            and fold(w).lower() not in _COUNTS and not country_of(w)]

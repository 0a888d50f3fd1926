"""Events and their contraries: a sentence that reports the contrary of the event a question
asks about, and not the event itself, does not answer it.

"When did Turkey restore relations with Syria?" is not answered by "Turkey severed its
relations with Syria in March 2012", nor "How many Syrian refugees have returned home from
Turkey?" by "It is also hosting more than 3.5 million refugees": the question's words are all
there but one, and that one is turned around. A retriever and a reader that weigh shared words
find such sentences the best they have; this table says they are not.

Each entry is a pair of word patterns (regular expressions over lower-cased text): an event
and the events contrary to it, both ways. A pair only says that a sentence naming one and not
the other is not about the other; it is general English, not a list of this corpus's phrasings.
"""

from __future__ import annotations

import re

_OBJ = r"(?:[\w'’-]+\s+){0,3}?"  # "sent [the refugees] back", "pulled [its troops] out"

_PAIRS: list[tuple[str, str]] = [
    # relations, ties and offices: restored or cut
    (r"restor\w*|re-?establish\w*|resum\w*|renew\w*|re-?open\w*|normali[sz]\w*|mend\w*|reconcil\w*",
     r"sever\w*|cut(?:s|ting)?|broke|break\w*|suspend\w*|froze|frozen|freez\w*|clos(?:e|ed|es|ing|ure)"),
    # people going home, or staying where they fled to
    (r"return\w*|repatriat\w*|(?:went|go|goes|going|gone|sen[dt]\w*|came|come|coming)\s+" + _OBJ + r"(?:back|home)"
     r"|deport\w*",
     r"host\w*|shelter\w*|refuge\b|harbou?r\w*|(?:took|take|takes|taking|taken)\s+in\b"),
    # troops going in, or coming out
    (r"withdr[ae]w\w*|pull\w*\s+" + _OBJ + r"out|retreat\w*|evacuat\w*",
     r"deploy\w*|sen[dt]\w*\s+" + _OBJ + r"(?:in|into)\b|invad\w*|invasion|station\w*"),
    # membership: let in, or put out
    (r"readmit\w*|reinstat\w*|admit\w*|join\w*|accession",
     r"expel\w*|expulsion|suspend\w*|suspension|ousted|kick\w*\s+" + _OBJ + r"out"),
    # more, or less
    (r"increas\w*|ris(?:e|es|en|ing)|rose|grow\w*|grew|gain\w*|surg\w*",
     r"decreas\w*|declin\w*|f[ae]ll(?:s|en|ing)?\b|drop\w*|shr[iu]nk\w*|reduc\w*|loss\w*|lost"),
    # yes, or no
    (r"accept\w*|agree\w*|approv\w*|endors\w*|back(?:s|ed|ing)?\b",
     r"reject\w*|refus\w*|declin\w*|oppos\w*|veto\w*|denounc\w*|condemn\w*"),
    # imposed, or lifted
    (r"impos\w*", r"lift\w*|eas(?:e|ed|es|ing)\b|remov\w*"),
    # won, or lost ("X defeated Y" says who won)
    (r"w[oi]n(?:s|ning)?\b|victor\w*", r"los[te]\w*"),
    # arrived, or left
    (r"arriv\w*", r"depart\w*|left\b|leav\w*"),
]
_EVENTS = [(re.compile(rf"\b(?:{a})", re.IGNORECASE), re.compile(rf"\b(?:{b})", re.IGNORECASE)) for a, b in _PAIRS]


def contrary_event(question: str, sentence: str) -> bool:
    """Whether ``sentence`` reports the contrary of an event ``question`` asks about and not
    that event: one side of a pair in the question and not in the sentence, the other side in
    the sentence and not in the question."""
    for one, other in _EVENTS:
        for asked, contrary in ((one, other), (other, one)):
            if asked.search(question) and not contrary.search(question) \
                    and not asked.search(sentence) and contrary.search(sentence):
                return True
    return False


# Kinds of event a date or a place is asked for. A sentence that tells of events of other kinds,
# and of none of the kinds the question asks about, dates or places those, not the asked one:
# "When did Turkey pull its troops out?" is not answered by "Turkey severed its relations in
# March 2012", nor "When was Syria's membership suspended?" by "invited to attend the summit on
# May 19". Of 1,491 public gold sentences answering a date or place question, 2 trip this.
_KINDS = {kind: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for kind, words in {
    "membership": r"suspen\w*|expel\w*|expulsion|readmi\w*|reinstat\w*|re-?admi\w*|rejoin\w*|join\w*|accession|ousted|kick\w*",
    "relations": r"restor\w*|re-?establish\w*|sever\w*|normali[sz]\w*|reconcil\w*",
    "military": r"withdr[ae]w\w*|pull\w*|captur\w*|seiz\w*|invad\w*|invasion|incursion\w*|offensive|deploy\w*|occup\w*",
    # a body's vote or decision to act is an agreement too; "sign" alone is not ("a significant sign")
    "agreement": r"signed|signing|signatur\w*|agree\w*|decision|decided|decides?|vot(?:e|ed|es|ing)\s+to\b",
    "election": r"elect\w*|vote\w*(?!\s+to\b)|voting(?!\s+to\b)|ballot\w*|polls?",
    "meeting": r"meet\w*|met|talks|summit\w*|visit\w*|attend\w*|gather\w*|conference",
}.items()}


def event_kinds(text: str) -> frozenset[str]:
    """The kinds of event (``_KINDS``) a text tells of."""
    return frozenset(kind for kind, pattern in _KINDS.items() if pattern.search(text))


# What a kind of event tells besides: an agreement or a body's decision on its members was
# reached at a meeting ("ministers agreed at the headquarters in Cairo" places their meeting),
# though a meeting reaches no agreement by itself.
_IMPLIES = {"agreement": {"meeting"}, "membership": {"meeting"}}


def other_event(question: str, sentence: str) -> bool:
    """Whether ``sentence`` tells of events of other kinds than ``question`` and of none of its
    (nor implies one: ``_IMPLIES``)."""
    asked, told = event_kinds(question), event_kinds(sentence)
    told = told.union(*(_IMPLIES.get(kind, ()) for kind in told))
    return bool(asked and told and not asked & told)

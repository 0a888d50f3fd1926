"""Offices: a question asking for the holder of one office, and a name the corpus gives another.

"Who is Turkey's defence minister?" must not be answered "Mevlut Cavusoglu" when every file
that titles him calls him the foreign minister: the corpus names no defence minister, so the
honest answer is a refusal. Only a conflict counts: a name the corpus never titles, or titles
with the asked office too, is left to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Offices held by a person, and the portfolios that tell two of them apart.
_ROLES = r"minister|secretary|ambassador|envoy|commissioner|spokes(?:man|woman|person)|chief|director|adviser|advisor"
_PORTFOLIOS = frozenset("""defence defense foreign interior home finance treasury economy economic justice health
education trade commerce industry energy agriculture culture transport transportation labour labor environment war
intelligence security information communications tourism prime""".split())
_SAME = {"defense": "defence", "labor": "labour", "advisor": "adviser", "economic": "economy",
         "transportation": "transport"}
_PORTFOLIO = "|".join(sorted(_PORTFOLIOS))
_AUX = r"(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must)"
# The office must be what the question asks for: "Who is / was ...", "Name the ...", "Which ...".
_ASKED = re.compile(
    r"^\W*(?:who(?:m)?\s+(?:is|was|are|were|served\s+as|serves\s+as|became)|what\s+(?:is|was)\s+the\s+names?\s+of"
    r"|(?:give\s+|tell\s+me\s+)?(?:the\s+)?names?(?:\s+of)?|identify|which|what)\s+(?:the\s+)?"
    rf"(?:(?!{_AUX}\b)[\w'’-]+\s+){{0,3}}?(?P<portfolio>{_PORTFOLIO})\s+(?P<role>{_ROLES})s?\b",
    re.IGNORECASE)
# A title just before a name ("Turkish Foreign Minister Mevlut Cavusoglu") or just after it
# (", Syria's foreign minister").
_TITLE_BEFORE = re.compile(rf"\b(?P<portfolio>\w+)\s+(?P<role>{_ROLES})s?\s+(?:[A-Z][\w'’-]*\s+){{0,3}}$",
                           re.IGNORECASE)
_TITLE_AFTER = re.compile(rf"^\s*,\s+(?:the\s+|[\w'’-]+(?:'s|’s)\s+|[A-Z][\w-]*\s+)?(?P<portfolio>\w+)\s+"
                          rf"(?P<role>{_ROLES})\b", re.IGNORECASE)
_WINDOW = 80
_MAX_OCCURRENCES = 200


def _norm(word: str) -> str:
    word = word.lower()
    return _SAME.get(word, word)


def asked_office(question: str) -> tuple[str, str] | None:
    """``(portfolio, role)`` of the office whose holder the question asks for ("defence",
    "minister" for "Who is Turkey's defence minister?"), or None."""
    m = _ASKED.search(question)
    return (_norm(m.group("portfolio")), _norm(m.group("role"))) if m else None


def name_of(span: str) -> str:
    """The name in a span that may carry its title: "Mevlut Cavusoglu" of "Turkish Foreign
    Minister Mevlut Cavusoglu"."""
    parts = re.split(rf"\b(?:{_ROLES})s?\s+", span, flags=re.IGNORECASE)
    return parts[-1].strip()


def titled_offices(texts: Sequence[str], name: str, role: str) -> set[str]:
    """Portfolios of the ``role`` the corpus gives ``name`` in titles next to it."""
    seen: set[str] = set()
    if len(name) < 4 or not name[:1].isupper():
        return seen
    count = 0
    for text in texts:
        pos = text.find(name)
        while pos >= 0 and count < _MAX_OCCURRENCES:
            count += 1
            for m in (_TITLE_BEFORE.search(text, max(0, pos - _WINDOW), pos),
                      _TITLE_AFTER.match(text[pos + len(name) : pos + len(name) + _WINDOW])):
                if m and _norm(m.group("role")).rstrip("s") == role:
                    seen.add(_norm(m.group("portfolio")))
            pos = text.find(name, pos + len(name))
    return seen


def holds_other_office(texts: Sequence[str], question: str, span: str) -> bool:
    """Whether the question asks for the holder of one office and the corpus titles the
    answer's name with the same role in other portfolios only ("foreign", never "defence")."""
    office = asked_office(question)
    if office is None:
        return False
    portfolio, role = office
    seen = titled_offices(texts, name_of(span), role) & _PORTFOLIOS
    return bool(seen) and portfolio not in seen

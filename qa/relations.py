"""How one party stands to another: "How is Russia's relationship with Assad described?" ->
"main ally".

Such a question names two parties and asks for the noun that relates them. The corpus says it in
a sentence that names both ("Moscow is Assad's main ally", "Russia, as the main ally of Syrian
President Bashar al-Assad, ..."), often beside a verb like "describe" that the reader's span
scorer matches elsewhere (a ministry "described the atmosphere"). The reader then finds no
answer it believes; this module finds the relation noun itself, in the sentences retrieved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.roles import capital_of, countries_named, country_of
from qa.text import STOP_WORDS, fold

# "relationship with", "ties to", "relations between", "alliance with"
_ASKS_RELATION = re.compile(r"\b(?:relationship|relations|ties|alliance|association)\s+(?:with|to)\b"
                            r"|\b(?:relationship|relations|ties)\b[^?]*\bbetween\b", re.IGNORECASE)
_RELATION = (r"ally|allies|partner|partners|backer|backers|supporter|supporters|patron|sponsor|protector|rival|rivals"
             r"|enemy|enemies|adversary|adversaries|foe|foes|friend|friends")
_MODIFIER = (r"main|key|staunch|closest|close|chief|principal|strongest|strong|longtime|long-time|traditional"
             r"|strategic|old|bitter|arch|major|biggest|most\s+important|regional")
# The relation noun with the modifiers before it: "main ally", "a staunch ally", "rival".
_PHRASE = re.compile(rf"\b(?:(?:{_MODIFIER})\s+)*(?:{_RELATION})\b", re.IGNORECASE)
_PARTY = re.compile(r"(?<![\w'’-])(?-i:[A-Z])[\w-]*[a-z][\w-]*")  # a capitalised name word ("Assad", "Moscow")


@dataclass(frozen=True)
class RelationSpan:
    """A relation phrase in a sentence that names every party: ``doc``, offsets in its text,
    and the retrieved passage it lies in."""

    doc: int
    start: int
    end: int
    passage: int


def asks_relation(question: str) -> bool:
    """Whether the question asks how one party stands to another."""
    return bool(_ASKS_RELATION.search(question))


_NOT_PARTY = frozenset("How What Which Who Whom Whose Why When Where In According Describe Name Tell Give".split())


# Words of a relation question typed in lower case that are no party
_NOT_PARTY_WORD = frozenset("""relationship relations relation ties tie alliance association describe described
characterise characterised characterize characterized call called portray portrayed define defined stand""".split())


def parties(question: str) -> list[str]:
    """The name words of a relation question: "Russia", "Assad" (not its opening "How"). In a
    question typed all in lower case, its content words but the relation's own, capitalised
    ("moscow relationship to assad" -> "Moscow", "Assad")."""
    if question == question.lower():
        return [w.capitalize() for w in re.findall(r"[\w-]+", question)
                if fold(w) not in STOP_WORDS and w not in _NOT_PARTY_WORD and not w.isdigit()]
    return [w for w in _PARTY.findall(question) if w not in _NOT_PARTY]


def _names(party: str, sentence: str, countries: frozenset[str]) -> bool:
    """Whether a sentence names a party, as itself or as its country ("Moscow" for "Russia")."""
    country = country_of(party) or capital_of(party)
    return bool(re.search(rf"\b{re.escape(party)}\b", sentence)) or bool(country) and country in countries


def relation_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[RelationSpan]:
    """The relation phrases ("main ally") of the ``sentences`` (``(doc, passage, start, text)``,
    best first) that name every party of a relation question; [] for another question or fewer
    than two parties."""
    named = parties(question)
    if not asks_relation(question) or len(named) < 2:
        return []
    found = []
    for doc, passage, start, text in sentences:
        countries = countries_named(text)
        if all(_names(p, text, countries) for p in named):
            found += [RelationSpan(doc, start + m.start(), start + m.end(), passage) for m in _PHRASE.finditer(text)]
    return found

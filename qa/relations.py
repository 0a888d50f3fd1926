"""How one party stands to another: "How is Russia's relationship with Assad described?" ->
"main ally".

Such a question names two parties and asks for the noun that relates them. The corpus says it in
a sentence that names both ("Moscow is Assad's main ally", "Russia, as the main ally of Syrian
President Bashar al-Assad, ..."), often beside a verb like "describe" that the reader's span
scorer matches elsewhere (a ministry "described the atmosphere"). The reader then finds no
answer it believes; this module finds the relation noun itself, in the sentences retrieved.

Two relations are asked for by name too: the group a party belongs to ("Which military alliance
does Turkey belong to?" -> the "NATO" of "NATO member Turkey"), and a person's kin ("Who is
Shahzada Dawood's father?" -> the "Hussain Dawood" of "Shahzada's father, Hussain Dawood").
"""

from __future__ import annotations

import re

from qa.found import FoundSpan
from qa.roles import capital_of, countries_named, country_of
from qa.text import STOP_WORDS, content_stems, fold, unaccented

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


def relation_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
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
            found += [FoundSpan(doc, start + m.start(), start + m.end(), passage) for m in _PHRASE.finditer(text)]
    return found


# "Which military alliance does Turkey belong to?", "Turkey is a member of which bloc?", "Name
# the alliance of which Turkey is a member", "Which alliance is Turkey part of?", "Which alliance
# includes Turkey?", "Which of the four countries belongs to NATO?"
_ASKS_MEMBERSHIP = re.compile(r"\bbelong(?:s|ed)?\s+to\b|\bbelongs?\s*\??\s*$|\bmembers?\s+(?:of|in)\b"
                              r"|\bof\s+which\b.*\bmember\b|\bmember\s*\??\s*$"
                              r"|\bpart\s+of\s*\??\s*$|\bincludes?\b", re.IGNORECASE)
# What asks about another time than the corpus's (when a country joined, what it belonged to before)
_OTHER_TIME = re.compile(r"\b(?:when|before|after|until|since|former|formerly|previous|previously|prior|earlier|join"
                         r"|joined|first|\d{4})\b", re.IGNORECASE)
# A name of capitalised words ("NATO", "Arab League", "Türkiye", "Organisation of Islamic
# Cooperation"); "the" kept out
_NAME = r"(?:(?!(?:The|A|An|As)\b)[A-Z][\w’'&.-]*)(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w’'&.-]*){0,6}"
_NAME_RE = re.compile(_NAME)
# Names listed: "the Commonwealth of Independent States, the Eurasian Economic Union and ..."
_NAMES = rf"{_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?{_NAME})*"
# The ways a sentence says that a member belongs to a group
_MEMBERSHIPS = (
    # "NATO member Türkiye", "EU member state Poland"
    re.compile(rf"(?P<group>{_NAME})\s+member(?:\s+(?:state|country|nation))?\s+(?P<member>{_NAME})"),
    # "As a NATO member, Turkey has ..."
    re.compile(rf"\b[Aa]n?\s+(?P<group>{_NAME})\s+member,\s+(?P<member>{_NAME})"),
    # "Turkey, a NATO member, ...", "Turkey is a NATO member"
    re.compile(rf"(?P<member>{_NAME}),?\s+(?:(?:is|was|remains)\s+)?an?\s+(?P<group>{_NAME})\s+member\b"),
    # "Turkey, a member of NATO", "Poland is a member of the European Union", "Turkey belongs to NATO"
    re.compile(rf"(?P<member>{_NAME}),?\s+(?:(?:is|was|remains)\s+)?"
               rf"(?:an?\s+member\s+of|belongs\s+to|(?:a\s+)?part\s+of)\s+(?:the\s+)?(?P<group>{_NAMES})"),
)


def asks_membership(question: str) -> bool:
    """Whether the question asks what group a party belongs to, or which party belongs to a
    group, now (not "When did Turkey join NATO?")."""
    return bool(_ASKS_MEMBERSHIP.search(question)) and not _OTHER_TIME.search(question)


def membership_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """Where the ``sentences`` (``(doc, passage, start, text)``, best first) say that a party the
    question names belongs to a group: the group ("NATO" of "NATO member Türkiye" for "Which
    alliance does Turkey belong to?"); or, where the question names the group, its member.
    [] for another question, or where no sentence ties a party named to a group."""
    if not asks_membership(question):
        return []
    named = [p for p in parties(question) if p.lower() not in ("member", "members", "belong", "belongs")]
    found = []
    for doc, passage, start, text in sentences:
        for pattern in _MEMBERSHIPS:
            for m in pattern.finditer(text):
                group, member = m.group("group"), m.group("member")
                if _said(group, question):  # "Which of the four countries belongs to NATO?"
                    if not _said(member, question):
                        found.append(FoundSpan(doc, start + m.start("member"), start + m.end("member"), passage))
                elif any(_names(p, member, countries_named(member)) for p in named) \
                        and (asked := _asked_group(question, group)) is not None:
                    at = start + m.start("group")
                    found.append(FoundSpan(doc, at + asked[0], at + asked[1], passage))
    return found


def _asked_group(question: str, groups: str) -> tuple[int, int] | None:
    """Offsets in ``groups`` of the one group the question asks for: the only one named, or,
    of a list ("a member of the Commonwealth of Independent States, ..., the Organisation of
    Islamic Cooperation"), the one that shares most words with the question ("Which Islamic
    organisation ...?"); None where no one group does."""
    names = list(_NAME_RE.finditer(groups))
    if len(names) == 1:
        return names[0].span()
    asked = set(content_stems(question))
    shared = [len(asked & set(content_stems(m.group()))) for m in names]
    best = max(shared, default=0)
    if best == 0 or shared.count(best) > 1:
        return None
    return names[shared.index(best)].span()


def _said(name: str, question: str) -> bool:
    """Whether the question says ``name`` in those words, in any case ("nato" for "NATO")."""
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question, re.IGNORECASE))


# "Who is Shahzada Dawood's father?", "Who was Stockton Rush's wife?": the kin asked for and whose
_ASKS_KIN = re.compile(r"^\W*(?i:who(?:m)?\s+(?:is|was|are|were))\s+(?P<whose>[^?]*?)['’]s?\s+"
                       r"(?i:(?P<kin>father|mother|wife|husband|spouse|son|daughter|brother|sister))\s*\??\s*$")
_SPOUSE = frozenset({"wife", "husband", "spouse"})
# A person's name: capitalised words, initials, "of" a place ("Maria Amalia of Naples and Sicily")
_PERSON = (r"(?:(?:Princess|Prince|Queen|King|Lady|Lord|Sir|Dame)\s+)?"
           r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
           r"(?:\s+of\s+[A-Z][\w’'-]*(?:\s+and\s+[A-Z][\w’'-]*)?)?)")


def kin_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """Where the ``sentences`` (``(doc, passage, start, text)``, best first) name the kin a
    question asks for, beside the one whose kin it is: "Shahzada's father, Hussain Dawood"; "Rush
    ... was married to Wendy Rush" for a wife or husband. [] for another question. Accents do
    not count ("Erdogan" for "Erdoğan")."""
    asked = _ASKS_KIN.search(unaccented(question))
    if not asked:
        return []
    whose = [w for w in re.findall(r"[A-Z][\w’'.-]+", asked.group("whose")) if len(w) > 1]
    if not whose:
        return []
    kin = asked.group("kin").lower()
    owner = "|".join(re.escape(w) for w in whose)
    patterns = [rf"\b(?:{owner})['’]s\s+(?:\w+\s+)?{kin},?\s+{_PERSON}",  # "Shahzada's father, Hussain Dawood"
                rf"{_PERSON},\s+(?:\w+\s+)?(?:{owner})['’]s\s+{kin}\b"]  # "Hussain Dawood, Shahzada's father"
    if kin in _SPOUSE:  # "Erdoğan married Emine Gülbaran", "Rush, who ..., was married to Wendy Rush"
        patterns.append(rf"\b(?:{owner})\b(?:,[^,.;]{{0,80}},)?\s+(?:(?:was|is|had\s+been|has\s+been)\s+)?"
                        rf"married(?:\s+to)?\s+{_PERSON}")
    found = []
    for doc, passage, start, text in sentences:
        plain = unaccented(text)
        for pattern in patterns:
            for m in re.finditer(pattern, plain):
                if m.group("name") not in asked.group("whose"):  # not the one whose kin is asked
                    found.append(FoundSpan(doc, start + m.start("name"), start + m.end("name"), passage))
    return found

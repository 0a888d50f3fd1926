"""Which country a person acts for: "Which country does Mekdad represent?" -> "Syria".

The reader weighs every country near the person's name, and in a report of four countries'
ministers the one named most near any of them wins ("Turkey" for each minister alike). The
corpus says whose minister each one is in the titles it gives them ("Syrian Foreign Minister
Faisal Mekdad", "Mekdad, Syria's foreign minister"; ``qa.roles``): where those titles name one
country, the answer is that country's name as the retrieved sentences write it.
"""

from __future__ import annotations

import re

from qa.found import FoundSpan
from qa.roles import CAPITAL_OF, COUNTRY_NAMED, COUNTRY_OF, OFFICES, Titles, as_name
from qa.text import STOP_WORDS, fold

_WHO = r"(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}?)"
_NAME = r"(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)"  # a name of one or two words
_COUNTRY = r"(?:country|nation|state|government)"
_FOR = (r"represent|represents|represented|serve|serves|served|speak\s+for|work\s+for|act\s+for|come\s+from|hail\s+from"
        r"|lead|leads|led|head|heads|headed|rule|rules|ruled|govern|governs|governed")
_LATER = r"(?:\s+(?:at|in|during|on|before|after)\b[^?]{0,60})?\s*[?.!]*\s*$"  # "... at the Moscow talks?"
_FOR_SAID = (r"represents|represented|serves|served|speaks\s+for|works\s+for|acts\s+for|comes\s+from|(?:is|was)\s+from"
             r"|hails\s+from|leads|led|heads|headed|rules|ruled|governs|governed")
_TITLE = rf"(?:{OFFICES}|diplomat|official|representative)"
_ASKS = tuple(re.compile(p, re.IGNORECASE) for p in (
    # "Which country does Mekdad represent?", "What country is Lavrov from?" (also after "Hey, ...")
    rf"\b(?:which|what)\s+{_COUNTRY}\s+(?:does|did|do|is|was)\s+{_WHO}\s+(?:{_FOR}|from){_LATER}",
    # "Which country is Lavrov the foreign minister of?"
    rf"\b(?:which|what)\s+{_COUNTRY}\s+(?:is|was)\s+{_WHO}\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,3}}?{_TITLE}"
    rf"\s+(?:of|for){_LATER}",
    # "Which country's foreign minister is Mekdad?", "Whose top diplomat is Mekdad?"
    rf"\b(?:(?:which|what)\s+{_COUNTRY}['’]s|whose)\s+(?:[\w-]+\s+){{0,3}}?{_TITLE}\s+(?:is|was)\s+{_WHO}{_LATER}",
    # "Can you tell me which country Mekdad represents?", "I wonder which nation Lavrov speaks for."
    rf"\b(?:which|what)\s+{_COUNTRY}\s+{_WHO}\s+(?:{_FOR_SAID}){_LATER}",
    # "Mekdad is the foreign minister of which country?", "Mekdad represents which country?"
    rf"^\W*{_WHO}\s+(?:(?:is|was)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,3}}?{_TITLE}\s+(?:of|for)|{_FOR_SAID})"
    rf"\s+(?:which|what)\s+{_COUNTRY}{_LATER}",
    # "Where is Mekdad from?"
    rf"\bwhere\s+(?:is|was|does|did)\s+{_WHO}\s+(?:come\s+|hail\s+)?from{_LATER}",
    # "which country mekdad", "lavrov country": a search box's words, a name of one or two
    rf"^\W*which\s+(?:country|nation)\s+{_NAME}\s*[?.!]*\s*$",
    rf"^\W*{_NAME}['’]?s?\s+(?:home\s+)?(?:country|nation)\s*[?.!]*\s*$",
))
# "What is Mekdad's nationality?", "What nationality is Lavrov?": the adjective ("Syrian")
_ASKS_NATIONALITY = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\bwhat\s+(?:is|was)\s+{_WHO}['’]s?\s+nationality{_LATER}",
    rf"\b(?:what|which)\s+nationality\s+(?:is|was|does|did)\s+{_WHO}(?:\s+have|\s+hold)?{_LATER}",
    rf"^\W*{_NAME}['’]?s?\s+nationality\s*[?.!]*\s*$",  # "mekdad nationality"
))


# "the guy named Amir-Abdollahian": the name is what follows
_CALLED = re.compile(r"^.*?\b(?:named|called)\s+", re.IGNORECASE)


def asks_country_of(question: str) -> tuple[str, bool] | None:
    """The person a question asks the country of, written as names are ("Mekdad" for "which
    country does mekdad represent"), and whether it asks the nationality (said by the country's
    adjective, "Syrian"); None for another question."""
    for patterns, nationality in ((_ASKS, False), (_ASKS_NATIONALITY, True)):
        for pattern in patterns:
            if m := pattern.search(question.strip()):
                who = _CALLED.sub("", m.group("who"))
                if not who or any(fold(w) in STOP_WORDS for w in who.split()):
                    return None  # "Which country hosted the talks?" names no one
                return as_name(who), nationality
    return None


def country_spans(question: str, titles: Titles, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """The mentions, in the ``sentences`` (``(doc, passage, start, text)``, best first), of the one
    country the corpus's titles give the person a question asks about (``asks_country_of``):
    those of sentences naming the person first; of its adjective ("Syrian") where the nationality
    is asked, or where no title gives one, the adjective a sentence describes the person by
    (``_described``). [] for another question, or where the titles name no country, or more than
    one."""
    asked = asks_country_of(question)
    if asked is None:
        return []
    name, nationality = asked
    offices = titles(name) or (titles(name.split()[-1]) if " " in name else frozenset())
    countries = {o.country for o in offices if o.country}
    if not countries and nationality:
        return _described(name.split()[-1], sentences)
    if len(countries) != 1:
        return []
    country = countries.pop()
    words = COUNTRY_OF if nationality else COUNTRY_NAMED
    names = sorted((n for n, c in words.items() if c == country and (not nationality or n not in COUNTRY_NAMED)
                    and n not in CAPITAL_OF), key=len, reverse=True)
    mention = re.compile(rf"(?<![\w’'-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])", re.IGNORECASE)
    surname = name.split()[-1]
    near, far = [], []
    for doc, passage, start, text in sentences:
        found = [FoundSpan(doc, start + m.start(), start + m.end(), passage) for m in mention.finditer(text)
                 if m.group()[:1].isupper()]
        (near if surname in text else far).extend(found)
    return near + far


# A nationality's adjective ("American", "Danish"): a country's word that is neither its name nor
# its capital's
_ADJECTIVE = "|".join(re.escape(n) for n in sorted(
    (n for n in COUNTRY_OF if n not in COUNTRY_NAMED and n not in CAPITAL_OF), key=len, reverse=True))


def _described(surname: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """Where no title gives the person a country: the adjective a sentence describes them by,
    "Amanda Seyfried (born ...) is an American actress", "Maria Van Kerkhove, the American
    epidemiologist", "Danish footballer Christian Poulsen", in the order found."""
    person = rf"(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+){{0,3}}{re.escape(surname)}(?![\w’'-])"
    patterns = (
        re.compile(rf"{person}(?:[^.;]{{0,150}}?\b(?:is|was)|,)\s+(?:an?|the)\s+"
                   rf"(?:(?:former|retired|professional|late)\s+)?(?P<adj>(?i:{_ADJECTIVE}))(?![\w’'])"),
        re.compile(rf"(?<![\w’'-])(?P<adj>(?i:{_ADJECTIVE}))\s+(?:[a-z][\w-]*\s+){{1,3}}{person}"),
    )
    found = []
    for doc, passage, start, text in sentences:
        for pattern in patterns:
            found += [FoundSpan(doc, start + m.start("adj"), start + m.end("adj"), passage)
                      for m in pattern.finditer(text) if m.group("adj")[:1].isupper()]
    return found

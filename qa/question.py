"""Question analysis: what kind of answer is wanted, and which terms must be near it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from qa.layout import furniture_asked
from qa.roles import OFFICES, Office, asked_office, countries_named, mentioned_offices
from qa.spoken import spoken_as_typed
from qa.text import STOP_WORDS, content_stems, fold, lone_surrogate

# The longest question read, once stripped (the API's limit too).
MAX_QUESTION_CHARS = 1000


def check_question(question: str) -> str:
    """The question stripped, or ValueError saying what is wrong with it (without naming it): the
    one check of a question for the pipeline, the API, the CLI and gold files."""
    text = question.strip()
    if not text:
        raise ValueError("must not be empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise ValueError(f"must be at most {MAX_QUESTION_CHARS} characters once stripped")
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    if lone_surrogate(text):
        raise ValueError("must be valid Unicode text (it holds a lone surrogate or a byte that is not UTF-8)")
    if not any(ch.isalnum() for ch in text):
        # "/" or "?!" asks nothing: any span read for it would be a guess
        raise ValueError("must contain a letter or a digit")
    return text


# Expected answer types. REASON and MANNER want clauses; THING wants a noun phrase.
EXPECTED = ("PERSON", "ORG", "LOC", "DATE", "NUM", "REASON", "MANNER", "THING", "OTHER")
EXPECTED_ID = {t: i for i, t in enumerate(EXPECTED)}

_FOCUS_TYPES = {
    "PERSON": "person people man woman minister president leader diplomat official spokesman "
    "spokesperson author founder king queen chief head player actor singer writer scientist "
    "politician premier chancellor ambassador envoy emperor ruler general photographer journalist reporter "
    "correspondent editor columnist ceo boss chairman chairwoman judge lawyer prosecutor attorney captain "
    "goalkeeper striker referee commander governor mayor senator lawmaker businessman "
    "entrepreneur billionaire investor economist analyst professor researcher scholar counterpart",
    "ORG": "organization organisation agency group body company party alliance league "
    "ministry institution nationality team union council newspaper network government "
    "country's countries' university club",
    "LOC": "city country place town region capital state province location area nation "
    "continent island river mountain site venue street village kingdom republic emirate",
    "DATE": "year month day date time decade century period season era deadline",
    "NUM": "number percentage percent amount proportion share rate size population age "
    "distance length height weight temperature price cost",
}
_FOCUS = {w: t for t, ws in _FOCUS_TYPES.items() for w in ws.split()}
_WH_WORD = r"(?:who|whom|whose|when|where|why|how|which|what)"
_WH = re.compile(rf"\b({_WH_WORD})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """A question as the reader sees it."""

    text: str
    wh: str
    expected: str
    stems: tuple[str, ...]
    unit: str = ""  # finer than ``expected``: "weekday" or "duration" (see ``answer_unit``)
    number: str = ""  # "one" or "many" things asked for (see ``answer_number``); "" when unsaid
    form: str = ""  # what any answer must name: "quantity", "year", "month", "date", "city", ... (``answer_form``)
    modifiers: tuple[str, ...] = ()  # names qualifying the asked-for thing (see ``name_modifiers``)
    furniture: str = ""  # the page furniture asked for ("headline", "photographer", ...; ``qa.layout``)
    asks_name: bool = False  # "What is the name of ...?": the thing has a name, or the answer is not one
    office: Office | None = None  # the office whose holder is asked for (``qa.roles.asked_office``)
    mentions: tuple[Office, ...] = ()  # offices named, their holders not asked for (``mentioned_offices``)
    countries: frozenset[str] = frozenset()  # countries named or qualified ("Syrian refugees"; ``countries_named``)
    granted: str = ""  # a leading clause taken as given ("Given that Turkey cut ties, ..."; ``main_clause``)
    searched: str = ""  # the words to search with: the asked sentence, or all if it points back (``asked_sentence``)

    @property
    def expected_id(self) -> int:
        return EXPECTED_ID[self.expected]


_AUX = set("do does did has have had will would can could should may might must".split())  # not "is": "what is the capital"


_DETERMINED = frozenset("is was are were his her its their the a an this that".split())


def _focus_type(rest: list[str]) -> str | None:
    """Type named by the first nouns after "what"/"which" ("which city", "what news agency");
    none after an auxiliary: in "what did the minister say" the noun is the subject."""
    if rest and rest[0] in _AUX:
        return None
    for k, w in enumerate(rest[:3]):
        # "which (news) agency's photographer" asks the agency; not "what is his government's demand"
        owner = w[:-2] if w not in _FOCUS and w.endswith(("'s", "s'")) and not _DETERMINED & set(rest[:k]) else ""
        if found := (owner and _focus_of(owner)) or _focus_of(w):
            return found
    return None


def _focus_of(word: str) -> str | None:
    """The type a focus noun names, in the singular or the plural ("cities")."""
    return _FOCUS.get(word) or _FOCUS.get(word.rstrip("s"))


def _after_wh(text: str) -> tuple[str, list[str]] | None:
    """The first wh-word of the question, lower-cased, and the folded words after it."""
    m = _WH.search(text)
    if not m:
        return None
    return m.group(1).lower(), re.findall(r"[a-z']+", fold(text[m.end():]))


# "What was the final score?", "What was the score after extra time?": numbers ("3-3", "99 out of 100")
_SCORE_Q = re.compile(r"^\W*(?:what|which)\s+(?:is|was|were)\s+the\s+(?:[\w-]+\s+){0,2}?(?:score|scoreline)s?\b",
                      re.IGNORECASE)
# "Who won the final / the Battle of Trafalgar / the 2009 Stanley Cup?": a side (a team, a
# country), where "Who won the Nobel Prize / the election / the race?" asks for a person.
_TEAM_CONTEST_Q = re.compile(r"^\W*who\s+(?:(?:has|had|will|would)\s+)?(?:won|wins|win|lost|loses|lose|beat|beats|defeated"
                             r"|defeats)\b(?:\s+(?:the|a|an|this|that|in|their|its))?(?:\s+[\w'’–-]+){0,4}?\s+"
                             r"(?:finals?|semi-finals?|semifinals?|matche?s?|games?|cups?|bowls?|wars?|battles?|series"
                             r"|leagues?|championships?|tournaments?|derby|play-?offs?|shootout|tie)\b", re.IGNORECASE)


def expected_type(text: str) -> tuple[str, str]:
    """``(wh-word, expected type)`` from the wh-word and its focus noun."""
    found = _after_wh(text)
    if not found:
        return "other", "OTHER"
    wh, rest = found
    if wh in ("who", "whom", "whose"):
        return wh, "ORG" if _TEAM_CONTEST_Q.search(text) else "PERSON"
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
    if _PERSON_NAMED_Q.search(text):
        return wh, "PERSON"  # "What is the name of Turkey's foreign minister?"
    if _SCORE_Q.search(text):
        return wh, "NUM"  # "What was the score at half-time?" -> "2-0"
    focus = _focus_type(rest)
    if focus == "LOC" and (m := _FIELD_OF.search(text)) and _focus_type([m.group("noun").lower()]) != "LOC" \
            and not m.group("noun")[:1].isupper():
        return wh, "THING"  # "What area of cooperation ...?" is a field, not a place
    if focus:
        return wh, focus
    return wh, "THING"


# "What area of cooperation ...?", "which field of the economy": a domain, unless a place follows
# ("What area of Syria ...?", "which region of the country").
_FIELD_OF = re.compile(r"\b(?:what|which)\s+(?:areas?|fields?|spheres?|regions?)\s+of\s+(?:the\s+|their\s+|its\s+)?"
                       r"(?P<noun>[\w'’-]+)", re.IGNORECASE)


MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_WORDS = f"(?:{MONTH_NAMES})"
# "On what day in April …?", "On what calendar date …?" ask a day of the month, not a weekday.
_DAY_OF_MONTH_Q = re.compile(rf"\b(?:what|which) (?:(?:exact|precise|specific) )?(?:day (?:in|of) {_MONTH_WORDS}"
                             r"|calendar date|day of the month)\b", re.IGNORECASE)
_WEEKDAY_Q = re.compile(rf"\b(what|which) day\b(?! of the (month|year))(?! (?:in|of) {_MONTH_WORDS}\b)", re.IGNORECASE)
_DURATION_Q = re.compile(
    r"\bhow long (before|after|ago|since|did|does|do|has|have|had|will|would|could|can)\b"  # not "how long is the river"
    r"|\bhow much (?:time|warning|notice|advance\s+notice|lead\s+time)\b"  # "about a minute" of warning
    r"|\bhow many (years|months|weeks|days|hours|minutes|decades)\b"
    # "How long was Syria suspended from the League?": a state that lasted, not a length
    # ... also with the subject first ("for how long Syria's membership was suspended")
    r"|\bhow long (?:(?:was|were|is|are)\b[^?]*?\b|[^?]*?\b(?:was|were|is|are|been)\s+)"
    r"(?:\w{3,}ed|held|kept|shut|cut|frozen|broken)"
    r"(?:\s*[?.]*\s*$|\s+(?:from|in|for|by|at|under|as|out|off|over|with|on)\b)", re.IGNORECASE)


def answer_unit(text: str) -> str:
    """"weekday" for "on what day ...?", "duration" for "how long ...?" / "how many years
    ...?": a date is the wrong answer to both ("May 19" for "what day", "December" for
    "how long before")."""
    if _WEEKDAY_Q.search(text):
        return "weekday"
    if _DURATION_Q.search(text):
        return "duration"
    return ""


_MANY_Q = re.compile(r"\b(which|what) (\w+ )?(two|three|four|five|six|seven|eight|nine|ten|several)\b"
                     r"|\bwhich ones\b|\b(who|what) (are|were)\b", re.IGNORECASE)


_NOT_PLURAL = set("is was has does news series means species politics economics physics this its his".split())


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "'s")) and word not in _NOT_PLURAL


def answer_number(text: str) -> str:
    """"many" when the question asks for several things ("which two capitals", "which
    countries"), "one" when its focus noun is singular ("in which city"): a list such as
    "Ankara and Damascus" answers the first and not the second."""
    if _MANY_Q.search(text):
        return "many"
    found = _after_wh(text)
    if not found or found[0] not in ("which", "what"):
        return ""
    rest = found[1]
    if rest and rest[0] in _AUX:
        return ""
    for k, w in enumerate(rest[:3]):
        if w == "people":  # "Which people reacted with anger?": persons, or a people ("the Celts")
            return ""
        if w.endswith("'") and _plural(w[:-1]):  # "which countries' ministers ...": the owners are many (not "boss'")
            return "many"
        if w in _FOCUS or w.endswith("'s") and w[:-2] in _FOCUS:  # "which minister's ..." is one
            return "one"
        if w.endswith("'s"):
            continue
        if w[:-1] in _FOCUS or w[:-2] in _FOCUS or w[:-3] + "y" in _FOCUS:
            return "many"
        # Another plural noun: only where a verb or "of" follows it ("which threats did ...",
        # "what forms of ..."), not "what happens next".
        nxt = rest[k + 1] if k + 1 < len(rest) else ""
        if _plural(w) and (nxt in _AUX or nxt in ("are", "were", "of", "have")):
            return "many"
    return ""


_COUNT_Q = re.compile(r"\bhow (many|much)\b", re.IGNORECASE)
# "How much money ...?", "How much did it cost?": a sum of money (11 of the 12 such public
# gold answers name a currency; the twelfth gives sales figures); "At what price ...?" too (not
# "2.1%").
_MONEY_Q = re.compile(r"\bhow much (?:money|funding|cash)\b|\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?price\b"
                      r"|\bhow much (?:did|does|do|has|have|had|will|would|was|is)\b"
                      r".*\b(?:cost|costs|spend|spent|pay|paid|worth|raise|raised|pledge|pledged|earn|earned)\b",
                      re.IGNORECASE)
# A yes/no question ("Has Assad confirmed that he will attend?"): it opens with an auxiliary,
# perhaps after a leading clause, asks no wh-question and offers no alternatives ("Did they meet
# in Moscow or Ankara?" is answered by a span) and is no request ("Can you name the minister?",
# "Do you know when ...?"). No span of a text says "yes" or "no".
_POLAR_Q = re.compile(r"^\W*(?:[^,?]*,\s*)?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall"
                      r"|may|might|must)(?:n[’']t)?\b", re.IGNORECASE)
_NOT_POLAR = re.compile(r"\bor\b|\bwh(?:o|om|ose|en|ere|y|ich|at)\b|\bhow\b|\byou\b", re.IGNORECASE)
# "What was the death toll ...?", "What is the number of ...?": a count however it is asked
# (not "the number one cause").
_COUNT_NOUN_Q = re.compile(r"^\W*(?:what|which)\s+(?:is|was|are|were\s+)?\s*(?:the\s+)?(?:[\w-]+\s+)?"
                           r"(?:toll|number(?!\s+one\b)|population|percentage|percent)\b(?![-\w])", re.IGNORECASE)
# "What share of the territory …?", "In 2010, what percentage of …": a number or a fraction
# (45 of the 47 public gold answers to such questions; not "Syria's northwest").
_SHARE_Q = re.compile(r"\b(?:what|which)\s+(?:share|proportion|fraction|percentage|percent)\b", re.IGNORECASE)
# "How deep / tall / high ...?" asks a measure: a number (each of the 36 public gold answers to
# such questions; not "Mariana Trench" for "How deep is the Challenger Deep?"). Not "how big /
# wide / far" ("small", "narrow"), nor "how old" ("born June 29, 1966").
# The question's own "how": not "What did he say about how fast ...?"
_MEASURE_Q = re.compile(r"^(?:(?!\b(?:what|which|who|whom|when|where|why)\b)[^?])*?\bhow\s+(?:deep|tall|high|fast|heavy"
                        r"|thick)\b", re.IGNORECASE)
_YEAR_Q = re.compile(r"\b(what|which) year\b", re.IGNORECASE)
# "How old was X when ...?", "At what age ...?": an age (of the 62 answered so in the seeds', the news and the
# public sets, all but 3 that give no age at all give a number or a birth date with its year)
_AGE_Q = re.compile(r"\bhow old\b|\b(?:what|which) age\b", re.IGNORECASE)
_MONTH_Q = re.compile(r"\b(what|which) month\b(?P<year> and year\b)?", re.IGNORECASE)
_DATE_Q = re.compile(r"\b(what|which) (exact |precise |specific )?date\b|\bexact date\b", re.IGNORECASE)
# "At what time did it begin?" asks the clock ("8:46", "noon"); not "what time period / lag /
# of year", nor "what time-varying number".
_CLOCK_Q = re.compile(r"\b(?:what|which) (?:(?:is|was) the )?(?:exact |precise )?time\b"
                      r"(?!-| (?:period|frame|span|scale|zone|lag|limit|gap|interval|difference|line|of (?:the )?year))"
                      r"|\bwhat hour\b", re.IGNORECASE)
# "which city", "what European capital", "which of the countries": always answered by a name;
# a city, town or capital never by a country's.
_PLACE_NAME_Q = re.compile(
    r"\b(?:which|what)\s+((?:[\w'-]+\s+){0,2}?)(?:(?P<city>city|cities|towns?|capitals?|villages?)"
    r"|(?P<country>country|countries)(?!['’])|countr(?:y|ies)|"
    r"provinces?|islands?|rivers?|mountains?|continents?)\b", re.IGNORECASE)
_NOT_BETWEEN = _AUX | {"is", "was", "are", "were", "been", "be"}
# "What is the name of the enclave / stadium ...?": a place's name (all 4 such public gold
# answers are capitalised: "Levi's Stadium"; not "important enclave").
_NAME_OF = r"^\W*(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:[\w-]+\s+)?names?\s+of\b"  # "What is the name of"
_PLACE_NAMED_Q = re.compile(
    _NAME_OF + r"\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:city|cities|towns?|villages?|capital|country|countries|provinces?|regions?|enclaves?"
    r"|districts?|islands?|rivers?|mountains?|lakes?|airports?|stadiums?|bases?|camps?|streets?|squares?|palaces?"
    r"|buildings?|hotels?|venues?|neighbou?rhoods?|county|counties|territory|territories|ports?|bays?|valleys?"
    r"|deserts?|seas?|oceans?)\b", re.IGNORECASE)


# "In which hotel ...?", "At which stadium ...?": a building or a site, never a country or a capital
# Not "venue": "the talks' venue" is answered "Moscow" as often as by a building.
_FACILITY_Q = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:hotels?|buildings?|stadiums?|palaces?"
                         r"|airports?|halls?|arenas?|museums?|embass(?:y|ies)|hospitals?|prisons?|churche?s?|mosques?"
                         r"|cathedrals?|theatres?|theaters?|residences?|mansions?)\b", re.IGNORECASE)


# "Which company did she found?", "What newspaper ...?": a name (each of the 26 public gold answers
# to such questions is capitalised; not "tech").
_ORG_NAMED_Q = re.compile(r"^\W*(?:which|what)\s+(?:[\w-]+\s+)?(?:company|companies|firms?|organi[sz]ations?|teams?"
                          r"|clubs?|universit(?:y|ies)|newspapers?|agenc(?:y|ies)|banks?|airlines?|broadcasters?"
                          r"|publishers?|manufacturers?|studios?|brands?|magazines?)\b(?!\s+of\b)"
                          r"|^\W*(?:which|what)\s+(?:brand|make)\s+of\b", re.IGNORECASE)  # "what brand of controller"


# "Which military alliance does Turkey belong to?", "What bloc ...?": a group that countries form,
# which no country alone is (not "Turkey"); not "Which Arab League members ...?" (its members),
# nor "Which party ...?" (the parties to a deal may be countries).
GROUP_NOUNS = r"alliance|bloc|coalition|league|union|pact|federation|confederation"  # what countries form
_GROUP_Q = re.compile(rf"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:{GROUP_NOUNS})s?"
                      r"(?=\s*[?,]|\s*$|\s+(?:does|did|do|is|was|are|were|has|have"
                      r"|had|will|would|can|could|that|which|whose|includes?|counts?)\b)", re.IGNORECASE)


# "I want to know the names of the intelligence chiefs …", "What is the name of Turkey's
# defence minister?", "Which intelligence chiefs attended, by name?": a name (public gold answers to such questions are all capitalised; "the
# name of the person who conducts the prayer" may be a title, "imam", so not "person").
_PERSON_NAMED_Q = re.compile(
    r"\bby\s+name\b|\bnames?\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:minister|president|leader|diplomat|official|spokes(?:man|woman|person)|author|founder|king|queen|chief"
    r"|head|envoy|ambassador|commander|general|premier|chancellor|ruler|emperor|reporter|journalist|photographer"
    r"|writer|editor|deputy|deputies|counterpart)s?\b", re.IGNORECASE)


def answer_form(text: str) -> str:
    """What any answer must name:
    - "polar" for a yes/no question ("Did Assad accept the invitation?"): nothing a span can say;
    - "money" for "how much money" / "how much did it cost" (a currency: "$5 billion", not "more
      than 3.5 million");
    - "quantity" for "how many" / "how much" of something other than time, or "what was the
      death toll / number / percentage / score" or "what share of" ("more than 3.5 million", "several",
      "3-3"); "how deep / tall / high / fast / heavy / thick" too (a measure);
    - "duration" for "how long ago" / "how many hours" (a quantity or a span of time: "a
      decade", "hours", not "late last month");
    - "age" for "how old" / "at what age" (a number, or a date with its year: "born June 29, 1966";
      not "Aug. 17");
    - "year" for "in what year" (a number of three or four digits, or "'98": not the "31" of an age);
    - "month" for "in which month" (a month's name: not "Sunday"), "month-year" for "in what
      month and year" (a month's name and a number);
    - "date" for "on what date" (a number, month or weekday: not "last month");
    - "day" for "on what day in April" or "what calendar date" (a number: not "Wednesday");
    - "clock" for "at what time" (a number or a time of day: "8:46", "noon", not "Wednesday");
    - "name" for "what country" / "which river" / "the name of the enclave" / "the names of
      the intelligence chiefs" / "which company" (a capitalised name: not "to resolve the
      conflict", "important enclave", "defense ministers", "tech");
    - "city" for "which city" / "what capital" (a name, and not a country's: not "Saudi
      Arabia" for "which Saudi city");
    - "country" for "which country" / "what countries" (a name, and not a capital's: not
      "Moscow" for "Which country hosted the talks?"; "Which country's minister ...?" asks a "name");
    - "group" for "which alliance" / "what bloc" (not a country alone: not "Turkey");
    - "facility" for "which hotel" / "what stadium" / "which building" (not a country or a
      capital: not "Moscow" for "In which hotel was the meeting held?");
    else ""."""
    if _POLAR_Q.search(text) and not _NOT_POLAR.search(text):
        return "polar"
    if answer_unit(text) == "duration":
        return "duration"
    if _MONEY_Q.search(text):
        return "money"
    if (_COUNT_Q.search(text) or _COUNT_NOUN_Q.search(text) or _SHARE_Q.search(text) or _SCORE_Q.search(text)
            or _MEASURE_Q.search(text)):
        return "quantity"
    if _AGE_Q.search(text):
        return "age"
    if m := _MONTH_Q.search(text):
        return "month-year" if m.group("year") else "month"
    if _YEAR_Q.search(text):
        return "year"
    if _DAY_OF_MONTH_Q.search(text):
        return "day"
    if _DATE_Q.search(text):
        return "date"
    if _CLOCK_Q.search(text):
        return "clock"
    if _GROUP_Q.search(text):
        return "group"
    if _PLACE_NAMED_Q.search(text) or _PERSON_NAMED_Q.search(text) or _ORG_NAMED_Q.search(text):
        return "name"
    m = _PLACE_NAME_Q.search(text)
    if m and not _NOT_BETWEEN.intersection(m.group(1).lower().split()):
        return "city" if m.group("city") else "country" if m.group("country") else "name"
    if _FACILITY_Q.search(text):
        return "facility"
    return ""


_MODIFIER_Q = re.compile(r"\b(?i:which|what)\s+([A-Z][\w-]+)\s+([a-z]+)\b")


def name_modifiers(text: str) -> tuple[str, ...]:
    """Capitalised words that qualify the asked-for thing, lower-cased: "jordanian" in "In
    which Jordanian city ...?". The country they name ("Jordan") is not an answer: it is in
    the question already."""
    return tuple(m.group(1).lower() for m in _MODIFIER_Q.finditer(text) if m.group(2) not in _AUX)


def echoes_modifier(answer_words: list[str], modifiers: tuple[str, ...]) -> bool:
    """Whether a short answer (three words at most, leading stop words aside) begins with the
    stem of a name modifier: "Jordan" or "in Saudi Arabia" for "which Jordanian / Saudi city",
    "Turkey and Syria" for "which Turkish city"."""
    while answer_words and answer_words[0].lower() in STOP_WORDS:
        answer_words = answer_words[1:]
    if not modifiers or not answer_words or len(answer_words) > 3 or len(answer_words[0]) < 4:
        return False
    head = answer_words[0].lower()
    return any(m.startswith(head[: max(4, len(head) - 2)]) for m in modifiers)


_NAME_OF_Q = re.compile(_NAME_OF, re.IGNORECASE)


# "Who's", "What’s", "whats": the wh-word and "is", as every pattern here expects them; not the
# "WHO's" of the World Health Organization (a shouted question is in lower case by now).
_WH_IS = re.compile(r"\b(?!(?-i:WHO))(who|what|where|when|how)(?:['’]s|s)\b", re.IGNORECASE)


def expand_contractions(text: str) -> str:
    """The question with "who's" / "what’s" / "whats" written out ("who is", "what is"), and
    casual spellings as the patterns here expect them ("wat did lavrov say", "who is gonna")."""
    text = _CASUAL_WH.sub(lambda m: m.group(1) + _CASUAL[m.group(2)], text)
    text = _WERE_WHERE.sub(lambda m: m.group(1) + "where", text)
    text = _CASUAL_WORDS.sub(lambda m: _CASUAL[m.group(1)], text)
    text = _CASUAL_LETTER.sub(lambda m: _CASUAL[m.group(1)], text)
    return _WH_IS.sub(lambda m: m.group(1) + " is", text)


# Typed in a hurry: a misspelt wh-word opening the question, in lower case ("wat did lavrov
# say", not "Angkor Wat"), and spoken forms.
_CASUAL_WH_WORDS = {"wat": "what", "wht": "what", "wut": "what", "whta": "what", "wich": "which", "whcih": "which",
                    "wen": "when", "whn": "when", "hw": "how", "wher": "where", "whr": "where"}
_CASUAL_SPOKEN = {"gonna": "going to", "wanna": "want to", "gotta": "got to", "yrs": "years", "w/": "with",
                  "w/o": "without", "abt": "about", "thru": "through", "b4": "before", "bc": "because",
                  "cuz": "because", "ur": "your", "how come": "why", "How come": "Why"}
# Single letters for words ("who r the ministers", "u know who hosted?"), only standing alone:
# not the "u" of "u.s." or the "r" of "r&d".
_CASUAL_LETTERS = {"u": "you", "r": "are", "w": "with"}
_CASUAL_LETTER = re.compile(rf"(?<![\w'’./&-])({'|'.join(_CASUAL_LETTERS)})(?![\w'’./&-])")
_CASUAL = _CASUAL_WH_WORDS | _CASUAL_SPOKEN | _CASUAL_LETTERS
_CASUAL_WH = re.compile(rf"^(\W*)({'|'.join(_CASUAL_WH_WORDS)})(?![\w'’-])")
_CASUAL_WORDS = re.compile(rf"(?<![\w'’-])({'|'.join(map(re.escape, _CASUAL_SPOKEN))})(?![\w'’-])")
# "were was the meeting held": "where", typed without its h, opening a question before its verb
_WERE_WHERE = re.compile(r"^(\W*)were(?=\s+(?:is|was|are|were|did|does|do|will|would|can|could|should|has|have|had)\b)")
# "Name the city where ...", "Give the year ...", "Tell me who ...": a request is a question.
_POLITE = r"^\W*(?:(?:please|can you|could you|would you)\s+){0,2}"  # "could you please tell me ..."
# The verbs of a request, and wants said outright ("I need the date of the summit").
_REQUESTING = (r"(?:give|state|provide|find|show|name(?!\s+of\b)|list|enumerate|identify|specify|write\s+down|look\s+up"
               r"|point\s+out|tell|remind|let\s+me\s+know|i\s+(?:need|want|would\s+like|'d\s+like))")
_REQUEST = re.compile(_POLITE + _REQUESTING + r"\s+(?:me\s+)?"
                      r"(?P<thing>(?:the|all|every|each|both|(?-i:[A-Z])[\w-]*['’]s)\s+[^?]+?)\W*$", re.IGNORECASE)
# "the city that hosted the talks": what a request names by what it did ("Which city hosted ...?")
_DID_WHAT = re.compile(r"^the\s+(?P<head>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:that|which|who)\s+(?P<rest>.+)$",
                       re.IGNORECASE)
_NAME_ASKED = re.compile(r"the\s+(?:full\s+|first\s+|last\s+)?names?\s+of\b", re.IGNORECASE)
_WHO_DID = re.compile(r"\bwho\b", re.IGNORECASE)  # "the Secretary-General of the Arab League who ...": someone
_LISTING = re.compile(_POLITE + r"(?:list|enumerate)\b", re.IGNORECASE)
_ASKING = re.compile(_POLITE + rf"{_REQUESTING}\b", re.IGNORECASE)
_TELL_ME = re.compile(_POLITE + r"(?:tell\s+me|remind\s+me(?:\s+again)?|let\s+me\s+know|(?:do\s+)?you\s+know"
                      r"|(?:does\s+)?any(?:one|body)\s+know|any\s+idea|i\s+wonder(?:ed)?"
                      r"|(?:i\s+(?:was|am|'m)\s+)?(?:just\s+)?wondering"
                      r"|find\s+out|look\s+up|point\s+out|specify"
                      r"|i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+know)[\s,:]+"
                      rf"(?={_WH_WORD}\b)", re.IGNORECASE)
# "Given that Turkey cut ties in 2012, in which month ...?": what is asked comes after what is granted.
_GRANTED = re.compile(r"^\W*(?:given\s+that|since|after|when|while|although|though|as|because|if|before|despite"
                      r"|throughout|considering|now\s+that|once|in\s+light\s+of)\b[^?]*,\s*"
                      rf"(?=(?:(?:in|on|at|to|from|for|by|of|with)\s+)?{_WH_WORD}\b)",
                      re.IGNORECASE)


def as_request_answered(text: str) -> str:
    """A request written as the question it asks: "Give the year Russia intervened" -> "What
    is the year Russia intervened?"; "Identify the city that hosted the talks" -> "Which city
    hosted the talks?"; "Name the Turkish foreign minister" -> "Who is the Turkish foreign
    minister?" (an office's holder); "Tell me who hosted the talks" -> "who hosted the talks"."""
    if m := _REQUEST.match(text):
        thing = m.group("thing")
        be = "are" if _LISTING.match(text) else "is"  # "List the ministers who ..." asks for several
        if _NAME_ASKED.match(thing):
            return f"What {be} {thing}?"  # "Tell me the name of the minister who ..."
        if asked_office(f"Who is {thing}?") is not None:
            return f"Who {be} {thing}?"
        if (did := _DID_WHAT.match(thing)) and not STOP_WORDS.intersection(did.group("head").lower().split()):
            return f"Which {did.group('head')} {did.group('rest')}?"
        return f"{'Who' if _WHO_DID.search(thing) else 'What'} {be} {thing}?"
    return _TELL_ME.sub("", text)


def main_clause(text: str) -> tuple[str, str]:
    """What the question asks, after a leading clause that grants something ("Given that ...,
    in which month ...?" -> "in which month ...?"), and that clause ("" if none): the main
    clause's wh-word, not "when" of "When Assad was invited, what ...?", says what the answer is."""
    m = _GRANTED.match(text)
    return (text[m.end():], text[: m.end()]) if m else (text, "")


# Newsroom abbreviations of offices ("syria fm?"); "pm" only where no number is before it ("5 pm").
_ABBREVIATED = {"fm": "foreign minister", "fms": "foreign ministers", "pm": "prime minister", "pres": "president",
                "govt": "government"}
_ABBREVIATION = re.compile(r"(?<![\w'’-])(?<!\d\s)(fm|fms|pm|pres|govt)(?![\w'’-])", re.IGNORECASE)
# A search-box query that ends with what it wants ("arab league summit location?", "cavusoglu
# tweet exact time?") asks "What is the location of ...?".
_QUERY_FOCUS = (r"(?P<focus>(?:exact\s+|precise\s+|start\s+|starting\s+|death\s+)?(?:location|place|venue|date|day"
                r"|time|year|month|reason|cause|number|count|total|duration|length|cost|price|age|population|outcome"
                r"|result|purpose|aim|goal|name|toll|method|means))")
_TELEGRAPHIC = re.compile(rf"^\W*(?:the\s+)?(?P<topic>[^?]*?[\w'’)])\s+{_QUERY_FOCUS}\s*[?.!]*\s*$", re.IGNORECASE)
# ... or that names it mid-way ("roadmap completion date turkey syria"): the words after it
# are more of the topic.
_TELEGRAPHIC_MID = re.compile(rf"^\W*(?:the\s+)?(?P<topic>[^?]*?[\w'’)])\s+{_QUERY_FOCUS}\s+(?P<more>[\w'’ -]+?)\s*[?.!]*\s*$",
                              re.IGNORECASE)
# ... or that starts with it ("date of arab league summit").
_TELEGRAPHIC_LEAD = re.compile(rf"^\W*(?:the\s+)?{_QUERY_FOCUS}\s+of\s+(?:the\s+)?(?P<topic>[^?]*?[\w'’)])\s*[?.!]*\s*$",
                               re.IGNORECASE)


def expand_abbreviations(text: str) -> str:
    """The question with office abbreviations written out ("syria fm" -> "syria foreign minister")."""
    return _ABBREVIATION.sub(lambda m: _ABBREVIATED[m.group(1).lower()], text)


# A search-box query with its wh-word at the end, after a topic of a few words ("erdogan
# courting what", "december moscow meeting who attended"; not "... pointed to the decline of
# what", whose wh-word is a preposition's object), or a noun phrase the wh-word's clause describes
# ("saudi fm who visited damascus" asks which Saudi minister visited).
_STRANDED = "".join(rf"(?<!\b{w})" for w in "of to for with by about from in on at the".split())
_WH_LAST = re.compile(rf"^\W*(?P<topic>(?:[^\s?,;:\"“]+\s+){{0,5}}?[^\s?,;:\"“]*[\w'’)]){_STRANDED}"
                      r"\s+(?P<wh>who|whom|what|when|where|which)(?P<rest>(?:\s+[\w'’-]+)?)\s*[?.!]*\s*$", re.IGNORECASE)
_WHO_CLAUSE = re.compile(r"^\W*(?:the\s+)?(?P<np>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+who\s+(?P<clause>[\w'’-]+(?P<more>\s+[^?]+?)?)"
                         r"\s*[?.!]*\s*$", re.IGNORECASE)
# A person's noun before "who" makes the clause describe that person ("iranian foreign minister
# who attended"), not the topic of a "who" asked last ("december moscow meeting who attended").
_PERSON_NOUN = re.compile(rf"(?:{OFFICES}|official|diplomat|envoy|man|woman|person|people|officer|general"
                          r"|commander|journalist|reporter|photographer)s?$", re.IGNORECASE)
_COPULA = re.compile(r"\s+(?P<verb>is|are|was|were)$", re.IGNORECASE)  # "syria's fm is who"
_NOT_TOPIC = re.compile(rf"^\W*(?:{'|'.join(sorted(_AUX))}|is|are|was|were|in|on|at|to|from|for|by|of|with|and|or|but"
                        r"|according|per|who|whom|whose|what|which|when|where|why|how)\b", re.IGNORECASE)
_FOCUS_HOW_LONG = ("duration", "length")
# A search-box query that opens with a plural noun and a preposition asks which ones
# ("countries at moscow foreign ministers meeting" -> "which countries at ...?").
_PLURAL_LEAD = re.compile(r"^\W*(?:the\s+)?(?:[\w'’-]+\s+)?[^\W\d_][\w-]*[^s\W]s\s+"
                          r"(?:at|in|for|on|with|behind|from|against|between)\s+\w", re.IGNORECASE)


def as_question(text: str) -> str:
    """A keyword query asked as a question: one that ends with its focus noun ("arab league
    summit location?" -> "What is the location of the arab league summit?"), or with its
    wh-word ("erdogan courting what" -> "what erdogan courting?"); any other text as is."""
    if _ASKING.match(text) or (_POLAR_Q.search(text) and not _NOT_POLAR.search(text)):
        return text
    if _WH.search(text):
        if _NOT_TOPIC.match(text):
            return text
        who = _WHO_CLAUSE.match(text)
        if who and _AUX.intersection(who.group("np").lower().split()):
            who = None
        if who and _PERSON_NOUN.search(who.group("np")):
            return f"which {who.group('np')} {who.group('clause')}?"
        if m := _WH_LAST.match(text):
            topic, verb = m.group("topic"), ""
            if c := _COPULA.search(topic):  # "syria's fm is who" -> "who is syria's fm?"
                topic, verb = topic[: c.start()], f" {c.group('verb')}"
            return f"{m.group('wh')}{verb}{m.group('rest')} {topic}?"
        if who and who.group("more"):
            return f"which {who.group('np')} {who.group('clause')}?"
        return text
    for pattern in (_TELEGRAPHIC, _TELEGRAPHIC_LEAD, _TELEGRAPHIC_MID):
        if m := pattern.match(text):
            focus, topic = m.group("focus"), m.group("topic")
            more = f" {m.group('more')}" if "more" in pattern.groupindex else ""
            if focus.lower() in _FOCUS_HOW_LONG:  # "suspension length": how long it lasted
                return f"How long was the {topic}{more}?"
            return f"What is the {focus} of the {topic}{more}?"
    if _PLURAL_LEAD.match(text):
        return f"which {text.rstrip(' ?.!')}?"
    return text


# "Iran's involvement is often overlooked, but its top diplomat was in the room too. What is the
# name of Iran's foreign minister?": background, then the question. Sentences end at ".", "!",
# "?", ";" or ":" before a space; the asked one opens with a wh-word (after at most four words:
# "According to Lavrov, to whom ...?") or a request.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;:])\s+")
_OPENS_ASKING = re.compile(rf"^\W*(?:(?:[\w'’-]+,?\s+){{0,4}}{_WH_WORD}\b)"
                           rf"|{_POLITE}(?:{_REQUESTING}|describe|explain)\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\b(?:he|she|him|her|his|they|them|their|it|its|this|that|these|those|there|then)\b",
                             re.IGNORECASE)


_PERSON_PRONOUN = re.compile(r"\b(?:(?P<name>he|she|him)|(?P<owner>his))\b", re.IGNORECASE)
CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w-]*")  # a word with a capital first


def named_back(asked: str, background: str, person: Callable[[str], bool]) -> str:
    """The asked sentence with "he", "she", "him" and "his" put as the one person its background
    names ("Assad has set conditions ... What did he say in January ...?" -> "What did Assad say
    in January ...?"): the reader's checks of who said or did what read the asked sentence alone.
    ``person`` says whether a word names a person (the corpus titles them). Left as it is where
    the background names no one or several, or the asked sentence names someone itself."""
    if not _PERSON_PRONOUN.search(asked) or any(person(w) for w in CAPITALISED.findall(asked)):
        return asked
    names = {w for w in CAPITALISED.findall(background) if person(w)}
    if len(names) != 1:
        return asked
    name = names.pop()
    return _PERSON_PRONOUN.sub(lambda m: name if m.group("name") else f"{name}'s", asked)


def asked_sentence(text: str) -> tuple[str, str]:
    """The sentence that asks, and the background before it: ``(asked, background)``; ``(text,
    "")`` for a one-sentence question, and where the asking sentence names too little to stand
    alone ("This minister called the talks constructive. Name him."). The asked sentence is
    what is analysed: a wh-word of the background ("..., which is quite a balancing act.") asks
    nothing."""
    parts = _SENTENCE_BREAK.split(text.strip())
    if len(parts) < 2:
        return text, ""
    for k in range(len(parts) - 1, -1, -1):
        if _OPENS_ASKING.match(parts[k]):
            break
    else:
        return text, ""
    asked = " ".join(parts[k:])
    if k == 0 or len(content_stems(asked)) < 2:
        return text, ""
    return asked, " ".join(parts[:k])


# Chat around a question: openers ("ok and who ...", "thanks! where ...", "hey, ...") and
# closers ("... pls"). Not "so far", nor a hyphenated word ("well-known").
# A lead-in typed before the question ("quick q: who ...", "fyi who ...", "remind me - date of ..."):
# "q" and "question" only with their colon, "remind me" only before a punctuation mark (before a
# wh-word or a noun phrase it is a request: ``as_request_answered``), fillers that are words too
# ("like", "right", "just") only right before a wh-word ("so like who hosted", "wait, who is ...").
_FILLERS = (r"(?:please|like|lol|lmao|k|kk|basically|actually|anyway|anyways|right|wait|cool|great|nice|just|honestly"
            rf"|seriously)(?=[\s,.!:;]+{_WH_WORD}\b)")
# The assistant addressed by name before a question or a request ("hey siri who is ...", "alexa,
# when is ...", "ok google tell me ..."): a wake word, no word of the question.
_ADDRESSED = (rf"(?:siri|alexa|cortana|google|assistant|chatbot|bot)(?=[\s,.!:;]+(?:{_WH_WORD}|{_REQUESTING}"
              r"|can|could|would|do|does|did|is|are|was|were)\b)")
_CHATTER_LEAD = re.compile(r"^\W*(?:(?:ok(?:ay)?|so(?!\s+(?:far|much|many|long)\b)|and|hey|hi|hello|um+|uh+|hm+"
                           rf"|well|thanks|thank\s+you|thx|btw|fyi|oh|alright|pls|plz|{_FILLERS}|yo|sorry"
                           r"|also(?=\s*,)|quick\s+(?:q|question)|(?:q|question)(?=\s*:)"
                           rf"|remind\s+me(?:\s+again)?(?=\s*[-–—:,])|{_ADDRESSED})(?![\w'’-])[\s,.!:;–—-]*)+",
                           re.IGNORECASE)
_CHATTER_TAIL = re.compile(r"[\s,]+(?:pls|plz|please|thanks|thank\s+you|thx|btw|lol|or\s+something|or\s+whatever"
                           r"|you\s+know|and\s+stuff|i\s+think|i\s+guess)\W*$", re.IGNORECASE)


def _without_chatter(text: str) -> str:
    return _CHATTER_TAIL.sub("", _CHATTER_LEAD.sub("", text))


def strip_chatter(text: str) -> str:
    """The question without the chat around it ("ok and who is the syrian fm" -> "who is the
    syrian fm"); the text as is where nothing else is left."""
    stripped = _without_chatter(text)
    return stripped if re.search(r"\w", stripped) else text


def chatter_only(text: str) -> bool:
    """Whether the text is chat and nothing else ("ok", "thanks!")."""
    return not re.search(r"\w", _without_chatter(text))


# "What was Iran's reaction to the talks?", "show me iran's reaction to the talks", "opposition
# reaction to X": how someone reacted, which a verb answers ("welcomed the start of the talks"),
# not who reacted.
_REACTION = re.compile(r"^\W*(?:(?:what|how)\s+(?:was|is|were|are|has\s+been)\s+|(?:show|tell|give)\s+me\s+)?"
                       r"(?:the\s+)?(?P<who>[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*){0,2}?)"
                       r"(?:(?:'s|’s)\s+(?:reaction|response)|\s+reaction)s?\s+(?:to|on)\s+"
                       r"(?P<what>[^?]+?)\s*[?.!]*\s*$", re.IGNORECASE)


def as_reaction_question(text: str) -> str:
    """A question about someone's reaction asked as how they reacted ("What was Iran's reaction
    to the talks?" -> "How did Iran react to the talks?"); any other text as is."""
    if (m := _REACTION.match(text)) and not _WH.search(m.group("who")) \
            and not any(fold(w) in STOP_WORDS for w in m.group("who").split()):  # "the reaction to the film"
        return f"How did {m.group('who')} react to {m.group('what')}?"
    return text


# A question opening with its wh-word or its verb ("which alliance is turkey part of").
_QUESTION_FORM = re.compile(rf"^\W*(?:{_WH_WORD}|is|are|was|were|do|does|did|can|could|will|would|has|have|had"
                            r"|should)\b", re.IGNORECASE)


def with_question_mark(text: str) -> str:
    """A question typed without its question mark, with it: the span head learnt from questions
    that end with one, and reads one without it otherwise ("which alliance is Turkey part of"
    -> "Russia", "... part of?" -> "NATO"). Any other text as is."""
    if _QUESTION_FORM.match(text) and re.search(r"[\w'’\")\]]\s*$", text):
        return text.rstrip() + "?"
    return text


def unshouted(text: str) -> str:
    """A question typed in capitals alone ("WHAT DID LAVROV SAY THE TASK WAS") in lower case, as
    informal queries are read: in capitals every word looks like a name or an acronym. Any
    lower-case letter, or fewer than two words of letters, keeps the text as typed ("UN?")."""
    if any(ch.islower() for ch in text) or len(re.findall(r"[^\W\d_]{2,}", text)) < 2:
        return text
    return text.lower()


def analyse_question(text: str, cased: Callable[[str], str] | None = None,
                     person: Callable[[str], bool] | None = None) -> Question:
    """The question as the reader sees it: its asked sentence (``asked_sentence``) and that
    sentence's main clause for what is asked (``main_clause``), every word of the sentence for
    matching. The background before it is the asker's own words (an opinion, a half-remembered
    fact): searched with the question, they pull in passages that answer neither; they join
    the search only where the asked sentence points back into them ("When did that round take
    place?", "What did he say?"). A dictated question is read as typed (``spoken_as_typed``), and
    one typed in lower case gets the corpus's capitals back where ``cased`` is given
    (``qa.casing.Casing.restore``). Where ``person`` is given (whether the corpus titles a word
    as someone), "he" in the asked sentence becomes the person its background names
    (``named_back``)."""
    text = unshouted(text)
    text = spoken_as_typed(cased(text) if cased is not None else text)
    searched = text
    text, background = asked_sentence(text)
    if not _BACK_REFERENCE.search(text):
        searched, background = text, ""
    elif person is not None:
        text = named_back(text, background, person)
    whole = as_request_answered(as_reaction_question(expand_abbreviations(expand_contractions(strip_chatter(text)))))
    main, granted = main_clause(whole)
    text = with_question_mark(as_question(main))
    wh, expected = expected_type(text)
    stems = () if chatter_only(whole) else tuple(content_stems(f"{background} {whole}" if background else whole))
    return Question(text=text, wh=wh, expected=expected, stems=stems, unit=answer_unit(text),
                    number=answer_number(text), form=answer_form(text), modifiers=name_modifiers(text),
                    furniture=furniture_asked(text), asks_name=bool(_NAME_OF_Q.search(text)),
                    office=asked_office(text), mentions=tuple(mentioned_offices(text)),
                    countries=countries_named(text), granted=granted, searched=searched)

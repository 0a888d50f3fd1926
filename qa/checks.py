"""Whether a candidate's sentence can answer the question at all: checks of form, time, place,
partner, speaker and subject that the reader's features cannot express.

Each check compares the question's words with the answer's text or sentence and names a
mismatch; ``Verifier.mismatch`` (``qa/verify.py``) runs them on the best pooled answer and refuses
or passes to the next answer. They are plain functions of text, so each is tested alone.
"""

from __future__ import annotations

import re
from importlib import resources

from qa.question import GROUP_NOUNS, MONTH_NAMES
from qa.roles import (Office, capital_city, capital_of, countries_named, country_named_by, country_of, country_of_whole,
                      mentioned_offices, same_country)
from qa.text import LIST_SEPARATOR, STOP_WORDS, content_stems, fold, stem, words

# What an answer to a question of each form (``Question.form``) must contain.
_QUANTITY = (
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|several|many|few|numerous|multiple|"
    r"half|once|twice|none|pair|couple)\b")
_TIME_SPAN = (
    r"\b(a|an)\s+(\w+\s+)?(second|minute|hour|day|week|fortnight|month|year|decade|century)\b"
    r"|\b(seconds|minutes|hours|days|weeks|fortnights|months|years|decades|centuries)\b")
# A month's name or its abbreviation, and nothing that merely starts like one ("decade", "mayor").
_MONTHS = (r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
# A number of units of time counts them and names no date ("its suspension more than 10 years ago").
_SPAN_OF_TIME = re.compile(r"\d[\d,.]*\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b",
                           re.IGNORECASE)
# An ordinal that ranks something other than a day ("Messi's 26th World Cup match", "the 36th
# minute") dates nothing: "On what date ...?" needs a day, month or year ("the 18th of December").
_RANKED_THING = re.compile(rf"\b\d+(?:st|nd|rd|th)\s+(?!of\b|century\b|centuries\b|(?:{MONTH_NAMES})\b)[A-Za-z]",
                           re.IGNORECASE)
# "What nationality is X?", "What is the nationality of Lee?", "X's nationality" (all 5 public
# gold answers are a country's adjective alone: "American", "Korean", "Danish").
ASKS_NATIONALITY = re.compile(r"\bnationality\b(?!\s+(?:law|act|rules?|tests?)\b)", re.IGNORECASE)
# A count is not a length: "12-year" (war) does not answer "how many people ...".
_UNIT_COMPOUND = re.compile(r"\W*\d[\d.,]*-(?:second|minute|hour|day|week|month|year|decade|century)s?(?:-old|-long)?\W*",
                            re.IGNORECASE)
_FORMS = {
    "money": re.compile(r"[$€£¥₹₺₽]|\b(?:dollars?|euros?|pounds?|sterling|yen|yuan|renminbi|rupees?|liras?|rubles?|roubles?"
                        r"|francs?|cents?|riyals?|rials?|dinars?|dirhams?|marks?|pesos?|rand|shekels?|krona|kronor|kroner"
                        r"|baht|ringgit|rupiah|naira|won|USD|EUR|GBP|JPY|CHF|TRY)\b", re.IGNORECASE),
    "quantity": re.compile(_QUANTITY, re.IGNORECASE),
    "duration": re.compile(_QUANTITY + "|" + _TIME_SPAN, re.IGNORECASE),
    # three or four digits ("1815", "1990s", "2023-05-10") or "'98": not an age ("31") nor a day ("Aug. 24"); every
    # gold answer to "what year" in the seeds', the news and the public sets (162) has one, but one naming no time
    "year": re.compile(r"(?<![\d.,])\d{3,4}(?![\d.,]*\d)|['’]\d\d\b"),
    "day": re.compile(r"\d"),
    "month": re.compile(_MONTHS, re.IGNORECASE),
    "month-year": re.compile(rf"(?:{_MONTHS}).*\d|\d.*(?:{_MONTHS})", re.IGNORECASE),
    "name": re.compile(r"[A-Z]"),
    "clock": re.compile(r"\d|\b(?:noon|midday|midnight|dawn|daybreak|sunrise|sunset|dusk|morning|afternoon|evening"
                        r"|night|overnight|o'clock)\b", re.IGNORECASE),
    "date": re.compile(rf"\d|{_MONTHS}"
                       r"|\b(mon|tues|wednes|thurs|fri|satur|sun|to|yester)day\b|\btomorrow\b", re.IGNORECASE),
}


COUNTRIES = frozenset(
    line.strip().lower() for line in resources.files("qa").joinpath("data/countries.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#"))
_PLACE_LEAD = re.compile(r"^(?:(?:the|in|at|of|from)\s+)+", re.IGNORECASE)  # "in Saudi Arabia" names Saudi Arabia


def _nationality(span: str) -> bool:
    """Whether a span is a country's adjective alone ("Russian", "Saudi"), which names no city:
    not a country's own name ("Türkiye", "US") nor its capital."""
    return bool(country_of_whole(span)) and not same_country(span) and not capital_named(span)


def capital_named(span: str) -> str:
    """The country whose capital a place span names ("Moscow", "in Damascus" -> "Russia",
    "Syria"), or "": the capital stands for its government, and is not the country."""
    return capital_of(_PLACE_LEAD.sub("", span.strip()))


# A day of the calendar, which counts nothing ("How many ...?" -> "2023-05-05"; none of the 534
# public gold answers to a question of quantity is one): "21 May", "May 5, 2023", "2023-05-05"
_CALENDAR_DAY = re.compile(rf"\b\d{{4}}-\d\d-\d\d\b|(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+)?\b(?:{_MONTHS})\.?"
                           r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?", re.IGNORECASE)
# A date, which tells no time of day: a day of the calendar or a year ("2023"; not "1500 GMT")
_CALENDAR_DATE = re.compile(rf"{_CALENDAR_DAY.pattern}|\b(?:1[5-9]|20)\d\d\b(?!\s*(?:GMT|UTC|hrs|hours|h\b|local))",
                            re.IGNORECASE)


# A region of a country, which no city is: "Santa Fe province", "Idlib Governorate", "Kent County"
_REGION_WORDS = r"(?:province|region|state|county|district|governorate|prefecture|oblast|canton)s?"
_REGION = re.compile(rf"\b{_REGION_WORDS}$", re.IGNORECASE)
# ... and after a name: the "Santa Fe" of "Santa Fe province" (not of "Moscow State University")
REGION_AFTER = re.compile(rf"\s+{_REGION_WORDS}\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE)


# What a group of countries is called, in its own name ("Soviet Union", "Arab League")
_GROUP_WORD = re.compile(rf"\b(?:{GROUP_NOUNS}|organi[sz]ation|community|council|treaty)\b", re.IGNORECASE)


_YEAR_ALONE = re.compile(r"\W*(?:in\s+)?(?:1[5-9]|20)\d\d\W*", re.IGNORECASE)


def names_form(text: str, form: str) -> bool:
    """Whether a span names what a question of this form needs: nothing for "polar" (yes or
    no), a currency for "money", a number or a quantity ("3.5 million", "four", "several";
    not "12-year") for "quantity", that or a span of time ("a decade", "hours") for
    "duration", a number for "age" (or a date with its year: not "Aug. 17"), three or four digits
    for "year" (not "31", "Aug. 24"), a month's name for "month" (not "Sunday"), and a number
    too for "month-year", a number, month or weekday for "date" (not "last month", nor a year
    alone), a number
    for "day" (the day of a month the question names: not "Wednesday"), a number
    or a time of day for "clock" (not "Wednesday", nor a date: "21 May"), a name (a
    capitalised first word: not "to resolve the Syrian conflict") for "name", and one that is
    not a country's ("Russia", "in Saudi Arabia") nor a region's ("Santa Fe province") nor has a
    digit ("May 19") for "city", and one that is not a capital ("Moscow", "the Kremlin") for
    "country", and not a country's nor a capital city's for "facility" ("Moscow" is no hotel; "the
    Kremlin" is a building). A day of
    the calendar ("2023-05-05") or a rank ("80th minute") is no quantity."""
    if form in ("name", "city", "country"):
        head = _PLACE_LEAD.sub("", text.strip())
        if form == "city" and (head.lower() in COUNTRIES or _nationality(head) or any(ch.isdigit() for ch in head)
                               or _REGION.search(head)):
            return False  # a city is no country, nationality, region nor date ("Russian", "May 19", "Santa Fe province")
        if form == "country" and capital_named(head):
            return False  # "Moscow" stands for Russia's government; it is not the country
        return head[:1].isupper()
    if form == "group":  # "Which alliance ...?" -> not "Turkey"; "Soviet Union" is a union
        head = _PLACE_LEAD.sub("", text.strip())
        return not (country_named_by(head) or capital_named(head)) or bool(_GROUP_WORD.search(head))
    if form == "facility":  # "In which hotel ...?" -> not "Moscow" nor "Russia"
        head = _PLACE_LEAD.sub("", text.strip())
        return not (capital_city(head) or re.sub(r"^the\s+", "", head.lower()) in COUNTRIES)
    if form == "polar":
        return False  # yes or no is not a span
    if form == "age":  # a number of years, or a birth date with its year; a day of a month alone is no age
        if _CALENDAR_DAY.search(text) and not _FORMS["year"].search(text):
            return False
        return bool(_FORMS["quantity"].search(text))
    if form == "quantity" and _UNIT_COMPOUND.fullmatch(text):
        return False
    if form == "date" and _YEAR_ALONE.fullmatch(text):
        return False  # "On what date ...?" -> "2019" names no day
    if form in ("date", "day"):
        text = _RANKED_THING.sub("", _SPAN_OF_TIME.sub("", text))  # "more than 10 years ago" dates nothing
    if form == "clock":
        text = _CALENDAR_DATE.sub("", text)  # "21 May", "2023-05-05" tell the day, not the time
    if form == "quantity":  # nor is a rank ("80th minute"): none of the 570 public gold answers to such questions
        text = _RANKED_THING.sub("", _CALENDAR_DAY.sub("", text))
    return bool(_FORMS[form].search(text)) if form else True


# A question about what is to come ("By what date is the roadmap supposed to be finished?"):
# the date a page was written does not answer it.
LOOKS_AHEAD = re.compile(r"\b(?:will|shall|must|supposed to|expected to|due to|scheduled|set to|deadline|next|upcoming"
                         r"|by (?:what|which) date|by when|completion|finished|completed)\b", re.IGNORECASE)


# "Where will the next meeting be held?" asks about an event to come; a sentence that speaks
# of none (no future, plan, sequel or recurrence) cannot say where or when it is ("In April,
# Moscow also hosted four-way talks"). Each of the 9 public gold answers to such questions
# comes from a sentence with one of these words (two only through "heir" and "annual"). The
# sentence is the best answer's own: "Moscow" is also in sentences that speak of a roadmap to come.
NEXT_EVENT = re.compile(r"\b(?:the|its|their|a|his|her)\s+next\s+(?!to\b|of\b)[a-z]", re.IGNORECASE)
# "When will Assad travel to Turkey?" too: a time or place to come, asked in the future tense
# (the one public question so asked is answered from such a sentence; in the seeds, "When will
# the summit Assad was invited to be held?" by "invited ... to attend the summit on May 19").
ASKS_AHEAD = re.compile(r"^\W*(?:when|where|what (?:date|day|year|month|time)|(?:in|on|at) (?:what|which) "
                         r"(?:year|month|date|day|time|city|place)|by when|how soon)\s+(?:will|shall"
                         r"|(?:is|are)\s+[^?]*?\b(?:expected|scheduled|due|set|going|planned)\s+to)\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:next|future|upcoming|forthcoming|following(?!\s+(?:a|an|the|its|their|his|her|this|that)\b)"
                    r"|again|will|shall|would|scheduled|plan\w*"
                    r"|expected|due|set\s+to|later|subsequent|annual\w*|every|heirs?|successors?|intend\w*"
                    r"|propos\w*|resume\w*|invit\w*|(?:is|are|was|were)\s+to)\b|['’]ll\b", re.IGNORECASE)

# ... and that word must not be cut from the answer by an event that came before: in "a roadmap
# will be drafted following a meeting of their foreign ministers in Moscow" and in "Syria will
# come up with a roadmap, according to a statement issued following the meeting in Moscow",
# Moscow is where a past meeting was. (Commas do not cut: "Tokyo 2020, is a forthcoming event".)
_EARLIER_EVENT = re.compile(r"\b(?:following|after|since)\b", re.IGNORECASE)


def speaks_ahead(sentence: str, start: int, end: int) -> bool:
    """Whether a word of what is to come (``_AHEAD``) in ``sentence`` speaks of its span
    ``[start, end)``: no earlier event (``_EARLIER_EVENT``) is named between the two."""
    for m in _AHEAD.finditer(sentence):
        between = sentence[m.end():start] if m.end() <= start else sentence[end:m.start()] if m.start() >= end else ""
        if not _EARLIER_EVENT.search(between):
            return True
    return False


# A number that opens a compound counts the compound's own thing: "four-way talks" are talks of
# four sides, not four advisers, delegates or bilateral meetings; "a five-person board" has five
# members. The words of each kind count the same things: sides, or people.
_SIDES = frozenset("""way party parties sided side sides nation nations country countries state states power powers
government governments participant participants minister ministers member members""".split())
_PEOPLE = frozenset("""person persons people member members man men woman women strong crew player players seat seats
staff participant participants minister ministers""".split())
# Units of time: what "How many years ...?" counts, in decades or months as well
TIME_UNITS = frozenset(stem(w) for w in "second minute hour day week month year decade century".split())
_TIME_UNIT_WORD = re.compile(r"(?:second|minute|hour|day|week|month|year|decade)s?|century|centuries")
# "How many British troops ...?": the up to three words after "how many" (``counted_words``)
HOW_MANY = re.compile(r"\bhow\s+many\s+((?:[\w'’-]+\s*){1,3})", re.IGNORECASE)
_COUNTED_NOUN = re.compile(r"-([a-z]+)\b|\s+([a-z]+)\b")


def counted_words(question: str) -> list[str]:
    """The words of the things "How many British troops ...?" counts, up to the first stop word,
    lower-cased and without a possessive ("british", "troops"); none where it names no thing."""
    m = HOW_MANY.search(question)
    asked: list[str] = []
    for w in m.group(1).split() if m else ():
        if fold(w) in STOP_WORDS:
            break
        asked.append(re.sub(r"['’]s?$", "", w.lower()))
    return asked


def counts_other(question: str, text: str, end: int) -> bool:
    """Whether the number ending at ``end`` in ``text`` counts another thing than the question's
    "how many <things>": the thing is the word after the number or after its hyphen ("four-way"),
    of a kind known here (``_SIDES``, ``_PEOPLE``), and the asked things are of another kind; or,
    when they are of no kind known here ("advisers"), the number counts sides ("the four
    countries"). A question that names no counted thing ("How many died?") is not judged."""
    asked, counted = counted_words(question), _COUNTED_NOUN.match(text, end)
    if not asked or not counted:
        return False
    thing = (counted.group(1) or counted.group(2)).lower()
    asked_stems = {stem(w) for w in asked}
    if stem(thing) in asked_stems:
        return False
    if _TIME_UNIT_WORD.fullmatch(thing):  # "days", not the "weekly" of "100 million weekly users"
        return not asked_stems & TIME_UNITS  # "How many members ...?" -> "1,191 days"
    kinds = [k for k in (_SIDES, _PEOPLE) if thing in k]
    if not kinds:
        return False
    asked_kinds = [k for k in (_SIDES, _PEOPLE) if k.intersection(asked)]
    if asked_kinds:
        return not any(k in kinds for k in asked_kinds)
    return _SIDES in kinds and any(w.endswith("s") for w in asked)


def counts_time(question: str, span: str) -> bool:
    """Whether a span that is a length of time alone ("1,191 days", "more than a decade")
    answers "How many <things> ...?" about things that are not units of time ("members")."""
    asked = {stem(w) for w in counted_words(question)}
    return (bool(asked) and not asked & TIME_UNITS and bool(TIME_ONLY.fullmatch(span))
            and not span.strip().isdigit())  # a bare "2015" may count things as well as date them


# Words that say what follows holds no more: "declared that COVID-19 is no longer a public
# health emergency", "declared an end to COVID-19 as a global health emergency".
_NO_MORE = re.compile(r"\b(?:no\s+longer|an\s+end\s+to|ceased\s+to\s+be|never)\s+", re.IGNORECASE)
NO_MORE_WORDS = 3  # content words after such words read for the question's own


def says_no_more(question: str, sentence: str) -> bool:
    """Whether ``sentence`` says that what the question asks about holds no more: two of the
    ``NO_MORE_WORDS`` content words after "no longer" (``_NO_MORE``) are the question's own.
    "When was COVID-19 declared a public health emergency?" is not answered by the day it was
    declared "no longer a public health emergency". A question that says it too is not judged."""
    if _NO_MORE.search(question):
        return False
    asked = set(content_stems(question))
    return any(len(asked.intersection(content_stems(sentence[m.end():])[:NO_MORE_WORDS])) >= 2
               for m in _NO_MORE.finditer(sentence))


# "Exactly how many incursions …?" is not answered by "several": a count that names no number.
EXACT_COUNT = re.compile(r"\b(?:exactly|precisely)\s+how\s+(?:many|much)\b|\bhow\s+(?:many|much)\b[^?]*\b(?:exactly|precisely)\b"
                          r"|\b(?:exact|precise)\s+(?:number|count|figure|total|toll)\b", re.IGNORECASE)
VAGUE_COUNT = re.compile(r"\W*(?:(?:a|an|the|some|very|quite|so|too|several|many|few|numerous|multiple|countless|dozens"
                          r"|hundreds|thousands|millions|scores|number|lot|lots|of|more|than|over|about|around)\s*)+\W*",
                          re.IGNORECASE)
# "Who won the election?", "Which team beat Argentina?" ask for a winner: one is told of in words
# of winning, in the answer's sentence or near it (37 of the 39 public gold answers to "who won"
# have one within three sentences). "President Erdogan is courting a summit" names no winner.
ASKS_WINNER = re.compile(r"^\W*(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:has\s+|had\s+|have\s+)?"
                         r"(?:won|wins|win|beat|beats|defeated|defeats)\b"
                         r"|^\W*who\s+(?:was|is|were|are)\s+the\s+winners?\b", re.IGNORECASE)
WINNING = re.compile(r"\b(?:w[oi]n(?:s|ning|ner|ners)?|victor\w*|defeat\w*|beat(?:s|en|ing)?|champion\w*|(?:re-?)?elected"
                      r"|prevail\w*|triumph\w*|clinch\w*|award\w*|captur\w*|title|gold|medal|crown\w*|landslide)\b",
                      re.IGNORECASE)
WINNER_WINDOW = 3  # sentences either side of the answer's own that may tell of the win
# The side a winner played or beat: "the Finalissima against Italy", "beating holders France",
# "victory over Croatia", "against the Netherlands in the quarter-finals and France" name the
# loser of that contest, not who won it.
OPPONENT_BEFORE = re.compile(r"\b(?:against|versus|vs\.?|beating|beat|defeating|defeated|over|edged|edging|edge"
                             r"|thrashed|thrashing|routed|routing)"
                             r"\s+(?:(?:[\w'’-]+,?\s+){1,5}?(?:and|or)\s+)?"
                             r"(?:(?:the|holders|defending|champions|hosts|rivals)\s+){0,2}$", re.IGNORECASE)
OPPONENT_WINDOW = 60  # characters before an answer read for the contest it lost


def played_against(text: str, start: int) -> bool:
    """Whether the words before ``start`` name the side beginning there as one played or beaten
    ("the Finalissima against Italy"): a loser, and no place either."""
    return bool(OPPONENT_BEFORE.search(text, max(0, start - OPPONENT_WINDOW), start))


# Who did what to whom. "Which team did France beat?" asks for the side France acted on, "Who
# beat France?" for the side that acted on France; an answer that stands the other way round of
# the question's verb ("Argentina beat France", "France beat Morocco") plays the named side's
# part. Only an active verb right beside both is read, and verbs whose two sides do the same to
# each other ("met", "faced", "played", "talked") are not. No public gold answer stands so
# (0 of 6,208), nor any gold answer of the seed and news sets.
_CAPITALISED = r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}"
_ASKS_PATIENT = re.compile(r"^\W*(?:whom?|which(?:\s+[\w-]+){0,2}?|what(?:\s+[\w-]+){0,2}?)\s+"
                           rf"(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?(?P<party>{_CAPITALISED})"
                           r"\s+(?P<verb>(?-i:[a-z]+))\b", re.IGNORECASE)
_ASKS_AGENT = re.compile(r"^\W*(?:who|which(?:\s+[\w-]+){0,2}?)\s+(?:(?:has|have|had)\s+)?(?P<verb>(?-i:[a-z]+))"
                         rf"\s+(?:the\s+)?(?P<party>{_CAPITALISED})", re.IGNORECASE)
_NO_ROLES = frozenset(stem(w) for w in """be is was are were has have had do does did say said tell told think believe
call name describe mean stand seem become remain want need meet met face play talk speak negotiate fight clash
marry join ally tie draw partner compete trade discuss share resemble match equal accompany""".split())
_BESIDE_VERB = (r"(?:(?:has|have|had|also|then|finally|eventually|later|once|will|would|did|could|narrowly"
                r"|ultimately)\s+){0,2}")
_VERB_THEN_PARTY = re.compile(rf"\s*{_BESIDE_VERB}(?P<verb>[a-z]+)\s+(?:the\s+)?(?P<party>{_CAPITALISED})")
_PARTY_THEN_VERB = re.compile(rf"(?P<party>{_CAPITALISED})\s+{_BESIDE_VERB}(?P<verb>[a-z]+)\s+(?:the\s+)?$")
ROLE_WINDOW = 120  # characters either side of an answer read for its verb and the other side


def reversed_roles(question: str, text: str, start: int, end: int) -> bool:
    """Whether the answer ``text[start:end]`` does to the side the question names what the
    question asks to be done by that side, or the other way round ("Which team did France
    beat?" -> the "Argentina" of "Argentina beat France")."""
    def same(m: re.Match, asked: re.Match | None) -> bool:
        return bool(m and asked and stem(m.group("verb")) == stem(asked.group("verb"))
                    and fold(asked.group("party")).lower() in fold(m.group("party")).lower())
    patient = _ASKS_PATIENT.search(question)
    if patient and stem(patient.group("verb")) not in _NO_ROLES \
            and same(_VERB_THEN_PARTY.match(text, end, end + ROLE_WINDOW), patient):
        return True
    agent = _ASKS_AGENT.search(question)
    return bool(agent and stem(agent.group("verb")) not in _NO_ROLES
                and same(_PARTY_THEN_VERB.search(text[max(0, start - ROLE_WINDOW):start]), agent))


# "Who is Shahzada Dawood's father?" is not answered by the "Suleman" of "Shahzada Dawood and his
# son Suleman": a name right after a kinship word is that kin of someone, and another kin than
# the one asked for; nor "Who was Stockton Rush's wife?" by a name no word of marriage is near.
_KIN = {"father": "father", "dad": "father", "mother": "mother", "mom": "mother", "mum": "mother", "wife": "spouse",
        "husband": "spouse", "spouse": "spouse", "son": "son", "daughter": "daughter", "brother": "brother",
        "sister": "sister", "grandfather": "grandfather", "grandmother": "grandmother", "uncle": "uncle",
        "aunt": "aunt", "nephew": "nephew", "niece": "niece", "cousin": "cousin"}
_KIN_WORDS = "|".join(_KIN)
# The words near a name that may tell it is the asked kin: the kin's own, or its converse ("the
# son of Rhaegar" names Jon Snow's father).
_PARENT_CHILD = r"father|dad|mother|mom|mum|parents?|sons?|daughters?|child|children|kids?"
_KIN_NEAR = {"father": _PARENT_CHILD, "mother": _PARENT_CHILD, "son": _PARENT_CHILD, "daughter": _PARENT_CHILD,
             "spouse": r"wife|husband|spouse|married|marriage|widow|widower|partner",
             "brother": r"brothers?|sisters?|siblings?", "sister": r"brothers?|sisters?|siblings?"}
_ASKS_KIN = re.compile(rf"^\W*who(?:m)?\s+(?:is|was|are|were)\s+[^?]*['’]s\s+(?:[\w-]+\s+)?(?P<kin>{_KIN_WORDS})s?\b",
                       re.IGNORECASE)
_KIN_BEFORE = re.compile(rf"\b(?:his|her|their|its|[\w'’-]+['’]s)\s+(?:[\w-]+\s+){{0,2}}?(?P<kin>{_KIN_WORDS}),?\s+$",
                         re.IGNORECASE)
KIN_WINDOW = 60  # characters either side of an answer read for the kinship words that name it


def other_kin(question: str, text: str, start: int, end: int) -> bool:
    """Whether the question asks for someone's kin ("Who is X's father?") and the answer is
    named right after another kinship word ("his son Suleman"), or with no word of the asked
    kinship near it (public gold answers: 7 of 7 have one)."""
    asked = _ASKS_KIN.search(question)
    if not asked:
        return False
    kin = _KIN[asked.group("kin").lower()]
    named = _KIN_BEFORE.search(text, max(0, start - KIN_WINDOW), start)
    if named:
        return _KIN[named.group("kin").lower()] != kin
    near = _KIN_NEAR.get(kin, kin)
    return not re.search(rf"\b(?:{near})\b", text[max(0, start - KIN_WINDOW) : end + KIN_WINDOW], re.IGNORECASE)


# "How old is Rear Adm. John Mauger?" is not answered by another's age: the "58" of "Hamish
# Harding, 58," or the "19-year-old" of "19-year-old son Suleman" is the age of the name beside it.
_ASKS_AGE = re.compile(r"^\W*how\s+old\s+(?:is|was|are|were)\s+(?P<who>[^?]+)", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"(?P<name>(?-i:[A-Z])[\w'’.-]+)\s*,\s*(?:aged\s+)?$")
_AGED_AFTER = re.compile(r"(?:-year-old)?\s+(?:[a-z][\w-]*\s+)?(?P<name>(?-i:[A-Z])[\w'’.-]+)")
_AGE = re.compile(r"\d{1,3}(?:-year-old)?")
AGE_WINDOW = 40  # characters before an answer read for the name it is the age of


def age_of_other(question: str, text: str, start: int, end: int) -> bool:
    """Whether "How old is X?" is answered by an age the text gives beside another name."""
    asked = _ASKS_AGE.search(question)
    if not asked or not _AGE.fullmatch(text[start:end]):
        return False
    names = {fold(w).lower() for w in words(asked.group("who"))}
    before = _AGED_BEFORE.search(text, max(0, start - AGE_WINDOW), start)
    after = _AGED_AFTER.match(text, end) if text[end:end + 9] == "-year-old" or text[start:end].endswith("-year-old") \
        else None
    beside = before or after
    return bool(beside) and re.sub(r"['’]s?$", "", fold(beside.group("name")).lower()) not in names


# "Which remotely operated vehicle found the debris?" is not answered by "ROV": the initials of
# the question's own words repeat it (no public gold answer does, but for "What is the acronym
# for ...?").
_ASKS_ACRONYM = re.compile(r"\b(?:acronym|abbreviat\w*|initials|stands?\s+for|short\s+for)\b", re.IGNORECASE)


# Words and the acronym that follows them in brackets: "remotely operated vehicle (ROV)"
_SPELLED_OUT = re.compile(r"(?P<words>[A-Za-z][\w\s-]*?)\s*\((?P<letters>[A-Z]{2,6})\)")
_ARTICLE = re.compile(r"(?:a|an|the)\s+", re.IGNORECASE)


def _initials(text: str) -> str:
    """The first letters of the words of ``text``, in capitals: "ROV" of "remotely operated vehicle"."""
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z]+", text))


def initials_of_question(span: str, question: str) -> bool:
    """Whether ``span`` is an acronym of consecutive words of a question that asks for none, alone
    ("ROV" for "Which remotely operated vehicle ...?") or after those very words ("remotely
    operated vehicle (ROV)"), an article before either ("an ROV")."""
    span = span.strip()
    if article := _ARTICLE.match(span):
        span = span[article.end():]
    if m := _SPELLED_OUT.fullmatch(span):
        spelled = m.group("words")
        if spelled.lower() not in question.lower() or _initials(spelled) != m.group("letters"):
            return False
        span = m.group("letters")
    letters = span.strip("()[] ")
    if not re.fullmatch(r"[A-Z]{2,6}", letters) or _ASKS_ACRONYM.search(question):
        return False
    return letters in _initials(question)


# The event a question asks the time or place of, as held, hosted or given ("Where did the
# ministers hold their joint press conference?"): if the corpus never names its kind, it tells
# of none.
HELD_EVENT = re.compile(r"\b(?:hold|holds|held|holding|host|hosts|hosted|hosting|give|gave|given|stage|staged|convene"
                         r"|convened|organi[sz]e|organi[sz]ed)\s+(?:(?:a|an|the|their|its|his|her|our|this|that)\s+)?"
                         r"(?:(?!(?:which|what|whose|where|when|who|how)\b)[\w-]+\s+){0,3}?"  # not "held in which city"
                         r"(?P<event>(?-i:[a-z]+))(?=\s+(?:after|before|in|on|at|during|with|for"
                         r"|between|about|to|over)\b|\s*[?.]|\s*$)", re.IGNORECASE)  # a kind, not "the Olympics"
# Events of any kind, which a corpus tells of in its own words ("that earlier round" of talks)
ANY_EVENT = frozenset("round rounds session sessions sitting sittings event events encounter encounters".split())
ASKED_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# Many things, none of them named: no answer to "which <one thing>".
VAGUE_MANY = re.compile(r"\W*(?:various|several|many|numerous|multiple|assorted|diverse|countless)\s", re.IGNORECASE)
# A time that names none: "in the future" does not say when (no public gold answer to a "when"
# question is one of these).
VAGUE_TIME = re.compile(r"\W*(?:(?:in|at|the|a|some|near|not|too|distant|very|as|possible|point|time)\s+)*"
                         r"(?:future|soon|later|eventually|someday|one day|sometime|in due course|at a later date"
                         r"|at some point)\W*", re.IGNORECASE)
# A length or a point of time and nothing else ("more than 10 years", "a decade ago", "2015",
# "since the 1950s"): no reason, whatever the sentence around it (none of the 92 public gold
# answers to "why" is one).
TIME_ONLY = re.compile(r"\W*(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|over\s+|some\s+|after\s+"
                       r"|for\s+|in\s+|since\s+)?(?:(?:a|an|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten"
                       r"|eleven|twelve|several|a\s+few|many)[\s-]*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?"
                       r"|decades?|centur(?:y|ies))(?:\s+ago)?|(?:1\d{3}|20\d{2})"
                       r"|(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:1\d|20)\d0['’]?s)\W*", re.IGNORECASE)
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"  # "Wednesday"
WEEKDAY_NAMES = rf"{WEEKDAY}s?"  # "Wednesday", "Fridays"
_WHEN_WHERE_WORD = re.compile(rf"(?:on|in|at|during|earlier|later|last|this|next|and|{WEEKDAY_NAMES}|{MONTH_NAMES}"
                              r"|\d{1,4})", re.IGNORECASE)


def time_and_place_only(span: str) -> bool:
    """Whether ``span`` only says when and where ("on Wednesday in Moscow", "in Damascus"):
    days, months, years, capitals and countries, with the words that place them. It gives no
    reason for "Why ...?", whatever the sentence around it."""
    tokens = words(span)
    return bool(tokens) and all(_WHEN_WHERE_WORD.fullmatch(w) or capital_of(w) or country_of(w) for w in tokens)


# A unit of time alone ("year" of "a year after") says no when, nor is any public gold date one;
# "a week" does say how long.
UNIT_ALONE = re.compile(r"\W*(?:(?:the|a|this|that)\s+)?(?:year|month|week|day|time|decade|century|period|date|era)s?\W*",
                         re.IGNORECASE)
# "What does SANA stand for?": its words, which begin with its first letter (all 14 public gold
# answers to such questions do: "mitochondrial DNA" for "mtDNA"); not "Faisal Mekdad".
# (The two capitals are looked for ahead, not by three nested runs of word characters: on a
# 1,000-character question of capitalised words those backtracked for 12 s.)
STANDS_FOR = re.compile(r"\b(?=[\w-]*[A-Z][\w-]*[A-Z])([\w-]+)[\"”’']?\s+(?:stands?|stood)\s+for\b")
# "Which Arab foreign ministers ...?": those of the Arab League's member states
# (``roles.ARAB_STATES``), not Iran's or Turkey's.
ASKS_ARAB = re.compile(r"\b(?:which|what)\s+Arab\b", re.IGNORECASE)


# A month a question dates something by: "in April", "on May 5", "late December" (not
# "Theresa May" or "Jan van Riebeeck").
_ASKED_MONTH = re.compile(rf"\b(?i:in|on|during|early|late|mid|of|since|by|until|the)\s+(?P<m>{MONTH_NAMES})\b"
                          rf"|\b(?P<d>{MONTH_NAMES})\s+\d")
_MONTH_NAME = re.compile(_MONTHS, re.IGNORECASE)
_ISO_MONTH = re.compile(r"\b\d{4}-(\d{2})-\d{2}\b")  # "2023-05-10" is in May
_MONTH_KEYS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def other_month(question: str, span: str) -> bool:
    """Whether the answer names months and none the question dates something by ("On what
    date in April ...?" or "... the April talks?" -> "December"; "Dec. 28" is December,
    "2023-05-10" May)."""
    asked = {(m.group("m") or m.group("d")).lower()[:3] for m in _ASKED_MONTH.finditer(question)}
    named = {m.lower()[:3] for m in _MONTH_NAME.findall(span)}
    named |= {_MONTH_KEYS[int(m) - 1] for m in _ISO_MONTH.findall(span) if 1 <= int(m) <= 12}
    return bool(asked and named and not asked & named)


# A date right after a reporting verb dates the statement ("Assad said in January that ..."),
# not the event it reports; it answers "When did he say ...?", not "When did they meet?". (Not
# "declared": "independence was declared on 3 August 1960" is the event. No gold answer to the
# 1,490 public date questions follows one of these verbs.)
REPORTING = frozenset(stem(w) for w in """say said says tell told announce announced state stated add added note
noted warn warned insist insisted tweet tweeted report reported claim claimed""".split())
# "What did Iran's defence minister say at the talks?" asks what was said; the name of who said
# it is no answer (none of the 30 public gold answers to such questions is a person's name).
# The speaker's words end with a letter, so that a run of spaces is read one way (three runs of
# spaces in a row backtracked for 10 s over "What does        stand for?")
WHAT_SAID = re.compile(r"^\W*what\s+(?:did|does|do|has|have|had|will|would)\s+(?=\S)(?P<speaker>(?:[^?]*?\S)?)\s*"
                        r"\b(?:say|tell|announce|state|add|note|warn|insist|tweet|write|claim|argue|declare"
                        r"|stress|emphasi[sz]e|post|urge|pledge|promise)\b",
                        re.IGNORECASE)
# When words were said, and nothing of what: "following the meeting", "after the talks", "on
# Wednesday" answer no "What did Cavusoglu tweet?".
_SAID_AT = (r"(?:following|after|before|during|ahead\s+of|prior\s+to|at\s+the\s+end\s+of)\s+"
            r"(?:(?:the|a|an|this|that|their|his|her|its)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+")
_SAID_WHEN = re.compile(rf"\W*(?:{_SAID_AT}|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                       r"|(?:earlier|later)(?:\s+on)?(?:\s+\w+day)?)\W*", re.IGNORECASE)
_SAID_AT_RE = re.compile(rf"\b{_SAID_AT}\b", re.IGNORECASE)


def within_said_when(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a time alone or lies in one ("meeting" of "following the
    meeting"), which tells when words were said, not what."""
    if _SAID_WHEN.fullmatch(text, start, end):
        return True
    return any(m.start() <= start and end <= m.end() for m in _SAID_AT_RE.finditer(text, max(0, start - 40), end + 40))


# "Who said that the two could put the past behind them?": the words said, to be found near
# the one who said them ("He said ..." two sentences after the name).
_WHO_SAID = re.compile(r"^\W*who\s+(?:had\s+|has\s+)?(?:said|says|stated|states|declared|told\s+\w+|added|noted|"
                       r"warned|insisted|argued|claimed|stressed|believes?|believed|pointed\s+to|spoke\s+of|"
                       r"described|called)\s+(?:that\s+)?(?P<clause>[^?]+)", re.IGNORECASE)
# "What can Syria and Turkey do about the past?", "What could be done with the proposals?": "do"
# as the main verb asks for an action, which a verb phrase names ("put the past behind them").
ASKS_ACTION = re.compile(r"^\W*what\b[^?]*\b(?:do|done|doing)\b(?=\s*(?:$|[?,]|(?:with|about|to|for|after|next|regarding"
                         r"|in|at|on|since|during|when|once|now|then|first)\b))", re.IGNORECASE)
ACTION_DEPTH = 6  # the best answers looked through for one that opens with a verb
# "Which three countries' ministers met?", "Name the two issues ..." (read "What is the two issues
# ...?"): as many things as that, listed ("Russian, Syrian and Turkish"), not one ("Russian"). Not
# "What are the four ministers doing?": there the number counts who acts.
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT_ASKED = re.compile(r"^\W*(?:(?:which|what)\s+|what\s+is\s+the\s+)"
                          rf"(?P<n>{'|'.join(_NUMBER_WORDS)})\s+(?!of\b)[a-z]", re.IGNORECASE)


def things_asked(question: str) -> int:
    """How many things "Which three countries ...?" asks for (3); 0 where it says no number."""
    m = _COUNT_ASKED.search(question)
    return _NUMBER_WORDS[m.group("n").lower()] if m else 0


def things_listed(span: str) -> int:
    """How many things a span lists: 3 for "Russian, Syrian and Turkish", 1 for "Russian"."""
    return len([part for part in LIST_SEPARATOR.split(span) if part.strip()])


# "With whom is Erdogan seeking a summit?", "To whom could the proposals be put?": the answer is
# the object of that preposition after words of the question ("courting a presidential summit
# with Assad"), not of another ("made up with former rivals").
ASKED_PREPOSITION = re.compile(r"^\W*(with|to|from|against)\s+(?:whom|which|what)\b", re.IGNORECASE)
# The object of each such preposition, after up to three words that go before it ("words")
OBJECT_OF = {p: re.compile(rf"(?P<words>(?:[\w'’-]+\s+){{1,3}}){p}\s+(?:(?:the|a|an|their|its|his|her)\s+)?$",
                           re.IGNORECASE) for p in ("with", "to", "from", "against")}
OBJECT_WINDOW = 80  # characters before an answer read for the preposition and its words
CLAUSE_MIN_TERMS = 3  # content words the clause needs for its words to tell who said it
CLAUSE_SAID = 0.8  # share of them another answer's sentences must hold ...
CLAUSE_MISSED = 0.5  # ... where the best answer's hold less than this
CLAUSE_AFTER = 2  # sentences after a name that may hold its words (a quote, then "He pointed to ...")


# Where an event took place: "in Moscow", "visited Damascus", "the Moscow talks" (a capital,
# ``capital_of``; "in Syria" is as often what was discussed); "at the Arab League" is no place.
_PLACE = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
_LOCATED = re.compile(rf"\b(?:in|visit(?:ed|s|ing)?|(?:trip|visit|travell?ed|flew|went)\s+to)\s+"
                      rf"(?P<place>{_PLACE})|\bthe\s+(?P<before>{_PLACE})\s+(?:meeting|talks|summit|conference|gathering)\b",
                      re.IGNORECASE)


def places(text: str) -> dict[str, str]:
    """The capitals ``text`` locates something in, each with its country. A country is left
    out: "the political process in Syria" is what was discussed, not where."""
    found = {}
    for m in _LOCATED.finditer(text):
        place = m.group("place") or m.group("before")
        for name in dict.fromkeys((place, place.split()[0])):
            if country := capital_of(name):
                found[name] = country
                break
    return found


def located_elsewhere(question: str, sentence: str) -> bool:
    """Whether ``sentence`` tells of something in another place than the one the question asks
    about, and names that one nowhere: "Prince Faisal ... visited Damascus last month" is not
    who represented Saudi Arabia at the meeting in Moscow."""
    asked = places(question)
    if not asked:
        return False
    told = places(sentence)
    return bool(told) and not set(told.values()) & set(asked.values()) \
        and not any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in asked)


_WITH_COUNTRY = re.compile(r"\bwith\s+(?:the\s+)?(?P<partner>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)?)")


def _partners(text: str) -> set[str]:
    return {country_of(m.group("partner")) for m in _WITH_COUNTRY.finditer(text)} - {""}


def other_partner(question: str, sentence: str) -> bool:
    """Whether ``sentence`` tells of dealings "with" another country than the one the question
    asks about, and names that one nowhere: "Turkey severed its relations with Syria in March
    2012" does not date a break of relations with Iran."""
    asked = _partners(question)
    if not asked:
        return False
    told = _partners(sentence)
    return bool(told) and not told & asked and not asked & countries_named(sentence)


# "When did Assad confirm he would attend?" asks the date of saying so, not of attending.
ASKS_STATEMENT = re.compile(r"\b(?:did|does|has|have|had)\s+(?:[\w'’.-]+\s+){1,4}?(?:confirm|announce|declare|reveal"
                             r"|say|state|tell)\b", re.IGNORECASE)
STATING = REPORTING | {stem(w) for w in "confirm confirmed announcement declare declared reveal revealed".split()}
# What a statement does: "When did Assad lay out his conditions?" asks the date of one.
_STATEMENT_WORDS = "outline express voice demand condition propose stress emphasise urge lay laid"
STATED = STATING | {stem(w) for w in _STATEMENT_WORDS.split()}
_STATED_PHRASE = re.compile(r"\b(?:set|sets|setting|spell|spells|spelled|spelt)\s+(?:\w+\s+){0,3}?out\b", re.IGNORECASE)


def asks_statement(question: str) -> bool:
    """Whether the question asks about a statement (``STATED``: "When did Assad set out his
    conditions?"), so that a date of one is what it asks."""
    return bool(STATED.intersection(stem(w) for w in words(question)) or _STATED_PHRASE.search(question))


def said_clause(question: str) -> list[str]:
    """The content stems of what "Who said that ...?" asks the speaker of, less names ("Syria
    and Turkey" are in every sentence about the talks; what was said of them is not); [] for
    another question or a clause of under ``CLAUSE_MIN_TERMS`` such words."""
    m = _WHO_SAID.search(question)
    said = " ".join(w for w in words(m.group("clause")) if not w[:1].isupper()) if m else ""
    terms = list(dict.fromkeys(content_stems(said)))
    return terms if len(terms) >= CLAUSE_MIN_TERMS else []


_ACCORDING_TO = re.compile(r"^\W*according\s+to\s+(?P<speaker>[^,?]+),\s*", re.IGNORECASE)
HOW_REACTED = re.compile(r"^\W*how\s+(?:did|does|do|has|have|had|was|were|is|are)\s+(?=\S)[^?]*?"
                          r"\b(?:react|reacted|respond|responded)\b", re.IGNORECASE)
# A question is no answer: "Why was Altman fired" is a report's heading (no public gold answer
# is one).
QUESTION_FORM = re.compile(r"\W*(?:why|what|how|who|when|where|which)\s+(?:is|was|are|were|did|does|do|has|have|had"
                           r"|will|would|can|could|should)\b", re.IGNORECASE)
# a report's lead, which its page date dates (``Verifier.about_lead``, ``SecondLook._main_event_date``)
LEAD_SENTENCES = 2
# Words of time and occurrence, and of the page itself ("What publication date appears under the
# byline?" asks for the page date).
EVENT_FILLER = frozenset(stem(w) for w in "date day time exact precise take place held hold happen occur year month "
                          "printed stamped appears top page publication published byline dateline report article "
                          "story".split())
# Words for one gathering: "When were the talks held?" asks about the meeting a lead reports as
# "a landmark meeting" or "their summit" (``Leads.holds``)
GATHERING = frozenset(stem(w) for w in "meeting talks summit gathering session conference negotiations gathered "
                      "convened".split())
SPEAKER_WINDOW = 2  # sentences before the answer's own that may name who says it ("…," he said.)


def speaker_words(question: str) -> str:
    """The X of "[According to Y,] What did X say ...?", or ""."""
    according = _ACCORDING_TO.match(question)
    m = WHAT_SAID.search(question[according.end():] if according else question)
    return m.group("speaker") if m else ""


def speaker_names(question: str) -> list[str]:
    """The names of whoever "What did X say ...?" asks about, countries aside ("Mekdad",
    "Amir-Abdollahian"; none for "Iran's foreign minister"): the words one of which a
    sentence reporting X's words, or one just before it, names."""
    return _names_in(speaker_words(question))


def speaker_offices(question: str) -> list[Office]:
    """The offices of whoever "What did X say ...?" asks about, where X is one ("Iran's foreign
    minister"; with its country, as ``mentioned_offices`` takes them)."""
    return _offices_of(speaker_words(question))


def _offices_of(words: str) -> list[Office]:
    """The offices a question's words for someone name ("Iran's foreign minister"), read as
    ``mentioned_offices`` reads a question about what that someone said."""
    return mentioned_offices(f"What did {words} say?") if words else []


def according_to_names(question: str) -> list[str]:
    """The names of "According to X, ...?" ("Lavrov"; "AFP" and "the reports" too: who of them
    is a speaker, not a source, the corpus's titles tell)."""
    according = _ACCORDING_TO.match(question)
    return _names_in(according.group("speaker")) if according else []


def _names_in(words: str) -> list[str]:
    names = [w for w in re.findall(r"(?<![\w'’-])[A-Z][\w'’-]*", words) if not country_of(w)]
    return [part for w in names for part in re.split(r"[-'’]", w) if len(part) >= 3 and part[:1].isupper()]


# Who or what does what the question asks about: the capitalised words after its auxiliary
# ("In what year did Iran intervene ...?", "When did Putin meet Assad?").
_SUBJECT = re.compile(r"^\W*(?:(?:in|on|at|by|for|from|to)\s+)?(?:what|which|when|where|why|how)\b[^?]*?"
                      r"\b(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?"
                      r"(?P<agent>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)?)\s+(?-i:[a-z])", re.IGNORECASE)


def _agent(question: str) -> str:
    m = _SUBJECT.search(question)
    return m.group("agent") if m else ""


def subject_country(question: str) -> str:
    """The country that does what the question asks about ("In what year did Iran intervene
    ...?" -> "Iran"), or "": a sentence that names it nowhere near cannot tell what it did."""
    agent = _agent(question)
    return country_of(agent) if agent and country_named_by(agent) else ""


_OFFICE_AGENT = re.compile(r"\b(?:did|does|do|has|have|had|will|would|was|were|is)\s+(?P<agent>(?:the\s+)?"
                           r"(?:[\w'’-]+\s+){1,3}?(?:minister|president|secretary|ambassador|envoy|spokes(?:man|woman)"
                           r"|king|emir|crown\s+prince))\b", re.IGNORECASE)


def subject_offices(question: str) -> list[Office]:
    """The office of a country's that does what the question asks about ("When did the Saudi
    foreign minister visit Damascus?" -> Saudi Arabia's foreign minister), as
    ``speaker_offices`` gives them; [] where it names no country ("the foreign ministers")."""
    m = _OFFICE_AGENT.search(question)
    return [o for o in _offices_of(m.group("agent")) if o.country] if m else []


def subject_names(question: str) -> list[str]:
    """The names of the person or body, not a country, that does what the question asks about
    ("When did Putin meet Assad?" -> ["Putin"]), as ``speaker_names`` gives them."""
    agent = _agent(question)
    return [] if not agent or country_named_by(agent) or country_of(agent) else _names_in(agent)


_REPORTED_AT = re.compile(r"\b(?:said|says|told|announced|stated|added|noted|warned|insisted|tweeted|"
                          r"reported|claimed)\s+(?:[\w-]+\s+)?"
                          r"(?:(?:in|on|at|during|last|this|earlier|late|early)\s+)*$",
                          re.IGNORECASE)


def dates_a_statement(text: str, start: int) -> bool:
    """Whether the span at ``start`` follows a reporting verb, one word at most between
    them ("said in January", "told reporters on Wednesday")."""
    return bool(_REPORTED_AT.search(text, max(0, start - 40), start))

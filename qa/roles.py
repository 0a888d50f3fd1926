"""Offices: the holder of the office a question asks for, read from the titles the corpus gives names.

An office is a role with, where said, its portfolio, country and deputyship (``Office``); a
person's titles in the corpus ("Turkish Foreign Minister Mevlut Cavusoglu", "Hossein
Amirabdollahian of Iran") add up. Three uses:

- the holder of another office is no answer: "Who is Turkey's defence minister?" is not
  "Mevlut Cavusoglu" (every title calls him the foreign minister) nor "Recep Tayyip Erdogan"
  (the president); "Who was Syria's foreign minister?" not the *Turkish* one; "Which deputy
  foreign minister ...?" not the minister (``holds_other_office``);
- the holder of the asked office is preferred to an answer no title supports ("Who is
  Turkey's president?" -> Erdogan, not Assad; ``holds_asked_office``);
- the holder of an office the question names without asking for it is its subject, not its
  answer ("Whom did the Saudi foreign minister meet?"; ``mentioned_offices``).

Only a conflict refuses: a name the corpus never titles is left to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from qa.spelling import one_edit
from qa.text import fold

# Offices held by a person: those a portfolio tells apart, and heads of a state or city.
# A "chief" before the noun of his charge holds another office than the chief of a body: the
# WHO's chief scientist is not "WHO chief Tedros".
_OFFICER_OF = ("operating technology financial information marketing scientific science product legal people commercial"
               " strategy digital data security investment medical").split()
_CHIEF_OF = rf"(?:{'|'.join(_OFFICER_OF)})\s+officer"
_ROLES = (r"minister|secretary|ambassador|envoy|commissioner|spokes(?:man|woman|person)|director|adviser|advisor"
          r"|judge|prosecutor|sheriff"
          rf"|chief(?!\s+(?:executive|{_CHIEF_OF}|scientist|economist|negotiator|of\s+staff|justice|inspector|engineer"
          r"|editor|strategist|whip|prosecutor|operating|technology|financial)\b)")
# ... and a company's, a body's or a team's, which an organisation's name qualifies ("Activision
# Blizzard CEO Bobby Kotick", "Phil Spencer, CEO of Microsoft Gaming"): ``Office.org``. Its chief
# operating, technology or financial officer is not its chief executive.
_ORG_ROLES = (r"ceo|chief\s+executive|executive|chair(?:man|woman|person)?|coach|founder|co-founder"
              rf"|chief\s+{_CHIEF_OF}|chief\s+scientist|coo|cto|cfo")
_HEADS = r"president|premier|chancellor|king|queen|emir|sultan|governor|mayor|leader"
OFFICES = f"{_ROLES}|{_HEADS}|{_ORG_ROLES}"  # a regex alternation of office nouns
# A company's officers below its chief executive: one post each, so a person the corpus titles
# with other roles only holds none of them, and where the corpus never names the post, it names
# no holder of it either.
OFFICER_ROLES = frozenset({"coo", "cto", "cfo", "chief scientist", *(f"chief {w} officer" for w in _OFFICER_OF)})
# ``_ORG_ROLES`` as ``_norm`` names them
_ORG_ROLE_NAMES = frozenset({"ceo", "chairman", "coach", "founder"}) | OFFICER_ROLES
_PORTFOLIOS = frozenset("""defence defense foreign interior home finance treasury economy economic justice health
education trade commerce industry energy agriculture culture transport transportation labour labor environment war
intelligence security information communications tourism prime""".split())
_DEPUTY = frozenset("deputy vice assistant lieutenant".split())  # "lieutenant governor"
# Offices only a state, a court or a city gives: no company's (a company has presidents,
# directors and secretaries too).
_STATE_ROLES = frozenset("""minister ambassador envoy judge prosecutor sheriff king queen emir sultan governor mayor
premier chancellor""".split())
_RANKS = frozenset("special senior acting interim general high".split())  # "UN special envoy"
_MINISTRY = frozenset({"ministry", "ministry's"})  # "Russian foreign ministry spokeswoman"
# International bodies whose officials hold offices as a country's do ("UN special envoy X",
# "Who represented the United Nations?"); an office's ``country`` is then the body.
_BODIES = {key: body for body, keys in {
    "United Nations": "un|u.n.|united nations", "European Union": "eu|e.u.|european union", "NATO": "nato",
    "Arab League": "arab league", "African Union": "african union|au", "OPEC": "opec", "IAEA": "iaea",
    "World Health Organization": "who|world health organization", "IMF": "imf", "World Bank": "world bank",
    "OSCE": "osce", "ASEAN": "asean", "Gulf Cooperation Council": "gcc|gulf cooperation council",
}.items() for key in keys.split("|")}


def body_of(words: str) -> str:
    """The international body (``_BODIES``) that ``words`` name, or "" (not "who" for "WHO")."""
    key = re.sub(r"^the\s+", "", words.strip(), flags=re.IGNORECASE)
    return _BODIES.get(key.lower(), "") if key[:1].isupper() and (key.lower() != "who" or key == "WHO") else ""


def body_or_country(words: str) -> str:
    """The international body or the country that ``words`` name, or ""."""
    return body_of(words) or country_of(words)
_SAME = {"defense": "defence", "labor": "labour", "advisor": "adviser", "economic": "economy",
         "transportation": "transport", "chief executive": "ceo", "executive": "ceo", "chairwoman": "chairman",
         "chair": "chairman", "chairperson": "chairman", "co-founder": "founder",
         "chief operating officer": "coo", "chief technology officer": "cto", "chief financial officer": "cfo"}
_AUX = r"(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must)"
_WORD = r"(?:(?:(?-i:[A-Z])\.){2,}|[\w'’-]+)"  # "U.S." or a word without its full stop
# A title's word before its role: a word and a space, or a deputy's prefix ("vice-chair")
_PRE = rf"(?:{_WORD}\s+|(?:vice|deputy)-)"
# A name of up to three capitalised words ("Microsoft Gaming", "the United States"), and a title's
# "of" that names one ("CEO of Microsoft Gaming")
_NAME_WORDS = r"(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2}"
_OF_NAME = rf"\s+of\s+(?:the\s+)?(?P<of>{_NAME_WORDS})"
# The office must be what the question asks for: "Who is / was ...", "Name the ...", "Which ...".
_ASKED = re.compile(
    r"^\W*(?:who(?:m)?\s+(?:(?:currently|now|then)\s+)?(?:is|was|are|were|served\s+as|serves\s+as|became)"
    r"|what\s+(?:is|was)\s+the\s+(?:full\s+|complete\s+)?names?\s+of"
    r"|(?:give\s+|tell\s+me\s+)?(?:the\s+)?(?:full\s+|complete\s+)?names?(?:\s+of)?|identify|which|what)\s+(?:the\s+)?"
    rf"(?P<words>(?:(?!{_AUX}\b){_PRE}){{0,3}}?)(?P<role>{OFFICES})s?\b"
    rf"(?:{_OF_NAME})?"
    # ... and the office is the whole of what is asked: not "King Zhaoxiang of Qin's mother",
    # "the president's wife".
    r"(?!\s+(?-i:[A-Z])|\s*['’]s\b|[\w-])",
    re.IGNORECASE)
_DIPLOMAT = re.compile(r"\b(?:top|chief)\s+diplomat\b", re.IGNORECASE)  # journalists' foreign minister
# A minister named by the affairs in their charge: "minister of foreign affairs", "minister in
# charge of external affairs", "minister for defence" are the foreign and defence ministers.
_MINISTER_FOR = re.compile(r"\bminister(?P<plural>s?)\s+(?:of|for|in\s+charge\s+of|responsible\s+for)\s+(?:the\s+)?"
                           r"(?P<portfolio>[a-z]+)(?:\s+affairs)?\b", re.IGNORECASE)


def _as_title(question: str) -> str:
    """The question with its offices said as titles are ("foreign minister" for "top diplomat"
    and "minister of foreign affairs"), so one pattern reads them all."""
    def title(m: re.Match) -> str:
        portfolio = "foreign" if m.group("portfolio").lower() == "external" else m.group("portfolio")
        if _norm(portfolio) not in _PORTFOLIOS:
            return m.group(0)
        return f"{portfolio} minister{m.group('plural')}"
    return _MINISTER_FOR.sub(title, _DIPLOMAT.sub("foreign minister", question))


_HEAD_OF_STATE = re.compile(r"\bhead\s+of\s+(?:the\s+)?state\b", re.IGNORECASE)
HEAD_OF_STATE = "head of state"  # a role held by a president or a monarch, whichever the country has
_STATE_HEADS = frozenset("president king queen emir sultan".split())
# A country's "leader" heads its state or government, whatever the office is called ("Supreme
# Leader", president, prime minister, general secretary); no minister of a portfolio, envoy or
# spokesman is one.
_LEADS = _STATE_HEADS | {"premier", "chancellor", "leader", HEAD_OF_STATE}
_SERVES = frozenset("ambassador envoy commissioner spokesman spokeswoman spokesperson adviser director governor mayor"
                    .split())
_COUNTRY_WORDS = r"(?P<country>[\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)"  # "Iran", "Iranian", "Saudi Arabia"
_ACTED_FOR = re.compile(r"^\W*who\s+(?:(?:was|were|has|had|will|would)\s+)?(?:represent(?:ed|s|ing)?|led|leads|lead|headed"
                        rf"|heads|head|spoke\s+for|speaks\s+for)\s+(?:the\s+)?{_COUNTRY_WORDS}"
                        r"(?:\s+delegation)?(?:\s+(?:at|in|during|on|to|as)\b|\s*[?.]?\s*$)", re.IGNORECASE)
# "Who represented Damascus as its top diplomat?": the office it was represented in
_AS_OFFICE = re.compile(rf"\s*as\s+(?:its|their|the|a|an)?\s*(?P<words>(?:{_PRE}){{0,3}}?)(?P<role>{OFFICES})s?\b",
                        re.IGNORECASE)
# "Who heads Turkey's intelligence service?" asks for the chief of a body; the head of a
# ministry is its minister ("Who runs Iran's foreign ministry?").
_HEADS_BODY = re.compile(
    r"^\W*who\s+(?:(?:currently|now|then)\s+)?(?:(?:is|was)\s+(?:the\s+)?head\s+of|heads|headed|leads|led|runs|ran"
    r"|directs|directed|chairs|chaired|is\s+in\s+charge\s+of|was\s+in\s+charge\s+of)\s+(?:the\s+)?"
    rf"(?P<words>(?:(?!{_AUX}\b){_PRE}){{1,3}}?)(?P<body>ministry|service|agency|organi[sz]ation|directorate"
    r"|department|office)\b", re.IGNORECASE)
# "Who runs Microsoft Gaming?", "Who heads the CMA?": the leader of an organisation named in
# capitals, whatever its title (CEO, chairman, president); a country or a body is ``_ACTED_FOR``'s.
_RUNS_ORG = re.compile(r"^\W*who\s+(?:(?:currently|now)\s+)?(?:runs|ran|leads|led|heads|headed|chairs|chaired|manages"
                       r"|managed|is\s+in\s+charge\s+of|was\s+in\s+charge\s+of)\s+(?:the\s+)?"
                       r"(?P<org>(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})\s*[?.!]*\s*$", re.IGNORECASE)
# Who acted for a country at a meeting of ministers of one portfolio ("Who represented Iran at
# the December defence ministers' meeting?", "Which Iranian official attended the defence
# ministers' talks?") was that country's minister of that portfolio, not any of its officials.
_MEETING = r"(?:meeting|talks|summit|conference|gathering|session)"
_AT_MINISTERS = re.compile(rf"\b(?P<portfolio>[a-z]+)\s+ministers['’]?\s+{_MEETING}\b"
                           rf"|\b{_MEETING}\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<of>[a-z]+)\s+ministers\b", re.IGNORECASE)
_OFFICIAL_AT = re.compile(rf"^\W*which\s+{_COUNTRY_WORDS}\s+(?:official|representative"
                          r"|delegate|minister)s?\s+(?:attended|represented|took\s+part\s+in|participated\s+in|joined|was\s+at)\b",
                          re.IGNORECASE)
_POSSESSOR = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\b")  # "of Syria's wife"
# ... but "the vice-chair of OpenAI's new board" is an office of OpenAI
_OF_ORG_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?P<org>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:board|committee|council|panel|commission|company|firm|bank|club|team)\b")
# A title just before a name ("Turkish Foreign Minister Mevlut Cavusoglu") or just after it
# (", Syria's foreign minister").
_TITLE_BEFORE = re.compile(rf"(?P<words>(?:{_PRE}){{0,3}})(?P<role>{OFFICES})s?\s+(?:(?-i:[A-Z])[\w'’-]*\s+){{0,3}}$",
                           re.IGNORECASE)
# (not "Sergei Lavrov, Syria's Foreign Minister Faisal Mekdad": that title is the next name's),
# or the country after it ("Hossein Amirabdollahian of Iran").
_TITLE_AFTER = re.compile(rf"^\s*,\s+(?:the\s+)?(?P<words>(?:{_PRE}){{0,3}}?)(?P<role>{OFFICES})\b"
                          r"(?!\s+(?-i:[A-Z]))"
                          rf"(?:{_OF_NAME})?",
                          re.IGNORECASE)
_COUNTRY_AFTER = re.compile(rf"^\s+of\s+(?:the\s+)?(?P<country>{_NAME_WORDS})")
# An office taken, kept or returned to, said after the name ("for Sam Altman to return as CEO",
# "X was named chief executive of Y"): zero-width, as ``_CHAIRED_BY``'s.
_TAKES_OFFICE = re.compile(
    r"^\s+(?:(?:to|will|would|has|had|is|was)\s+)?(?:return(?:s|ed)?|serve[sd]?|become|becomes|became|remain(?:s|ed)?"
    r"|stay(?:s|ed)?|take\s+over|took\s+over|takes\s+over|be\s+named|been\s+named|named|be\s+appointed|appointed)"
    r"(?:\s+to\s+(?-i:[A-Z])[\w.-]*)?\s+(?:as\s+)?(?:the\s+|its\s+|their\s+|a\s+|an\s+)?"
    rf"(?P<words>(?:{_PRE}){{0,2}}?)(?P<role>{OFFICES})\b(?!['’-])"
    rf"(?:{_OF_NAME})?", re.IGNORECASE)
# A chair named by the verb ("the committee, chaired by French public health expert Didier
# Houssin"): no title's words to show, but the chair is no vice-chair.
_CHAIRED_BY = re.compile(r"\b(?:co-)?chaired\s+by\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_WINDOW = 80
_MAX_OCCURRENCES = 200


def _load_countries() -> tuple[dict[str, str], dict[str, str]]:
    """Every name, adjective and capital of a country (``data/demonyms.txt``,
    ``data/capitals.txt``), keyed by ``_key``, to the country; and its names alone ("Türkiye",
    "US"; not "Turkish" or "Ankara")."""
    every: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in resources.files("qa").joinpath("data/demonyms.txt").read_text("utf-8").splitlines():
        if ":" not in line or line.startswith("#"):
            continue
        own, adjectives = line.split(":", 1)
        country, *others = [n.strip() for n in own.split("/")]
        for name in [country, *others]:
            names[_key(name)] = every[_key(name)] = country
        for adjective in filter(None, (a.strip() for a in adjectives.split(","))):
            every[_key(adjective)] = country
    # A capital stands for its country's government ("Ankara and Damascus"); it is no name of
    # the country itself, so candidates "Ankara" and "Turkey" do not pool as one answer.
    for country, capital in _capitals():
        every[_key(capital)] = names[_key(country)]
    return every, names


@cache
def _capitals() -> tuple[tuple[str, str], ...]:
    """``(country, capital)`` for each capital of ``data/capitals.txt`` (read once)."""
    pairs = []
    for line in resources.files("qa").joinpath("data/capitals.txt").read_text("utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            country, capitals = (part.strip() for part in line.split(":", 1))
            pairs += [(country, capital) for capital in filter(None, (c.strip() for c in capitals.split(",")))]
    return tuple(pairs)


def _key(name: str) -> str:
    """Lookup key of a country's name: lower-cased, except acronyms ("US" is not "us")."""
    return name if name.replace(".", "").isupper() else name.lower()


COUNTRY_OF, COUNTRY_NAMED = _load_countries()
CAPITAL_OF = {_key(capital): COUNTRY_NAMED[_key(country)] for country, capital in _capitals()}


# The capitals that are cities: the first seat each country's line gives ("Moscow", not "Kremlin")
_CAPITAL_CITIES = frozenset(_key(capital) for k, (country, capital) in enumerate(_capitals())
                            if k == 0 or _capitals()[k - 1][0] != country)


def capital_city(word: str) -> bool:
    """Whether a word names a capital city ("Moscow"), not a seat of government that is a
    building ("the Kremlin", "White House")."""
    return _key(_bare(re.sub(r"^(?:the|The)\s+", "", word.strip()))) in _CAPITAL_CITIES


def capital_of(word: str) -> str:
    """The country whose capital ``word`` is ("Damascus" -> "Syria"), or "" (a country's own
    name or adjective is none)."""
    return CAPITAL_OF.get(_key(_bare(word.strip())), "")


# The Arab League's member states, by the names ``data/demonyms.txt`` gives them: "Which Arab
# ministers ...?" asks for theirs.
ARAB_STATES = frozenset("""Algeria Bahrain Comoros Djibouti Egypt Iraq Jordan Kuwait Lebanon Libya Mauritania Morocco
Oman Palestine Qatar Somalia Sudan Syria Tunisia Yemen""".split()) | {"Saudi Arabia", "United Arab Emirates"}


@dataclass(frozen=True)
class Office:
    """An office as a title or a question gives it; "" where it does not say."""

    role: str  # "minister", "president", ...; "" for anyone who acts for a country ("X of Iran")
    portfolio: str = ""  # "foreign", "defence", "prime", ...
    country: str = ""  # "Turkey" for "Turkish", "Turkey's"
    deputy: bool = False
    # The organisation a title names that is neither a country nor an international body
    # ("Microsoft Gaming" of "CEO of Microsoft Gaming", "Activision Blizzard" of "Activision
    # Blizzard CEO"). It mostly confirms a holder: a title may list one of several roles
    # ("Chairman and CEO X" reads as CEO), so another organisation or role of one is no
    # conflict; only titles that are all a state's or a court's are (``_STATE_ROLES``, or an
    # office of a country: "federal judge Jacqueline Scott Corley" chairs no FTC).
    org: str = ""

    def _same_role(self, title: Office) -> bool:
        if self.role == "leader":
            return not title.deputy and title.role not in _SERVES \
                and not (title.role == "minister" and title.portfolio not in ("", "prime"))
        if title.role == "leader":
            return not title.deputy and (self.role in _LEADS or self.role == "minister" and self.portfolio == "prime")
        if self.role == HEAD_OF_STATE:
            return title.role in _STATE_HEADS and not title.deputy
        return title.role == self.role and title.deputy == self.deputy \
            and not (self.portfolio and title.portfolio and title.portfolio != self.portfolio)

    def conflicts(self, titles: Set[Office]) -> bool:
        """Whether a person with these titles cannot hold this office: the titles name a role,
        none of them this one (another role, portfolio or deputyship); or they name countries,
        none of them this one's. A person's titles add up: "Foreign Minister X" and "X of Iran"
        make X Iran's foreign minister."""
        roles = [t for t in titles if t.role]
        if self.org:  # see ``org``; but a judge or a minister is no company's chairman
            if roles and all(t.role in _STATE_ROLES or t.country for t in roles):
                return True
            if self.role in OFFICER_ROLES and roles and all(t.role != self.role for t in roles):
                return True  # Activision's CEO is not its chief operating officer
            if roles and all(t.org and not _related_org(self.org, t.org) for t in roles):
                return True  # the CMA's chief executive holds no office of Microsoft's
            same = [t for t in roles if t.role == self.role]  # nor its chair its vice-chair, or the reverse
            return bool(same) and all(t.deputy != self.deputy for t in same)
        countries = {t.country for t in titles if t.country}
        return bool(self.role and roles and not any(self._same_role(t) for t in roles)
                    or self.country and countries and self.country not in countries)

    def confirmed_by(self, titles: Set[Office]) -> bool:
        """Whether the titles say this office outright: its role (with its portfolio, if asked)
        and its country, where the question names them, and nothing that conflicts."""
        if not titles or self.conflicts(titles):
            return False
        if self.country and self.country not in {t.country for t in titles}:
            return False
        if self.org:
            return any(_same_org(self.org, t.org) and self._same_role(t) for t in titles)
        return not self.role or any(self._same_role(t) and (t.portfolio or not self.portfolio) for t in titles)


def _norm(word: str) -> str:
    word = " ".join(word.lower().split())
    return _SAME.get(word, word)


def _org_words(name: str) -> list[str]:
    """An organisation's name as words, without a leading "the"."""
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).split()


def _same_org(a: str, b: str) -> bool:
    """Whether two organisations' names are one ("the CMA" and "CMA"); case aside."""
    return bool(a and b) and [w.lower() for w in _org_words(a)] == [w.lower() for w in _org_words(b)]


def _related_org(a: str, b: str) -> bool:
    """Whether two organisations' names may name one, or one a part of the other: "Activision"
    and "Activision Blizzard", "Microsoft" and "Microsoft Gaming", "the Competition and Markets
    Authority" and its initials "CMA"."""
    x, y = _org_words(a), _org_words(b)
    if [w.lower() for w in x[: len(y)]] == [w.lower() for w in y[: len(x)]]:
        return True
    # (a question's name may be cut at its first small word: "the Competition" of "the chief
    # executive of the Competition and Markets Authority")
    initials = ["".join(w[0] for w in words if w[:1].isupper()) for words in (x, y)]
    return len(x) == 1 and x[0].isupper() and x[0].startswith(initials[1]) \
        or len(y) == 1 and y[0].isupper() and y[0].startswith(initials[0])


def office_said(texts: Sequence[str], office: Office) -> bool:
    """Whether any of ``texts`` names the office's role in one of its forms ("chief operating
    officer" or "COO")."""
    forms = {office.role, *(k for k, v in _SAME.items() if v == office.role)}
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def _bare(word: str) -> str:
    """A word without its possessive ending or a sentence's full stop: "Turkey's" -> "Turkey",
    "ministers'" -> "ministers", "Turkey." -> "Turkey" ("U.S." keeps its dots)."""
    word = re.sub(r"['’]s?$", "", word).rstrip("-")  # "vice-" of "vice-chair"
    return word[:-1] if word.endswith(".") and "." not in word[:-1] else word


def country_of(words: str) -> str:
    """The country a name or adjective denotes ("Turkish", "Turkey's", "Saudi Arabia"), or ""."""
    for name in [words, *words.split()]:
        key = _key(_bare(name.strip()))
        if key in COUNTRY_OF:
            return COUNTRY_OF[key]
    return ""


def country_of_whole(span: str) -> str:
    """The country a span names or qualifies in all its words ("Polish", "the United States",
    "Poland"), or "": not "Szymon Marciniak of Poland", whose words name a person."""
    return COUNTRY_OF.get(_key(_bare(re.sub(r"^(?:the|The)\s+", "", span.strip()))), "")


_CAPITALISED_RUN = re.compile(r"(?-i:[A-Z])[\w.'’]*(?:[\s/-]+(?-i:[A-Z])[\w.'’]*)*")
_COMPASS = frozenset("North South East West Central Latin".split())  # "South America" is no country


def _country_of_run(run: list[str], i: int, j: int) -> str:
    """The country that words ``run[i:j]`` name together, or "" (also after a compass word)."""
    country = COUNTRY_OF.get(_key(" ".join(run[i:j])), "")
    return "" if i and run[i - 1] in _COMPASS else country


def countries_named(text: str) -> frozenset[str]:
    """Every country a text names or qualifies by its adjective: {"Syria", "Iran"} for "How many
    Syrian refugees does Iran host?", {"Turkey", "Syria"} for "Turkey-Syria relations"."""
    found = set()
    for m in _CAPITALISED_RUN.finditer(text):
        run = [_bare(w) for w in re.split(r"[\s/-]+", m.group(0))]
        found.update(_country_of_run(run, i, j) for i in range(len(run)) for j in range(i + 1, min(len(run), i + 4) + 1))
    return frozenset(found - {""})


def same_country(span: str) -> str:
    """The country a span is by one of its names ("Türkiye", "the US"), or "": candidates that
    name one country in different words agree ("Turkey" and "Türkiye")."""
    return COUNTRY_NAMED.get(_key(re.sub(r"^(?:the|The)\s+", "", span.strip())), "")


def country_named_by(name: str) -> str:
    """The country a name is, whole or by its last words ("NATO member Türkiye", "the United
    States"), or "": "Turkish officials" and "Iranian Foreign Minister X" are not countries."""
    run = [_bare(w) for w in name.split()]
    if not run or not run[-1][:1].isupper():
        return ""
    return next(filter(None, (_country_of_run(run, i, len(run)) for i in range(max(0, len(run) - 4), len(run)))), "")


def _title_word(word: str) -> bool:
    """Whether a word can be part of a title before its role: capitalised, a portfolio,
    "deputy", a ministry's ("foreign ministry spokeswoman"), or a country's name or adjective
    ("turkish" in a lower-case question)."""
    return word[:1].isupper() or _norm(word) in _PORTFOLIOS or word.lower() in _DEPUTY | _RANKS | _MINISTRY \
        or bool(country_of(word))


def _office(words: str, role: str, of: str = "") -> Office:
    """The office named by ``role`` and the words before it ("Turkish Deputy Foreign"), as far
    back as they can be a title's (``_title_word``). In "King Abdullah II of
    Jordan met Egyptian President X" the title is "Egyptian President", not Jordan's."""
    tokens: list[str] = []
    for w in map(_bare, reversed(words.split())):
        if not _title_word(w):
            break
        tokens.insert(0, w)
    portfolio = next((_norm(w) for w in reversed(tokens) if _norm(w) in _PORTFOLIOS), "")
    runs = [" ".join(tokens[i:j]) for j in range(len(tokens), 0, -1) for i in range(j)]  # "UN", "Arab League"
    country = body_or_country(of) if of else next(filter(None, map(body_of, runs)), "") \
        or next(filter(None, map(country_of, reversed(tokens))), "")
    org = ""
    if not country and _norm(role) in _ORG_ROLE_NAMES:  # "CEO of Microsoft Gaming", "Activision Blizzard CEO"
        org = of if of[:1].isupper() else " ".join(w for w in tokens if w[:1].isupper() and _norm(w) not in _PORTFOLIOS
                                                   and w.lower() not in _DEPUTY | _RANKS | {"chief"})
    return Office(role=_norm(role), portfolio=portfolio, country=country,
                  deputy=any(w.lower() in _DEPUTY for w in tokens), org=org)


def asked_office(question: str) -> Office | None:
    """The office whose holder the question asks for ("Who is Turkey's defence minister?" ->
    minister, defence, Turkey; "top diplomat" is the foreign minister, "head of state" a
    president or a monarch), the chief of a country's body ("Who heads Turkey's
    intelligence service?"; the head of a ministry is its minister), or one who acted for a
    country ("Who represented Turkey?", "Who led the Iranian delegation?": any office of
    Turkey, Iran; "Who represented Damascus as its top diplomat?": Syria's foreign minister);
    the leader of an organisation ("Who runs Microsoft Gaming?": its CEO, chairman or president);
    else None. An office is asked for only with its portfolio, country or organisation."""
    m = _ACTED_FOR.search(question) or _OFFICIAL_AT.search(question)
    if m and (country := body_or_country(m.group("country"))):
        if as_office := _AS_OFFICE.match(_as_title(question[m.end("country"):])):
            office = _office(as_office.group("words"), as_office.group("role"))
            return replace(office, country=country)
        meeting = _AT_MINISTERS.search(question, m.end())
        portfolio = _norm(meeting.group("portfolio") or meeting.group("of")) if meeting else ""
        if portfolio in _PORTFOLIOS:
            return Office(role="minister", portfolio=portfolio, country=country)
        return Office(role="", country=country)
    m = _HEADS_BODY.search(question)
    if m:
        office = _office(m.group("words"), "minister" if m.group("body").lower() == "ministry" else "chief")
        return office if office.portfolio and office.country else None
    m = _RUNS_ORG.match(question)
    if m and not body_or_country(m.group("org")):
        return Office(role="leader", org=m.group("org"))
    text = _as_title(question)
    head_of_state = _HEAD_OF_STATE.search(text)
    text = _HEAD_OF_STATE.sub("president", text)
    m = _ASKED.search(text)
    if not m or re.search(r"\bof\b", m.group("words"), re.IGNORECASE):
        return None  # "Who is the wife of Syria's president?" asks for someone else than the holder
    of = m.group("of") or ""
    if _POSSESSOR.match(text, m.end()):
        body = _OF_ORG_BODY.match(text, m.end())
        if not body or _norm(m.group("role")) not in _ORG_ROLE_NAMES:
            return None
        of = body.group("org")
    office = _office(m.group("words"), m.group("role"), of)
    if head_of_state and office.role == "president":
        office = replace(office, role=HEAD_OF_STATE)
    if not (office.portfolio or office.country or office.org):
        return None  # "Who is the minister ...?", "Which king?": too vague to conflict with a title
    return office


def name_of(span: str) -> str:
    """The name in a span that may carry its title: "Mevlut Cavusoglu" of "Turkish Foreign
    Minister Mevlut Cavusoglu"."""
    parts = re.split(rf"\b(?:{OFFICES})s?\s+", span, flags=re.IGNORECASE)
    return parts[-1].strip()


def titles_of(texts: Sequence[str], name: str) -> set[Office]:
    """The offices the corpus gives ``name`` in titles next to it."""
    return {t.office for t in _titles_at(texts, name)}


@dataclass(frozen=True)
class TitleSpan:
    """A title next to a name: ``texts[doc][start:end]`` ("Turkish Foreign Minister", "Syria's
    foreign minister"); ``start == end`` where only a country follows the name ("X of Iran")."""

    doc: int
    start: int
    end: int
    office: Office
    plural: bool = False  # "Foreign ministers X, Y and Z": a list's title, nobody's own


def _titles_at(texts: Sequence[str], name: str) -> Iterator[TitleSpan]:
    if len(name) < 4 or not (name[:1].isupper() or re.match(rf"(?:{_PARTICLES})[-\s]", name)):
        return
    count = 0
    for doc, text in enumerate(texts):
        pos = text.find(name)
        while pos >= 0 and count < _MAX_OCCURRENCES:
            count += 1
            after_at = pos + len(name)
            after = text[after_at : after_at + _WINDOW]
            m = _TITLE_BEFORE.search(text, max(0, pos - _WINDOW), pos)
            if m:
                yield TitleSpan(doc, _title_start(text, m), m.end("role"), _office(m.group("words"), m.group("role")),
                                text[m.end("role") : m.end("role") + 1] == "s")
            m = _TITLE_AFTER.match(after)
            if m:
                of = _org_of(m)
                end = m.start("of") + len(of) if of else m.end("role")  # "CEO of Microsoft Gaming"
                yield TitleSpan(doc, after_at + _title_start(after, m), after_at + end,
                                _office(m.group("words"), m.group("role"), of))
            m = _COUNTRY_AFTER.match(after)
            if m and (country := country_of(m.group("country"))):
                yield TitleSpan(doc, after_at, after_at, Office(role="", country=country))
            m = _TAKES_OFFICE.match(after)
            if m:
                yield TitleSpan(doc, after_at, after_at, _office(m.group("words"), m.group("role"), _org_of(m)))
            if _CHAIRED_BY.search(text, max(0, pos - _WINDOW), pos):
                yield TitleSpan(doc, pos, pos, Office(role="chairman"))
            pos = text.find(name, pos + len(name))


def _org_of(m: re.Match) -> str:
    """The organisation a title's "of" names, for a company's or a body's role ("CEO of Microsoft
    Gaming", without the full stop that may end its sentence), else ""."""
    return _bare(m.group("of")) if m.group("of") and _norm(m.group("role")) in _ORG_ROLE_NAMES else ""


def _title_start(text: str, m: re.Match) -> int:
    """Where a title's own words begin: "met with Turkish Foreign Minister" -> "Turkish ..."
    (capitalised words, portfolios, "deputy", a country's name before the role)."""
    start = m.start("role")
    for word in reversed(list(re.finditer(r"\S+", text[m.start("words") : m.start("role")]))):
        if not _title_word(_bare(word.group())):
            break
        start = m.start("words") + word.start()
    return start


NAME_PARTICLES = ("al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le")  # "Bashar al-Assad"
_PARTICLES = "|".join(NAME_PARTICLES)
# Capitalised words and particles, as ``speaks_as`` finds the names in a sentence.
_NAME = re.compile(rf"(?:(?:[A-Z][\w'’.-]*|{_PARTICLES})(?:\s+|-|$)){{1,6}}")
# The same words, for a span that is a name in all its words (``holds_one_of``). A capitalised
# word takes its hyphens ("Amir-Abdollahian"), so only a particle is parted from the next word by
# one ("al-Assad"): with words that could also end at any of their hyphens, ``fullmatch`` tried
# every way of cutting "A-A-A-...-A x" into six words (55 s for 161 characters). A search takes
# the first way that fits, so ``_NAME`` needs no such care.
_WHOLE_NAME = re.compile(rf"(?:[A-Z][\w'’.-]*(?:\s+|$)|(?:{_PARTICLES})(?:\s+|-|$)){{1,6}}")


# Words apart by a space (and any hyphens after it): a hyphen inside a word belongs to the word,
# or "Who is A-A-...-A 1?" is cut into words every way there is (107 s for 169 characters).
_NAME_WORDS = r"[^\W\d_][\w'’.-]*(?:\s[\s-]*[^\W\d_][\w'’.-]*){0,5}"
_ROLE_WORD = r"(?:role|title|job|post)"
# "Who is Sergei Lavrov?", "who was bashar al-assad", "What is Mekdad's title?", "What is the role
# of Lavrov?", "What post does Cavusoglu hold?": each asks for the title a name holds.
_DEFINE = re.compile(
    rf"^\W*(?:who\s+(?:is|was)\s+(?P<who>{_NAME_WORDS})"
    rf"|(?:what|which)\s+(?:is|was)\s+(?P<whose>{_NAME_WORDS}?)(?:'s|’s)\s+{_ROLE_WORD}"
    rf"|(?:what|which)\s+(?:is|was)\s+the\s+{_ROLE_WORD}\s+of\s+(?P<of>{_NAME_WORDS})"
    rf"|(?:what|which)\s+(?:{_ROLE_WORD}|position|office)\s+(?:does|did)\s+(?P<holds>{_NAME_WORDS}?)\s+(?:have|hold)"
    r")\s*\??\s*$", re.IGNORECASE)
# Words that open a description, not a name: "Who is the president?", "who is his deputy"
_NOT_NAME = re.compile(rf"^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|there|it|he|she|they"
                       rf"|(?:{OFFICES}|prince|princess|sheikh|mr|mrs|ms|dr|sir|lord|lady)s?)$", re.IGNORECASE)


def as_name(words: str) -> str:
    """A name typed in lower case written as names are: "bashar al-assad" -> "Bashar al-Assad"
    (particles stay lower-case), for ``describe``'s exact match."""
    def cap(part: str) -> str:
        return part if part[:1].isupper() or part in NAME_PARTICLES else part[:1].upper() + part[1:]
    return " ".join("-".join(map(cap, w.split("-"))) for w in words.split())


def defined_name(question: str) -> str | None:
    """The name a "Who is Sergei Lavrov?" or "What is Lavrov's title?" question asks about, or
    None. Whether it is a name is for the corpus's titles to say (``describe``)."""
    m = _DEFINE.match(question)
    if not m:
        return None
    name = next(g for g in m.groups() if g is not None)
    words = name.split()
    if _NOT_NAME.match(words[0]) or any(w.endswith(("'s", "’s")) for w in words) \
            or len(words) == 1 and _NOT_NAME.match(name):
        return None  # "Who is President?", "Who is Turkey's president?" name no one
    return as_name(name)


_BARE_NAME = re.compile(r"^\W*(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3})\s*\??\s*$")
# "mekdad role", "lavrov's title", "role of cavusoglu": a name alone, asking for its title
_ROLE_ASKED = re.compile(rf"(?:'s|’s)?\s+{_ROLE_WORD}\s*\??\s*$|^\W*(?:the\s+)?{_ROLE_WORD}\s+of\s+", re.IGNORECASE)


def bare_name(query: str) -> str | None:
    """The name a search-box query of a name alone asks about ("lavrov?", "Sergei Lavrov",
    "mekdad role"), written as names are ("Lavrov"), for ``describe``; None for a question or a
    longer query. Whether it is a name is for the corpus's titles to say."""
    m = _BARE_NAME.match(_ROLE_ASKED.sub("", query))
    if not m or _WH.search(query):
        return None
    return as_name(m.group("name"))


_SPELT_MIN = 10  # letters of a name whose spellings one letter apart are one person's


def _name_letters(span: str) -> str:
    """A name's letters, lower-cased, for comparing spellings; "" for a span that is no name of
    two or more capitalised words ("Hossein Amir-Abdollahian" -> "hosseinamirabdollahian")."""
    parts = span.split()
    if len(parts) < 2 or not all(p[:1].isupper() or p.lower() in NAME_PARTICLES for p in parts):
        return ""
    return "".join(ch for ch in fold(span).lower() if ch.isalpha())


def same_name_keys(spans: Mapping[str, str]) -> dict[str, str]:
    """For pooling keys whose spans spell one person's name two ways ("Sergei Lavrov" and
    "Sergey Lavrov", "Hossein Amirabdollahian" and "Hossein Amir-Abdollahian"), the key each
    maps to: the same letters, or as many letters but one, of a name of ``_SPELT_MIN`` letters
    or more ("Saudi Arabia" and "Saudi Arabian" differ by an added letter, and stay apart)."""
    merged: dict[str, str] = {}
    seen: list[tuple[str, str]] = []  # (letters, key) of the names kept
    for key, span in spans.items():
        letters = _name_letters(span)
        if not letters:
            continue
        same = next((k for other, k in seen if other == letters or len(letters) >= _SPELT_MIN
                     and len(other) == len(letters) and one_edit(other, letters)), None)
        if same is None:
            seen.append((letters, key))
        else:
            merged[key] = same
    return merged


def describe(texts: Sequence[str], name: str) -> tuple[list[TitleSpan], int]:
    """The corpus's title for ``name`` ("Who is Lavrov?" -> "Russian Foreign Minister"), and how
    many files give that role: the role most files give, in its most specific office (with a
    country or portfolio where any file says one), in the wording most files use, one place a
    file. Empty where the corpus titles the name
    with no office, or only as one of a list ("Foreign ministers X, Y and Z")."""
    spans = [t for t in _titles_at(texts, name) if t.end > t.start and not t.plural and t.office.role]
    if not spans:
        return [], 0
    by_office: dict[Office, set[int]] = {}
    by_role: dict[tuple[str, bool], set[int]] = {}
    for t in spans:
        by_office.setdefault(t.office, set()).add(t.doc)
        by_role.setdefault((t.office.role, t.office.deputy), set()).add(t.doc)
    # The role most files give, said as fully as any file says it ("U.S. President" over
    # "President"), and among those the wording most files use.
    role = max(by_role, key=lambda r: len(by_role[r]))
    office = max((o for o in by_office if (o.role, o.deputy) == role),
                 key=lambda o: (bool(o.country) + bool(o.portfolio), len(by_office[o])))
    wordings: dict[str, dict[int, TitleSpan]] = {}
    for t in spans:
        if t.office == office:
            wordings.setdefault(texts[t.doc][t.start : t.end], {}).setdefault(t.doc, t)
    best = max(wordings.values(), key=len)
    return sorted(best.values(), key=lambda t: t.doc), len(by_role[role])


class Titles:
    """The titles a corpus gives each name (``titles_of``), looked up once per name: a question
    may ask after dozens of names, and a large corpus takes milliseconds to scan for each."""

    def __init__(self, texts: Sequence[str], cache_size: int = 4096) -> None:
        self.texts = texts
        self._cache: dict[str, frozenset[Office]] = {}
        self._cache_size = cache_size
        self._said: dict[str, bool] = {}  # roles the corpus names (``names_role``), by role

    def __call__(self, name: str) -> frozenset[Office]:
        found = self._cache.get(name)
        if found is None:  # (a race between request threads only repeats a lookup)
            found = frozenset(titles_of(self.texts, name))
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[name] = found
        return found

    def names_role(self, office: Office) -> bool:
        """``office_said`` over the corpus, once per role."""
        said = self._said.get(office.role)
        if said is None:
            said = self._said[office.role] = office_said(self.texts, office)
        return said


_PORTFOLIO_OF = re.compile(r"\b(?P<portfolios>(?:[a-z]+\s*(?:,|and|&|or)\s*){0,3}[a-z]+)\s+minist(?:er|ers|ry|ries|erial)\b",
                           re.IGNORECASE)


def portfolios_named(text: str) -> frozenset[str]:
    """The portfolios of the ministers or ministries a text names ({"foreign"} for "the foreign
    ministers' talks", {"defence"} for "defense ministries", both for "foreign and defence
    ministers")."""
    return frozenset(_norm(w) for m in _PORTFOLIO_OF.finditer(text) for w in re.findall(r"[a-z]+", m.group("portfolios"), re.I)
                     if _norm(w) in _PORTFOLIOS - {"prime"})


_WH_PHRASE = re.compile(r"\b(?:which|what|who|whom)\b((?:\s+[\w'’-]+){0,4})", re.IGNORECASE)


def other_portfolio(question: str, sentence: str, span: str = "") -> bool:
    """Whether ``sentence`` speaks of ministers of other portfolios than those the question
    names, and not of those: "When did the foreign ministers last meet?" is not answered by
    "the defense ministers ... met in Moscow late last month". An answer that is ministers of a
    portfolio is asked for, unless the question's asked-for words name a portfolio themselves:
    "Which officials met before the foreign ministers' meeting?" -> "defense ministers", but not
    for "Which foreign ministers met in December?"."""
    wh = _WH_PHRASE.search(question)
    if portfolios_named(span) and not (wh and portfolios_named(wh.group(1))):
        return False
    asked, told = portfolios_named(question), portfolios_named(sentence)
    return bool(asked and told and not asked & told)


def holds_asked_office(titles: Titles, office: Office | None, span: str) -> bool:
    """Whether the question asks for the holder of an ``office`` (``asked_office``) and the
    answer is a name the corpus titles with it ("Turkish President Recep Tayyip Erdogan" for
    "Who is Turkey's president?")."""
    return office is not None and holds_one_of(titles, (office,), span)


_MENTIONED = re.compile(rf"(?P<words>(?:{_PRE}){{0,3}})(?P<role>{OFFICES})s?\b"
                        rf"(?:{_OF_NAME}"
                        r"(?![\w.-]|['’]s\b))?",  # not "the spokesman of Russia" of "... of Russia's foreign minister"
                        re.IGNORECASE)


_WH = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how)\b", re.IGNORECASE)
_AS = re.compile(r"\bas\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def mentioned_offices(question: str) -> list[Office]:
    """Offices the question names without asking for their holder ("Whom did the Saudi foreign
    minister meet?"): their holder is the question's own subject, not its answer. Only an
    office with its country counts (and its portfolio, for a minister's kind of role)."""
    if asked_office(question) is not None or not _WH.search(question):
        return []  # asked for, or a request ("Name ...", "iranian foreign minister name")
    found = [_office(m.group("words"), m.group("role"), m.group("of") or "") for m in _MENTIONED.finditer(question)
             if not _AS.search(question, 0, m.start("role"))]  # "Who represented Iran as foreign minister?"
    return [o for o in found if o.country and (o.portfolio or re.fullmatch(_HEADS, o.role))]


def speaks_as(titles: Titles, offices: Sequence[Office], text: str) -> bool:
    """Whether ``text`` names one of ``offices`` ("Iran's foreign minister", "Iranian Foreign
    Minister"), or a name the corpus titles with one ("Amir-Abdollahian")."""
    named = [_office(m.group("words"), m.group("role"), m.group("of") or "") for m in _MENTIONED.finditer(text)]
    if any(o.confirmed_by({n}) for o in offices for n in named):
        return True
    return any(holds_one_of(titles, offices, m.group(0).strip()) for m in _NAME.finditer(text))


def holds_one_of(titles: Titles, offices: Sequence[Office], span: str) -> bool:
    """Whether the answer is a name ("Mevlut Cavusoglu", not a clause that holds one) the
    corpus titles with one of ``offices``."""
    name = name_of(span)
    if not offices or not _WHOLE_NAME.fullmatch(name):
        return False
    return any(o.confirmed_by(titles(name)) for o in offices)


def holds_other_office(titles: Titles, office: Office | None, span: str) -> bool:
    """Whether the question asks for the holder of an ``office`` (``asked_office``) and the
    corpus's titles of the answer's name give another role, portfolio, deputyship or country."""
    return office is not None and office.conflicts(titles(name_of(span)))

"""A speaker's own words: "mekdad quote opportunity" -> "despite all the negatives of the past
years, there is an opportunity".

A query that asks for a quote wants the words inside the quotation marks, whole, not the noun
phrase the span scorer would pick from them. The corpus gives them in a sentence that names
the speaker ("..., Mekdad was quoted as saying") or right after one ("..., he said."). This
module finds, in the sentences retrieved, the quotation that holds most of the query's other
words and whose sentence, or the one before it, names the speaker the query names
(``quote_spans``); and, for "What did X say / stress / write ...?" where the reader trusts no
answer of its own, the quotation X speaks (``said_spans``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from qa.checks import WEEKDAY, WHAT_SAID, speaker_names, speaker_offices, speaker_words
from qa.found import FoundSpan
from qa.question import MONTH_NAMES
from qa.roles import OFFICES, Titles, speaks_as
from qa.text import content_stems

# "quote", "quotes", "quotation", "exact words", "in his own words"; not "quoted"/"quoting",
# which ask who quoted someone ("Which agency quoted Mekdad?").
_QUOTE_NOUN = r"(?:quotes?|quotations?|exact\s+words|(?:his|her|their)\s+own\s+words)\b"
_ASKS_QUOTE = re.compile(rf"\b{_QUOTE_NOUN}", re.IGNORECASE)
# ... unless a wh-word asks for something else ("Mekdad quote - which agency carried it?");
# "what" may ask for the quote itself ("What was Lavrov's quote on the roadmap?").
_OTHER_WH = re.compile(r"\b(?:who|whom|whose|which|when|where|why|how)\b", re.IGNORECASE)
_WHAT = re.compile(r"\bwhat\b", re.IGNORECASE)
_WHAT_QUOTE = re.compile(rf"\bwhat\s+(?:[\w'’-]+\s+){{0,3}}?{_QUOTE_NOUN}", re.IGNORECASE)
_QUOTED = re.compile(r"“(?P<curly>[^”]+)”|\"(?P<straight>[^\"]+)\"")
_ASKING_WORDS = frozenset(content_stems("quote quotes quotation quotations exact words own said say says saying"))
_NAME_WORD = re.compile(r"(?<![\w'’-])(?-i:[A-Z])[\w'’-]*[a-z][\w'’-]*")
# Capitalised words of a title, not of a speaker: "Foreign Minister", "Ministry", "State"
_TITLE_WORDS = frozenset(content_stems(
    re.sub(r"\W+", " ", OFFICES) + " ministry ministries foreign deputy state news agency office department"))
MIN_WORDS = 3  # "“terrorism”" is a scare quote, not someone's words
MIN_SHARE = 0.5  # of the weight (idf) of the question's other words that a quotation's sentence must hold


@dataclass(frozen=True)
class QuoteSpan(FoundSpan):
    """A quotation's words (without its marks) in a sentence that names the speaker, and how
    many query words it holds."""

    words: int


def asks_quote(question: str) -> bool:
    """Whether the query asks for someone's quoted words."""
    return bool(_ASKS_QUOTE.search(question)) and not _OTHER_WH.search(question) \
        and (not _WHAT.search(question) or bool(_WHAT_QUOTE.search(question)))


def _names(sentence: str) -> set[str]:
    """The stems of a sentence's capitalised words outside its quotations: the speakers it may
    name ("American" of “the decline of American power” is what was said, not who said it)."""
    outside = _QUOTED.sub(" ", sentence)
    return {s for w in _NAME_WORD.findall(outside) for s in content_stems(w)} - _TITLE_WORDS


def quote_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[QuoteSpan]:
    """The quotations of the ``sentences`` (``(doc, passage, start, text)``, best first) whose
    sentence, or the one before it in the same passage (or before that, where a sentence names
    no one), names a speaker the query names, and that hold at least one of the query's other
    words (any, where the query names only the speaker), most such words first; [] for a query
    that asks no quote."""
    if not asks_quote(question):
        return []
    asked = [s for s in dict.fromkeys(content_stems(question)) if s not in _ASKING_WORDS]
    found: list[QuoteSpan] = []
    last_passage, last_named = -1, set[str]()
    for doc, passage, start, text in sentences:
        # a sentence that names no one ("He pointed to ...") speaks for whom the one before named
        own = _names(text)
        named = own | (last_named if passage == last_passage else set())
        last_passage, last_named = passage, own or named
        speakers = [s for s in asked if s in named]
        if not speakers:
            continue
        others = [s for s in asked if s not in speakers]
        for m in _QUOTED.finditer(text):
            group = "curly" if m.group("curly") is not None else "straight"
            lo = m.start(group)
            hi = lo + len(m.group(group).rstrip(",.;: "))  # "..., progress," -> "... progress"
            quoted = set(content_stems(text[lo:hi]))
            held = sum(s in quoted for s in others)
            if len(text[lo:hi].split()) >= MIN_WORDS and (held or not others):
                found.append(QuoteSpan(doc, start + lo, start + hi, passage, held))
    return sorted(found, key=lambda q: -q.words)  # stable: the best passage first among equals


# What the one who speaks does in a sentence that quotes them: "Mekdad was quoted as saying",
# "Macron said on Twitter", "Brockman, who posted that ...", "according to Lavrov"
_REPORTS = (r"(?:say|says|said|saying|tell|tells|told|write|writes|wrote|writing|tweet|tweets|tweeted|post|posts|posted"
            r"|posting|add|adds|added|stress|stresses|stressed|emphasi[sz]e[sd]?|note|notes|noted|warn|warns|warned"
            r"|insist|insists|insisted|argue|argues|argued|claim|claims|claimed|declare|declares|declared|announce"
            r"|announces|announced|urge|urges|urged|pledge|pledged|promise|promised|point(?:s|ed)?\s+to|quoted)")
# ... "said X" only at the end of a clause: in "The board said Altman “was not consistently
# candid”" X is whom the words are about. Quotations stand as ``_QUOTE_MARK`` in what is matched.
_QUOTE_MARK = " ¶ "
# X speaks: "Cavusoglu stressed", "Mekdad was quoted as saying", "Brockman, who posted",
# "Altman, OpenAI's chief, wrote", "Lavrov's statement"; not "Altman, 38, was pushed out when the
# board said he “...”"
_ASIDE = r"(?:\s*,\s*(?:who|which)|\s*,[^,¶]{{1,60}},)?"
_ADVERBS = r"(?:(?:also|later|then|has|had|have|was|were|is|further|again|previously|earlier|once|reportedly)\s+)*"
_NAME_THEN_REPORTS = (r"\b{name}\b(?:" + _ASIDE + r"\s+" + _ADVERBS + _REPORTS
                      + r"|['’]s\s+(?:tweet|post|statement|message|caption|remarks|words|letter|note)s?)\b")
_REPORTS_THEN_NAME = (r"\b(?:" + _REPORTS + r"|according\s+to)\s+(?:[\w'’-]+\s+){{0,4}}?{name}\b"
                      r"(?=\s*(?:[,.;:!?)]|$|(?:in|on|at|to|during|after|before|when|while|as)\b))")
_REPORTING = re.compile(rf"\b{_REPORTS}\b", re.IGNORECASE)
# "On Sunday, he returned ..., posting a photo with the caption: “...”": a pronoun speaks for
# whoever the passage named last, unless a full name ("Satya Nadella") names another
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE)
_FULL_NAME = re.compile(r"(?<![\w'’-])(?-i:[A-Z])[\w'’-]*[a-z][\w'’-]*\s+(?-i:[A-Z])[\w'’-]*[a-z][\w'’-]*")
_CALENDAR = re.compile(rf"(?:{WEEKDAY}|{MONTH_NAMES})s?", re.IGNORECASE)


def _names_another(outside: str) -> bool:
    """Whether a sentence's words outside its quotations name someone by a full name (not "On
    Sunday", "In May": two capitalised words that are no stop word, weekday or month)."""
    for m in _FULL_NAME.finditer(outside):
        first, second = m.group().split()[:2]
        if not _CALENDAR.fullmatch(first) and not _CALENDAR.fullmatch(second) and content_stems(first):
            return True
    return False


def said_spans(question: str, titles: Titles, sentences: list[tuple[int, int, int, str]],
               rarity: Callable[[str], float]) -> list[QuoteSpan]:
    """What "What did X say / stress / write ...?" asks, where the corpus quotes X: the
    quotations of the ``sentences`` (``(doc, passage, start, text)``, best first) that X speaks
    (their sentence names X, or an office the question gives X, "Turkey's foreign minister",
    with a verb of saying: "Mekdad was quoted as saying", "said Lavrov"; or speaks of "he" or
    "she", or names no one, after a sentence of the passage that names X), most of the question's
    other words (weighed by ``rarity``, their idf) in the quotation first, then in its sentence.
    The question's other words ("about American power", "in his tweet"; not the speaker's, the
    verb that asks, or titles: the "foreign" of every "Foreign Minister") weigh at least
    ``MIN_SHARE`` of their whole in the quotation's sentence (with the one before, where "he"
    speaks); [] for another question or one that names no speaker. What the reader falls back
    on where it trusts no answer of its own: a span head scores the noun phrases inside a
    quotation, not the quotation."""
    if not (asked := WHAT_SAID.search(question)):
        return []
    # the speaker's names, not the "Minister" of "Chinese Foreign Minister Wang Yi"
    names = [n for n in dict.fromkeys(speaker_names(question)) if not set(content_stems(n)) <= _TITLE_WORDS]
    offices = speaker_offices(question)
    if not names and not offices:
        return []
    patterns = [re.compile(p.format(name=re.escape(n)), re.IGNORECASE)
                for n in names for p in (_NAME_THEN_REPORTS, _REPORTS_THEN_NAME)]
    name_pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None
    # the verb that asks is no word the quotation need be near; a medium is ("in his tweet")
    unasked = set(content_stems(speaker_words(question))) | set(content_stems(asked.group().split()[-1]))
    others = [s for s in dict.fromkeys(content_stems(question))
              if s not in unasked and s not in _ASKING_WORDS and s not in _TITLE_WORDS]
    weight = {s: rarity(s) for s in others}
    needed = MIN_SHARE * sum(weight.values())
    ranked: list[tuple[float, float, int, QuoteSpan]] = []
    last_passage, last_named, last_text = -1, False, ""
    for k, (doc, passage, start, text) in enumerate(sentences):
        previous = last_text if passage == last_passage else ""
        last_text = text
        outside = _QUOTED.sub(_QUOTE_MARK, text)
        named = name_pattern is not None and bool(name_pattern.search(outside)) \
            or bool(offices) and speaks_as(titles, offices, outside)
        before = last_named and passage == last_passage
        inherited = before and not named \
            and (not _names(text) or bool(_PRONOUN.search(outside)) and not _names_another(outside))
        speaks = inherited or any(p.search(outside) for p in patterns) \
            or bool(offices) and named and bool(_REPORTING.search(outside))
        last_passage, last_named = passage, named or (before and not _names_another(outside))
        if not speaks:
            continue
        around = set(content_stems(f"{previous} {text}" if inherited else text))
        near = sum(w for s, w in weight.items() if s in around)
        if near < needed:
            continue
        for m in _QUOTED.finditer(text):
            group = "curly" if m.group("curly") is not None else "straight"
            lo = m.start(group)
            hi = lo + len(m.group(group).rstrip(",.;: "))
            if len(text[lo:hi].split()) < MIN_WORDS:
                continue
            quoted = set(content_stems(text[lo:hi]))
            held = sum(w for s, w in weight.items() if s in quoted)
            words = sum(s in quoted for s in others)
            ranked.append((-held, -near, k, QuoteSpan(doc, start + lo, start + hi, passage, words)))
    return [found for *_, found in sorted(ranked, key=lambda r: r[:3])]

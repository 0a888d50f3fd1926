"""A speaker's own words: "mekdad quote opportunity" -> "despite all the negatives of the past
years, there is an opportunity".

A query that asks for a quote wants the words inside the quotation marks, whole, not the noun
phrase the span scorer would pick from them. The corpus gives them in a sentence that names
the speaker ("..., Mekdad was quoted as saying") or right after one ("..., he said."). This
module finds, in the sentences retrieved, the quotation that holds most of the query's other
words and whose sentence, or the one before it, names the speaker the query names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.found import FoundSpan
from qa.roles import OFFICES
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

"""A question typed in lower case, with the corpus's own capitals put back.

Questions typed on a phone or dictated come in lower case ("what did mekdad say about
turkey"); the question checks read capitals: the person a question is about ("Mekdad"), the
acronym it names ("NATO"), a name that is not a country. Where the corpus writes a word one way
nearly always (its names, acronyms and nationalities), the question gets that spelling back.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from qa.text import STOP_WORDS, squash
from qa.tidy import ROLE_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# A sentence or line opens after these: its first word is capitalised whatever it is.
_OPENERS = frozenset(".!?:;\"“”‘([*#>|-")
# A spelling is restored where the corpus writes it so this often, and at least this many times.
MIN_SHARE = 0.9
MIN_COUNT = 1
# Names of reports' furniture looked for in a question: runs of words in capitals, up to this
# many words; a site name only matches a run of this many letters or more.
_NAME_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*")
_LOWER_RUN = re.compile(r"[^\W\d_A-Z][\w'’-]*(?:\s+[^\W\d_A-Z][\w'’-]*)*")
NAME_WORDS = 3
MIN_HOST = 6
# A short line with this share of its longer words capitalised is a headline written in title
# case ("Russia Says Roadmap in the Works to Mend Syria-Turkey Ties"): its capitals say nothing.
TITLE_SHARE = 0.6
TITLE_WORDS = 15
# Words that are not names though news capitalises them: a title before a name ("President
# Bashar al-Assad"), months that are English words too ("what may happen").
NOT_NAMES = ROLE_WORDS | frozenset("may march august".split())


class Casing:
    """The corpus's usual spelling of each word it writes with a capital (or all in capitals),
    and the names its furniture gives (``furniture``: bylines, credits, sources, as "Valery
    Sharifulin / TASS"; ``hosts``: its links' site names, as "themoscowtimes")."""

    def __init__(self, texts: Iterable[str], furniture: Iterable[str] = (), hosts: Iterable[str] = ()) -> None:
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for line in text.splitlines():
                if _title_case(line):
                    continue
                for m in _WORD.finditer(line):
                    if _opens(line, m.start()):
                        continue
                    word = _POSSESSIVE.sub("", m.group())
                    forms[word.lower()][word] += 1
        self.spelling: dict[str, str] = {}
        for key, counts in forms.items():
            form, n = counts.most_common(1)[0]
            if form != key and n >= MIN_COUNT and n >= MIN_SHARE * sum(counts.values()) \
                    and key not in STOP_WORDS and key not in NOT_NAMES:
                self.spelling[key] = form
        # "al jazeera" -> "Al Jazeera", "moscow times" -> "Moscow Times" (of "themoscowtimes"):
        # the names a question refers to a report by are looked up in their capitals
        self.names = {squash(m.group()): m.group() for line in furniture for m in _NAME_RUN.finditer(line)}
        self.hosts = [h for h in (squash(h) for h in hosts) if len(h) >= MIN_HOST]

    def restore(self, question: str) -> str:
        """``question`` with each word typed all in lower case spelt as the corpus spells it
        ("what did mekdad say about nato" -> "what did Mekdad say about NATO"); words typed
        with any capital, and words the corpus writes in lower case too, as typed."""
        def spelt(m: re.Match) -> str:
            word = m.group()
            if not word.islower():
                return word
            bare = _POSSESSIVE.sub("", word)
            form = self.spelling.get(bare)
            return word if form is None else form + word[len(bare):]

        return _WORD.sub(spelt, self._named(question))

    def _named(self, question: str) -> str:
        """Runs of up to ``NAME_WORDS`` words typed in lower case that spell a furniture name
        (given its capitals) or, two or more of them, that a site name holds (each capitalised);
        the longest run first."""
        if not self.names and not self.hosts:
            return question
        found = list(_WORD.finditer(question))
        out, k, i = [], 0, 0
        while i < len(found):
            for n in range(min(NAME_WORDS, len(found) - i), 0, -1):
                run = found[i : i + n]
                text = question[run[0].start() : run[-1].end()]
                if not _LOWER_RUN.fullmatch(text) or run[0].group() in STOP_WORDS or run[-1].group() in STOP_WORDS:
                    continue
                key = squash(text)
                form = self.names.get(key)
                if form is None and n > 1 and len(key) >= MIN_HOST and any(key in h for h in self.hosts):
                    form = " ".join(w.group()[:1].upper() + w.group()[1:] for w in run)
                if form is not None:
                    out += [question[k : run[0].start()], form]
                    k, i = run[-1].end(), i + n
                    break
            else:
                i += 1
        return "".join(out) + question[k:]


def _opens(line: str, start: int) -> bool:
    """Whether the word at ``start`` opens its line or a sentence (or a quote, a list item)."""
    j = start - 1
    while j >= 0 and line[j].isspace():
        j -= 1
    return j < 0 or line[j] in _OPENERS


def _title_case(line: str) -> bool:
    found = _WORD.findall(line)
    longer = [w for w in found if len(w) > 3]
    return len(found) <= TITLE_WORDS and len(longer) >= 3 \
        and sum(w[0].isupper() for w in longer) >= TITLE_SHARE * len(longer)

"""A question's slips of the keyboard mended from the corpus's own words.

People type names they have only heard or read once: "What did Mikdad say?", "What did
Cavusloglu tweet?", "amir-abdolahian quote", "What is carageenan?". A word the corpus never
writes finds no passage by BM25, and the checks that read names ("a sentence naming Mekdad")
find nothing either, so the question is refused or answered from the wrong sentence. Where a
question's word is written nowhere in the corpus, is no English word, and is one typing slip (a
letter changed, added, dropped, or two neighbours swapped) from exactly one word of the corpus
with the same first letter, or is that word typed without its accents ("Curacao"), the
question is read with the corpus's word instead. A plural is no slip for its singular
("vacuums", "vacuum"), nor is one the other way round.

English words are those spaCy's English model knows (the strings of ``en_core_web_sm``'s
vocabulary: 58,778 once lower-cased): "Times" is not a slip for "Ties", nor "price" for "Prince". Without
that list nothing is respelt, as any word the corpus lacks would then look like a slip.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from qa.analysis import SPACY_MODEL
from qa.text import fold

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
# What a slip puts in: English letters, a hyphen or an apostrophe (accents: ``Speller.accented``).
_ALPHABET = "abcdefghijklmnopqrstuvwxyz-'"
# Letters a word needs before a slip in it is guessed: a name typed with a capital ("Mekdat"),
# and any other word ("acording"). Shorter words are too often another word or another name.
MIN_NAME_LETTERS = 5
MIN_WORD_LETTERS = 6


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one substitution, insertion, deletion or swap of neighbours."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


@cache
def english_words() -> frozenset[str]:
    """The words spaCy's English model knows, lower-cased; empty where the model is missing."""
    spec = find_spec(SPACY_MODEL)
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).glob("*/vocab/strings.json")):
            try:
                strings = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            return frozenset(s.lower() for s in strings if isinstance(s, str))
    return frozenset()


class Speller:
    """The corpus's words (lower-cased), the form a name is written in most often ("mekdad" ->
    "Mekdad"), and its accented words by their letters unaccented ("curacao" -> "curaçao")."""

    def __init__(self, texts: Iterable[str], english: frozenset[str] | None = None) -> None:
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for m in _WORD.finditer(text):
                word = _POSSESSIVE.sub("", m.group())
                forms[word.lower()][word] += 1
        self.english = english_words() if english is None else english
        self.words = frozenset(forms)
        self.form = {key: form for key, counts in forms.items() if (form := counts.most_common(1)[0][0]) != key}
        self.accented: dict[str, set[str]] = defaultdict(set)  # "curacao" -> {"curaçao"}
        for key in forms:
            if (bare := fold(key)) != key:
                self.accented[bare].add(key)

    def _slips(self, key: str) -> set[str]:
        """The corpus's words one slip from ``key`` with its first letter (not its plural or
        singular), or the same letters but for accents."""
        splits = [(key[:i], key[i:]) for i in range(1, len(key) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + ch + b[1:] for a, b in splits if b for ch in _ALPHABET}
        edits |= {a + ch + b for a, b in splits for ch in _ALPHABET}
        near = {e for e in edits & self.words if e != key and e + "s" != key and key + "s" != e}
        return near | self.accented.get(key, set())

    def word(self, typed: str) -> str:
        """The corpus's word that ``typed`` (no possessive) is a slip for, or ``typed``."""
        key = typed.lower()
        minimum = MIN_NAME_LETTERS if typed[:1].isupper() else MIN_WORD_LETTERS
        if (len(typed) < minimum or key in self.words or key in self.english or typed.isupper()
                or any(ch.isdigit() for ch in typed) or not self.english):
            return typed
        near = self._slips(key)
        if len(near) != 1:
            return typed
        (found,) = near
        if not typed[:1].isupper():
            return found  # in lower case as typed: ``qa.casing`` gives names their capitals
        form = self.form.get(found, found)
        return form if form[:1].isupper() else form[:1].upper() + form[1:]

    def respell(self, question: str) -> str:
        """``question`` with each slip mended ("What did Mikdad's ministry say?" -> "What did
        Mekdad's ministry say?"); everything else as typed."""
        def mend(m: re.Match) -> str:
            typed = m.group()
            bare = _POSSESSIVE.sub("", typed)
            return self.word(bare) + typed[len(bare):]

        return _WORD.sub(mend, question)

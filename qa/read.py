"""The extractive reader: scores answer candidates found at index time, votes across files.

Every candidate is a token span of a sentence in a retrieved passage: the spans found at index
time (entities, noun chunks, numbers, syntactic subtrees) plus the best span the span head
(``qa/span.py``) reads in each passage, snapped to whole tokens. A linear model over features
(answer-type match, question terms near the span, sentence similarity, retrieval rank, overlap
with the question, length, syntactic role and the span head's logits) scores it; a softmax turns
the scores into probabilities; candidates whose normalised text agrees are pooled, so the same
answer found in several files wins together and every supporting file is cited (``qa/reading.py``).
Weights are fitted on data (``scripts/fit_reader.py``) and shipped in ``qa/weights/``.
Whether the best answer's sentence can answer at all (form, time, place, partner, speaker) is
``Verifier.mismatch``'s verdict (``qa/verify.py``, over the predicates of ``qa/checks.py``); the
answers a check confirms over the best one are put first by ``qa/second_look.py``; the trimming
of the span to the shortest that answers is in ``qa/tidy.py``. The reader then decides whether
to refuse: a mismatch, answerability under the threshold, or a belief under the floor.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

import numpy as np

from qa.analysis import (DEPS, F_NOUN, F_NUM, F_PROPN, F_PUNCT, F_STOP, F_VERB, MAX_CANDIDATE_TOKENS, TYPE_ID, TYPES,
                         answer_span)
from qa.checks import ASKS_ARAB, HOW_REACTED, WHAT_SAID, initials_of_question, within_said_when
from qa.index import CorpusIndex
from qa.leads import Leads
from qa.question import EXPECTED, Question, echoes_modifier
from qa.reading import (CONF_FEATURES, ENTITY_EXPECTED, FEATURE_ID, FEATURES, Candidate, Reading, placed_date, pool,
                        pool_key, unknown_fraction)
from qa.retrieve import Hit
from qa.roles import ARAB_STATES, NAME_PARTICLES, Titles, country_of, holds_one_of, same_name_keys
from qa.second_look import EVENT_DEPTH, SecondLook
from qa.span import SpanScorer, Window, top_spans
from qa.text import content_stems, stem, words
from qa.tidy import (ROLE_WORDS, beside_set_aside, cuts_slash_compound, function_words_only, line_label,
                     opens_with_clitic, set_aside)
from qa.verify import Verifier

# A post-modifier after the best answer ("rebel efforts" + " to topple ..."), and the share of the
# best answer's probability a longer answer with it needs to be given instead (``answer_members``).
# Not "in" or "from": places and origins ("the earthquake in Turkey and Syria", "forces from its
# territory") lost more answers on the read seed sets than they gained.
POSTMODIFIER = re.compile(r"\s+(?:of|with|among|to|for)\b", re.IGNORECASE)
FULLER_SHARE = 0.2
FULLER_DEPTH = 2
# No answer under this belief (``Reader.belief``: the confidence before calibration) was right
# on the tuning sets or on the public held-out parts: below it an answer is refused. It was
# 0.03 (24 answers to answerable public questions under it, all wrong) until session 16, whose
# leads (``qa.retrieve``) read more passages and so more weak spans: under 0.05 then fell 23
# public answers (none right, F1 2.9 in all), 1 wrong answer and 5 answers to unanswerable
# questions of the read seed sets, and no right one (docs/quality.md, "Session 16"). Until
# session 13 the floor held for questions that want a name, place, date or number only.
CONFIDENCE_FLOOR = 0.05
# "What is the name of the enclave ...?" presumes a name; when the corpus gives none, the best
# answer is a description or another thing's name, and weak ("important enclave", "Assad
# government": 0.02-0.19 on the seed sets). On the public held-out sets the 2 answers to such
# questions under this floor were wrong; the lowest right one scored 0.22.
NAME_FLOOR = 0.2
# "What did Mekdad say about ...?", "How did Tehran react to ...?" ask what someone said or did
# in answer to something; where the corpus reports it, its sentence says who and the reader is
# sure (the 36 right answers on the read seed sets scored 0.65-0.98; "What did Mekdad say there
# was an opportunity for?" 0.46), where it does not, the best span is someone else's words, and
# weak (7 of the 10 such answers to unanswerable questions were under 0.12). One public held-out
# question is so asked (0.80, right).
REPORTED_FLOOR = 0.2
# "Why ...?" wants a reason; an answer as weak as this is a phrase near the question's words (the
# two on the read seed sets were to unanswerable questions, 0.06-0.07; the right ones 0.67-0.89).
# The lowest public held-out answers to "why" scored 0.11 (F1 0.07) and 0.19 (F1 0).
WHY_FLOOR = 0.1
EXTRA_SPANS = 5  # span-head spans per window added as candidates
ECHO_DEPTH = 30  # best-scored candidates looked up as holders of an office the question names
_CC = re.compile(r"\b(and|or)\b", re.IGNORECASE)
WEEKDAYS = tuple(stem(w) for w in "monday tuesday wednesday thursday friday saturday sunday".split())
DURATION_UNITS = tuple(stem(w) for w in "second minute hour day week month year decade century".split())

def load_weights(path: Path | None = None) -> dict:
    if path is None:
        text = resources.files("qa").joinpath("weights/reader.json").read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    return json.loads(text)




SHAPED_CACHE_SENTENCES = 200_000  # sentences whose answer-shaped spans ``Reader`` keeps at once
# A question that asks for a country or a place may name it by its capital or adjective
# ("Which country is Ankara the capital of?").
_ASKS_COUNTRY = re.compile(r"\b(?:countr(?:y|ies)|nations?|states?|where|place|capital|land|city|cities|towns?"
                           r"|regions?|provinces?|areas?|territor(?:y|ies))\b", re.IGNORECASE)


def _titled_name_asked(tokens: list[str], question: str) -> bool:
    """Whether ``tokens`` are a titled name ("Syrian President Bashar al-Assad") whose surname
    the question names: an answer to "What had Assad been emerging from?" that only says who
    he is (no public gold answer to a question not asking for a person is one)."""
    if len(tokens) < 2 or not any(w.lower() in ROLE_WORDS for w in tokens):
        return False
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in tokens):
        return False
    named = {w.split("-")[-1].removesuffix("'s").removesuffix("’s") for w in words(question) if w[:1].isupper()}
    return tokens[-1].split("-")[-1] in named


_WHEN_PHRASE = re.compile(r"(?:following|after|before|during|since|until|prior\s+to|ahead\s+of|at\s+the\s+end\s+of)\s+",
                          re.IGNORECASE)


# Words apart by spaces: "(?:[A-Z][\w'’-]*\s*)+" split a run of capitals every way there is, and
# took minutes over "Who is AAA…A's son?"
_WHO_IS_NAMED = re.compile(r"^\W*[Ww]ho\s+(?:is|was)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\W*$")


def _person_entities(index: CorpusIndex) -> frozenset[str]:
    """Every span the entity tagger calls a person somewhere in the corpus ("Messi", "Di Maria"):
    a question naming one asks about someone else than that person (``_tagged_person_asked``)."""
    a = index.analysis
    rows = np.flatnonzero((a.cand_ent > 0) & (a.cand_type == TYPE_ID["PERSON"]))
    sents = np.searchsorted(a.sent_cand, rows, side="right") - 1
    return frozenset(index.docs[int(a.sent_doc[s])].text[int(a.cand_start[c]) : int(a.cand_end[c])]
                     for c, s in zip(rows, sents))


def _question_names(name: str, question: str, in_longer_name: bool = True) -> bool:
    """Whether the question names ``name`` in whole words; where ``in_longer_name`` is False, not
    as the first words of a longer capitalised name ("Caldecott" of "the Caldecott Medal")."""
    longer = "" if in_longer_name else r"(?!\s+[A-Z])"
    return bool(re.search(rf"(?<![\w'’-]){re.escape(name)}(?![\w-]){longer}", question))


def _tagged_person_asked(span: str, question: str, persons: frozenset[str]) -> bool:
    """Whether the question names the last words of the name ``span`` ("Di Maria" of "Angel Di
    Maria"), not as the start of a longer name, and the corpus's tagger calls those words a
    person where they stand alone."""
    parts = span.split()  # ... not as part of a thing's name ("Who is the Caldecott Medal named for?")
    return any(tail in persons and _question_names(tail, question, in_longer_name=False)
               for tail in (" ".join(parts[k:]) for k in range(1, len(parts))))


def _surname_asked(span: str, question: str) -> str:
    """The surname of the name ``span`` where the question names it ("Assad" of "Bashar
    al-Assad" for "Who invited Assad to the summit?"), else "". Where the corpus titles that
    surname, or its tagger calls it a person where it stands alone ("Who provided the pass for
    Di Maria's goal?": ``_tagged_person_asked``), the question asks about someone else than the
    person it names, unless it asks who that person is ("Who is Lavrov?"); a name the corpus
    neither titles nor tags alone as a person may be a thing's ("Who founded Hanes?" -> "John
    Wesley Hanes")."""
    tokens = words(span)
    if len(tokens) < 2 or not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in tokens) \
            or _WHO_IS_NAMED.match(question):
        return ""
    return tokens[-1] if _question_names(tokens[-1], question) else ""


def echoes_in_other_words(span: str, q: Question) -> bool:
    """Whether a span says nothing the question does not, once a country's adjective stands
    for the country the question names ("Syrian Foreign Minister" for "Syria's foreign
    minister") and a name's particles are set aside ("al-Assad" for "Who invited Assad?");
    spans with neither are left to the ``cand_all_in_q`` feature. A span that is only the
    country the question names another way echoes it where an organisation is asked for
    ("Turkey" for "Which alliance does Ankara belong to?"; no public gold answer to a question
    typed as an organisation is such a country), and so does a titled name the question names
    where no person is asked for (``_titled_name_asked``), and so does a time the question sets
    in other words ("following the meeting" for "What did he tweet after the meeting?")."""
    tokens = words(span)
    if q.expected != "PERSON" and _titled_name_asked(tokens, q.text):
        return True
    if (m := _WHEN_PHRASE.match(span)) and q.expected not in ("DATE", "REASON") \
            and set(stems := content_stems(span[m.end():])) <= set(q.stems) and stems:
        return True  # "following the meeting" for "What did Cavusoglu tweet after the meeting?"
    rest = [w for w in tokens if w.lower() not in NAME_PARTICLES and not (q.countries and country_of(w) in q.countries)]
    if len(rest) == len(tokens):
        return False
    if not rest:  # "Turkey" for "Which alliance does Ankara belong to?"
        return q.expected == "ORG" and not _ASKS_COUNTRY.search(q.text)
    stems = content_stems(" ".join(rest))
    return bool(stems) and set(stems) <= set(q.stems)


def question_floor(q: Question) -> float:
    """The least belief an answer to ``q`` needs besides the reader's floor: ``NAME_FLOOR`` for
    "What is the name of ...?", ``REPORTED_FLOOR`` for "What did X say ...?" and "How did X
    react ...?", ``WHY_FLOOR`` for "Why ...?"; else 0."""
    floor = 0.0
    if q.asks_name:
        floor = max(floor, NAME_FLOOR)
    if WHAT_SAID.search(q.text) or HOW_REACTED.search(q.text):
        floor = max(floor, REPORTED_FLOOR)
    if q.wh == "why":
        floor = max(floor, WHY_FLOOR)
    return floor


class Reader:
    """Scores the candidates of the sentences of the retrieved passages."""

    def __init__(self, index: CorpusIndex, weights: dict | None = None, spans: SpanScorer | None = None,
                 page_dates: Sequence[tuple[int, int, int]] = ()) -> None:
        self.index = index
        self.spans = spans
        self.page_dates = list(page_dates)  # ``(doc, start, end)`` of lines that only date the page
        self._texts = [d.text for d in index.docs]  # raw texts, for the echo and rule-out checks
        self.titles = Titles(self._texts)  # the corpus's titles of names (``qa.roles``)
        self._persons = _person_entities(index)  # names the corpus's entity tagger calls persons
        # Every word the corpus writes in lower case (those it never does are names): read once,
        # here, not by the first question.
        lower_words = frozenset(w for text in self._texts for w in re.findall(r"\b[a-z][\w-]*", text))
        self.leads = Leads(index)  # each file's lead: its sentences and words
        self.verifier = Verifier(index, self.titles, self.leads, lower_words, self.page_dates)
        self.second_look = SecondLook(index, self.titles, self.leads, self.verifier, lower_words, self.refuses)
        self._shaped_cache: dict[int, np.ndarray] = {}  # ``_answer_shaped``, by sentence
        weights = weights or load_weights()
        w = np.zeros(len(FEATURES), np.float32)
        for name, value in weights["weights"].items():
            if name in FEATURE_ID:
                w[FEATURE_ID[name]] = value
        self.w = w
        conf = weights.get("confidence", {"logit_p": 1.0})
        self.conf_w = np.array([conf.get(name, 0.0) for name in CONF_FEATURES], np.float32)
        answerable = weights.get("answerable", conf)
        self.answerable_w = np.array([answerable.get(name, 0.0) for name in CONF_FEATURES], np.float32)
        self.threshold = float(weights.get("threshold", 0.0))
        calibration = weights.get("calibration", {})
        self.calibration = (float(calibration.get("scale", 1.0)), float(calibration.get("shift", 0.0)))
        self.floor = CONFIDENCE_FLOOR
        # Vocabulary ids of the few words some span features look for (-1: not in the corpus).
        ids = index.vocab_ids
        self._comma_id = ids.get(",", -1)
        self._cc_ids = [ids.get(w, -1) for w in ("and", "or")]
        self._unit_ids = {"weekday": [ids.get(u, -1) for u in WEEKDAYS],
                          "duration": [ids.get(u, -1) for u in DURATION_UNITS]}

    def features(self, q: Question, q_vec: np.ndarray, hits: list[Hit], timings: dict[str, float] | None = None,
                 known: dict[int, list[Window]] | None = None):
        """Feature matrix of every candidate in the retrieved passages, with the candidates, the
        nearest-neighbour score and the span head's windows by passage (``known`` ones reused)."""
        ix, a = self.index, self.index.analysis
        q_ids = {ix.vocab_ids[s] for s in q.stems if s in ix.vocab_ids}
        q_weight = {s: ix.rarity(s) for s in set(q.stems)}
        total_w = sum(q_weight.values()) or 1.0
        seen: dict[int, Hit] = {}
        for h in hits:
            for s in range(int(ix.pass_sent_lo[h.passage]), int(ix.pass_sent_hi[h.passage])):
                seen.setdefault(s, h)
        sents = np.fromiter(seen.keys(), np.int64)
        if len(sents) == 0:
            return np.zeros((0, len(FEATURES)), np.float32), [], 0.0, {}
        sims = ix.sent_emb[sents].astype(np.float32) @ q_vec
        overlaps = np.zeros(len(sents), np.float32)
        for k, s in enumerate(sents):
            stems = set(a.tok_stem[a.sent_tok[s] : a.sent_tok[s + 1]].tolist()) & q_ids
            overlaps[k] = sum(float(ix.idf[i]) for i in stems) / total_w
        max_sim, max_ov = float(sims.max()), float(overlaps.max())
        # How much of the question each passage covers, and the rarest question term it lacks
        # (a question about something the passage never names is rarely answered by it).
        max_w = max(q_weight.values(), default=1.0) or 1.0
        coverage: dict[int, tuple[float, float]] = {}
        for h in hits:
            p = h.passage
            t_lo, t_hi = int(a.sent_tok[ix.pass_sent_lo[p]]), int(a.sent_tok[ix.pass_sent_hi[p]])
            present = {a.vocab[i] for i in set(a.tok_stem[t_lo:t_hi].tolist()) & q_ids}
            covered = sum(w for st, w in q_weight.items() if st in present)
            missing = max((w for st, w in q_weight.items() if st not in present), default=0.0)
            coverage[p] = (covered / total_w, missing / max_w)
        t0 = time.perf_counter()
        by_passage = self._windows(q, hits, known or {})
        windows = [replace(w, context=k) for k, h in enumerate(hits) for w in by_passage[h.passage]]
        if timings is not None:
            timings["span_head"] = (time.perf_counter() - t0) * 1e3
        tops = [top_spans(w, EXTRA_SPANS) for w in windows]  # best first, per window
        extras = self._extra_spans(windows, tops, hits)
        asks_said = bool(WHAT_SAID.search(q.text))  # no time alone answers what was said
        rows: list[np.ndarray] = []
        cands: list[Candidate] = []
        F = FEATURE_ID
        for k, s in enumerate(sents):
            c_lo, c_hi = int(a.sent_cand[s]), int(a.sent_cand[s + 1])
            c = np.arange(c_lo, c_hi)
            sp = np.stack([a.cand_tok_lo[c], a.cand_tok_hi[c], a.cand_type[c], a.cand_dep[c],
                           a.cand_ent[c], a.cand_head[c], a.cand_start[c], a.cand_end[c]], 1).astype(np.int64)
            known = {(int(x[6]), int(x[7])) for x in sp}
            extra = [x for x in extras.get(int(s), []) if (x[6], x[7]) not in known]
            if extra:
                sp = np.concatenate([sp.reshape(-1, 8), np.array(extra, np.int64).reshape(-1, 8)])
            doc = int(a.sent_doc[s])
            text = ix.docs[doc].text
            if len(sp):
                kept = self._answer_shaped(int(s), doc, sp, c_hi - c_lo)
                if asks_said:
                    kept &= np.array([not within_said_when(text, int(x[6]), int(x[7])) for x in sp], bool)
                sp = sp[kept]
            if len(sp) == 0:
                continue
            h = seen[int(s)]
            t_lo, t_hi = int(a.sent_tok[s]), int(a.sent_tok[s + 1])
            x = np.zeros((len(sp), len(FEATURES)), np.float32)
            x[:, F["bias"]] = 1
            x[:, F["sent_sim"]] = sims[k]
            x[:, F["sent_sim_gap"]] = sims[k] - max_sim
            x[:, F["sent_overlap"]] = overlaps[k]
            x[:, F["sent_overlap_gap"]] = overlaps[k] - max_ov
            x[:, F["passage_rrf"]] = h.score
            x[:, F["passage_dense"]] = h.dense
            x[:, F["passage_rank_inv"]] = 1.0 / (1 + h.rank)
            x[:, F["pass_overlap"]], x[:, F["pass_missing_idf"]] = coverage[h.passage]
            self._span_rows(x, sp, q, q_ids, total_w, t_lo, t_hi, text)
            self._boundary_rows(x, sp, c)
            rows.append(x)
            cands += [Candidate(doc, int(st), int(en), int(s), h.passage, 0.0) for st, en in sp[:, 6:8]]
        if not rows:
            return np.zeros((0, len(FEATURES)), np.float32), [], 0.0, by_passage
        X = np.concatenate(rows)
        return X, cands, self._span_features(windows, tops, hits, X, cands), by_passage

    def _answer_shaped(self, sentence: int, doc: int, sp: np.ndarray, n_indexed: int) -> np.ndarray:
        """Which spans of one sentence (rows of ``sp``: the index's ``n_indexed`` candidates, then
        the span head's extra ones) can be an answer at all, whatever the question: not half of a
        slash compound, not function words or a clitic alone, not a line's label, not across the
        page's date line. The index's candidates are judged once per sentence and kept: the same
        sentences come back question after question."""
        text = self._texts[doc]

        def shaped(start: int, end: int) -> bool:
            return not (cuts_slash_compound(text, start, end) or function_words_only(text[start:end])
                        or opens_with_clitic(text[start:end]) or line_label(text, start, end)
                        or self.verifier.straddles_page_date(doc, start, end))

        indexed = self._shaped_cache.get(sentence)
        if indexed is None:
            if len(self._shaped_cache) >= SHAPED_CACHE_SENTENCES:  # a bound for a corpus of millions
                self._shaped_cache.clear()
            indexed = self._shaped_cache[sentence] = np.array(
                [shaped(int(x[6]), int(x[7])) for x in sp[:n_indexed]], bool)
        extra = [shaped(int(x[6]), int(x[7])) for x in sp[n_indexed:]]
        return np.concatenate([indexed, np.array(extra, bool)]) if extra else indexed.copy()

    def _span_rows(self, x: np.ndarray, sp: np.ndarray, q: Question, q_ids: set[int], total_w: float,
                   t_lo: int, t_hi: int, text: str) -> None:
        """Fill the span features of one sentence's candidates into ``x``, all at once (prefix
        sums over the sentence's tokens give each span's counts). Rows of ``sp``: token lo, hi,
        type, dependency, entity flag, head token, char start, char end."""
        ix, a, F = self.index, self.index.analysis, FEATURE_ID
        e = EXPECTED[q.expected_id]
        stems = a.tok_stem[t_lo:t_hi]
        flags = a.tok_flags[t_lo:t_hi]
        content = (flags & (F_STOP | F_PUNCT)) == 0
        matched = np.isin(stems, list(q_ids)) & content if q_ids else np.zeros(len(stems), bool)
        match_pos = np.flatnonzero(matched)
        tok_w = np.where(matched, ix.idf[stems], 0.0) / total_w

        def csum(v: np.ndarray) -> np.ndarray:
            return np.concatenate([[0], np.cumsum(v, dtype=np.float64)])

        lo, hi = sp[:, 0] - t_lo, sp[:, 1] - t_lo
        n = hi - lo
        rows = np.arange(len(sp))
        x[rows, [FEATURE_ID[f"x:{e}:{TYPES[t]}"] for t in sp[:, 2]]] = 1
        x[rows, [FEATURE_ID[f"dep:{DEPS[d]}"] for d in sp[:, 3]]] = 1
        x[sp[:, 4] > 0, F[f"wh_ent:{e}"]] = 1
        c_content, c_matched, c_w = csum(content), csum(matched), csum(tok_w)
        n_content = c_content[hi] - c_content[lo]
        n_in_q = c_matched[hi] - c_matched[lo]
        x[:, F["cand_in_q"]] = n_in_q / np.maximum(n_content, 1)
        x[:, F["cand_all_in_q"]] = (n_content > 0) & (n_in_q == n_content)
        # Distance to the nearest question term outside the span, on either side.
        if len(match_pos):
            left_i = np.searchsorted(match_pos, lo, side="left") - 1
            right_i = np.searchsorted(match_pos, hi, side="left")
            d_left = np.where(left_i >= 0, lo - match_pos[np.maximum(left_i, 0)], np.inf)
            d_right = np.where(right_i < len(match_pos),
                               match_pos[np.minimum(right_i, len(match_pos) - 1)] - hi + 1, np.inf)
            d = np.minimum(d_left, d_right)
        else:
            d = np.full(len(sp), np.inf)
        near = np.isfinite(d)
        d_safe = np.where(near, d, 1.0)
        x[:, F["prox_inv"]] = np.where(near, 1.0 / d_safe, 0.0)
        x[:, F["prox_exp"]] = np.where(near, np.exp(-(d_safe - 1) / 4), 0.0)
        x[:, F["no_match"]] = ~near
        m = len(stems)
        x[:, F["win_overlap"]] = (c_w[lo] - c_w[np.maximum(lo - 6, 0)]) + (c_w[np.minimum(hi + 6, m)] - c_w[hi])
        x[:, F["left_match"]] = (c_matched[lo] - c_matched[np.maximum(lo - 3, 0)]) > 0
        x[:, F["right_match"]] = (c_matched[np.minimum(hi + 3, m)] - c_matched[hi]) > 0
        x[:, F["len_log"]] = np.log(n)
        x[:, F[f"len_log:{e}"]] = np.log(n)  # how long an answer of this kind runs: "why" long, "who" short
        x[:, F["len_1"]] = n == 1
        x[:, F["len_gt4"]] = n > 4
        x[:, F["len_gt10"]] = n > 10
        for name, bit in (("has_propn", F_PROPN), ("has_num", F_NUM), ("has_verb", F_VERB), ("has_noun", F_NOUN)):
            c_bit = csum((flags & bit) > 0)
            x[:, F[name]] = (c_bit[hi] - c_bit[lo]) > 0
        # Lists and clause joins inside a span: right for "which threats ...?" asked of
        # "terrorism, separatism and extremism", wrong when a span runs on into the next item.
        c_comma = csum(stems == self._comma_id)
        c_cc = csum(np.isin(stems, self._cc_ids))
        inner_lo, inner_hi = np.minimum(lo + 1, hi), np.maximum(hi - 1, lo)
        x[:, F["has_comma"]] = (c_comma[inner_hi] - c_comma[inner_lo]) > 0
        x[:, F["has_cc"]] = has_cc = (c_cc[inner_hi] - c_cc[inner_lo]) > 0
        x[:, F["cc_in_q"]] = has_cc & bool(_CC.search(q.text))
        x[:, F["cc_one"]] = has_cc & (q.number == "one")
        x[:, F["cc_many"]] = has_cc & (q.number == "many")
        if q.unit:  # weekday or duration asked: does the span name one?
            c_unit = csum(np.isin(stems, self._unit_ids[q.unit]))
            has_unit = (c_unit[hi] - c_unit[lo]) > 0
            x[:, F[f"{q.unit}_match"]] = has_unit
            x[:, F[f"{q.unit}_miss"]] = ~has_unit
        # A verb inside the span: fine for "why"/"how"/"what" clauses, a run-on past the answer
        # for a name, place, date or number ("Hossein Amir-Abdollahian said Tehran").
        x[:, F["verb_for_entity"]] = x[:, F["has_verb"]] * (e in ENTITY_EXPECTED)
        x[:, F["phrase_verb"]] = x[:, F["has_verb"]] * (sp[:, 2] == TYPE_ID["PHRASE"])
        c_stop = csum((flags & F_STOP) > 0)
        x[:, F["frac_stop"]] = (c_stop[hi] - c_stop[lo]) / n
        x[:, F["in_quotes"]] = [st > 0 and text[st - 1] in "\"“'‘" for st in sp[:, 6]]
        x[:, F["first_in_sent"]] = lo == 0
        head = sp[:, 5] - t_lo
        ok = (head >= 0) & (head < m)
        head_c = np.clip(head, 0, max(m - 1, 0))
        hm = ok & matched[head_c] if m else np.zeros(len(sp), bool)
        x[:, F["head_match"]] = hm
        x[:, F["head_verb_match"]] = hm & ((flags[head_c] & F_VERB) > 0) if m else False

    def _boundary_rows(self, x: np.ndarray, sp: np.ndarray, c: np.ndarray) -> None:
        """Whether each span cuts a name or date in two (``cuts_entity``: "Abdollahian said
        Tehran") or stops inside a noun phrase before its head (``cuts_chunk``: "US-backed
        Kurdish forces fighting the Assad"), judged against the sentence's index-time
        candidates ``c``."""
        a, F = self.index.analysis, FEATURE_ID
        if len(c) == 0:
            return
        lo, hi = sp[:, 0:1], sp[:, 1:2]
        c_lo, c_hi, typ = a.cand_tok_lo[c][None], a.cand_tok_hi[c][None], a.cand_type[c][None]
        named = a.cand_ent[c][None] > 0
        chunk = typ == TYPE_ID["NOUN"]
        start_in = (c_lo < lo) & (lo < c_hi)
        end_in = (c_lo < hi) & (hi < c_hi)
        x[:, F["cuts_entity"]] = ((start_in | end_in) & named).any(1)
        x[:, F["cuts_chunk"]] = (end_in & chunk).any(1) & (sp[:, 4] == 0)  # a name is whole in itself

    def _windows(self, q: Question, hits: list[Hit], known: dict[int, list[Window]]) -> dict[int, list[Window]]:
        """Span-head logits for every passage read, by passage id; ``known`` passages are not read again."""
        out = {h.passage: known[h.passage] for h in hits if h.passage in known}
        todo = [h.passage for h in hits if h.passage not in out]
        out.update((p, []) for p in todo)
        if self.spans is not None and todo:
            for w in self.spans.windows(q.text, [self.index.passage_clean(p) for p in todo]):
                out[todo[w.context]].append(w)
        return out

    def _extra_spans(self, windows: list[Window], tops: list[list[tuple[float, int, int]]],
                     hits: list[Hit]) -> dict[int, list[tuple]]:
        """The span head's ``EXTRA_SPANS`` best spans of each window, snapped to whole tokens of
        one sentence, as extra candidates by sentence (exact offsets, no markup, balanced
        brackets): the index-time candidates miss many answer boundaries."""
        ix, a = self.index, self.index.analysis
        out: dict[int, list[tuple]] = {}
        for w, top in zip(windows, tops):
            p = hits[w.context].passage
            doc = int(ix.pass_doc[p])
            base = int(ix.pass_start[p])
            lo_s, hi_s = int(ix.pass_sent_lo[p]), int(ix.pass_sent_hi[p])
            text = ix.docs[doc].text
            for _, s0, e0 in top:
                start, end = base + s0, base + e0
                k = lo_s + int(np.searchsorted(a.sent_end[lo_s:hi_s], start, side="right"))
                if k >= hi_s or start < a.sent_start[k] or end > a.sent_end[k]:
                    continue
                t_lo, t_hi = int(a.sent_tok[k]), int(a.sent_tok[k + 1])
                lo = t_lo + int(np.searchsorted(a.tok_end[t_lo:t_hi], start, side="right"))
                hi = t_lo + int(np.searchsorted(a.tok_start[t_lo:t_hi], end, side="left"))
                if not t_lo <= lo < hi <= t_hi or hi - lo > MAX_CANDIDATE_TOKENS:
                    continue
                span = answer_span(text, ix.cleans[doc], int(a.tok_start[lo]), int(a.tok_end[hi - 1]))
                if span is None:
                    continue
                c_start, c_end = span
                known = out.setdefault(k, [])
                if all((c_start, c_end) != (x[6], x[7]) for x in known):
                    known.append((lo, hi, TYPE_ID["PHRASE"], 0, False, -1, c_start, c_end))
        return out

    def _span_features(self, windows: list[Window], tops: list[list[tuple[float, int, int]]], hits: list[Hit],
                       X: np.ndarray, cands: list[Candidate]) -> float:
        """Scores of the span head for every candidate (best over the windows that hold it);
        returns the best span score over all windows."""
        F = FEATURE_ID
        if not windows:
            X[:, F["nn_missing"]] = 1
            return 0.0
        ix = self.index
        starts = np.array([int(ix.pass_start[h.passage]) for h in hits])
        c_sent = np.array([c.sentence for c in cands])
        c_start = np.array([c.start for c in cands])
        c_end = np.array([c.end for c in cands])
        c_doc = np.array([c.doc for c in cands])
        score = np.full(len(cands), -np.inf)
        best_all, best_spans = -np.inf, set()
        null: dict[int, float] = {}  # per passage: the head's "no answer here" ([CLS]) score
        for w, top in zip(windows, tops):
            h = hits[w.context]
            p = h.passage
            null[p] = min(null.get(p, np.inf), float(w.start_logits[0] + w.end_logits[0]))
            idx = np.array([k for k, o in enumerate(w.offsets) if o is not None])
            if len(idx) == 0:
                continue
            tok_s = np.array([w.offsets[k][0] for k in idx])
            tok_e = np.array([w.offsets[k][1] for k in idx])
            b_score, b_s, b_e = top[0]
            best_all = max(best_all, b_score)
            best_spans.add((int(ix.pass_doc[p]), int(starts[w.context]) + b_s, int(starts[w.context]) + b_e))
            inside = ((c_doc == ix.pass_doc[p]) & (c_sent >= ix.pass_sent_lo[p]) & (c_sent < ix.pass_sent_hi[p]))
            rel_s = c_start - starts[w.context]
            rel_e = c_end - starts[w.context]
            i = np.searchsorted(tok_e, rel_s, side="right")
            j = np.searchsorted(tok_s, rel_e, side="left") - 1
            ok = inside & (i <= j) & (i < len(idx)) & (j >= 0)
            i, j = np.clip(i, 0, len(idx) - 1), np.clip(j, 0, len(idx) - 1)
            ok &= (tok_s[i] <= rel_s) & (tok_e[j] >= rel_e)
            sc = w.start_logits[idx[i]] + w.end_logits[idx[j]]
            score = np.where(ok, np.maximum(score, sc), score)
        have = np.isfinite(score)
        top = score[have].max() if have.any() else 0.0
        X[:, F["nn_gap"]] = np.where(have, np.maximum(score - top, -20.0), -20.0)
        X[:, F["nn_best_gap"]] = np.where(have, np.maximum(score - best_all, -20.0), -20.0) if np.isfinite(best_all) else -20.0
        X[:, F["nn_missing"]] = ~have
        X[:, F["nn_is_best"]] = [float((c.doc, c.start, c.end) in best_spans) for c in cands]
        if np.isfinite(best_all):
            X[:, F["nn_null_gap"]] = [np.clip(null.get(c.passage, best_all) - best_all, -20.0, 20.0) for c in cands]
        return float(best_all) if np.isfinite(best_all) else 0.0

    def run(self, q: Question, q_vec: np.ndarray, hits: list[Hit], timings: dict[str, float] | None = None,
            reuse: Reading | None = None, event_depth: int = EVENT_DEPTH) -> Reading:
        """Score and pool the candidates; ``timings`` (if given) gets the ms of the span head
        and of the rest of reading. ``reuse``: an earlier reading of the same question, whose
        passages the span head does not read again. ``event_depth``: how many answers
        ``_main_event_date`` looks through for the date a report's lead gives its event."""
        t0 = time.perf_counter()
        X, cands, nn_best, windows = self.features(q, q_vec, hits, timings, reuse.windows if reuse else None)
        keys = [pool_key(self.index.docs[c.doc].text[c.start : c.end]) for c in cands]
        if q.modifiers:  # "Jordan" for "which Jordanian city" repeats the question: an echo
            echo = [k for k, key in enumerate(keys) if echoes_modifier(key.split(), q.modifiers)]
            X[echo, FEATURE_ID["cand_all_in_q"]] = 1
        numbers = _numbers_of(q.text)  # "three" for "What are Harding's three records for?"; "ROV" for
        X[[k for k, (c, key) in enumerate(zip(cands, keys))  # "Which remotely operated vehicle ...?"
           if key in numbers or initials_of_question(self._texts[c.doc][c.start : c.end], q.text)],
          FEATURE_ID["cand_all_in_q"]] = 1
        if aside := set_aside(q.text):  # "Besides setting guidelines, what else ...?" -> not "general guidelines"
            echo = [k for k, (c, key) in enumerate(zip(cands, keys)) if aside in {stem(w) for w in key.split()}
                    or beside_set_aside(self._texts[c.doc], c.start, c.end, q.text)]
            X[echo, FEATURE_ID["cand_all_in_q"]] = 1
        spans: dict[str, str] = {}
        for k in np.argsort(-(X @ self.w))[:ECHO_DEPTH]:  # the best candidates: a corpus may hold
            c = cands[k]                                 # thousands of names
            spans.setdefault(keys[k], self._texts[c.doc][c.start : c.end])
        if merged := same_name_keys(spans):  # "Sergei Lavrov" and "Sergey Lavrov" vote as one
            keys = [merged.get(key, key) for key in keys]
            spans = {key: span for key, span in spans.items() if key not in merged}
        # the Saudi foreign minister for "Whom did the Saudi foreign minister meet?" is an echo
        # too, and so are "Syrian Foreign Minister Faisal Mekdad" for "Who was Syria's foreign
        # minister before Faisal Mekdad?" and "al-Assad" for "Who invited Assad?"
        echoes = {key for key, span in spans.items()
                  if q.mentions and holds_one_of(self.titles, q.mentions, span) or echoes_in_other_words(span, q)
                  or q.expected == "PERSON" and (surname := _surname_asked(span, q.text))
                  and (self.titles(surname) or _tagged_person_asked(span, q.text, self._persons))}
        X[[k for k, key in enumerate(keys) if key in echoes], FEATURE_ID["cand_all_in_q"]] = 1
        ruled_out = {key for key, span in spans.items() if self.ruled_out(q, span)}
        drop = np.array([key in ruled_out for key in keys], bool) if ruled_out else None
        placed = [placed_date(self._texts[c.doc][c.start : c.end]) for c in cands]
        reading = pool(X @ self.w, cands, keys, q.expected, unknown_fraction(q, self.index), X, nn_best, drop, placed)
        reading = replace(reading, floor=question_floor(q), windows=windows)
        if reading.groups:
            reading = replace(reading, mismatch=self.verifier.mismatch(q, reading.groups[0][1], reading.features))
        reading = self.second_look.run(q, reading, event_depth)
        if timings is not None:
            timings["candidates"] = (time.perf_counter() - t0) * 1e3 - timings.get("span_head", 0.0)
        return reading

    def ruled_out(self, q: Question, span: str) -> bool:
        """Whether the question's own words rule ``span`` out, whatever its score: "Which Arab
        foreign ministers ...?" is not answered by a country, or a person the corpus titles as
        acting for one, that is no Arab state (``roles.ARAB_STATES``): not "Iran" nor "Hossein
        Amir-Abdollahian"."""
        if not ASKS_ARAB.search(q.text):
            return False
        countries = {country_of(span)} - {""} or {office.country for office in self.titles(span)} - {""}
        return bool(countries) and not countries & ARAB_STATES

    def belief(self, reading: Reading) -> float:
        """The confidence model's probability that the best answer is right (logistic over
        answer features, fitted with the reader): what the refusal floors are set on."""
        return _logistic(reading.answer_features, self.conf_w)

    def confidence(self, reading: Reading) -> float:
        """Calibrated probability that the best answer is right: ``belief`` rescaled on its
        log-odds (``scripts/fit_calibration.py``, fitted on answers to the seeds' tuning
        questions and half of the public held-out articles, where the belief is right more
        often than it says)."""
        if reading.answer_features is None:
            return 0.0
        scale, shift = self.calibration
        return _sigmoid(scale * float(reading.answer_features @ self.conf_w) + shift)

    def answerability(self, reading: Reading) -> float:
        """Probability that the corpus answers the question at all, whether or not the best
        answer is the right span (a second logistic model over the same features, fitted on
        answerable questions against off-topic and on-topic unanswerable ones)."""
        return _logistic(reading.answer_features, self.answerable_w)

    def answer_members(self, reading: Reading) -> list[Candidate]:
        """The mentions the answer is taken from: the best answer's, or those of one of the next
        ``FULLER_DEPTH`` answers that is the same words with the phrase that modifies them ("rebel
        efforts to topple ...", "a presidential summit with Assad") when it holds at least
        ``FULLER_SHARE`` of the best one's probability. Where the reader is split between the two,
        the seeds' question authors chose the longer more often (7 answers gained, 1 lost on the
        read sets; MLQA's fit part unchanged in F1)."""
        score, members = reading.groups[0]
        best = members[0]
        text = self._texts[best.doc]
        if reading.features[best.row, FEATURE_ID["x:DATE:DATE"]] or not POSTMODIFIER.match(text, best.end):
            return members
        for other_score, others in reading.groups[1 : 1 + FULLER_DEPTH]:
            if other_score >= FULLER_SHARE * score and any(
                    c.doc == best.doc and c.start == best.start and c.end > best.end for c in others):
                return sorted(others, key=lambda c: not (c.doc == best.doc and c.start == best.start))
        return members

    def refuses(self, reading: Reading) -> bool:
        """Whether to say "not in the corpus": no candidate; a best answer that cannot be right
        whatever its score (``Reading.mismatch``: it lacks what the question's form needs, the
        corpus titles it with another office, it dates or places another event, its sentence
        is another speaker's, country's or time's ...); answerability under the threshold; or a
        belief (``belief``) under the floor (``CONFIDENCE_FLOOR``, or the question's own:
        ``question_floor``) unless the corpus titles it with the office asked for
        (``Reading.office_confirmed``)."""
        return self.refusal_reason(reading) is not None

    def refusal_reason(self, reading: Reading) -> str | None:
        """Which test of ``refuses`` refuses ``reading``, or None where it answers:
        ``"no-candidate"``, ``"mismatch:<kind>"`` (``Reading.mismatch``), ``"answerability"``
        or ``"floor"``; what ``scripts/refusal_reasons.py`` counts, to weigh each test."""
        if not reading.groups:
            return "no-candidate"
        if reading.mismatch:
            return f"mismatch:{reading.mismatch}"
        if reading.event_dated:
            return None
        if self.answerability(reading) < self.threshold:
            return "answerability"
        if not reading.office_confirmed and self.belief(reading) < max(self.floor, reading.floor):
            return "floor"
        return None


# A number alone, in figures or words: as an answer, one the question holds says nothing new
# (no public gold answer is a number of its question).
_NUMBER = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred"
                     r"|thousand|million|billion)\b", re.IGNORECASE)


def _numbers_of(question: str) -> set[str]:
    """The question's numbers, in their pooled form (``pool_key``): not the "one" of "someone"."""
    return {pool_key(m.group()) for m in _NUMBER.finditer(question)} - {""}


def _logistic(x: np.ndarray | None, w: np.ndarray) -> float:
    return 0.0 if x is None else _sigmoid(float(x @ w))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

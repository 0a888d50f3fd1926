"""The extractive reader: scores answer candidates found at index time, votes across files.

Every candidate is a token span of a sentence in a retrieved passage: the spans found at index
time (entities, noun chunks, numbers, syntactic subtrees) plus the best span the span head
(``qa/span.py``) reads in each passage, snapped to whole tokens. A linear model over features
(answer-type match, question terms near the span, sentence similarity, retrieval rank, overlap
with the question, length, syntactic role and the span head's logits) scores it; a softmax turns
the scores into probabilities; candidates whose normalised text agrees are pooled, so the same
answer found in several files wins together and every supporting file is cited.
Weights are fitted on data (``scripts/fit_reader.py``) and shipped in ``qa/weights/``.
The checks a best answer's sentence must pass (form, time, place, partner, speaker) are in
``qa/checks.py``; the trimming of its span to the shortest that answers is in ``qa/tidy.py``.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from qa.analysis import (DEPS, F_NOUN, F_NUM, F_PROPN, F_PUNCT, F_STOP, F_VERB, MAX_CANDIDATE_TOKENS, TYPE_ID, TYPES,
                         answer_span)
from qa.checks import (ACTION_DEPTH, ANY_EVENT, ASKED_PREPOSITION, ASKED_YEAR, ASKS_ACTION, ASKS_AHEAD, ASKS_ARAB,
                       ASKS_NATIONALITY, ASKS_STATEMENT, ASKS_WINNER, CLAUSE_AFTER, CLAUSE_MISSED, CLAUSE_SAID,
                       EVENT_FILLER, EXACT_COUNT, GATHERING, HELD_EVENT, HOW_REACTED, LOOKS_AHEAD,
                       NEXT_EVENT, OBJECT_OF, OBJECT_WINDOW, QUESTION_FORM, REGION_AFTER, SPEAKER_WINDOW, STANDS_FOR,
                       STATING, TIME_ONLY, TIME_UNITS, UNIT_ALONE, VAGUE_COUNT, VAGUE_MANY, VAGUE_TIME, WEEKDAY,
                       WEEKDAY_NAMES, WHAT_SAID, WINNER_WINDOW, WINNING, according_to_names, age_of_other,
                       asks_statement, capital_named, counted_words, counts_other, counts_time, dates_a_statement,
                       initials_of_question, located_elsewhere, names_form, other_kin, other_month, other_partner,
                       played_against, reversed_roles, said_clause, says_no_more, speaker_names, speaker_offices,
                       speaks_ahead, subject_country, subject_names, subject_offices, things_asked, things_listed,
                       time_and_place_only, within_said_when)
from qa.events import contrary_event, other_event
from qa.index import CorpusIndex
from qa.leads import Leads
from qa.question import CAPITALISED, EXPECTED, MONTH_NAMES, Question, echoes_modifier
from qa.retrieve import Hit
from qa.roles import (ARAB_STATES, NAME_PARTICLES, OFFICER_ROLES, Titles, countries_named, country_named_by, country_of,
                      country_of_whole, holds_asked_office, holds_one_of, holds_other_office, other_portfolio,
                      same_country, same_name_keys, speaks_as)
from qa.span import SpanScorer, Window, top_spans
from qa.text import LIST_SEPARATOR, STOP_WORDS, content_stems, fold, stem, words
from qa.tidy import (ROLE_WORDS, beside_set_aside, cuts_slash_compound, function_words_only, line_label,
                     opens_with_clitic, set_aside, span_tokens, stop_words_only)

FEATURES: list[str] = (
    [f"x:{e}:{t}" for e in EXPECTED for t in TYPES]
    + [f"dep:{d}" for d in DEPS]
    + [f"wh_ent:{e}" for e in EXPECTED]
    + [f"len_log:{e}" for e in EXPECTED]
    + """bias sent_sim sent_sim_gap sent_overlap sent_overlap_gap passage_rrf passage_dense
    passage_rank_inv cand_in_q cand_all_in_q prox_inv prox_exp no_match left_match right_match
    len_log len_1 len_gt4 len_gt10 has_propn has_num has_verb has_noun frac_stop
    in_quotes first_in_sent head_match head_verb_match win_overlap nn_gap nn_best_gap nn_is_best
    nn_missing pass_overlap pass_missing_idf nn_null_gap has_comma has_cc cc_in_q
    weekday_match weekday_miss duration_match duration_miss verb_for_entity phrase_verb
    cc_one cc_many cuts_entity cuts_chunk""".split()
)
FEATURE_ID = {f: i for i, f in enumerate(FEATURES)}
# A post-modifier after the best answer ("rebel efforts" + " to topple ..."), and the share of the
# best answer's probability a longer answer with it needs to be given instead (``answer_members``).
# Not "in" or "from": places and origins ("the earthquake in Turkey and Syria", "forces from its
# territory") lost more answers on the read seed sets than they gained.
POSTMODIFIER = re.compile(r"\s+(?:of|with|among|to|for)\b", re.IGNORECASE)
FULLER_SHARE = 0.2
FULLER_DEPTH = 2
# Where the best answer cannot be right, how many of the best (itself included) are looked through for
# one that can, and the least share of its probability that one must hold (chosen on the read news sets:
# 3 and 0.3 refused one unanswerable question more than 4 and 0.2, for the same answers)
MISMATCH_DEPTH = 3
MISMATCH_SHARE = 0.3
# How many answers ``_main_event_date`` looks through for the date a report's lead gives its event
# (``Reader.run``'s ``event_depth``; the pipeline's re-reading of the leads looks further).
EVENT_DEPTH = 10
# A passage that holds none of the question's words and whose meaning is this far from it
# (``Hit.dense``, the cosine of the two embeddings) is about something else: "Who invented the
# telephone?" over reports on a vaccine reads "Edward Jenner" there (0.76 before). Of the 7,200
# answers given to the questions of the seeds, the news and the public held-out sets, 15 came
# from a passage without a question word; their passages' similarity was 0.20 and 0.23 (a wrong
# answer and a right one to the context-free follow-up "why are they upset about it"), then 0.32
# and over (right answers from paraphrases: "How many YMCAs are there across the US?").
UNRELATED_DENSE = 0.3
# Characters either side of an answer within which a name the question gives ties the two
NAME_BESIDE = 30
# A name the question gives that at most this many files use is what the question is about
# ("Who is head coach of the Rouen Baseball 76?", "When was Dodger Stadium built?"): an answer
# from a file that never uses it is about something else where another of the best answers'
# passages uses it (``Reader._of_subject_asked``). On the public held-out sets (761 TyDi articles,
# one per file) names of at most 3 files, less countries' (an article about a place seldom repeats
# its country: "the largest parrot in New Zealand"), gave 3 exact answers more and none fewer;
# every name in any number of files 9 answers better and 10 worse (docs/quality.md, "Session 37").
SUBJECT_FILES = 3
# A question most of whose words (this share) the corpus never uses, answered from a passage and a
# sentence this far from it in meaning, is about something else too: "Who developed the theory
# of general relativity?" over reports on a merger reads "Sarah Cardell" (0.76 before). Chosen on
# half of 120 general-knowledge questions asked of the seeds and the thirteen news corpora
# (``eval/offtopic.jsonl``, the odd ids) and on the 7,200 answers given to the gold questions of
# the seeds, the news and the public held-out sets, of which the reader reads three so, all right
# ("What kind of outlet is SANA?", one of a blind set, and one about a photo that the page's
# layout answers before the reader is asked).
UNKNOWN_SHARE, FAR_PASSAGE, FAR_SENTENCE = 0.5, 0.2, 0.25
# The share of the belief the parts of a list must hold together for the whole list to be given
# to "Which countries ...?" instead of its best part (``Reader._whole_list``).
LIST_SUPPORT = 0.5
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
ENTITY_EXPECTED = ("PERSON", "ORG", "LOC", "DATE", "NUM")  # questions wanting a name, date or number
_CC = re.compile(r"\b(and|or)\b", re.IGNORECASE)
WEEKDAYS = tuple(stem(w) for w in "monday tuesday wednesday thursday friday saturday sunday".split())
DURATION_UNITS = tuple(stem(w) for w in "second minute hour day week month year decade century".split())

@dataclass(frozen=True)
class Candidate:
    """A scored span: ``doc``/``start``/``end`` index the raw document text."""

    doc: int
    start: int
    end: int
    sentence: int
    passage: int
    score: float
    row: int = 0


ACCEPT = {t: (t,) for t in ENTITY_EXPECTED}  # candidate types that match each expected type
CONF_FEATURES = """bias logit_p margin cand_sim cand_overlap best_sim best_overlap cand_in_q type_match
type_specific unknown_frac top_dense agree_docs nn_best_gap nn_best pass_overlap pass_missing_idf
nn_null_gap entropy best_prox best_win_overlap best_nn_is_best""".split()


@dataclass(frozen=True)
class Reading:
    """The reader's verdict: pooled candidates best first, with their probabilities.

    ``answer_features`` describe the best pooled answer and the question as a whole (how much
    of it the corpus covers at all); the calibrated confidence is computed from them.
    """

    groups: list[tuple[float, list[Candidate]]]
    features: np.ndarray
    candidates: list[Candidate]
    answer_features: np.ndarray | None = None
    nn_best: float = 0.0
    # Why the best answer cannot be right, whatever its score ("" when nothing says so): "form" (it
    # lacks the quantity, year or currency the question needs, a date or number answers "who", or the
    # question asks yes or no), "office" (the corpus titles it with another office than the one asked
    # for, its sentence is about ministers of another portfolio, or it names no one where an office's
    # holder is asked for), "said" (it dates a statement, not the event asked about), "page-date" (the
    # date a page was written, for a question about what is to come or about what the page's lead does
    # not report), "date" (a month other than the one the question names, or the figure of reports
    # dated in another year than the one it names, which they never name), "vague" ("in the future"
    # for "when", "several" for "exactly how many", "various militias" for "which militia"), "count"
    # (a number counting another kind of thing: the "four" of "four-way talks" for "how many
    # advisers"), "ahead" (a sentence that speaks of nothing to come, or whose word of what is to come
    # is cut from the answer by an earlier event, for "the next meeting" or "When will ...?"),
    # "country" (a sentence about another country than the question names, or naming nowhere near the
    # country that acts, or dealings "with" another country), "subject" (naming nowhere near the
    # titled person who acts, or the office of a country's that acts), "place" (telling of another
    # capital than the one the question places its event in), "statement" (no word of saying in the
    # sentence dating what "When did X confirm ...?" asks), "speaker" (for "What did Mekdad say ...?"
    # or "What did Iran's foreign minister say ...?", a sentence that names neither him nor his
    # office, nor do the two before it), "outcome" (no words of winning near the answer to "Who won
    # ...?"), "contrary" (a sentence reporting the contrary of the event asked about), "event" (a date
    # or place of another kind of event: ``qa.events``), "unrelated" (from passages about something
    # else than the question: ``Reader._unrelated``).
    mismatch: str = ""
    # The corpus titles the best answer with the office the question asks for ("Turkish President
    # Recep Tayyip Erdogan" for "Who is Turkey's president?", ``qa.roles``): no floor applies.
    office_confirmed: bool = False
    # The best answer dates, in a report's lead, the event that lead reports, and the question
    # asks about that event in the lead's own words ("When did the foreign ministers gather in
    # Moscow?" -> the "Wednesday" of "Foreign ministers ... gathered in Moscow on Wednesday"):
    # neither the floor nor the answerability threshold applies (``Reader._main_event_date``).
    event_dated: bool = False
    floor: float = 0.0  # the least belief the question's answer needs beyond the reader's (``question_floor``)
    # The span head's windows of each passage read, by passage id: a deeper reading of the same
    # question reuses them (``Reader.run``'s ``reuse``).
    windows: dict[int, list[Window]] = field(default_factory=dict, repr=False, compare=False)


def load_weights(path: Path | None = None) -> dict:
    if path is None:
        text = resources.files("qa").joinpath("weights/reader.json").read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    return json.loads(text)




_NORM_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def answer_key(text: str) -> str:
    """SQuAD-style normal form, used to pool agreeing candidates."""
    text = _ARTICLES.sub(" ", _NORM_PUNCT.sub(" ", fold(text)))
    return " ".join(text.split())


SHAPED_CACHE_SENTENCES = 200_000  # sentences whose answer-shaped spans ``Reader`` keeps at once
LISTED_WORDS = 3  # the most words of each item of a list whose order does not matter to its key
# "Earlier Wednesday", "on Wednesday", "in December 2022": the date itself, with a word that
# places it (a preposition, or "earlier" and "later" of the reporting day) before it
_DATE_WORD = rf"(?:{WEEKDAY}|{MONTH_NAMES}|\d{{4}})\b"
# A day, a month, a year, a decade or a century (not a length: "12 years", "more than a decade")
_NAMES_DATE = re.compile(rf"\b(?:{WEEKDAY_NAMES}|{MONTH_NAMES}|\d+(?:st|nd|rd|th)|today|yesterday"
                         r"|\d{2,4}s?(?!\s*(?:years?|months?|weeks?|days?|decades?|centuries|hours?|minutes?)\b))\b",
                         re.IGNORECASE)
_PLACED_DATE = re.compile(rf"^(?:(?:on|in|at|by|earlier|later)\s+)+(?={_DATE_WORD})", re.IGNORECASE)


def placed_date(span: str) -> bool:
    """Whether ``span`` is a date with a word that places it before it ("Earlier Wednesday")."""
    return bool(_PLACED_DATE.match(span))


@lru_cache(maxsize=1 << 17)  # a pure function of the span, asked for every candidate of every reading
def pool_key(span: str) -> str:
    """What candidates that agree share: the normal form (``answer_key``), the same for every
    name of one country ("Türkiye" and "Turkey" vote together), and for a list of short items
    in any order ("Iran, Turkey, Russia and Syria" and "Türkiye, Syria, Russia and Iran"), and
    for a date with or without a word that places it ("Earlier Wednesday", "Wednesday")."""
    span = _PLACED_DATE.sub("", span)  # "Earlier Wednesday" and "Wednesday" vote together
    items = [item for item in LIST_SEPARATOR.split(span) if item.strip()]
    if len(items) > 1 and all(len(item.split()) <= LISTED_WORDS for item in items):
        return " , ".join(sorted(answer_key(same_country(item) or item) for item in items))
    return answer_key(same_country(span) or span)


def answer_features(X: np.ndarray, groups, expected: str, unknown_frac: float, nn_best: float = 0.0) -> np.ndarray:
    """Features of the best pooled answer and of the question's coverage (CONF_FEATURES)."""
    F = FEATURE_ID
    f = np.zeros(len(CONF_FEATURES), np.float32)
    pooled, members = groups[0]
    best = X[members[0].row]
    p = min(max(pooled, 1e-4), 1 - 1e-4)
    second = groups[1][0] if len(groups) > 1 else 0.0
    f[0] = 1.0
    f[1] = math.log(p / (1 - p))
    f[2] = pooled - second
    f[3] = best[F["sent_sim"]]
    f[4] = best[F["sent_overlap"]]
    f[5] = best[F["sent_sim"]] - best[F["sent_sim_gap"]]
    f[6] = best[F["sent_overlap"]] - best[F["sent_overlap_gap"]]
    f[7] = best[F["cand_in_q"]]
    accepted = ACCEPT.get(expected)
    if accepted:
        f[8] = float(any(best[F[f"x:{expected}:{t}"]] for t in accepted))
        f[9] = 1.0
    f[10] = unknown_frac
    f[11] = best[F["passage_dense"]]
    f[12] = math.log1p(len({c.doc for c in members}))
    f[13] = best[F["nn_best_gap"]]
    f[14] = nn_best
    f[15] = best[F["pass_overlap"]]
    f[16] = best[F["pass_missing_idf"]]
    f[17] = best[F["nn_null_gap"]]
    # How spread the belief is over distinct answers, and how closely the question's own terms
    # surround the best one: an answer with no question term nearby is often a guess.
    mass = np.array([g[0] for g in groups], np.float64)
    mass = mass[mass > 0] / max(mass.sum(), 1e-12)
    f[18] = float(-(mass * np.log(mass)).sum())
    f[19] = best[F["prox_inv"]]
    f[20] = best[F["win_overlap"]]
    f[21] = best[F["nn_is_best"]]
    return f


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


def _rare_words(texts: list[str]) -> dict[str, frozenset[int]]:
    """The files that use each capitalised word that at most ``SUBJECT_FILES`` files use."""
    files: dict[str, set[int]] = {}
    for doc, text in enumerate(texts):
        for w in set(CAPITALISED.findall(text)):
            files.setdefault(w, set()).add(doc)
    return {w: frozenset(docs) for w, docs in files.items() if len(docs) <= SUBJECT_FILES}


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


def pool(scores: np.ndarray, cands: list[Candidate], keys: list[str], expected: str,
         unknown_frac: float, X: np.ndarray, nn_best: float = 0.0, drop: np.ndarray | None = None,
         placed: Sequence[bool] | None = None) -> Reading:
    """Softmax over candidate scores, pooled by normalised answer text, best pool first.

    A candidate made only of the question's own words is left out when anything else is
    there: it tells the asker nothing ("Besides opposition groups, who holds territory?" ->
    "opposition groups"), and under 1% of the gold answers of the public sets are such echoes.
    Candidates in ``drop`` (ruled out by the question: ``Reader.ruled_out``) are left out always.
    A pool's mentions are best first, those of a date without the word that places it
    (``placed``: "Wednesday", not "Earlier Wednesday") before the others."""
    if not cands:
        return Reading([], X, [])
    keep = X[:, FEATURE_ID["cand_all_in_q"]] == 0
    if not keep.any():
        keep[:] = True
    if drop is not None:
        keep &= ~drop
        if not keep.any():
            return Reading([], X, [])
    scores = np.where(keep, scores, -np.inf)
    p = np.exp(scores - scores.max())
    p /= p.sum()
    pools: dict[str, list[Candidate]] = {}
    for k, (c, key, pk) in enumerate(zip(cands, keys, p)):
        if key and keep[k]:
            pools.setdefault(key, []).append(Candidate(c.doc, c.start, c.end, c.sentence, c.passage, float(pk), k))
    if not pools:
        return Reading([], X, [])
    groups = [(sum(c.score for c in members), sorted(members, key=lambda c: (bool(placed and placed[c.row]), -c.score)))
              for members in pools.values()]
    groups.sort(key=lambda g: -g[0])
    return Reading(groups, X, cands, answer_features(X, groups, expected, unknown_frac, nn_best), nn_best)


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
        self._page_dates_of: dict[int, list[tuple[int, int]]] = {}  # the same by file: read per candidate
        for d, s, e in self.page_dates:
            self._page_dates_of.setdefault(d, []).append((s, e))
        self._texts = [d.text for d in index.docs]  # raw texts, for the mismatch checks
        self.titles = Titles(self._texts)  # the corpus's titles of names (``qa.roles``)
        self._persons = _person_entities(index)  # names the corpus's entity tagger calls persons
        # Every word the corpus writes in lower case (those it never does are names), and the files
        # of each capitalised word that few files use (``_subject_names``): read once, here, not
        # by the first question.
        self._lower_words = frozenset(w for text in self._texts for w in re.findall(r"\b[a-z][\w-]*", text))
        self._rare_words = _rare_words(self._texts)
        self.leads = Leads(index)  # each file's lead: its sentences and words
        self._shaped_cache: dict[int, np.ndarray] = {}  # ``_answer_shaped``, by sentence
        self._when_for_who = [FEATURE_ID["x:PERSON:DATE"], FEATURE_ID["x:PERSON:NUM"]]
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
        q_weight = {s: (float(ix.idf[ix.vocab_ids[s]]) if s in ix.vocab_ids else float(ix.idf.max(initial=1.0)))
                    for s in set(q.stems)}
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
                        or self._straddles_page_date(doc, start, end))

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
        reading = pool(X @ self.w, cands, keys, q.expected, self.unknown_fraction(q), X, nn_best, drop, placed)
        reading = replace(reading, floor=question_floor(q), windows=windows)
        if reading.groups:
            reading = replace(reading, mismatch=self.mismatch(q, reading.groups[0][1], reading.features))
        if reading.groups and q.office is not None:
            reading = self._holder_of_asked_office(q, reading)
        if reading.groups and q.expected == "PERSON" and (clause := said_clause(q.text)):
            reading = self._speaker_of_clause(q, reading, clause)
        if reading.groups and ASKS_ACTION.search(q.text):
            reading = self._action_first(q, reading)
        if reading.groups and (asked := ASKED_PREPOSITION.match(q.text)):
            reading = self._object_of_asked_preposition(q, reading, asked.group(1).lower())
        if reading.groups and q.form == "quantity" and (counted := counted_words(q.text)):
            reading = self._count_of_asked_thing(q, reading, {stem(w) for w in counted})
        if reading.groups and (asked_many := things_asked(q.text)):
            reading = self._as_many_as_asked(q, reading, asked_many)
        elif reading.groups and q.number == "many":
            reading = self._whole_list(q, reading)
        if reading.groups and q.form == "country":
            reading = self._country_of_capital(q, reading)
        if reading.groups and ASKS_NATIONALITY.search(q.text):
            reading = self._nationality_alone(q, reading)
        if reading.groups and q.expected == "DATE" and q.unit != "duration":
            reading = self._main_event_date(q, reading, event_depth)
        if reading.groups:  # "When was COVID-19 declared an emergency?" -> not the day it was "no longer" one
            reading = self._first_that(q, reading, lambda members: not says_no_more(q.text, self._sentence(members[0])))
        if reading.groups:
            reading = self._of_subject_asked(q, reading)
        if reading.groups and reading.mismatch:
            reading = self._next_that_can(q, reading)
        if timings is not None:
            timings["candidates"] = (time.perf_counter() - t0) * 1e3 - timings.get("span_head", 0.0)
        return reading

    def _speaker_of_clause(self, q: Question, reading: Reading, clause: list[str], depth: int = 10) -> Reading:
        """Where the best answer's sentence (and the ``CLAUSE_AFTER`` after it) holds under
        ``CLAUSE_MISSED`` of the words "Who said that ...?" quotes, and another answer's among
        the ``depth`` best holds ``CLAUSE_SAID`` of them, put that one first, as
        ``_first_instead`` does. "Syria’s Foreign Minister Faisal Mekdad ... 'despite all the
        negatives of the past years'" does not answer "Who said that the two could put the past
        behind them?"; "Hossein Amir-Abdollahian said ... 'these two countries can put the past
        behind them,' he said" does."""
        clause_set = set(clause)

        def held(members: list[Candidate]) -> float:
            """The most of the clause's words one of the answer's first mentions holds."""
            return max(len(clause_set & set(content_stems(self._window(c, 0, CLAUSE_AFTER))))
                       for c in members[:3]) / len(clause_set)

        if held(reading.groups[0][1]) >= CLAUSE_MISSED:
            return reading
        for k, (_, members) in enumerate(reading.groups[1:depth], start=1):
            if held(members) >= CLAUSE_SAID:
                return self._first_instead(q, reading, k)
        return reading

    def _action_first(self, q: Question, reading: Reading) -> Reading:
        """Where a question asks what someone did or can do ("What can Syria and Turkey do about
        the past?") and the best answer does not open with a verb ("the past behind them ..."),
        put first the best of the ``ACTION_DEPTH`` best that does ("put the past behind them
        ..."), as ``_first_instead`` does."""
        def opens_with_verb(members: list[Candidate]) -> bool:
            toks = span_tokens(self.index, members[0], members[0].start, members[0].end)
            return bool(toks) and bool(self.index.analysis.tok_flags[toks[0]] & F_VERB)

        return self._first_that(q, reading, opens_with_verb)

    def _first_that(self, q: Question, reading: Reading, holds: Callable[[list[Candidate]], bool],
                    depth: int = ACTION_DEPTH) -> Reading:
        """The reading as it is where its best answer ``holds``, else with the first of the
        ``depth`` best that does put first (``_first_instead``), if any."""
        if holds(reading.groups[0][1]):
            return reading
        for k, (_, members) in enumerate(reading.groups[1:depth], start=1):
            if holds(members):
                return self._first_instead(q, reading, k)
        return reading

    def _next_that_can(self, q: Question, reading: Reading) -> Reading:
        """Where the best answer cannot be right (``Reading.mismatch``), the first of the next
        ``MISMATCH_DEPTH`` that can and is a date or a number where one is asked, put first with
        its own probability (no belief passes to it), so that the floor and the answerability
        judge it as it is."""
        p0 = reading.groups[0][0]
        # a date or a number where one is asked (not "pending" for "When will ...?"); the tagger
        # misses too many rare names to ask the same of a person or a place ("Pujato")
        accepted = [FEATURE_ID[f"x:{q.expected}:{t}"] for t in ACCEPT.get(q.expected, ()) if t in ("DATE", "NUM")]
        for k, (pk, members) in enumerate(reading.groups[1:MISMATCH_DEPTH], start=1):
            if pk < MISMATCH_SHARE * p0:
                break
            if accepted and not reading.features[members[0].row, accepted].any():
                continue
            if not (why := self.mismatch(q, members, reading.features)):
                groups = [reading.groups[k], *reading.groups[:k], *reading.groups[k + 1:]]
                features = answer_features(reading.features, groups, q.expected, self.unknown_fraction(q),
                                           reading.nn_best)
                return replace(reading, groups=groups, answer_features=features, mismatch=why)
        return reading

    def _object_of_asked_preposition(self, q: Question, reading: Reading, preposition: str) -> Reading:
        """Where "With whom ...?" is best answered by the object of a "with" that follows no word
        of the question ("made up with former rivals") and another answer among the
        ``ACTION_DEPTH`` best follows one that does ("a presidential summit with Assad"), put that
        one first, as ``_first_instead`` does."""
        asked = set(q.stems)
        after = OBJECT_OF[preposition]

        def governed(members: list[Candidate]) -> bool:
            """Whether one of the answer's first mentions is the object of such a preposition."""
            for c in members[:3]:
                m = after.search(self._texts[c.doc][max(0, c.start - OBJECT_WINDOW) : c.start])
                if m and asked.intersection(content_stems(m.group("words"))):
                    return True
            return False

        return self._first_that(q, reading, governed)

    def _thing_counted(self, c: Candidate) -> str | None:
        """The stem of the common noun right after a number ("goal" for the "seven" of "seven
        goals"), past words of magnitude ("7 million deaths") and a hyphen ("four-way"); None
        where no noun follows in the sentence ("seven in all", "3.5 million Syrian refugees")."""
        a, text = self.index.analysis, self._texts[c.doc]
        for t in range(int(a.sent_tok[c.sentence]), int(a.sent_tok[c.sentence + 1])):
            if int(a.tok_start[t]) < c.end:
                continue
            word = text[a.tok_start[t] : a.tok_end[t]]
            if word == "-" or word.lower() in _MAGNITUDES:
                continue
            flags = int(a.tok_flags[t])
            return stem(word.lower()) if flags & F_NOUN and not flags & F_PROPN else None
        return None

    def _count_of_asked_thing(self, q: Question, reading: Reading, asked: set[str]) -> Reading:
        """Where "How many assists ...?" is best answered by a number of another thing (the
        "seven" of "seven goals and three assists") and another answer among the
        ``ACTION_DEPTH`` best is one number of the asked thing in the same passage ("three"), put
        that one first, as ``_first_instead`` does. Not for a unit of time ("How many years ...?"
        -> "two decades"), nor for people at large ("How many people speak French?" -> "more than
        600,000 francophones"), nor where the best answer's first mention counts nothing named."""
        if asked & (TIME_UNITS | _ANYONE):
            return reading
        best = reading.groups[0][1]
        things = [self._thing_counted(c) for c in best[:3]]
        if things[0] is None or asked.intersection(things):
            return reading
        passages = {c.passage for c in best}
        a = self.index.analysis

        def counts_asked(members: list[Candidate]) -> bool:
            """Whether one of the answer's first mentions is one number, of the asked thing."""
            return any(c.passage in passages and self._thing_counted(c) in asked
                       and sum(bool(a.tok_flags[t] & F_NUM) for t in span_tokens(self.index, c, c.start, c.end)) == 1
                       for c in members[:3])

        return self._first_that(q, reading, counts_asked)

    def _as_many_as_asked(self, q: Question, reading: Reading, asked: int) -> Reading:
        """Where "Which three countries ...?" is best answered by fewer things ("Russian") and
        another answer among the ``ACTION_DEPTH`` best lists as many as asked ("Russian, Syrian
        and Turkish"), put that one first, as ``_first_instead`` does."""
        def listed(members: list[Candidate]) -> int:
            c = members[0]
            return things_listed(self._texts[c.doc][c.start : c.end])

        if listed(reading.groups[0][1]) >= asked:
            return reading
        return self._first_that(q, reading, lambda members: listed(members) == asked)

    def _whole_list(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where "Which countries took part?" (several things, no count) is best answered by part
        of a list of names (proper nouns: not "defense ministers and intelligence chiefs", whose
        kinds of official "Which officials ...?" does not all ask for, nor "Currently, ELISA and
        IFA") such as "Turkey and Syria" that another answer among the ``depth`` best
        gives whole ("Türkiye, Syria, Russia and Iran"), and the answers that are parts of that
        list ("Russia and Iran", "Turkey") hold at least ``LIST_SUPPORT`` of the belief together,
        put the whole list first, as ``_first_instead`` does: the reader's belief spread over the
        parts of one list is belief in the list."""
        a = self.index.analysis

        def items(members: list[Candidate]) -> frozenset[str] | None:
            c = members[0]
            parts = [p for p in LIST_SEPARATOR.split(self._texts[c.doc][c.start : c.end]) if p.strip()]
            if any(len(p.split()) > LISTED_WORDS for p in parts) or not all(
                    a.tok_flags[t] & (F_PROPN | F_PUNCT) or self._texts[c.doc][a.tok_start[t] : a.tok_end[t]].lower()
                    in _LIST_WORDS for t in span_tokens(self.index, c, c.start, c.end)):
                return None
            return frozenset(pool_key(p) for p in parts)

        listed = [(score, items(members)) for score, members in reading.groups[:depth]]
        top = listed[0][1]
        if top is None:
            return reading
        best_k, best_support = 0, 0.0
        for k, (_, whole) in enumerate(listed[1:], start=1):
            if whole is None or len(whole) <= len(top) or not top <= whole:
                continue
            support = sum(score for score, part in listed if part is not None and part <= whole)
            if support >= LIST_SUPPORT and support > best_support:
                best_k, best_support = k, support
        return self._first_instead(q, reading, best_k) if best_k else reading

    def _country_of_capital(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where "Which country hosted the talks?" is best answered by a capital ("Moscow", which
        news writes for its government) and the capital's country ("Russia") is among the
        ``depth`` best answers, put the country first, as ``_first_instead`` does."""
        best = reading.groups[0][1][0]
        country = capital_named(self._texts[best.doc][best.start : best.end])
        if not country:
            return reading

        def is_country(members: list[Candidate]) -> bool:
            c = members[0]
            return same_country(self._texts[c.doc][c.start : c.end]) == country

        return self._first_that(q, reading, is_country, depth)

    def _nationality_alone(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where "What nationality was the referee?" is best answered by words that name a
        country among others ("Szymon Marciniak of Poland"), put first the best of the ``depth``
        best that is a country's name or adjective alone ("Poland", "Polish"), as
        ``_first_instead`` does. A best answer that names no country is left to the reader: the
        list of countries' adjectives is not every nationality's."""
        best = reading.groups[0][1][0]
        span = self._texts[best.doc][best.start : best.end]
        if not country_of(span) or country_of_whole(span):
            return reading

        def alone(members: list[Candidate]) -> bool:
            c = members[0]
            return bool(country_of_whole(self._texts[c.doc][c.start : c.end]))

        return self._first_that(q, reading, alone, depth)

    def _main_event_date(self, q: Question, reading: Reading, depth: int) -> Reading:
        """Where "When ...?" asks in words that all stand in a report's lead (its first
        ``LEAD_SENTENCES``) about the event that lead dates, and the best answer is
        no date of a lead, put first the best answer among the ``depth`` best that is one, as
        ``_first_instead`` does: "When did the ministers meet in Moscow?" -> "Wednesday", not the
        "late last month" of the defense ministers' meeting. A word the lead lacks ("When did
        the defense ministers meet?") leaves the reading as it is. A best answer that is such a
        date, for any question asking a date, is confirmed by the lead (``Reading.event_dated``);
        only "When ...?" has another answer put first: a Wikipedia article's lead ("What year was
        Vietnam colonized by the French?") tells of more than one time."""
        terms = set(_event_terms(q))

        def lead_dates(members: list[Candidate]) -> list[Candidate]:
            return [c for c in members if self._lead_date(reading, c) and self.leads.holds_all(terms, c.doc)]

        if not terms:
            return reading
        if lead_dates(reading.groups[0][1]):
            return replace(reading, event_dated=True)
        if q.wh != "when" or all(self._lead_date(reading, c) for c in reading.groups[0][1]):
            return reading
        for k, (_, members) in enumerate(reading.groups[1:depth], start=1):
            if lead_dates(members):
                return self._first_instead(q, reading, k, event_dated=True)
        return reading

    def reports_event(self, q: Question, passage: int) -> bool:
        """Whether ``passage`` holds the lead of its report and that lead holds every word of
        what "When ...?" asks about (``_event_terms``): the passage that dates the event the
        report is about, which ``_main_event_date`` puts first."""
        doc = int(self.index.pass_doc[passage])
        first, last = self.leads.sentences(doc)
        terms = set(_event_terms(q))
        return bool(terms) and last > first \
            and int(self.index.pass_sent_lo[passage]) <= first < int(self.index.pass_sent_hi[passage]) \
            and self.leads.holds_all(terms, doc)

    def dates_lead(self, reading: Reading) -> bool:
        """Whether the best answer is a date in a report's lead (``_main_event_date``'s choice)."""
        return bool(reading.groups) and any(self._lead_date(reading, c) for c in reading.groups[0][1])

    def _lead_date(self, reading: Reading, c: Candidate) -> bool:
        """Whether ``c`` is a date in its report's lead that names a day, a month or a year: not
        a length ("after more than a decade of isolation") nor a habit ("monthly")."""
        return reading.features[c.row, FEATURE_ID["x:DATE:DATE"]] > 0 and self.leads.holds_sentence(c.doc, c.sentence) \
            and bool(_NAMES_DATE.search(self._texts[c.doc][c.start : c.end]))

    def _first_instead(self, q: Question, reading: Reading, k: int, **changes) -> Reading:
        """The reading with its ``k``-th answer first: the two trade their probabilities (the
        reader's belief in its first answer passes to the one a check confirms), and the new
        first is described for the confidence by its own features."""
        (p0, first), (pk, other) = reading.groups[0], reading.groups[k]
        groups = [(p0, other), *reading.groups[1:k], (pk, first), *reading.groups[k + 1:]]
        features = answer_features(reading.features, groups, q.expected, self.unknown_fraction(q), reading.nn_best)
        return replace(reading, groups=groups, answer_features=features,
                       mismatch=self.mismatch(q, groups[0][1], reading.features), **changes)

    def _holder_of_asked_office(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where the best answer is not titled with the office the question asks for (it holds
        another: "Who is Turkey's president?" -> "Bashar al-Assad", titled Syrian president; or
        it has no title: "Who represented Syria?" -> "Türkiye"), put first the next answer among
        the ``depth`` best that the corpus titles with the asked office, if any. The two trade
        their probabilities: the reader's belief that its first answer is the person asked for
        passes to the one the titles confirm, which is then described for the confidence by its
        own features (its sentence, its passage, its agreement across files)."""
        for k, (_, members) in enumerate(reading.groups[:depth]):
            c = members[0]
            if holds_asked_office(self.titles, q.office, self._texts[c.doc][c.start : c.end]):
                if k == 0:
                    return replace(reading, office_confirmed=True)
                return self._first_instead(q, reading, k, office_confirmed=True)
        return reading

    def mismatch(self, q: Question, members: list[Candidate], X: np.ndarray) -> str:
        """Why the best pooled answer (``members``, best first; ``X`` the candidates' features)
        cannot answer ``q``; see ``Reading.mismatch``."""
        texts = self._texts
        best = members[0]
        # "What is the exact date of the April meeting?" asks a date whatever its wh-word's type
        dated = q.expected == "DATE" or q.form in ("date", "day", "month", "month-year", "year")
        span = texts[best.doc][best.start : best.end]
        if stop_words_only(span):
            return "form"  # "When will the court hear the appeal?" -> "before" says nothing
        if self._unrelated(q, members, X):
            return "unrelated"  # "Who wrote Hamlet?" -> "Sergei Lavrov": no passage of it speaks of the question
        if q.form and not names_form(span, q.form):
            return "form"
        if q.form == "city" and REGION_AFTER.match(texts[best.doc], best.end):
            return "form"  # "In which town ...?" -> the "Santa Fe" of "Santa Fe province"
        if q.expected == "PERSON" and all(X[c.row, self._when_for_who].any() for c in members):
            return "form"  # "Whom did he meet?" -> "last month": a date or a number is nobody
        if q.wh == "which" and q.expected == "PERSON" and q.number == "one" and not any(ch.isupper() for ch in span):
            return "form"  # "Which opposition leader condemned it?" -> "vindication of ...": no one's name
        if WHAT_SAID.search(q.text) and all(X[c.row, FEATURE_ID[f"x:{q.expected}:PERSON"]] for c in members):
            return "form"  # "What did the minister say?" -> "Hossein Amir-Abdollahian"
        if q.wh in ("who", "whom") and (tokens := words(span)) and stem(tokens[-1]) in GATHERING:
            return "form"  # "Who attended the meeting?" -> "Arab League summit": a gathering is nobody
        if q.wh == "why" and (TIME_ONLY.fullmatch(span) or time_and_place_only(span)):
            return "form"  # "Why was Syria suspended?" -> "more than 10 years": a time is no reason
        if QUESTION_FORM.match(span):
            return "form"  # "What reason did the board give?" -> the heading "Why was Altman fired"
        names = speaker_names(q.text) or [n for n in according_to_names(q.text) if self.titles(n)]
        if names and not self._names_near(best, names):
            return "speaker"  # "What did Mekdad say about the invitation?" -> a sentence that is not his
        offices = speaker_offices(q.text)
        if offices and not names and not speaks_as(self.titles, offices, self._window(best, SPEAKER_WINDOW)):
            return "speaker"  # "What did Iran's foreign minister say?" -> words of Syria's
        if dated and other_month(q.text, span):
            return "date"
        # "How many refugees was Turkey hosting in 2015?" -> the figure of reports dated 2023, which
        # never name 2015 (files that agree on an answer tell of the same time)
        if (year := ASKED_YEAR.search(q.text)) and not any(year.group() in texts[c.doc] for c in members) \
                and any(self._dated_another_year(c.doc, year.group()) for c in members):
            return "date"
        if dated and (VAGUE_TIME.fullmatch(span) or q.unit != "duration" and UNIT_ALONE.fullmatch(span)):
            return "vague"
        if q.form == "quantity" and all(counts_other(q.text, texts[c.doc], c.end) for c in members):
            return "count"  # "How many advisers?" -> the "four" of "four-way talks"
        if q.form == "quantity" and counts_time(q.text, span):
            return "count"  # "How many members sit on the committee?" -> "1,191 days"
        if ASKS_WINNER.search(q.text):
            if not any(WINNING.search(self._window(c, WINNER_WINDOW, WINNER_WINDOW)) for c in members):
                return "outcome"  # "Who won the election?" -> "President Erdogan is courting a summit"
            if all(played_against(texts[c.doc], c.start) for c in members):
                return "outcome"  # "Who won the final?" -> the "Italy" of "won ... the Finalissima against Italy"
        # An age is judged on every mention of it (the same number may give one person's age in
        # several files); kin and roles on the best-scored one, as other mentions of a name say
        # nothing of the relation asked.
        if all(age_of_other(q.text, texts[c.doc], c.start, c.end) for c in members):
            return "subject"  # "How old is John Mauger?" -> the "58" of "Hamish Harding, 58,"
        if other_kin(q.text, texts[best.doc], best.start, best.end):
            return "kin"  # "Who is Shahzada Dawood's father?" -> the "Suleman" of "and his son Suleman"
        if reversed_roles(q.text, texts[best.doc], best.start, best.end):
            return "roles"  # "Which team did France beat?" -> the "Argentina" of "Argentina beat France"
        if q.wh == "where" and all(played_against(texts[c.doc], c.start) for c in members):
            return "place"  # "Where was the final played?" -> the "Italy" of "the Finalissima against Italy": a side
        if (acronym := STANDS_FOR.search(q.text)) and fold(span)[:1].lower() != fold(acronym.group(1))[:1].lower():
            return "form"  # "What does SANA stand for?" -> "Faisal Mekdad"
        if q.number == "one" and VAGUE_MANY.match(span):
            return "vague"  # "Which militant group controls the northwest?" -> "various militias"
        if EXACT_COUNT.search(q.text) and VAGUE_COUNT.fullmatch(span):
            return "vague"
        if holds_other_office(self.titles, q.office, span):
            return "office"
        if q.office is not None and q.office.role in OFFICER_ROLES and not self.titles.names_role(q.office):
            return "office"  # "Who is OpenAI's chief financial officer?": the corpus names no such post
        if q.office is not None and q.expected == "PERSON" and not any(ch.isupper() for ch in span):
            return "office"  # "Who heads Turkey's intelligence agency?" -> "deputy foreign ministers": no holder
        if dated and all(self._on_page_date(c) for c in members) \
                and (LOOKS_AHEAD.search(q.text) or not self._about_lead(q, best.doc)):
            return "page-date"
        if dated and not asks_statement(q.text) \
                and all(dates_a_statement(texts[c.doc], c.start) for c in members):
            return "said"
        if (NEXT_EVENT.search(q.text) or ASKS_AHEAD.search(q.text)) and not self._speaks_ahead(best):
            return "ahead"
        if q.office is None and all(other_portfolio(q.text, self._sentence(c), span) for c in members):
            return "office"  # "When did the foreign ministers meet?" -> "the defense ministers met ..."
        if q.countries and all(self._about_another_country(c, q.countries) for c in members):
            return "country"
        if agent := subject_country(q.text):
            # "In what year did Iran intervene?" -> "Moscow, which intervened in 2015"; where the sentences
            # before name no country, the passage must name the asked one ("Argentina ... President
            # Alberto Fernandez declared Tuesday ... a national holiday")
            near = countries_named(self._window(best, SPEAKER_WINDOW))
            if agent not in near and (near or agent not in countries_named(self.index.passage_text(best.passage))):
                return "country"
        if (offices := subject_offices(q.text)) and q.office is None \
                and not speaks_as(self.titles, offices, self._window(best, SPEAKER_WINDOW)):
            return "subject"  # "When did the Saudi foreign minister visit Damascus?" -> the summit's date
        if all(other_partner(q.text, self._sentence(c)) for c in members):
            return "country"  # "When did Turkey sever its relations with Iran?" -> "... with Syria in March 2012"
        if dated and ASKS_STATEMENT.search(q.text) \
                and not any(STATING & {stem(w) for w in words(self._sentence(c))} for c in members):
            return "statement"  # "When did Assad confirm he would attend the summit?" -> the summit's date
        if q.expected != "LOC" and all(located_elsewhere(q.text, self._sentence(c)) for c in members):
            return "place"  # "Who represented Saudi Arabia at the meeting in Moscow?" -> "... visited Damascus"
        names = subject_names(q.text)  # a person the corpus titles: not a source ("What does AFP call ...?")
        if names and any(self.titles(n) for n in names) and not self._names_near(best, names):
            return "subject"  # "When did Putin meet Assad?" -> "the defense ministers ... met late last month"
        # "When did Turkey restore ties?" -> "Turkey severed its relations ... in March 2012"; but the
        # end of a state tells how long it lasted ("suspended for how long?" -> "reinstated after 12 years")
        if q.unit != "duration" and all(contrary_event(q.text, self._sentence(c)) for c in members):
            return "contrary"
        if dated or q.expected == "LOC":
            if all(other_event(q.text, self._sentence(c)) for c in members):
                return "event"  # "When did Turkey pull its troops out?" -> "severed its relations in March 2012"
            if (held := HELD_EVENT.search(q.text)) and held.group("event").lower() not in ANY_EVENT \
                    and stem(held.group("event")) not in self.index.vocab_ids:
                return "event"  # "Where did they hold their press conference?": the corpus tells of none
        return ""

    def _unrelated(self, q: Question, members: list[Candidate], X: np.ndarray) -> bool:
        """Whether every mention of the answer comes from a passage about something else than the
        question: one that holds none of its words and is far from it in meaning
        (``UNRELATED_DENSE``), or, for a question most of whose words the corpus never uses, one
        far from it whose sentence is far from it too (``UNKNOWN_SHARE``). Not for questions about
        the page itself ("Who took the photo?"), whose words a caption or byline seldom repeats."""
        if not q.stems or q.furniture or self._name_beside(q, members):
            return False
        rows = [c.row for c in members]
        dense, shared = X[rows, FEATURE_ID["passage_dense"]], X[rows, FEATURE_ID["pass_overlap"]]
        if ((shared == 0) & (dense < UNRELATED_DENSE)).all():
            return True
        return self.unknown_fraction(q) >= UNKNOWN_SHARE \
            and bool(((dense < FAR_PASSAGE) & (X[rows, FEATURE_ID["sent_sim"]] < FAR_SENTENCE)).all())

    def _name_beside(self, q: Question, members: list[Candidate]) -> bool:
        """Whether a name the question gives (a word the corpus writes only capitalised: "SANA",
        "Engro") stands within ``NAME_BESIDE`` characters of a mention of the answer, in its
        sentence: "What kind of outlet is SANA?" -> "Syrian state news agency SANA" speaks of
        what is asked, however far apart the two are in meaning."""
        names = [w for w in re.findall(r"(?<=\s)[A-Z][\w-]+", q.text) if w.lower() not in self._lower_words]
        if not names:
            return False
        pattern = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in names)})\b")
        a = self.index.analysis
        for c in members:
            lo = max(int(a.sent_start[c.sentence]), c.start - NAME_BESIDE)
            hi = min(int(a.sent_end[c.sentence]), c.end + NAME_BESIDE)
            if pattern.search(self._texts[c.doc], lo, hi):
                return True
        return False

    def _subject_names(self, q: Question) -> frozenset[str]:
        """The names the question gives (words the corpus writes only capitalised, after its first)
        that few files use (``SUBJECT_FILES``) and that name no country: what it is about."""
        return frozenset(w for w in CAPITALISED.findall(q.text, 1) if len(w) > 1 and w in self._rare_words
                         and w.lower() not in self._lower_words and not countries_named(w))

    def _of_subject_asked(self, q: Question, reading: Reading, depth: int = ACTION_DEPTH) -> Reading:
        """Where no file of the best answer uses a name the question is about (``_subject_names``)
        and the passage of one of the ``depth`` best does, put that one first (``_first_instead``):
        "When was Dodger Stadium built?" -> not "2000" from another stadium's article. A refusal is
        left as it is: the passage that names the subject may still not answer."""
        names = self._subject_names(q)
        if not names or self.refuses(reading):
            return reading
        if any(c.doc in self._rare_words[w] for w in names for c in reading.groups[0][1]):
            return reading
        ix, texts = self.index, self._texts

        def names_subject(members: list[Candidate]) -> bool:
            return any(not names.isdisjoint(CAPITALISED.findall(texts[c.doc], ix.pass_start[c.passage],
                                                                ix.pass_end[c.passage])) for c in members)

        return self._first_that(q, reading, names_subject, depth)

    def ruled_out(self, q: Question, span: str) -> bool:
        """Whether the question's own words rule ``span`` out, whatever its score: "Which Arab
        foreign ministers ...?" is not answered by a country, or a person the corpus titles as
        acting for one, that is no Arab state (``roles.ARAB_STATES``): not "Iran" nor "Hossein
        Amir-Abdollahian"."""
        if not ASKS_ARAB.search(q.text):
            return False
        countries = {country_of(span)} - {""} or {office.country for office in self.titles(span)} - {""}
        return bool(countries) and not countries & ARAB_STATES

    def _names_near(self, c: Candidate, names: list[str]) -> bool:
        """Whether the candidate's sentence, or one of the ``SPEAKER_WINDOW`` before it in its
        file, holds one of ``names``."""
        window = self._window(c, SPEAKER_WINDOW)
        return any(re.search(rf"\b{re.escape(n)}", window) for n in names)

    def _about_lead(self, q: Question, doc: int) -> bool:
        """Whether ``q`` asks about what the file's lead (its first ``LEAD_SENTENCES``) reports,
        the event its page date dates: at least half the question's own terms (less the
        countries it names and words of time and occurrence, ``EVENT_FILLER``) are there. The
        date at the top of a report of talks does not date an election or a break of ties."""
        terms = _event_terms(q)
        return not terms or sum(self.leads.holds(t, doc) for t in terms) * 2 >= len(terms)

    def _speaks_ahead(self, c: Candidate) -> bool:
        a = self.index.analysis
        first = int(a.sent_start[c.sentence])
        return speaks_ahead(self._sentence(c), c.start - first, c.end - first)

    def _window(self, c: Candidate, before: int, after: int = 0) -> str:
        """The candidate's sentence with up to ``before`` sentences before it and ``after`` after
        it, in its file."""
        a = self.index.analysis
        first = last = c.sentence
        while first > 0 and c.sentence - first < before and a.sent_doc[first - 1] == a.sent_doc[c.sentence]:
            first -= 1
        while last + 1 < len(a.sent_doc) and last - c.sentence < after and a.sent_doc[last + 1] == a.sent_doc[c.sentence]:
            last += 1
        return self._texts[c.doc][a.sent_start[first] : a.sent_end[last]]

    def _sentence(self, c: Candidate) -> str:
        a = self.index.analysis
        return self._texts[c.doc][a.sent_start[c.sentence] : a.sent_end[c.sentence]]

    def _about_another_country(self, c: Candidate, named: frozenset[str]) -> bool:
        """Whether the candidate's sentence is about another country than the question: it
        leaves out a country the question names, and its subject is a country the question
        does not name ("How many Syrian refugees does Iran host?" -> "It [Turkey] is also
        hosting more than 3.5 million refugees"; the index resolves "It"). A candidate inside
        the subject answers "which country" and is not about another."""
        a, text = self.index.analysis, self._texts[c.doc]
        if named <= countries_named(self._sentence(c)):
            return False
        lo, hi = int(a.sent_subj_lo[c.sentence]), int(a.sent_subj_hi[c.sentence])
        if lo < 0 or a.tok_start[lo] <= c.start < a.tok_end[hi - 1]:
            return False
        country = country_named_by(text[a.tok_start[lo] : a.tok_end[hi - 1]])
        return bool(country) and country not in named

    def _dated_another_year(self, doc: int, year: str) -> bool:
        """Whether ``doc`` is a report dated (``page_dates``) in another year than ``year``: it
        tells how things stood at its date."""
        dates = [self._texts[doc][s:e] for s, e in self._page_dates_of.get(doc, ())]
        return bool(dates) and not any(year in t for t in dates)

    def _straddles_page_date(self, doc: int, start: int, end: int) -> bool:
        """Whether ``[start, end)`` runs from the line that dates the page into the text after it
        ("2023-05-10 Türkiye and Syria" of "date 2023-05-10 Türkiye and Syria will come up
        ..."): the date and the report's first words are no one answer."""
        return any(start < e and s < end and not (s <= start and end <= e) for s, e in self._page_dates_of.get(doc, ()))

    def _on_page_date(self, c: Candidate) -> bool:
        return any(s <= c.start and c.end <= e for s, e in self._page_dates_of.get(c.doc, ()))

    def unknown_fraction(self, q: Question) -> float:
        """Share of the question's terms that occur nowhere in the corpus."""
        if not q.stems:
            return 1.0
        return 1.0 - sum(s in self.index.vocab_ids for s in q.stems) / len(q.stems)

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


# People at large, whom a number of any kind of people counts ("600,000 francophones")
_ANYONE = frozenset(stem(w) for w in "people persons individuals humans inhabitants residents".split())
# Words of magnitude between a number and what it counts ("7 million deaths")
_MAGNITUDES = frozenset("hundred hundreds thousand thousands million millions billion billions trillion".split())

# How many take part ("the four foreign ministers"): a lead lists them rather than counts them.
_COUNTS = frozenset("two three four five six seven eight nine ten".split())


# A number alone, in figures or words: as an answer, one the question holds says nothing new
# (no public gold answer is a number of its question).
_NUMBER = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred"
                     r"|thousand|million|billion)\b", re.IGNORECASE)


def _numbers_of(question: str) -> set[str]:
    """The question's numbers, in their pooled form (``pool_key``): not the "one" of "someone"."""
    return {pool_key(m.group()) for m in _NUMBER.finditer(question)} - {""}


def _event_terms(q: Question) -> list[str]:
    """The stems of what a question asks about, less the countries it names, how many take part
    (``_COUNTS``) and words of time and occurrence (``EVENT_FILLER``): what a report's lead
    must hold for the question to be about the event the lead reports."""
    return [stem(w) for w in words(q.text) if fold(w) not in STOP_WORDS and stem(w) not in EVENT_FILLER
            and fold(w).lower() not in _COUNTS and not country_of(w)]


# Besides proper nouns, the words a list of names may hold ("Bashar al-Assad", "Russia and Iran",
# "StarCraft and World of Warcraft")
_LIST_WORDS = frozenset(("and", "or", "-", "of", *NAME_PARTICLES))


def _logistic(x: np.ndarray | None, w: np.ndarray) -> float:
    return 0.0 if x is None else _sigmoid(float(x @ w))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

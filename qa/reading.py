"""What the reader hands on: candidates, their pooling into answers, and the answer's features.

A ``Candidate`` is a token span of a sentence of a retrieved passage, scored by the reader's
linear model over ``FEATURES``; ``pool`` turns the scores into probabilities and pools the
candidates whose normal form agrees (``pool_key``), so one answer found in several files wins
together and every supporting file is cited. A ``Reading`` is the result, best answer first,
with what the checks of ``qa/verify.py`` and the second looks of ``qa/second_look.py`` found.
``answer_features`` describe the best answer for the confidence and answerability models.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from qa.analysis import DEPS, TYPES
from qa.checks import WEEKDAY
from qa.question import EXPECTED, MONTH_NAMES, Question
from qa.roles import same_country
from qa.span import Window
from qa.text import LIST_SEPARATOR, fold

if TYPE_CHECKING:
    from qa.index import CorpusIndex

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
ENTITY_EXPECTED = ("PERSON", "ORG", "LOC", "DATE", "NUM")  # questions wanting a name, date or number


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
    # else than the question: ``Verifier.unrelated``).
    mismatch: str = ""
    # The corpus titles the best answer with the office the question asks for ("Turkish President
    # Recep Tayyip Erdogan" for "Who is Turkey's president?", ``qa.roles``): no floor applies.
    office_confirmed: bool = False
    # The best answer dates, in a report's lead, the event that lead reports, and the question
    # asks about that event in the lead's own words ("When did the foreign ministers gather in
    # Moscow?" -> the "Wednesday" of "Foreign ministers ... gathered in Moscow on Wednesday"):
    # neither the floor nor the answerability threshold applies (``SecondLook._main_event_date``).
    event_dated: bool = False
    floor: float = 0.0  # the least belief the question's answer needs beyond the reader's (``question_floor``)
    # The span head's windows of each passage read, by passage id: a deeper reading of the same
    # question reuses them (``Reader.run``'s ``reuse``).
    windows: dict[int, list[Window]] = field(default_factory=dict, repr=False, compare=False)


_NORM_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def answer_key(text: str) -> str:
    """SQuAD-style normal form, used to pool agreeing candidates."""
    text = _ARTICLES.sub(" ", _NORM_PUNCT.sub(" ", fold(text)))
    return " ".join(text.split())


LISTED_WORDS = 3  # the most words of each item of a list whose order does not matter to its key
# "Earlier Wednesday", "on Wednesday", "in December 2022": the date itself, with a word that
# places it (a preposition, or "earlier" and "later" of the reporting day) before it
_DATE_WORD = rf"(?:{WEEKDAY}|{MONTH_NAMES}|\d{{4}})\b"
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


def unknown_fraction(q: Question, index: CorpusIndex) -> float:
    """Share of the question's terms that occur nowhere in the corpus."""
    if not q.stems:
        return 1.0
    return 1.0 - sum(s in index.vocab_ids for s in q.stems) / len(q.stems)

"""Hybrid retrieval on the real index: reciprocal rank fusion, and the leads it must not bury."""

from __future__ import annotations

import numpy as np
import pytest

from qa.lexical import bm25_scores
from qa.pipeline import READ_DEPTH
from qa.retrieve import _stem_seq, shared_run

QUESTIONS = (
    "Among whom is momentum toward diplomatic engagement said to be building?",
    "Which Syrian official did SANA quote?",
    "Why did Turkey send its troops into northern Syria?",
    "What did the Iranian foreign minister say about American power?",
    "When was Resolution 2254 endorsed?",
)


def _firsts(pipeline, question: str) -> tuple[int, int]:
    """The first passage of the dense ranking and of the BM25 ranking, searched directly."""
    q_vec = pipeline.encoder.encode([question])[0]
    index = pipeline.index
    _, dense_i = index.dense.search(q_vec.reshape(1, -1), 1)
    q = pipeline.read(question)[0]
    lex = bm25_scores(index.bm25, pipeline.retriever.term_ids(q.stems))
    return int(dense_i[0][0]), int(np.argmax(lex))


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_first_of_each_ranking_is_read(pipeline, question):
    """Whatever fusion makes of them, the best passage by meaning and the best by words are
    among the passages read: in the first ``READ_DEPTH`` hits, or marked as leads just after."""
    _, hits, reading = pipeline.read(question)
    read = {h.passage for h in hits[:READ_DEPTH]} | {h.passage for h in hits if h.lead}
    for first in _firsts(pipeline, question):
        assert first in read
    assert all(h.rank < READ_DEPTH + 3 for h in hits if h.lead)
    assert not any(h.lead for h in hits[:READ_DEPTH])  # a lead is only marked where it was moved up
    assert read <= set(reading.windows)  # the span head read them all
    assert [h.rank for h in hits] == list(range(len(hits)))


def test_a_lead_far_ahead_on_words_answers(pipeline):
    """BM25 ranks the closing paragraph of one report far ahead of every other for this
    question (all its rare words), the encoder ranks it low, and fusion puts it fourth: read as
    a lead, it gives the answer, cited with exact offsets."""
    question = "Among whom is momentum toward diplomatic engagement said to be building?"
    _, hits, _ = pipeline.read(question)
    lead = next(h for h in hits if h.lead)
    assert lead.rank >= READ_DEPTH and lead.bm25 > 2 * max(h.bm25 for h in hits if h is not lead)
    answer = pipeline.ask(question)
    assert answer.answer == "key regional stakeholders"
    c = answer.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == answer.answer


def test_an_office_holder_is_searched_for_beyond_the_leads(pipeline):
    """"Who is Syria's head of state?" reads the first ``READ_DEPTH`` passages alone, leads or
    not: where they title no one so, the holder is searched for over many more passages and
    named in full, as the corpus titles him ("Bashar al-Assad", not the "al-Assad" of a lead)."""
    question = "Who is Syria's head of state?"
    _, hits, reading = pipeline.read(question)
    assert any(h.lead for h in hits)
    assert set(reading.windows) == {h.passage for h in hits[:READ_DEPTH]}
    assert pipeline.ask(question).answer == "Bashar al-Assad"


@pytest.mark.parametrize("question, passage, weight", [
    ("Who said the two could put the past behind them?", "these two countries can put the past behind them", 3.0),
    ("Who said the two could put the past behind them?", "despite all the negatives of the past years", 0.0),
    ("Where did the ministers agree to meet?", "the ministers agreed to instruct", 2.0),  # minist, agre
    ("Where did they meet?", "where did they meet", 1.0),  # four words, one content word
    ("Where did they meet?", "where did they go", 0.0),  # three words in a row: too few
])
def test_shared_run(question: str, passage: str, weight: float) -> None:
    """The run of words in a row a passage shares with the question, weighed by its content
    words (here each weighs 1)."""
    assert shared_run(_stem_seq(question), _stem_seq(passage), lambda _: 1.0) == weight


def test_a_passage_the_question_quotes_is_read(pipeline):
    """"Who said that Syria and Turkey could put the past behind them?": fusion ranks the
    quoted paragraph sixth (others name Syria and Turkey more often); as the phrase lead it is
    read, and its speaker, named two sentences before the quote ("... he said"), answers."""
    question = "Who said that Syria and Turkey could put the past behind them?"
    _, hits, _ = pipeline.read(question)
    read = hits[:READ_DEPTH] + [h for h in hits[READ_DEPTH:] if h.lead]
    assert any("put the past behind them" in pipeline.index.passage_text(h.passage) for h in read)
    assert pipeline.ask(question).answer == "Hossein Amir-Abdollahian"
    # Common words in a row are no phrase: "foreign ministers agree to" is in most passages.
    question = "Where did Arab League foreign ministers agree to let Syria back in?"
    _, hits, _ = pipeline.read(question)
    assert pipeline.retriever.phrase_lead(question, [h.passage for h in hits]) is None

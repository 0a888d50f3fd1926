"""How one party stands to another: the relation phrase of a sentence naming both."""

import pytest

from qa.relations import asks_relation, parties, relation_spans


@pytest.mark.parametrize("question, asks", [
    ("How is Russia's relationship with Assad described?", True),
    ("How do the reports characterise the relationship between Moscow and Assad's government?", True),
    ("What are Turkey's ties to the Syrian opposition?", True),
    ("When did Turkey cut ties with Syria?", True),  # asked, but a date: no relation phrase names it
    ("How was the atmosphere of the talks described?", False),
])
def test_asks_relation(question: str, asks: bool) -> None:
    assert asks_relation(question) is asks


def test_parties_are_the_question_names() -> None:
    assert parties("How is Russia's relationship with Assad described?") == ["Russia", "Assad"]
    assert parties("What is Moscow's relationship to Damascus?") == ["Moscow", "Damascus"]
    assert parties("moscow relationship to assad") == ["Moscow", "Assad"]  # typed in lower case


SENTENCES = [
    (0, 0, 0, "The Russian Foreign Ministry described the atmosphere as positive and constructive."),
    (1, 1, 100, "Moscow is Assad's main ally and Russia has encouraged a reconciliation with Türkiye."),
    (2, 2, 50, "Damascus is a staunch ally of Moscow, which intervened in the civil war in 2015."),
]


def test_relation_spans_need_a_sentence_naming_every_party() -> None:
    found = relation_spans("How is Russia's relationship with Assad described?", SENTENCES)
    assert [(r.doc, SENTENCES[r.doc][3][r.start - SENTENCES[r.doc][2]:r.end - SENTENCES[r.doc][2]]) for r in found] \
        == [(1, "main ally")]  # "Moscow" names Russia; the staunch ally sentence names no Assad
    found = relation_spans("What is Moscow's relationship with Damascus?", SENTENCES)
    assert [(r.doc, r.end - r.start) for r in found] == [(2, len("staunch ally"))]  # "Assad" is no "Damascus"


def test_no_relation_for_one_party_or_another_question() -> None:
    assert relation_spans("How is Russia's relationship described?", SENTENCES) == []
    assert relation_spans("Who is Assad's main ally?", SENTENCES) == []


def test_a_relation_question_is_answered_with_the_relation(pipeline) -> None:
    """The reader is pulled to the sentence that says "described"; the relation is stated in
    sentences naming both parties, and cited in each file that states it in those words."""
    answer = pipeline.ask("How is Russia's relationship with Assad described?")
    assert answer.answer == "main ally"
    assert len(answer.citations) >= 2
    for c in answer.citations:
        doc = next(d for d in pipeline.index.docs if d.name == c.source)
        assert doc.text[c.start:c.end] == answer.answer


def test_an_unstated_relation_is_refused(pipeline) -> None:
    assert pipeline.ask("How is Iran's relationship with Saudi Arabia described?").answer is None
    assert pipeline.ask("When did Russia sever its relations with Syria?").answer is None  # a date, not a relation


def test_a_keyword_relation_query_over_the_seeds(pipeline) -> None:
    """A search-box relation query in lower case gets the relation phrase, exactly cited."""
    answer = pipeline.ask("moscow relationship to assad")
    assert answer.answer == "main ally"
    for c in answer.citations:
        assert pipeline.source_text(c.source)[c.start:c.end] == answer.answer

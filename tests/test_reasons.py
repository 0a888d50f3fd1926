"""Why something happened, read from a marked reason: ``qa.reasons``."""

from __future__ import annotations

import pytest

from qa.reasons import asks_reason, reason_spans


@pytest.mark.parametrize("question, asks", [
    ("Why did the CMA block the deal?", True),
    ("For what reason did the flypast shrink?", True),
    ("What reason did the board give for removing Altman?", True),
    ("What was the main reason for the delay?", True),
    ("Who blocked the deal?", False),
    ("What did the CMA say?", False),
])
def test_asks_reason(question: str, asks: bool) -> None:
    assert asks_reason(question) is asks


def _reason(question: str, text: str) -> list[str]:
    return [text[f.start:f.end] for f in reason_spans(question, [(0, 0, 0, text)])]


@pytest.mark.parametrize("question, text, reason", [
    ("Why did the CMA block the deal in April?",
     "The deal had stalled in April when the CMA blocked it over concerns it would hurt competition in cloud gaming.",
     "concerns it would hurt competition in cloud gaming"),
    ("Why was the flypast scaled back?",
     "The flypast, planned with 60 aircraft, was scaled back because of low cloud and rain. Officials said so.",
     "low cloud and rain"),
    ("Why did Harding think the mission would be the only manned one?",
     "Harding wrote that, due to the worst winter in 40 years, this mission is likely the only manned one.",
     "the worst winter in 40 years"),  # the clause ends at its comma
    ("Why may refugee populations be particularly susceptible?",
     "Refugee populations may be particularly susceptible due to displacement, crowded housing, malnutrition and "
     "poor sanitation, the report said.",
     "displacement, crowded housing, malnutrition and poor sanitation"),  # a list runs to its last item
    ("What reason did OpenAI give for Altman leaving?",
     'OpenAI said Altman was leaving because he "was not consistently candid with the board."',
     'he "was not consistently candid with the board."'),  # the quotation it opens, closed
    ("Why did the chief of the agency resign?",
     "The chief of the agency resigned the next day, citing health reasons, a day after the hearing.",
     "health reasons"),
])
def test_the_reason_after_its_marker(question: str, text: str, reason: str) -> None:
    assert _reason(question, text) == [reason]


@pytest.mark.parametrize("question, text", [
    # no marker
    ("Why did the CMA block the deal?", "The CMA blocked the deal in April, a year after it opened its inquiry."),
    ("Why did the CMA block the deal?", "Sony's shares rose because of strong sales of its consoles."),  # another event
    ("Why did it fall?", "It fell because prices rose."),  # one word asked: too little to tell the sentence
    ("Why did the talks end?", "The talks ended over the weekend."),  # "over" marks no reason here
])
def test_no_reason(question: str, text: str) -> None:
    assert _reason(question, text) == []


def test_the_sentence_holding_most_of_the_question_wins() -> None:
    near = "The CMA blocked the Activision deal because of cloud gaming."
    far = "The deal was delayed because of the paperwork."
    found = reason_spans("Why did the CMA block the Activision deal?", [(0, 0, 0, far), (1, 0, 0, near)])
    assert [(f.doc, near[f.start:f.end]) for f in found] == [(1, "cloud gaming")]


def test_a_why_question_over_news_is_answered_from_its_marked_reason(news_pipeline) -> None:
    """"... not expect Activision games to land on Game Pass until sometime in 2024, because of the
    time needed to get the catalogue ready": the reader trusts no answer of its own, the marked
    reason answers, cited where it is written."""
    question = "Why will Activision games not land on Game Pass until 2024?"
    answer = news_pipeline.ask(question)
    assert answer.answer == "the time needed to get the catalogue ready for the service"
    cite = answer.citations[0]
    assert news_pipeline.source_text(cite.source)[cite.start:cite.end] == answer.answer

"""Offices: a question for the holder of one office is not answered with the holder of another."""

from __future__ import annotations

import pytest

from qa.roles import asked_office, holds_other_office, name_of, titled_offices

TEXTS = [
    "Turkish Foreign Minister Mevlut Cavusoglu met his counterpart. Defence ministers met in December.",
    "Hulusi Akar, Turkey's defence minister, attended. Cavusoglu tweeted after the meeting.",
    "Prime Minister Jane Roe spoke. Jane Roe later chaired the finance committee.",
]


@pytest.mark.parametrize("question, office", [
    ("Who is Turkey's defence minister?", ("defence", "minister")),
    ("Who was the Turkish defense minister at the December talks?", ("defence", "minister")),
    ("What is the name of Turkey's defence minister?", ("defence", "minister")),
    ("Name the Turkish defence minister who met his counterpart.", ("defence", "minister")),
    ("Who is the current Prime Minister of Romania?", ("prime", "minister")),
    ("Who did the foreign minister meet?", None),  # the office is the subject, not what is asked
    ("Who is Turkey's top diplomat?", None),
    ("What did the defence ministers discuss?", None),
])
def test_asked_office(question: str, office: tuple[str, str] | None) -> None:
    assert asked_office(question) == office


def test_titles_before_and_after_a_name() -> None:
    assert titled_offices(TEXTS, "Mevlut Cavusoglu", "minister") == {"foreign"}
    assert titled_offices(TEXTS, "Hulusi Akar", "minister") == {"defence"}
    assert titled_offices(TEXTS, "Jane Roe", "minister") == {"prime"}
    assert name_of("Turkish Foreign Minister Mevlut Cavusoglu") == "Mevlut Cavusoglu"


@pytest.mark.parametrize("question, span, other", [
    ("Who is Turkey's defence minister?", "Mevlut Cavusoglu", True),
    ("Who is Turkey's defence minister?", "Turkish Foreign Minister Mevlut Cavusoglu", True),
    ("Who is Turkey's defense minister?", "Hulusi Akar", False),
    ("Who is Turkey's foreign minister?", "Mevlut Cavusoglu", False),
    ("Who is Turkey's defence minister?", "Cavusoglu", True),  # "Foreign Minister Mevlut Cavusoglu"
    ("Who is Turkey's defence minister?", "Defence ministers", False),  # not a name
    ("Who is the prime minister?", "Jane Roe", False),
    ("Who met the minister?", "Mevlut Cavusoglu", False),  # no office asked for
])
def test_holds_other_office(question: str, span: str, other: bool) -> None:
    assert holds_other_office(TEXTS, question, span) is other


def test_the_holder_of_another_office_is_refused_over_the_seeds(pipeline) -> None:
    """The seeds title Cavusoglu foreign minister and name no defence minister."""
    refused = pipeline.ask("Who is Turkey's defence minister?")
    assert refused.answer is None and refused.citations == []
    q, _, reading = pipeline.read("Who is Turkey's defence minister?")
    assert reading.mismatch == "office" and pipeline.reader.refuses(reading)
    answered = pipeline.ask("Who is Turkey's foreign minister?")
    assert answered.answer is not None and not pipeline.read("Who is Turkey's foreign minister?")[2].mismatch

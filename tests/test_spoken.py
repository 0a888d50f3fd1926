"""Dictated questions (speech-to-text transcripts) read as typed: ``qa.spoken``."""

from __future__ import annotations

import pytest

from qa.spoken import spoken_as_typed


@pytest.mark.parametrize("said, typed", [
    ("um who is the syrian foreign minister", "who is the syrian foreign minister"),
    ("hmm when did they meet", "when did they meet"),
    ("what is the name of the um the russian foreign minister", "what is the name of the russian foreign minister"),
    ("what is uh the capital", "what is the capital"),
])
def test_hesitations_are_left_out(said: str, typed: str) -> None:
    assert spoken_as_typed(said) == typed


@pytest.mark.parametrize("said, typed", [
    ("who is the turkish no the iranian foreign minister", "who is the iranian foreign minister"),
    ("what did the syrian minister no the turkish minister say", "what did the turkish minister say"),
    ("what did the syrian minister sorry the turkish minister say", "what did the turkish minister say"),
    ("what did lavrov i mean mekdad say", "what did mekdad say"),
    # "no" and "sorry" that take nothing back
    ("what did turkey no longer want", "what did turkey no longer want"),
    ("is there no agreement", "is there no agreement"),
    ("who was sorry the meeting failed", "who was sorry the meeting failed"),
])
def test_a_word_taken_back_gives_way_to_its_correction(said: str, typed: str) -> None:
    assert spoken_as_typed(said) == typed


@pytest.mark.parametrize("said, typed", [
    ("what happened in twenty twelve", "what happened in 2012"),
    ("since twenty eleven", "since 2011"),
    ("in two thousand and eleven", "in 2011"),
    ("in twenty twenty three", "in 2023"),
    ("nineteen oh five", "1905"),
    ("what was resolution two two five four about", "what was resolution 2254 about"),
    ("what was resolution twenty two fifty four about", "what was resolution 2254 about"),
    ("more than three point five million refugees", "more than 3.5 million refugees"),
    # counts stay in words, as news writes them
    ("how many countries four countries", "how many countries four countries"),
    ("twenty five people", "twenty five people"),
    ("which one of the four", "which one of the four"),
    ("the twenty-first century", "the twenty-first century"),
    ("between ten and eleven", "between ten and eleven"),
])
def test_years_codes_and_decimals_said_in_words_are_read_in_digits(said: str, typed: str) -> None:
    assert spoken_as_typed(said) == typed


@pytest.mark.parametrize("typed", [
    "Who is Erdogan?", "In 2012, what happened?", "What did the UN say about Resolution 2254?",
    "oh who is the fm", "Who hosted the four-way talks in Moscow?",
])
def test_a_typed_question_is_left_as_it_is(typed: str) -> None:
    assert spoken_as_typed(typed) == typed


def test_a_dictated_question_gets_the_answer_of_the_typed_one(pipeline) -> None:
    """Spoken, the year matched nothing: "twenty twelve" is in no passage, "2012" is."""
    typed = pipeline.ask("When did Turkey sever its ties with Syria?")
    assert typed.answer == "March 2012"
    assert pipeline.ask("um what happened between turkey and syria in twenty twelve").answer is not None
    said = pipeline.ask("when did turkey uh sever its ties with the turkish no the syrian government")
    assert said.answer == typed.answer
    assert pipeline.ask("who is the turkish no the iranian foreign minister").answer \
        == pipeline.ask("who is the iranian foreign minister").answer

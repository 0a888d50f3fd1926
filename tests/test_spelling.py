"""A question's slips mended from the corpus's words: ``qa.spelling``."""

from __future__ import annotations

import pytest

from qa.spelling import Speller, english_words, one_edit

TEXTS = [
    "Syria's Foreign Minister Faisal Mekdad met Sergei Lavrov and Hossein Amir-Abdollahian in Moscow. "
    "According to the statement, the ministers agreed on a roadmap. The Moscow Times reported the ties.",
    "Mevlut Cavusoglu said the Astana process and Resolution 2254 were cited. There were three meetings.",
    "The ministers flew on from Curaçao.",
]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(TEXTS)


def test_english_words_come_from_the_spacy_model() -> None:
    words = english_words()
    assert len(words) > 50_000
    assert {"times", "three", "price", "according"} <= words
    assert "mekdad" not in words and "acording" not in words


@pytest.mark.parametrize("a, b, near", [
    ("mekdat", "mekdad", True),  # a letter changed
    ("lavorv", "lavrov", True),  # two neighbours swapped
    ("cavusloglu", "cavusoglu", True),  # a letter added
    ("acording", "according", True),  # a letter dropped
    ("lavrov", "lavrov", False),  # the same word
    ("mekdad", "lavrov", False),
    ("lavrvo", "lavrov", True),
    ("lvaorv", "lavrov", False),  # two slips
])
def test_one_edit(a: str, b: str, near: bool) -> None:
    assert one_edit(a, b) is near
    assert one_edit(b, a) is near


@pytest.mark.parametrize("typed, mended", [
    ("What did Mikdad say?", "What did Mekdad say?"),
    ("what did mikdad say", "what did mekdad say"),  # lower case as typed (``qa.casing`` restores names)
    ("What did Cavusloglu tweet?", "What did Cavusoglu tweet?"),
    ("Mikdad's demand", "Mekdad's demand"),  # the possessive kept
    ("Amir-Abdolahian quote", "Amir-Abdollahian quote"),  # a hyphenated name
    ("acording to the statment", "according to the statement"),  # common words too
    ("Acording to Lavrof", "According to Lavrov"),  # a capital kept where typed
    ("which process did the Astanna talks follow", "which process did the Astana talks follow"),
    ("Where is Curacao?", "Where is Curaçao?"),  # typed without its accent
])
def test_slips_are_mended_from_the_corpus(speller: Speller, typed: str, mended: str) -> None:
    assert speller.respell(typed) == mended


@pytest.mark.parametrize("typed", [
    "What did the Moscow Times say?",  # "Times" is English, not a slip for "Ties"
    "What was the price of three meetings?",  # English words ("price", "three") stay
    "What did Blinken say?",  # near no corpus word
    "Who is Asad?",  # too short to guess
    "What did the SCOTUS say?",  # capitals: an acronym
    "What is Resolution 2255?",  # digits are no slip
    "Who met Lavrov in Moscow?",  # the corpus's own words
    "What did the roadmaps say?",  # a plural of the corpus's word is no slip
])
def test_other_words_stay_as_typed(speller: Speller, typed: str) -> None:
    assert speller.respell(typed) == typed


def test_a_word_near_two_corpus_words_stays() -> None:
    speller = Speller(["Mekdad met Mekdab."])
    assert speller.respell("Who is Mekdaf?") == "Who is Mekdaf?"


def test_nothing_is_respelt_without_an_english_word_list() -> None:
    assert Speller(TEXTS, english=frozenset()).respell("What did Mikdad say?") == "What did Mikdad say?"


@pytest.mark.parametrize("question, answer", [
    ("What did Cavusloglu emphasize in his tweet?", "cooperation"),
    ("Which news agency quoted Mikdad?", "SANA"),
    ("which news agency quoted mikdad", "SANA"),  # typed in lower case: respelt, then capitalised
])
def test_a_question_with_a_misspelt_name_is_answered(pipeline, question: str, answer: str) -> None:
    """Over the seeds: the misspelt name finds its passages and its speaker checks."""
    got = pipeline.ask(question)
    assert got.answer is not None and answer in got.answer
    assert got.question == question  # the answer object carries the question as typed

"""The corpus's capitals put back into a question typed in lower case: ``qa.casing``."""

from __future__ import annotations

import pytest

from qa.casing import Casing

TEXTS = [
    "Russia Says Roadmap in the Works to Mend Syria-Turkey Ties\n"
    "Syria's Foreign Minister Faisal Mekdad met his counterpart in Moscow, where President Bashar al-Assad's "
    "ally hosted the talks. Mekdad said NATO member Turkey must leave. The UN welcomed the talks.\n"
    "Turkey may host the next round in May, officials in Moscow said. Faisal Mekdad agreed.",
]


@pytest.fixture(scope="module")
def casing() -> Casing:
    return Casing(TEXTS)


@pytest.mark.parametrize("typed, restored", [
    ("what did mekdad say about nato", "what did Mekdad say about NATO"),
    ("who is faisal mekdad", "who is Faisal Mekdad"),
    ("what did the un say", "what did the UN say"),
    ("who hosted the talks in moscow", "who hosted the talks in Moscow"),
    ("mekdad's demand", "Mekdad's demand"),
    ("who invited al-assad", "who invited al-Assad"),
])
def test_names_typed_in_lower_case_get_the_corpus_spelling(casing: Casing, typed: str, restored: str) -> None:
    assert casing.restore(typed) == restored


@pytest.mark.parametrize("typed", [
    "who is the president",  # a title before a name, not a name
    "what may happen next",  # "May" the month, "may" the verb
    "how will they mend ties",  # capitalised only in a headline
    "who hosted the talks",  # written in lower case by the corpus
    "What did MEKDAD say?",  # typed with capitals: as typed
    "what did the minister say",
])
def test_other_words_are_left_as_typed(casing: Casing, typed: str) -> None:
    assert casing.restore(typed) == typed


def test_a_word_opening_a_sentence_says_nothing_of_its_case() -> None:
    """"Officials" opens a sentence: capitalised there as any word is, "officials" stays."""
    casing = Casing(["Officials met. Officials said so. The officials left."])
    assert casing.restore("what did officials say") == "what did officials say"


def test_a_question_in_lower_case_gets_the_answer_of_the_cased_one(pipeline) -> None:
    """In lower case, "mekdad" was no name: nothing tied the answer to the one who said it."""
    cased = pipeline.ask("What did Mekdad say was the priority of Damascus?")
    assert cased.answer is not None
    assert pipeline.ask("what did mekdad say was the priority of damascus").answer == cased.answer


@pytest.mark.parametrize("typed, restored", [
    ("who took the photo in the moscow times article", "who took the photo in the Moscow Times article"),
    ("what did al jazeera report", "what did Al Jazeera report"),
    ("who is valery sharifulin", "who is Valery Sharifulin"),
    ("afp story date", "AFP story date"),
    ("what times did they meet", "what times did they meet"),  # one word of a site name: no name
    ("which news agencies reported", "which news agencies reported"),  # in lower case in the source line
])
def test_names_of_the_reports_furniture_get_their_capitals(typed: str, restored: str) -> None:
    casing = Casing([], furniture=["AFP", "Valery Sharifulin / TASS", "Al Jazeera and news agencies"],
                    hosts=["themoscowtimes"])
    assert casing.restore(typed) == restored


def test_a_site_name_is_read_off_a_link() -> None:
    from qa.pipeline import _site_name

    assert _site_name("https://www.themoscowtimes.com/2023/05/10/russia-says-roadmap") == "themoscowtimes"
    assert _site_name("www.aljazeera.com/news") == "aljazeera"


def test_a_furniture_question_in_lower_case_finds_the_report_it_names(pipeline) -> None:
    cased = pipeline.ask("Who took the photo of the four foreign ministers in The Moscow Times article?")
    assert cased.answer is not None
    assert pipeline.ask("who took the photo of the four foreign ministers in the moscow times article").answer \
        == cased.answer

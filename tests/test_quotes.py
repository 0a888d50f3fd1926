"""A speaker's quoted words, for a query that asks for a quote."""

import pytest

from qa.quotes import asks_quote, quote_spans, said_spans
from qa.roles import Titles


@pytest.mark.parametrize("query, asks", [
    ("mekdad quote opportunity", True),
    ("Give me Lavrov's exact words on the roadmap", True),
    ("quotes from the iranian minister", True),
    ("Which news agency quoted Mekdad?", False),  # who quoted him, not his words
    ("What did Lavrov say?", False),  # left to the reader
    ("What was Lavrov's quote on the roadmap?", True),
    ("Mekdad 'opportunity' quote - which news agency carried it?", False),  # asks for the agency
    ("What did the outlet say about the quote?", False),
])
def test_asks_quote(query: str, asks: bool) -> None:
    assert asks_quote(query) is asks


SENTENCES = [  # (doc, passage, start, text)
    (0, 0, 0, '"Our task is to determine the general guidelines for further progress," Lavrov said.'),
    (1, 1, 200, "Iran's Foreign Minister Hossein Amir-Abdollahian said Tehran welcomed the talks."),
    (1, 1, 280, '"We deeply believe that these two countries can put the past behind them," he said.'),
    (1, 1, 360, 'He pointed to "the transition process in the world order" and "the decline of American power."'),
    (2, 2, 500, 'Arab states want to tackle the refugee crisis, “terrorism”, and drug smuggling.'),
]


def _text(span) -> str:
    _, _, start, text = next(s for s in SENTENCES if s[1] == span.passage and s[2] <= span.start < s[2] + len(s[3]))
    return text[span.start - start : span.end - start]


def test_the_quotation_holding_the_query_words_from_a_sentence_naming_the_speaker() -> None:
    found = quote_spans("lavrov quote general guidelines", SENTENCES)
    assert [_text(f) for f in found] == ["Our task is to determine the general guidelines for further progress"]
    # "he said": the speaker is named in the sentence before, and two sentences back
    found = quote_spans("amir-abdollahian quote put past behind", SENTENCES)
    assert _text(found[0]) == "We deeply believe that these two countries can put the past behind them"
    found = quote_spans("amir-abdollahian quote world order", SENTENCES)
    assert _text(found[0]) == "the transition process in the world order"


def test_no_quotation_without_its_speaker_or_the_query_words() -> None:
    assert quote_spans("mekdad quote general guidelines", SENTENCES) == []  # Lavrov said it
    assert quote_spans("lavrov quote refugees", SENTENCES) == []  # none of his words
    assert quote_spans("Which agency quoted Lavrov?", SENTENCES) == []  # no quote asked
    assert quote_spans("arab quote terrorism", SENTENCES) == []  # a scare quote is no one's words
    # "American" is in what was said, not who said it
    assert quote_spans("american quote power", SENTENCES[3:]) == []


def test_a_quote_query_over_the_seeds(pipeline) -> None:
    """The quotation, whole and exact, cited where the corpus gives it."""
    answer = pipeline.ask("mekdad quote opportunity")
    assert answer.answer == "despite all the negatives of the past years, there is an opportunity"
    for c in answer.citations:
        assert pipeline.source_text(c.source)[c.start:c.end] == answer.answer
    assert len(answer.citations) == 2  # two reports quote him in these words


def _said(question: str, sentences=SENTENCES) -> list[str]:
    titles = Titles([text for *_, text in sentences])
    return [_text(f) for f in said_spans(question, titles, sentences, lambda stem: 1.0)]


@pytest.mark.parametrize("question, said", [
    # "..., Lavrov said.": his sentence, with a verb of saying
    ("What did Lavrov say about the guidelines?",
     "Our task is to determine the general guidelines for further progress"),
    # "He pointed to ...": two sentences after the one naming him, by name or by his office
    ("What did Amir-Abdollahian say about American power?", "the decline of American power"),
    ("What did Iran's foreign minister say about American power?", "the decline of American power"),
    ("What did the Iranian foreign minister stress about the world order?",
     "the transition process in the world order"),
])
def test_what_someone_said_is_their_quotation(question: str, said: str) -> None:
    assert _said(question)[0] == said


def test_no_quotation_of_another_speaker_or_topic() -> None:
    assert _said("What did Lavrov say about American power?") == []  # Amir-Abdollahian's words
    assert _said("What did Mekdad say about the guidelines?") == []  # no words of his
    assert _said("What did Lavrov write in his tweet?") == []  # he said it, not in a tweet
    assert _said("Who said the past could be put behind them?") == []  # not "what did X say"
    assert _said("What did the statement say?") == []  # no one named
    # the words are about Altman, the board's
    about = [(0, 0, 0, 'The board said Altman "was not consistently candid in his communications".')]
    assert _said("What did Altman say?", about) == []
    assert _said("What did the board say?", about) == []  # "the board" is no name the question gives
    # "Minister" is a title, not the name of the one asked about
    assert _said("What did Chinese Foreign Minister Wang Yi say?", [
        (0, 0, 0, 'Turkish Foreign Minister Mevlut Cavusoglu stressed "the need for cooperation".')]) == []


def test_a_quoted_speaker_over_the_seeds(pipeline) -> None:
    """"Turkish Foreign Minister Mevlut Cavusoglu stressed the need for “cooperation ...” during the
    meeting, he said in a tweet": the reader trusts no span of the quotation, the quotation answers
    whole, cited where it is written."""
    answer = pipeline.ask("What did Turkey's foreign minister stress in his tweet after the meeting?")
    assert answer.answer == ("cooperation in the fight against terrorism and working together to establish the "
                             "basis for the return of Syrians")
    cite = answer.citations[0]
    assert pipeline.source_text(cite.source)[cite.start:cite.end] == answer.answer
    assert pipeline.ask("What did the Iranian foreign minister say about American power?").answer \
        == "the decline of American power"
    assert pipeline.ask("What did Mekdad write in his tweet following the Moscow meeting?").answer is None

"""Where a person works (``qa.affiliations``): which questions ask it, and which body a sentence
ties the person to."""

from __future__ import annotations

from qa.affiliations import affiliation_spans, asks_affiliation


def test_a_body_a_named_person_runs_founded_or_plays_for_is_asked() -> None:
    def asked(question: str) -> tuple[tuple[str, ...], str, str]:
        found = asks_affiliation(question)
        assert found is not None, question
        return found.names, found.kind, found.family

    assert asked("What company does Adam D'Angelo run?") == (("D'Angelo",), "company", "lead")
    assert asked("Which streaming company had Emmett Shear previously run?") == (("Shear",), "company", "lead")
    assert asked("Which Coast Guard district is Mauger in charge of?") == (("Mauger",), "district", "lead")
    assert asked("which club does enzo fernandez play for") == (("fernandez",), "club", "member")
    assert asked("Which company did Sam Altman co-found?") == (("Altman",), "company", "found")
    assert asked("Which Wall Street firm did Jane Doe work at as a trader?") == (("Doe",), "firm", "member")
    assert asked("What party does Carlos Saúl Menem Akil represent?") \
        == (("Saúl", "Menem", "Akil"), "party", "member")
    # asked the other way round, or by the title
    assert asked("Adam D'Angelo is the CEO of which company?") == (("D'Angelo",), "company", "title")
    assert asked("Which company is Adam D'Angelo the CEO of?") == (("D'Angelo",), "company", "title")
    assert asked("Enzo Fernandez plays for which club?") == (("Fernandez",), "club", "member")
    for question in ("What company was the loan deal signed with?",  # no person named
                     "Which company owns the Ever Given?", "What government post did Larry Summers hold?",
                     "Who runs Quora?", "What did the company say?"):
        assert asks_affiliation(question) is None, question


def _spans(question: str, *sentences: str) -> list[str]:
    rows = [(k, k, 0, text) for k, text in enumerate(sentences)]
    return [sentences[s.doc][s.start : s.end] for s in affiliation_spans(question, rows)]


def test_the_body_a_sentence_ties_the_person_to_by_a_title_or_a_verb() -> None:
    assert _spans("What company does Adam D'Angelo run?",
                  "Former Treasury Secretary Larry Summers and Quora Chief Executive Adam D'Angelo will sit on it.",
                  "The third is Adam D'Angelo, the CEO of question-and-answer site Quora and the lone holdover.") \
        == ["Quora", "Quora"]
    assert _spans("Which company did Hamish Harding chair?",
                  "Harding, chairman of the Dubai-based aircraft broker Action Aviation, had flown to space.",
                  "Action Aviation, the Dubai-based company chaired by Hamish Harding, said it was devastated.") \
        == ["Action Aviation", "Action Aviation"]
    assert _spans("Which streaming company had Emmett Shear previously run?",
                  "The board named Emmett Shear, who once ran the video streaming site Twitch.",
                  "Twitch co-founder Emmett Shear named interim chief executive") == ["Twitch", "Twitch"]
    # a verb ties by what it says: a founding for "found", not for "run"
    founded = "The board named Emmett Shear, who co-founded the video streaming site Twitch."
    assert _spans("Which company did Emmett Shear co-found?", founded) == ["Twitch"]
    assert _spans("Which company did Emmett Shear run?", founded) == []
    assert _spans("Which Coast Guard district is Mauger in charge of?",
                  "Rear Admiral John Mauger, commander of the First Coast Guard District, spoke.") \
        == ["First Coast Guard District"]


def test_not_a_country_a_title_word_nor_a_tie_of_another_kind() -> None:
    # a club is no country; a team may be one
    assert _spans("Which club did Enzo Fernandez play for?", "Argentina's Enzo Fernandez was named best young player.",
                  "Benfica's Enzo Fernandez was named best young player.") == ["Benfica"]
    assert _spans("Which team did Enzo Fernandez play for?",
                  "Argentina's Enzo Fernandez was named best young player.") == ["Argentina"]
    assert _spans("Which company does Mira Murati work for?", "Interim CEO Mira Murati said.") == []
    assert _spans("Which company did Sam Altman co-found?", "Altman joined a Google Meet call.") == []
    assert _spans("Which company does Murati run?", "OpenAI's chief technology officer Mira Murati said.") == ["OpenAI"]
    # the title asked: a founder of one firm was a trader at another
    sentences = ("FTX founder Sam Bankman-Fried was convicted.", "Jane Street trader Sam Bankman-Fried left in 2017.")
    assert _spans("Which firm did Sam Bankman-Fried work at as a trader?", *sentences) == ["Jane Street"]
    assert _spans("Which company did Sam Bankman-Fried found?", *sentences) == ["FTX"]
    # a bare possessive is no founding, nor is an office another name's words ("Treasury Secretary")
    assert _spans("Which company did Sam Bankman-Fried found?", "FTX's Sam Bankman-Fried spoke.") == []
    assert _spans("Which university did Larry Summers lead?",
                  "Former U.S. Treasury Secretary Larry Summers joined the board.") == []
    # not a body the question names
    assert _spans("Which company besides OpenAI does Sam Altman run?", "OpenAI CEO Sam Altman said.") == []


def test_whom_a_person_told_and_token_dense_text() -> None:
    sentence = '"I said I was going to be the hero and I was," Martinez told TyC Sports.'
    assert _spans("Which TV channel did Emiliano Martinez talk to after the final?", sentence,
                  "Aston Villa goalkeeper Emiliano Martinez saved it.") == ["TyC Sports"]
    assert _spans("Which company was Bret Taylor a co-chief executive of?",
                  "Taylor is the former co-chief executive of Salesforce; Summers is a former Treasury Secretary.") \
        == ["Salesforce"]
    # a sentence of one word run together thousands of times is read once over, and ties nothing
    assert _spans("Which company does Aaa Bbb run?", "A-A-" * 5000, "Aaa " * 5000, "Bbb, the CEO of " * 2000) == []

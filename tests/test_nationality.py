"""Which country a person acts for (``qa.nationality``): the questions that ask it, and the
answer the corpus's titles give, over the seeds."""

from __future__ import annotations

from qa.nationality import asks_country_of


def test_the_country_or_nationality_of_a_named_person_is_asked() -> None:
    for question in ("Which country does Mekdad represent?", "which country does mekdad represent",
                     "What country is Faisal Mekdad from?", "Which country's foreign minister is Mekdad?",
                     "Whose top diplomat is Mekdad?", "Mekdad is the foreign minister of which country?",
                     "Mekdad represents which country at the talks?", "Where is Mekdad from?",
                     "Which country does Erdogan lead?", "Which country is Mekdad the foreign minister of?",
                     "Can you tell me which country Mekdad represents?", "which country mekdad", "mekdad country",
                     "hey, which country does the guy named Mekdad represent?"):
        asked = asks_country_of(question)
        assert asked is not None and asked[0] in ("Mekdad", "Faisal Mekdad", "Erdogan") and not asked[1], question
    assert asks_country_of("What is Mekdad's nationality?") == ("Mekdad", True)
    assert asks_country_of("What nationality is Lavrov?") == ("Lavrov", True)
    assert asks_country_of("mekdad nationality") == ("Mekdad", True)
    for question in ("Which country hosted the talks?", "Which country did Turkey back?", "Who represented Syria?",
                     "Which countries took part?", "Which country is the host?",
                     "Which state news agency quoted Mekdad?", "arab league summit host country",
                     "Where is the Meyer lemon from?"):
        assert asks_country_of(question) is None, question


def test_the_country_the_corpus_titles_a_person_with(pipeline) -> None:
    """In a report of four ministers, the country named most near each is not theirs: the titles
    are ("Syrian Foreign Minister Faisal Mekdad"). Each answer is cited where a file names it."""
    for question, country in (("Which country does Mekdad represent?", "Syria"),
                              ("Which country's foreign minister is Amir-Abdollahian?", "Iran"),
                              ("Cavusoglu is the foreign minister of which country?", "Turkey"),
                              ("which country does lavrov serve", "Russia"),
                              ("What is Mekdad's nationality?", "Syrian")):
        answer = pipeline.ask(question)
        assert answer.answer == country, question
        assert len(answer.citations) >= 2
        for cite in answer.citations:
            assert pipeline.source_text(cite.source)[cite.start : cite.end] == country


def test_a_nationality_no_title_gives_is_the_adjective_a_sentence_describes_the_person_by() -> None:
    from qa.nationality import country_spans
    from qa.roles import Titles

    sentences = ["Amanda Michelle Seyfried (born December 3, 1985) is an American actress and singer.",
                 "Seyfried met Italian director Bernardo Bertolucci.",
                 "Danish footballer Christian Poulsen scored.",
                 "Maria Van Kerkhove, the American epidemiologist, spoke."]
    rows = [(k, k, 0, text) for k, text in enumerate(sentences)]

    def spans(question: str) -> list[str]:
        return [sentences[s.doc][s.start : s.end] for s in country_spans(question, Titles(sentences), rows)]

    assert spans("What nationality is Amanda Seyfried?") == ["American"]  # not the director's
    assert spans("What is Christian Poulsen's nationality?") == ["Danish"]
    assert spans("What nationality is Maria Van Kerkhove?") == ["American"]
    assert spans("Which country is Amanda Seyfried from?") == []  # an adjective names no country
    assert spans("What nationality is Adam Smith?") == []

"""Game scores by their shape (``qa.scores``): which questions ask for one, and which one."""

from __future__ import annotations

from qa.scores import asks_score, score_spans


def test_the_noun_score_is_asked_not_the_verb_nor_a_rating() -> None:
    for question in ("What was the score at half-time?", "By what score did Argentina win?", "final score world cup",
                     "What was the result of the penalty shootout?", "What was the half-time scoreline?",
                     "What was the result of the second leg of the semi-final?"):
        assert asks_score(question), question
    for question in ("When did Messi score his second goal?", "Which two players failed to score?",
                     "What was Skyward Sword's Metacritic score?", "What was the result of the vote?",
                     "How many goals did Mbappe score?"):
        assert not asks_score(question), question


def _spans(question: str, *sentences: str) -> list[str]:
    rows = [(k, k, 0, text) for k, text in enumerate(sentences)]
    return [sentences[s.doc][s.start : s.end] for s in score_spans(question, rows)]


def test_the_score_near_the_question_s_words() -> None:
    sentence = "The final, which ended 3-3 after extra time before Argentina won the shootout 4-2, was watched live."
    assert _spans("What was the score after extra time?", sentence) == ["3-3"]
    assert _spans("By what score did Argentina win the shootout?", sentence) == ["4-2"]
    # every file's mention, for the vote across files
    assert _spans("What was the score at half-time?", "They led 2-0 at half-time.",
                  "A 2–0 lead at half-time.") == ["2-0", "2–0"]


def test_no_score_of_another_game_nor_a_range_or_a_name() -> None:
    assert _spans("What was the score of the semi-final?", "The final ended 3-3 after extra time.") == []
    assert _spans("What was the score in the trial?",
                  "The trial ran 5-10 days, 20-30% improved, COVID-19 cases fell, the 2014-15 season.") == []
    assert _spans("What was the score?", "It ended 1-0.") == ["1-0"]

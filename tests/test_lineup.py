"""Left-to-right photo captions and questions about who stands where (``qa.lineup``)."""

from __future__ import annotations

import pytest

from qa.layout import Layout
from qa.lineup import asked_position, find_lineups, pick

CAPTION = ("Talks in Geneva\n\n"
           "Spain's Foreign Minister Ana Ruiz, France's Foreign Minister Paul Marchand and "
           "Italy's Foreign Minister Luca Bianchi (L-R). **Jane Doe / AP**\n\n"
           "The ministers met on Monday.\n")
FROM_LEFT = "From left: Jane Doe, John Roe and Ann Poe at the summit. Photo: AP\nThey met.\n"


def _names(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in lu.names] for lu in find_lineups(0, text)]


def test_a_caption_lists_names_left_to_right() -> None:
    assert _names(CAPTION) == [["Ana Ruiz", "Paul Marchand", "Luca Bianchi"]]  # titles dropped
    assert _names(FROM_LEFT) == [["Jane Doe", "John Roe", "Ann Poe"]]  # the marker first
    assert _names("Ministers met in Geneva on Monday, officials said.\n") == []  # no marker


@pytest.mark.parametrize("question, position", [
    ("Who stands at the far left of the photo?", 0),
    ("Who is standing furthest left in the photo?", 0), ("Who stands farthest to the right in the picture?", -1),
    ("Who is second from the left in the picture?", 1),
    ("Which minister is shown second from the right in the photograph?", -2),
    ("Who is pictured on the far right?", -1),
    ("Who appears first from the left, per the caption?", 0),
    ("Who is the rightmost in the image?", -1),
    ("Who is on the left?", None),  # no photo
    ("Who was the first to leave the meeting?", None),
])
def test_asked_position(question: str, position: int | None) -> None:
    assert asked_position(question) == position


def test_pick_counts_from_either_end() -> None:
    lineup = find_lineups(0, CAPTION)[0]
    assert [CAPTION[slice(*pick(lineup, k))] for k in (0, 1, -1, -2)] == \
        ["Ana Ruiz", "Paul Marchand", "Luca Bianchi", "Paul Marchand"]
    assert pick(lineup, 3) is None and pick(lineup, -4) is None


def test_the_layout_answers_from_the_file_the_question_names() -> None:
    other = "Report from Rome\n\nBy AP\n\nThe ministers posed for a picture in Rome.\n"
    layout = Layout([CAPTION, other], ["geneva.txt", "rome.txt"])
    found = layout.position("Who is second from the left in the photo of the ministers?", {0: 0, 1: 1})
    assert found is not None and CAPTION[found.start:found.end] == "Paul Marchand"
    assert CAPTION[found.line_start:found.line_end].endswith("**Jane Doe / AP**")
    assert layout.position("Who is fourth from the left in the photo?", {}).missing  # only three
    assert layout.position("Who won the vote?", {}) is None
    assert Layout([other], ["rome.txt"]).position("Who is on the far left in the photo?", {}) is None


def test_photo_positions_over_the_seeds(pipeline) -> None:
    """The Moscow Times (AFP) caption names the ministers "(L-R)"; Al Jazeera's lists them
    without saying where they stand."""
    for question, name in (("Who is second from the left in the AFP picture of the four diplomats?", "Sergei Lavrov"),
                           ("Who stands on the far right in the Moscow Times photo?", "Mevlut Cavusoglu"),
                           ("Who is shown on the far left of the photo of the four ministers?",
                            "Hossein Amir-Abdollahian")):
        answer = pipeline.ask(question)
        assert answer.answer == name, question
        c = answer.citations[0]
        assert c.source.startswith("002_") and pipeline.source_text(c.source)[c.start:c.end] == name
    assert pipeline.ask("In the Al Jazeera photo, who is on the far left?").answer is None

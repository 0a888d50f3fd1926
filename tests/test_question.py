"""Question analysis: expected answer type and unit, and the reader features they drive."""

from __future__ import annotations

import re

import pytest

from qa.question import analyse_question, answer_unit, expected_type
from qa.read import FEATURE_ID


@pytest.mark.parametrize("question, expected", [
    ("Who is Syria's foreign minister?", "PERSON"),
    ("Which city hosted the talks?", "LOC"),
    ("Which news agency wrote the report?", "ORG"),
    ("How many refugees does Turkey host?", "NUM"),
    ("What year did the war start?", "DATE"),
    ("Why did Turkey send troops?", "REASON"),
    ("How did Cavusoglu share his views?", "MANNER"),
    ("What did the ministers discuss?", "THING"),
])
def test_expected_type(question: str, expected: str) -> None:
    assert expected_type(question)[1] == expected


@pytest.mark.parametrize("question, unit", [
    ("On what day was Assad invited to the summit?", "weekday"),
    ("Which day of the week did they meet?", "weekday"),
    ("What day of the month was it?", ""),
    ("How long before the talks did the ministers meet?", "duration"),
    ("How long had Assad been shunned?", "duration"),
    ("How many years did the isolation last?", "duration"),
    ("How long is the Euphrates?", ""),
    ("When did the meeting take place?", ""),
])
def test_answer_unit(question: str, unit: str) -> None:
    assert answer_unit(question) == unit
    assert analyse_question(question).unit == unit


def test_unit_features_mark_spans_naming_the_unit(pipeline) -> None:
    """A weekday question: spans naming a weekday get ``weekday_match``, others ``weekday_miss``."""
    q, hits, reading = pipeline.read("On what day was Assad formally invited to the Arab League summit?")
    assert q.unit == "weekday"
    ix = pipeline.index
    X = reading.features
    seen = set()
    for c in reading.candidates:
        text = ix.docs[c.doc].text[c.start : c.end]
        row = X[reading.candidates.index(c)]
        has_day = bool(re.search(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", text, re.IGNORECASE))
        assert row[FEATURE_ID["weekday_match"]] == float(has_day)
        assert row[FEATURE_ID["weekday_miss"]] == float(not has_day)
        seen.add(has_day)
    assert seen == {True, False}

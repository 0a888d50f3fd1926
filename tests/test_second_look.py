"""The reader's parts over the real seed index: the verdict on a best answer (``Verifier``) and
the second looks that put another answer first (``SecondLook``)."""

from __future__ import annotations

import numpy as np

from qa.reading import Reading, answer_features, unknown_fraction


def test_first_instead_trades_places_and_probabilities(pipeline):
    """The answer put first takes the first one's probability (the reader's belief passes to the
    one a check confirms) and is described for the confidence by its own features; every other
    answer keeps its place."""
    q, _, reading = pipeline.read("Which countries took part in the Moscow meeting?")
    assert len(reading.groups) >= 3
    looks = pipeline.reader.second_look
    moved = looks.first_instead(q, reading, 2)
    (p0, first), (p1, second), (p2, third) = reading.groups[:3]
    assert moved.groups[0] == (p0, third) and moved.groups[1] == (p1, second) and moved.groups[2] == (p2, first)
    assert moved.groups[3:] == reading.groups[3:]
    expected = answer_features(reading.features, moved.groups, q.expected, unknown_fraction(q, pipeline.index),
                               reading.nn_best)
    assert np.array_equal(moved.answer_features, expected)
    assert moved.mismatch == pipeline.reader.verifier.mismatch(q, third, reading.features)


def test_a_reading_without_answers_is_left_as_it_is(pipeline):
    q, _, reading = pipeline.read("Who is Syria's foreign minister?")
    empty = Reading([], reading.features, [])
    assert pipeline.reader.second_look.run(q, empty) is empty


def test_the_holder_of_the_asked_office_is_confirmed(pipeline):
    """"Who is Turkey's foreign minister?" is answered by the name the corpus titles so, and the
    reading says the titles confirm it (no floor applies then)."""
    q, _, reading = pipeline.read("Who is Turkey's foreign minister?")
    assert reading.office_confirmed and not reading.mismatch
    best = reading.groups[0][1][0]
    assert "Cavusoglu" in pipeline.index.docs[best.doc].text[best.start : best.end]


def test_the_verdict_names_why_a_best_answer_cannot_answer(pipeline):
    """A passage about something else does not answer a question whose words it lacks
    (``unrelated``), and a date or a number answers no "who" (``form``); the reader refuses the
    first."""
    reader = pipeline.reader
    q, _, reading = pipeline.read("Who wrote Hamlet?")
    assert reader.verifier.mismatch(q, reading.groups[0][1], reading.features) == "unrelated"
    assert reader.refusal_reason(reading) == "mismatch:unrelated"
    q, _, reading = pipeline.read("Who hosted the talks?")
    when_or_count = [reading.features[[c.row for c in members]][:, reader.verifier._when_for_who].any(axis=1).all()
                     for _, members in reading.groups]
    assert any(when_or_count)  # "four" of "four-way talks"
    k = when_or_count.index(True)
    assert reader.verifier.mismatch(q, reading.groups[k][1], reading.features) == "form"

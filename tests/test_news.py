"""The pipeline over a news corpus other than the seeds (``eval/news/activision``)."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "eval" / "news" / "activision" / "gold.jsonl"


def test_every_answer_is_an_exact_span_of_its_cited_file(news_pipeline) -> None:
    """Every question of the set gets a refusal or an exact span of the file it cites."""
    answered = 0
    for line in GOLD.read_text("utf-8").splitlines():
        answer = news_pipeline.ask(json.loads(line)["question"])
        if answer.answer is None:
            continue
        answered += 1
        for cite in answer.citations:
            assert news_pipeline.source_text(cite.source)[cite.start : cite.end] == answer.answer
    assert answered >= 40  # most of the 60 answerable questions are answered


def test_an_answer_of_function_words_alone_is_refused(news_pipeline) -> None:
    """"... with an appeal pending before the Ninth Circuit" says when no hearing is: its best
    span, "before", says nothing, and is refused (``Reader.mismatch``)."""
    q, _, reading = news_pipeline.read("When will the Ninth Circuit hear the FTC's appeal?")
    assert reading.mismatch == "form"
    assert news_pipeline.ask("When will the Ninth Circuit hear the FTC's appeal?").answer is None

"""The project's gold files are sound: every answer is text of a cited seed file (or, for the
news sets of ``eval/news/``, of a file of their own corpus), ids unique."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "eval").glob("*.jsonl"))
# Other corpora than the seeds: each folder of ``eval/news/`` holds ``corpus/`` and ``gold.jsonl``.
NEWS = sorted((ROOT / "eval" / "news").glob("*/gold.jsonl"))


@pytest.mark.parametrize("path", FILES + NEWS, ids=lambda p: p.relative_to(ROOT / "eval").as_posix())
def test_gold_file_answers_are_spans_of_their_sources(path: Path) -> None:
    corpus = path.parent / "corpus" if path in NEWS else ROOT / "seeds"
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert items and len({g["id"] for g in items}) == len(items)
    for g in items:
        assert g["question"].strip()
        assert bool(g["answers"]) == bool(g["sources"]), g["id"]
        texts = [(corpus / s).read_text("utf-8") for s in g["sources"]]
        for a in g["answers"]:
            assert any(a in t for t in texts), (g["id"], a)
        for t in texts:  # each cited file states one of the answers
            assert any(a in t for a in g["answers"]), g["id"]


def test_held_out_questions_are_never_fitted_on() -> None:
    """The held-out sets (``HELD_OUT`` in ``scripts/fit_reader.py``) measure the reader and the
    span head: none is a tuning file, and a tuning question that a held-out set asks word for
    word is dropped before anything is fitted (``tuning_gold``, which both scripts use)."""
    spec = importlib.util.spec_from_file_location("fit_reader", ROOT / "scripts" / "fit_reader.py")
    fit_reader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit_reader)

    def questions(name: str) -> set[str]:
        return {json.loads(line)["question"].strip().lower()
                for line in (ROOT / name).read_text("utf-8").splitlines() if line.strip()}

    held_out = set().union(*(questions(name) for name in fit_reader.HELD_OUT))
    for name in fit_reader.TUNING:
        assert name not in fit_reader.HELD_OUT
        kept = {g.question.strip().lower() for g in fit_reader.tuning_gold(ROOT / name)}
        assert kept and not kept & held_out, name
        assert questions(name) - kept <= held_out, name  # only held-out questions are dropped

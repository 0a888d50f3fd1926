"""Shared fixtures: one real encoder and one real pipeline over the seeds per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def encoder():
    """The default encoder (onnx-int8), as `qa index` and `qa serve` use it."""
    from qa.encoder import OnnxEncoder

    return OnnxEncoder()


@pytest.fixture(scope="session")
def seeds_copy(tmp_path_factory) -> Path:
    """A private copy of the seeds, so tests never touch the repository's folders."""
    dst = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def pipeline(encoder, seeds_copy, index_dir):
    from qa.pipeline import Pipeline

    return Pipeline.open(seeds_copy, index_dir, encoder=encoder)


@pytest.fixture(scope="session")
def news_pipeline(encoder, tmp_path_factory):
    """A pipeline over news other than the seeds: ``eval/news/activision`` (a merger) and
    ``eval/news/world-cup-final`` (a football final) in one corpus, so rules fitted on the
    seeds' diplomacy are also tried on other text."""
    from qa.pipeline import Pipeline

    dst = tmp_path_factory.mktemp("news") / "corpus"
    dst.mkdir()
    for name in ("activision", "world-cup-final"):
        for path in (ROOT / "eval" / "news" / name / "corpus").iterdir():
            shutil.copy(path, dst / path.name)
    return Pipeline.open(dst, tmp_path_factory.mktemp("news-index"), encoder=encoder)

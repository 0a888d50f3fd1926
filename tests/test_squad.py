"""SQuAD import: a small v2-format file written here becomes a corpus folder and a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.evaluate import load_gold
from qa.squad import ImportStats, import_squad, slugify

SQUAD_V2 = {
    "version": "v2.0",
    "data": [
        {
            "title": "Super_Bowl_50",
            "paragraphs": [
                {
                    "context": "Super Bowl 50 was an American football game. The Denver Broncos "
                    "defeated the Carolina Panthers 24–10 at Levi's Stadium.",
                    "qas": [
                        {"id": "q1", "question": "Who won Super Bowl 50?", "is_impossible": False,
                         "answers": [{"text": "Denver Broncos", "answer_start": 63},
                                     {"text": "The Denver Broncos", "answer_start": 59},
                                     {"text": "Denver Broncos", "answer_start": 63}]},
                        {"id": "q2", "question": "Who lost Super Bowl 51?", "is_impossible": True,
                         "answers": [],
                         "plausible_answers": [{"text": "Carolina Panthers", "answer_start": 89}]},
                    ],
                },
                {
                    "context": "The game was played on February 7, 2016.",
                    "qas": [{"id": "q3", "question": "When was the game played?",
                             "answers": [{"text": "February 7, 2016", "answer_start": 23}]}],
                },
            ],
        },
        {
            "title": "Beyoncé / Knowles: “Formation”",
            "paragraphs": [
                {
                    "context": "Beyoncé Giselle Knowles-Carter is an American singer.",
                    "qas": [{"id": "q4", "question": "What is Beyoncé's nationality?",
                             "is_impossible": False,
                             "answers": [{"text": "American", "answer_start": 37}]}],
                }
            ],
        },
        {"title": "Super_Bowl_50", "paragraphs": [{"context": "Same title again.", "qas": []}]},
    ],
}


def _write_json(path: Path, obj: object) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_squad_v2(tmp_path: Path) -> None:
    src = _write_json(tmp_path / "dev.json", SQUAD_V2)
    corpus, gold_path, stats = import_squad(src, tmp_path / "out")

    assert stats == ImportStats(articles=3, paragraphs=4, questions=4, unanswerable=1)
    names = sorted(p.name for p in corpus.iterdir())
    assert names == ["000_Super_Bowl_50.txt", "001_Beyonce_Knowles_Formation.txt", "002_Super_Bowl_50.txt"]
    assert all(n.replace("_", "").replace(".", "").isalnum() for n in names)

    first = (corpus / names[0]).read_text(encoding="utf-8")
    assert first == SQUAD_V2["data"][0]["paragraphs"][0]["context"] + "\n\nThe game was played on February 7, 2016.\n"

    gold = {g.id: g for g in load_gold(gold_path)}
    assert list(gold) == ["q1", "q2", "q3", "q4"]
    assert gold["q1"].answers == ["Denver Broncos", "The Denver Broncos"]  # distinct, in order
    assert gold["q2"].answers == [] and not gold["q2"].answerable  # plausible answers ignored
    assert gold["q4"].sources == [names[1]]
    for g in gold.values():
        assert g.sources and (corpus / g.sources[0]).is_file()
        text = (corpus / g.sources[0]).read_text(encoding="utf-8")
        for a in g.answers:
            assert a in text


def test_import_squad_v1_without_is_impossible(tmp_path: Path) -> None:
    v1 = {"version": "1.1", "data": [SQUAD_V2["data"][1]]}
    _, gold_path, stats = import_squad(_write_json(tmp_path / "v1.json", v1), tmp_path / "out")
    assert stats.unanswerable == 0 and stats.questions == 1
    assert load_gold(gold_path)[0].answers == ["American"]


@pytest.mark.parametrize(
    ("content", "msg"),
    [
        ("not json at all", "invalid JSON"),
        (json.dumps([1, 2, 3]), "'data' list"),
        (json.dumps({"version": "x"}), "'data' list"),
        (json.dumps({"data": [{"title": "T"}]}), r"data\[0\]\.paragraphs"),
        (json.dumps({"data": [{"title": "T", "paragraphs": [{"qas": []}]}]}), r"paragraphs\[0\]\.context"),
        (json.dumps({"data": [{"title": "T", "paragraphs": [{"context": "c", "qas": [{"id": "1"}]}]}]}),
         r"qas\[0\]\.question"),
    ],
)
def test_import_squad_rejects_non_squad(tmp_path: Path, content: str, msg: str) -> None:
    src = tmp_path / "bad.json"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=msg):
        import_squad(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing written on failure


def test_import_squad_refuses_non_empty_corpus_unless_overwrite(tmp_path: Path) -> None:
    src = _write_json(tmp_path / "dev.json", SQUAD_V2)
    stale = tmp_path / "out" / "corpus" / "999_stale.txt"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    with pytest.raises(FileExistsError):
        import_squad(src, tmp_path / "out")
    corpus, _, _ = import_squad(src, tmp_path / "out", overwrite=True)
    assert not stale.exists() and len(list(corpus.iterdir())) == 3


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Super_Bowl_50", "Super_Bowl_50"), ("Beyoncé", "Beyonce"), ("../../etc/passwd", "etc_passwd"),
     ("東京", "article"), ("", "article"), ("a  b//c", "a_b_c")],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_bundle_corpus_joins_files_and_rewrites_the_gold_sources(tmp_path) -> None:
    """``scripts/bundle_corpus.py`` asks the same questions of long files: each joined file holds
    its articles whole, and each gold item cites the joined file that holds its article."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(5):
        (corpus / f"{k:03d}_a{k}.txt").write_text(f"Article {k}.\n\nIts text {k}.\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "q", "question": "Which?", "answers": ["Its text 3"],
                                "sources": ["003_a3.txt"]}) + "\n", "utf-8")
    out = tmp_path / "long"
    script = [sys.executable, str(root / "scripts" / "bundle_corpus.py")]
    done = subprocess.run([*script, str(corpus), str(gold), str(out), "--per-file", "2"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (out / "corpus").iterdir()) == ["bundle_000.txt", "bundle_001.txt", "bundle_002.txt"]
    joined = (out / "corpus" / "bundle_001.txt").read_text("utf-8")
    assert joined == "Article 2.\n\nIts text 2.\n\nArticle 3.\n\nIts text 3.\n"
    item = json.loads((out / "gold.jsonl").read_text("utf-8"))
    assert item["sources"] == ["bundle_001.txt"] and item["answers"] == ["Its text 3"]
    again = subprocess.run([*script, str(corpus), str(gold), str(out)], capture_output=True, text=True)
    assert again.returncode == 2 and again.stderr.startswith("error:") and "Traceback" not in again.stderr

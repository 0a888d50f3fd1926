"""Corpus reading: what is indexed, what is skipped and why, and markup blanking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qa.corpus import CorpusError, clean_view, load_corpus


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    root.mkdir()
    (root / "good.txt").write_text("Paris is the capital of France.", "utf-8")
    (root / "notes.md").write_text("# Title\n\nBerlin is in **Germany**.", "utf-8")
    (root / "name with spaces é.txt").write_text("Rome is in Italy.", "utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\n ")
    (root / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (root / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    (root / ".hidden.txt").write_text("Secret text.", "utf-8")
    (root / ".drafts").mkdir()
    (root / ".drafts" / "draft.txt").write_text("Draft text.", "utf-8")
    (root / "image.png").write_bytes(b"not text")
    outside = tmp_path / "outside.txt"
    outside.write_text("Outside the corpus.", "utf-8")
    os.symlink(outside, root / "link_out.txt")
    os.symlink(root / "good.txt", root / "link_in.txt")
    return root


def test_reads_good_files_and_skips_bad_ones_with_named_warnings(tmp_path):
    warnings: list[str] = []
    docs = load_corpus(_corpus(tmp_path), warn=warnings.append)
    names = sorted(d.name for d in docs)
    assert names == ["good.txt", "link_in.txt", "name with spaces é.txt", "notes.md"]
    text = "\n".join(warnings)
    for skipped, why in [("empty.txt", "empty file"), ("blank.txt", "empty file"), ("binary.txt", "binary file"),
                         ("latin1.txt", "not valid UTF-8"), (".hidden.txt", "hidden file"),
                         (".drafts/", "hidden folder"), ("link_out.txt", "symlink that is broken or leads outside the corpus")]:
        assert f"skipped {skipped}: {why}" in text
    assert "image.png" not in text  # other suffixes are not corpus files at all
    assert len(warnings) == 7


def test_a_file_whose_name_is_not_utf8_is_skipped_with_a_warning(tmp_path):
    """No answer, page or /sources listing could name it (JSON cannot hold the byte)."""
    root = tmp_path / "c"
    root.mkdir()
    (root / "good.txt").write_text("Grace Hopper wrote the first compiler in 1952.", "utf-8")
    with open(os.path.join(os.fsencode(root), b"\xffbad.txt"), "wb") as fh:
        fh.write(b"Ada Lovelace wrote the first program.")
    warnings: list[str] = []
    assert [d.name for d in load_corpus(root, warn=warnings.append)] == ["good.txt"]
    assert warnings == ["warning: skipped \\xffbad.txt: file name is not valid UTF-8 (rename the file)"]


def test_a_50_mb_file_is_skipped_with_a_warning_unless_the_limit_allows_it(tmp_path, monkeypatch):
    root = tmp_path / "c"
    root.mkdir()
    (root / "small.txt").write_text("Paris is the capital of France.", "utf-8")
    line = "The ministers met in Moscow and talked about the roadmap for Syria and Turkey.\n"
    with open(root / "huge dump ü.txt", "w", encoding="utf-8") as f:
        f.write(line * (50_000_000 // len(line) + 1))
    warnings: list[str] = []
    docs = load_corpus(root, warn=warnings.append)
    assert [d.name for d in docs] == ["small.txt"]
    assert len(warnings) == 1 and "skipped huge dump ü.txt: 50.0 MB is over the 10 MB limit" in warnings[0]
    monkeypatch.setenv("QA_MAX_FILE_MB", "60")
    docs = load_corpus(root, warn=warnings.append)
    assert sorted(d.name for d in docs) == ["huge dump ü.txt", "small.txt"]
    assert docs[0].size > 50_000_000 and docs[0].text.startswith("The ministers")


def test_raw_text_is_file_bytes_decoded(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    data = "line one\r\nline two ✓\n".encode("utf-8")
    (root / "crlf.txt").write_bytes(data)
    (doc,) = load_corpus(root)
    assert doc.text.encode("utf-8") == data
    assert doc.size == len(data)


def test_empty_corpus_is_an_error(tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    (root / "e.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="no readable"):
        load_corpus(root)
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "missing")


def test_clean_view_blanks_markup_and_keeps_offsets():
    raw = "By [AFP](#)\n\n**Valery Sharifulin / TASS** and <https://x.org/a> `code`\n# Head"
    clean = clean_view(raw)
    assert len(clean) == len(raw)
    assert "AFP" in clean and "[" not in clean and "](#)" not in clean
    assert "**" not in clean and "`" not in clean and "<https" not in clean
    assert clean.index("Valery") == raw.index("Valery")
    assert clean.index("Head") == raw.index("Head")


@pytest.mark.parametrize("hostile", [
    "[" + "a" * 50,  # link openers that never close
    "<https://",  # autolink openers that never close
    "![" + "b" * 10,
    "[a](",
])
def test_clean_view_of_a_hostile_line_is_linear_and_keeps_the_text(hostile):
    """A 200 KB line of unclosed link openers took 40 s to clean before the patterns were
    bounded; now it is left as it is (nothing there is markup) in a blink."""
    text = hostile * (200_000 // len(hostile))
    assert clean_view(text) == text

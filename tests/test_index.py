"""Index persistence: offsets, reuse without re-encoding, rebuilds on change, damage detection."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qa.index import open_index


def test_passages_and_sentences_index_the_raw_text(pipeline):
    ix = pipeline.index
    a = ix.analysis
    assert ix.n_passages > 0
    for i in range(ix.n_passages):
        doc = ix.docs[ix.pass_doc[i]]
        text = ix.passage_text(i)
        assert text == doc.text[ix.pass_start[i] : ix.pass_end[i]]
        assert text == text.strip() and text
    # Every sentence lies inside at least one passage, so no answer is cut in two.
    covered = set()
    for i in range(ix.n_passages):
        covered.update(range(int(ix.pass_sent_lo[i]), int(ix.pass_sent_hi[i])))
    assert covered == set(range(a.n_sentences))
    # Consecutive passages of a document overlap by a sentence.
    for i in range(ix.n_passages - 1):
        if ix.pass_doc[i] == ix.pass_doc[i + 1]:
            assert ix.pass_sent_lo[i + 1] < ix.pass_sent_hi[i]


def test_candidates_never_carry_markup(pipeline):
    ix = pipeline.index
    a = ix.analysis
    for c in range(len(a.cand_tok_lo)):
        doc = ix.docs[a.tok_doc[a.cand_tok_lo[c]]]
        span = doc.text[a.cand_start[c] : a.cand_end[c]]
        assert "](#)" not in span and "**" not in span and not span.startswith("[")
        assert span == span.strip() and span
        assert span.count("[") == span.count("]") and span.count("(") == span.count(")")


def test_coordinated_adjectives_are_candidates_and_single_ones_are_not(pipeline):
    """"Under what conditions should Syrians return?" -> "safe, voluntary and dignified": the
    adjectives of "return" without it. A lone adjective ("stalled" of "stalled bilateral
    relations") is not made one."""
    ix, a = pipeline.index, pipeline.index.analysis
    spans = {ix.docs[a.tok_doc[a.cand_tok_lo[c]]].text[a.cand_start[c] : a.cand_end[c]] for c in range(len(a.cand_start))}
    assert {"safe, voluntary and dignified", "positive and constructive", "slow but steady"} <= spans
    assert "stalled" not in spans


def _small_corpus(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "a.txt").write_text("Lavrov is the foreign minister of Russia. He met colleagues in Moscow.", "utf-8")
    (root / "b.txt").write_text("The summit of the Arab League is on May 19 in Saudi Arabia.", "utf-8")
    return root


def test_reuse_and_rebuild_on_change(tmp_path, encoder):
    corpus = _small_corpus(tmp_path / "c")
    idx = tmp_path / "idx"
    logs: list[str] = []
    _, built = open_index(corpus, idx, encoder, log=logs.append)
    assert built
    _, built = open_index(corpus, idx, encoder, log=logs.append)
    assert not built  # loaded without re-encoding anything

    (corpus / "a.txt").write_text("Lavrov is Russia's foreign minister.", "utf-8")
    logs.clear()
    index, built = open_index(corpus, idx, encoder, log=logs.append)
    why = next(line for line in logs if line.startswith("building"))
    assert built and "changed" in why and "a.txt" in why
    # Only the changed file's text is encoded again; b.txt's embeddings are reused.
    assert any("reused from the previous build" in line and "(0 reused" not in line for line in logs)

    (corpus / "c.md").write_text("Mekdad is Syria's foreign minister.", "utf-8")
    logs.clear()
    index, built = open_index(corpus, idx, encoder, log=logs.append)
    why = next(line for line in logs if line.startswith("building"))
    assert built and "added" in why and "c.md" in why
    assert {d.name for d in index.docs} == {"a.txt", "b.txt", "c.md"}

    (corpus / "b.txt").unlink()
    logs.clear()
    index, built = open_index(corpus, idx, encoder, log=logs.append)
    assert built and any("removed" in line for line in logs)
    assert {d.name for d in index.docs} == {"a.txt", "c.md"}
    manifest = json.loads((idx / "manifest.json").read_text())
    assert set(manifest["files"]) == {"a.txt", "c.md"}
    assert manifest["model"]["dimension"] == 384 and manifest["passages"] == index.n_passages
    for key in ("weights_sha256", "name"):
        assert manifest["model"][key]
    assert manifest["chunking"] and manifest["version"]


@pytest.mark.parametrize("damage", ["truncate_tables", "garble_manifest", "delete_faiss"])
def test_damaged_index_is_detected_and_rebuilt(tmp_path, encoder, damage):
    corpus = _small_corpus(tmp_path / "c")
    idx = tmp_path / "idx"
    open_index(corpus, idx, encoder)
    manifest = json.loads((idx / "manifest.json").read_text())
    if damage == "truncate_tables":
        path = idx / manifest["data"]["tables"]["file"]
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "garble_manifest":
        (idx / "manifest.json").write_text("{not json")
    else:
        (idx / manifest["data"]["dense"]["file"]).unlink()
    logs: list[str] = []
    index, built = open_index(corpus, idx, encoder, log=logs.append)
    assert built and logs
    assert index.n_passages > 0
    _, built = open_index(corpus, idx, encoder)
    assert not built


def test_old_generation_files_are_removed(tmp_path, encoder):
    corpus = _small_corpus(tmp_path / "c")
    idx = tmp_path / "idx"
    open_index(corpus, idx, encoder)
    open_index(corpus, idx, encoder, rebuild=True)
    names = sorted(p.name for p in idx.iterdir() if not p.name.startswith("."))
    assert len([n for n in names if n.startswith("tables-")]) == 1
    assert len([n for n in names if n.startswith("dense-")]) == 1
    shutil.rmtree(idx)


@pytest.mark.parametrize("british, american", [
    ("defence", "defense"), ("normalising", "normalizing"), ("neighbours", "neighbors"), ("centre", "center"),
    ("met", "meet"),  # irregular forms too
])
def test_british_and_american_spellings_share_a_stem(british: str, american: str) -> None:
    from qa.text import stem

    assert stem(british) == stem(american)


def test_excepted_part_in_another_spelling_is_dropped(pipeline) -> None:
    """"Besides the defence side, ...": the answer's "defense ministries" is that side."""
    assert pipeline.ask("Besides the defence side, which security bodies were to coordinate on the roadmap?").answer \
        == "intelligence chiefs"


def test_a_passage_does_not_run_across_two_long_paragraphs() -> None:
    """A blank line between two paragraphs of ``paragraph_words`` words or more (an encyclopedia's, each a topic of
    its own) ends a passage, and the next does not overlap back across it; a news report's short
    paragraphs are read together as before (``_paragraph_breaks``)."""
    from qa.analysis import analyse
    from qa.corpus import Document
    from qa.index import CHUNKING, _paragraph_breaks, _passages

    sentences = CHUNKING["paragraph_words"] // 9 + 1  # of 9 words each
    long_one = " ".join(f"The river Alpha carries {k} boats past the mill." for k in range(sentences))
    long_two = " ".join(f"The mountain Beta rises {k} metres above the plain." for k in range(sentences))
    short = "A short paragraph of news. It has two sentences."
    text = f"{long_one}\n\n{long_two}\n\n{short}\n\n{short}\n"
    docs = [Document("a.txt", Path("a.txt"), text, "", len(text))]
    a = analyse(docs)
    breaks = _paragraph_breaks(a, docs)
    opening = [int(a.sent_start[s]) for s in breaks.nonzero()[0]]
    assert opening == [text.index("The mountain Beta")]  # not before the short paragraphs
    rows = _passages(a, docs)
    border = int(breaks.nonzero()[0][0])
    for _, lo, hi in rows:
        assert not lo < border < hi  # no passage holds sentences of both long paragraphs
    assert any(lo < hi - 1 and text[int(a.sent_start[lo]):int(a.sent_end[hi - 1])].count("\n\n") for _, lo, hi in rows)

"""The dense index: exact search for small corpora, IVF over 8-bit vectors above the threshold."""

from __future__ import annotations

import json
import shutil

import faiss
import numpy as np

import qa.dense
from qa.dense import EXACT_LIMIT, build_dense, plan, prepare
from qa.pipeline import Pipeline


def test_plan_is_exact_up_to_the_limit_then_ivf():
    assert plan(10)["kind"] == plan(EXACT_LIMIT)["kind"] == "flat-ip"
    big = plan(1_000_000)
    assert big["kind"] == "ivf-sq8" and big["nlist"] == 1024 and 8 <= big["nprobe"] < big["nlist"]


def test_ivf_finds_the_exact_neighbours_of_real_embeddings(pipeline, tmp_path):
    """Recall against exact search on vectors made from the seeds' real sentence embeddings,
    and the same answers after a write/read round trip (nprobe restored from the spec)."""
    real = pipeline.index.sent_emb.astype(np.float32)
    rng = np.random.default_rng(0)
    i, j = rng.integers(len(real), size=20_000), rng.integers(len(real), size=20_000)
    vecs = real[i] + rng.uniform(0, 0.5, (20_000, 1)).astype(np.float32) * real[j]
    vecs += rng.normal(0, 0.25 / np.sqrt(real.shape[1]), vecs.shape).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    queries = pipeline.encoder.encode(["Who met in Moscow?", "What did Turkey ask for?",
                                       "When is the Arab League summit?", "What about refugees?"])
    spec = {"kind": "ivf-sq8", "nlist": 64, "nprobe": 16}
    index, _ = build_dense(vecs, spec)
    flat = faiss.IndexFlatIP(vecs.shape[1])
    flat.add(vecs)
    _, truth = flat.search(queries, 10)
    _, found = index.search(queries, 10)
    recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth)])
    assert recall >= 0.9
    faiss.write_index(index, str(tmp_path / "d.faiss"))
    again = prepare(faiss.read_index(str(tmp_path / "d.faiss")), spec)
    assert faiss.extract_index_ivf(again).nprobe == 16
    assert np.array_equal(again.search(queries, 10)[1], found)
    assert np.allclose(again.reconstruct(int(found[0, 0])), vecs[found[0, 0]], atol=0.02)


def test_index_above_the_threshold_is_ivf_and_answers(seeds_copy, encoder, monkeypatch, tmp_path):
    """A corpus over the (lowered) threshold is indexed with IVF, recorded in the manifest,
    and reloads and answers with exact offsets."""
    corpus = tmp_path / "c"
    shutil.copytree(seeds_copy, corpus)
    monkeypatch.setattr(qa.dense, "EXACT_LIMIT", 10)
    idx = tmp_path / "idx"
    Pipeline.open(corpus, idx, encoder=encoder)
    manifest = json.loads((idx / "manifest.json").read_text("utf-8"))
    assert manifest["dense"]["kind"] == "ivf-sq8"
    pipe = Pipeline.open(corpus, idx, encoder=encoder)  # reloaded, not rebuilt
    assert pipe.index.summary()["dense"] == "ivf-sq8"
    ans = pipe.ask("Where did the foreign ministers meet?")
    assert ans.answer is not None
    c = ans.citations[0]
    assert (corpus / c.source).read_text("utf-8")[c.start : c.end] == ans.answer

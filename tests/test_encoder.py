"""The encoder backends: the int8 ONNX export agrees with torch, is recorded, and falls back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

import qa.encoder
from qa.encoder import OnnxEncoder, TorchEncoder, load_encoder
from qa.index import open_index

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    texts = [json.loads(line)["question"] for line in (ROOT / "eval" / "gold.jsonl").open(encoding="utf-8")]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        texts += [p for p in path.read_text("utf-8").split("\n") if len(p) > 30]
    return texts


def test_onnx_int8_is_within_0_99_cosine_of_torch(encoder):
    texts = _texts()
    ref = TorchEncoder().encode(texts)
    got = encoder.encode(texts)
    assert got.shape == ref.shape and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
    cos = (ref * got).sum(1)
    assert cos.min() >= 0.99, f"min cosine {cos.min():.4f}"
    # Questions are encoded one at a time: alone, a text is as close to torch. (Dynamic int8
    # scales each batch's activations together, so a vector moves slightly with its batch.)
    alone = np.stack([encoder.encode([t])[0] for t in texts[:60]])
    assert (ref[:60] * alone).sum(1).min() >= 0.99


def test_a_damaged_onnx_file_falls_back_to_torch(tmp_path, monkeypatch):
    bad = tmp_path / "encoder-int8.onnx"
    bad.write_bytes(b"not a model")
    monkeypatch.setattr(qa.encoder, "default_onnx_path", lambda: bad)
    logs: list[str] = []
    enc = load_encoder("onnx-int8", logs.append)
    assert isinstance(enc, TorchEncoder)
    assert any("cannot run here" in line and "using torch" in line for line in logs)


def test_backend_is_recorded_and_a_change_re_encodes(tmp_path, encoder, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Lavrov is the foreign minister of Russia. He met colleagues in Moscow.", "utf-8")
    idx = tmp_path / "idx"
    index, built = open_index(corpus, idx, encoder)
    assert built and index.manifest["model"]["backend"] == "onnx-int8"
    logs: list[str] = []
    index, built = open_index(corpus, idx, TorchEncoder(), log=logs.append)
    assert built and index.manifest["model"]["backend"] == "torch"
    assert any("embedding model changed" in line for line in logs)
    assert isinstance(encoder, OnnxEncoder)


def test_unknown_backend_is_a_one_line_cli_error(tmp_path):
    env = {**os.environ, "QA_ENCODER": "bogus"}
    out = subprocess.run([sys.executable, "-m", "qa.cli", "index", "--corpus", str(ROOT / "seeds"),
                          "--index", str(tmp_path / "idx")], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "unknown encoder backend 'bogus'" in out.stderr
    assert not (tmp_path / "idx").exists()

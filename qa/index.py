"""The persisted index: passages, index-time analysis, embeddings, FAISS and BM25, plus manifest.

Layout of the index folder: ``manifest.json`` names one *generation* of data files
(``tables-<gen>.npz``, ``dense-<gen>.faiss``, ``vocab-<gen>.json``) with their sha256. Data files
are written first (temp file, fsync, rename), the manifest last, the same way; files of older
generations are removed only after that. A build killed at any moment therefore leaves either
the old complete index or the new one, and a damaged file fails its checksum and is rebuilt.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np
import scipy.sparse as sp

from qa import __version__
from qa.analysis import F_PUNCT, F_STOP, Analysis, analyse
from qa.corpus import CorpusError, Document, clean_view, load_corpus
from qa.dense import build_dense, prepare
from qa.encoder import Encoder
from qa.lexical import bm25_matrix

FORMAT = 2
# A passage is up to max_words of whole sentences, the next one starting a sentence before its end.
# It does not run on past a blank line between two paragraphs of paragraph_words words or more
# (an encyclopedia's or a paper's paragraphs: each a topic of its own), nor overlap back across
# it; shorter paragraphs (a news report's one or two sentences) are read together as before.
CHUNKING = {"unit": "spacy-sentence", "max_words": 120, "overlap_sentences": 1, "paragraph_words": 100}
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
Log = Callable[[str], None]


@dataclass
class CorpusIndex:
    """Everything needed to answer questions, loaded in memory."""

    manifest: dict
    docs: list[Document]
    analysis: Analysis
    pass_doc: np.ndarray
    pass_start: np.ndarray
    pass_end: np.ndarray
    pass_sent_lo: np.ndarray
    pass_sent_hi: np.ndarray
    sent_emb: np.ndarray
    dense: faiss.Index
    bm25: sp.csr_matrix
    vocab_ids: dict[str, int] = field(default_factory=dict)
    embedding_cache: tuple[np.ndarray, np.ndarray] | None = None  # set by build, for save
    cleans: list[str] | None = None  # markup-free views of the documents, same offsets

    def __post_init__(self) -> None:
        self.vocab_ids = {w: i for i, w in enumerate(self.analysis.vocab)}
        if self.cleans is None:
            self.cleans = [clean_view(d.text) for d in self.docs]
        self.doc_by_name = {d.name: i for i, d in enumerate(self.docs)}
        # Document frequency of each stem over sentences, for idf weights at question time.
        a = self.analysis
        sent_of_tok = np.repeat(np.arange(a.n_sentences), np.diff(a.sent_tok))
        pairs = np.unique(np.stack([a.tok_stem.astype(np.int64), sent_of_tok]), axis=1)
        df = np.bincount(pairs[0], minlength=len(a.vocab))
        self.idf = np.log((a.n_sentences + 1) / (df + 0.5)).astype(np.float32)

    def rarity(self, stem: str) -> float:
        """A stem's idf over the corpus's sentences: what a question's word weighs where a
        sentence holds it; the highest for a word the corpus never writes."""
        i = self.vocab_ids.get(stem)
        return float(self.idf[i]) if i is not None else float(self.idf.max(initial=1.0))

    @property
    def n_passages(self) -> int:
        return len(self.pass_doc)

    def passage_text(self, i: int) -> str:
        return self.docs[self.pass_doc[i]].text[self.pass_start[i] : self.pass_end[i]]

    def passage_clean(self, i: int) -> str:
        """The passage in the markup-free view: what the models read."""
        return self.cleans[self.pass_doc[i]][self.pass_start[i] : self.pass_end[i]]

    def summary(self) -> dict:
        m = self.manifest
        return {
            "model": m["model"]["name"],
            "encoder": m["model"].get("backend", "torch"),
            "dense": (m.get("dense") or {}).get("kind", "flat-ip"),
            "dimension": m["model"]["dimension"],
            "documents": len(m["files"]),
            "passages": m["passages"],
            "sentences": m["sentences"],
            "chunking": m["chunking"],
            "built_at": m["built_at"],
            "version": m["version"],
        }


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through ``write(tmp_path)``, fsync, then rename over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        with open(tmp_path, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp_path, path)
        _fsync_dir(path.parent)
    finally:
        tmp_path.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@contextlib.contextmanager
def index_lock(index_dir: Path, log: Log) -> Iterator[None]:
    """Exclusive lock on the index folder: a second builder waits instead of corrupting it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"waiting for another process to finish with {index_dir} ...")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def analysis_hash() -> str:
    """Hash of the code that decides passages and candidates: changing it invalidates indexes."""
    import qa.analysis
    import qa.corpus
    import qa.dense
    import qa.text

    h = hashlib.sha256()
    for mod in (qa.analysis, qa.corpus, qa.dense, qa.text):
        h.update(Path(mod.__file__).read_bytes())
    return h.hexdigest()[:16]


def expected_manifest(docs: list[Document], encoder: Encoder) -> dict:
    """The parts of the manifest that must match for an index to be reused."""
    return {
        "format": f"{FORMAT}-{analysis_hash()}",
        "version": __version__,
        "model": {"name": encoder.name, "backend": encoder.backend, "weights_sha256": encoder.weights_hash,
                  "dimension": encoder.dim},
        "files": {d.name: d.sha256 for d in docs},
        "chunking": CHUNKING,
    }


def _mismatch(manifest: dict, expected: dict) -> str | None:
    """Why an existing manifest can't be reused, or None."""
    if manifest.get("format") != expected["format"] or manifest.get("version") != expected["version"]:
        return "it was built by another version of corpus-qa"
    if manifest.get("model") != expected["model"]:
        return "the embedding model changed"
    if manifest.get("chunking") != expected["chunking"]:
        return "the chunking settings changed"
    old, new = manifest.get("files", {}), expected["files"]
    if old != new:
        added = sorted(set(new) - set(old))
        removed = sorted(set(old) - set(new))
        changed = sorted(n for n in set(old) & set(new) if old[n] != new[n])
        parts = [f"{k}: {', '.join(v[:3])}{' ...' if len(v) > 3 else ''}"
                 for k, v in (("added", added), ("removed", removed), ("changed", changed)) if v]
        return "the corpus changed (" + "; ".join(parts) + ")"
    return None


def _paragraph_breaks(a: Analysis, docs: list[Document]) -> np.ndarray:
    """Per sentence: whether it opens a paragraph (a blank line before it, in its file) that
    follows one and both hold at least ``paragraph_words`` words: where a passage ends."""
    n, long_enough = a.n_sentences, CHUNKING["paragraph_words"]
    breaks = np.zeros(n, np.bool_)
    if n == 0:
        return breaks
    words = np.diff(a.sent_tok)
    opens = np.zeros(n, np.bool_)
    for s in range(1, n):
        if a.sent_doc[s] == a.sent_doc[s - 1]:
            opens[s] = bool(_BLANK_LINE.search(docs[a.sent_doc[s]].text, int(a.sent_end[s - 1]), int(a.sent_start[s])))
    # each sentence's paragraph: its number, counted over the corpus
    paragraph = np.cumsum(opens | np.r_[True, a.sent_doc[1:] != a.sent_doc[:-1]]) - 1
    size = np.bincount(paragraph, weights=words)
    for s in np.flatnonzero(opens):
        breaks[s] = size[paragraph[s] - 1] >= long_enough and size[paragraph[s]] >= long_enough
    return breaks


def _passages(a: Analysis, docs: list[Document]) -> np.ndarray:
    """Windows of whole sentences (up to max_words), overlapping by whole sentences, within a
    file and not across a break between two long paragraphs (``_paragraph_breaks``)."""
    max_words, overlap = CHUNKING["max_words"], CHUNKING["overlap_sentences"]
    words = np.diff(a.sent_tok)
    breaks = _paragraph_breaks(a, docs)
    rows: list[tuple[int, int, int]] = []
    s = 0
    n = a.n_sentences
    while s < n:
        doc = a.sent_doc[s]
        e, total = s, 0
        while e < n and a.sent_doc[e] == doc and (e == s or total + words[e] <= max_words and not breaks[e]):
            total += words[e]
            e += 1
        rows.append((int(doc), s, e))
        if e >= n or a.sent_doc[e] != doc or breaks[e]:
            s = e
        else:
            s = max(s + 1, e - overlap)
    return np.asarray(rows, np.int64).reshape(-1, 3)


def _squash(text: str) -> str:
    return " ".join(text.split())


def text_key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


def _encode_cached(encoder: Encoder, texts: list[str], cache: dict[bytes, np.ndarray], progress: bool,
                   log: Log) -> np.ndarray:
    """Encode only the texts whose embedding the previous build does not already hold."""
    keys = [text_key(t) for t in texts]
    missing = sorted({k: i for i, k in enumerate(keys) if k not in cache}.values())
    reused = len({k for k in keys if k in cache})
    if progress or reused:
        log(f"encoding {len(missing)} distinct passages and sentences "
            f"({reused} reused from the previous build)")
    fresh = encoder.encode([texts[i] for i in missing], progress=progress)
    new = {keys[i]: fresh[j] for j, i in enumerate(missing)}
    out = np.empty((len(texts), encoder.dim), np.float32)
    for i, k in enumerate(keys):
        out[i] = new[k] if k in new else cache[k]
    return out


def load_embedding_cache(index_dir: Path, model: dict) -> dict[bytes, np.ndarray]:
    """Embeddings of the last good build, if it used the same model (else nothing)."""
    try:
        manifest = read_manifest(index_dir)
        entry = manifest["data"].get("embcache")
        if manifest.get("model") != model or not entry:
            return {}
        path = index_dir / entry["file"]
        if file_sha256(path) != entry["sha256"]:
            return {}
        with np.load(path) as z:
            keys, vecs = z["keys"], z["vectors"]
        return {bytes(k): v for k, v in zip(keys, vecs)}
    except Exception:  # noqa: BLE001 - a cache that can't be read is simply not used
        return {}


def build(docs: list[Document], encoder: Encoder, progress: bool, log: Log,
          cache: dict[bytes, np.ndarray] | None = None) -> CorpusIndex:
    """Analyse, chunk and encode the corpus; nothing is written here."""
    from tqdm import tqdm

    t0 = time.perf_counter()
    with tqdm(total=len(docs), desc="analysing", unit="file", disable=not progress, leave=False) as bar:
        a = analyse(docs, progress=bar.update)
    rows = _passages(a, docs)
    cleans = [clean_view(d.text) for d in docs]
    p_doc, p_lo, p_hi = rows[:, 0], rows[:, 1], rows[:, 2]
    p_start, p_end = a.sent_start[p_lo], a.sent_end[p_hi - 1]
    passage_texts = [_squash(cleans[d][s:e]) for d, s, e in zip(p_doc, p_start, p_end)]
    sent_texts = [_squash(cleans[d][s:e]) for d, s, e in zip(a.sent_doc, a.sent_start, a.sent_end)]
    vectors = _encode_cached(encoder, passage_texts + sent_texts, cache or {}, progress, log)
    p_emb, s_emb = vectors[: len(passage_texts)], vectors[len(passage_texts) :]
    dense, dense_spec = build_dense(p_emb.reshape(-1, encoder.dim))
    keep = (a.tok_flags & (F_STOP | F_PUNCT)) == 0
    terms = [a.tok_stem[a.sent_tok[lo] : a.sent_tok[hi]][keep[a.sent_tok[lo] : a.sent_tok[hi]]]
             for lo, hi in zip(p_lo, p_hi)]
    manifest = expected_manifest(docs, encoder)
    manifest.update(dense=dense_spec, passages=len(rows), sentences=a.n_sentences, candidates=len(a.cand_tok_lo),
                    built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    build_seconds=round(time.perf_counter() - t0, 3))
    index = CorpusIndex(manifest, docs, a, p_doc, p_start, p_end, p_lo, p_hi,
                        s_emb.astype(np.float16), dense, bm25_matrix(terms, len(a.vocab)), cleans=cleans)
    index.embedding_cache = (np.frombuffer(b"".join(text_key(t) for t in passage_texts + sent_texts),
                                           np.uint8).reshape(-1, 20), vectors)
    return index


def save(index: CorpusIndex, index_dir: Path) -> None:
    """Persist one new generation atomically, then drop the files of older ones."""
    index_dir.mkdir(parents=True, exist_ok=True)
    gen = uuid.uuid4().hex[:12]
    a = index.analysis
    names = {"tables": f"tables-{gen}.npz", "dense": f"dense-{gen}.faiss", "vocab": f"vocab-{gen}.json",
             "embcache": f"embcache-{gen}.npz"}
    arrays = {k: getattr(a, k) for k in Analysis.ARRAYS}
    arrays.update(pass_doc=index.pass_doc, pass_start=index.pass_start, pass_end=index.pass_end,
                  pass_sent_lo=index.pass_sent_lo, pass_sent_hi=index.pass_sent_hi,
                  sent_emb=index.sent_emb, bm25_data=index.bm25.data, bm25_indices=index.bm25.indices,
                  bm25_indptr=index.bm25.indptr, bm25_shape=np.asarray(index.bm25.shape))

    def write_npz(p: Path) -> None:
        with open(p, "wb") as f:
            np.savez(f, **arrays)

    atomic_write(index_dir / names["tables"], write_npz)
    atomic_write(index_dir / names["dense"], lambda p: faiss.write_index(index.dense, str(p)))
    atomic_write(index_dir / names["vocab"], lambda p: p.write_text(json.dumps(a.vocab), "utf-8"))
    keys, vectors = index.embedding_cache

    def write_cache(p: Path) -> None:
        with open(p, "wb") as f:
            np.savez(f, keys=keys, vectors=vectors)

    atomic_write(index_dir / names["embcache"], write_cache)
    manifest = dict(index.manifest)
    manifest["data"] = {role: {"file": name, "sha256": file_sha256(index_dir / name)}
                        for role, name in names.items()}
    payload = json.dumps(manifest, indent=2, sort_keys=True)
    atomic_write(index_dir / "manifest.json", lambda p: p.write_text(payload, "utf-8"))
    index.manifest = manifest
    keep = set(names.values())
    for path in index_dir.iterdir():
        if path.name.split("-")[0] in names and path.name not in keep:
            path.unlink(missing_ok=True)


def read_manifest(index_dir: Path) -> dict:
    """The manifest, or raises ValueError saying why it can't be read."""
    path = index_dir / "manifest.json"
    if not path.exists():
        raise ValueError("no index has been built yet")
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"its manifest is unreadable ({exc.__class__.__name__})") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("data"), dict):
        raise ValueError("its manifest is incomplete")
    return manifest


def load(index_dir: Path, manifest: dict, docs: list[Document]) -> CorpusIndex:
    """Load a generation after checking every data file against its checksum."""
    files = {}
    for role in ("tables", "dense", "vocab"):
        entry = manifest["data"].get(role) or {}
        path = index_dir / str(entry.get("file", ""))
        if not path.is_file() or file_sha256(path) != entry.get("sha256"):
            raise ValueError(f"its {role} file is missing or damaged (checksum mismatch)")
        files[role] = path
    try:
        with np.load(files["tables"]) as z:
            t = {k: z[k] for k in z.files}
        vocab = json.loads(files["vocab"].read_text("utf-8"))
        dense = prepare(faiss.read_index(str(files["dense"])), manifest.get("dense") or {})
    except Exception as exc:  # noqa: BLE001 - any decoding failure means "rebuild"
        raise ValueError(f"its data files could not be read ({exc.__class__.__name__})") from exc
    a = Analysis(vocab=vocab, **{k: t[k] for k in Analysis.ARRAYS})
    bm25 = sp.csr_matrix((t["bm25_data"], t["bm25_indices"], t["bm25_indptr"]),
                         shape=tuple(int(x) for x in t["bm25_shape"]))
    return CorpusIndex(manifest, docs, a, t["pass_doc"], t["pass_start"], t["pass_end"],
                       t["pass_sent_lo"], t["pass_sent_hi"], t["sent_emb"], dense, bm25)


def check_index_dir(index_dir: Path) -> None:
    """Raise ``CorpusError`` where ``index_dir`` is taken by a file (it is made where missing)."""
    if index_dir.exists() and not index_dir.is_dir():
        raise CorpusError(f"index folder {index_dir} is a file, not a folder")


def open_index(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    rebuild: bool = False,
    progress: bool = False,
    log: Log = lambda msg: None,
) -> tuple[CorpusIndex, bool]:
    """Load the index for this corpus, building it first when missing or stale.

    Returns ``(index, built)``: ``built`` says whether anything was (re-)encoded.
    """
    check_index_dir(index_dir)
    docs = load_corpus(corpus_dir, warn=log)
    expected = expected_manifest(docs, encoder)
    with index_lock(index_dir, log):
        for stale in index_dir.glob(".*.tmp"):  # left by a writer that was killed
            stale.unlink(missing_ok=True)
        if not rebuild:
            try:
                manifest = read_manifest(index_dir)
                why = _mismatch(manifest, expected)
                if why is None:
                    return load(index_dir, manifest, docs), False
            except ValueError as exc:
                why = str(exc)
            log(f"building the index in {index_dir}: {why}")
        else:
            log(f"rebuilding the index in {index_dir}")
        index = build(docs, encoder, progress, log, load_embedding_cache(index_dir, expected["model"]))
        save(index, index_dir)
        index.embedding_cache = None
        return index, True

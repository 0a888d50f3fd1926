"""Indexing speed against the bare encoder, the unchanged re-run, and adding one file.

    .venv/bin/python bench/indexing.py [--corpus DIR] [--files 150]

Without ``--corpus``, the first ``--files`` articles of MLQA (``../shared/qa-train``, one file
per article) are the corpus. Prints, from the same run:
  1. the bare encoder's throughput on the index's own passage texts (passages/s);
  2. a full build (``open_index(rebuild=True)``: read, spaCy analysis, chunking, encoding of
     passages and sentences, FAISS, BM25, atomic write) as passages/s and its ratio to 1.;
  3. ``qa index`` on the unchanged corpus, as a new process, wall time;
  4. ``qa index`` after adding one file: wall time and how many texts were encoded.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "qa-train"


def default_corpus(files: int) -> Path:
    from qa.squad import import_squad

    src = ROOT / "build" / "bench" / "mlqa"
    if not (src / "corpus").is_dir():
        import_squad(SHARED / "mlqa-en-dev.json", src, overwrite=True)
    out = ROOT / "build" / "bench" / f"index-corpus-{files}"
    if not out.is_dir():
        out.mkdir(parents=True)
        for path in sorted((src / "corpus").glob("*.txt"))[: files + 1]:
            shutil.copy(path, out / path.name)
    return out


def qa_index(corpus: Path, index: Path) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "qa.cli", "index", "--corpus", str(corpus), "--index", str(index)],
                         capture_output=True, text=True, check=True)
    return time.perf_counter() - t, out.stdout + out.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--files", type=int, default=150)
    args = ap.parse_args()
    from qa.encoder import load_encoder
    from qa.index import _squash, open_index

    corpus_src = args.corpus or default_corpus(args.files)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(corpus_src, corpus)
        files = sorted(corpus.glob("*.txt"))
        held_back = files[-1]  # the "one file added" later
        extra = Path(tmp) / held_back.name
        shutil.move(held_back, extra)
        index_dir = Path(tmp) / "index"
        enc = load_encoder()
        enc.encode(["warm-up"])

        t = time.perf_counter()
        index, _ = open_index(corpus, index_dir, enc, rebuild=True)
        build_s = time.perf_counter() - t
        n = index.n_passages
        texts = [_squash(index.passage_clean(i)) for i in range(n)]
        t = time.perf_counter()
        enc.encode(texts)
        bare_s = time.perf_counter() - t
        bare, full = n / bare_s, n / build_s
        print(f"corpus: {len(files) - 1} files, {sum(f.stat().st_size for f in corpus.glob('*.txt')) / 1e6:.1f} MB, "
              f"{n} passages, {index.manifest['sentences']} sentences; encoder {enc.backend}")
        print(f"bare encoder on the passages          {bare:8.1f} passages/s ({bare_s:.1f} s)")
        print(f"full build (qa index --rebuild)       {full:8.1f} passages/s ({build_s:.1f} s): "
              f"{full / bare * 100:.0f}% of the bare encoder")
        s, _ = qa_index(corpus, index_dir)
        print(f"qa index, unchanged corpus            {s:8.2f} s (new process, wall)")
        shutil.move(extra, corpus / extra.name)
        s, log = qa_index(corpus, index_dir)
        line = next((x for x in log.splitlines() if x.startswith("encoding")), "?")
        print(f"qa index after adding one file        {s:8.2f} s; {line}")


if __name__ == "__main__":
    main()

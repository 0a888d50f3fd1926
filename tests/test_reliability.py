"""Reliability: a killed build never leaves a broken index; concurrent builds; graceful stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from helpers import free_port
from qa.index import open_index

WORDS = ("minister summit treaty river capital council harbour election railway festival museum "
         "province senate market bridge airport university company village cathedral").split()


def _big_corpus(root: Path, files: int = 120) -> Path:
    """Enough text that encoding it takes several seconds on 2 cores."""
    root.mkdir(parents=True)
    for i in range(files):
        sents = [f"The {WORDS[(i + j) % len(WORDS)]} of town {i} opened in {1900 + (i * 7 + j) % 120} "
                 f"after {j + 2} years of work by {WORDS[(i * 3 + j) % len(WORDS)]} builders." for j in range(12)]
        (root / f"doc_{i:03d}.txt").write_text(" ".join(sents) + "\n", "utf-8")
    return root


def _qa(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "qa.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def _killed_while_writing(proc: subprocess.Popen, idx: Path, timeout: float = 300.0) -> bool:
    """SIGKILL ``proc`` the moment one of the index's files is half written (a ``.tmp`` beside
    it); True if it was still running then."""
    deadline = time.time() + timeout
    while proc.poll() is None and time.time() < deadline:
        if any(name.endswith(".tmp") for name in os.listdir(idx)):
            break
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    return alive


def test_build_killed_part_way_leaves_a_usable_index(tmp_path, encoder):
    """A rebuild killed while it reads the corpus, and one killed while it writes the index's
    files, leave a folder that loads (old or new) or is rebuilt cleanly."""
    corpus = _big_corpus(tmp_path / "c", files=60)
    idx = tmp_path / "idx"
    # First a complete build, so that there is an old index to keep or replace.
    (corpus / "extra.txt").write_text("The lighthouse keeper was named Ada Fairweather.", "utf-8")
    open_index(corpus, idx, encoder)
    (corpus / "extra.txt").write_text("The lighthouse keeper was named Grace Holloway.", "utf-8")
    for while_writing in (False, True):
        proc = _qa("index", "--corpus", str(corpus), "--index", str(idx), "--rebuild")
        if while_writing:
            assert _killed_while_writing(proc, idx)
        else:
            time.sleep(3.0)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        index, _ = open_index(corpus, idx, encoder)
        assert index.n_passages > 0
        assert not [p.name for p in idx.iterdir() if p.name.endswith(".tmp")]  # swept under the lock
    from qa.pipeline import Pipeline

    pipe = Pipeline.open(corpus, idx, encoder=encoder)
    answer = pipe.ask("What was the name of the lighthouse keeper?")
    assert any(p.source == "extra.txt" and "Grace Holloway" in p.text for p in answer.passages)


def test_two_builds_at_once_do_not_corrupt(tmp_path, encoder):
    corpus = _big_corpus(tmp_path / "c", files=30)
    idx = tmp_path / "idx"
    a = _qa("index", "--corpus", str(corpus), "--index", str(idx))
    b = _qa("index", "--corpus", str(corpus), "--index", str(idx))
    assert a.wait(timeout=600) == 0 and b.wait(timeout=600) == 0
    manifest = json.loads((idx / "manifest.json").read_text())
    assert len(manifest["files"]) == 30
    _, built = open_index(corpus, idx, encoder)
    assert not built




def test_sigterm_finishes_requests_in_flight(seeds_copy, index_dir, pipeline):
    port = free_port()
    proc = _qa("serve", "--corpus", str(seeds_copy), "--index", str(index_dir), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/health", timeout=2).close()
            break
        except OSError:
            assert proc.poll() is None and time.time() < deadline
            time.sleep(0.3)
    results: list[int] = []

    def ask() -> None:
        body = json.dumps({"questions": ["Who is Syria's foreign minister?"] * 12}).encode()
        req = urllib.request.Request(base + "/ask/batch", data=body, headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            results.append(r.status)

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGTERM)
    for t in threads:
        t.join(timeout=120)
    assert proc.wait(timeout=60) == 0
    assert results == [200, 200, 200]


def test_index_over_a_corpus_with_a_50_mb_file_warns_and_serves_the_rest(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "keeper.txt").write_text("The lighthouse keeper was named Ada Fairweather.", "utf-8")
    with open(corpus / "big log.txt", "w", encoding="utf-8") as f:
        f.write(("x" * 99 + "\n") * 500_001)
    proc = _qa("index", "--corpus", str(corpus), "--index", str(tmp_path / "idx"))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "warning: skipped big log.txt: 50.0 MB is over the 10 MB limit" in err
    assert "1 documents" in out
    proc = _qa("ask", "Who was the lighthouse keeper?", "--corpus", str(corpus), "--index", str(tmp_path / "idx"))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "Ada Fairweather" in out


def test_32_concurrent_clients_get_no_error(seeds_copy, index_dir, pipeline, tmp_path):
    """A short version of the soak (bench/load.py, 20,000 requests in docs/benchmarks.md):
    32 clients on one server, one request each, all in flight at once, every request answered
    with a 200, SIGTERM exits 0. (400 requests until session 34: 112 s of the suite on a CPU
    without VNNI; 128 until session 37: 39 s; 64 until session 40: 24 s.)"""
    report = tmp_path / "load.json"
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve().parent.parent / "bench" / "load.py"),
                           "--start-server", "--corpus", str(seeds_copy), "--index", str(index_dir),
                           "--requests", "32", "--concurrency", "32", "--json", str(report)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    r = json.loads(report.read_text())
    assert r["result"]["ok"] == 32 and r["result"]["errors_total"] == 0
    assert r["server"]["exit_code"] == 0


def test_a_passage_of_thousands_of_tokens_is_read_in_few_windows(pipeline):
    """A sentence of thousands of tokens ("A-A-A-...", a table run together) once took 21
    windows of the span head, and a question over such passages 10 to 20 s: each passage is
    read in at most ``MAX_WINDOWS``, prose in one."""
    from qa.span import MAX_WINDOWS

    prose = "The foreign ministers of Turkey, Syria, Russia and Iran met in Moscow on May 10, 2023. " * 2
    windows = pipeline.reader.spans.windows("Where did the ministers meet?", [prose, "A-" * 3000 + "A."])
    assert [w.context for w in windows] == [0] + [1] * MAX_WINDOWS
    assert all(len(w.offsets) <= 256 for w in windows)

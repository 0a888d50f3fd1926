#!/usr/bin/env python3
"""Load generator for the corpus-qa HTTP API (``POST /ask``), loopback only.

Sends N requests from C concurrent clients (asyncio + one httpx.AsyncClient whose connection
pool is capped at C, so each client keeps one keep-alive connection), then prints requests/s,
p50/p95/p99/max latency and the errors counted by status code (any non-200 response or
exception is an error). Stops after N requests or the duration limit, whichever comes first.

    .venv/bin/python bench/load.py --start-server --requests 2000 --concurrency 16
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --requests 2000 --concurrency 16

Exit status: 0 when every counted request got a 200 (and, with --start-server, the server
exited 0), 1 otherwise, 2 for a usage error (bad option, non-loopback URL, unreadable file)
or when the server could not be started.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import math
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = REPO / "eval" / "gold.jsonl"
DEFAULT_CORPUS = REPO / "seeds"
DEFAULT_INDEX = REPO / "embeddings"
HEALTH_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 30.0


class UsageError(Exception):
    """Printed as one line; exit status 2."""


# --------------------------------------------------------------------------- inputs

def check_loopback(url: str) -> str:
    """The base URL without a trailing slash, or UsageError unless its host is loopback."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"not an http(s) URL: {url!r}")
    host = parts.hostname
    ok = host.lower() == "localhost"
    if not ok:
        try:
            addr = ipaddress.ip_address(host)
        except ValueError:
            addr = None
        ok = addr is not None and (addr in ipaddress.ip_network("127.0.0.0/8")
                                   or addr == ipaddress.ip_address("::1"))
    if not ok:
        raise UsageError(f"refusing non-loopback target {host!r}: only 127.0.0.0/8, localhost or ::1")
    try:
        parts.port  # noqa: B018 - validates the port
    except ValueError as exc:
        raise UsageError(f"bad port in {url!r}: {exc}") from None
    return url.rstrip("/")


def load_questions(path: Path) -> list[str]:
    """Questions from a JSONL file (``question`` field) or a plain text file (one per line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read questions file {path}: {exc}") from None
    lines = [ln.strip() for ln in lines]
    lines = [ln for ln in lines if ln]
    jsonl = path.suffix.lower() in (".jsonl", ".ndjson") or (bool(lines) and lines[0].startswith("{"))
    questions: list[str] = []
    for no, line in enumerate(lines, 1):
        if jsonl:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}: line {no} is not JSON: {exc}") from None
            q = obj.get("question") if isinstance(obj, dict) else None
            if isinstance(q, str) and q.strip():
                questions.append(q.strip())
        elif not line.startswith("#"):
            questions.append(line)
    if not questions:
        raise UsageError(f"no questions in {path}")
    return questions


def percentile(sorted_values: list[float], p: float) -> float | None:
    """Nearest-rank percentile of an ascending list (None when empty)."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(p / 100.0 * len(sorted_values)))
    return sorted_values[rank - 1]


# --------------------------------------------------------------------------- server

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> dict[str, int | None]:
    """VmRSS and VmHWM (peak RSS) of a process, in KiB, from /proc/PID/status."""
    out: dict[str, int | None] = {"VmRSS": None, "VmHWM": None}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in out:
                    out[key] = int(value.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return out


class Server:
    """``qa serve`` in a subprocess on a free loopback port; output goes to a temporary log file."""

    def __init__(self, corpus: Path, index: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="qa-serve-", suffix=".log", delete=False)
        cmd = [sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
               "--corpus", str(corpus), "--index", str(index)]
        self.cmd = cmd
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        self.startup_s: float | None = None
        self.exit_code: int | None = None
        self.killed = False

    def log_tail(self, n: int = 15) -> str:
        try:
            return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def wait_healthy(self, timeout: float = HEALTH_TIMEOUT_S) -> dict:
        t0 = time.perf_counter()
        deadline = t0 + timeout
        with httpx.Client(trust_env=False, timeout=5.0) as client:
            while time.perf_counter() < deadline:
                if self.proc.poll() is not None:
                    raise UsageError(f"server exited with status {self.proc.returncode} before it was "
                                     f"healthy; last output:\n{self.log_tail()}")
                try:
                    r = client.get(self.url + "/health")
                    if r.status_code == 200 and r.json().get("status") == "ok":
                        self.startup_s = time.perf_counter() - t0
                        return r.json()
                except (httpx.HTTPError, ValueError):
                    pass
                time.sleep(0.05)
        raise UsageError(f"server not healthy after {timeout:.0f} s; last output:\n{self.log_tail()}")

    def stop(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.killed = True
                self.proc.kill()
                self.proc.wait()
        self.exit_code = self.proc.returncode
        self.log.close()
        return self.exit_code

    def cleanup_log(self) -> None:
        try:
            os.unlink(self.log.name)
        except OSError:
            pass


def check_health(base: str) -> None:
    """UsageError (one line) unless GET /health answers {"status": "ok"}."""
    try:
        with httpx.Client(trust_env=False, timeout=10.0) as client:
            r = client.get(base + "/health")
        ok = r.status_code == 200 and r.json().get("status") == "ok"
        why = f"GET /health returned {r.status_code}"
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        ok, why = False, f"{type(exc).__name__}: {exc}"
    if not ok:
        raise UsageError(f"no healthy corpus-qa server at {base} ({why}); start one or use --start-server")


# --------------------------------------------------------------------------- load

async def run_load(client: httpx.AsyncClient, url: str, questions: list[str], top_k: int,
                   n: int, concurrency: int, limit_s: float, offset: int = 0,
                   on_done=None) -> dict:
    """N requests from C workers, stopped at ``limit_s``; returns raw figures. ``on_done(k)`` is
    called after the k-th completed request."""
    latencies_ok: list[float] = []
    latencies_all: list[float] = []
    errors: Counter[str] = Counter()
    next_i = 0
    last_done = 0.0

    async def worker() -> None:
        nonlocal next_i, last_done
        while next_i < n:
            i = next_i
            next_i += 1
            body = {"question": questions[(offset + i) % len(questions)], "top_k": top_k}
            t = time.perf_counter()
            try:
                r = await client.post(url, json=body)
                key = None if r.status_code == 200 else str(r.status_code)
            except httpx.HTTPError as exc:
                key = type(exc).__name__
            dt = time.perf_counter() - t
            last_done = time.perf_counter()
            latencies_all.append(dt)
            if on_done is not None:
                on_done(len(latencies_all))
            if key is None:
                latencies_ok.append(dt)
            else:
                errors[key] += 1

    t0 = time.perf_counter()
    tasks = [asyncio.create_task(worker()) for _ in range(max(1, min(concurrency, n)))]
    _, pending = await asyncio.wait(tasks, timeout=limit_s)
    stopped_by_limit = bool(pending)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    t_end = time.perf_counter() if stopped_by_limit else (last_done or time.perf_counter())
    completed = len(latencies_all)
    return {
        "started": next_i,
        "completed": completed,
        "abandoned_in_flight": next_i - completed,
        "stopped_by_duration_limit": stopped_by_limit,
        "elapsed_s": t_end - t0,
        "latencies_ok": latencies_ok,
        "latencies_all": latencies_all,
        "errors": dict(sorted(errors.items())),
    }


def summarize(raw: dict) -> dict:
    def stats(values: list[float]) -> dict:
        v = sorted(values)
        ms = lambda x: None if x is None else round(x * 1000.0, 2)  # noqa: E731
        return {"n": len(v), "p50_ms": ms(percentile(v, 50)), "p95_ms": ms(percentile(v, 95)),
                "p99_ms": ms(percentile(v, 99)), "max_ms": ms(v[-1] if v else None),
                "min_ms": ms(v[0] if v else None), "mean_ms": ms(sum(v) / len(v) if v else None)}

    elapsed = raw["elapsed_s"]
    ok = len(raw["latencies_ok"])
    return {
        "started": raw["started"],
        "completed": raw["completed"],
        "ok": ok,
        "errors_total": raw["completed"] - ok,
        "errors_by_status": raw["errors"],
        "abandoned_in_flight": raw["abandoned_in_flight"],
        "stopped_by_duration_limit": raw["stopped_by_duration_limit"],
        "elapsed_s": round(elapsed, 3),
        "requests_per_s": round(raw["completed"] / elapsed, 2) if elapsed > 0 else None,
        "ok_per_s": round(ok / elapsed, 2) if elapsed > 0 else None,
        "latency_ok": stats(raw["latencies_ok"]),
        "latency_all": stats(raw["latencies_all"]),
    }


async def bench(args: argparse.Namespace, base: str, questions: list[str], on_done=None) -> tuple[dict, dict]:
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
    timeout = httpx.Timeout(args.timeout)
    async with httpx.AsyncClient(limits=limits, timeout=timeout, trust_env=False) as client:
        warm = await run_load(client, base + "/ask", questions, args.top_k, args.warmup, args.concurrency,
                              min(args.duration_limit, 120.0))
        # the measured run starts where warm-up left off in the question cycle
        main = await run_load(client, base + "/ask", questions, args.top_k, args.requests, args.concurrency,
                              args.duration_limit, offset=warm["started"], on_done=on_done)
    return summarize(warm), summarize(main)


def encoder_baseline(questions: list[str], threads: int, seconds: float = 10.0) -> dict:
    """Questions/s of the service's encoder alone (one question per call, ``threads`` callers)."""
    import threading

    sys.path.insert(0, str(REPO))
    from qa.encoder import load_encoder

    enc = load_encoder()
    for q in questions[:20]:
        enc.encode([q])
    done = [0] * threads
    stop = time.perf_counter() + seconds

    def work(t: int) -> None:
        i = t
        while time.perf_counter() < stop:
            enc.encode([questions[i % len(questions)]])
            done[t] += 1
            i += threads

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return {"backend": enc.backend, "threads": threads,
            "questions_per_s": round(sum(done) / (time.perf_counter() - t0), 2)}


# --------------------------------------------------------------------------- output

def _mib(kib: int | None) -> str:
    return "?" if kib is None else f"{kib / 1024:.1f} MiB"


def _f(x: float | None, fmt: str = "{:.1f}") -> str:
    return "-" if x is None else fmt.format(x)


def print_table(report: dict) -> None:
    r, cfg = report["result"], report["config"]
    lat = r["latency_ok"]
    stop = (f"duration limit {cfg['duration_limit_s']:g} s reached" if r["stopped_by_duration_limit"]
            else "all requests done")
    print(f"corpus-qa load  {cfg['url']}/ask  top_k={cfg['top_k']}  "
          f"questions={cfg['questions_count']} ({cfg['questions_file']})")
    print(f"  clients         {cfg['concurrency']}   warm-up {cfg['warmup']} (not counted, "
          f"{report['warmup']['errors_total']} errors)")
    print(f"  completed       {r['completed']} of {cfg['requests']} requested ({stop}"
          + (f"; {r['abandoned_in_flight']} in flight abandoned" if r["abandoned_in_flight"] else "") + ")")
    print(f"  elapsed         {r['elapsed_s']:.2f} s")
    print(f"  throughput      {_f(r['requests_per_s'], '{:.2f}')} req/s   (200s: {_f(r['ok_per_s'], '{:.2f}')} req/s)")
    print(f"  latency (ms, 200 responses, n={lat['n']})")
    print(f"    {'p50':>9} {'p95':>9} {'p99':>9} {'max':>9} {'mean':>9}")
    print(f"    {_f(lat['p50_ms']):>9} {_f(lat['p95_ms']):>9} {_f(lat['p99_ms']):>9} "
          f"{_f(lat['max_ms']):>9} {_f(lat['mean_ms']):>9}")
    errs = r["errors_by_status"]
    print(f"  errors          {r['errors_total']}" +
          ("" if not errs else "   (" + ", ".join(f"{k}: {v}" for k, v in errs.items()) + ")"))
    srv = report.get("server")
    if srv:
        print(f"  server          pid {srv['pid']}, healthy after {_f(srv['startup_s'])} s")
        print(f"    RSS           before load {_mib(srv['rss_before_kib'])}, after load {_mib(srv['rss_after_kib'])}"
              f" (peak {_mib(srv['rss_peak_kib'])})")
        if "rss_growth_first_to_last" in srv:
            (k0, first), (k1, last) = srv["rss_samples_kib"][0], srv["rss_samples_kib"][-1]
            print(f"    RSS growth    {_mib(first)} after {k0} requests -> {_mib(last)} after {k1}: "
                  f"{srv['rss_growth_first_to_last'] * 100:+.1f}%")
        print(f"    stopped       SIGTERM -> exit code {srv['exit_code']}"
              + (" (killed after timeout)" if srv["killed"] else ""))
    base = report.get("encoder_baseline")
    if base:
        print(f"  encoder alone   {base['backend']}: {base['questions_per_s']:.1f} questions/s from "
              f"{base['threads']} threads; the server did {r['ok_per_s'] / base['questions_per_s'] * 100:.0f}% of that")


# --------------------------------------------------------------------------- main

def build_parser() -> argparse.ArgumentParser:
    def int_at_least(low: int):
        def parse(v: str) -> int:
            try:
                i = int(v)
            except ValueError:
                raise argparse.ArgumentTypeError(f"not an integer: {v!r}") from None
            if i < low:
                raise argparse.ArgumentTypeError(f"must be at least {low}")
            return i
        return parse

    positive_int, nonneg_int = int_at_least(1), int_at_least(0)

    def positive_float(v: str) -> float:
        try:
            f = float(v)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {v!r}") from None
        if not f > 0 or math.isinf(f):
            raise argparse.ArgumentTypeError("must be a positive number")
        return f

    def top_k(v: str) -> int:
        i = positive_int(v)
        if i > 20:
            raise argparse.ArgumentTypeError("must be between 1 and 20")
        return i

    class Formatter(argparse.ArgumentDefaultsHelpFormatter):
        def _get_help_string(self, action):  # no "(default: None/False)" noise
            if action.default in (None, False):
                return action.help
            return super()._get_help_string(action)

    p = argparse.ArgumentParser(prog="bench/load.py", description=__doc__.split("\n\n")[0],
                                formatter_class=Formatter)
    p.add_argument("--url", default="http://127.0.0.1:8000",
                   help="base URL of a running server (loopback only; ignored with --start-server)")
    p.add_argument("--requests", "-n", type=positive_int, default=2000, help="requests to send (N)")
    p.add_argument("--concurrency", "-c", type=positive_int, default=16, help="concurrent clients (C)")
    p.add_argument("--duration-limit", type=positive_float, default=300.0,
                   help="stop the measured run after this many seconds even if N are not done")
    p.add_argument("--questions", type=Path, default=None,
                   help="plain text (one question a line) or JSONL file with a 'question' field "
                        "(default: eval/gold.jsonl in the repository)")
    p.add_argument("--top-k", type=top_k, default=5, help="top_k sent with each request")
    p.add_argument("--warmup", type=nonneg_int, default=20, help="warm-up requests, not counted")
    p.add_argument("--timeout", type=positive_float, default=60.0, help="per-request timeout in seconds")
    p.add_argument("--rss-every", type=positive_int, default=1000,
                   help="with --start-server, sample the server's RSS every this many requests")
    p.add_argument("--max-rss-growth", type=positive_float, default=None, metavar="FRACTION",
                   help="with --start-server, fail (exit 1) when the server's RSS grows by this fraction "
                        "or more from the first --rss-every requests to the last")
    p.add_argument("--encoder-baseline", action="store_true",
                   help="first measure the encoder alone: questions/s encoding one question per call "
                        "from C threads in this process, for comparison with the server's throughput")
    p.add_argument("--json", type=Path, default=None, metavar="OUT.json", help="also write all figures here")
    p.add_argument("--start-server", action="store_true",
                   help="start `qa serve` on a free loopback port, load it, then stop it (SIGTERM)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="--corpus for the started server")
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="--index for the started server")
    return p


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # SIGTERM (and SIGINT, even where a shell started us with it ignored) ends the run cleanly,
    # so that a server we started is always stopped.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    server: Server | None = None
    try:
        qfile = args.questions or DEFAULT_QUESTIONS
        questions = load_questions(qfile)
        baseline = encoder_baseline(questions, args.concurrency) if args.encoder_baseline else None
        if args.start_server:
            for name in ("corpus", "index"):
                if not getattr(args, name).is_dir():
                    raise UsageError(f"--{name} {getattr(args, name)} is not a folder")
            server = Server(args.corpus.resolve(), args.index.resolve())
            print(f"starting server: {' '.join(server.cmd)}", file=sys.stderr, flush=True)
            health = server.wait_healthy()
            base = server.url
            print(f"server healthy after {server.startup_s:.1f} s ({health.get('documents')} documents, "
                  f"{health.get('passages')} passages)", file=sys.stderr, flush=True)
        else:
            base = check_loopback(args.url)
            check_health(base)
        check_loopback(base)

        rss_before = rss_kib(server.proc.pid) if server else None
        rss_samples: list[tuple[int, int | None]] = []  # (requests completed, server VmRSS KiB)

        def sample(k: int) -> None:
            if server and k % args.rss_every == 0:
                rss_samples.append((k, rss_kib(server.proc.pid)["VmRSS"]))

        warm, result = asyncio.run(bench(args, base, questions, sample))
        rss_after = rss_kib(server.proc.pid) if server else None

        report: dict = {
            "tool": "bench/load.py",
            "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "config": {
                "url": base, "requests": args.requests, "concurrency": args.concurrency,
                "duration_limit_s": args.duration_limit, "top_k": args.top_k, "warmup": args.warmup,
                "timeout_s": args.timeout, "questions_file": str(qfile), "questions_count": len(questions),
                "start_server": args.start_server,
            },
            "environment": {
                "python": platform.python_version(), "httpx": httpx.__version__,
                "platform": platform.platform(), "cpu_count": os.cpu_count(),
                "loadavg_before_1m": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            },
            "warmup": warm,
            "result": result,
        }
        if baseline:
            report["encoder_baseline"] = baseline
        exit_code = 0 if result["errors_total"] == 0 and result["completed"] > 0 else 1
        if server:
            code = server.stop()
            report["server"] = {
                "pid": server.proc.pid, "command": server.cmd, "startup_s": round(server.startup_s or 0, 2),
                "rss_before_kib": rss_before["VmRSS"], "rss_after_kib": rss_after["VmRSS"],
                "rss_peak_kib": rss_after["VmHWM"], "exit_code": code, "killed": server.killed,
                "rss_samples_kib": rss_samples,
            }
            if len(rss_samples) >= 2 and rss_samples[0][1] and rss_samples[-1][1]:
                first, last = rss_samples[0], rss_samples[-1]
                growth = last[1] / first[1] - 1
                report["server"]["rss_growth_first_to_last"] = round(growth, 4)
                if args.max_rss_growth is not None and growth >= args.max_rss_growth:
                    exit_code = 1
                    print(f"server RSS grew {growth * 100:.1f}% (limit {args.max_rss_growth * 100:g}%)",
                          file=sys.stderr)
            if code != 0:
                exit_code = 1
                print(f"server output (tail):\n{server.log_tail()}", file=sys.stderr)
            server.cleanup_log()
            server = None
        print_table(report)
        if args.json:
            try:
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"cannot write {args.json}: {exc}") from None
            print(f"figures written to {args.json}")
        return exit_code
    except UsageError as exc:
        print(f"load.py: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("load.py: interrupted", file=sys.stderr)
        return 130
    finally:
        if server is not None:
            code = server.stop()
            if code == 0:
                server.cleanup_log()
                print("server stopped (exit code 0)", file=sys.stderr)
            else:
                print(f"server stopped (exit code {code}); log kept at {server.log.name}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

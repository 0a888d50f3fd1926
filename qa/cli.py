"""The ``qa`` command line: index, ask, serve, eval and import-squad."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from qa.answer import YES_NO
from qa.encoder import BACKENDS, BackendError, resolve_backend

DEFAULT_CORPUS = Path("seeds")
DEFAULT_INDEX = Path("embeddings")


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _pipeline(args: argparse.Namespace, rebuild: bool = False):
    from qa.pipeline import Pipeline

    return Pipeline.open(args.corpus, args.index, rebuild=rebuild, progress=sys.stderr.isatty(), log=_log,
                         backend=args.encoder)


def cmd_index(args: argparse.Namespace) -> int:
    import time

    from qa.encoder import load_encoder
    from qa.index import open_index

    t0 = time.perf_counter()
    index, built = open_index(args.corpus, args.index, load_encoder(args.encoder, _log), args.rebuild,
                              progress=sys.stderr.isatty(), log=_log)
    s = index.summary()
    verb = "built" if built else "up to date"
    print(f"index {verb}: {s['documents']} documents, {s['passages']} passages, "
          f"{s['sentences']} sentences in {args.index} ({time.perf_counter() - t0:.1f} s)")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    pipe = _pipeline(args)
    try:
        answer = pipe.ask(args.question, top_k=args.top_k)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if answer.answer is None:
        if answer.reason == YES_NO:
            print("A yes/no question: answers are exact spans of the files, and none says yes or no. "
                  "Ask what, who, when, where or how instead.")
        else:
            print(f"Not found in the corpus (confidence {answer.confidence:.2f}).")
        for p in answer.passages[:3]:
            print(f"  closest: {p.source} [{p.start}:{p.end}] {' '.join(p.text.split())[:120]}")
        return 0
    print(answer.answer)
    print(f"  confidence {answer.confidence:.2f}")
    for c in answer.citations:
        print(f"  source: {c.source} [{c.start}:{c.end}]")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qa.api import create_app

    from qa.corpus import load_corpus
    from qa.index import check_index_dir

    load_corpus(args.corpus)  # fail fast, in one line, before the server starts
    check_index_dir(args.index)
    _check_listen(args.host, args.port)  # and before the model loads, not after
    app = create_app(args.corpus, args.index, log=_log, encoder_backend=args.encoder)
    # uvicorn finishes requests in flight on SIGTERM, then re-raises the signal to the handler
    # that was there before it: make that one a no-op so that a graceful stop exits 0.
    signal.signal(signal.SIGTERM, lambda signum, frame: None)
    host = f"[{args.host}]" if ":" in args.host else args.host  # an IPv6 address in a URL
    _log(f"starting corpus-qa on http://{host}:{args.port}/ (Ctrl+C to stop)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=30)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluate import Evaluator, format_summary, load_gold

    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read gold file {args.gold}: {exc}") from exc
    _check_writable(args.out)  # before the questions are asked, not after minutes of them
    pipe = _pipeline(args)
    metrics = Evaluator(gold, top_k=args.top_k)(pipe, output_path=args.out)
    print(format_summary(metrics))
    print(f"reports written to {args.out / 'report.json'} and {args.out / 'report.md'}")
    return 0


def cmd_import_squad(args: argparse.Namespace) -> int:
    from qa.squad import import_squad

    try:
        corpus, gold, stats = import_squad(args.file, args.out_dir)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot import {args.file}: {exc}") from exc
    print(f"imported {stats.articles} articles, {stats.paragraphs} paragraphs, {stats.questions} questions "
          f"({stats.unanswerable} unanswerable)\n  corpus: {corpus}\n  gold:   {gold}")
    return 0


def _check_writable(folder: Path) -> None:
    """Raise ``CliError`` where the reports could not be written into ``folder`` (a file there, no
    permission, a read-only disk): made if missing, and a probe file written and removed."""
    import tempfile

    if folder.exists() and not folder.is_dir():
        raise CliError(f"cannot write reports to {folder}: it is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
        for name in ("report.json", "report.md"):
            if (folder / name).is_dir():
                raise IsADirectoryError(21, "Is a directory", str(folder / name))
    except OSError as exc:
        raise CliError(f"cannot write reports to {folder}: {exc.strerror or exc}"
                       + (f": {exc.filename}" if exc.filename and str(exc.filename) != str(folder) else "")) from None


def _check_listen(host: str, port: int) -> None:
    """Raise ``CliError`` where the server could not listen on ``host:port`` (a name that does not
    resolve, an address of another machine, a port in use or reserved), as uvicorn would find out
    only once the model is loaded, and then say in a log line."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise CliError(f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or exc}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn's own socket does
        try:
            sock.bind(address)
        except OSError as exc:
            raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _int_between(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from ``low`` to ``high``, else a usage error saying so."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return n
    return parse


_port = _int_between(1, 65535)
_top_k = _int_between(1, 20)


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (``qa ask: error: ...``), exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qa", description="Extractive question answering over a folder of documents.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: seeds/)")
        p.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index folder (default: embeddings/)")
        p.add_argument("--encoder", choices=BACKENDS, default=None,
                       help="question and passage encoder (default: $QA_ENCODER, else onnx-int8)")

    p = sub.add_parser("index", help="build or refresh the index")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild even if the index is up to date")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("ask", help="answer one question")
    common(p)
    p.add_argument("question")
    p.add_argument("--top-k", type=_top_k, default=5, help="passages to return (default 5)")
    p.add_argument("--json", action="store_true", help="print the answer object as JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="serve the HTTP API and the web form")
    common(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=_port, default=8000, help="1 to 65535 (default 8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="evaluate against a gold JSONL file")
    common(p)
    p.add_argument("gold", type=Path)
    p.add_argument("--top-k", type=_top_k, default=5)
    p.add_argument("--out", type=Path, default=Path("eval/out"), help="report folder (default eval/out/)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("import-squad", help="turn a SQuAD JSON file into a corpus folder and gold file")
    p.add_argument("file", type=Path)
    p.add_argument("out_dir", type=Path)
    p.set_defaults(func=cmd_import_squad)
    return parser


def main(argv: list[str] | None = None) -> int:
    from qa.corpus import CorpusError

    args = build_parser().parse_args(argv)
    try:
        if hasattr(args, "encoder"):
            args.encoder = resolve_backend(args.encoder)
        return args.func(args)
    except (CliError, CorpusError, BackendError) as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"qa: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

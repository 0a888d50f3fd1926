"""Corpus files: discovery, safe reading and a markup-free view that keeps raw offsets.

Every offset in the project indexes the *raw* file text (its bytes decoded as UTF-8, with no
newline translation), so a client holding the file can check ``text[start:end] == answer``.
Markup noise is removed by *blanking* it with spaces in a same-length copy of the text (the
"clean" view): offsets into the clean view are offsets into the raw text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qa.text import lone_surrogate

SUFFIXES = (".txt", ".md")
DEFAULT_MAX_FILE_MB = 10.0


class CorpusError(Exception):
    """The corpus cannot be used at all (missing folder, or not one readable file)."""


@dataclass(frozen=True)
class Document:
    """One readable corpus file. ``name`` is its path relative to the corpus, in POSIX form."""

    name: str
    path: Path
    text: str
    sha256: str
    size: int


def max_file_bytes() -> int:
    """Largest file indexed: ``$QA_MAX_FILE_MB`` megabytes, default 10. Bigger files are skipped
    with a warning: analysing and encoding 10 MB of text already takes minutes on 2 cores."""
    try:
        mb = float(os.environ.get("QA_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))
    except ValueError:
        mb = DEFAULT_MAX_FILE_MB
    return int(max(mb, 0.0) * 1_000_000)


def iter_candidate_files(root: Path, warn: Callable[[str], None] = lambda msg: None) -> list[Path]:
    """Files under ``root`` with a known suffix, sorted by name. Hidden files and folders,
    symlinked folders and symlinks leaving the corpus are skipped, each with a warning."""
    found: list[Path] = []
    base = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        kept = []
        for d in sorted(dirnames):
            rel = (here / d).relative_to(root).as_posix()
            if d.startswith("."):
                warn(f"warning: skipped {rel}/: hidden folder")
            elif (here / d).is_symlink():
                warn(f"warning: skipped {rel}/: symlinked folder (not followed)")
            else:
                kept.append(d)
        dirnames[:] = kept  # os.walk descends only into these
        for f in sorted(filenames):
            path = here / f
            rel = path.relative_to(root).as_posix()
            if path.suffix.lower() not in SUFFIXES:
                continue
            if f.startswith("."):
                warn(f"warning: skipped {rel}: hidden file")
                continue
            if path.is_symlink():
                try:
                    path.resolve(strict=True).relative_to(base)
                except (OSError, ValueError, RuntimeError):
                    warn(f"warning: skipped {rel}: symlink that is broken or leads outside the corpus")
                    continue
            if path.is_file():
                found.append(path)
    return sorted(found)


def read_document(root: Path, path: Path) -> tuple[Document | None, str | None]:
    """Read one file; returns ``(document, None)`` or ``(None, reason it was skipped)``."""
    name = path.relative_to(root).as_posix()
    if lone_surrogate(name):  # no JSON, URL or page could name it: the API would fail on every answer citing it
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        return None, f"skipped {shown}: file name is not valid UTF-8 (rename the file)"
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            return None, (f"skipped {name}: {size / 1e6:.1f} MB is over the {limit / 1e6:g} MB limit "
                          "for one file (set QA_MAX_FILE_MB to raise it)")
        data = path.read_bytes()
    except OSError as exc:
        return None, f"skipped {name}: unreadable ({exc.strerror or exc})"
    if not data.strip():
        return None, f"skipped {name}: empty file"
    if b"\x00" in data:
        return None, f"skipped {name}: binary file"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, f"skipped {name}: not valid UTF-8"
    return Document(name, path, text, hashlib.sha256(data).hexdigest(), len(data)), None


def load_corpus(root: Path, warn: Callable[[str], None] = lambda msg: None) -> list[Document]:
    """All readable documents of the corpus folder; raises CorpusError when there are none."""
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    docs: list[Document] = []
    for path in iter_candidate_files(root, warn):
        doc, reason = read_document(root, path)
        if doc is None:
            warn(f"warning: {reason}")
        else:
            docs.append(doc)
    if not docs:
        raise CorpusError(f"no readable .txt or .md file in corpus folder {root}")
    return docs


# Markup that never belongs in an answer. Each pattern's groups are *blanked* (replaced by spaces).
# Bounded, and stopping at the next opening bracket: a hostile line of brackets stays linear.
_LINK = re.compile(r"(!?\[)([^\[\]\n]{0,1000})(\]\([^()\n]{0,2000}\))")
_AUTOLINK = re.compile(r"(<)(https?://[^<>\s]{1,2000})(>)")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])|`+")
_LINE_MARK = re.compile(r"^([ \t]*(?:#{1,6}|>|[-+*](?=\s)))", re.MULTILINE)


def clean_view(text: str) -> str:
    """Same-length copy of ``text`` with markup characters replaced by spaces."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = " "

    for m in _LINK.finditer(text):
        blank(*m.span(1))
        blank(*m.span(3))
    for m in _AUTOLINK.finditer(text):
        blank(*m.span(1))
        blank(*m.span(3))
    for m in _EMPHASIS.finditer(text):
        blank(*m.span())
    for m in _LINE_MARK.finditer(text):
        blank(*m.span(1))
    return "".join(chars)

"""Import a SQuAD v1.1 / v2.0 JSON file as a corpus folder plus a gold file for ``qa eval``.

Each article becomes one UTF-8 text file (its paragraphs joined by blank lines), so retrieval
has to find the right article and the reader the right span, as with any other corpus.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ImportStats:
    """What was imported. ``answers_not_in_context`` should be 0 for a well-formed file."""

    articles: int
    paragraphs: int
    questions: int
    unanswerable: int
    answers_not_in_context: int = 0


def slugify(title: str, max_len: int = 60) -> str:
    """Safe file-name stem: ASCII letters, digits, ``_``, ``-`` and ``.`` only; never empty."""
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_).strip("._-")
    slug = re.sub(r"_+", "_", slug)[:max_len].strip("._-")
    return slug or "article"


def _fail(where: str, msg: str) -> ValueError:
    return ValueError(f"not SQuAD JSON: {where}: {msg}")


def _expect(obj: Any, typ: type, where: str) -> Any:
    if not isinstance(obj, typ):
        raise _fail(where, f"expected {typ.__name__}, got {type(obj).__name__}")
    return obj


def _distinct(texts: list[str]) -> list[str]:
    """Distinct stripped answer texts, first-seen order, empty ones dropped."""
    out: list[str] = []
    for t in texts:
        t = t.strip()
        if t and t not in out:
            out.append(t)
    return out


def import_squad(
    json_path: Path | str, out_dir: Path | str, overwrite: bool = False
) -> tuple[Path, Path, ImportStats]:
    """Write ``out_dir/corpus/NNN_<title>.txt`` and ``out_dir/gold.jsonl`` from a SQuAD file.

    Gold answers are the distinct answer texts (empty for ``is_impossible``; plausible answers
    are ignored); sources are the article's file. Raises ``ValueError`` for a file that is not
    SQuAD JSON and ``FileExistsError`` if the corpus folder already holds files (unless
    ``overwrite``, which removes the ``.txt`` files there first, so no stale article lingers).
    """
    json_path, out = Path(json_path), Path(out_dir)
    try:
        data = json.loads(Path(json_path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"not SQuAD JSON: {json_path}: invalid JSON ({exc.msg}, line {exc.lineno})") from None
    except UnicodeDecodeError:
        raise ValueError(f"not SQuAD JSON: {json_path}: not UTF-8 text") from None
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise ValueError(f"not SQuAD JSON: {json_path}: expected an object with a 'data' list of articles")
    articles = data["data"]

    # Parse and validate everything before writing anything.
    docs: list[tuple[str, str]] = []  # (file name, text)
    gold: list[dict[str, Any]] = []
    n_par = n_q = n_unans = n_missing = 0
    seen_ids: set[str] = set()
    width = max(3, len(str(len(articles) - 1)))
    for i, art in enumerate(articles):
        where = f"data[{i}]"
        _expect(art, dict, where)
        title = art.get("title", "")
        name = f"{i:0{width}d}_{slugify(title if isinstance(title, str) else str(title))}.txt"
        paragraphs = _expect(art.get("paragraphs"), list, f"{where}.paragraphs")
        contexts: list[str] = []
        for j, par in enumerate(paragraphs):
            pw = f"{where}.paragraphs[{j}]"
            _expect(par, dict, pw)
            context = _expect(par.get("context"), str, f"{pw}.context").strip()
            contexts.append(context)
            n_par += 1
            for q, qa in enumerate(_expect(par.get("qas"), list, f"{pw}.qas")):
                qw = f"{pw}.qas[{q}]"
                _expect(qa, dict, qw)
                question = _expect(qa.get("question"), str, f"{qw}.question").strip()
                qid = str(qa.get("id", f"{i}-{j}-{q}"))
                while qid in seen_ids:  # ids must be unique for load_gold
                    qid += "_dup"
                seen_ids.add(qid)
                raw = [] if qa.get("is_impossible") else _expect(qa.get("answers", []), list, f"{qw}.answers")
                texts = [_expect(_expect(a, dict, f"{qw}.answers[]").get("text"), str, f"{qw}.answers[].text")
                         for a in raw]
                answers = _distinct(texts)
                n_missing += sum(a not in context for a in answers)
                n_q += 1
                n_unans += not answers
                gold.append({"id": qid, "question": question, "answers": answers, "sources": [name]})
        text = "\n\n".join(c for c in contexts if c)
        if text:  # an empty file would only be skipped by the corpus reader
            docs.append((name, text + "\n"))

    corpus = out / "corpus"
    if corpus.exists() and any(corpus.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{corpus} is not empty (use overwrite to replace it)")
        for old in corpus.glob("*.txt"):
            old.unlink()
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in docs:
        (corpus / name).write_text(text, encoding="utf-8", newline="\n")
    gold_path = out / "gold.jsonl"
    with gold_path.open("w", encoding="utf-8", newline="\n") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    return corpus, gold_path, ImportStats(len(docs), n_par, n_q, n_unans, n_missing)

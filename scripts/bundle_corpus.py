"""Join a corpus's files N to a file, with its gold set rewritten to cite the joined files.

    python scripts/bundle_corpus.py build/fit/mlqa/heldout-corpus build/fit/mlqa/heldout.jsonl \
        build/long/mlqa12 --per-file 12
    qa eval build/long/mlqa12/gold.jsonl --corpus build/long/mlqa12/corpus --index build/long/mlqa12/index

A public benchmark may come as a few dozen long files (a whole Wikipedia article each), where the
held-out public sets here have one short article a file. Joining their articles, in file-name
order and a blank line apart, asks the same questions of long files: it measures whether passage
ranking inside a file, file-level signals (a file's lead, its dates) and citation hold up when
each file holds many unrelated paragraphs. Answers are compared by text, so the gold set keeps its
answers and only its sources change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def bundle(corpus: Path, gold: Path, out: Path, per_file: int) -> tuple[int, int]:
    """Write ``out/corpus/bundle_NNN.txt`` and ``out/gold.jsonl``; return (files read, files written)."""
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    joined_into: dict[str, str] = {}
    for k in range(0, len(files), per_file):
        name = f"bundle_{k // per_file:03d}.txt"
        group = files[k : k + per_file]
        (out / "corpus" / name).write_text("\n\n".join(p.read_text("utf-8").strip() for p in group) + "\n", "utf-8")
        joined_into.update((p.name, name) for p in group)
    lines = []
    for line in gold.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["sources"] = sorted({joined_into[s] for s in item.get("sources", []) if s in joined_into})
            lines.append(json.dumps(item, ensure_ascii=False))
    (out / "gold.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return len(files), len(set(joined_into.values()))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("gold", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--per-file", type=int, default=12, help="files joined into one (default 12)")
    args = p.parse_args()
    if args.per_file < 1 or not args.corpus.is_dir() or not args.gold.is_file():
        print("error: give a corpus folder, a gold file and --per-file >= 1", file=sys.stderr)
        return 2
    if (args.out / "corpus").exists() and any((args.out / "corpus").iterdir()):
        print(f"error: {args.out / 'corpus'} already holds files", file=sys.stderr)
        return 2
    read, written = bundle(args.corpus, args.gold, args.out, args.per_file)
    print(f"{read} files joined into {written} in {args.out / 'corpus'}; gold set {args.out / 'gold.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

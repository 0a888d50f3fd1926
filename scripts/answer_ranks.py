"""Where the reader ranks a right answer: the first of its pooled answers with F1 >= 0.8 to a gold one.

    python scripts/answer_ranks.py eval/news/activision/gold.jsonl --corpus eval/news/activision/corpus \
        --index build/news/activision

Prints, over the answerable questions, how many have a right answer first, second or third,
fourth to tenth, eleventh to twentieth, or not among the first twenty: whether misses are the
ranking's (a right answer is there, below a wrong one) or the candidates' and the retrieval's
(none is). Counts only: no question is printed, so blind sets can be measured.

With ``--passages``, the same for the retrieval instead: the rank of the first of the twenty best
retrieved passages that is of a gold file and holds a gold answer, with the mean F1 of the answers given in each bucket
(whether misses are the retrieval's or the reader's).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.evaluate import f1, load_gold  # noqa: E402
from qa.pipeline import Pipeline  # noqa: E402

BUCKETS = ("1", "2-3", "4-10", "11-20", "none")
RIGHT = 0.8


def bucket(rank: int | None) -> str:
    if rank is None:
        return "none"
    return "1" if rank == 0 else "2-3" if rank < 3 else "4-10" if rank < 10 else "11-20"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("gold", type=Path)
    p.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    p.add_argument("--index", type=Path, default=ROOT / "embeddings")
    p.add_argument("--passages", action="store_true", help="rank the passages that hold a gold answer instead")
    args = p.parse_args()
    pipe = Pipeline.open(args.corpus, args.index)
    ix = pipe.index
    texts = [d.text for d in ix.docs]
    counts: Counter[str] = Counter()
    scores: Counter[str] = Counter()
    for item in load_gold(args.gold):
        if not item.answers:
            continue
        q, hits, reading = pipe.read(item.question)
        if args.passages:
            rank = next((k for k, h in enumerate(hits[:20])
                         if ix.docs[int(ix.pass_doc[h.passage])].name in item.sources
                         and any(a in ix.passage_text(h.passage) for a in item.answers)), None)
            scores[bucket(rank)] += f1(pipe.answer(item.question, q, hits, reading).answer, item.answers)
        else:
            rank = next((k for k, (_, members) in enumerate(reading.groups[:20])
                         if f1(texts[members[0].doc][members[0].start : members[0].end], item.answers) >= RIGHT), None)
        counts[bucket(rank)] += 1
    n = sum(counts.values())
    print(" ".join(f"{b}: {counts[b]} ({counts[b] / max(n, 1):.0%})" for b in BUCKETS), f"of {n}")
    if args.passages:
        print("mean F1 of the answers given: " + " ".join(f"{b}: {scores[b] / counts[b]:.3f}" for b in BUCKETS if counts[b]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

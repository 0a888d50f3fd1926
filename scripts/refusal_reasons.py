"""Why refused questions are refused: each test of the refusal, and what it refused.

    python scripts/refusal_reasons.py eval/heldout16.jsonl eval/heldout17.jsonl
    python scripts/refusal_reasons.py build/fit/mlqa/heldout.jsonl --corpus build/fit/mlqa/heldout-corpus \
        --index build/fit/mlqa/heldout-index

For every question the pipeline refuses, the test that refused it (``Reader.refusal_reason``:
no candidate, a best answer that cannot be right (``mismatch:<kind>``), answerability under the
threshold, belief under the floor; or, before the reader, a question with no content word or a
premise the passages do not grant), and whether the reader's best answer, had it been given,
was right (F1 >= 0.5 to a gold answer), wrong, or the question had no answer at all. A test
that refuses many right answers and few unanswerable questions is the one to look at.

Counts only: no question is printed, so blind sets can be measured.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.evaluate import f1, load_gold  # noqa: E402
from qa.pipeline import Pipeline  # noqa: E402
from qa.question import Question  # noqa: E402
from qa.reading import Reading  # noqa: E402

RIGHT = 0.5
OUTCOMES = ("right", "wrong", "unanswerable")


def reason(pipe: Pipeline, q: Question, reading: Reading) -> tuple[str, str | None]:
    """Why the question read as ``reading`` is refused, and the reader's best answer that was not given."""
    if not q.stems:
        return "no-content-word", None
    best = None
    if reading.groups:
        c = reading.groups[0][1][0]
        best = pipe.index.docs[c.doc].text[c.start : c.end]
    return pipe.reader.refusal_reason(reading) or "premise-or-other", best


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("gold", type=Path, nargs="+")
    p.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    p.add_argument("--index", type=Path, default=ROOT / "embeddings")
    args = p.parse_args()
    pipe = Pipeline.open(args.corpus, args.index)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    asked = Counter()
    for path in args.gold:
        for item in load_gold(path):
            asked["answerable" if item.answers else "unanswerable"] += 1
            q, hits, reading = pipe.read(item.question)
            if pipe.answer(item.question, q, hits, reading).answer is not None:
                continue
            why, best = reason(pipe, q, reading)
            outcome = ("unanswerable" if not item.answers
                       else "right" if best is not None and f1(best, item.answers) >= RIGHT else "wrong")
            table[why][outcome] += 1
    print(f"{asked['answerable']} answerable and {asked['unanswerable']} unanswerable questions; refused:")
    print(f"{'test':28s}" + "".join(f"{o:>14s}" for o in OUTCOMES))
    for why, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{why:28s}" + "".join(f"{counts[o]:14d}" for o in OUTCOMES))
    total = Counter()
    for counts in table.values():
        total.update(counts)
    print(f"{'all':28s}" + "".join(f"{total[o]:14d}" for o in OUTCOMES))
    return 0


if __name__ == "__main__":
    sys.exit(main())

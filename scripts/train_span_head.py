r"""Fine-tune a span-extraction head on the bundled all-MiniLM-L6-v2 (CPU, or a GPU if lent).

    python scripts/train_span_head.py train  [--gold FILE ...] [--seed N] # -> build/span/model.pt
    python scripts/train_span_head.py pack   [--gold FILE ...]           # -> build/span/packed.pkl.xz
    python scripts/train_span_head.py train  --packed build/span/packed.pkl.xz --device cuda \
        --model-dir DIR                                                  # where qa's deps are missing
    python scripts/train_span_head.py soup A.pt B.pt C.pt                # -> build/span/model.pt
    python scripts/train_span_head.py export                             # -> qa/weights/span-int8.onnx
    python scripts/train_span_head.py from-onnx                          # shipped head -> build/span/shipped.pt
    python scripts/train_span_head.py train --init build/span/shipped.pt --train-from-layer 4  # continue on a CPU

Data: the fit part of ``../shared/qa-train`` (articles split by the same hash as
``scripts/fit_reader.py``); the held-out part is scored at the end of training (gold paragraph
given, SQuAD EM/F1). Standard extractive QA set-up: question and context windows of 256
tokens with a stride, start/end logits per token, windows without the answer point at [CLS].

``pack`` writes the training and evaluation examples with their token windows (the seeds' ones
need the project's index, spaCy and FAISS) to one file, so ``train --packed`` can run on a
machine that has only torch and transformers, such as a lent GPU machine; there it reads the
encoder from ``--model-dir`` (a copy of the bundled model folder).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

DATASETS = ("tydi", "mlqa", "covid")  # the public sets of ../shared/qa-train (fit_reader.DATASETS)
MAX_LEN, STRIDE, MAX_ANSWER_TOKENS = 256, 96, 30
WORK = ROOT / "build" / "span"


def bundled_model_dir() -> Path:
    """The bundled all-MiniLM-L6-v2 folder (importing ``qa.encoder`` sets HF_HUB_OFFLINE)."""
    from qa.encoder import model_dir

    return model_dir()


class SpanModel(nn.Module):
    """MiniLM encoder with one linear layer giving start and end logits per token."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        from transformers import AutoModel

        path = path or bundled_model_dir()
        # float32 whatever the stored weights (a carried copy may be float16)
        self.encoder = AutoModel.from_pretrained(str(path), dtype=torch.float32)
        self.head = nn.Linear(self.encoder.config.hidden_size, 2)

    def forward(self, input_ids, attention_mask, token_type_ids):
        h = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids).last_hidden_state
        logits = self.head(h)
        mask = (attention_mask == 0) | (token_type_ids == 0)
        mask[:, 0] = False  # [CLS] stands for "no answer in this window"
        logits = logits.masked_fill(mask.unsqueeze(-1), -1e4)
        return logits[..., 0], logits[..., 1]


def load_examples(split: str, only_fold: int | None = None) -> list[dict]:
    """The public questions of one split; ``only_fold`` keeps one half of the fit articles."""
    from fit_reader import DATASETS as FILES, article_fold, is_heldout

    out = []
    for name, file in FILES.items():
        data = json.loads((ROOT.parent / "shared" / "qa-train" / file).read_text("utf-8"))["data"]
        for i, art in enumerate(data):
            # Same article split as fit_reader (which hashes the imported file name).
            from qa.squad import slugify

            fname = f"{i:03d}_{slugify(art.get('title') or 'untitled')}.txt"
            held = is_heldout(fname)
            fold = None if held else article_fold(fname)
            if (split == "heldout") != held or (only_fold is not None and fold not in (None, only_fold)):
                continue
            for para in art["paragraphs"]:
                for qa in para["qas"]:
                    if qa.get("answers"):
                        a = qa["answers"][0]
                        out.append({"set": name, "question": qa["question"], "context": para["context"],
                                    "start": a["answer_start"], "text": a["text"], "fold": fold,
                                    "answers": [x["text"] for x in qa["answers"]]})
    return out


def gold_examples(pipe, paths: list[Path], tuning: bool = True) -> list[dict]:
    """Training examples from project gold files over ``corpus``, as the reader sees them at
    run time: the question with each indexed passage of a source file that states an answer
    (answer located in the passage's clean text), plus the question with each of its top
    retrieved passages that does not (target: no answer here). Unanswerable questions give
    only the latter, which teaches the head to say "not here" on tempting passages. A ``tuning``
    file loses the questions a held-out set asks word for word (``fit_reader.tuning_gold``)."""
    from fit_reader import tuning_gold
    from qa.evaluate import load_gold
    from qa.pipeline import READ_DEPTH

    ix = pipe.index
    out = []
    for path in paths:
        for g in (tuning_gold(path) if tuning else load_gold(path)):
            found: set[int] = set()
            for p in range(len(ix.pass_doc)):
                if ix.docs[ix.pass_doc[p]].name not in g.sources:
                    continue
                ctx = ix.passage_clean(p)
                for a in g.answers:
                    if a in ctx:
                        out.append({"set": "gold", "question": g.question, "context": ctx, "start": ctx.index(a),
                                    "text": a, "answers": g.answers, "keep": True, "file": path.name})
                        found.add(p)
                        break
            _, hits, _ = pipe.read(g.question, READ_DEPTH)
            for h in hits[:READ_DEPTH]:
                ctx = ix.passage_clean(h.passage)
                if h.passage not in found and not any(a in ctx for a in g.answers):
                    out.append({"set": "gold", "question": g.question, "context": ctx, "start": -1, "text": "",
                                "answers": g.answers, "keep": True, "file": path.name})
    return out


_SENT_END = re.compile(r"[.!?][\"\'”’)\]]*\s+")


def without_answer(ex: dict) -> dict | None:
    """The example with the sentence(s) stating its answer cut from the context, target [CLS]:
    an on-topic passage that does not answer, the hardest kind of unanswerable question (the
    public data has none). None when an answer still occurs or too little context is left."""
    ctx, s = ex["context"], ex["start"]
    if s < 0 or len(ctx) > 2000:  # long contexts: their far windows are answerless already
        return None
    e = s + len(ex["text"])
    starts = [0] + [m.end() for m in _SENT_END.finditer(ctx)]
    lo = max(b for b in starts if b <= s)
    hi = min((b for b in starts if b >= e), default=len(ctx))
    rest = (ctx[:lo] + ctx[hi:]).strip()
    if len(rest) < 100 or any(a and a in rest for a in ex["answers"]):
        return None
    return dict(ex, context=rest, start=-1, text="", keep=True)


def window_tokenizer(model_path: Path):
    """The tokenisation the reader uses at run time (``qa/span.py``): the Rust tokenizer of the
    model folder, question + context with only the context truncated, overflow in windows with
    a stride. (Tokenising on the lent GPU machine, with its own transformers 5.17 and
    tokenizers 0.23.2, gave no overflow windows at all, hence ``pack`` here.)"""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_path / "tokenizer.json"))
    tok.enable_truncation(MAX_LEN, stride=STRIDE, strategy="only_second")
    tok.no_padding()
    return tok


def features(tok, examples: list[dict], train: bool, neg_keep: float = 0.3, rng=random.Random(7)):
    """One row per window of each example, padded to MAX_LEN, with the answer's token span
    (0, 0 = [CLS] where the window does not hold the answer); training drops all but
    ``neg_keep`` of the answerless windows of public examples."""
    rows = []
    firsts = tok.encode_batch([(e["question"], e["context"]) for e in examples])
    for i, first in enumerate(firsts):
        ex = examples[i]
        s_char, e_char = ex["start"], ex["start"] + len(ex["text"])
        for enc in [first, *first.overflowing]:
            seq, offsets, n = enc.sequence_ids, enc.offsets, len(enc.ids)
            ctx = [t for t, s in enumerate(seq) if s == 1]
            start = end = 0
            if ctx and offsets[ctx[0]][0] <= s_char and offsets[ctx[-1]][1] >= e_char:
                start = next(t for t in ctx if offsets[t][1] > s_char)
                end = next(t for t in reversed(ctx) if offsets[t][0] < e_char)
            if train and start == 0 and not ex.get("keep") and rng.random() > neg_keep:
                continue
            pad = [0] * (MAX_LEN - n)
            rows.append({"input_ids": enc.ids + pad, "attention_mask": [1] * n + pad, "token_type_ids": enc.type_ids + pad,
                         "start": start, "end": end, "example": i,
                         "offsets": [o if s == 1 else None for o, s in zip(offsets, seq)] + [None] * len(pad)})
    return rows


def best_spans(start_logits: np.ndarray, end_logits: np.ndarray, offsets) -> tuple[float, int, int]:
    """Best (score, char_start, char_end) over context tokens with end >= start."""
    idx = [i for i, o in enumerate(offsets) if o is not None]
    if not idx:
        return -1e9, 0, 0
    s = np.full(len(start_logits), -1e9)
    s[idx] = start_logits[idx]
    e = np.full(len(end_logits), -1e9)
    e[idx] = end_logits[idx]
    top_s = np.argsort(-s)[:20]
    top_e = np.argsort(-e)[:20]
    best = (-1e9, 0, 0)
    for i in top_s:
        for j in top_e:
            if i <= j < i + MAX_ANSWER_TOKENS and offsets[i] is not None and offsets[j] is not None:
                sc = s[i] + e[j]
                if sc > best[0]:
                    best = (float(sc), offsets[i][0], offsets[j][1])
    return best


def _device_of(model: nn.Module) -> torch.device:
    return next(model.parameters()).device


def _logits(model, batch: list[dict]):
    """Start and end logits of a batch of rows, in bfloat16 autocast on a GPU."""
    dev = _device_of(model)
    n = max(sum(r["attention_mask"]) for r in batch)  # padding past the longest row changes no logit
    t = {k: torch.tensor([r[k][:n] for r in batch], device=dev) for k in ("input_ids", "attention_mask", "token_type_ids")}
    with torch.autocast(device_type=dev.type, dtype=torch.bfloat16, enabled=dev.type == "cuda"):
        sl, el = model(**t)
    return sl.float(), el.float()


def evaluate(model, examples: list[dict], rows: list[dict]) -> dict:
    """SQuAD EM/F1 per set of the head's best span over each example's windows (``rows`` from
    ``features(..., train=False)``), and how often it prefers "no answer"."""
    from qa.evaluate import exact_match, f1

    model.eval()
    best: dict[int, tuple[float, int, int]] = {}
    null: dict[int, float] = {}  # per example: the lowest [CLS] ("no answer") score of its windows
    with torch.no_grad():
        for b in range(0, len(rows), 64):
            batch = rows[b : b + 64]
            sl, el = _logits(model, batch)
            for r, s, e in zip(batch, sl.cpu().numpy(), el.cpu().numpy()):
                cand = best_spans(s, e, r["offsets"])
                null[r["example"]] = min(null.get(r["example"], np.inf), float(s[0] + e[0]))
                if cand[0] > best.get(r["example"], (-1e18,))[0]:
                    best[r["example"]] = cand
    by_set: dict[str, list[tuple[float, float, float]]] = {}
    for i, ex in enumerate(examples):
        score, a, b = best.get(i, (0, 0, 0))
        says_null = float(null.get(i, np.inf) > score)
        if ex["start"] < 0:  # answer cut out: right when the head prefers [CLS]
            by_set.setdefault(ex["set"] + "-cut", []).append((says_null, says_null, says_null))
            continue
        pred = ex["context"][a:b]
        by_set.setdefault(ex["set"], []).append((exact_match(pred, ex["answers"]), f1(pred, ex["answers"]), says_null))
    model.train()
    return {k: {"n": len(v), "em": round(float(np.mean([x[0] for x in v])), 3),
                "f1": round(float(np.mean([x[1] for x in v])), 3),
                "null": round(float(np.mean([x[2] for x in v])), 3)} for k, v in by_set.items()}


def build_examples(args: argparse.Namespace) -> dict[str, list[dict]]:
    """The examples a run trains and scores on: ``fit`` (public fit part, after ``--limit``,
    ``--share`` and ``--cut-share``), ``gold`` (the seeds' ``--gold`` files, not yet repeated)
    and ``eval`` (public held-out sample with cut variants, plus ``--gold-eval``)."""
    fit = load_examples("fit", args.only_fold)
    held = load_examples("heldout")
    rng = random.Random(7)
    if args.limit:
        fit = rng.sample(fit, min(args.limit, len(fit)))
    for name, share in args.share:  # fewer questions of one public set, so the others weigh more
        mine = [e for e in fit if e["set"] == name]
        keep = {id(e) for e in rng.sample(mine, int(len(mine) * share))}
        fit = [e for e in fit if e["set"] != name or id(e) in keep]
    held_eval = random.Random(3).sample(held, min(args.eval_n or len(held), len(held)))
    held_eval += [c for c in map(without_answer, held_eval) if c]
    gold: list[dict] = []
    if args.gold or args.gold_eval:
        from qa.pipeline import Pipeline

        pipe = Pipeline.open(args.gold_corpus, args.gold_index)
    if args.gold_eval:  # project held-out questions, with their answer passage given
        held_eval += [dict(e, set="gold-heldout") for e in gold_examples(pipe, [args.gold_eval], tuning=False)
                     if e["start"] >= 0]
    if args.gold:
        gold = gold_examples(pipe, args.gold)
    if args.cut_share:  # answer sentence cut: on-topic passages that must get "no answer"
        pool = [e for e in fit if e["start"] >= 0]
        cut = [c for c in map(without_answer, rng.sample(pool, int(len(pool) * args.cut_share))) if c]
        print(f"{len(cut)} examples with the answer sentence cut", flush=True)
        fit += cut
    return {"fit": fit, "gold": gold, "eval": held_eval}


def to_arrays(rows: list[dict], offsets: bool) -> dict[str, np.ndarray]:
    """Rows as compact arrays (token ids fit int16: the vocabulary has 30,522 entries)."""
    out = {"ids": np.array([r["input_ids"] for r in rows], np.int16).reshape(-1, MAX_LEN),
           "types": np.array([r["token_type_ids"] for r in rows], np.uint8).reshape(-1, MAX_LEN),
           "n": np.array([sum(r["attention_mask"]) for r in rows], np.int16),
           "start": np.array([r["start"] for r in rows], np.int16),
           "end": np.array([r["end"] for r in rows], np.int16),
           "example": np.array([r["example"] for r in rows], np.int32)}
    if offsets:
        out["offsets"] = np.array([[o or (-1, -1) for o in r["offsets"]] for r in rows], np.int32).reshape(-1, MAX_LEN, 2)
    return out


def from_arrays(a: dict[str, np.ndarray]) -> list[dict]:
    rows = []
    for w in range(len(a["n"])):
        n = int(a["n"][w])
        row = {"input_ids": a["ids"][w].astype(np.int64).tolist(), "token_type_ids": a["types"][w].astype(np.int64).tolist(),
               "attention_mask": [1] * n + [0] * (MAX_LEN - n), "start": int(a["start"][w]), "end": int(a["end"][w]),
               "example": int(a["example"][w])}
        if "offsets" in a:
            row["offsets"] = [None if o[0] < 0 else (int(o[0]), int(o[1])) for o in a["offsets"][w]]
        rows.append(row)
    return rows


def examples_and_windows(args: argparse.Namespace, tok) -> dict:
    """Examples and their token windows: ``fit`` (answerless public windows already thinned to
    ``--neg-keep``), ``gold`` (to train on), ``gold-eval`` (its answered examples, to score when
    not trained on) and ``eval`` (the held-out sample)."""
    data = build_examples(args)
    rng = random.Random(args.seed)
    answered = [dict(e, set="gold-tuning") for e in data["gold"] if e["start"] >= 0]
    return {"fit": (data["fit"], features(tok, data["fit"], train=True, neg_keep=args.neg_keep, rng=rng)),
            "gold": (data["gold"], features(tok, data["gold"], train=True)),
            "gold-eval": (answered, features(tok, answered, train=False)),
            "eval": (data["eval"], features(tok, data["eval"], train=False))}


def select_packed(data: dict, only_fold: int | None, skip: set[str]) -> dict:
    """One pack serves every run of a cross-fit: keep the public windows of one half of the fit
    articles (``--only-fold``) and drop the tuning files a fold head must not see (``--gold-skip``)."""
    fit, rows = data["fit"]
    if only_fold is not None:
        rows = [r for r in rows if fit[r["example"]].get("fold") == only_fold]
    gold, gold_rows = data["gold"]
    gold_rows = [r for r in gold_rows if gold[r["example"]].get("file") not in skip]
    return dict(data, fit=(fit, rows), gold=(gold, gold_rows))


def pack(args: argparse.Namespace) -> None:
    """Writes ``examples_and_windows(...)`` as one compressed pickle of arrays, for ``train --packed``."""
    import lzma
    import pickle

    out = args.out or WORK / "packed.pkl.xz"
    out.parent.mkdir(parents=True, exist_ok=True)
    data = examples_and_windows(args, window_tokenizer(bundled_model_dir()))
    arrays = {k: (ex, to_arrays(rows, offsets=k.endswith("eval"))) for k, (ex, rows) in data.items()}
    with lzma.open(out, "wb") as f:
        pickle.dump(arrays, f, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{out}: " + ", ".join(f"{k} {len(ex)} examples / {len(rows)} windows" for k, (ex, rows) in data.items()))


def train(args: argparse.Namespace) -> None:
    torch.set_num_threads(args.threads)
    args.model_dir = args.model_dir or bundled_model_dir()
    if args.packed:
        import lzma
        import pickle

        with lzma.open(args.packed, "rb") as f:
            data = {k: (ex, from_arrays(a)) for k, (ex, a) in pickle.load(f).items()}
        data = select_packed(data, args.only_fold, set(args.gold_skip))
    else:
        data = examples_and_windows(args, window_tokenizer(args.model_dir))
    fit, rows = data["fit"]
    scored = [data["eval"]]
    gold, gold_rows = data["gold"]
    if args.gold_neg_keep < 1.0:  # a share of the seeds' answerless windows, drawn once
        keep_rng = random.Random(args.seed)
        gold_rows = [r for r in gold_rows if r["start"] > 0 or keep_rng.random() < args.gold_neg_keep]
    if gold and args.gold_repeat:
        print(f"{len(gold)} gold examples ({sum(g['start'] >= 0 for g in gold)} with an answer), "
              f"x{args.gold_repeat}", flush=True)
        rows = rows + gold_rows * args.gold_repeat
    elif gold:  # not trained on: scored, with their answer passage given
        scored.append(data["gold-eval"])
    rng = random.Random(args.seed)
    print(f"{len({r['example'] for r in data['fit'][1]})} public questions, {len(rows)} training windows; "
          f"{sum(len(ex) for ex, _ in scored)} examples scored", flush=True)
    torch.manual_seed(7)  # one head initialisation for every --seed, so their runs can be averaged
    model = SpanModel(args.model_dir)
    torch.manual_seed(args.seed)  # data order and dropout differ by --seed
    if args.init:  # continue from an earlier run (a new schedule over --epochs more epochs)
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    model.to(args.device)

    def score(label: str) -> None:
        res: dict = {}
        for ex, ex_rows in scored:
            res |= evaluate(model, ex, ex_rows)
        print(f"{label} held-out (gold paragraph): {res}", flush=True)

    if args.epochs == 0:  # score --init only
        score("init")
        return
    if args.train_from_layer:  # the layers below stay as they are: a CPU can afford the rest
        for name, p in model.encoder.named_parameters():
            layer = re.match(r"encoder\.layer\.(\d+)\.", name)
            p.requires_grad = bool(layer) and int(layer.group(1)) >= args.train_from_layer
    params = [{"params": [p for p in model.encoder.parameters() if p.requires_grad], "lr": args.lr},
              {"params": model.head.parameters(), "lr": args.lr * args.head_lr_scale}]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    steps = math.ceil(len(rows) / args.batch) * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    loss_fn = nn.CrossEntropyLoss()
    step, t0 = 0, time.time()
    save = args.save or WORK / "model.pt"
    save.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(args.epochs):
        rng.shuffle(rows)
        for b in range(0, len(rows), args.batch):
            batch = rows[b : b + args.batch]
            sl, el = _logits(model, batch)
            dev = sl.device
            loss = (loss_fn(sl, torch.tensor([r["start"] for r in batch], device=dev))
                    + loss_fn(el, torch.tensor([r["end"] for r in batch], device=dev))) / 2
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % args.log_every == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
        torch.save({k: v.cpu() for k, v in model.state_dict().items()}, save)
        if epoch + 1 in args.eval_at or (epoch + 1 == args.epochs and not args.no_score):
            score(f"epoch {epoch}")


def soup(args: argparse.Namespace) -> None:
    """Averages runs weight by weight (a uniform "model soup", Wortsman et al. 2022). Runs of one
    set-up that differ only by --seed share the head's initialisation and stay in one basin, so
    their average reads better than any of them."""
    states = [torch.load(f, map_location="cpu") for f in args.states]
    avg = {k: (sum(s[k].float() for s in states) / len(states)) if v.is_floating_point() else v
           for k, v in states[0].items()}
    torch.save(avg, args.out)
    print(f"{args.out}: average of {len(states)} runs")


def from_onnx(args: argparse.Namespace) -> None:
    """The state dict of an exported int8 head, its weights dequantized (``(q - zero) * scale``):
    the float32 runs behind the shipped head stayed on the lent machine and are gone, so continuing to
    train the shipped head starts from what it runs with (``train --init``)."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(args.onnx)).graph
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}

    def dequantized(name: str) -> np.ndarray:
        q, zero, scale = (init[f"{name}_{k}"] for k in ("quantized", "zero_point", "scale"))
        return (q.astype(np.float32) - zero.astype(np.float32)) * scale.astype(np.float32)

    state: dict[str, torch.Tensor] = {}
    for name, value in init.items():
        if name.startswith("model.") and not re.search(r"_(quantized|zero_point|scale)$", name):
            state[name.removeprefix("model.")] = torch.from_numpy(value.copy())
        elif name.startswith("model.") and name.endswith("_quantized"):  # embeddings, per tensor
            base = name.removesuffix("_quantized")
            state[base.removeprefix("model.")] = torch.from_numpy(dequantized(base))
    for node in graph.node:  # a linear layer's weight is the MatMulInteger named after its module
        if node.op_type == "MatMulInteger":
            module = node.output[0].removeprefix("/model/").split("/MatMul")[0].replace("/", ".")
            state[f"{module}.weight"] = torch.from_numpy(dequantized(node.input[1].removesuffix("_quantized")).T.copy())
    model = SpanModel(args.model_dir)
    missing = set(model.state_dict()) - set(state)
    extra = set(state) - set(model.state_dict())
    if extra or any(not k.startswith("encoder.pooler.") for k in missing):  # the pooler is never read
        raise SystemExit(f"{args.onnx}: does not map onto the span model (missing {sorted(missing)[:5]}, "
                         f"extra {sorted(extra)[:5]})")
    model.load_state_dict(state, strict=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({k: v.cpu() for k, v in model.state_dict().items()}, args.out)
    print(f"{args.out}: {len(state)} tensors from {args.onnx}")


def _share(value: str) -> tuple[str, float]:
    name, _, share = value.partition("=")
    try:
        fraction = float(share)
    except ValueError:
        fraction = -1.0
    if name not in DATASETS or not 0.0 <= fraction <= 1.0:
        raise argparse.ArgumentTypeError(f"expected SET=FRACTION with SET one of {', '.join(DATASETS)}")
    return name, fraction


def _example_options(c: argparse.ArgumentParser) -> None:
    c.add_argument("--limit", type=int, default=0)
    c.add_argument("--eval-n", type=int, default=600, help="public held-out questions scored (0: all)")
    c.add_argument("--cut-share", type=float, default=0.0,
                   help="share of answerable examples also given with their answer sentence cut (target: no answer)")
    c.add_argument("--gold", type=Path, action="append", default=[],
                   help="project gold file(s) over --gold-corpus to train on as well (repeatable)")
    c.add_argument("--share", type=_share, action="append", default=[], metavar="SET=FRACTION",
                   help="train on this share of one public set's questions (e.g. tydi=0.15)")
    c.add_argument("--gold-eval", type=Path, help="project gold file to score (never trained on)")
    c.add_argument("--only-fold", type=int, choices=(0, 1),
                   help="train on this half of the fit articles only (fit_reader.article_fold), for cross-fitting")
    c.add_argument("--neg-keep", type=float, default=0.1, help="share of answerless public windows kept")
    c.add_argument("--seed", type=int, default=7)
    c.add_argument("--gold-corpus", type=Path, default=ROOT / "seeds")
    c.add_argument("--gold-index", type=Path, default=ROOT / "build" / "fit" / "seeds-index")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    _example_options(t)
    t.add_argument("--packed", type=Path, help="examples and windows written by `pack` (instead of building them)")
    t.add_argument("--gold-skip", action="append", default=[], metavar="NAME",
                   help="with --packed: leave out the examples of this gold file (by file name), for a fold head")
    # Defaults: the shipped set-up (with --gold the ten tuning files), the best of eight on the
    # public held-out parts; the shipped head averages six such runs (--seed 7 11 13 17 19 23).
    t.add_argument("--epochs", type=int, default=4)
    t.add_argument("--batch", type=int, default=32)
    t.add_argument("--lr", type=float, default=2e-4)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--device", default="cpu", help="torch device: cpu, or cuda (bfloat16 autocast)")
    t.add_argument("--model-dir", type=Path, help="encoder folder (default: the bundled all-MiniLM-L6-v2)")
    t.add_argument("--init", type=Path, help="state dict to start from instead of the bundled weights")
    t.add_argument("--save", type=Path, help="where the state dict goes (default build/span/model.pt)")
    t.add_argument("--train-from-layer", type=int, default=0,
                   help="train only the encoder layers from this one up, and the head (0: every layer)")
    t.add_argument("--gold-neg-keep", type=float, default=1.0, help="share of the seeds' answerless windows kept")
    t.add_argument("--head-lr-scale", type=float, default=10.0, help="the head's learning rate over --lr")
    t.add_argument("--gold-repeat", type=int, default=2,
                   help="repeats of the gold examples (0: score them instead of training on them)")
    t.add_argument("--eval-at", type=int, action="append", default=[], help="also score after this epoch")
    t.add_argument("--no-score", action="store_true", help="skip scoring after the last epoch")
    t.add_argument("--log-every", type=int, default=20, help="steps between loss lines")
    t.set_defaults(func=train)
    k = sub.add_parser("pack")
    _example_options(k)
    k.add_argument("--out", type=Path, help="default build/span/packed.pkl.xz")
    k.set_defaults(func=pack)
    u = sub.add_parser("soup")
    u.add_argument("states", type=Path, nargs="+", help="state dicts saved by train")
    u.add_argument("--out", type=Path, default=WORK / "model.pt")
    u.set_defaults(func=soup)
    o = sub.add_parser("from-onnx")
    o.add_argument("onnx", type=Path, nargs="?", default=ROOT / "qa" / "weights" / "span-int8.onnx")
    o.add_argument("--out", type=Path, default=WORK / "shipped.pt")
    o.add_argument("--model-dir", type=Path, help="encoder folder (default: the bundled all-MiniLM-L6-v2)")
    o.set_defaults(func=from_onnx)
    _add_export(sub)
    args = p.parse_args()
    args.func(args)


class _Wrapper(nn.Module):
    """Keyword-argument call, as the ONNX exporter needs on transformers 5."""

    def __init__(self, model: SpanModel) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        s, e = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        return s, e


def export(args: argparse.Namespace) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = SpanModel(args.model_dir)
    model.load_state_dict(torch.load(args.state, map_location="cpu"))
    model.eval()
    dummy = {k: torch.ones((1, 32), dtype=torch.long) for k in ("input_ids", "attention_mask", "token_type_ids")}
    dummy["token_type_ids"][:, 16:] = 1
    axes = {0: "batch", 1: "tokens"}
    out = args.out
    with tempfile.TemporaryDirectory() as tmp:  # exports may run side by side
        fp32 = Path(tmp) / "span-fp32.onnx"
        torch.onnx.export(_Wrapper(model), (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
                          str(fp32), input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["start_logits", "end_logits"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                        "start_logits": axes, "end_logits": axes})
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
    print(f"exported {out} ({out.stat().st_size / 1e6:.1f} MB)")


def _add_export(sub) -> None:
    e = sub.add_parser("export")
    e.add_argument("--state", type=Path, default=WORK / "model.pt", help="state dict saved by train or soup")
    e.add_argument("--out", type=Path, default=ROOT / "qa" / "weights" / "span-int8.onnx")
    e.add_argument("--model-dir", type=Path, help="encoder folder (default: the bundled all-MiniLM-L6-v2)")
    e.set_defaults(func=export)


if __name__ == "__main__":
    main()

"""Evaluation metrics and reports, on hand-made cases with known values (no model)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from qa.evaluate import (
    calibration,
    calibration_error,
    Evaluator,
    GoldItem,
    ItemResult,
    aggregate,
    exact_match,
    f1,
    format_summary,
    load_gold,
    normalize_answer,
    percentile,
    question_type,
    score_item,
    write_report,
)

# ----------------------------------------------------------------- normalisation, EM, F1


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("The  Cat!", "cat"),
        ("An apple, a day.", "apple day"),
        ("“Mekdad’s” — reply…", "mekdads reply"),
        ("Amir-Abdollahian", "amirabdollahian"),
        ("1990–1995", "19901995"),
        ("theatre", "theatre"),  # articles only as whole words
        ("  \n\t ", ""),
    ],
)
def test_normalize_answer(raw: str, norm: str) -> None:
    assert normalize_answer(raw) == norm


def test_exact_match_several_golds() -> None:
    golds = ["Sergei Lavrov", "Sergey Lavrov", "Lavrov"]
    assert exact_match("lavrov.", golds) == 1.0
    assert exact_match("the Sergey Lavrov", golds) == 1.0
    assert exact_match("Sergei V. Lavrov", golds) == 0.0


def test_exact_match_unicode_punctuation() -> None:
    assert exact_match("Syria’s “foreign” minister", ["Syria's \"foreign\" minister"]) == 1.0


def test_f1_partial_overlap_exact_value() -> None:
    # pred {foreign, minister, faisal, mekdad} vs gold {faisal, mekdad}: P=2/4, R=2/2 -> F1=2/3
    assert f1("foreign minister Faisal Mekdad", ["Faisal Mekdad"]) == pytest.approx(2 / 3)
    # max over golds: vs "Mekdad" P=1/4, R=1 -> 0.4 ; vs "Faisal Mekdad" -> 2/3
    assert f1("foreign minister Faisal Mekdad", ["Mekdad", "Faisal Mekdad"]) == pytest.approx(2 / 3)


def test_f1_counts_repeated_tokens_once_each() -> None:
    # common tokens use min counts: "new new york" vs "new york": same=2, P=2/3, R=1 -> F1=0.8
    assert f1("new new york", ["New York"]) == pytest.approx(0.8)


def test_empty_prediction() -> None:
    assert exact_match("", ["Moscow"]) == 0.0
    assert exact_match(None, ["Moscow"]) == 0.0
    assert f1(None, ["Moscow"]) == 0.0
    assert f1("the", ["Moscow"]) == 0.0  # normalises to nothing


def test_empty_gold_list_is_unanswerable() -> None:
    assert exact_match(None, []) == 1.0
    assert f1(None, []) == 1.0
    assert exact_match("Cairo", []) == 0.0
    assert f1("Cairo", []) == 0.0


def test_no_overlap_is_zero() -> None:
    assert f1("Cairo", ["Moscow"]) == 0.0


# ----------------------------------------------------------------- question types


@pytest.mark.parametrize(
    ("q", "t"),
    [
        ("Who is Syria's foreign minister?", "who"),
        ("Whose plan was it?", "who"),
        ("On what day of the week did they meet?", "what"),
        ("When did Assad state his conditions?", "when"),
        ("Where did the ministers meet?", "where"),
        ("In which city is the Arab League headquartered?", "which"),
        ("Why did Ankara sever ties?", "why"),
        ("How many people died?", "how many"),
        ("How much did it cost?", "how much"),
        ("How long after the unrest did Ankara sever ties?", "how long"),
        ("How did Turkey respond?", "how"),
        ("Name the foreign minister of Iran.", "other"),
    ],
)
def test_question_type(q: str, t: str) -> None:
    assert question_type(q) == t


# ----------------------------------------------------------------- load_gold


def _write(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


GOOD = json.dumps({"id": "a", "question": "Who?", "answers": ["X"], "sources": ["f.txt"]})


def test_load_gold_reads_items_and_skips_blank_lines(tmp_path: Path) -> None:
    unans = json.dumps({"id": "b", "question": "What?", "answers": [], "sources": []})
    items = load_gold(_write(tmp_path, [GOOD, "", unans]))
    assert [i.id for i in items] == ["a", "b"]
    assert items[0] == GoldItem("a", "Who?", ["X"], ["f.txt"])
    assert items[0].answerable and not items[1].answerable


@pytest.mark.parametrize(
    ("bad", "msg"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"id": "x", "question": "Q?", "answers": []}), "missing key 'sources'"),
        (json.dumps({"id": 3, "question": "Q?", "answers": [], "sources": []}), "'id' must be a str"),
        (json.dumps({"id": "x", "question": "Q?", "answers": "X", "sources": []}), "'answers' must be a list"),
        (json.dumps({"id": "x", "question": "Q?", "answers": [1], "sources": []}), "list of strings"),
        (json.dumps({"id": "a", "question": "Q?", "answers": [], "sources": []}), "duplicate id 'a'"),
        # what the pipeline would refuse to read is named here, by its line, not as a traceback later
        (json.dumps({"id": "x", "question": " ?! ", "answers": [], "sources": []}), "'question' must contain a letter"),
        (json.dumps({"id": "x", "question": "Q" * 1001, "answers": [], "sources": []}), "'question' must be at most"),
        ('{"id": "x", "question": "Who\\ud800?", "answers": [], "sources": []}', "'question' must be valid Unicode"),
        ('{"id": "x", "question": "Q?", "answers": ["\\udc00"], "sources": []}', "'answers' must be valid Unicode"),
    ],
)
def test_load_gold_errors_name_the_line(tmp_path: Path, bad: str, msg: str) -> None:
    path = _write(tmp_path, [GOOD, "", bad])
    with pytest.raises(ValueError, match=msg) as exc:
        load_gold(path)
    assert f"{path}:3:" in str(exc.value)


def test_load_gold_refuses_a_file_without_questions(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no questions"):
        load_gold(_write(tmp_path, ["", "  "]))


@pytest.mark.parametrize("indent", [None, 2])
def test_load_gold_points_a_squad_file_to_import_squad(tmp_path: Path, indent: int | None) -> None:
    squad = {"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "Paris is in France.", "qas": [
        {"id": "1", "question": "Where is Paris?", "answers": [{"text": "France", "answer_start": 12}]}]}]}]}
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(squad, indent=indent), encoding="utf-8")
    with pytest.raises(ValueError, match="qa import-squad"):
        load_gold(path)


def test_load_gold_reads_past_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(GOOD + "\n", encoding="utf-8-sig")
    assert [i.id for i in load_gold(path)] == ["a"]


# ----------------------------------------------------------------- scoring one answer

TEXTS = {"a.txt": "Foreign minister Faisal Mekdad met in Moscow.", "b.txt": "Lavrov spoke."}


def _answer(answer: str | None, source: str | None = None, start: int = 0, end: int = 0,
            passages: tuple[str, ...] = ()) -> dict:
    cits = [] if source is None else [
        {"source": source, "start": start, "end": end, "passage": "", "score": 1.0}]
    return {"question": "", "answer": answer, "confidence": 0.5 if answer else 0.1,
            "citations": cits,
            "passages": [{"source": s, "start": 0, "end": 1, "text": "", "score": 0.0} for s in passages]}


def test_score_item_answered_with_exact_offsets() -> None:
    gold = GoldItem("g1", "Who is Syria's foreign minister?", ["Faisal Mekdad"], ["a.txt"])
    r = score_item(gold, _answer("Faisal Mekdad", "a.txt", 17, 30, ("b.txt", "a.txt")), 12.0, TEXTS.__getitem__)
    assert (r.em, r.f1, r.source_rank, r.offset_exact) == (1.0, 1.0, 2, True)
    assert r.cited_source == "a.txt" and r.type == "who" and not r.miss


def test_score_item_offset_mismatch_and_missing_file() -> None:
    gold = GoldItem("g1", "Who?", ["Mekdad"], ["a.txt"])
    assert score_item(gold, _answer("Mekdad", "a.txt", 0, 6), 0, TEXTS.__getitem__).offset_exact is False
    assert score_item(gold, _answer("Mekdad", "zz.txt", 0, 6), 0, TEXTS.__getitem__).offset_exact is False


def test_score_item_refusals() -> None:
    unans = score_item(GoldItem("u", "What?", [], []), _answer(None), 1.0)
    assert unans.em is None and unans.f1 is None and unans.offset_exact is None and not unans.miss
    answered = score_item(GoldItem("u", "What?", [], []), _answer("Cairo", "b.txt", 0, 5), 1.0)
    assert answered.miss


# ----------------------------------------------------------------- aggregation


def _r(id: str, question: str, answers: list[str], sources: list[str], answer: str | None,
       cited: str | None, rank: int | None, latency: float, offset_exact: bool | None = True) -> ItemResult:
    return ItemResult(
        id=id, question=question, type=question_type(question), answers=answers, sources=sources,
        answer=answer, confidence=0.5, cited_source=cited,
        em=exact_match(answer, answers) if answers else None,
        f1=f1(answer, answers) if answers else None,
        source_rank=rank, offset_exact=offset_exact if answer is not None else None, latency_ms=latency,
    )


RESULTS = [
    # answerable, exact, right citation, rank 1
    _r("q1", "Who met?", ["Faisal Mekdad"], ["a.txt"], "Faisal Mekdad", "a.txt", 1, 10.0),
    # answerable, partial (F1 2/3), wrong citation, gold source at rank 2
    _r("q2", "Who spoke?", ["Sergei Lavrov"], ["b.txt"], "Lavrov said", "a.txt", 2, 20.0),
    # answerable, refused, gold source not retrieved
    _r("q3", "Where did they meet?", ["Moscow"], ["a.txt"], None, None, None, 30.0),
    # unanswerable, refused
    _r("q4", "What is the population?", [], [], None, None, None, 40.0),
    # unanswerable, answered (offset wrong)
    _r("q5", "Who won?", [], [], "Cairo", "b.txt", None, 50.0, offset_exact=False),
]


def test_aggregate_known_values() -> None:
    m = aggregate(RESULTS, k=5)
    assert (m["n"], m["n_answerable"], m["n_unanswerable"], m["n_answered"]) == (5, 3, 2, 3)
    assert m["k"] == 5
    assert m["em"] == pytest.approx(1 / 3)
    assert m["f1"] == pytest.approx((1 + 0.5 + 0) / 3)  # "lavrov said" vs "sergei lavrov": P=R=1/2
    assert m["recall_at_k"] == pytest.approx(2 / 3)
    assert m["mrr"] == pytest.approx((1 + 0.5 + 0) / 3)
    assert m["citation_accuracy"] == pytest.approx(1 / 3)
    assert m["offset_exactness"] == pytest.approx(2 / 3)
    assert m["refusal_rate_unanswerable"] == pytest.approx(0.5)
    assert m["false_refusal_rate"] == pytest.approx(1 / 3)
    assert m["p50_ms"] == pytest.approx(30.0)
    assert m["p95_ms"] == pytest.approx(48.0)
    who = m["by_type"]["who"]
    assert (who["n"], who["n_answerable"], who["n_unanswerable"]) == (3, 2, 1)
    assert who["em"] == pytest.approx(0.5) and who["refusal_rate_unanswerable"] == 0.0
    assert list(m["by_type"]) == ["who", "what", "where"]


def test_support_recall_and_precision() -> None:
    """Of a right answer's gold files, the share cited (over exact matches); of an answer's cited
    files, the share the gold set names (over answered answerable questions)."""
    from dataclasses import replace

    results = [
        replace(RESULTS[0], sources=["a.txt", "b.txt"], cited_sources=["a.txt"]),  # right: 1 of 2 gold files cited
        replace(RESULTS[1], cited_sources=["a.txt", "b.txt"]),  # partly right: precision 1/2, no recall
        RESULTS[2],  # refused: neither
        replace(RESULTS[4], cited_sources=["b.txt"]),  # unanswerable: neither
    ]
    m = aggregate(results, k=5)
    assert m["support_recall"] == pytest.approx(0.5)
    assert m["support_precision"] == pytest.approx((1 + 0.5) / 2)
    assert "support recall" in format_summary(m) and "support precision" in format_summary(m)
    answer = _answer("Faisal Mekdad", "a.txt", 17, 30, ("b.txt", "a.txt"))
    answer["citations"].append({"source": "b.txt", "start": 0, "end": 13, "passage": "", "score": 0.0})
    scored = score_item(GoldItem("g", "Who?", ["Faisal Mekdad"], ["a.txt", "b.txt"]), answer, 1.0, TEXTS.__getitem__)
    assert scored.cited_sources == ["a.txt", "b.txt"] and scored.cited_source == "a.txt"


def test_calibration_bins_and_error() -> None:
    def item(confidence: float, right: bool) -> ItemResult:
        r = _r("c", "Who met?", ["Faisal Mekdad"], ["a.txt"], "Faisal Mekdad" if right else "Lavrov", "a.txt", 1, 1.0)
        return replace(r, confidence=confidence)

    results = [item(0.9, True), item(0.85, True), item(1.0, False), item(0.1, False), item(0.3, True)]
    results += [RESULTS[2], RESULTS[3]]  # refusals give no answer: not counted
    results += [replace(RESULTS[4], confidence=0.95)]  # an answer to an unanswerable question is wrong
    bins = calibration(results)
    assert [(b["lo"], b["n"]) for b in bins] == [(0.0, 1), (0.2, 1), (0.8, 4)]
    top = bins[-1]
    assert top["confidence"] == pytest.approx((0.9 + 0.85 + 1.0 + 0.95) / 4)
    assert top["exact_match"] == pytest.approx(2 / 4)
    gaps = [0.1, 0.7, abs((0.9 + 0.85 + 1.0 + 0.95) / 4 - 2 / 4) * 4]
    assert calibration_error(bins) == pytest.approx(sum(gaps) / 6)
    assert aggregate(results, k=5)["calibration_error"] == pytest.approx(sum(gaps) / 6)
    assert calibration_error([]) is None


def test_recall_respects_k() -> None:
    assert aggregate(RESULTS, k=1)["recall_at_k"] == pytest.approx(1 / 3)


def test_aggregate_without_unanswerable_or_answerable_items_is_null_not_zero() -> None:
    only_ans = aggregate(RESULTS[:3], k=5)
    assert only_ans["refusal_rate_unanswerable"] is None and only_ans["n_unanswerable"] == 0
    only_unans = aggregate(RESULTS[3:], k=5)
    for key in ("em", "f1", "recall_at_k", "mrr", "citation_accuracy", "false_refusal_rate"):
        assert only_unans[key] is None
    empty = aggregate([], k=5)
    assert empty["n"] == 0 and empty["p50_ms"] is None and empty["by_type"] == {}
    assert "n/a" in format_summary(only_unans)


def test_percentile() -> None:
    assert percentile([], 50) is None
    assert percentile([7.0], 95) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)


# ----------------------------------------------------------------- reports


def test_write_report(tmp_path: Path) -> None:
    json_path, md_path = write_report(RESULTS, tmp_path / "out", k=5)
    rep = json.loads(json_path.read_text(encoding="utf-8"))
    for key in ("em", "f1", "recall_at_k", "mrr", "citation_accuracy"):
        assert 0.0 <= rep[key] <= 1.0
    assert rep["k"] == 5 and rep["n"] == 5 and set(rep["by_type"]) == {"who", "what", "where"}
    assert [i["id"] for i in rep["items"]] == ["q1", "q2", "q3", "q4", "q5"]
    q2 = rep["items"][1]
    assert q2["predicted"] == "Lavrov said" and q2["cited_source"] == "a.txt"
    assert q2["answers"] == ["Sergei Lavrov"] and q2["sources"] == ["b.txt"]
    assert q2["em"] == 0.0 and q2["f1"] == pytest.approx(0.5) and q2["source_rank"] == 2
    assert rep["items"][3]["em"] is None and rep["items"][3]["predicted"] is None

    md = md_path.read_text(encoding="utf-8")
    assert "## By question type" in md and "## Misses (3)" in md
    # q1, q2 and q5 are answered, all at confidence 0.5: one bin, one right of three (q5's
    # question is unanswerable).
    assert rep["calibration"] == [{"lo": 0.4, "hi": 0.6, "n": 3, "confidence": 0.5, "exact_match": pytest.approx(1 / 3)}]
    assert rep["calibration_error"] == pytest.approx(0.5 - 1 / 3)
    assert "## Calibration" in md and "| [0.4, 0.6) | 3 | 0.500 | 0.333 |" in md
    misses = md.split("## Misses")[1]
    assert "q2" in misses and "q3" in misses and "q5" in misses
    assert "q1" not in misses and "q4" not in misses
    assert "“Lavrov said”" in misses and "(no answer)" in misses and "(unanswerable)" in misses


def test_format_summary_is_aligned() -> None:
    text = format_summary(aggregate(RESULTS, k=5))
    summary = text.split("\n\n")[0].splitlines()
    assert summary[0].split() == ["metric", "value"]
    assert any(line.startswith("recall@5") for line in summary)
    value_ends = {len(line) for line in summary[1:]}
    assert len(value_ends) == 1  # right-aligned value column
    assert "how many" not in text and "where" in text


# ----------------------------------------------------------------- whole run (real pipeline)

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold.jsonl"


def test_evaluator_on_seed_questions(pipeline, tmp_path: Path) -> None:
    """A few seed questions through the real pipeline: invariants, not quality thresholds."""
    pipe = pipeline
    gold = load_gold(GOLD)
    sample = [g for g in gold if g.answerable][:6] + [g for g in gold if not g.answerable][:2]
    ev = Evaluator(sample, top_k=3, show_progress_bar=False)
    m = ev(pipe, output_path=tmp_path)
    assert (m["n"], m["n_answerable"], m["n_unanswerable"], m["k"]) == (8, 6, 2, 3)
    for key in ("em", "f1", "recall_at_k", "mrr", "citation_accuracy", "false_refusal_rate",
                "refusal_rate_unanswerable"):
        assert 0.0 <= m[key] <= 1.0
    if m["n_answered"]:
        assert m["offset_exactness"] == 1.0  # every primary citation slices to the answer
    assert all(len(r.passage_sources) <= 3 for r in ev.results)
    assert m["p50_ms"] > 0
    rep = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in rep["items"]] == [g.id for g in sample]
    assert (tmp_path / "report.md").is_file()

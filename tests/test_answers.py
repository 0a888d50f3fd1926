"""End-to-end answers on the seeds: exact spans, honest citations, refusals, retrieval."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from qa.answer import Answer
from qa.checks import speaker_offices
from qa.reading import answer_key
from qa.tidy import drop_leading, tidy_span

ROOT = Path(__file__).resolve().parent.parent
GOLD = [json.loads(line) for line in (ROOT / "eval" / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]


class _Memo:
    """``pipeline.read`` and ``pipeline.ask`` kept per question for this module: the gold
    questions are read and asked by several tests, and each reading is the same whichever test
    reads it first (caches change no answer, ``test_the_readers_caches_change_no_answer``)."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline
        self.readings: dict[str, tuple] = {}
        self.answers: dict[str, Answer] = {}

    def read(self, question: str) -> tuple:
        if question not in self.readings:
            self.readings[question] = self.pipeline.read(question)
        return self.readings[question]

    def ask(self, question: str) -> Answer:
        if question not in self.answers:
            self.answers[question] = self.pipeline.answer(question, *self.read(question))
        return self.answers[question]


@pytest.fixture(scope="module")
def memo(pipeline) -> _Memo:
    return _Memo(pipeline)


@pytest.fixture(scope="module")
def asked(memo) -> Callable[[str], Answer]:
    """``pipeline.ask`` kept per question for this module (``_Memo``)."""
    return memo.ask


def _raw(pipeline, name: str) -> str:
    return (pipeline.index.docs[pipeline.index.doc_by_name[name]].path).read_bytes().decode("utf-8")


def test_syria_foreign_minister(pipeline):
    a = pipeline.ask("Who is Syria's foreign minister?")
    assert a.answer == "Faisal Mekdad"
    c = a.citations[0]
    assert _raw(pipeline, c.source)[c.start : c.end] == "Faisal Mekdad"
    # Agreeing files are cited too, one citation per file, each with its own exact offsets.
    assert len({c.source for c in a.citations}) == len(a.citations) >= 3
    for c in a.citations:
        assert _raw(pipeline, c.source)[c.start : c.end] == a.answer
        assert c.passage and _raw(pipeline, c.source).find(c.passage) >= 0
    contracted = pipeline.ask("Who's Syria's foreign minister?")  # read as "Who is ..."
    assert contracted.answer == "Faisal Mekdad" and contracted.question == "Who's Syria's foreign minister?"


@pytest.mark.parametrize("item", [g for g in GOLD if g["answers"]][:40], ids=lambda g: g["id"])
def test_every_answer_is_an_exact_cited_span(pipeline, asked, item):
    a = asked(item["question"])
    assert 0.0 <= a.confidence <= 1.0
    assert len(a.passages) == 5
    for p in a.passages:
        assert _raw(pipeline, p.source)[p.start : p.end] == p.text
    if a.answer is None:
        assert a.citations == []
        return
    assert a.answer == a.answer.strip() and a.answer
    assert not re.match(r"(the|a|an)\s", a.answer), a.answer  # clean spans: no leading article
    assert a.answer[0] not in ",;:?" and a.answer[-1] not in ",;:", a.answer  # nor edge punctuation
    for c in a.citations:
        assert _raw(pipeline, c.source)[c.start : c.end] == a.answer


def test_gold_answers_mostly_right(asked):
    """A floor on quality over the tuning gold set, so a regression in the reader shows
    (measured 0.53 exact match when this floor was set; see docs/quality.md)."""
    answerable = [g for g in GOLD if g["answers"]]
    right = sum(
        (a := asked(g["question"]).answer) is not None
        and answer_key(a) in {answer_key(x) for x in g["answers"]}
        for g in answerable
    )
    assert right / len(answerable) >= 0.45


@pytest.mark.parametrize("question", [
    "Besides Turkey, which country's foreign minister took part in the Moscow talks?",
    "Apart from Moscow, which capital is named in the reports?",
    "Other than Sergei Lavrov, who attended the meeting?",
])
def test_answers_do_not_echo_the_question(pipeline, question):
    """A question that names one thing and asks for another is never answered with the thing
    it names: a span made only of the question's own words is left out of the answers."""
    from qa.question import analyse_question
    from qa.text import content_stems

    q_stems = set(analyse_question(question).stems)
    _, _, reading = pipeline.read(question)
    assert reading.groups
    ix = pipeline.index
    for _, members in reading.groups:
        text = ix.docs[members[0].doc].text[members[0].start : members[0].end]
        stems = set(content_stems(text))
        assert not stems or not stems <= q_stems, text


def assert_refused_for(pipeline, question: str, *reasons: str) -> None:
    """The question's best answer cannot be right for one of ``reasons`` (``Reading.mismatch``),
    and the pipeline refuses it."""
    q, hits, reading = pipeline.read(question)
    assert reading.mismatch in reasons and pipeline.answer(question, q, hits, reading).answer is None


@pytest.mark.parametrize("span, kept", [
    ("the diplomatic clout", "diplomatic clout"),
    ("an important enclave", "important enclave"),
    ("The ministers", "ministers"),
    ("The Moscow Times", "The Moscow Times"),  # part of a name
    ("the", "the"),  # nothing would be left
    ("theatre", "theatre"),
    ("to reinstate Syria's membership", "reinstate Syria's membership"),  # infinitive "to"
    ("at the request of Damascus", "at the request of Damascus"),  # prepositions stay
    ("to", "to"),
    ("all forms of terrorism, separatism and extremism", "terrorism, separatism and extremism"),
])
def test_drop_leading(span, kept):
    text = f"[{span}]"
    start, end = drop_leading(text, 1, len(text) - 1)
    assert text[start:end] == kept


def test_no_answer_opens_with_the_comma_before_it(pipeline):
    """The span head's spans are snapped to whole tokens, which may take the comma before a list's
    items (", separatism and extremism" for "Besides terrorism, which two other ills ...?"): the
    answer shown starts after it, and its offsets still give it exactly."""
    question = "Besides terrorism, which two other ills did the participants pledge to fight in Syria?"
    answer = pipeline.ask(question)
    if answer.answer is not None:
        assert answer.answer[0] not in ",;:" and answer.answer[0].isalnum()
        for c in answer.citations:
            assert _raw(pipeline, c.source)[c.start : c.end] == answer.answer


@pytest.mark.parametrize("span, question, kept", [
    ("to support the government's forces", "Why did Moscow launch air strikes?", "to support the government's forces"),
    ("to support the government's forces", "What did Moscow launch air strikes for?", "support the government's forces"),
    ("the need to act", "Why did they meet?", "need to act"),  # an article still goes
])
def test_a_reason_keeps_the_to_of_its_purpose(span, question, kept):
    text = f"[{span}]"
    start, end = tidy_span(text, 1, len(text) - 1, question)
    assert text[start:end] == kept


@pytest.mark.parametrize("span, question, kept", [
    ("the removal of all foreign forces from its territory, including those of Turkey", "What is the priority?",
     "removal of all foreign forces from its territory"),
    ("ports, including Lisbon", "Which ports does the deal include?", "ports, including Lisbon"),  # asked for
    ("Lisbon, including suburbs", "Where?", "Lisbon, including suburbs"),  # too little would be left
    # the question's noun before "including" names the kind; the things follow
    ("common issues including the refugee crisis and drug smuggling", "What issues do Arab states want to discuss?",
     "refugee crisis and drug smuggling"),
    ("common issues including the refugee crisis", "What do Arab states want to discuss?",
     "common issues including the refugee crisis"),  # no kind named in the question
    # the question's own words before a mid-question "what" are not the answer
    ("cooperation in the fight against terrorism", "Cavusoglu stressed the need for cooperation in what?",
     "fight against terrorism"),
    ("cooperation in the fight", "What did they discuss?", "cooperation in the fight"),
    # "Apart from X, what else ...?": not X again
    ("advancing the political process and safeguarding territorial integrity",
     "Apart from safeguarding territorial integrity, what else was discussed?", "advancing the political process"),
    ("trade and energy", "Besides security, what was discussed?", "trade and energy"),
    # ... nor any of the items X names in a list
    ("all forms of terrorism, separatism and extremism",
     "Besides terrorism and separatism, what form of threat did they commit to fighting?", "extremism"),
    ("terrorism, separatism and extremism", "Besides terrorism, what did they fight?",
     "terrorism, separatism and extremism"),  # two left: which one is asked is not said
    # the question's last "what" is the one asked; an earlier one is a relative
    ("Turkey ending its occupation of northern Syria",
     "According to what Assad said, a rapprochement would depend on Turkey ending what?", "its occupation of northern Syria"),
    # no lead-in to a quotation the answer does not close
    ("need for “cooperation in the fight against terrorism", "What did Cavusoglu stress in his tweet?",
     "cooperation in the fight against terrorism"),
    ("the “positive and constructive” atmosphere", "What atmosphere?", "“positive and constructive” atmosphere"),
    ('a Latin phrase that means "of its own kind', "What does sui generis mean?",
     'Latin phrase that means "of its own kind'),  # too long a lead-in
    ("over Moscow's offensive in Ukraine", "Why is Russia isolated?", "Moscow's offensive in Ukraine"),
    ("over the border", "Where did the troops go?", "over the border"),  # only a reason's "over"
    ("26 February 1887", "What year did Anandibai die?", "1887"),
    ("summer of 1997", "In which year was the stadium demolished?", "1997"),
    ("1768–1771", "What year was the first edition published?", "1768–1771"),  # a range stays
    ("26 February 1887", "When did Anandibai die?", "26 February 1887"),  # no year asked for
    # one whole quotation answers without its marks; a mark inside or at one end only stays
    ("“Arab-led political path”", "What kind of path are Arab states working towards?", "Arab-led political path"),
    ("(ROV)", "Which vehicle found the debris?", "ROV"),  # an aside's brackets, as quotation marks
    ('"sui generis"', "What phrase did he use?", "sui generis"),
    ("“transition” and “decline”", "What did he speak of?", "“transition” and “decline”"),
    ("‘Syria’s ally’", "How was Moscow described?", "‘Syria’s ally’"),
    # the full stop, question or exclamation mark that closes the sentence is no part of an answer
    ("hold the button until the light blinks amber.", "How do you reset it?", "hold the button until the light blinks amber"),
    ("people of all ages.", "Whom does it infect?", "people of all ages"),
    ("friend or foe?", "What does the title ask?", "friend or foe"),
    ("Activision Blizzard Inc.", "Which company?", "Activision Blizzard Inc."),  # an abbreviation keeps its own
    ("the U.S.", "Which country?", "U.S."),
    ("at 3 a.m.", "When does he start?", "at 3 a.m."),
    ("Johann J.", "Who?", "Johann J."),  # an initial
    # "Why ...?": a time before the reason's "because" is no part of it
    ("since the 1950s because his grandfather feared a rival would copy it", "Why was the recipe kept in a tin?",
     "because his grandfather feared a rival would copy it"),
    ("since the 1950s because of a rival", "When was it kept?", "since the 1950s because of a rival"),  # not asked why
    ("reluctantly because of a rival", "Why was it kept?", "reluctantly because of a rival"),  # no time before it
    # no punctuation that parts the answer from the words before it ...
    (", separatism and extremism", "Besides terrorism, what did they fight?", "separatism and extremism"),
    ("; and more", "What else?", "and more"),
    (". The minister", "Who spoke?", "minister"),  # and then its article
    (".NET Framework", "Which framework?", ".NET Framework"),  # a full stop of a name
    (".45 caliber", "Which caliber?", ".45 caliber"),  # or of a number
    # ... and no article, "and", "or", "of" or comma left hanging at the end
    ("the decline of", "What did he say about American power?", "decline"),
    ("the ship, the crew, the", "What did the report describe?", "ship, the crew"),
    ("Ankara and", "Which capitals?", "Ankara"),
    ("Vitamin A", "Which vitamin?", "Vitamin A"),  # a capital letter is a name's
    ("a", "What is the first letter?", "a"),  # nothing would be left
])
def test_tidy_span(span, question, kept):
    start, end = tidy_span(span, 0, len(span), question)
    assert span[start:end] == kept


def test_answers_below_the_refusal_threshold_are_refused(pipeline):
    """The refusal mechanism: an answer whose answerability is under the threshold, or whose
    confidence is under the floor, becomes null, with no citation, while the closest passages
    are still returned."""
    question = "What did the ministers agree to draw up?"
    reader = pipeline.reader
    saved = reader.threshold, reader.floor
    try:
        reader.threshold, reader.floor = 0.0, 0.0
        assert pipeline.ask(question).answer is not None
        for threshold, floor in ((1.01, 0.0), (0.0, 1.01)):
            reader.threshold, reader.floor = threshold, floor
            a = pipeline.ask(question)
            assert a.answer is None and a.citations == [] and a.passages
            assert 0.0 <= a.confidence <= 1.0
        # The floor holds for descriptive questions too: a description that weak is a guess.
        descriptive = "How did the ministers describe the atmosphere of the talks?"
        reader.threshold, reader.floor = 0.0, 1.01
        assert pipeline.ask(descriptive).answer is None
    finally:
        reader.threshold, reader.floor = saved
    assert pipeline.ask(descriptive).answer is not None  # with the shipped floor, it is answered


def test_confidence_is_the_belief_calibrated(pipeline):
    """The shipped calibration raises the belief on its log-odds (the reader is right more often
    than its belief says) and keeps the order of answers; with none, the two are equal."""
    reader = pipeline.reader
    scale, shift = reader.calibration
    assert scale > 0 and shift > 0
    beliefs, confidences = [], []
    for question in ("Who is Syria's foreign minister?", "Where did the ministers meet?",
                     "What did the ministers agree to prepare?"):
        _, _, reading = pipeline.read(question)
        b, c = reader.belief(reading), reader.confidence(reading)
        assert 0.0 < b < c < 1.0
        assert math.log(c / (1 - c)) == pytest.approx(scale * math.log(b / (1 - b)) + shift, abs=1e-3)
        assert pipeline.ask(question).confidence == pytest.approx(c, abs=1e-4)
        beliefs.append(b)
        confidences.append(c)
    assert sorted(range(3), key=beliefs.__getitem__) == sorted(range(3), key=confidences.__getitem__)
    saved = reader.calibration
    try:
        reader.calibration = (1.0, 0.0)
        assert reader.confidence(reading) == pytest.approx(reader.belief(reading))
    finally:
        reader.calibration = saved


def test_retrieval_finds_a_supporting_file_for_paraphrases(asked):
    answerable = [g for g in GOLD if g["answers"]]
    found = sum(bool({p.source for p in asked(g["question"]).passages} & set(g["sources"]))
                for g in answerable)
    assert found / len(answerable) >= 0.98


def test_bad_questions_raise_value_error(pipeline):
    for bad in ("", "   ", "x" * 1001):
        with pytest.raises(ValueError):
            pipeline.ask(bad)


def test_cli_ask_json(seeds_copy, index_dir, pipeline):
    out = subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", "Who is Syria's foreign minister?", "--json",
         "--corpus", str(seeds_copy), "--index", str(index_dir)],
        capture_output=True, text=True, timeout=180,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"question", "answer", "confidence", "citations", "passages", "reason"}
    assert data["reason"] is None
    assert data["answer"] == "Faisal Mekdad"
    c = data["citations"][0]
    assert (seeds_copy / c["source"]).read_text("utf-8")[c["start"] : c["end"]] == "Faisal Mekdad"
    assert "building" not in out.stderr  # the index was reused, not rebuilt


def test_cli_says_a_yes_no_question_is_one(seeds_copy, index_dir, pipeline):
    out = subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", "Did the foreign ministers meet in Moscow?",
         "--corpus", str(seeds_copy), "--index", str(index_dir)],
        capture_output=True, text=True, timeout=180,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("A yes/no question") and "closest:" in out.stdout


def test_cli_errors_are_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    out = subprocess.run([sys.executable, "-m", "qa.cli", "index", "--corpus", str(empty), "--index",
                          str(tmp_path / "i")], capture_output=True, text=True, timeout=180)
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0 and "no readable" in out.stderr
    assert "Traceback" not in out.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("x", "utf-8")
    for command in ("index", "serve"):  # an index folder taken by a file: serve says so before it starts
        out = subprocess.run([sys.executable, "-m", "qa.cli", command, "--index", str(a_file)], cwd=ROOT,
                             capture_output=True, text=True, timeout=180)
        assert out.returncode == 2 and out.stderr.strip() == f"qa: error: index folder {a_file} is a file, not a folder"


def test_cli_question_with_a_byte_that_is_not_utf8_is_one_line(seeds_copy, index_dir, pipeline):
    """argv's bytes that are not UTF-8 reach Python as lone surrogates, which the tokenizer cannot read."""
    out = subprocess.run([sys.executable, "-m", "qa.cli", "ask", b"\xff who is Syria's foreign minister?", "--corpus",
                          str(seeds_copy), "--index", str(index_dir)], capture_output=True, text=True, timeout=180)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip() == "qa: error: question must be valid Unicode text (it holds a lone surrogate or a " \
                                 "byte that is not UTF-8)"


def test_eval_says_in_one_line_where_it_cannot_write_before_asking(tmp_path):
    """An --out that is a file, or where a report's name is taken by a folder, fails at once: not
    after every question of the gold file has been asked."""
    taken = tmp_path / "taken"
    (taken / "report.md").mkdir(parents=True)
    a_file = tmp_path / "a-file"
    a_file.write_text("x", "utf-8")
    for out_dir, says in ((a_file, "it is a file, not a folder"), (taken, "Is a directory")):
        out = subprocess.run([sys.executable, "-m", "qa.cli", "eval", str(ROOT / "eval" / "gold.jsonl"), "--out",
                              str(out_dir), "--index", str(tmp_path / "never-built")],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 2 and out.stderr.strip().count("\n") == 0, out.stderr
        assert f"cannot write reports to {out_dir}: {says}" in out.stderr
    assert not (tmp_path / "never-built").exists()  # nothing was loaded, built or asked


def test_serve_says_in_one_line_where_it_cannot_listen(seeds_copy, index_dir, pipeline):
    """A port out of range, in use or on an address of no interface here is a one-line error and
    a non-zero exit before the model loads, not a traceback or a log line after it."""
    import socket

    def serve(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "qa.cli", "serve", "--corpus", str(seeds_copy), "--index",
                               str(index_dir), *extra], capture_output=True, text=True, timeout=120)

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        in_use = serve("--port", str(taken.getsockname()[1]))
    for out, says in ((in_use, "cannot listen on 127.0.0.1:"), (serve("--port", "70000"), "between 1 and 65535"),
                      (serve("--host", "host.invalid"), "cannot listen on host.invalid:8000")):
        assert out.returncode == 2, out.stderr
        assert out.stderr.strip().count("\n") == 0 and says in out.stderr
        assert "Traceback" not in out.stderr


@pytest.mark.parametrize("span, kept", [
    ("Saudi Foreign Minister Prince Faisal bin Farhan Al Saud", "Faisal bin Farhan Al Saud"),
    ("Syrian President Bashar al-Assad", "Bashar al-Assad"),
    ("Syrian Foreign Minister Faisal Mekdad", "Faisal Mekdad"),
    ("Mekdad", "Mekdad"),  # nothing before the name
])
def test_a_person_answer_drops_the_title_before_the_name(pipeline, span, kept):
    """The shortest span that fully answers a "who" question is the name the parser found."""
    from qa.tidy import drop_title

    c = _candidate_at(pipeline.index, span)
    s, e = drop_title(pipeline.index, c, c.start, c.end)
    assert pipeline.index.docs[c.doc].text[s:e] in (kept, "Prince " + kept)  # the parser may count "Prince" in the name


def _candidate_at(ix, span: str):
    """A candidate for the first occurrence of ``span`` in the seed corpus, in its sentence."""
    from qa.reading import Candidate

    a = ix.analysis
    doc, start = next((doc, d.text.find(span)) for doc, d in enumerate(ix.docs) if span in d.text)
    end = start + len(span)
    sent = next(s for s in range(a.n_sentences)
                if int(a.sent_doc[s]) == doc and a.sent_start[s] <= start and end <= a.sent_end[s])
    return Candidate(doc, start, end, sent, 0, 0.0)


@pytest.mark.parametrize("span, question, kept", [
    ("positive and constructive atmosphere", "How was the atmosphere of the talks described?",
     "positive and constructive"),
    ("safe, voluntary and dignified return", "How did the ministers characterise the return they seek?",
     "safe, voluntary and dignified"),
    ("slow but steady process", "In what terms is Syria's return to the Arab fold characterised?", "slow but steady"),
    ("landmark meeting", "What adjective did the reports use for the gathering?", "landmark"),
    ("main ally", "How is Russia's relationship with Assad described?", "main ally"),  # one modifier keeps its noun
    ("fruitful meeting", "How was the meeting described?", "fruitful"),  # the question names the noun
    ("fruitful meeting", "How were the talks described?", "fruitful meeting"),
    ("staunch supporter", "How is Turkey's support for the opposition described?", "staunch supporter"),
    ("positive and constructive atmosphere", "What kind of atmosphere was there?",  # no description asked for
     "positive and constructive atmosphere"),
])
def test_a_description_drops_the_noun_it_describes(pipeline, span, question, kept):
    from qa.tidy import drop_described_noun

    c = _candidate_at(pipeline.index, span)
    s, e = drop_described_noun(pipeline.index, c, c.start, c.end, question)
    assert pipeline.index.docs[c.doc].text[s:e] == kept


@pytest.mark.parametrize("question, action", [
    ("What can Syria and Turkey do about the past?", True),
    ("What could be done with the proposals once drafted?", True),
    ("What has Erdogan done with former rivals?", True),
    ("What is the roadmap meant to do?", True),
    ("What did the ministers say?", False),  # "did" helps another verb
    ("What do the reports call the meeting?", False),
    ("What does SANA stand for?", False),
])
def test_a_question_asking_what_was_done(question, action):
    from qa.checks import ASKS_ACTION

    assert bool(ASKS_ACTION.search(question)) is action


@pytest.mark.parametrize("span, question, kept", [
    ("made up with former rivals across the region and is now courting a presidential summit",
     "What has Erdogan done with former rivals?", "made up with former rivals across the region"),
    ("made up with former rivals across the region and is now courting a presidential summit",
     "What is Erdogan doing?", "made up with former rivals across the region"),
    ("made up with former rivals across the region and is now courting a presidential summit",
     "Who has Erdogan made up with?",  # no action asked for
     "made up with former rivals across the region and is now courting a presidential summit"),
    ("launching air strikes to support the government's struggling forces",
     "What did Moscow do in 2015?", "launching air strikes to support the government's struggling forces"),  # no "and"
])
def test_an_action_answer_is_the_first_of_two(pipeline, span, question, kept):
    from qa.tidy import first_action

    c = _candidate_at(pipeline.index, span)
    s, e = first_action(pipeline.index, c, c.start, c.end, question)
    assert pipeline.index.docs[c.doc].text[s:e] == kept


def test_an_action_question_is_answered_by_a_verb_phrase(pipeline):
    """The best span names who the proposals go to; the question asks what is done with them."""
    answer = pipeline.ask("What did Lavrov say could be done with the roadmap proposals once drafted?")
    assert answer.answer is not None and answer.answer.split()[0] == "put"


_WAR = "The war began more than a decade ago, AFP said."
_AGREED = "The ministers agreed to set up a roadmap of their own, officials said."
_POINTED = 'He pointed to "the transition process in the world order" and "the decline of American power."'


@pytest.mark.parametrize("text, span, question, kept", [
    (_WAR, "more than a decade", "How long ago did the war begin?", "more than a decade ago"),
    (_WAR, "more than a decade", "How many years ago did the war begin?", "more than a decade ago"),
    (_WAR, "more than a decade", "How long has the war lasted?", "more than a decade"),  # a length, no point
    (_AGREED, "roadmap of their own", "What did the ministers agree at the meeting?", "set up a roadmap of their own"),
    (_AGREED, "roadmap of their own", "What did the ministers decide regarding a roadmap?",
     "set up a roadmap of their own"),
    (_AGREED, "roadmap of their own", "What did the ministers agree to set up?", "roadmap of their own"),  # verb asked
    (_AGREED, "roadmap of their own", "What did the ministers discuss?", "roadmap of their own"),
    # one quotation, not two and the words between them
    (_POINTED, 'transition process in the world order" and "the decline of American power', "What shift did he point to?",
     "transition process in the world order"),
    (_POINTED, "the decline of American power", "What decline did he point to?", "decline of American power"),
    ("He is 6'4\" (1.93 m), a guard.", "6'4\" (1.93 m)", "How tall is he?", "6'4\" (1.93 m)"),  # an inch mark
    ('She is known as Amma ("Mother") today.', 'Amma ("Mother")', "What is she known as?", 'Amma ("Mother")'),
    # "when" and "on what date" are answered with the whole date; a year or a month asked for alone
    ("It was first held on June 19, 1910, in Spokane.", "June 19", "When was it first held?", "June 19, 1910"),
    ("She was born on 19 November 1827 in Ghana.", "November 1827", "When was she born?", "19 November 1827"),
    ("The ship was refloated on 29 March 2021.", "29 March", "On what date was the ship refloated?", "29 March 2021"),
    ("The ship was refloated on 29 March 2021.", "March", "In which month was the ship refloated?", "March"),
    ("They met on May 10, 2023, in Moscow.", "May 10", "Where did they meet on May 10?", "May 10"),
    ("Some May 10,000 people marched.", "May 10", "When did they march?", "May 10"),
    ("It developed in the 3rd century BC in Gallaecia.", "3rd century", "When did it develop?", "3rd century BC"),
    ("Rome was founded in 753 B.C. by Romulus.", "753", "When was Rome founded?", "753 B.C."),
    ("The 1990s ADHD studies began.", "1990s", "When did the studies begin?", "1990s"),
    # a life's span in brackets: the birth for "born", the death for "die", the year for "what year"
    ("F. Schiller (/ˈʃɪlər/; 16 August 1864 – 6 August 1937) was a philosopher.", "16 August 1864 – 6 August 1937",
     "When was Schiller born?", "16 August 1864"),
    ("Lou Lombardo (February 15, 1932 – May 8, 2002) was an editor.", "February 15, 1932", "When did Lombardo die?",
     "May 8, 2002"),
    ("Alfred the Great (849 – 26 October 899) was a king.", "October", "When did Alfred die?", "26 October 899"),
    ("Carlos Latuff (born 30 November 1968 in Rio) is a cartoonist.", "1968", "When was Latuff born?", "30 November 1968"),
    ("Carlos Latuff (born 30 November 1968) is a cartoonist.", "30 November 1968", "What year was Latuff born?", "1968"),
    ("The plan (see the 1990 report - page 4) began in 1991.", "1990", "When was the plan born?", "1990"),
    ("Jo Roe (1932-2002) wrote.", "1932", "When did Jo Roe die?", "2002"),
    ("Jo Roe (born 1932-05-01) wrote.", "1932-05-01", "When was Jo Roe born?", "1932-05-01"),
    ("Jo Roe (1932-05-01 – 2002-03-04) wrote.", "2002-03-04", "When was Jo Roe born?", "1932-05-01"),
])
def test_tidy_span_reads_the_words_around_the_span(text, span, question, kept):
    """"How long ago" takes the "ago" after the span; what was agreed, the verb before it; the
    rest of a date that answers "when"."""
    start = text.index(span)
    s, e = tidy_span(text, start, start + len(span), question)
    assert text[s:e] == kept


@pytest.mark.parametrize("span, time_only", [
    ("more than 10 years", True), ("a decade ago", True), ("2015", True), ("12-year", True), ("several months", True),
    ("since the 1950s", True), ("the late 1980s", True), ("in the mid-1970s", True), ("the '90s", False),
    ("the 1950s crisis", False),
    ("at the request of Damascus", False), ("to support the government's forces", False),
    ("its suspension in 2011", False),
])
def test_a_time_alone_is_no_reason(span, time_only):
    """"Why ...?" answered by a length or point of time alone is refused (``Verifier.mismatch``)."""
    from qa.checks import TIME_ONLY

    assert bool(TIME_ONLY.fullmatch(span)) is time_only


def test_the_readers_caches_change_no_answer(pipeline, asked):
    """``pool_key`` and the per-sentence verdict of which spans can answer at all are kept from
    question to question (``Reader._answer_shaped``): a reading with them cold is the same as the
    one this module made with them warm (``asked``, after other questions had filled them)."""
    from qa.reading import pool_key

    questions = [item["question"] for item in GOLD[:30]]
    warm = [asked(q).to_dict() for q in questions]
    pool_key.cache_clear()
    pipeline.reader._shaped_cache.clear()
    cold = [pipeline.ask(q).to_dict() for q in questions]
    assert pipeline.reader._shaped_cache and pool_key.cache_info().currsize
    assert pool_key.cache_info().hits  # the cold pass itself reused what its first questions cached
    for a, b in zip(cold, warm):
        assert (a["answer"], a["confidence"], a["citations"]) == (b["answer"], b["confidence"], b["citations"])


def test_refusal_reason_names_the_test_that_refuses(pipeline, memo):
    """``Reader.refusal_reason`` is what ``refuses`` decides by: None exactly where the reader
    answers, and for a refusal the test that made it. The thresholds forced as above show each."""
    reader = pipeline.reader
    for item in GOLD[:60]:
        reading = memo.read(item["question"])[2]
        why = reader.refusal_reason(reading)
        assert reader.refuses(reading) == (why is not None)
        assert why is None or why in ("no-candidate", "answerability", "floor") or why.startswith("mismatch:")
    reading = pipeline.read("What did the ministers agree to draw up?")[2]
    assert reading.groups and not reading.mismatch and not reading.event_dated and not reading.office_confirmed
    saved = reader.threshold, reader.floor
    try:
        for threshold, floor, why in ((0.0, 0.0, None), (1.01, 0.0, "answerability"), (0.0, 1.01, "floor")):
            reader.threshold, reader.floor = threshold, floor
            assert reader.refusal_reason(reading) == why
    finally:
        reader.threshold, reader.floor = saved


def test_why_question_answered_by_a_time_is_refused(pipeline):
    """The sentence read says "its suspension more than 10 years ago": a time, not a reason."""
    answer = pipeline.ask("Why did the Arab League suspend Syria's membership more than a decade ago?")
    assert answer.answer is None


@pytest.mark.parametrize("text, span, label", [
    ("Syria\nSource: Al Jazeera and news agencies", "Source", True),
    ("Photo: Reuters", "Photo", True),
    ("He named one source: a minister.", "source", False),  # mid-line
    ("Source of the Nile: Lake Victoria", "Source of the Nile", False),  # more than a label
])
def test_a_line_label_is_no_answer(text, span, label):
    from qa.tidy import line_label

    start = text.index(span)
    assert line_label(text, start, start + len(span)) is label


@pytest.mark.parametrize("span, junk", [
    ("in", True), ("of the", True), ("it was", True),
    ("several", False), ("US", False), ("He", False), ("in a slow but steady process", False),
])
def test_function_words_alone_are_never_a_candidate(span, junk):
    from qa.tidy import function_words_only

    assert function_words_only(span) is junk


@pytest.mark.parametrize("span, nothing", [
    ("before", True), ("until then", True), ("in", True),
    ("pending", False), ("US", False), ("He", False), ("before the court", False),
])
def test_a_best_answer_of_stop_words_alone_says_nothing(span, nothing):
    from qa.tidy import stop_words_only

    assert stop_words_only(span) is nothing


@pytest.mark.parametrize("text, reported", [
    ("Assad said in January that a deal would depend on it", True),
    ("Cavusoglu told reporters on Wednesday that", True),
    ("The ministers met in January in Moscow", False),
    ("Independence was declared on 3 August 1960", False),  # the event itself
])
def test_dates_a_statement(text: str, reported: bool) -> None:
    from qa.checks import dates_a_statement

    assert dates_a_statement(text, text.index(re.findall(r"January|Wednesday|3 August", text)[0])) is reported


def test_the_date_of_a_statement_does_not_date_the_event(pipeline):
    """The seeds date Assad's statement ("said in January"), not a Putin-Assad meeting; asked
    when Assad said it, January is the answer."""
    _, _, reading = pipeline.read("When did Putin meet Assad to discuss rapprochement with Turkey?")
    assert reading.mismatch == "said" and pipeline.ask("When did Putin meet Assad to discuss rapprochement with "
                                                       "Turkey?").answer is None
    assert pipeline.ask("When did Assad say a rapprochement with Turkey would depend on Turkey ending its "
                        "occupation?").answer == "January"
    # setting out conditions is a statement too
    assert pipeline.ask("In which month did Assad set out his conditions for a rapprochement with Turkey?").answer \
        == "January"


@pytest.mark.parametrize("question, asks", [
    ("When did Assad set out his conditions?", True),
    ("When did Assad spell his terms out?", True),
    ("When did Assad lay out his demands?", True),
    ("When did Putin meet Assad?", False),
    ("When was the meeting set?", False),
])
def test_asks_statement(question: str, asks: bool) -> None:
    from qa.checks import asks_statement

    assert asks_statement(question) is asks


def test_the_page_date_does_not_answer_a_date_to_come(pipeline):
    """A line that only dates the page says when it was written: it answers when the meeting
    took place (the same day), not by when the roadmap is due."""
    _, _, reading = pipeline.read("By what date is the roadmap supposed to be finished?")
    assert reading.mismatch == "page-date" and pipeline.reader.refuses(reading)
    met = pipeline.ask("On what date did the four-way foreign ministers' meeting take place?")
    assert met.answer is not None and "2023" in met.answer


@pytest.mark.parametrize("question, span, other", [
    ("On what exact date in April did the ministers meet?", "December", True),
    ("On what exact date in April did the ministers meet?", "April 25", False),
    ("When in April did they meet?", "late last month", False),  # no month named: not a conflict
    ("When may the ministers meet?", "December", False),  # "may" is a verb
    ("When did Theresa May resign?", "July 2019", False),  # a name, not a month asked by
    ("When did Jan van Riebeeck arrive in April?", "April 1652", False),
    ("In April, on what date did the ministers meet?", "December 28", True),
    ("What date in December did they meet?", "Dec. 28", False),  # an abbreviation is the same month
    ("On what date were the April talks held?", "2023-05-10", True),  # an ISO date is in May
    ("On what date were the May talks held?", "2023-05-10", False),
    ("When did the ministers meet in April?", "2023-04-25", False),
])
def test_other_month(question: str, span: str, other: bool) -> None:
    from qa.checks import other_month

    assert other_month(question, span) is other


@pytest.mark.parametrize("question, asks_next", [
    ("Where will the next four-party meeting be held?", True),
    ("When is their next round of talks?", True),
    ("Who will be the next queen of England?", True),
    ("What did Lavrov say next?", False),  # an adverb: no event to come
    ("Which country is next to Syria?", False),
])
def test_next_event(question: str, asks_next: bool) -> None:
    from qa.checks import NEXT_EVENT

    assert bool(NEXT_EVENT.search(question)) is asks_next


def test_a_sentence_about_the_past_does_not_place_the_next_meeting(pipeline):
    """The seeds say where the defence ministers met and that talks will go on "in the future",
    never where or when the next meeting is: no past meeting's place or month answers, "in the
    future" names no time, and the date a page was written dates no meeting to come."""
    for question in ("Where will the next four-party meeting be held?",
                     "When is the next four-way meeting of the foreign ministers scheduled?"):
        assert_refused_for(pipeline, question, "ahead")
    _, _, reading = pipeline.read("When will the next four-party meeting in this format take place?")
    assert reading.mismatch in ("ahead", "vague", "page-date") and pipeline.reader.refuses(reading)
    # Where the sentence does speak of what is to come, the check stays quiet.
    _, _, reading = pipeline.read("In what format will technical contacts continue in the future?")
    assert reading.mismatch == ""


@pytest.mark.parametrize("question, ahead", [
    ("When will Assad travel to Turkey for talks?", True),
    ("Where will the summit be held?", True),
    ("When is the summit expected to take place?", True),
    ("On what date will Turkey hold its election?", True),
    ("When did Assad travel to Turkey?", False),
    ("Who will represent Syria?", False),  # a person, not a time or place
])
def test_asks_ahead(question: str, ahead: bool) -> None:
    from qa.checks import ASKS_AHEAD

    assert bool(ASKS_AHEAD.search(question)) is ahead


def test_a_sentence_about_the_past_does_not_date_what_will_be(pipeline):
    """"When will Assad travel to Turkey?": the seeds tell of talks in December, none to come.
    "When will the summit Assad was invited to be held?" is answered: an invitation is to
    what is to come ("invited ... to attend the Arab League summit ... on May 19")."""
    _, _, reading = pipeline.read("When will Assad travel to Turkey for talks?")
    assert reading.mismatch == "ahead" and pipeline.reader.refuses(reading)
    assert pipeline.ask("When will the Arab League summit that Assad was invited to be held?").answer == "May 19"


@pytest.mark.parametrize("sentence, span, ahead", [
    ("A roadmap will be drafted following a meeting of their ministers in Moscow.", "Moscow", False),
    ("They will meet again, according to a statement issued after the talks in Moscow.", "Moscow", False),
    ("Assad was invited to attend the summit in Saudi Arabia on May 19.", "Saudi Arabia", True),
    ("Tokyo 2020, is a forthcoming event scheduled to take place from 24 July.", "Tokyo", True),
    ("In April, Moscow also hosted four-way talks.", "Moscow", False),
])
def test_speaks_ahead(sentence: str, span: str, ahead: bool) -> None:
    """A word of what is to come speaks of the answer unless an earlier event comes between."""
    from qa.checks import speaks_ahead

    start = sentence.index(span)
    assert speaks_ahead(sentence, start, start + len(span)) is ahead


def test_the_place_of_a_past_meeting_is_not_that_of_the_next(pipeline):
    """"Syria will come up with a roadmap, according to a statement issued following the meeting
    ... in Moscow": Moscow is where the last meeting was, not the next."""
    for question in ("Where will the next four-way meeting of the foreign ministers take place?",
                     "Where will the deputy foreign ministers meet to draft the roadmap?"):
        assert_refused_for(pipeline, question, "ahead")


def test_the_page_date_dates_only_what_the_lead_reports(pipeline):
    """The date atop a report of the Moscow talks dates the talks, not an election or a
    restoration of ties the report does not tell of (where the reader finds the date ties
    were cut instead, that is the contrary of a restoration)."""
    assert_refused_for(pipeline, "On what date were Turkey's presidential elections held?", "page-date")
    assert_refused_for(pipeline, "On what date did Turkey restore diplomatic relations with Syria?",
                       "page-date", "contrary")
    answer = pipeline.ask("On what date did the four-way ministerial meeting in Moscow take place?")
    assert answer.answer in ("2023-05-10", "May 10, 2023", "May 10")


@pytest.mark.parametrize("question, text, counts", [
    ("How many military advisers are in Syria?", "the four-way talks", True),
    ("How many military advisers are in Syria?", "the four countries held talks", True),
    ("How many bilateral meetings were held?", "the four-way talks", True),
    ("How many countries took part?", "the four-way talks", False),
    ("How many foreign ministers met?", "the four-way talks", False),
    ("How many people died?", "the four countries", True),
    ("How many members does the board have?", "a five-person board", False),
    ("How many members does the council have?", "the five states", False),
    ("How many died in the crash?", "the seven-member crew", False),
    ("How many British troops died?", "5,000 men", False),
    ("How many refugees does Turkey host?", "3.5 million refugees", False),
    ("How many members sit on the committee?", "it lasted 1,191 days", True),  # a length of time counts no members
    ("How many days did the emergency last?", "it lasted 1,191 days", False),
    ("How many people use ChatGPT each week?", "100 million weekly users", False),  # "weekly" is no unit counted
])
def test_counts_other(question: str, text: str, counts: bool) -> None:
    """A number counts the thing after it or after its hyphen; of another kind, it is no answer."""
    from qa.checks import counts_other

    number = re.search(r"\d[\d.,]*|four|five|seven", text)
    assert counts_other(question, text, number.end()) is counts


@pytest.mark.parametrize("question, span, counts", [
    ("How many members sit on the committee?", "1,191 days", True),
    ("How many members sit on the committee?", "more than a decade", True),
    ("How many years did the war last?", "12 years", False),
    ("How many people died?", "2015", False),  # a bare number may count
    ("How many people died?", "more than 3.5 million", False),
    ("When did it end?", "12 years", False),  # no "how many"
])
def test_counts_time(question: str, span: str, counts: bool) -> None:
    """A length of time alone answers no "How many <things>?" but one that counts time."""
    from qa.checks import counts_time

    assert counts_time(question, span) is counts


def test_a_count_of_sides_counts_no_advisers(pipeline):
    """The "four" of "four-way talks" counts the sides at the table."""
    for question in ("How many Iranian military advisers are in Syria?",
                     "How many bilateral meetings did the ministers hold on the sidelines of the four-way talks?"):
        assert pipeline.ask(question).answer is None
    assert pipeline.ask("How many countries took part in the Moscow talks?").answer == "four"


def test_according_to_a_speaker_asks_what_he_said(pipeline):
    """"According to Lavrov, ...?" asks what Lavrov said: a sentence of another speaker's words
    does not answer it; "According to AFP" names a source, not a speaker, and is not judged."""
    from qa.checks import according_to_names, speaker_names

    assert according_to_names("According to Lavrov, what is happening to American power?") == ["Lavrov"]
    assert speaker_names("According to SANA, what did Cavusoglu say about the talks?") == ["Cavusoglu"]
    for question in ("According to Lavrov, what is happening to American power?",
                     "According to SANA, what did Cavusoglu say about the talks?"):
        assert_refused_for(pipeline, question, "speaker")
    answer = pipeline.ask("According to Lavrov, to whom could the roadmap proposals later be put?")
    assert answer.answer is not None and "leaders of Iran, Russia, Syria and Turkey" in answer.answer


@pytest.mark.parametrize("question, country", [
    ("In what year did Iran intervene in the Syrian civil war?", "Iran"),
    ("How many refugees does Turkey host?", "Turkey"),
    ("Why did Saudi Arabia invite Assad?", "Saudi Arabia"),
    ("When did the Arab League readmit Syria?", ""),
    ("When did Lavrov speak?", ""),
])
def test_subject_country(question: str, country: str) -> None:
    from qa.checks import subject_country

    assert subject_country(question) == country


def test_what_one_country_did_is_not_told_by_a_sentence_about_another(pipeline):
    """Moscow intervened in Syria's war in 2015; no sentence near that one names Iran."""
    question = "In what year did Iran intervene in the Syrian civil war?"
    assert_refused_for(pipeline, question, "country")
    assert pipeline.ask("In what year did Russia intervene in the Syrian civil war?").answer == "2015"


def test_what_a_person_did_is_told_near_his_name(pipeline):
    """"When did Putin meet Assad?": the seeds tell when the defence ministers met, in a
    sentence that names no Putin near it; a source ("What does AFP call ...?") is not judged."""
    from qa.checks import subject_names

    assert subject_names("When did Putin meet Assad?") == ["Putin"]
    assert subject_names("In what year did Iran intervene?") == []
    question = "When did Putin meet Assad to discuss rapprochement between Syria and Turkey?"
    assert_refused_for(pipeline, question, "subject", "said")
    assert pipeline.ask("What did Lavrov describe as Moscow's task?").answer is not None
    assert pipeline.ask("What adjective does AFP use for Syria when describing where Turkey keeps troops?").answer


def test_many_unnamed_things_are_no_one_thing(pipeline):
    """"Various militias" hold the northwest: which one, the seeds do not say; who holds it, they do."""
    question = "Which militant group controls most of northwestern Syria?"
    assert_refused_for(pipeline, question, "vague")
    assert pipeline.ask("Who controls Syria's northwest?").answer == "various militias"


@pytest.mark.parametrize("question, asks", [
    ("Who won the Turkish presidential election in May 2023?", True),
    ("Which party won the most seats?", True),
    ("Who was the winner of the prize?", True),
    ("Who wants to win back Damascus?", False),
    ("Who is the Turkish president?", False),
])
def test_asks_winner(question: str, asks: bool) -> None:
    from qa.checks import ASKS_WINNER

    assert bool(ASKS_WINNER.search(question)) is asks


def test_no_winner_is_told_without_words_of_winning(pipeline):
    """The seeds tell of an election to come and of Erdogan's courting, not of who won."""
    question = "Who won the Turkish presidential election in May 2023?"
    assert_refused_for(pipeline, question, "outcome")


def test_what_an_office_holder_said_is_told_near_the_office(pipeline):
    """"What did Iran's foreign minister say ...?": a sentence after "Syria's Foreign Minister
    Faisal Mekdad was quoted" gives Syria's words, not Iran's."""
    from qa.roles import Office

    question = "What did Iran's foreign minister say was Tehran's priority regarding foreign forces in Syria?"
    assert speaker_offices(question) == [Office("minister", "foreign", "Iran")]
    assert_refused_for(pipeline, question, "speaker")
    answer = pipeline.ask("What did Syria's foreign minister say was Syria's priority?")
    assert answer.answer is not None and "foreign" in answer.answer


@pytest.mark.parametrize("question, head", [
    ("Besides setting guidelines, what else did Lavrov see as part of Moscow's task?", "guidelin"),
    ("Apart from terrorism, what else did they commit to fight?", "terror"),
    ("Besides the defense ministers, which ministers will help?", ""),  # more of the same
    ("What did Lavrov see as Moscow's task?", ""),
])
def test_set_aside(question: str, head: str) -> None:
    from qa.tidy import set_aside

    assert set_aside(question) == head


def test_what_is_set_aside_in_other_words_is_no_answer(pipeline):
    """"Determining general guidelines" is the guidelines the question sets aside."""
    answer = pipeline.ask("Besides setting guidelines, what else did Lavrov see as part of Moscow's task?")
    assert answer.answer is not None and "guidelines" not in answer.answer


@pytest.mark.parametrize("span, vague", [
    ("in the future", True), ("soon", True), ("at a later date", True), ("in the near future", True),
    ("May 19", False), ("later this month", False), ("the future of Syria", False),
])
def test_vague_time(span: str, vague: bool) -> None:
    from qa.checks import VAGUE_TIME

    assert bool(VAGUE_TIME.fullmatch(span)) is vague


def test_a_weak_reading_is_read_again_deeper(pipeline):
    """Why Turkey sent troops is told only in passages that name Daesh. Read without them, the
    question's reading is weak; read again with one of them, as the deeper reading does, the
    span head's windows of the passages already read are reused and the confident answer is
    the reason. Which passages the first ``READ_DEPTH`` are depends on the CPU's arithmetic
    (int8 kernels differ), so the weak reading is made, not found."""
    from qa.pipeline import DEEP_TRUST, READ_DEPTH

    question = "Why did Turkey send its troops into northern Syria?"
    q, hits, _ = pipeline.read(question)
    q_vec = pipeline.encoder.encode([question])[0]
    telling = [h for h in hits if "Daesh" in pipeline.index.passage_text(h.passage)]
    others = [h for h in hits if h not in telling][:READ_DEPTH]
    assert telling and len(others) == READ_DEPTH
    shallow = pipeline.reader.run(q, q_vec, others)
    assert pipeline.reader.refuses(shallow) or pipeline.reader.confidence(shallow) < DEEP_TRUST
    deeper = pipeline.reader.run(q, q_vec, others + telling[:1], reuse=shallow)
    assert all(deeper.windows[h.passage] is shallow.windows[h.passage] for h in others)
    assert set(deeper.windows) == {h.passage for h in others + telling[:1]}
    assert not pipeline.reader.refuses(deeper) and pipeline.reader.confidence(deeper) >= DEEP_TRUST
    answer = pipeline.ask(question)
    assert answer.answer is not None and "Daesh" in answer.answer and answer.confidence >= DEEP_TRUST
    c = answer.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == answer.answer
    # A confident first reading is kept as it is.
    _, hits, reading = pipeline.read("Who is Syria's foreign minister?")
    assert not pipeline.reader.refuses(reading) and pipeline.reader.confidence(reading) >= DEEP_TRUST
    assert set(reading.windows) == {h.passage for h in hits[:READ_DEPTH]}


def test_the_deeper_reading_reads_the_dense_rankings_first_passages(pipeline):
    """A paraphrase shares no word with its answer's passage ("cut ties" for "severed its
    relations"): fusion puts that passage below ``DEEP_READ_DEPTH``, the encoder among its first
    ``DEEP_DENSE``, and the deeper reading reads it."""
    from qa.pipeline import DEEP_DENSE, DEEP_READ_DEPTH

    question = "when did turkey cut ties with damascus"
    _, hits, reading = pipeline.read(question)
    severed = next(h for h in hits if "severed its relations" in pipeline.index.passage_text(h.passage))
    assert severed.rank >= DEEP_READ_DEPTH
    assert severed in sorted(hits, key=lambda h: -h.dense)[:DEEP_DENSE]
    assert severed.passage in reading.windows
    answer = pipeline.ask(question)
    assert answer.answer == "March 2012"
    c = answer.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == answer.answer


def test_a_name_does_not_say_what_was_said(pipeline):
    """"What did X say?" asks for what was said: the name of a speaker is no answer."""
    question = "What did Iran's defense minister say at the April talks in Moscow?"
    assert_refused_for(pipeline, question, "form")
    said = pipeline.ask("What did Mekdad say there was an opportunity for?")
    assert said.answer is not None and not re.search(r"Mekdad|Lavrov|Cavusoglu|Abdollahian", said.answer)


@pytest.mark.parametrize("text, start, end, cuts", [
    ("to fight Daesh and YPG/PKK terrorists", 19, 22, True),  # "YPG" of "YPG/PKK"
    ("to fight Daesh and YPG/PKK terrorists", 23, 26, True),  # "PKK"
    ("to fight Daesh and YPG/PKK terrorists", 19, 26, False),
    ("see www.example.com/2023/05 for more", 4, 19, False),  # a URL's host: a digit follows
    ("speeds in excess of 250 km/h", 20, 26, True),  # "250 km" of "250 km/h" is half a unit
])
def test_cuts_slash_compound(text: str, start: int, end: int, cuts: bool) -> None:
    from qa.tidy import cuts_slash_compound

    assert cuts_slash_compound(text, start, end) is cuts


def test_half_of_a_slash_compound_is_no_answer(pipeline):
    answer = pipeline.ask("Apart from Daesh, which group did Türkiye say its troops entered northern Syria to fight?")
    assert answer.answer is not None and "YPG/PKK" in answer.answer


@pytest.mark.parametrize("span, question, echo", [
    ("al-Assad", "Who invited Assad to the summit?", True),  # a name's particle says nothing
    ("Bashar al-Assad", "Who invited Assad to the summit?", False),  # "Bashar" does
    ("Syrian Foreign Minister", "Who is Syria's foreign minister?", True),  # a named country's adjective
    ("Faisal Mekdad", "Who is Syria's foreign minister?", False),
    ("Assad", "Who invited Assad to the summit?", False),  # plain echoes are the feature's (cand_all_in_q)
])
def test_echoes_in_other_words(span: str, question: str, echo: bool) -> None:
    from qa.question import analyse_question
    from qa.read import echoes_in_other_words

    assert echoes_in_other_words(span, analyse_question(question)) is echo


def test_a_name_the_question_gives_is_no_answer_with_its_particle(pipeline):
    answer = pipeline.ask("Who extended the invitation to Assad?")
    assert answer.answer not in ("al-Assad", "al", "Assad")


@pytest.mark.parametrize("question, sentence, contrary", [
    ("When did Turkey restore relations with Syria?", "Turkey severed its relations with Syria in March 2012.", True),
    ("When did Turkey cut ties with Syria?", "Turkey severed its relations with Syria in March 2012.", False),
    ("When did Turkey cut ties with Syria?", "They restored the ties that Turkey cut in 2012.", False),  # both
    ("How many refugees have returned home from Turkey?", "It is hosting more than 3.5 million refugees.", True),
    ("How many refugees has Turkey sent back to Syria?", "It is hosting more than 3.5 million refugees.", True),
    ("How many refugees does Turkey host?", "It is hosting more than 3.5 million refugees.", False),
    ("When did Turkey withdraw its troops?", "Turkey deployed its troops in 2016.", True),
    ("Who won the 2000 Sugar Bowl?", "Florida State defeated Virginia Tech.", False),  # defeating is winning
    ("What town does the story take place in?", "A writer returns to the town of Jerusalem's Lot.", False),
])
def test_contrary_event(question: str, sentence: str, contrary: bool) -> None:
    from qa.events import contrary_event

    assert contrary_event(question, sentence) is contrary


@pytest.mark.parametrize("question, sentence, other", [
    ("When did Turkey pull its troops out of Syria?", "Turkey severed its relations with Syria in March 2012.", True),
    ("When was Syria's membership suspended?", "Assad was invited to attend the summit on May 19.", True),
    ("When did Turkey sever its relations with Syria?", "Turkey severed its relations in March 2012.", False),
    ("When did the earthquake strike?", "The quake hit Turkey and Syria on February 6.", False),  # no kind known
    ("When did Syria rejoin the League?", "Syria was readmitted on Sunday.", False),  # the same kind
    # a body's vote to do something is its decision, not an election
    ("On which day did the bloc vote to bring Syria back?", "a decision Sunday by the League to reinstate it", False),
    ("When was the vote held?", "A decision Sunday by the League to reinstate Syria.", True),
])
def test_other_event(question: str, sentence: str, other: bool) -> None:
    from qa.events import other_event

    assert other_event(question, sentence) is other


def test_a_date_of_another_kind_of_event_does_not_answer(pipeline):
    for question in ("When did Turkey pull its troops out of northern Syria?",
                     "On what exact date was Syria's Arab League membership suspended?"):
        assert_refused_for(pipeline, question, "event", "contrary")


def test_a_dated_report_does_not_tell_another_year(pipeline):
    """Reports dated 2023 that never name 2015 give the refugees Turkey hosts now, not then."""
    question = "How many Syrian refugees was Turkey hosting in 2015?"
    assert_refused_for(pipeline, question, "date")
    assert "3.5 million" in pipeline.ask("How many Syrian refugees is Turkey hosting?").answer
    assert pipeline.ask("In what year did Russia intervene in the Syrian civil war?").answer == "2015"


def test_an_event_of_a_kind_the_corpus_never_names_has_no_place(pipeline):
    """The seeds tell of talks and a statement, never of a press conference."""
    question = "Where did the four ministers hold their joint press conference after the talks?"
    assert_refused_for(pipeline, question, "event")
    # an agreement places the meeting that reached it
    assert pipeline.ask("In which city is the headquarters where Arab League foreign ministers met on Sunday?").answer \
        == "Cairo"


def test_the_contrary_event_does_not_answer(pipeline):
    """The seeds say when Turkey severed its relations with Syria and how many refugees it
    hosts; not when relations were restored or how many refugees went home. The end of a
    state does tell how long it lasted."""
    for question in ("When did Turkey restore full diplomatic relations with Syria?",
                     "How many Syrian refugees have returned home from Turkey so far?"):
        assert_refused_for(pipeline, question, "contrary")
    assert pipeline.ask("When did Turkey sever its relations with Syria?").answer == "March 2012"
    # "after 12 years" and "its suspension more than 10 years ago": either length is the reports'
    assert pipeline.ask("How long had Syria been suspended from the Arab League?").answer in (
        "12 years", "more than 10 years")


@pytest.mark.parametrize("question, floor", [
    ("What did Mekdad say about the talks?", "REPORTED_FLOOR"),
    ("How did Tehran react to the talks?", "REPORTED_FLOOR"),
    ("How have residents responded to the decision?", "REPORTED_FLOOR"),
    ("Why did Turkey send troops into Syria?", "WHY_FLOOR"),
    ("What is the name of the enclave?", "NAME_FLOOR"),
    ("Who met in Moscow?", None),
    ("How did the ministers describe the talks?", None),
])
def test_question_floor(question: str, floor: str | None) -> None:
    from qa import read
    from qa.question import analyse_question

    assert read.question_floor(analyse_question(question)) == (getattr(read, floor) if floor else 0.0)


def test_what_someone_said_is_answered_only_when_reported(pipeline):
    """The seeds report what Mekdad said Syria's priority was and why Russia is isolated; not
    what China's foreign ministry said, nor why Saudi Arabia held out: the best spans for
    those are other people's words, too weak for such a question."""
    for question in ("What did China's foreign ministry say about the four-way Moscow talks?",
                     "Why did Saudi Arabia resist normalizing ties with Assad for so long?"):
        assert pipeline.ask(question).answer is None
    assert pipeline.ask("What did Mekdad say was Syria's top priority?").answer.startswith(
        "removal of all foreign military forces")
    assert pipeline.ask("Why is Russia isolated internationally?").answer == "Moscow's offensive in Ukraine"


def test_which_person_wants_a_name(pipeline):
    """"Which Syrian opposition leader condemned the decision?": the seeds name none, and a
    phrase is nobody's name; "Which officials …?" may be answered by a role."""
    _, _, reading = pipeline.read("Which Syrian opposition leader publicly condemned the Arab League's decision?")
    assert reading.mismatch == "form" and pipeline.reader.refuses(reading)
    assert pipeline.ask("Which Syrian minister attended the Moscow talks?").answer == "Faisal Mekdad"


def test_an_exact_count_is_not_several(pipeline):
    """The seeds say Turkey launched "several military incursions": that answers "how many",
    not "exactly how many"."""
    assert pipeline.ask("How many military incursions has Turkey launched in northwest Syria since 2016?").answer \
        == "several"
    _, _, reading = pipeline.read("Exactly how many military incursions has Turkey launched in northwest Syria?")
    assert reading.mismatch == "vague" and pipeline.reader.refuses(reading)


def test_a_date_question_without_a_date_wh_word_keeps_the_month(pipeline):
    """"What is the exact date of the April meeting?" asks a date: the page's May date is none."""
    _, _, reading = pipeline.read("What is the exact date of the April meeting of the defense ministers in Moscow?")
    assert reading.mismatch == "date" and pipeline.reader.refuses(reading)


@pytest.mark.parametrize("question, names", [
    ("What did Mekdad say about the invitation?", ["Mekdad"]),
    ("What did Amir-Abdollahian say about the future?", ["Amir", "Abdollahian"]),
    ("What did Iran's top diplomat say?", []),  # an office: its holder may be named otherwise
    ("Who said the talks were constructive?", []),
])
def test_speaker_names(question: str, names: list[str]) -> None:
    from qa.checks import speaker_names

    assert speaker_names(question) == names


def test_what_someone_said_comes_from_a_sentence_about_them(pipeline):
    """The seeds never quote Mekdad on Assad's invitation: a sentence about the invitation that
    names no Mekdad (nor do the two before it) is not what he said. Where he is named, or
    quoted with "he said" after his name, the answer stands."""
    _, _, reading = pipeline.read("What did Mekdad say about the Arab League's invitation to Assad?")
    assert reading.mismatch == "speaker" and pipeline.reader.refuses(reading)
    assert pipeline.ask("What did Amir-Abdollahian say the two neighbours should look toward?").answer == "future"


def test_a_bare_unit_of_time_dates_nothing(pipeline):
    """"year" of "a year after" says no when (no public gold date is a unit of time alone), though
    "a week" says how long."""
    assert_refused_for(pipeline, "When did Turkey restore its diplomatic relations with Syria after severing "
                                 "them in March 2012?", "vague", "contrary")
    from qa.checks import UNIT_ALONE

    assert UNIT_ALONE.fullmatch("year") and UNIT_ALONE.fullmatch("the month")
    assert not UNIT_ALONE.fullmatch("last year") and not UNIT_ALONE.fullmatch("the year 2015")
    # "a week" says how long
    assert pipeline.ask("How long before the Moscow talks did Syria and Arab governments meet in Jordan?").answer


def test_an_acronym_stands_for_words_that_begin_with_its_letter(pipeline):
    """"What does SANA stand for?" is not answered by a name that begins otherwise."""
    assert_refused_for(pipeline, "What is the full name that the Syrian state news agency's acronym SANA stands for?",
                       "form")
    from qa.checks import STANDS_FOR

    assert STANDS_FOR.search("What does mtDNA stand for?").group(1) == "mtDNA"
    assert STANDS_FOR.search('What does "IMSI" stand for in IMSI-catcher?').group(1) == "IMSI"
    assert not STANDS_FOR.search("What is the acronym for Electrocardiogram?")
    # capitalised words run together: once 12 s of backtracking, the longest part of a 26 s answer
    assert not STANDS_FOR.search(("Turkey-" * 143)[:1000])
    assert STANDS_FOR.search("Turkey-NATO-" * 80 + "USA stands for").group(1) == "Turkey-NATO-" * 80 + "USA"


def test_who_is_a_name_is_matched_without_backtracking():
    """"Who is Lavrov?" asks who a named person is. The pattern once split a run of capitals
    every way there is: a 1,000-character "Who is AAA…A's son?" took minutes, a worker lost."""
    from qa.read import _WHO_IS_NAMED

    assert _WHO_IS_NAMED.match("Who is Lavrov?") and _WHO_IS_NAMED.match("who was Sergei Lavrov")
    assert not _WHO_IS_NAMED.match("Who is Lavrov's deputy?") and not _WHO_IS_NAMED.match("Who is the minister?")
    assert not _WHO_IS_NAMED.match("Who is " + "A" * 980 + "'s son?")
    assert not _WHO_IS_NAMED.match("Who is " + "Ab" * 490 + " son?")


def test_what_a_speaker_said_is_matched_without_backtracking():
    """A run of spaces was read every way there is by three patterns in a row: "What does" and
    980 spaces took 10 s a check, and a question is checked many times."""
    from qa.checks import HOW_REACTED, WHAT_SAID

    assert WHAT_SAID.search("What did Lavrov say about the talks?").group("speaker") == "Lavrov"
    assert WHAT_SAID.search("What did  Iran's foreign minister   say?").group("speaker") == "Iran's foreign minister"
    assert not WHAT_SAID.search("What does " + " " * 980 + " stand for?")
    assert not HOW_REACTED.search("How did " + " " * 980 + "x?")
    assert HOW_REACTED.search("How did Turkey react?")


def test_which_arab_state_rules_out_the_others(pipeline):
    """"Which Arab ...?" rules out the countries that are no Arab state, and the people the
    corpus titles as acting for them, before the answers are pooled: the best Arab one answers."""
    answer = pipeline.ask("Which Arab country will host the Arab League summit?")
    assert answer.answer == "Saudi Arabia"
    c = answer.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == "Saudi Arabia"
    q = pipeline.read("Which Arab foreign ministers attended the meeting in Jordan?")[0]
    assert pipeline.reader.ruled_out(q, "Hossein Amir-Abdollahian") and pipeline.reader.ruled_out(q, "Turkey")
    assert not pipeline.reader.ruled_out(q, "Faisal Mekdad") and not pipeline.reader.ruled_out(q, "Jordan")
    assert not pipeline.reader.ruled_out(q, "deputy foreign ministers")  # no country: not ruled out
    q = pipeline.read("Which foreign ministers attended the meeting in Moscow?")[0]
    assert not pipeline.reader.ruled_out(q, "Hossein Amir-Abdollahian")


@pytest.mark.parametrize("span, question, echoes", [
    ("Syrian President Bashar al-Assad", "What had Assad been emerging from?", True),
    ("Turkish Foreign Minister Mevlut Cavusoglu", "What did Cavusoglu tweet?", True),
    ("Syrian President Bashar al-Assad", "What did Erdogan court?", False),  # another person
    ("Bashar al-Assad", "What had Assad been emerging from?", False),  # no title: left to the features
    ("Mohandas Karamchand Gandhi", "What was the name of Devdas Mohandas Gandhi's father?", False),
])
def test_a_titled_name_the_question_names_echoes_it(span: str, question: str, echoes: bool) -> None:
    from qa.question import analyse_question
    from qa.read import echoes_in_other_words

    assert echoes_in_other_words(span, analyse_question(question)) is echoes


def test_who_acts_is_judged_on_the_best_answers_own_sentence(pipeline):
    """"Where did Putin meet Assad?": the best "Moscow" is read from a sentence about the
    defence ministers' April talks; that another file's "Moscow" stands near Putin's name (in
    "Moscow's offensive in Ukraine") does not make it the place he met anyone."""
    assert_refused_for(pipeline, "Where did Putin meet Assad?", "subject")


def test_what_qualifies_the_thing_set_aside_is_part_of_it(pipeline):
    """"Besides the return of Syrians, what ...?": "voluntary, safe and dignified" qualifies
    that return; the other thing the aid is for answers. "Alongside the earthquake, ...?"
    likewise sets aside "Turkey and Syria" of "the earthquake in Turkey and Syria"."""
    from qa.tidy import beside_set_aside

    text = "facilitating the voluntary, safe and dignified return of Syrians to their homeland and post-war reconstruction"
    question = "Besides the return of Syrians, what was increased international aid meant to support?"
    start = text.index("voluntary")
    assert beside_set_aside(text, start, start + len("voluntary, safe and dignified"), question)
    start = text.index("post-war")
    assert not beside_set_aside(text, start, len(text), question)
    text = "the deadly February 6 earthquake in Turkey and Syria"
    start = text.index("Turkey")
    assert beside_set_aside(text, start, len(text), "Alongside the earthquake, what development sped up ties?")
    assert not beside_set_aside(text, start, len(text), "What development sped up ties?")
    assert pipeline.ask(question).answer == "post-war reconstruction"


@pytest.mark.parametrize("question, clause", [
    ("Who said that Syria and Turkey could put the past behind them?", ["put", "past", "behind"]),
    ("Who pointed to the decline of American power?", []),  # two words of its own: too few
    ("Who said it?", []),
    ("What did Lavrov say?", []),
])
def test_said_clause(question: str, clause: list[str]) -> None:
    from qa.checks import said_clause

    assert said_clause(question) == clause


@pytest.mark.parametrize("question, sentence, elsewhere", [
    ("Who represented Saudi Arabia at the meeting in Moscow?",
     "Saudi Foreign Minister Prince Faisal bin Farhan Al Saud visited Damascus last month", True),
    ("Who represented Syria at the Moscow talks?", "Mekdad met his counterparts in Moscow", False),
    ("Who represented Syria at the Moscow talks?", "Mekdad spoke of the political process in Syria", False),  # a country
    ("Who attended the summit in Saudi Arabia?", "Assad was invited to the summit in Jeddah", False),  # no capital asked
])
def test_located_elsewhere(question: str, sentence: str, elsewhere: bool) -> None:
    from qa.checks import located_elsewhere

    assert located_elsewhere(question, sentence) is elsewhere


def test_who_acted_elsewhere_is_no_answer(pipeline):
    """No Saudi took part in the Moscow talks; the Saudi foreign minister the corpus names
    visited Damascus, and the date of the Arab League summit is not the date of his visit."""
    assert_refused_for(pipeline, "Who represented Saudi Arabia at the four-way meeting in Moscow?", "place")
    from qa.checks import subject_offices

    # (read deeper after "subject", the best is then a span that is no date at all: "form")
    assert_refused_for(pipeline, "On what date did the Saudi foreign minister visit Damascus?", "subject", "form")
    assert [o.country for o in subject_offices("When did the Saudi foreign minister visit Damascus?")] == ["Saudi Arabia"]
    assert subject_offices("When did the foreign ministers meet?") == []  # no country's office


def test_the_place_asked_of_an_event_held_is_no_event_kind(pipeline):
    """"The talks were held in which city?": "which" is no kind of event the corpus never names."""
    assert pipeline.ask("The talks were held in which city?").answer == "Moscow"


def test_who_is_credited_with_a_photo_is_the_person(pipeline):
    answer = pipeline.ask("Who is credited with the photograph of the four ministers in the AFP report?")
    assert answer.answer == "Valery Sharifulin"
    c = answer.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == "Valery Sharifulin"


@pytest.mark.parametrize("question, sentence, other", [
    ("In what month did Turkey sever its relations with Iran?", "Turkey severed its relations with Syria in March 2012", True),
    ("In what month did Turkey sever its relations with Syria?", "Turkey severed its relations with Syria in March 2012", False),
    ("When did Turkey cut ties with Damascus?", "Turkey severed its relations with Syria in March 2012", False),  # its capital
    ("When did Turkey cut ties with Iran?", "Turkey severed its relations with Syria and Iran", False),
    ("When did Turkey cut ties?", "Turkey severed its relations with Syria in March 2012", False),
])
def test_other_partner(question: str, sentence: str, other: bool) -> None:
    from qa.checks import other_partner

    assert other_partner(question, sentence) is other


def test_dealings_with_another_country_date_nothing_asked(pipeline):
    assert_refused_for(pipeline, "In what month did Turkey sever its relations with Iran?", "country")


def test_the_date_of_saying_is_not_the_date_said(pipeline):
    """"When did Assad confirm he would attend the summit?": the corpus dates the summit (May
    19), and tells of no confirmation."""
    assert_refused_for(pipeline, "On what date did Assad confirm he would attend the Arab League summit?", "statement")
    assert pipeline.ask("On what date will the Arab League summit be held?").answer == "May 19"


def test_an_office_holder_is_someone_named(pipeline):
    """"Who heads Turkey's intelligence agency?" asks for a person holding an office; the
    corpus names none, and "deputy foreign ministers" is a kind of official, not the holder."""
    assert_refused_for(pipeline, "Who heads Turkey's intelligence agency that will help prepare the roadmap?", "office")


def test_a_quotation_the_answer_opens_is_closed():
    """"Cavusoglu stressed the need for “cooperation in the fight against terrorism and working
    together ...”": what he stressed the need for is all that is quoted, not its first word; an
    item of a quoted list ("cooperation in the fight against terrorism", then "and") is whole."""
    text = "He stressed the need for “cooperation in the fight against terrorism and working together” at the talks."
    start = text.index("cooperation")
    question = "What did he stress the need for?"
    assert tidy_span(text, start, start + len("cooperation"), question) == (start, text.index("”"))
    item = start + len("cooperation in the fight against terrorism")
    assert tidy_span(text, start, item, question) == (start, item)


def test_the_date_of_a_statement_answers_when_it_was_made(pipeline):
    """"When did Assad lay out his conditions?" asks the date of a statement: "Assad said in
    January that ..." answers it."""
    assert pipeline.ask("When did Assad lay out his conditions for rapprochement with Turkey?").answer == "January"


def test_a_time_the_question_sets_is_no_answer(pipeline):
    """"following the meeting" says again, in other words, the "after the meeting" of "What
    did Cavusoglu tweet after the meeting?": it tells the asker nothing."""
    from qa.question import analyse_question
    from qa.read import echoes_in_other_words

    q = analyse_question("What did Cavusoglu tweet after the meeting?")
    assert echoes_in_other_words("following the meeting", q)
    assert not echoes_in_other_words("following the earthquake", q)
    assert not echoes_in_other_words("after the meeting", analyse_question("When did he tweet?"))  # a time asked


@pytest.mark.parametrize("text, span, inside", [
    ("emphasized it in his tweet following the meeting.", "following the meeting", True),
    ("emphasized it in his tweet following the meeting.", "meeting", True),  # a word of the time
    ("the ministers met on Wednesday.", "Wednesday", True),
    ("emphasized the importance of cooperation in his tweet.", "importance of cooperation", False),
])
def test_a_time_says_when_words_were_said_not_what(text, span, inside):
    from qa.checks import within_said_when

    start = text.index(span)
    assert within_said_when(text, start, start + len(span)) is inside


def test_what_was_tweeted_is_never_when(pipeline):
    """"What did Cavusoglu tweet?" was answered "following the meeting", the words beside "tweet"."""
    answer = pipeline.ask("What did Cavusoglu tweet?").answer
    assert answer is None or "following" not in answer and answer != "meeting"


def test_the_first_citation_is_the_sentence_closest_to_the_question(pipeline):
    """Several files name "Moscow", in sentences that share more or fewer of the question's
    words: of the mentions the reader pooled into the answer, the first cited is one whose
    sentence shares most (``sent_overlap``), and each file is cited once, slicing to the answer.
    Which mentions are pooled depends on the passages read first, and so on the CPU's arithmetic
    (int8 kernels differ): on one machine a "main ally" sentence, on another "Damascus is a
    staunch ally of Moscow" (docs/quality.md, "Session 34")."""
    from qa.reading import FEATURE_ID

    question = "Which capital is described as the Syrian president's main ally?"
    answer = pipeline.ask(question)
    assert answer.answer == "Moscow"
    _, _, reading = pipeline.read(question)
    members = pipeline.reader.answer_members(reading)
    overlap = [float(reading.features[c.row, FEATURE_ID["sent_overlap"]]) for c in members]
    closest = {(pipeline.index.docs[c.doc].name, c.start) for c, o in zip(members, overlap) if o == max(overlap)}
    assert (answer.citations[0].source, answer.citations[0].start) in closest
    sources = [c.source for c in answer.citations]
    assert len(sources) == len(set(sources)) >= 2
    assert all(pipeline.source_text(c.source)[c.start:c.end] == "Moscow" for c in answer.citations)


@pytest.mark.parametrize("question", ["Which country hosted the talks?",
                                      "Which country hosted the defense ministers in December?"])
def test_a_country_asked_for_is_not_answered_by_its_capital(pipeline, question):
    """News writes "Moscow" for Russia's government; "Which country ...?" is answered by the
    country the capital stands for, when the reader found it too, and never by the capital."""
    from qa.roles import capital_of

    answer = pipeline.ask(question)
    assert answer.answer is not None and not capital_of(answer.answer)
    assert answer.answer == "Russia"


@pytest.mark.parametrize("question, answer", [
    ("With whom is Erdogan seeking a presidential summit?", "Assad"),  # "a presidential summit with Assad"
    ("With whom has Erdogan made up?", "former rivals"),  # "made up with former rivals across the region"
])
def test_the_answer_is_the_object_of_the_asked_preposition(pipeline, question, answer):
    """"With whom ...?" is answered by the object of a "with" that follows words of the
    question, not by that of another "with" in the same sentence."""
    assert pipeline.ask(question).answer == answer


@pytest.mark.parametrize("question, asked", [
    ("With whom is Erdogan seeking a summit?", True), ("To which country did he travel?", True),
    ("On what date did they meet?", False), ("In which city did they meet?", False),  # when and where, not whom
    ("For what purpose was it drafted?", False), ("Who met with whom?", False),
])
def test_a_question_led_by_its_preposition(question, asked):
    from qa.checks import ASKED_PREPOSITION

    assert bool(ASKED_PREPOSITION.match(question)) is asked


@pytest.mark.parametrize("text, asked, listed", [
    ("Which three countries' defence ministers met?", 3, 0), ("What two issues did he stress?", 2, 0),
    ("What is the four countries whose ministers met?", 4, 0),  # "Identify the four countries ...", as read
    ("What are the four ministers doing in the photo?", 0, 0),  # "four" counts who acts
    ("What did the two countries agree?", 0, 0), ("Which countries met?", 0, 0),
    ("Russian, Syrian and Turkish", 0, 3), ("Türkiye, Syria, Russia and Iran", 0, 4), ("Russian", 0, 1),
    ("embassies and flights", 0, 2),
])
def test_how_many_things_are_asked_and_listed(text, asked, listed):
    from qa.checks import things_asked, things_listed

    assert things_asked(text) == asked
    if listed:
        assert things_listed(text) == listed


def test_as_many_things_as_asked_are_answered(pipeline):
    """"Which three countries' ...?" is answered by the three ("Russian, Syrian and Turkish"),
    when the reader found them too, not by the first of them."""
    from qa.checks import things_listed

    answer = pipeline.ask("Which three countries' defence ministers met on December 28, 2022?").answer
    assert answer is not None and things_listed(answer) == 3


@pytest.mark.parametrize("text, span, question, kept", [
    ("when the Russian, Syrian and Turkish defense ministers met", "defense ministers", "Which officials met?",
     "Russian, Syrian and Turkish defense ministers"),
    ("Syrian and Turkish defense ministers had met", "defense ministers", "Who met in Moscow?",
     "Syrian and Turkish defense ministers"),  # a capital the question names does not say whose
    ("Syrian and Turkish defense ministers had met", "defense ministers", "Which Syrian officials met?",
     "defense ministers"),  # the question says whose
    ("talks in Moscow. Turkish defense ministers had met", "defense ministers", "Who met?",
     "Turkish defense ministers"),  # not the sentence before's capital
    ("by Iran and Turkish defense ministers", "defense ministers", "Who met?", "Turkish defense ministers"),
    ("the countries' defense ministers", "defense ministers", "Who met?", "defense ministers"),
    ("Turkish, defense ministers", "defense ministers", "Who met?", "defense ministers"),
    ("Syrian Foreign Minister Faisal Mekdad", "Faisal Mekdad", "Who spoke?", "Faisal Mekdad"),  # a name says who
])
def test_people_named_by_function_keep_the_countries_they_serve(text, span, question, kept):
    """"Which officials met?" -> "Russian, Syrian and Turkish defense ministers", not the
    function alone ("defense ministers"), which does not say whose."""
    from qa.tidy import with_countries_served

    start = text.index(span)
    s, e = with_countries_served(text, start, start + len(span), question)
    assert text[s:e] == kept


def test_officials_named_with_their_countries(pipeline):
    a = pipeline.ask("Which officials met in Moscow on December 28, 2022?")
    assert a.answer == "Russian, Syrian and Turkish defense ministers"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)


@pytest.mark.parametrize("question, noun", [
    ("What UN resolution did the communique cite?", "resolution"),
    ("What power's decline did he point to?", "power"),
    ("decline of which power", "power"),
    ("What did Mekdad say?", ""),
    ("What kind of return did they call for?", ""),  # the kind is asked, not the noun
    ("What is the capital of Syria?", ""),
])
def test_asked_noun(question, noun):
    from qa.tidy import asked_noun

    assert asked_noun(question) == noun


def test_a_number_keeps_the_name_it_numbers(pipeline):
    """"2254" names nothing by itself: "Resolution 2254" answers "What UN resolution ...?"."""
    a = pipeline.ask("what un resolution did the communique cite")
    assert a.answer == "Resolution 2254"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)


def test_a_quantifier_keeps_the_noun_it_counts(pipeline):
    """"various" says nothing alone: the question's own noun, left out as an echo, comes back
    ("various militias"); "how many" is answered by the quantifier alone."""
    a = pipeline.ask("which militias control northwest syria")
    assert a.answer == "various militias"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)
    assert pipeline.ask("How many military incursions has Turkey carried out in northwest Syria since 2016?").answer \
        == "several"


def test_an_answer_keeps_the_phrase_that_modifies_it(pipeline):
    """The reader is split between "rebel efforts" and "rebel efforts to topple Syrian President
    Bashar al-Assad": the longer says what the efforts were."""
    a = pipeline.ask("What did Turkey support early in the Syrian war?")
    assert a.answer == "rebel efforts to topple Syrian President Bashar al-Assad"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)


def test_a_place_after_the_answer_is_not_added(pipeline):
    """"in Turkey and Syria" only places the earthquake: the shorter answer stands."""
    a = pipeline.ask("What deadly event quickened the restoration of ties with Damascus?")
    assert a.answer is not None and a.answer.endswith("earthquake")


def test_the_reports_own_event_is_dated_by_their_lead(pipeline):
    """"late last month" dates the defense ministers' meeting: a question in words the lead holds
    asks about the event the lead dates ("gathered in Moscow on Wednesday"); one naming the defense
    ministers, whom the lead does not name, keeps its answer."""
    a = pipeline.ask("When did the ministers meet in Moscow?")
    assert a.answer == "Wednesday"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)
    assert pipeline.ask("When did the Syrian and Turkish foreign ministers meet in Moscow?").answer == "Wednesday"
    assert pipeline.ask("When did the defense ministers and intelligence chiefs meet in Moscow?").answer \
        not in (None, "Wednesday")
    # "the defense ministries" stand in a report's third sentence: the lead is two
    assert pipeline.ask("When did the defense ministers of the four countries meet in Moscow before the foreign "
                        "ministers did?").answer == "April"


def test_the_reports_own_event_is_dated_by_a_lead_not_read_at_first(pipeline):
    """"When was the meeting held?" ranks the passages that name other meetings ("had also held
    talks in Moscow in December") above the leads; the leads that hold the question's words are
    read too, and the event they report is dated by them."""
    a = pipeline.ask("When was the meeting held?")
    assert a.answer == "Wednesday"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)
    # "talks" for the gathering a lead calls "a landmark meeting"; that lead's passage was not retrieved
    assert pipeline.ask("When were the talks held?").answer == "Wednesday"


@pytest.mark.parametrize("one, other, same", [
    ("Türkiye, Syria, Russia and Iran", "Iran, Turkey, Russia and Syria", True),
    ("Turkey, Syria, Russia, and Iran", "Russia, Syria, Turkey and Iran", True),
    ("Russia and Iran", "Iran and Russia", True),
    ("Russia and Iran", "Russia, Iran and Syria", False),
    ("Turkey and Syria", "Syria", False),
    # items of more than LISTED_WORDS words are clauses, in the order they were said
    ("cooperation in the fight against terrorism and working together on returns",
     "working together on returns and cooperation in the fight against terrorism", False),
])
def test_lists_of_the_same_items_vote_together(one, other, same):
    from qa.reading import pool_key
    assert (pool_key(one) == pool_key(other)) is same


@pytest.mark.parametrize("span, cut", [
    ("’s membership after its suspension", True), ("'s membership", True), ("n't agree", True),
    ("Syria’s membership", False), ("’Arab-led political path’", False), ("sooner", False),
])
def test_a_span_cut_after_a_words_own_ending_is_no_answer(span, cut):
    from qa.tidy import opens_with_clitic
    assert opens_with_clitic(span) is cut


@pytest.mark.parametrize("one, other, same", [
    ("Earlier Wednesday", "Wednesday", True), ("on Wednesday", "Wednesday", True),
    ("in December 2022", "December 2022", True), ("later on Friday", "Friday", True),
    ("in Moscow", "Moscow", False),  # a place keeps its preposition: only dates are placed
    ("late last month", "last month", False), ("early 2011", "2011", False),
])
def test_a_date_votes_with_the_same_date_placed_by_a_word(one, other, same):
    from qa.reading import pool_key
    assert (pool_key(one) == pool_key(other)) is same


def test_the_day_the_reports_give_in_several_words_is_one_answer(pipeline):
    """"Wednesday" and "Earlier Wednesday" are one day: split, neither was trusted enough."""
    a = pipeline.ask("When did the foreign ministers meet?")
    assert a.answer == "Wednesday"
    assert all(pipeline.source_text(c.source)[c.start : c.end] == "Wednesday" for c in a.citations)


def test_a_lead_that_dates_the_asked_event_confirms_its_date(pipeline):
    """"Foreign ministers from Turkey, Syria, Russia, and Iran gathered in Moscow on Wednesday":
    a question in the lead's own words ("gather" for its "meeting", "the four" ministers it
    lists) is answered with its date, however unsure the span head is ("On which date ...?" it
    reads as wanting a calendar date, and finds none), and the date is not lengthened with what
    follows it ("Wednesday for a landmark meeting")."""
    for question in ("On which date did the four foreign ministers gather in Moscow?",
                     "When did the landmark meeting take place?",
                     "When did the four-party meeting end?"):
        a = pipeline.ask(question)
        assert a.answer == "Wednesday", question
        assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)
    # words the leads lack leave the question to the reader's own belief
    assert pipeline.ask("When did the ministers first meet in Tehran?").answer is None


def test_the_page_date_answers_for_talks_its_lead_calls_a_meeting(pipeline):
    """The page date "2023-05-10" tops a report whose lead tells of "the four-way meeting":
    "the Moscow talks" are that meeting."""
    assert pipeline.ask("What date did the Moscow talks happen on?").answer in ("2023-05-10", "May 10, 2023")


@pytest.mark.parametrize("question, span, kept", [
    ("How many refugees is Turkey hosting?", "more than 3.5 million refugees", "more than 3.5 million"),
    ("How many Syrian refugees is Turkey hosting?", "more than 3.5 million Syrian refugees", "more than 3.5 million"),
    ("How many countries held a fruitful meeting?", "four countries", "four"),
    # a unit of time stays ("11 years"), and so does a noun the question does not count
    ("After how many years are they taking steps toward reconciliation?", "11 years", "11 years"),
    ("How many people is Turkey hosting?", "more than 3.5 million refugees", "more than 3.5 million refugees"),
    ("Which refugees is Turkey hosting?", "more than 3.5 million refugees", "more than 3.5 million refugees"),
])
def test_a_count_is_given_without_the_noun_it_counts(pipeline, question, span, kept):
    """"3,029" for "How many British troops ...?": the public sets' annotators leave out what
    the question counts (143 of 185 golds), but keep a unit of time."""
    from qa.tidy import without_counted_noun

    c = _candidate_at(pipeline.index, span)
    s, e = without_counted_noun(pipeline.index, c, c.start, c.end, question)
    assert pipeline.index.docs[c.doc].text[s:e] == kept


def test_the_whole_list_of_names_answers_which_countries(pipeline):
    """"Turkey and Syria" and "Russia and Iran" are parts of "Türkiye, Syria, Russia and Iran":
    the reader's belief spread over the parts is belief in the whole list. A list of kinds of
    official ("defense ministers and intelligence chiefs") is no list of names: "Which officials
    ...?" keeps the one kind it was answered with."""
    a = pipeline.ask("Which countries took part in the meeting?")
    assert a.answer is not None and sorted(re.split(r",\s*(?:and\s+)?|\s+and\s+", a.answer)) in (
        ["Iran", "Russia", "Syria", "Türkiye"], ["Iran", "Russia", "Syria", "Turkey"])
    assert all(pipeline.source_text(c.source)[c.start : c.end] == a.answer for c in a.citations)
    assert "intelligence" not in (pipeline.ask("Which officials had already met in Moscow in December?").answer or "")


@pytest.mark.parametrize("span, only", [
    ("on Wednesday in Moscow", True), ("in Damascus", True), ("in 2011", True),
    ("Türkiye, Syria, Russia and Iran", True),
    ("to rebuild ties", False), ("the Arab Spring", False), ("Moscow, marking the highest-level talks", False),
])
def test_a_time_and_place_is_no_reason(span, only):
    from qa.checks import time_and_place_only
    assert time_and_place_only(span) is only


def test_why_is_not_answered_with_when_and_where(pipeline):
    """"on Wednesday in Moscow" is where and when the ministers met, not why."""
    assert pipeline.ask("Why did the foreign ministers meet?").answer not in ("on Wednesday in Moscow", "in Moscow")


def test_a_gathering_is_nobody(pipeline):
    """"Who attended the meeting?" is not answered "Arab League summit", but "What is Erdogan
    now courting?" may be answered with a summit."""
    assert pipeline.ask("Who attended the meeting?").answer != "Arab League summit"
    assert "summit" in (pipeline.ask("What is Turkish President Erdogan now courting?").answer or "")


@pytest.mark.parametrize("span, question, surname", [
    ("Bashar al-Assad", "Who invited Assad to the Arab League summit?", "Assad"),
    ("Sergei Lavrov", "Who met Lavrov in Moscow?", "Lavrov"),
    ("Sergei Lavrov", "Who is Lavrov?", ""),  # who the named person is
    ("Sergei Lavrov", "Who hosted the talks?", ""),
    ("Lavrov", "Who met Lavrov in Moscow?", ""),  # a surname alone is left to the other echo checks
])
def test_the_surname_a_question_names(span, question, surname):
    from qa.read import _surname_asked
    assert _surname_asked(span, question) == surname


def test_the_person_a_question_names_is_not_its_answer(pipeline):
    """A question that names a person the corpus titles asks about someone else; a name the
    corpus does not title may be a thing's ("Who founded Hanes?")."""
    assert pipeline.ask("Who invited Assad to the Arab League summit?").answer != "Bashar al-Assad"
    assert pipeline.ask("Who is Lavrov?").answer in ("Russian Foreign Minister", "Sergei Lavrov", "Sergey Lavrov")


def test_no_answer_runs_from_the_page_date_into_the_report(pipeline):
    """"2023-05-10 Türkiye and Syria" joins the date atop a page to the report's first words."""
    from qa.read import Reader

    reader: Reader = pipeline.reader
    doc, start, end = reader.page_dates[0]
    text = pipeline.index.docs[doc].text
    assert reader.verifier.straddles_page_date(doc, start, text.index(" ", end + 1))
    assert not reader.verifier.straddles_page_date(doc, start, end)
    assert not reader.verifier.straddles_page_date(doc, end + 1, text.index(" ", end + 1))


@pytest.mark.parametrize("question, sentence, no_more", [
    ("When was COVID-19 first declared a public health emergency of international concern?",
     "The WHO on Friday declared that COVID-19 is no longer a public health emergency of international concern.", True),
    ("When was COVID-19 declared a global health emergency?",
     "The WHO on Friday declared an end to COVID-19 as a global health emergency.", True),
    ("When was COVID-19 first declared a public health emergency of international concern?",
     "The WHO first declared it a public health emergency of international concern on Jan. 30, 2020.", False),
    ("When did the WHO declare that COVID-19 was no longer a global health emergency?",  # asks the end itself
     "The WHO on Friday declared that COVID-19 is no longer a global health emergency.", False),
    ("When did Syria join the Arab League?", "Syria is no longer suspended from meetings.", False),
])
def test_says_no_more(question: str, sentence: str, no_more: bool) -> None:
    """A sentence that says what the question asks about holds "no longer" answers it with the
    wrong time (``Reader.run`` puts another answer first)."""
    from qa.checks import says_no_more

    assert says_no_more(question, sentence) is no_more


@pytest.mark.parametrize("text, span, question, answer", [
    ("The Titanic lies at a depth of around 3,800 metres (12,500 feet) about 435 miles south",
     "around 3,800 metres", "titanic wreck depth in feet", "12,500 feet"),
    ("Pakistan covers 881,913 km2 (340,509 sq mi), making it the 33rd-largest country",
     "881,913 km2 (340,509 sq mi)", "How many square miles is Pakistan?", "340,509"),
    ("which lies about 12,500 feet (3,800 meters) below the surface",
     "12,500 feet", "How deep in metres does the wreck lie?", "3,800 meters"),
    # already in the asked unit, or no figure in it to be had: the answer as it is
    ("The Titanic lies at a depth of around 3,800 metres (12,500 feet)",
     "around 3,800 metres", "How deep in metres does the wreck lie?", "around 3,800 metres"),
    ("The search covered more than 10,000 square miles.", "10,000 square miles",
     "How many square miles did the search cover?", "10,000 square miles"),
    ("The bridge is 5 km long.", "5 km", "How long is the bridge in miles?", "5 km"),
    ("The crowd of 88,966 (a record) watched.", "88,966", "How many fans watched?", "88,966"),
])
def test_in_asked_unit(text: str, span: str, question: str, answer: str) -> None:
    """A figure the source gives in two units is answered in the one the question names."""
    from qa.tidy import in_asked_unit

    start = text.index(span)
    s, e = in_asked_unit(text, start, start + len(span), question)
    assert text[s:e] == answer


def test_a_figure_in_the_unit_asked(encoder, tmp_path) -> None:
    """Over a Wikipedia-like article that gives its figures in two units, "How many square miles
    ...?" is answered in square miles, and the answer is still an exact span of the file."""
    from qa.pipeline import Pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "lake.txt").write_text(
        "Lake Vostra\n\nLake Vostra is the largest freshwater lake of the Karelian plateau. It covers an area of"
        " 1,240 km2 (479 sq mi) and reaches a depth of 212 metres (696 feet) near its northern shore.\n\nThe lake"
        " freezes from November to April. Its outflow, the Vostra River, runs 310 kilometres to the sea.\n", "utf-8")
    pipe = Pipeline.open(corpus, tmp_path / "index", encoder=encoder)
    area = pipe.ask("How many square miles does Lake Vostra cover?")
    assert area.answer == "479"
    depth = pipe.ask("How deep is Lake Vostra in feet?")
    assert depth.answer == "696 feet"
    for answer in (area, depth):
        for cite in answer.citations:
            assert pipe.source_text(cite.source)[cite.start : cite.end] == answer.answer


_STADIUMS = {
    "yankee.txt": "Yankee Stadium\n\nYankee Stadium is a baseball stadium in the Bronx, New York City. The original"
                  " Yankee Stadium was built in 1923, and the current stadium was built in 2009 across the street.\n",
    "dodger.txt": "Dodger Stadium\n\nDodger Stadium is a baseball park in the Elysian Park neighborhood of Los Angeles."
                  " Construction began in September 1959, and the park opened on April 10, 1962.\n",
    "wrigley.txt": "Wrigley Field\n\nWrigley Field is a ballpark on the North Side of Chicago. It was built in 1914"
                   " and is the second-oldest ballpark in the major leagues.\n",
}


def test_an_answer_from_a_file_that_never_names_the_subject_gives_way(encoder, tmp_path) -> None:
    """"When was Dodger Stadium built?" over three stadiums' articles: "built" is said of the
    other two, "Dodger" only in its own. A best answer from a file that never names "Dodger"
    gives way to the first of the next whose passage does (``SecondLook.of_subject_asked``)."""
    from qa.pipeline import Pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in _STADIUMS.items():
        (corpus / name).write_text(text, "utf-8")
    pipe = Pipeline.open(corpus, tmp_path / "index", encoder=encoder)
    question = "When was Dodger Stadium built?"
    q, _, reading = pipe.read(question)
    reader = pipe.reader
    assert reader.second_look.subject_names(q) == {"Dodger"}  # "Stadium": the corpus writes "stadium" too
    answer = pipe.ask(question)
    assert answer.answer is not None and answer.citations[0].source == "dodger.txt"
    # The same reading with another stadium's answer put first, as the reader may rank it:
    name = {i: d.name for i, d in enumerate(pipe.index.docs)}
    k = next(k for k, (_, members) in enumerate(reading.groups) if "dodger.txt" not in {name[c.doc] for c in members})
    assert k < 6
    other = reader.second_look.first_instead(q, reading, k) if k else reading
    assert "dodger.txt" not in {name[c.doc] for c in other.groups[0][1]}
    mended = reader.second_look.of_subject_asked(q, other)
    assert "dodger.txt" in {name[c.doc] for c in mended.groups[0][1]}


_VACCINE = """The first smallpox vaccine

In May 1796 the English physician Edward Jenner took material from a cowpox sore on the hand of a milkmaid, \
Sarah Nelmes, and inserted it into the arm of James Phipps, the eight-year-old son of his gardener. Jenner had \
noticed that milkmaids who caught cowpox seemed to be protected from smallpox.

Six weeks later Jenner exposed the boy to smallpox, and Phipps did not fall ill. Jenner published his findings in \
1798. The word vaccine comes from the Latin vacca, meaning cow.
"""
_TARDIGRADES = """Tardigrades

Tardigrades, also known as water bears, are microscopic animals that live in water and in damp moss. They were \
first described by the German zoologist Johann August Ephraim Goeze in 1773. Adult tardigrades are typically about \
0.5 millimetres long and have eight legs.
"""


@pytest.fixture(scope="module")
def science_pipeline(encoder, tmp_path_factory):
    """A corpus of two short science articles, far from the seeds' diplomacy."""
    from qa.pipeline import Pipeline

    corpus = tmp_path_factory.mktemp("science")
    (corpus / "vaccine.txt").write_text(_VACCINE, "utf-8")
    (corpus / "tardigrades.txt").write_text(_TARDIGRADES, "utf-8")
    return Pipeline.open(corpus, tmp_path_factory.mktemp("science-index"), encoder=encoder)


@pytest.mark.parametrize("question", ["Who invented the telephone?", "Who founded Microsoft?",
                                      "What language is spoken in Brazil?"])
def test_a_question_about_something_else_is_refused(science_pipeline, question):
    """No passage read holds a word of the question, nor means anything close to it: the best
    span there ("Edward Jenner", 0.76 before) answers something else (``UNRELATED_DENSE``)."""
    reading = science_pipeline.read(question)[2]
    assert science_pipeline.reader.refusal_reason(reading) == "mismatch:unrelated"
    assert science_pipeline.ask(question).answer is None


def test_off_topic_questions_over_the_seeds_are_refused(pipeline):
    for question in ("Who wrote Hamlet?", "Who founded Microsoft?", "Who invented the telephone?"):
        assert pipeline.ask(question).answer is None, question


@pytest.mark.parametrize("question, answer", [
    ("Who first described tardigrades?", "Johann August Ephraim Goeze"),  # the question's words are there
    ("Who pioneered immunisation?", "Edward Jenner"),  # none of its words, but close in meaning
])
def test_a_question_in_other_words_is_still_answered(science_pipeline, question, answer):
    assert science_pipeline.ask(question).answer == answer


def test_a_name_of_the_question_beside_the_answer_ties_them(pipeline):
    """"What kind of outlet is SANA?": the corpus never says "kind" or "outlet", and "SANA" means
    little to the encoder, so the answer's passage is far from the question in meaning; but
    "Syrian state news agency SANA" names the asked "SANA" beside it: not something else."""
    from qa.reading import FEATURE_ID

    q, _, reading = pipeline.read("What kind of outlet is SANA?")
    members = reading.groups[0][1]
    assert pipeline.reader.verifier.name_beside(q, members)
    assert not pipeline.reader.verifier.unrelated(q, members, reading.features)
    assert all(reading.features[c.row, FEATURE_ID["passage_dense"]] < 0.2 for c in members)  # far in meaning
    assert not pipeline.reader.verifier.name_beside(pipeline.read("Who wrote Hamlet?")[0], members)


def test_general_knowledge_questions_over_the_seeds_are_refused(pipeline):
    """``eval/offtopic-heldout.jsonl``: 60 general-knowledge questions the seeds do not answer
    (held out when ``UNKNOWN_SHARE`` was chosen). 11 were answered before the "unrelated" check,
    2 after it."""
    items = [json.loads(line) for line in (ROOT / "eval" / "offtopic-heldout.jsonl").read_text("utf-8").splitlines()]
    answered = [g["question"] for g in items if pipeline.ask(g["question"]).answer is not None]
    assert len(items) == 60 and len(answered) <= 3, answered


def test_every_file_stating_the_answer_of_the_question_is_cited(pipeline):
    """Four of the five reports name "Syrian President Bashar al-Assad", not all of them in the
    passages retrieved: each is cited, once, slicing to the answer (three were, before session 42)."""
    a = pipeline.ask("Who is Syria's president?")
    assert a.answer == "Bashar al-Assad"
    sources = [c.source for c in a.citations]
    assert len(sources) == len(set(sources)) >= 4
    for c in a.citations:
        text = _raw(pipeline, c.source)
        assert text[c.start : c.end] == a.answer and c.passage in text
        assert text.find(c.passage) <= c.start < c.end <= text.find(c.passage) + len(c.passage)


def test_a_file_cited_for_the_answer_says_it_of_what_was_asked(encoder, tmp_path) -> None:
    """Another file saying the answer's words is cited where the sentence saying them shares a word
    with the question besides the answer's own, wherever retrieval ranked it: the "Thursday" of the
    treaty talks, not the "Thursday" of a market report (``Pipeline._supporting``, from no retrieved
    passage at all)."""
    from qa.pipeline import Pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "geneva.txt").write_text("Ministers meet in Geneva\n\nThe foreign ministers of four countries met in"
                                       " Geneva on Thursday to discuss the water treaty.\n", "utf-8")
    (corpus / "treaty.txt").write_text("Treaty talks\n\nOfficials said the water treaty would be discussed on"
                                       " Thursday by the ministers.\n", "utf-8")
    (corpus / "market.txt").write_text("Markets\n\nShares closed higher on Thursday after a quiet session.\n", "utf-8")
    pipe = Pipeline.open(corpus, tmp_path / "index", encoder=encoder)
    question = "On what day did the foreign ministers discuss the water treaty?"
    q, _, _ = pipe.read(question)
    cited = pipe._supporting("Thursday", q, [], set())
    assert {c.source for c in cited} == {"geneva.txt", "treaty.txt"}
    for c in cited:
        assert pipe.source_text(c.source)[c.start : c.end] == "Thursday" and c.score == 0.0
    assert pipe._supporting("Thursday", q, [], {pipe.index.doc_by_name["geneva.txt"]})[0].source == "treaty.txt"

"""Page furniture: pieces found by line shape, questions that ask for them, answers that cite them."""

from __future__ import annotations

import pytest

from qa.layout import Layout, find_pieces, furniture_asked

WIRE = """

# Harbour Deal Signed in Lisbon After Long Talks

By [Reuters](#)

June 3, 2024

Ministers shake hands at the port (L-R). **Ana Costa / Lusa**

LISBON: Portugal and Spain signed a harbour agreement on Monday after two years of talks.

**Related article:** [Spain Eyes Atlantic Ports](#)

The deal covers three ports.

Money and jobs

The agreement is worth two billion euros and will create jobs in both countries.

Original url:

<https://www.example.com/2024/06/03/harbour-deal>"""

WEB = """Storm closes schools across the north

Pupils stayed home on Tuesday as the storm hit the coast [Jane Doe/Getty Images]

Schools across the north closed on Tuesday as the storm brought heavy rain.

Source: Daily Coast and news agencies"""

WIKI = """Normans

The Normans were the people who in the 10th and 11th centuries gave their name to Normandy, a region in France.
They were descended from Norse raiders."""


def _pieces(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in find_pieces(0, text):
        out.setdefault(p.kind, []).append(text[p.start:p.end])
    return out


def test_wire_copy_furniture_is_found_with_exact_offsets():
    assert _pieces(WIRE) == {
        "headline": ["Harbour Deal Signed in Lisbon After Long Talks"],
        "byline": ["Reuters"],
        "date": ["June 3, 2024"],
        "credit": ["Ana Costa / Lusa"],
        "dateline": ["LISBON"],
        "related": ["Spain Eyes Atlantic Ports"],
        "subheading": ["Money and jobs"],
        "url": ["https://www.example.com/2024/06/03/harbour-deal"],
    }


def test_web_page_furniture_is_found():
    assert _pieces(WEB) == {
        "headline": ["Storm closes schools across the north"],
        "credit": ["Jane Doe/Getty Images"],
        "source": ["Daily Coast and news agencies"],
    }


def test_a_wire_story_s_bracketed_credits_give_its_byline_and_not_its_editors():
    text = ("Storm closes schools\n\nSchools across the north closed on Tuesday as the storm brought heavy rain.\n\n"
            "(Reporting by Claire Duval in Geneva and Martin Oster; Additional reporting by Ji-woo Park; "
            "Writing by Nadine Awadalla; Editing by Peter Lindqvist)\n\n"
            "The minister said the schools (reporting by pupils) would reopen.\n")
    assert _pieces(text) == {"headline": ["Storm closes schools"],
                             "byline": ["Claire Duval in Geneva and Martin Oster", "Ji-woo Park", "Nadine Awadalla"]}
    assert furniture_asked("Who reported the Reuters story on the storm?") == "byline"
    assert furniture_asked("How many deaths were reported in the Reuters story?") == ""


def test_prose_is_not_furniture():
    """A one-word title, sentences and paragraphs are not headlines, credits or bylines."""
    assert _pieces(WIKI) == {}


def test_reference_marks_and_metadata_labels_are_not_credits_or_datelines():
    text = ("Normans\n\n"
            "SHA: eef12c3a99 and more metadata follows here on this line\n\n"
            "DOI: 10.1371/journal.pone.0199067 is the identifier of the paper here\n\n"
            "His mother sighed and let him have his way.[Sanguozhi 2]\n\n"
            "The battle was fought in 1066 near the town.[115]\n")
    assert _pieces(text) == {}


@pytest.mark.parametrize("question, kind", [
    ("What is the headline of the Daily Coast report?", "headline"),
    ("Give the headline of the Reuters story.", "headline"),
    ("In the Reuters report, what is the headline?", "headline"),
    ("Which subheading introduces the part about money?", "subheading"),
    ("What is the title of the related article linked in the Reuters piece?", "related"),
    ("Who took the photo of the ministers in the Reuters story?", "photographer"),
    ("Who photographed the ministers?", "photographer"),
    ("Which agency is credited for the picture in the Reuters article?", "credit"),
    ("Which news agency took the photo in the Reuters story?", "credit"),  # the agency of a credit
    ("Which news agency wrote the Reuters story?", "byline"),
    ("Who is the author of the article?", "byline"),
    ("Which outlet published the report about the storm?", "byline"),
    ("What is the original web address of the Reuters article?", "url"),
    ("Which city appears as the dateline of the report?", "dateline"),
    ("When was the Reuters report published?", "date"),
    # Questions about the story itself
    ("According to the headline, what did Spain eye?", ""),
    ("What is the title of Beyonce's fourth album?", ""),
    ("Who took part in the talks?", ""),
    ("Who controlled the enclave before Turkey captured it?", ""),
    ("What is the link between the ports and jobs?", ""),
    ("When is the release date for Dark Phoenix?", ""),
    ("From which years did the magazine write articles?", ""),
    ("Which news agency carried the minister's comments?", ""),
])
def test_furniture_asked(question: str, kind: str) -> None:
    assert furniture_asked(question) == kind


@pytest.fixture(scope="module")
def layout() -> Layout:
    return Layout([WIRE, WEB, WIKI], ["harbour.txt", "storm.txt", "normans.txt"])


def _answer(layout: Layout, question: str) -> str | None:
    found = layout.answer(question, furniture_asked(question), {})
    if found is None or found.missing:
        return None
    return layout.texts[found.doc][found.start:found.end]


@pytest.mark.parametrize("question, answer", [
    ("What is the headline of the Daily Coast report?", "Storm closes schools across the north"),
    ("What is the headline of the Reuters story?", "Harbour Deal Signed in Lisbon After Long Talks"),
    ("Who took the photo in the Reuters story?", "Ana Costa"),  # the person of "Ana Costa / Lusa"
    ("Which agency is credited for the picture in the Reuters article?", "Lusa"),
    ("Which news agency took the photo in the Reuters story?", "Lusa"),
    ("Who is credited for the photo in the Daily Coast report?", "Jane Doe"),  # "who": the person
    ("What is the photo credit in the Daily Coast report?", "Jane Doe/Getty Images"),
    ("Which outlet published the report about the storm?", "Daily Coast and news agencies"),
    ("Which news agency wrote the story about the harbour deal?", "Reuters"),
])
def test_the_piece_of_the_file_the_question_names(layout: Layout, question: str, answer: str) -> None:
    assert _answer(layout, question) == answer


def test_a_named_file_without_the_piece_is_refused(layout: Layout) -> None:
    """The Daily Coast page has a source line but no byline: no reporter to give."""
    found = layout.answer("Which reporter wrote the Daily Coast report?", "byline", {})
    assert found is not None and found.missing


def test_a_photographer_the_credit_does_not_name_is_refused(layout: Layout) -> None:
    """"Jane Doe/Getty Images" names a photographer; a credit of agencies alone does not, and
    "who is the photographer" then has no answer (the credit still answers "who is credited")."""
    assert _answer(layout, "Who is the photographer of the Daily Coast picture?") == "Jane Doe"
    agencies = Layout([WEB.replace("Jane Doe/Getty Images", "Defence Ministry/Reuters")], ["storm.txt"])
    found = agencies.answer("Who is the photographer of the picture?", "photographer", {})
    assert found is not None and found.missing
    assert _answer(agencies, "Who is credited for the photo?") == "Defence Ministry/Reuters"


def test_a_byline_that_names_no_reporter_does_not_answer_which_reporter(layout: Layout) -> None:
    """"By Reuters" names an agency: it answers "which agency wrote it", not "which reporter"."""
    assert _answer(layout, "Which news agency wrote the story about the harbour deal?") == "Reuters"
    found = layout.answer("Which reporter wrote the story about the harbour deal?", "byline", {})
    assert found is not None and found.missing
    # "author" names the role, the question asks which agency holds it
    assert _answer(layout, "Which news agency is credited as the author of the harbour deal story?") == "Reuters"


def test_a_piece_made_of_the_question_s_own_words_is_no_answer(layout: Layout) -> None:
    """"Who wrote the Reuters story?" names the file by its byline: "Reuters" repeats the
    question and tells nothing of who wrote it."""
    found = layout.answer("Who wrote the Reuters story?", "byline", {})
    assert found is not None and found.missing


def test_the_reporters_of_a_wire_story_s_credits_answer_who_reported_it() -> None:
    """"By Reuters" at the head echoes "the Reuters story"; the credits at its foot name who
    reported it, and so answer "which reporter" too."""
    reporters = "Mara Ellison in San Francisco and Tomas Reyes in New York"  # longer than a byline line's
    credited = Layout([WIRE + f"\n\n(Reporting by {reporters}; Additional reporting by Ji-woo Park; "
                              "Editing by Mark Potter)\n"], ["harbour.txt"])
    for question in ("Who reported the Reuters story?", "Who wrote the Reuters story?",
                     "Which reporter wrote the story about the harbour deal?"):
        assert _answer(credited, question) == reporters, question
    assert _answer(credited, "Which news agency wrote the story about the harbour deal?") == "Reuters"
    assert furniture_asked("Who was reported dead in the Reuters story?") == ""  # about the story, not its byline


def test_a_page_no_file_is_is_refused(layout: Layout) -> None:
    """"The BBC story": no file says "BBC", so no file is the page asked about."""
    found = layout.answer("What is the headline of the BBC story?", "headline", {})
    assert found is not None and found.missing
    assert _answer(layout, "What is the headline of the Daily Coast report?")  # a named page that is there


def test_no_such_piece_anywhere_leaves_the_question_to_the_reader() -> None:
    assert Layout([WIKI], ["normans.txt"]).answer("What is the headline of the report?", "headline", {}) is None


@pytest.mark.parametrize("question", [
    "What is the headline of the Al Jazeera report?",
    "Who took the photograph of the four ministers in the Moscow Times article?",
    "Which news agency wrote the Moscow Times story?",
])
def test_furniture_answers_over_the_seeds_are_exact_cited_spans(pipeline, question: str) -> None:
    ans = pipeline.ask(question)
    assert ans.answer and ans.confidence > 0.5
    c = ans.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == ans.answer
    assert ans.answer in c.passage  # the line it stands on


def test_furniture_the_named_seed_lacks_is_refused(pipeline) -> None:
    ans = pipeline.ask("Which reporter wrote the Al Jazeera article?")
    assert ans.answer is None and ans.citations == []
    ans = pipeline.ask("Which reporter wrote the AFP story on the roadmap?")  # "By AFP": an agency
    assert ans.answer is None and ans.citations == []


def test_the_half_of_a_furniture_line_the_question_sets_aside_is_dropped(pipeline) -> None:
    ans = pipeline.ask("Besides news agencies, which outlet is named as the source of the report on the talks?")
    assert ans.answer == "Al Jazeera"
    c = ans.citations[0]
    assert pipeline.source_text(c.source)[c.start:c.end] == "Al Jazeera"


@pytest.mark.parametrize("question, names", [
    ("Who took the photo in the AFP story?", ["AFP"]),
    ("who took the photo in the Moscow Times article", ["Moscow Times"]),  # typed in lower case: kept
    ("Al Jazeera's headline?", []),  # opening the question: a first word's capital
    ("“Al Jazeera” headline", []),
])
def test_the_names_of_a_question_leave_out_its_first_word_only(question: str, names: list[str]) -> None:
    from qa.layout import _names_in

    assert _names_in(question) == names

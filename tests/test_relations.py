"""How one party stands to another: the relation phrase of a sentence naming both."""

import pytest

from qa.checks import names_form
from qa.question import answer_form
from qa.relations import asks_membership, asks_relation, kin_spans, membership_spans, parties, relation_spans


@pytest.mark.parametrize("question, asks", [
    ("How is Russia's relationship with Assad described?", True),
    ("How do the reports characterise the relationship between Moscow and Assad's government?", True),
    ("What are Turkey's ties to the Syrian opposition?", True),
    ("When did Turkey cut ties with Syria?", True),  # asked, but a date: no relation phrase names it
    ("How was the atmosphere of the talks described?", False),
])
def test_asks_relation(question: str, asks: bool) -> None:
    assert asks_relation(question) is asks


def test_parties_are_the_question_names() -> None:
    assert parties("How is Russia's relationship with Assad described?") == ["Russia", "Assad"]
    assert parties("What is Moscow's relationship to Damascus?") == ["Moscow", "Damascus"]
    assert parties("moscow relationship to assad") == ["Moscow", "Assad"]  # typed in lower case


SENTENCES = [
    (0, 0, 0, "The Russian Foreign Ministry described the atmosphere as positive and constructive."),
    (1, 1, 100, "Moscow is Assad's main ally and Russia has encouraged a reconciliation with Türkiye."),
    (2, 2, 50, "Damascus is a staunch ally of Moscow, which intervened in the civil war in 2015."),
]


def test_relation_spans_need_a_sentence_naming_every_party() -> None:
    found = relation_spans("How is Russia's relationship with Assad described?", SENTENCES)
    assert [(r.doc, SENTENCES[r.doc][3][r.start - SENTENCES[r.doc][2]:r.end - SENTENCES[r.doc][2]]) for r in found] \
        == [(1, "main ally")]  # "Moscow" names Russia; the staunch ally sentence names no Assad
    found = relation_spans("What is Moscow's relationship with Damascus?", SENTENCES)
    assert [(r.doc, r.end - r.start) for r in found] == [(2, len("staunch ally"))]  # "Assad" is no "Damascus"


def test_no_relation_for_one_party_or_another_question() -> None:
    assert relation_spans("How is Russia's relationship described?", SENTENCES) == []
    assert relation_spans("Who is Assad's main ally?", SENTENCES) == []


def test_a_relation_question_is_answered_with_the_relation(pipeline) -> None:
    """The reader is pulled to the sentence that says "described"; the relation is stated in
    sentences naming both parties, and cited in each file that states it in those words."""
    answer = pipeline.ask("How is Russia's relationship with Assad described?")
    assert answer.answer == "main ally"
    assert len(answer.citations) >= 2
    for c in answer.citations:
        doc = next(d for d in pipeline.index.docs if d.name == c.source)
        assert doc.text[c.start:c.end] == answer.answer


def test_an_unstated_relation_is_refused(pipeline) -> None:
    assert pipeline.ask("How is Iran's relationship with Saudi Arabia described?").answer is None
    assert pipeline.ask("When did Russia sever its relations with Syria?").answer is None  # a date, not a relation


def test_a_keyword_relation_query_over_the_seeds(pipeline) -> None:
    """A search-box relation query in lower case gets the relation phrase, exactly cited."""
    answer = pipeline.ask("moscow relationship to assad")
    assert answer.answer == "main ally"
    for c in answer.citations:
        assert pipeline.source_text(c.source)[c.start:c.end] == answer.answer


@pytest.mark.parametrize("question, asks", [
    ("Which military alliance does Turkey belong to?", True),
    ("To which military alliance does Turkey belong?", True),
    ("Turkey is a member of which military alliance?", True),
    ("Name the military alliance of which Turkey is a member.", True),
    ("Which alliance is Turkey part of?", True),
    ("Which of the four countries represented in Moscow belongs to NATO?", True),
    ("When did Turkey join NATO?", False),  # another time than the corpus's
    ("Which bloc did Turkey belong to before 1990?", False),
    ("What part of Syria did Turkey send troops to?", False),
])
def test_asks_membership(question: str, asks: bool) -> None:
    assert asks_membership(question) is asks


MEMBERS = [
    (0, 0, 0, "NATO member Türkiye has backed political and armed opposition to Syrian President Bashar Assad."),
    (1, 1, 10, "As a NATO member, Turkey has been a staunch supporter of the opposition."),
    (2, 2, 0, "Kyrgyzstan is a member of the Commonwealth of Independent States, the Shanghai Cooperation "
              "Organisation, the Organisation of Islamic Cooperation and the United Nations."),
]


def _texts(found) -> list[str]:
    return [MEMBERS[r.doc][3][r.start - MEMBERS[r.doc][2]:r.end - MEMBERS[r.doc][2]] for r in found]


def test_the_group_of_the_member_asked() -> None:
    assert _texts(membership_spans("Which military alliance does Turkey belong to?", MEMBERS)) == ["NATO", "NATO"]
    assert _texts(membership_spans("Which military alliance does Ankara belong to?", MEMBERS)) == ["NATO", "NATO"]
    assert _texts(membership_spans("military alliance turkey is a member of", MEMBERS)) == ["NATO", "NATO"]
    # of a list, the one group whose words the question shares; none where it shares none's
    assert _texts(membership_spans("Which Islamic organisation is Kyrgyzstan a member of?", MEMBERS)) \
        == ["Organisation of Islamic Cooperation"]
    assert membership_spans("Which alliance is Kyrgyzstan a member of?", MEMBERS) == []


def test_the_member_of_the_group_asked() -> None:
    assert _texts(membership_spans("Which of the four countries belongs to NATO?", MEMBERS)) == ["Türkiye", "Turkey"]


def test_no_group_for_a_party_no_sentence_makes_a_member() -> None:
    """Syria is named beside "NATO member Türkiye", but not as a member."""
    assert membership_spans("Which alliance does Syria belong to?", MEMBERS) == []
    assert membership_spans("Which alliance does Iran belong to?", MEMBERS) == []


def test_a_group_asked_for_is_no_country_alone() -> None:
    assert answer_form("Which military alliance does Turkey belong to?") == "group"
    assert answer_form("Which Arab League members voted against?") != "group"  # its members are countries
    assert not names_form("Turkey", "group") and not names_form("Moscow", "group")
    assert names_form("NATO", "group") and names_form("the Soviet Union", "group")


def test_a_membership_question_is_answered_with_the_group(pipeline) -> None:
    """The reader is unsure of "NATO" (no sentence says "alliance" or "belong"); the reports say
    "NATO member Turkey" and "As a NATO member, Turkey": the group, cited where it is said."""
    for question in ("Which military alliance does Turkey belong to?", "Turkey belongs to which military alliance?"):
        answer = pipeline.ask(question)
        assert answer.answer == "NATO"
        assert len(answer.citations) >= 2
        for c in answer.citations:
            assert pipeline.source_text(c.source)[c.start:c.end] == "NATO"


def test_no_country_answers_which_alliance(pipeline) -> None:
    """No report says what alliance Syria or Iran belongs to; a country named near is no alliance."""
    for question in ("Which alliance does Syria belong to?", "Which alliance does Iran belong to?"):
        answer = pipeline.ask(question)
        assert answer.answer is None or names_form(answer.answer, "group"), answer.answer


KIN = [
    (0, 0, 0, "Shahzada's father, Hussain Dawood, is chairman of Engro Corporation."),
    (1, 1, 0, "Shahzada Dawood, vice chairman of Engro Corporation, and his son Suleman."),
    (2, 2, 0, "Rush, who was piloting the Titan, was married to Wendy Rush, a descendant of Isidor Straus."),
    (3, 3, 0, "Erdoğan married Emine Gülbaran on 4 July 1978."),
]


def _kin(question: str) -> list[str]:
    return [KIN[r.doc][3][r.start - KIN[r.doc][2]:r.end - KIN[r.doc][2]] for r in kin_spans(question, KIN)]


def test_the_kin_asked_for_beside_whose_kin_it_is() -> None:
    assert _kin("Who is Shahzada Dawood's father?") == ["Hussain Dawood"]
    assert _kin("Who was Stockton Rush's wife?") == ["Wendy Rush"]
    assert _kin("Who was Erdogan's spouse?") == ["Emine Gülbaran"]  # accents do not count
    assert _kin("Who is Suleman's mother?") == []  # no sentence names her
    assert _kin("Who is Hussain Dawood's wife?") == []
    assert _kin("What did Shahzada's father say?") == []  # no kin asked for


"""Second looks: another answer put first where a check confirms it over the reader's best.

The reader's best answer may be a name with another office than the one asked for, the words of
another speaker, part of a list, a capital for its country, a count of another thing, or a date
of another event than the one a report's lead dates. Each look below asks one such question of
the best answer and, where it fails, of the next few: the first that passes takes the best one's
place and its probability (``SecondLook.first_instead``), so the confidence and the refusal judge
the answer given. ``SecondLook.run`` takes the looks in a fixed order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from qa.analysis import F_NOUN, F_NUM, F_PROPN, F_PUNCT, F_VERB
from qa.checks import (ACTION_DEPTH, ASKED_PREPOSITION, ASKS_ACTION, ASKS_NATIONALITY, CLAUSE_AFTER, CLAUSE_MISSED,
                       CLAUSE_SAID, OBJECT_OF, OBJECT_WINDOW, TIME_UNITS, WEEKDAY_NAMES, capital_named,
                       counted_words, said_clause, says_no_more, things_asked, things_listed)
from qa.index import CorpusIndex
from qa.leads import Leads, event_terms
from qa.question import CAPITALISED, MONTH_NAMES, Question
from qa.reading import (ACCEPT, FEATURE_ID, LISTED_WORDS, Candidate, Reading, answer_features, pool_key,
                        unknown_fraction)
from qa.roles import (NAME_PARTICLES, Titles, countries_named, country_of, country_of_whole, holds_asked_office,
                      same_country)
from qa.text import LIST_SEPARATOR, content_stems, stem
from qa.tidy import span_tokens
from qa.verify import Verifier

# Where the best answer cannot be right, how many of the best (itself included) are looked through for
# one that can, and the least share of its probability that one must hold (chosen on the read news sets:
# 3 and 0.3 refused one unanswerable question more than 4 and 0.2, for the same answers)
MISMATCH_DEPTH = 3
MISMATCH_SHARE = 0.3
# How many answers ``_main_event_date`` looks through for the date a report's lead gives its event
# (``Reader.run``'s ``event_depth``; the pipeline's re-reading of the leads looks further).
EVENT_DEPTH = 10
# A name the question gives that at most this many files use is what the question is about
# ("Who is head coach of the Rouen Baseball 76?", "When was Dodger Stadium built?"): an answer
# from a file that never uses it is about something else where another of the best answers'
# passages uses it (``SecondLook.of_subject_asked``). On the public held-out sets (761 TyDi articles,
# one per file) names of at most 3 files, less countries' (an article about a place seldom repeats
# its country: "the largest parrot in New Zealand"), gave 3 exact answers more and none fewer;
# every name in any number of files 9 answers better and 10 worse (docs/quality.md, "Session 37").
SUBJECT_FILES = 3
# The share of the belief the parts of a list must hold together for the whole list to be given
# to "Which countries ...?" instead of its best part (``SecondLook._whole_list``).
LIST_SUPPORT = 0.5
# A day, a month, a year, a decade or a century (not a length: "12 years", "more than a decade")
_NAMES_DATE = re.compile(rf"\b(?:{WEEKDAY_NAMES}|{MONTH_NAMES}|\d+(?:st|nd|rd|th)|today|yesterday"
                         r"|\d{2,4}s?(?!\s*(?:years?|months?|weeks?|days?|decades?|centuries|hours?|minutes?)\b))\b",
                         re.IGNORECASE)


def _rare_words(texts: list[str]) -> dict[str, frozenset[int]]:
    """The files that use each capitalised word that at most ``SUBJECT_FILES`` files use."""
    files: dict[str, set[int]] = {}
    for doc, text in enumerate(texts):
        for w in set(CAPITALISED.findall(text)):
            files.setdefault(w, set()).add(doc)
    return {w: frozenset(docs) for w, docs in files.items() if len(docs) <= SUBJECT_FILES}


class SecondLook:
    """The looks, over one corpus; ``refuses`` is the reader's refusal (a refused reading is left
    as it is by ``of_subject_asked``)."""

    def __init__(self, index: CorpusIndex, titles: Titles, leads: Leads, verifier: Verifier,
                 lower_words: frozenset[str], refuses: Callable[[Reading], bool]) -> None:
        self.index = index
        self.titles = titles
        self.leads = leads
        self.verifier = verifier
        self.refuses = refuses
        self._texts = [d.text for d in index.docs]
        self._lower_words = lower_words  # every word the corpus writes in lower case (those it never does are names)
        self._rare_words = _rare_words(self._texts)  # the files of each capitalised word few files use

    def run(self, q: Question, reading: Reading, event_depth: int = EVENT_DEPTH) -> Reading:
        """The reading with the answer each look confirms put first, the looks in turn."""
        if not reading.groups:
            return reading
        if q.office is not None:
            reading = self._holder_of_asked_office(q, reading)
        if q.expected == "PERSON" and (clause := said_clause(q.text)):
            reading = self._speaker_of_clause(q, reading, clause)
        if ASKS_ACTION.search(q.text):
            reading = self._action_first(q, reading)
        if asked := ASKED_PREPOSITION.match(q.text):
            reading = self._object_of_asked_preposition(q, reading, asked.group(1).lower())
        if q.form == "quantity" and (counted := counted_words(q.text)):
            reading = self._count_of_asked_thing(q, reading, {stem(w) for w in counted})
        if asked_many := things_asked(q.text):
            reading = self._as_many_as_asked(q, reading, asked_many)
        elif q.number == "many":
            reading = self._whole_list(q, reading)
        if q.form == "country":
            reading = self._country_of_capital(q, reading)
        if ASKS_NATIONALITY.search(q.text):
            reading = self._nationality_alone(q, reading)
        if q.expected == "DATE" and q.unit != "duration":
            reading = self._main_event_date(q, reading, event_depth)
        # "When was COVID-19 declared an emergency?" -> not the day it was "no longer" one
        reading = self._first_that(q, reading,
                                   lambda members: not says_no_more(q.text, self.verifier.sentence(members[0])))
        reading = self.of_subject_asked(q, reading)
        if reading.mismatch:
            reading = self._next_that_can(q, reading)
        return reading

    def _speaker_of_clause(self, q: Question, reading: Reading, clause: list[str], depth: int = 10) -> Reading:
        """Where the best answer's sentence (and the ``CLAUSE_AFTER`` after it) holds under
        ``CLAUSE_MISSED`` of the words "Who said that ...?" quotes, and another answer's among
        the ``depth`` best holds ``CLAUSE_SAID`` of them, put that one first, as
        ``first_instead`` does. "Syria’s Foreign Minister Faisal Mekdad ... 'despite all the
        negatives of the past years'" does not answer "Who said that the two could put the past
        behind them?"; "Hossein Amir-Abdollahian said ... 'these two countries can put the past
        behind them,' he said" does."""
        clause_set = set(clause)

        def held(members: list[Candidate]) -> float:
            """The most of the clause's words one of the answer's first mentions holds."""
            return max(len(clause_set & set(content_stems(self.verifier.window(c, 0, CLAUSE_AFTER))))
                       for c in members[:3]) / len(clause_set)

        if held(reading.groups[0][1]) >= CLAUSE_MISSED:
            return reading
        for k, (_, members) in enumerate(reading.groups[1:depth], start=1):
            if held(members) >= CLAUSE_SAID:
                return self.first_instead(q, reading, k)
        return reading

    def _action_first(self, q: Question, reading: Reading) -> Reading:
        """Where a question asks what someone did or can do ("What can Syria and Turkey do about
        the past?") and the best answer does not open with a verb ("the past behind them ..."),
        put first the best of the ``ACTION_DEPTH`` best that does ("put the past behind them
        ..."), as ``first_instead`` does."""
        def opens_with_verb(members: list[Candidate]) -> bool:
            toks = span_tokens(self.index, members[0], members[0].start, members[0].end)
            return bool(toks) and bool(self.index.analysis.tok_flags[toks[0]] & F_VERB)

        return self._first_that(q, reading, opens_with_verb)

    def _first_that(self, q: Question, reading: Reading, holds: Callable[[list[Candidate]], bool],
                    depth: int = ACTION_DEPTH) -> Reading:
        """The reading as it is where its best answer ``holds``, else with the first of the
        ``depth`` best that does put first (``first_instead``), if any."""
        if holds(reading.groups[0][1]):
            return reading
        for k, (_, members) in enumerate(reading.groups[1:depth], start=1):
            if holds(members):
                return self.first_instead(q, reading, k)
        return reading

    def _next_that_can(self, q: Question, reading: Reading) -> Reading:
        """Where the best answer cannot be right (``Reading.mismatch``), the first of the next
        ``MISMATCH_DEPTH`` that can and is a date or a number where one is asked, put first with
        its own probability (no belief passes to it), so that the floor and the answerability
        judge it as it is."""
        p0 = reading.groups[0][0]
        # a date or a number where one is asked (not "pending" for "When will ...?"); the tagger
        # misses too many rare names to ask the same of a person or a place ("Pujato")
        accepted = [FEATURE_ID[f"x:{q.expected}:{t}"] for t in ACCEPT.get(q.expected, ()) if t in ("DATE", "NUM")]
        for k, (pk, members) in enumerate(reading.groups[1:MISMATCH_DEPTH], start=1):
            if pk < MISMATCH_SHARE * p0:
                break
            if accepted and not reading.features[members[0].row, accepted].any():
                continue
            if not (why := self.verifier.mismatch(q, members, reading.features)):
                groups = [reading.groups[k], *reading.groups[:k], *reading.groups[k + 1:]]
                features = answer_features(reading.features, groups, q.expected, unknown_fraction(q, self.index),
                                           reading.nn_best)
                return replace(reading, groups=groups, answer_features=features, mismatch=why)
        return reading

    def _object_of_asked_preposition(self, q: Question, reading: Reading, preposition: str) -> Reading:
        """Where "With whom ...?" is best answered by the object of a "with" that follows no word
        of the question ("made up with former rivals") and another answer among the
        ``ACTION_DEPTH`` best follows one that does ("a presidential summit with Assad"), put that
        one first, as ``first_instead`` does."""
        asked = set(q.stems)
        after = OBJECT_OF[preposition]

        def governed(members: list[Candidate]) -> bool:
            """Whether one of the answer's first mentions is the object of such a preposition."""
            for c in members[:3]:
                m = after.search(self._texts[c.doc][max(0, c.start - OBJECT_WINDOW) : c.start])
                if m and asked.intersection(content_stems(m.group("words"))):
                    return True
            return False

        return self._first_that(q, reading, governed)

    def _thing_counted(self, c: Candidate) -> str | None:
        """The stem of the common noun right after a number ("goal" for the "seven" of "seven
        goals"), past words of magnitude ("7 million deaths") and a hyphen ("four-way"); None
        where no noun follows in the sentence ("seven in all", "3.5 million Syrian refugees")."""
        a, text = self.index.analysis, self._texts[c.doc]
        for t in range(int(a.sent_tok[c.sentence]), int(a.sent_tok[c.sentence + 1])):
            if int(a.tok_start[t]) < c.end:
                continue
            word = text[a.tok_start[t] : a.tok_end[t]]
            if word == "-" or word.lower() in _MAGNITUDES:
                continue
            flags = int(a.tok_flags[t])
            return stem(word.lower()) if flags & F_NOUN and not flags & F_PROPN else None
        return None

    def _count_of_asked_thing(self, q: Question, reading: Reading, asked: set[str]) -> Reading:
        """Where "How many assists ...?" is best answered by a number of another thing (the
        "seven" of "seven goals and three assists") and another answer among the
        ``ACTION_DEPTH`` best is one number of the asked thing in the same passage ("three"), put
        that one first, as ``first_instead`` does. Not for a unit of time ("How many years ...?"
        -> "two decades"), nor for people at large ("How many people speak French?" -> "more than
        600,000 francophones"), nor where the best answer's first mention counts nothing named."""
        if asked & (TIME_UNITS | _ANYONE):
            return reading
        best = reading.groups[0][1]
        things = [self._thing_counted(c) for c in best[:3]]
        if things[0] is None or asked.intersection(things):
            return reading
        passages = {c.passage for c in best}
        a = self.index.analysis

        def counts_asked(members: list[Candidate]) -> bool:
            """Whether one of the answer's first mentions is one number, of the asked thing."""
            return any(c.passage in passages and self._thing_counted(c) in asked
                       and sum(bool(a.tok_flags[t] & F_NUM) for t in span_tokens(self.index, c, c.start, c.end)) == 1
                       for c in members[:3])

        return self._first_that(q, reading, counts_asked)

    def _as_many_as_asked(self, q: Question, reading: Reading, asked: int) -> Reading:
        """Where "Which three countries ...?" is best answered by fewer things ("Russian") and
        another answer among the ``ACTION_DEPTH`` best lists as many as asked ("Russian, Syrian
        and Turkish"), put that one first, as ``first_instead`` does."""
        def listed(members: list[Candidate]) -> int:
            c = members[0]
            return things_listed(self._texts[c.doc][c.start : c.end])

        if listed(reading.groups[0][1]) >= asked:
            return reading
        return self._first_that(q, reading, lambda members: listed(members) == asked)

    def _whole_list(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where "Which countries took part?" (several things, no count) is best answered by part
        of a list of names (proper nouns: not "defense ministers and intelligence chiefs", whose
        kinds of official "Which officials ...?" does not all ask for, nor "Currently, ELISA and
        IFA") such as "Turkey and Syria" that another answer among the ``depth`` best
        gives whole ("Türkiye, Syria, Russia and Iran"), and the answers that are parts of that
        list ("Russia and Iran", "Turkey") hold at least ``LIST_SUPPORT`` of the belief together,
        put the whole list first, as ``first_instead`` does: the reader's belief spread over the
        parts of one list is belief in the list."""
        a = self.index.analysis

        def items(members: list[Candidate]) -> frozenset[str] | None:
            c = members[0]
            parts = [p for p in LIST_SEPARATOR.split(self._texts[c.doc][c.start : c.end]) if p.strip()]
            if any(len(p.split()) > LISTED_WORDS for p in parts) or not all(
                    a.tok_flags[t] & (F_PROPN | F_PUNCT) or self._texts[c.doc][a.tok_start[t] : a.tok_end[t]].lower()
                    in _LIST_WORDS for t in span_tokens(self.index, c, c.start, c.end)):
                return None
            return frozenset(pool_key(p) for p in parts)

        listed = [(score, items(members)) for score, members in reading.groups[:depth]]
        top = listed[0][1]
        if top is None:
            return reading
        best_k, best_support = 0, 0.0
        for k, (_, whole) in enumerate(listed[1:], start=1):
            if whole is None or len(whole) <= len(top) or not top <= whole:
                continue
            support = sum(score for score, part in listed if part is not None and part <= whole)
            if support >= LIST_SUPPORT and support > best_support:
                best_k, best_support = k, support
        return self.first_instead(q, reading, best_k) if best_k else reading

    def _country_of_capital(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where "Which country hosted the talks?" is best answered by a capital ("Moscow", which
        news writes for its government) and the capital's country ("Russia") is among the
        ``depth`` best answers, put the country first, as ``first_instead`` does."""
        best = reading.groups[0][1][0]
        country = capital_named(self._texts[best.doc][best.start : best.end])
        if not country:
            return reading

        def is_country(members: list[Candidate]) -> bool:
            c = members[0]
            return same_country(self._texts[c.doc][c.start : c.end]) == country

        return self._first_that(q, reading, is_country, depth)

    def _nationality_alone(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where "What nationality was the referee?" is best answered by words that name a
        country among others ("Szymon Marciniak of Poland"), put first the best of the ``depth``
        best that is a country's name or adjective alone ("Poland", "Polish"), as
        ``first_instead`` does. A best answer that names no country is left to the reader: the
        list of countries' adjectives is not every nationality's."""
        best = reading.groups[0][1][0]
        span = self._texts[best.doc][best.start : best.end]
        if not country_of(span) or country_of_whole(span):
            return reading

        def alone(members: list[Candidate]) -> bool:
            c = members[0]
            return bool(country_of_whole(self._texts[c.doc][c.start : c.end]))

        return self._first_that(q, reading, alone, depth)

    def _main_event_date(self, q: Question, reading: Reading, depth: int) -> Reading:
        """Where "When ...?" asks in words that all stand in a report's lead (its first
        ``LEAD_SENTENCES``) about the event that lead dates, and the best answer is
        no date of a lead, put first the best answer among the ``depth`` best that is one, as
        ``first_instead`` does: "When did the ministers meet in Moscow?" -> "Wednesday", not the
        "late last month" of the defense ministers' meeting. A word the lead lacks ("When did
        the defense ministers meet?") leaves the reading as it is. A best answer that is such a
        date, for any question asking a date, is confirmed by the lead (``Reading.event_dated``);
        only "When ...?" has another answer put first: a Wikipedia article's lead ("What year was
        Vietnam colonized by the French?") tells of more than one time."""
        terms = set(event_terms(q))

        def lead_dates(members: list[Candidate]) -> list[Candidate]:
            return [c for c in members if self._lead_date(reading, c) and self.leads.holds_all(terms, c.doc)]

        if not terms:
            return reading
        if lead_dates(reading.groups[0][1]):
            return replace(reading, event_dated=True)
        if q.wh != "when" or all(self._lead_date(reading, c) for c in reading.groups[0][1]):
            return reading
        for k, (_, members) in enumerate(reading.groups[1:depth], start=1):
            if lead_dates(members):
                return self.first_instead(q, reading, k, event_dated=True)
        return reading

    def reports_event(self, q: Question, passage: int) -> bool:
        """Whether ``passage`` holds the lead of its report and that lead holds every word of
        what "When ...?" asks about (``qa.leads.event_terms``): the passage that dates the event the
        report is about, which ``_main_event_date`` puts first."""
        doc = int(self.index.pass_doc[passage])
        first, last = self.leads.sentences(doc)
        terms = set(event_terms(q))
        return bool(terms) and last > first \
            and int(self.index.pass_sent_lo[passage]) <= first < int(self.index.pass_sent_hi[passage]) \
            and self.leads.holds_all(terms, doc)

    def dates_lead(self, reading: Reading) -> bool:
        """Whether the best answer is a date in a report's lead (``_main_event_date``'s choice)."""
        return bool(reading.groups) and any(self._lead_date(reading, c) for c in reading.groups[0][1])

    def _lead_date(self, reading: Reading, c: Candidate) -> bool:
        """Whether ``c`` is a date in its report's lead that names a day, a month or a year: not
        a length ("after more than a decade of isolation") nor a habit ("monthly")."""
        return reading.features[c.row, FEATURE_ID["x:DATE:DATE"]] > 0 and self.leads.holds_sentence(c.doc, c.sentence) \
            and bool(_NAMES_DATE.search(self._texts[c.doc][c.start : c.end]))

    def first_instead(self, q: Question, reading: Reading, k: int, **changes) -> Reading:
        """The reading with its ``k``-th answer first: the two trade their probabilities (the
        reader's belief in its first answer passes to the one a check confirms), and the new
        first is described for the confidence by its own features."""
        (p0, first), (pk, other) = reading.groups[0], reading.groups[k]
        groups = [(p0, other), *reading.groups[1:k], (pk, first), *reading.groups[k + 1:]]
        features = answer_features(reading.features, groups, q.expected, unknown_fraction(q, self.index),
                                   reading.nn_best)
        return replace(reading, groups=groups, answer_features=features,
                       mismatch=self.verifier.mismatch(q, groups[0][1], reading.features), **changes)

    def _holder_of_asked_office(self, q: Question, reading: Reading, depth: int = 10) -> Reading:
        """Where the best answer is not titled with the office the question asks for (it holds
        another: "Who is Turkey's president?" -> "Bashar al-Assad", titled Syrian president; or
        it has no title: "Who represented Syria?" -> "Türkiye"), put first the next answer among
        the ``depth`` best that the corpus titles with the asked office, if any. The two trade
        their probabilities: the reader's belief that its first answer is the person asked for
        passes to the one the titles confirm, which is then described for the confidence by its
        own features (its sentence, its passage, its agreement across files)."""
        for k, (_, members) in enumerate(reading.groups[:depth]):
            c = members[0]
            if holds_asked_office(self.titles, q.office, self._texts[c.doc][c.start : c.end]):
                if k == 0:
                    return replace(reading, office_confirmed=True)
                return self.first_instead(q, reading, k, office_confirmed=True)
        return reading

    def subject_names(self, q: Question) -> frozenset[str]:
        """The names the question gives (words the corpus writes only capitalised, after its first)
        that few files use (``SUBJECT_FILES``) and that name no country: what it is about."""
        return frozenset(w for w in CAPITALISED.findall(q.text, 1) if len(w) > 1 and w in self._rare_words
                         and w.lower() not in self._lower_words and not countries_named(w))

    def of_subject_asked(self, q: Question, reading: Reading, depth: int = ACTION_DEPTH) -> Reading:
        """Where no file of the best answer uses a name the question is about (``subject_names``)
        and the passage of one of the ``depth`` best does, put that one first (``first_instead``):
        "When was Dodger Stadium built?" -> not "2000" from another stadium's article. A refusal is
        left as it is: the passage that names the subject may still not answer."""
        names = self.subject_names(q)
        if not names or self.refuses(reading):
            return reading
        if any(c.doc in self._rare_words[w] for w in names for c in reading.groups[0][1]):
            return reading
        ix, texts = self.index, self._texts

        def names_subject(members: list[Candidate]) -> bool:
            return any(not names.isdisjoint(CAPITALISED.findall(texts[c.doc], ix.pass_start[c.passage],
                                                                ix.pass_end[c.passage])) for c in members)

        return self._first_that(q, reading, names_subject, depth)


# People at large, whom a number of any kind of people counts ("600,000 francophones")
_ANYONE = frozenset(stem(w) for w in "people persons individuals humans inhabitants residents".split())
# Words of magnitude between a number and what it counts ("7 million deaths")
_MAGNITUDES = frozenset("hundred hundreds thousand thousands million millions billion billions trillion".split())

# Besides proper nouns, the words a list of names may hold ("Bashar al-Assad", "Russia and Iran",
# "StarCraft and World of Warcraft")
_LIST_WORDS = frozenset(("and", "or", "-", "of", *NAME_PARTICLES))

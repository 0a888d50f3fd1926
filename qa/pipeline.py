"""The question-answering pipeline: encode once, retrieve, read, cite."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from functools import cached_property, reduce
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from qa.affiliations import affiliation_spans, asks_affiliation
from qa.analysis import TYPE_ID
from qa.answer import NOT_FOUND, YES_NO, Answer, Citation, Passage
from qa.casing import Casing
from qa.encoder import Encoder, load_encoder
from qa.index import CorpusIndex, open_index
from qa.layout import Found, Layout
from qa.found import FoundSpan
from qa.lexical import bm25_scores
from qa.nationality import asks_country_of, country_spans
from qa.question import Question, analyse_question, check_question
from qa.quotes import asks_quote, quote_spans, said_spans
from qa.read import Reader
from qa.reasons import asks_reason, reason_spans
from qa.reading import FEATURE_ID, FEATURES, Reading
from qa.relations import asks_relation, kin_spans, membership_spans, relation_spans
from qa.retrieve import Hit, HybridRetriever
from qa.roles import (TitleSpan, bare_name, capital_of, countries_named, country_of, defined_name, describe,
                      holds_asked_office)
from qa.scores import asks_score, score_spans
from qa.span import SpanScorer
from qa.spelling import Speller
from qa.text import content_stems
from qa.tidy import (drop_described_noun, drop_title, excepted_conjunct, first_action, in_asked_unit, tidy_span,
                     with_asked_noun, with_countries_served, with_quantified_noun, without_counted_noun)

# Passages read (span head + candidates), whatever top_k the caller wants back; the leads of
# ``qa.retrieve`` beyond them are read too.
READ_DEPTH = 3
# A weak reading of the first READ_DEPTH passages (refused, or confidence under DEEP_TRUST) is
# read again over DEEP_READ_DEPTH: the answer is sometimes in the fourth to seventh passage ("Why
# did Turkey send its troops into northern Syria?", and paraphrased questions, whose words the
# lexical ranking misses: 7 rather than 5 since session 20). The deeper reading is kept only
# when it is confident itself: more passages also hold more tempting spans for unanswerable
# questions. A first reading under 0.45 is weak (0.3 until session 20).
DEEP_READ_DEPTH = 7
DEEP_TRUST = 0.45
# ... and the first DEEP_DENSE of the dense ranking wherever fusion put them: a paraphrase shares
# no word with its answer's passage ("When did Turkey cut ties with Damascus?" against "Turkey
# severed its relations with Syria in March 2012"), so the lexical ranking sinks a passage the
# encoder ranks third. Five rather than three: read sets +2 more; seven gained one more read
# answer and lost a blind one (docs/quality.md, "Session 23").
DEEP_DENSE = 5
SUPPORT_DEPTH = 10  # passages searched for other files stating the chosen answer
CITED_FILES = 10  # the most files an answer cites: on a large corpus a common answer is stated in hundreds
# Passages searched for the titled holder of an asked office when the reading finds none: the
# title may stand far from the question's words ("Who currently serves as Turkey's head of
# state?" -> "Turkish President Recep Tayyip Erdogan", in a passage about the summit).
HOLDER_DEPTH = 30
LEAD_FILES = 3  # the most leads of retrieved files read for "When ...?" about the event they report
# ... and of that reading's answers, how many are looked through for a date those leads give
# (``SecondLook._main_event_date``; ``second_look.EVENT_DEPTH`` for any other reading): the leads were read because they
# hold every word of the question, while the passages read first may date another event in the
# same words so firmly that a lead's "Wednesday" ranks far below ("When were the talks held?"
# -> not the "December" of "defense ministers had also held talks in Moscow in December").
LEAD_EVENT_DEPTH = 100
# An office held at another time than the corpus's ("Who was Turkey's foreign minister when
# Ankara cut ties in 2012?"): the titles the corpus gives are those of its own day.
_ANOTHER_TIME = re.compile(r"\b(?:when|before|after|until|since|former|formerly|previous|previously|prior|earlier"
                           r"|(?:in|by|from)\s+\d{4})\b", re.IGNORECASE)
# Answers read off the corpus's titles ("Who is X?" -> X's title; "Who is Turkey's top
# diplomat?" -> the name titled so): one file, or two or more agreeing (fixed, not calibrated:
# no gold set holds enough such questions; the page-furniture answers use the same two values).
TITLE_CONFIDENCE = (0.6, 0.9)
# A reading weaker than this yields to a relation phrase (``qa.relations``) for "How is X's
# relationship with Y described?" or "What is ...?" (not "When did Russia sever its relations ...?").
RELATION_TRUST = 0.3


_NAME_WORD = re.compile(r"(?<![\w'’-])(?-i:[A-Z])[\w’'.-]*")


def granted_names(granted: str) -> list[tuple[str, str]]:
    """The names a granted clause takes as given, each with the country it is or qualifies
    ("" for any other name, a capital too: "Moscow" is where, not Russia): its capitalised words
    but the first, parts of a hyphenated word apart ("Saudi-Iranian"), possessives dropped."""
    out = []
    for k, m in enumerate(_NAME_WORD.finditer(granted)):
        for part in m.group().split("-"):
            part = re.sub(r"['’]s$", "", part).rstrip(".")
            if k and part[:1].isupper():
                out.append((part, "" if capital_of(part) else country_of(part)))
    return out


def _site_name(url: str) -> str:
    """The name of a link's site ("https://www.themoscowtimes.com/..." -> "themoscowtimes")."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    parts = [p for p in host.split(".") if p != "www"]
    return parts[-2] if len(parts) >= 2 else "".join(parts)


class Pipeline:
    """Retriever and reader over one loaded index; safe to share between threads."""

    def __init__(self, index: CorpusIndex, encoder: Encoder, spans: SpanScorer | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.retriever = HybridRetriever(index, lead_rank=READ_DEPTH)
        self.layout = Layout([d.text for d in index.docs], [d.name for d in index.docs], self._is_person,
                             index.cleans)
        page_dates = [(p.doc, p.start, p.end) for p in self.layout.pieces if p.kind == "date"]
        self.reader = Reader(index, spans=spans if spans is not None else SpanScorer(), page_dates=page_dates)
        self._encode_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        corpus_dir: Path,
        index_dir: Path,
        rebuild: bool = False,
        progress: bool = False,
        log: Callable[[str], None] = lambda msg: None,
        encoder: Encoder | None = None,
        backend: str | None = None,
    ) -> Pipeline:
        """Load (building or refreshing when needed) the index of ``corpus_dir``, with the
        given encoder or else the one of ``backend`` (see ``qa.encoder.load_encoder``)."""
        encoder = encoder or load_encoder(backend, log)
        index, _ = open_index(Path(corpus_dir), Path(index_dir), encoder, rebuild, progress, log)
        return cls(index, encoder)

    @cached_property
    def _speller(self) -> Speller:
        """The corpus's words, for a question typed with a slip ("What did Mikdad say?")."""
        return Speller(d.text for d in self.index.docs)

    @cached_property
    def _casing(self) -> Casing:
        """The corpus's spellings of its names, for a question typed in lower case: its words,
        the names in its bylines, credits and source lines, and its links' site names."""
        texts = [d.text for d in self.index.docs]
        furniture = [texts[p.doc][p.start:p.end] for p in self.layout.pieces
                     if p.kind in ("byline", "credit", "source")]
        hosts = [_site_name(texts[p.doc][p.start:p.end]) for p in self.layout.pieces if p.kind == "url"]
        return Casing(texts, furniture, hosts)

    def _typed_as_written(self, question: str) -> str:
        """``question`` with its slips mended and its lower-case names in the corpus's capitals
        ("what did mikdad say" -> "what did Mekdad say")."""
        return self._casing.restore(self._speller.respell(question))

    def _titled(self, word: str) -> bool:
        """Whether the corpus titles ``word`` as someone ("Mekdad": "Syria's Foreign Minister
        Faisal Mekdad"): whom a question's "he" may stand for."""
        return bool(self.reader.titles(word))

    @property
    def documents(self) -> list[tuple[str, int]]:
        return [(d.name, d.size) for d in self.index.docs]

    def source_text(self, name: str) -> str | None:
        """Raw text of a corpus file by its name, or None for any other name."""
        i = self.index.doc_by_name.get(name)
        return None if i is None else self.index.docs[i].text

    def read(self, question: str, top_k: int = 5,
             timings: dict[str, float] | None = None) -> tuple[Question, list[Hit], Reading]:
        """Retrieve and read: the question analysed, the passages and the scored candidates.
        ``timings``, if given, receives the milliseconds of each stage (for benchmarks). A
        question with nothing to find ("who?", "what is the", "ok": no content word) is
        neither encoded nor searched: no passages, no candidates. A weak first reading is read
        again deeper (``DEEP_READ_DEPTH``), and a "When ...?" about the event the reports' leads
        tell is read with those leads (``LEAD_FILES``; the leads' timings are not counted)."""
        try:
            text = check_question(question)
        except ValueError as exc:
            raise ValueError(f"question {exc}") from None
        if top_k < 1:
            raise ValueError("top_k must be at least 1")
        t0 = time.perf_counter()
        q = analyse_question(text, self._typed_as_written, self._titled)
        if not q.stems:
            return q, [], Reading([], np.zeros((0, len(FEATURES)), np.float32), [])
        with self._encode_lock:
            q_vec = self.encoder.encode([q.searched])[0]
        if timings is not None:
            timings["encode"] = (time.perf_counter() - t0) * 1e3
        holder = self._asks_holder(q)
        depth = max(top_k, READ_DEPTH, SUPPORT_DEPTH, HOLDER_DEPTH if holder else 0)
        hits = self.retriever.run(q_vec, q.stems, depth, timings, q.searched)
        # The first READ_DEPTH fused passages, and the first of either ranking if fusion put it
        # lower; not for an office's holder, searched for over HOLDER_DEPTH passages (``ask``).
        read = hits[:READ_DEPTH] + ([] if holder else [h for h in hits[READ_DEPTH:] if h.lead])
        reading = self.reader.run(q, q_vec, read, timings)
        if len(hits) > READ_DEPTH and not self._trusted(reading) and not holder:
            deep_timings: dict[str, float] = {}
            deep = hits[:DEEP_READ_DEPTH]
            deep += [h for h in sorted(hits, key=lambda h: -h.dense)[:DEEP_DENSE] if h not in deep]
            deeper = self.reader.run(q, q_vec, deep, deep_timings, reuse=reading)
            if timings is not None:
                for stage, ms in deep_timings.items():
                    timings[stage] = timings.get(stage, 0.0) + ms
            if self._trusted(deeper):
                reading, read = deeper, deep
        # "When was the meeting held?": the reports' own event, dated by their leads, whose
        # passages the question's few words did not rank among those read
        looks = self.reader.second_look
        if q.wh == "when" and q.expected == "DATE" and not holder and not looks.dates_lead(reading):
            read_ids = {h.passage for h in read}
            by_passage = {h.passage: h for h in hits}
            files = dict.fromkeys(int(self.index.pass_doc[h.passage]) for h in hits)  # best ranked first
            leads = [by_passage.get(p) or Hit(p, len(hits) + k, 0.0, 0.0, 0.0)
                     for k, p in enumerate(self.reader.leads.passage(d) for d in files)
                     if p is not None and p not in read_ids and looks.reports_event(q, p)][:LEAD_FILES]
            if leads:
                led = self.reader.run(q, q_vec, read + leads, None, reuse=reading, event_depth=LEAD_EVENT_DEPTH)
                if looks.dates_lead(led):
                    reading = led
        return q, hits, reading

    @staticmethod
    def _asks_holder(q: Question) -> bool:
        """Whether the question asks who holds an office: ``ask`` then looks for the titled
        holder among the passages beyond those read, and names them in full."""
        return q.office is not None and q.expected == "PERSON" and q.form != "polar"

    def _trusted(self, reading: Reading) -> bool:
        """Whether a reading answers with a confidence of at least ``DEEP_TRUST``."""
        return not self.reader.refuses(reading) and self.reader.confidence(reading) >= DEEP_TRUST

    def ask(self, question: str, top_k: int = 5, timings: dict[str, float] | None = None) -> Answer:
        """Answer one question with an exact span of a corpus file, or None."""
        return self.answer(question, *self.read(question, top_k, timings), top_k=top_k)

    def answer(self, question: str, q: Question, hits: list[Hit], reading: Reading, top_k: int = 5) -> Answer:
        """The answer to ``question`` from what ``read`` returned for it, so that a caller who
        looks at the reading too (tests, tools) does not read the question twice."""
        ix = self.index
        if not q.stems:  # "who?", "what is the", "ok": nothing asked about, nothing was read
            return Answer(question, None, 0.0, [], [], NOT_FOUND)
        passages = [
            Passage(ix.docs[ix.pass_doc[h.passage]].name, int(ix.pass_start[h.passage]),
                    int(ix.pass_end[h.passage]), ix.passage_text(h.passage), round(h.score, 4))
            for h in hits[:top_k]
        ]
        doc_rank: dict[int, int] = {}
        for h in hits:
            doc_rank.setdefault(int(ix.pass_doc[h.passage]), h.rank)
        # "Who is second from the left in the photo?": counted along a left-to-right caption
        if (found := self.layout.position(q.text, doc_rank)) is not None:
            return self._furniture_answer(question, q, found, passages)
        if q.furniture and (found := self.layout.answer(q.text, q.furniture, doc_rank)) is not None:
            return self._furniture_answer(question, q, found, passages)
        if (name := defined_name(q.text) or bare_name(q.text)) is not None:
            titles, files = describe(self.reader.titles.texts, name)
            if titles:
                return self._definition(question, titles, files, passages)
        if self._asks_holder(q) and not reading.office_confirmed and not _ANOTHER_TIME.search(q.text):
            names = list(self._person_names(hits[READ_DEPTH:HOLDER_DEPTH]))
            holder = self._titled_holder(q, names)
            if holder is not None:
                return self._holder_answer(question, holder, names, passages)
        if asks_quote(q.text) and (found := quote_spans(q.text, list(self._sentences(hits[:SUPPORT_DEPTH])))):
            return self._spans_answer(question, q, [f for f in found if f.words == found[0].words], passages)
        # "What was the score at half-time?" -> "2-0"; "half time score" is read as "the half score"
        if (asks_score(q.text) or asks_score(question)) \
                and (found := score_spans(q.text, list(self._sentences(hits[:SUPPORT_DEPTH])))):
            return self._spans_answer(question, q, found, passages)
        # "What company does Adam D'Angelo run?" -> the "Quora" of "Quora CEO Adam D'Angelo"
        if q.form != "polar" and asks_affiliation(q.searched) \
                and (found := affiliation_spans(q.searched, list(self._sentences(hits[:SUPPORT_DEPTH])))):
            return self._spans_answer(question, q, found, passages)
        # "Which country does Mekdad represent?" -> the country of "Syrian Foreign Minister Faisal Mekdad"
        if asks_country_of(q.searched) and (found := country_spans(
                q.searched, self.reader.titles, list(self._sentences(hits[:SUPPORT_DEPTH])))):
            return self._spans_answer(question, q, found, passages)
        confidence = self.reader.confidence(reading)
        refused = self.reader.refuses(reading)
        if (refused or confidence < RELATION_TRUST) and (found := self._related_spans(q, hits[:SUPPORT_DEPTH])):
            return self._spans_answer(question, q, found, passages)
        # "Why will Activision games not land on Game Pass until 2024?" -> the "the time needed to get the
        # catalogue ready" of "... until sometime in 2024, because of the time needed to get the catalogue ready"
        if (refused or confidence < RELATION_TRUST) and asks_reason(q.searched) \
                and (found := reason_spans(q.searched, list(self._sentences(hits[:SUPPORT_DEPTH])))):
            return self._spans_answer(question, q, found, passages)
        # "What did Turkey's foreign minister stress in his tweet?" -> the quotation of "Turkish Foreign
        # Minister Mevlut Cavusoglu stressed the need for “cooperation in the fight against terrorism ...”"
        if (refused or confidence < RELATION_TRUST) \
                and (found := said_spans(q.text, self.reader.titles, list(self._sentences(hits[:SUPPORT_DEPTH])),
                                         ix.rarity)):
            return self._spans_answer(question, q, [f for f in found if f.words == found[0].words], passages)
        if refused or q.granted and not self._granted_holds(q.granted, hits[:SUPPORT_DEPTH]):
            return Answer(question, None, round(confidence, 4), [], passages,
                          YES_NO if q.form == "polar" else NOT_FOUND)
        members = self.reader.answer_members(reading)
        spans = [tidy_span(ix.docs[c.doc].text, c.start, c.end, q.text) for c in members]
        if q.expected == "PERSON":
            spans = [with_countries_served(ix.docs[c.doc].text, *drop_title(ix, c, *span), q.text)
                     for c, span in zip(members, spans)]
        spans = [first_action(ix, c, *drop_described_noun(ix, c, *span, q.text), q.text)
                 for c, span in zip(members, spans)]
        spans = [without_counted_noun(ix, c, *with_quantified_noun(ix, c, *with_asked_noun(ix, c, *span, q.text),
                                                                   q.text), q.text)
                 for c, span in zip(members, spans)]
        spans = [in_asked_unit(ix.docs[c.doc].text, *span, q.text) for c, span in zip(members, spans)]
        answer = ix.docs[members[0].doc].text[spans[0][0] : spans[0][1]]
        citations: list[Citation] = []
        cited_docs: set[int] = set()
        # The file whose sentence shares most words with the question first, then the reader's
        # order; one citation per file, each slicing to the very answer.
        overlap = FEATURE_ID["sent_overlap"]
        order = sorted(range(len(members)), key=lambda i: -float(reading.features[members[i].row, overlap]))
        for c, (start, end) in ((members[i], spans[i]) for i in order):
            if c.doc in cited_docs or ix.docs[c.doc].text[start:end] != answer:
                continue
            cited_docs.add(c.doc)
            citations.append(Citation(ix.docs[c.doc].name, start, end,
                                      ix.passage_text(c.passage), round(c.score, 4)))
        citations += self._supporting(answer, q, hits[READ_DEPTH:SUPPORT_DEPTH], cited_docs)
        return Answer(question, answer, round(confidence, 4), citations, passages)

    def _sentences(self, hits: list[Hit]) -> Iterator[tuple[int, int, int, str]]:
        """The index's sentences of the passages ``hits``, best first, as ``(doc, passage, start,
        text)``: what the granted-premise, relation and quote checks read."""
        ix, a = self.index, self.index.analysis
        for h in hits:
            doc = int(ix.pass_doc[h.passage])
            for s in range(int(ix.pass_sent_lo[h.passage]), int(ix.pass_sent_hi[h.passage])):
                start, end = int(a.sent_start[s]), int(a.sent_end[s])
                yield doc, h.passage, start, ix.docs[doc].text[start:end]

    def _related_spans(self, q: Question, hits: list[Hit]) -> list[FoundSpan]:
        """What a question about how one party stands to another asks for, in the sentences of
        the passages ``hits``, best first (``qa.relations``): the relation ("How is Russia's
        relationship with Assad described?" -> "main ally"), the group ("Which military alliance
        does Turkey belong to?" -> the "NATO" of "NATO member Turkey") or the kin ("Who is
        Shahzada Dawood's father?" -> "Hussain Dawood"); [] for another question."""
        sentences = list(self._sentences(hits)) if q.wh in ("how", "which", "what", "who", "other") else []
        if q.wh in ("how", "what", "other") and asks_relation(q.text) and (found := relation_spans(q.text, sentences)):
            return found
        if q.form == "polar" or q.wh not in ("which", "what", "who", "other"):
            return []
        return membership_spans(q.searched, sentences) or kin_spans(q.searched, sentences)

    def _spans_answer(self, question: str, q: Question, found: list[FoundSpan], passages: list[Passage]) -> Answer:
        """The phrase most files give among ``found`` ("main ally"; a speaker's quoted words; a
        score; the body a person works for; a person's country), cited in each file that gives it
        in those words, with the confidence of titles (``TITLE_CONFIDENCE``), and in the other
        files that state it of what was asked (``_supporting``)."""
        ix = self.index
        texts = [ix.docs[r.doc].text[r.start:r.end] for r in found]
        files: dict[str, set[int]] = {}
        for r, text in zip(found, texts):
            files.setdefault(text.lower(), set()).add(r.doc)
        best = max(files, key=lambda k: len(files[k]))  # ties: the first found, from the best passage
        answer = next(text for text in texts if text.lower() == best)
        confidence = TITLE_CONFIDENCE[min(len(files[best]), 2) - 1]
        citations, cited = [], set()
        for r, text in zip(found, texts):
            if text == answer and r.doc not in cited:  # one citation a file, slicing to the very answer
                cited.add(r.doc)
                citations.append(Citation(ix.docs[r.doc].name, r.start, r.end, ix.passage_text(r.passage), confidence))
        citations += self._supporting(answer, q, [], cited)
        return Answer(question, answer, confidence, citations, passages)

    def _granted_holds(self, granted: str, hits: list[Hit]) -> bool:
        """Whether a sentence of a passage retrieved names together everything a granted clause
        names ("Given that Saudi Arabia's foreign minister attended the Moscow talks, ...": none
        names Saudi Arabia and Moscow, so what the question takes as given is not in the
        corpus). A country counts however it is named ("Saudi-Iranian")."""
        named = granted_names(granted)
        for _, _, _, text in self._sentences(hits):
            countries = countries_named(text)
            if all(c in countries if c else re.search(rf"\b{re.escape(n)}\b", text) for n, c in named):
                return True
        return not named

    def _furniture_answer(self, question: str, q: Question, found: Found, passages: list[Passage]) -> Answer:
        """A piece of page furniture (``qa.layout``) as the answer, cited on its line; a refusal
        where the file the question names has none. "Besides news agencies, which outlet is the
        source?" -> "Al Jazeera", not the whole line "Al Jazeera and news agencies"."""
        if found.missing:
            return Answer(question, None, found.confidence, [], passages, NOT_FOUND)
        text = self.index.docs[found.doc].text
        start, end = excepted_conjunct(text, found.start, found.end, q.text)
        cite = Citation(self.index.docs[found.doc].name, start, end, text[found.line_start:found.line_end],
                        found.confidence)
        return Answer(question, text[start:end], found.confidence, [cite], passages)

    def _definition(self, question: str, titles: list[TitleSpan], files: int, passages: list[Passage]) -> Answer:
        """"Who is Sergei Lavrov?" answered with the title the corpus gives him ("Russian Foreign
        Minister"), cited in every file that gives it in those words. The confidence is fixed
        (``TITLE_CONFIDENCE``), as for page furniture: higher where two files give the office."""
        ix = self.index
        t = titles[0]
        answer = ix.docs[t.doc].text[t.start : t.end]
        confidence = TITLE_CONFIDENCE[min(files, 2) - 1]
        citations = []
        for t in titles:
            text = ix.docs[t.doc].text
            line_start = text.rfind("\n", 0, t.start) + 1
            line_end = text.find("\n", t.end)
            line_end = len(text) if line_end < 0 else line_end
            citations.append(Citation(ix.docs[t.doc].name, t.start, t.end, text[line_start:line_end], confidence))
        return Answer(question, answer, confidence, citations, passages)

    def _passage_candidates(self, passage: int) -> range:
        """The index-time candidates of a passage's sentences."""
        ix, a = self.index, self.index.analysis
        return range(int(a.sent_cand[ix.pass_sent_lo[passage]]), int(a.sent_cand[ix.pass_sent_hi[passage]]))

    def _person_names(self, hits: list[Hit]) -> Iterator[tuple[int, int, int, int]]:
        """``(passage, doc, start, end)`` of every person's name the parser found in these
        passages, best passage first."""
        ix, a = self.index, self.index.analysis
        for h in hits:
            for c in self._passage_candidates(h.passage):
                if a.cand_type[c] == TYPE_ID["PERSON"]:
                    yield h.passage, int(ix.pass_doc[h.passage]), int(a.cand_start[c]), int(a.cand_end[c])

    def _titled_holder(self, q: Question, names: list[tuple[int, int, int, int]]) -> str | None:
        """The first name in the passages the reader did not read (``names``, from
        ``_person_names``) that the corpus titles with the office asked for (or as acting for
        the country asked about: "Who represented Syria?"), when none it read is: "Who is
        Turkey's top diplomat?" is read in passages that speak of "the top diplomats" and name
        no one. Named in full where the passages give it."""
        titles = self.reader.titles
        holders = []
        for _, doc, start, end in names:
            name = self.index.docs[doc].text[start:end]
            # Not one the question names ("Who was Syria's foreign minister before Mekdad?").
            if not set(content_stems(name)) <= set(q.stems) and holds_asked_office(titles, q.office, name) \
                    and not self.reader.ruled_out(q, name):  # not the Iranian for "Which Arab minister?"
                holders.append(name)
        if not holders:
            return None
        # The first, in full rather than by surname ("Bashar al-Assad", not "al-Assad").
        same = [name for name in holders if name.split()[-1] == holders[0].split()[-1]]
        return max(same, key=lambda name: len(name.split()))

    def _holder_answer(self, question: str, name: str, names: list[tuple[int, int, int, int]],
                       passages: list[Passage]) -> Answer:
        """The office holder found by ``_titled_holder``, cited in each file of those passages
        that names it in the same words; its confidence is that of titles (``TITLE_CONFIDENCE``)."""
        ix = self.index
        found: dict[int, tuple[int, int, int]] = {}  # doc -> passage, start, end
        for passage, doc, start, end in names:
            if doc not in found and ix.docs[doc].text[start:end] == name:
                found[doc] = (passage, start, end)
        confidence = TITLE_CONFIDENCE[min(len(found), 2) - 1]
        citations = [Citation(ix.docs[doc].name, start, end, ix.passage_text(passage), confidence)
                     for doc, (passage, start, end) in found.items()]
        return Answer(question, name, confidence, citations, passages)

    def _is_person(self, doc: int, start: int, end: int) -> bool:
        """Whether the parser found a person's name exactly at ``[start, end)`` of a document."""
        a = self.index.analysis
        at = np.flatnonzero((a.cand_start == start) & (a.cand_end == end) & (a.cand_type == TYPE_ID["PERSON"]))
        return any(int(a.sent_doc[np.searchsorted(a.sent_cand, c, side="right") - 1]) == doc for c in at)

    def _supporting(self, answer: str, q: Question, hits: list[Hit], cited_docs: set[int]) -> list[Citation]:
        """Citations from the files not yet cited that state the very answer, one per file. Their
        score is 0: the reader did not score them; retrieval and agreement found them. A file
        states it in a retrieved passage the reader did not read (``hits``), as one of the
        passage's index-time candidates; or anywhere, in a sentence that shares at least half of
        the question's other words ("the talks in Moscow on Wednesday" for "On what day did the
        ministers meet in Moscow?"; not the "Wednesday" of another event). One word in common cited
        more files that the gold sets do not name (docs/quality.md, "Session 42")."""
        ix, a = self.index, self.index.analysis
        found: dict[int, tuple[int, int, int]] = {}  # doc -> passage, start, end
        for h in hits:
            p = h.passage
            doc = int(ix.pass_doc[p])
            if doc in cited_docs or doc in found or answer not in ix.passage_text(p):
                continue
            text = ix.docs[doc].text
            for c in self._passage_candidates(p):
                start, end = int(a.cand_start[c]), int(a.cand_end[c])
                if text[start:end] == answer:
                    found[doc] = (p, start, end)
                    break
        asked = set(q.stems) - set(content_stems(answer))
        stated = re.compile(rf"(?<!\w){re.escape(answer)}(?!\w)")
        for p in self._passages_holding(answer, asked):
            doc = int(ix.pass_doc[p])
            if len(cited_docs) + len(found) >= CITED_FILES:
                break
            if doc in cited_docs or doc in found:
                continue
            text = ix.docs[doc].text
            for sent in range(int(ix.pass_sent_lo[p]), int(ix.pass_sent_hi[p])):
                lo, hi = int(a.sent_start[sent]), int(a.sent_end[sent])
                m = stated.search(text, lo, hi)
                if m and 2 * len(asked.intersection(content_stems(text[lo:hi]))) >= len(asked):
                    found[doc] = (int(p), m.start(), m.end())
                    break
        cited_docs.update(found)
        return [Citation(ix.docs[doc].name, start, end, ix.passage_text(p), 0.0)
                for doc, (p, start, end) in found.items()]

    def _passages_holding(self, text: str, asked: set[str]) -> np.ndarray:
        """The passages that hold every indexed word of ``text`` (the postings of its BM25 terms)
        and some of the ``asked`` words, the best BM25 match to these first: where a file may state
        the answer, found without reading every file."""
        ix = self.index
        rows = [r for i in self.retriever.term_ids(tuple(content_stems(text))) if len(r := ix.bm25[i].indices)]
        if not rows or not asked:
            return np.zeros(0, np.int64)
        holding = reduce(np.intersect1d, rows)
        lexical = bm25_scores(ix.bm25, self.retriever.term_ids(tuple(asked)))[holding]
        order = np.argsort(-lexical, kind="stable")
        return holding[order][lexical[order] > 0]

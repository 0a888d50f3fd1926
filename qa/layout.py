"""Page furniture: the parts of a file that are about the report, not in its story.

Readers ask about a news file's headline, byline, photo credit, dateline or web address
("What is the headline of the Al Jazeera report?", "Who took the photo in the Moscow Times
article?"). The span head, trained on Wikipedia questions, reads such lines poorly: the answer
is a whole line or a bracketed credit, found by the line's shape rather than by reading. This
module finds those pieces in every file (exact offsets, from the line shapes common to web
and wire copy), tells when a question asks for one, and picks the piece of the file the
question refers to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from qa.corpus import clean_view
from qa.lineup import asked_position, find_lineups, pick
from qa.text import STOP_WORDS, fold, line_spans, squash, stem, words

MAX_HEADLINE_WORDS = 25
MAX_SUBHEADING_WORDS = 12
MAX_BYLINE_WORDS = 10


@dataclass(frozen=True)
class Piece:
    """One piece of furniture: ``text[start:end]`` of document ``doc``; ``line_*`` bound its
    line. ``kind``: headline, subheading, byline, source, dateline, date, credit, url, related."""

    kind: str
    doc: int
    start: int
    end: int
    line_start: int
    line_end: int


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
_DATE_LINE = re.compile(rf"^(?:(?:date|published|posted|updated|dated)\b\s*:?\s*)?({_DATE})"
                        rf"(?:[\s,]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$",
                        re.IGNORECASE)
_DATE_LABEL = re.compile(rf"^(?:date|published|posted|updated|dated)\b\s*:?\s*({_DATE})", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written by|words by|author|authors|reporter|reporting by)\b\s*:?\s+(\S.*?)\s*$",
                     re.IGNORECASE)
# A wire service's credits at the foot of a story, in brackets, one role after another: "(Reporting by
# Claire Duval and Martin Oster; Additional reporting by ...; Writing by ...; Editing by Peter Lindqvist)".
# Those who reported and wrote it are its byline; its editors are not.
_WIRE_ROLE = r"(?:additional\s+)?(?:reporting|writing)\s+by\s"
_WIRE_CREDITS = re.compile(rf"^\(\s*{_WIRE_ROLE}[^()]*\)$", re.IGNORECASE)
_WIRE_BYLINE = re.compile(rf"(?:^\(|;)\s*{_WIRE_ROLE}\s*([^;()]+?)\s*(?=;|\)$)", re.IGNORECASE)
_SOURCE = re.compile(r"^(?:source|sources)\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:article|articles|story|stories|content|coverage|reading|news))?|read more|read also|"
    r"also read|see also|more on this|recommended(?:\s+reading)?)\s*:?\s+(\S.*?)\s*$", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^[\w ]{1,30}:$")  # "Original url:"
_DATELINE = re.compile(
    r"^([A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+){0,3})\s*(?:,[^:\n—–]{0,40}?)?(?:\([^)\n]{1,30}\))?\s*(?::|—|–|-{1,2})\s")
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+|\bwww\.[^\s<>()\[\]\"'`]+")
_CREDITED = re.compile(r"[A-Z][A-Za-z]")  # a credit names someone: not "[115]", a reference mark
_NOT_CREDIT = re.compile(r"^(?:citation needed|edit|note|notes|sic|clarification needed|when\?|who\?|\d+)$", re.I)
_CREDIT_LABEL = re.compile(
    r"\b(?:photo(?:graph)?|picture|image|pic|credit|photo credit)s?(?:\s+by)?\s*:\s*([^\n()\[\]]{2,80}?)\s*(?:[)\]]|$)",
    re.IGNORECASE)
_END_PUNCT = ".!?;:,"
_QUOTES = "\"'”’»)]"


def _trailing_credit(raw: str) -> tuple[int, int] | None:
    """Where a credit closing a caption line lies: "... in Moscow [Russian Foreign
    Ministry/Reuters]" or "... (L-R). **Valery Sharifulin / TASS**" (string scans, not a
    backtracking pattern: a hostile line of brackets must not take quadratic time)."""
    line = raw.rstrip()
    if line.endswith("]"):
        start = line.rfind("[") + 1
        end = len(line) - 1
        if start < 2 or not line[start - 2].isspace():
            return None  # "… his way.[Sanguozhi 2]" is a reference mark, not a credit
    elif line.endswith("**") and len(line) > 4:
        end = len(line) - 2
        start = line.rfind("**", 0, end) + 2
    else:
        return None
    body = line[start:end]
    if start <= 0 or not line[:start - 1].strip() or not 2 <= len(body) <= 80 or any(c in body for c in "[]*\n"):
        return None
    if not _CREDITED.search(body) or _NOT_CREDIT.match(body.strip()):
        return None
    return start, end


def _strip(clean: str, start: int, end: int, chars: str = "") -> tuple[int, int]:
    """Narrow ``[start, end)`` past whitespace (and ``chars``) at both ends of the clean view."""
    while start < end and (clean[start].isspace() or clean[start] in chars):
        start += 1
    while end > start and (clean[end - 1].isspace() or clean[end - 1] in chars):
        end -= 1
    return start, end


def _heading_like(line: str, max_words: int) -> bool:
    """A short line that does not end a sentence: "Arab League invite", not "Talks ended."."""
    s = line.strip()
    n = len(words(s))
    if not s or n < 2 or n > max_words or not (s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'"):
        return False
    return s.rstrip(_QUOTES)[-1:] not in _END_PUNCT and not _URL.search(s)


def find_pieces(doc: int, text: str, clean: str | None = None) -> list[Piece]:
    """The furniture of one document, in reading order (see ``Piece.kind``); ``clean`` is its
    markup-free view (``clean_view``), computed when not given."""
    clean = clean_view(text) if clean is None else clean
    pieces: list[Piece] = []
    lines = [(s, e) for s, e in line_spans(text) if clean[s:e].strip()]

    def add(kind: str, start: int, end: int, ls: int, le: int, chars: str = "") -> None:
        start, end = _strip(clean, start, end, chars)
        if end > start:
            pieces.append(Piece(kind, doc, start, end, ls, le))

    body_seen = 0  # body lines (prose) seen so far, for the headline and the dateline
    has_headline = False
    for k, (ls, le) in enumerate(lines):
        raw, line = text[ls:le], clean[ls:le]
        stripped = line.strip()
        lead = ls + len(line) - len(line.lstrip())
        for m in _URL.finditer(raw):
            s, e = m.span()
            while e > s and raw[e - 1] in ".,;:!?":
                e -= 1
            pieces.append(Piece("url", doc, ls + s, ls + e, ls, le))
        date_line = _DATE_LINE.match(stripped)
        if m := date_line or _DATE_LABEL.match(stripped):
            add("date", lead + m.start(1), lead + m.end(1), ls, le)
            if date_line:
                continue
        if m := _BYLINE.match(stripped):
            if len(words(m.group(1))) <= MAX_BYLINE_WORDS and m.group(1)[0].isupper():
                add("byline", lead + m.start(1), lead + m.end(1), ls, le, _END_PUNCT)
                continue
        if _WIRE_CREDITS.match(stripped):  # longer than a byline: "A B in San Francisco and C D in New York"
            for m in _WIRE_BYLINE.finditer(stripped):
                if len(words(m.group(1))) <= 2 * MAX_BYLINE_WORDS and m.group(1)[0].isupper():
                    add("byline", lead + m.start(1), lead + m.end(1), ls, le, _END_PUNCT)
            continue
        if m := _SOURCE.match(stripped):
            add("source", lead + m.start(1), lead + m.end(1), ls, le, _END_PUNCT)
            continue
        if m := _RELATED.match(stripped):
            add("related", lead + m.start(1), lead + m.end(1), ls, le)
            continue
        credit = _trailing_credit(raw)
        if credit:
            add("credit", ls + credit[0], ls + credit[1], ls, le, _END_PUNCT)
        for m in _CREDIT_LABEL.finditer(raw):
            if _CREDITED.search(m.group(1)):
                add("credit", ls + m.start(1), ls + m.end(1), ls, le, _END_PUNCT)
        if credit or _LABEL_LINE.match(stripped) or _URL.fullmatch(stripped.strip("<>")):
            continue
        is_markdown_heading = raw.lstrip().startswith("#")
        level = len(raw.lstrip()) - len(raw.lstrip().lstrip("#"))
        if (is_markdown_heading and level == 1 and not has_headline
                or body_seen == 0 and not pieces and _heading_like(stripped, MAX_HEADLINE_WORDS)):
            add("headline", ls, le, ls, le)
            has_headline = True
            continue
        nxt = clean[lines[k + 1][0]:lines[k + 1][1]] if k + 1 < len(lines) else ""
        if (is_markdown_heading or _heading_like(stripped, MAX_SUBHEADING_WORDS)) and len(words(nxt)) > len(words(line)):
            if body_seen or has_headline:
                add("subheading", ls, le, ls, le)
                continue
        if body_seen < 2 and (m := _DATELINE.match(stripped)) and stripped[m.end():m.end() + 1].isupper() \
                and len(words(stripped)) >= 8:
            add("dateline", lead + m.start(1), lead + m.end(1), ls, le)  # "MOSCOW: Foreign ministers …"
        body_seen += 1
    return pieces


# ---------------------------------------------------------------------------------------------
# Questions that ask for furniture

_DOC = r"(?:article|report|story|piece|dispatch|write-?up|coverage|news item|news report)s?\b"
_THE_DOC = rf"\b(?:the|this|that|its|[\w-]+'s)\s+(?:[\w'-]+\s+){{0,3}}?{_DOC}"  # "the Moscow Times story"
# The start of a question whose answer is the named thing: "What is the ...", "Which ...", "Give the ...".
_ASK = r"^\W*(?:(?:what|which)\s+(?:(?:is|was|'s|are|were)\s+)?|(?:give|name|state|quote|provide|show|tell me)\s+)(?:the\s+)?"
_PIC = r"(?:photo|photograph|picture|image|pic)s?\b"
_ASKS: list[tuple[str, re.Pattern[str]]] = [
    ("url", re.compile(r"\b(?:url|web ?address|web ?link|hyperlink|permalink)\b"
                       r"|\b(?:original|source|article's|story's|report's) link\b"
                       r"|\bwhere\b[^?]*\b(?:published|posted|appeared|available|found)\b[^?]*\bonline\b", re.I)),
    ("dateline", re.compile(r"^\W*(?:what|which)\b[^?]*\bdateline\b|\bwhere\b[^?]*\bdatelined\b", re.I)),
    ("photographer", re.compile(rf"\bphotographer\b|\bwho photographed\b"
                                rf"|\bwho\b[^?]*\b(?:took|shot|snapped|captured)\b[^?]*\b{_PIC}", re.I)),
    ("credit", re.compile(rf"\b(?:credit(?:ed)?|courtesy)\b[^?]*\b{_PIC}|\b{_PIC}[^?]*\bcredit(?:ed)?\b"
                          rf"|\b(?:supplied|provided|distributed)\b[^?]*\b{_PIC}"
                          rf"|\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}?(?:agency|organi[sz]ation|outlet|service|wire)\b"
                          rf"[^?]*\b(?:took|shot|snapped|captured)\b[^?]*\b{_PIC}", re.I)),
    ("related", re.compile(_ASK + r"(?:[\w'-]+\s+){0,3}?(?:headline|title)\b"
                           r"[^?]*\b(?:related|linked|recommended)\b"
                           r"|^\W*(?:what|which)\s+(?:is|was)\s+the\s+(?:related|linked|recommended)\b[\w\s-]{0,20}?"
                           r"\b(?:headline|title)\b", re.I)),
    ("subheading", re.compile(_ASK + r"(?:[\w'-]+\s+){0,3}?"
                              r"(?:sub-?headings?|subheads?|subtitles?|section (?:headings?|titles?)|crossheads?)\b"
                              r"|\b(?:under|in) (?:what|which) (?:sub-?heading|subhead|section)\b", re.I)),
    ("headline", re.compile(_ASK + rf"(?:[\w'-]+\s+){{0,3}}?"
                            rf"(?:headline\b|title\s+of\s+(?:the\s+|this\s+|that\s+|its\s+|an?\s+)?(?:[\w'-]+\s+){{0,4}}?{_DOC}"
                            rf"|(?:[\w'-]+\s+){{0,3}}?{_DOC}(?:'s)?\s+(?:headline|title)\b)"
                            rf"|^\W*what does the (?:[\w'-]+\s+){{0,3}}?headline (?:say|read)\W*$"
                            rf"|\b(?:under|with) (?:what|which) (?:headline|title)\b", re.I)),
    ("date", re.compile(rf"\b(?:when|what date|which date|what day)\b[^?]*{_THE_DOC}[^?]*"
                        rf"\b(?:published|dated|posted|filed|released|issued)\b"
                        rf"|\b(?:when|what date|which date|what day)\b[^?]*\b(?:publish|post|file|release)\b[^?]*{_THE_DOC}"
                        rf"|\b(?:publication|release) date of{_THE_DOC}"
                        rf"|\b(?:what|which) date\b[^?]*\b(?:at|on) the (?:very )?(?:top|head|start|beginning)\b", re.I)),
    ("byline", re.compile(rf"\b(?:who|whom|whose|which|what)\b[^?]*\b(?:wrote|write|written|authored|penned|filed|bylined|"
                          rf"published|publish|produced|ran)\b[^?]*{_THE_DOC}"
                          # "Who reported the Reuters story?"; not "What study is reported in this report?"
                          rf"|\b(?:who|whom)\s+reported\s+(?:on\s+)?{_THE_DOC}"
                          rf"|{_THE_DOC}[^?]*\b(?:written|authored|filed|published|produced|bylined|reported)\s+by\b"
                          rf"|\b(?:author|writer|byline|source|publisher)\b[^?]*{_THE_DOC}"
                          rf"|{_THE_DOC}[^?]*\b(?:author|writer|byline|publisher)\b", re.I)),
]
# What each asked kind may be answered from, best first.
_ANSWERED_BY = {
    "photographer": ("credit",),
    "credit": ("credit",),
    "headline": ("headline",),
    "subheading": ("subheading",),
    "related": ("related",),
    "url": ("url",),
    "dateline": ("dateline",),
    "date": ("date",),
    "byline": ("byline", "source"),
}
_SETTING = re.compile(r"^\W*(?:according to|in|on|from|per)\b[^,?]*,\s*", re.I)  # "According to the headline, ..."
_WHEN_WH = re.compile(r"^\W*(?:when|on what date|what date|which date|on which date|what day|on what day)\b", re.I)


def furniture_asked(question: str) -> str:
    """The kind of furniture a question asks for ("headline", "photographer", "byline", ...),
    or "" for a question about the story itself. A leading "According to the headline, ..."
    says where the answer is, not what is asked."""
    question = _SETTING.sub("", question)
    for kind, pattern in _ASKS:
        if pattern.search(question):
            if kind == "byline" and _WHEN_WH.search(question):
                continue
            return kind
    return ""


# Words of furniture questions that say which piece, not which file.
_FRAME = frozenset(stem(w) for w in """headline title subheading subhead heading section article report story piece
dispatch coverage news item photo photograph picture image pic credit credited courtesy took taken shot photographer
url web address link hyperlink original wrote write written author authored writer byline published publish
publisher source produced dateline datelined date dated posted online page appear appeared related linked one
agency outlet organisation organization""".split())
_NAME = re.compile(r"(?<![\w'’])([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)")
_PHOTOGRAPHER = re.compile(r"\bphotographer\b", re.I)
_WHO = re.compile(r"\W*(?:who|whom)\b", re.I)
_PERSON_Q = re.compile(r"\b(?:reporter|journalist|correspondent|writer|author|columnist|editor)s?\b", re.I)
_AGENCY_Q = re.compile(r"\b(?:agency|agencies|organi[sz]ation|outlet|service|company|wire)\b", re.I)
# "Which news agency is credited as the author …?" asks for an agency, "author" notwithstanding.
_ASKS_AGENCY = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:agency|agencies|organi[sz]ation|outlet|service"
                          r"|company|wire)\b", re.I)


def _asks_person(question: str) -> bool:
    """Whether a byline question asks for a person ("Which reporter wrote it?")."""
    return bool(_PERSON_Q.search(question)) and not _ASKS_AGENCY.search(question)


# One of several people a credit lists, perhaps with where they were: "Paul Sandle in London".
_CAPITALISED_WORD = r"[A-Z][\w'’.-]+"
_REPORTER = re.compile(rf"{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD}){{1,2}}"
                       rf"(?:\s+in\s+{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD})?)?")
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ORGISH = frozenset(
    "agency ministry office press news service services images image photo photos pool handout reuters afp ap tass "
    "getty epa xinhua anadolu sana irna via".split())


def _echoes(piece: str, question: str) -> bool:
    """Whether a piece says nothing the question does not: "AFP" for "Who wrote the AFP
    story?" names the file asked about, not who wrote it."""
    piece_words = {fold(w) for w in words(piece)} - STOP_WORDS
    return bool(piece_words) and piece_words <= {fold(w) for w in words(question)}


def _names_in(question: str) -> list[str]:
    """The capitalised names of a question, less its first word's run: capitalised as every
    question's first word is ("Who took ...", "Al Jazeera's ..." aside). A question typed in
    lower case ("who took the photo in the Moscow Times article") keeps its first name."""
    found = list(_NAME.finditer(question))
    if found and not question[: found[0].start()].strip(" \t\"'“‘([*"):
        found = found[1:]
    return [m.group() for m in found]


def _squashed_names(question: str) -> list[str]:
    """The capitalised names of a question (``_names_in``), squashed for look-ups."""
    return [squash(n) for n in _names_in(question) if len(squash(n)) >= 2]


def _name_hits(names: list[str], texts: dict[int, str]) -> dict[int, float]:
    """For each file, the names (squashed) its squashed text holds, each worth 1 / the number
    of files holding it; a name every file holds says nothing."""
    out: dict[int, float] = {}
    for n in names:
        hits = [d for d, t in texts.items() if n in t]
        if hits and len(hits) < len(texts):
            for d in hits:
                out[d] = out.get(d, 0.0) + 1.0 / len(hits)
    return out


@dataclass(frozen=True)
class Found:
    """Where a furniture answer lies, and how sure the choice of file and piece is."""

    doc: int
    start: int
    end: int
    line_start: int
    line_end: int
    confidence: float
    missing: bool = False  # the file the question names has no such piece: refuse


class Layout:
    """The furniture of a corpus, and the piece a furniture question refers to."""

    def __init__(self, texts: Sequence[str], names: Sequence[str],
                 is_person: Callable[[int, int, int], bool] | None = None,
                 cleans: Sequence[str] | None = None) -> None:
        self.texts = list(texts)
        self.pieces = [p for d, t in enumerate(self.texts)
                       for p in find_pieces(d, t, cleans[d] if cleans is not None else None)]
        self.is_person = is_person or (lambda doc, start, end: False)
        # What names a file: its furniture (headline, byline, source, credits, url) and file name.
        ident: dict[int, list[str]] = {d: [n.rsplit(".", 1)[0]] for d, n in enumerate(names)}
        for p in self.pieces:
            if p.kind not in ("subheading", "related"):
                ident[p.doc].append(self.texts[p.doc][p.start:p.end])
        self.identity = {d: squash(" ".join(v)) for d, v in ident.items()}
        self.identity_stems = {d: {stem(w) for w in words(" ".join(v))} for d, v in ident.items()}
        # Captions naming people left to right (``qa.lineup``).
        self.lineups = [lu for d, t in enumerate(self.texts) for lu in find_lineups(d, t)]
        # Stems of each piece's line, matched against the question's words.
        self.line_stems = [{stem(w) for w in words(self.texts[p.doc][p.line_start:p.line_end])} for p in self.pieces]

    def _anywhere(self, squashed: str) -> bool:
        """Whether some file's text or furniture holds these letters, even run into other words."""
        return any(squashed in t for t in self.bodies.values()) or any(squashed in t for t in self.identity.values())

    @cached_property
    def bodies(self) -> dict[int, str]:
        """Each file's text squashed for name lookups; built at the first furniture question."""
        return {d: squash(t) for d, t in enumerate(self.texts)}

    def _files_named(self, question: str) -> dict[int, float]:
        """The files the question's names name in their furniture ("the Al Jazeera report",
        "AFP's story"), each with its weight (``_name_hits``)."""
        return _name_hits(_squashed_names(question), self.identity)

    def position(self, question: str, doc_rank: dict[int, int]) -> Found | None:
        """The name a question about who stands where in a photo asks for ("Who is second from
        the left in the AFP picture?"), counted along a left-to-right caption (``qa.lineup``):
        in the file the question names, else in the best retrieved file that has one. None for
        another question or a corpus without such captions; ``missing`` when the file named
        lists no one left to right, or fewer people than the place asked for."""
        at = asked_position(question)
        if at is None or not self.lineups:
            return None
        named = self._files_named(question)
        lineups = self.lineups
        if named:
            best = max(named.values())
            lineups = [lu for lu in lineups if named.get(lu.doc, 0.0) == best]
            if not lineups:
                return Found(-1, 0, 0, 0, 0, 0.0, missing=True)
        lineup = min(lineups, key=lambda lu: doc_rank.get(lu.doc, len(self.texts)))
        span = pick(lineup, at)
        if span is None:
            return Found(lineup.doc, 0, 0, 0, 0, 0.0, missing=True)
        sure = len({lu.doc for lu in lineups}) == 1
        return Found(lineup.doc, span[0], span[1], lineup.line_start, lineup.line_end, 0.9 if sure else 0.6)

    def answer(self, question: str, kind: str, doc_rank: dict[int, int]) -> Found | None:
        """The piece of ``kind`` the question asks for; None when no file has one (the reader
        then reads as usual), a ``missing`` one when the file the question names has none.
        ``doc_rank`` gives each file's best retrieval rank."""
        kinds = _ANSWERED_BY.get(kind, ())
        if kind == "byline" and _asks_person(question):
            kinds = ("byline",)  # a source line names outlets, not the reporter asked for
        pieces = [(p, self.line_stems[i]) for k in kinds for i, p in enumerate(self.pieces) if p.kind == k]
        if not pieces:
            return None
        # The names in the question ("the Al Jazeera report", "AFP's story").
        found_names = _names_in(question)
        # A page no file is: "the Anadolu report" where no file says "Anadolu" anywhere, not
        # even run into other words ("themoscowtimes.com" holds "Times").
        if any(len(w) >= 3 and w[:1].isupper() and not self._anywhere(squash(w))
               for n in found_names for w in words(n)):
            return Found(-1, 0, 0, 0, 0, 0.0, missing=True)
        named = self._files_named(question)
        mentioned = _name_hits(_squashed_names(question), self.bodies)  # weaker: "the report that spells it Türkiye"
        if named:
            best = max(named.values())
            if not any(named.get(p.doc, 0.0) == best for p, _ in pieces):
                return Found(-1, 0, 0, 0, 0, 0.0, missing=True)
        q_stems = {stem(w) for w in words(question) if fold(w) not in STOP_WORDS} - _FRAME
        by_kind = {k: i for i, k in enumerate(kinds)}

        def score(p: Piece, line: set[str]) -> float:
            """The file named in its furniture first, then one naming it in its text, words shared
            with the piece's line or the file's furniture, the file's retrieval rank; a byline
            before a source line."""
            overlap = len(q_stems & (line | self.identity_stems[p.doc])) / max(1, len(q_stems))
            rank = doc_rank.get(p.doc)
            retrieval = 0.0 if rank is None else 1.0 / (1 + rank)
            return (2.0 * named.get(p.doc, 0.0) + mentioned.get(p.doc, 0.0) + overlap + 0.5 * retrieval
                    - 0.1 * by_kind[p.kind])

        ranked = sorted(((score(p, line), p) for p, line in pieces), key=lambda sp: sp[0], reverse=True)
        best_piece = ranked[0][1]
        sure = (len({p.doc for p, _ in pieces}) == 1 or named.get(best_piece.doc, 0.0) >= 1.0
                or ranked[0][0] - ranked[1][0] >= 0.5)
        # The best file's first piece that answers: "By Reuters" at its head echoes "Who reported the
        # Reuters story?", its credits at the foot ("Reporting by ...") do not.
        for _, p in ranked:
            if p.doc == best_piece.doc and (part := self._part(p, kind, question)) is not None \
                    and not _echoes(self.texts[p.doc][part[0]:part[1]], question):
                start, end = part
                return Found(p.doc, start, end, p.line_start, p.line_end, 0.9 if sure else 0.6)
        return Found(best_piece.doc, 0, 0, 0, 0, 0.0, missing=True)

    def _parts(self, p: Piece) -> list[tuple[int, int, bool]]:
        """A credit's parts ("Valery Sharifulin / TASS"), each with whether it is a person's name."""
        text = self.texts[p.doc]
        parts, pos = [], p.start
        for m in re.finditer(r"\s*(?:/|\bvia\b|;)\s*", text[p.start:p.end]):
            parts.append((pos, p.start + m.start()))
            pos = p.start + m.end()
        parts.append((pos, p.end))

        def person(s: int, e: int) -> bool:
            ws = words(text[s:e])
            named = self.is_person(p.doc, s, e) or 2 <= len(ws) <= 3 and all(w[0].isupper() for w in ws) \
                or all(_REPORTER.fullmatch(c) for c in _LIST_SEP.split(text[s:e]))  # "A B in London and C D"
            return named and not {fold(w) for w in ws} & _ORGISH
        return [(s, e, person(s, e)) for s, e in parts if e > s]

    def _part(self, p: Piece, kind: str, question: str) -> tuple[int, int] | None:
        """The part of a credit asked for: the person for "who took the photo", the agency for
        "which agency is credited"; the whole piece otherwise. None when the question asks for
        the photographer or the reporter by that word and the credit or byline names no person
        ("Russian Foreign Ministry/Reuters", "By AFP"): the person is not given."""
        if p.kind == "byline" and _asks_person(question) \
                and not any(is_person for _, _, is_person in self._parts(p)):
            return None  # "Which reporter wrote it?" and the byline is "AFP": no reporter is named
        if p.kind != "credit":
            return p.start, p.end
        parts = self._parts(p)
        people = [(s, e) for s, e, is_person in parts if is_person]
        if kind == "photographer" and not people and _PHOTOGRAPHER.search(question):
            return None
        if len(parts) < 2:
            return p.start, p.end
        if kind == "photographer" or _WHO.match(question):  # "Who is credited with the photo?": the person
            return people[0] if people else (p.start, p.end)
        if _AGENCY_Q.search(question):
            orgs = [(s, e) for s, e, is_person in parts if not is_person]
            return orgs[-1] if orgs else (p.start, p.end)
        return p.start, p.end

"""Span tidying: the shortest span of the source that fully answers the question.

The reader's best candidate is a syntactic span; annotators keep less ("diplomatic clout", not
"the diplomatic clout"; the year alone for "what year"; the name without its title). These
functions only move ``start`` and ``end`` inside the source text, so every answer stays an exact
span with exact offsets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.analysis import F_NOUN, F_NUM, F_PROPN, F_PUNCT, F_VERB, TYPE_ID
from qa.checks import ASKS_ACTION, HOW_MANY, TIME_ONLY, TIME_UNITS, capital_named
from qa.index import CorpusIndex
from qa.question import MONTH_NAMES, answer_form
from qa.roles import NAME_PARTICLES, country_of
from qa.text import LIST_SEPARATOR, STOP_WORDS, content_stems, fold, stem, words

ACTION_JOIN = 3  # words after an "and" in which a verb starts a second action

if TYPE_CHECKING:  # the reader imports these helpers; a candidate only passes through
    from qa.reading import Candidate

_LEADING_WORD = re.compile(r"(?:the|a|an|to)\s+(?=\S)|(?:The|A|An)\s+(?=[^\sA-Z])"
                           r"|(?:all|various|many|several|different|other)\s+(?:forms|kinds|types|sorts)\s+of\s+(?=\S)")


def drop_leading(text: str, start: int, end: int, keep_to: bool = False) -> tuple[int, int]:
    """``[start, end)`` without a leading article, infinitive "to" or "all forms of":
    "diplomatic clout", not "the diplomatic clout"; "reinstate Syria's membership", not "to
    reinstate ..."; "terrorism and extremism", not "all forms of terrorism and extremism". A
    capitalised article stays before a capitalised word, where it is part of a name ("The
    Moscow Times"). Prepositions stay: annotators keep "in excess of 250 km/h", "through a
    basement window", "at the request of Damascus". ``keep_to``: the "to" of a purpose stays
    ("Why ...?" -> "to support the government's forces": 17 of the 23 public and seed gold
    reasons beside a "to" keep it). Nothing is dropped if nothing would be left."""
    while (m := _LEADING_WORD.match(text, start, end)) and m.end() < end:
        if keep_to and m.group().rstrip().lower() == "to":
            break
        start = m.end()
    return start, end


# "Why is Russia isolated?" -> "Moscow's offensive in Ukraine", not "over Moscow's offensive
# ...": a causal "over" is the sentence's link to the reason, not part of it ("due to" and
# "because" stay: public annotators keep them; none of the 92 public "why" answers starts "over").
_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
_CAUSAL_OVER = re.compile(r"over\s+(?=\S)")
_CAUSE = re.compile(r"(?<=\s)(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|in\s+order\s+to|so\s+that)\s+(?=\S)",
                    re.IGNORECASE)
_APPENDIX = re.compile(r",\s+(?:including|such as|especially|notably|particularly)\s")
_ASKS_EXAMPLES = re.compile(r"\b(?:includ\w*|such as|especially|notably|particularly|examples?)\b", re.IGNORECASE)


_BEFORE_WH = re.compile(r"((?:[\w'’-]+\s+){1,4})(?:what|which|whom|who)\b", re.IGNORECASE)
_EXCEPT = re.compile(r"\b(?:apart from|besides|other than|in addition to|aside from|except(?: for)?|alongside"
                     r"|along with|together with|as well as)\s+([^,?]+)", re.IGNORECASE)


def set_aside(question: str) -> str:
    """The stem of the head of what "Besides X, what else ...?" sets aside ("guidelin" for
    "Besides setting guidelines"): an answer about it is the thing set aside, in other words.
    None where the question asks for more of the same ("Besides the defence ministers, which
    ministers ...?")."""
    m = _EXCEPT.search(question)
    if not m or not (stems := content_stems(m.group(1))):
        return ""
    head = stems[-1]
    after = content_stems(question[m.end():])
    return "" if head in after else head


_LINKING_PREPOSITIONS = frozenset({"in", "of", "for", "at", "on", "to", "with", "from"})


def beside_set_aside(text: str, start: int, end: int, question: str) -> bool:
    """Whether the span only qualifies what "Besides X, what else ...?" sets aside: it stands
    just before X's words ("voluntary, safe and dignified" of "the voluntary, safe and dignified
    return of Syrians" for "Besides the return of Syrians, what else ...?") or just after one of
    them and a preposition ("Turkey and Syria" of "the earthquake in Turkey and Syria" for
    "Alongside the earthquake, what development ...?"). It is part of X, not the other thing."""
    m = _EXCEPT.search(question)
    if not m or not set_aside(question):
        return False
    excepted = set(content_stems(m.group(1)))
    after = words(text[end : end + 40])
    if after and stem(after[0]) in excepted:
        return True
    before = words(text[max(0, start - 40) : start])
    return len(before) >= 2 and before[-1].lower() in _LINKING_PREPOSITIONS and stem(before[-2]) in excepted


def _echoed_lead(text: str, start: int, end: int, question: str) -> int:
    """Where the answer starts once the question's words just before a mid-question "what"
    are dropped: "Cavusoglu stressed the need for cooperation in what?" -> "the fight against
    terrorism", not "cooperation in the fight against terrorism"."""
    found = list(_BEFORE_WH.finditer(question))  # the last: "According to what Assad said, ... ending what?"
    m = found[-1] if found else None
    if not m or m.start() == 0:
        return start
    before = m.group(1).split()
    span = text[start:end]
    for k in range(len(before)):
        lead = " ".join(before[k:])
        if span.lower().startswith(lead.lower() + " ") and len(span) > len(lead) + 1:
            return start + len(lead) + 1
    return start


def excepted_conjunct(text: str, start: int, end: int, question: str) -> tuple[int, int]:
    """For "Apart from X, what else …?", the other item of an answer "X and Y" or "Y and X"
    ("Besides terrorism and separatism, what …?" -> "extremism" of "terrorism, separatism and
    extremism"): the one item the question does not set aside, if all the others it does. An
    item is set aside when at least half its content words are the question's X, in whatever
    form ("advancing the political process in Syria" for "Apart from moving the political
    process forward")."""
    m = _EXCEPT.search(question)
    if not m:
        return start, end
    excepted = set(content_stems(m.group(1)))
    seps = list(LIST_SEPARATOR.finditer(text, start, end))
    if not seps or not excepted:
        return start, end
    bounds = [start, *(x for sep in seps for x in (sep.start(), sep.end())), end]
    items = list(zip(bounds[::2], bounds[1::2]))
    stems = [set(content_stems(text[a:b])) for a, b in items]
    kept = [item for item, st in zip(items, stems) if not (st and 2 * len(st & excepted) >= len(st))]
    if len(kept) == 1:
        return kept[0]
    return start, end


_OPENING_QUOTE = re.compile(r"(?:^|(?<=\s))[“\"](?=\w)")


def _into_quote(text: str, start: int, end: int) -> int:
    """Where the answer starts once a short lead-in to a quotation it does not close is
    dropped: "cooperation in the fight against terrorism ...", not "need for “cooperation in
    the fight against terrorism ..." (at most three words before the quotation mark)."""
    m = _OPENING_QUOTE.search(text, start, end)
    if not m or len(text[start:m.start()].split()) > 3 or re.search(r"[”\"]", text[m.end():end]):
        return start
    return m.end()


QUOTE_MAX_WORDS = 30  # the longest quotation an answer that opens it is extended to close


def _whole_quote(text: str, start: int, end: int) -> int:
    """Where the answer ends once a quotation it opens and leaves unclosed is closed: the words
    quoted after "stressed the need for" are "cooperation in the fight against terrorism and
    working together to establish the basis for the return of Syrians", not "cooperation"."""
    if start == 0 or text[start - 1] not in "“\"" or re.search(r"[”\"]", text[start:end]) \
            or re.match(r"\s*(?:,|and\b|or\b)", text[end:]):  # one item of a quoted list is whole
        return end
    close = re.compile(r"[”\"\n]").search(text, end)
    if not close or text[close.start()] == "\n" or len(text[end:close.start()].split()) > QUOTE_MAX_WORDS:
        return end
    return len(text[:close.start()].rstrip(" ,.;:"))


_QUOTE_MARK = re.compile(r"[“”]|(?<!\d)\"")  # not the inch mark of 6'4"


def _first_quotation(text: str, start: int, end: int) -> int:
    """Where an answer that starts inside a quotation ends: at its closing mark, not across the
    next quotation ("transition process in the world order", not "... world order” and “the
    decline of American power"). Inside: the line before the answer leaves a quotation open."""
    line_start = text.rfind("\n", 0, start) + 1
    before = [m.group() for m in _QUOTE_MARK.finditer(text, line_start, start)]
    inside = before.count('"') % 2 == 1 if '"' in before else bool(before) and before[-1] == "“"
    if not inside:
        return end
    close = next((m for m in _QUOTE_MARK.finditer(text, start, end) if m.group() in '”"'), None)
    if not close or not re.search(r"\w", text[close.end():end]):
        return end
    cut = len(text[:close.start()].rstrip(" ,.;:"))
    return cut if cut > start else end


_PAIRED_MARKS = {"“": "”", '"': '"', "‘": "’", "(": ")", "[": "]"}


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of an answer that is one whole quotation or aside, without its marks: "Arab-led
    political path", not "“Arab-led political path”"; "ROV", not "(ROV)" (an answer neither starts
    nor ends with punctuation)."""
    close = _PAIRED_MARKS.get(text[start]) if end - start > 2 else None
    if close is None or text[end - 1] != close or any(m in text[start + 1 : end - 1] for m in (text[start], close)):
        return start, end
    return start + 1, end - 1


def tidy_span(text: str, start: int, end: int, question: str) -> tuple[int, int]:
    """The shortest span that fully answers: no comma or other mark that parts it from the words
    before it (``_after_parting_mark``), no words of the question just before its
    mid-sentence "what" (``_echoed_lead``), no lead naming the kind of thing asked before the
    things themselves (``_named_category``), no lead-in to a quotation it does not close
    (``_into_quote``), no quotation opened and left unclosed (``_whole_quote``) nor run into
    the next (``_first_quotation``), no leading article or "to" (``drop_leading``), no
    trailing examples ("removal of all foreign forces from its territory", not "..., including
    those of Turkey") unless the question asks about them, not the half of "X and Y" that a
    question "Apart from X, what else …?" sets aside, no causal "over" before a reason nor a
    time before its "because", "ago" after a length of time when "how long ago" is asked, only
    the year or the month of a date when one is asked for, the date of birth or of death of a
    life's span in brackets (``_lived``), the whole of a date that answers "when"
    (``_whole_date``) and a year's or a century's era ("BC"), no quotation marks or brackets around
    an answer that is one whole quotation or aside (``_unquoted``), no article, "and", "or", "of"
    or comma left hanging at its end (``_without_dangling_end``), and no full stop that closes
    the sentence (``_without_full_stop``)."""
    why = bool(_WHY.search(question))
    start = _after_parting_mark(text, start, end)
    start = _echoed_lead(text, start, end, question)
    start = _named_category(text, start, end, question)
    start = _into_quote(text, start, end)
    end = _whole_quote(text, start, end)
    end = _first_quotation(text, start, end)
    start, end = drop_leading(text, start, end, keep_to=why)
    # after the lead is dropped: "all forms of terrorism, separatism and extremism" lists three
    start, end = excepted_conjunct(text, start, end, question)
    if why and (m := _CAUSAL_OVER.match(text, start, end)) and m.end() < end:
        start = m.end()
    if why and (m := _CAUSE.search(text, start, end)) and TIME_ONLY.fullmatch(text[start:m.start()]):
        start = m.start()  # "since the 1950s because his grandfather feared ..." -> "because ..."
    m = _APPENDIX.search(text, start, end)
    if m and not _ASKS_EXAMPLES.search(question) and len(text[start:m.start()].split()) >= 2:
        end = m.start()
    if _ASKS_AGO.search(question) and (m := _AGO.match(text, end)):
        end = m.end()
    start = _agreed_verb(text, start, question)
    form = answer_form(question)
    start, end = _lived(text, start, end, question)
    start, end = _unquoted(text, *_whole_date(text, *_year_of(text, start, end, form), form, question))
    if (m := _ERA.match(text, end)) and _BEFORE_ERA.search(text, start, end):
        end = m.end()  # "3rd century BC": 50 public gold answers end with the era, none before it
    return start, _without_full_stop(text, start, _without_dangling_end(text, start, end))


# The span head's spans are snapped to whole tokens, and may open on the mark that parts them
# from the words before: ", separatism and extremism" (the candidates found at index time never
# do). A full stop opens a name or a number (".NET", ".45") unless a space follows it.
_PARTING_MARK = re.compile(r"(?:[,;:?]|\.(?=\s))\s*")


def _after_parting_mark(text: str, start: int, end: int) -> int:
    """``start`` after a comma, semicolon, colon, question mark or sentence's full stop (and the
    space after it) that opens the span, unless nothing would be left."""
    while (m := _PARTING_MARK.match(text, start, end)) and m.end() < end:
        start = m.end()
    return start


# A span the span head stopped one word short or long of: "..., the crew, the" ends on words that
# lead into something it left out. An article, "and", "or" or "of" never ends an answer (in lower
# case: "Vitamin A" and "Plan B" end on names).
_DANGLING_END = re.compile(r"(?:\s*[,;:]|\s+(?:the|a|an|and|or|of))\Z")


def _without_dangling_end(text: str, start: int, end: int) -> int:
    """``end`` before the commas and the articles, "and", "or" and "of" left hanging at the
    span's end, unless nothing would be left."""
    while (m := _DANGLING_END.search(text, start, end)) and m.start() > start:
        end = m.start()
    return end


# Words whose own full stop ends them: "Inc.", "Jr.", "St.", "a.m." (a dot inside), "J." (an
# initial), "c." (circa).
_ABBREVIATION = re.compile(r"(?:\w\.)+\w|\w|inc|ltd|co|corp|plc|llc|jr|sr|st|dr|mr|mrs|ms|prof|gen|col|lt|sgt|capt"
                           r"|gov|sen|rep|rev|no|nos|vs|etc|al|approx|dept|est|fig|vol|jan|feb|mar|apr|aug|sept?|oct"
                           r"|nov|dec|mt|ft|ave|blvd", re.IGNORECASE)


def _without_full_stop(text: str, start: int, end: int) -> int:
    """``end`` before the sentence's closing full stop, question or exclamation mark that a
    span run to the end of its sentence takes with it ("... until the status light blinks
    amber", not "... amber."); an abbreviation keeps its own ("Activision Blizzard Inc.")."""
    if end - start < 2 or text[end - 1] not in ".!?" or not text[end - 2].isalnum():
        return end
    word = text[start:end - 1].split()[-1]
    if text[end - 1] == "." and _ABBREVIATION.fullmatch(word):
        return end
    return end - 1


# "What issues do Arab states want to discuss?" -> "the refugee crisis, “terrorism”, and drug
# smuggling", not "common issues including the refugee crisis, ...": the question's own noun
# before "including" names the kind of thing asked, and what follows are the things.
_CATEGORY = re.compile(r"(?:[\w'’-]+\s+){0,2}(?P<head>[\w'’-]+),?\s+(?:including|such\s+as|namely)\s+(?=\S)")


def _named_category(text: str, start: int, end: int, question: str) -> int:
    """``start`` moved past a lead that names the question's noun and lists its instances
    ("common issues including ..."); else ``start``."""
    m = _CATEGORY.match(text, start, end)
    if m and m.end() < end and stem(m.group("head").lower()) in content_stems(question) \
            and not _ASKS_EXAMPLES.search(question):
        return m.end()
    return start


# "What did the ministers agree at the meeting?" asks for what they agreed to do: "continue
# high-level contacts", "set up a roadmap of their own", not the object alone. Where the question
# names the verb itself ("agree to continue"), the object alone answers.
_COMMIT = r"\b(?:agree|decide|pledge|vow|promise|resolve)[ds]?"
_ASKS_AGREED = re.compile(rf"{_COMMIT}\b(?!\s+(?:to|on|upon)\b)", re.IGNORECASE)
_AGREED_TO = re.compile(rf"{_COMMIT}\s+to\s+([a-z]+(?:\s+(?:up|out|on|down|off))?)\s+"
                        r"(?:(?:a|an|the|their|its|his|her)\s+)?$")


def _agreed_verb(text: str, start: int, question: str) -> int:
    """``start`` moved back to the verb that "agreed to" governs when the question asks what was
    agreed and names no verb of its own; else ``start``."""
    if not _ASKS_AGREED.search(question):
        return start
    m = _AGREED_TO.search(text, max(0, start - 60), start)
    return m.start(1) if m and m.end() == start else start


# "How long ago was its membership suspended?" -> "more than 10 years ago": the three seed
# answers to such questions keep "ago", which turns a length of time into a point in it.
_ASKS_AGO = re.compile(r"\bhow\s+(?:long|many\s+\w+|much\s+time)\s+ago\b", re.IGNORECASE)
_AGO = re.compile(r"\s+ago\b")


# "What year did Anandibai die?" -> "1887", not "26 February 1887": 65 of the 69 public
# answers to "what / which year" questions are the year alone.
_MONTH_TOKEN = re.compile(rf"\b(?:{MONTH_NAMES})\b")
_YEAR_TOKEN = re.compile(r"(?<![\w,.])(?:1\d{3}|20\d{2})(?![\w,.]\d)")


def _year_of(text: str, start: int, end: int, form: str) -> tuple[int, int]:
    """The year alone of a short date ("21 October 1805", "summer of 1997") when the question's
    ``answer_form`` is a year, and the month alone ("March" of "March 2012") when it is a month; a
    range ("1768–1771") or a longer span stays whole."""
    if form == "month" and len(text[start:end].split()) <= 4:
        months = list(_MONTH_TOKEN.finditer(text, start, end))
        return months[0].span() if len(months) == 1 else (start, end)
    years = list(_YEAR_TOKEN.finditer(text, start, end))
    if len(years) != 1 or len(text[start:end].split()) > 6 or form != "year":
        return start, end
    return years[0].span()


# A date written whole: "26 October 2014", "June 19, 1910", "November 2023" (a day not followed
# by more digits: not the "May 10" of "May 10,000").
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?!,?\d)"
_WHOLE_YEAR = r"\d{4}(?!\d)"
_DATE = re.compile(rf"\b(?:{_DAY}\s+(?:{MONTH_NAMES})(?:,?\s+{_WHOLE_YEAR})?|(?:{MONTH_NAMES})\s+{_DAY}"
                   rf"(?:,?\s+{_WHOLE_YEAR})?|(?:{MONTH_NAMES}),?\s+{_WHOLE_YEAR})")
_ASKS_WHEN = re.compile(r"^\W*when\b", re.IGNORECASE)
_ERA = re.compile(r" ?(?:BCE|BC|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.)(?!\w)")
_BEFORE_ERA = re.compile(r"(?:\d|\bcentury|\bmillennium)$")


# "When was X born?", "When did X die?"; a life's span in brackets after a name, "(/ˈʃɪlər/; 16
# August 1864 – 6 August 1937)", "(born 1966)": the part after any ";", split at its first dash.
_ASKS_TIME = r"^\W*(?:when|(?:in|on)\s+what\s+(?:year|date)|what\s+(?:year|date))\b.*"
_ASKS_BORN = re.compile(rf"{_ASKS_TIME}\bborn\b", re.IGNORECASE)
_ASKS_DIED = re.compile(rf"{_ASKS_TIME}\b(?:die|died)\b", re.IGNORECASE)
_LIFE_DASH = re.compile(r"\s*[–—─]\s*|\s+-\s+")
_LIFE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")  # "(1932-2002)", when no dash parts the span, nor a "born"
_LIFE_LABEL = re.compile(r"(?:born|b\.|died|d\.)\s+", re.IGNORECASE)
_LIFE_DATE = re.compile(rf"(?:c\.|ca\.|circa|about|\d|{MONTH_NAMES})", re.IGNORECASE)
LIFE_PART_CHARS = 40  # a date, perhaps with its place: longer parts are an aside, not a life's span


def _lived(text: str, start: int, end: int, question: str) -> tuple[int, int]:
    """The birth date of a life's span in brackets for "When was X born?" and its death date for
    "When did X die?", where the span is in those brackets: "16 August 1864", not the whole
    "16 August 1864 – 6 August 1937"; "May 8, 2002", not the birth date beside it. Of the 128
    public training golds so asked that lie in such brackets, 65 are the birth before the dash, 27
    the death after it, and 36 a birth in brackets with no dash ("born 1966"); none the other part."""
    died = bool(_ASKS_DIED.search(question))
    if not died and not _ASKS_BORN.search(question):
        return start, end
    opened = text.rfind("(", max(0, start - 3 * LIFE_PART_CHARS), start)
    closed = text.find(")", end, end + 3 * LIFE_PART_CHARS)
    if opened < 0 or closed < 0 or ")" in text[opened:start] or "(" in text[end:closed] or ";" in text[end:closed]:
        return start, end
    inner = _past_spaces(text, max(opened + 1, text.rfind(";", opened, start) + 1), closed)
    labelled = _LIFE_LABEL.match(text, inner)
    dash = _LIFE_DASH.search(text, inner, closed) or (None if labelled else _LIFE_HYPHEN.search(text, inner, closed))
    if dash:
        s, e = (dash.end(), closed) if died else (inner, dash.start())
    elif not died and labelled:
        s, e = inner, closed
    else:
        return start, end
    s = _past_spaces(text, s, e)
    if m := _LIFE_LABEL.match(text, s, e):
        s = m.end()
    e = s + len(text[s:e].rstrip())
    if e - s > LIFE_PART_CHARS or not _LIFE_DATE.match(text, s, e) or not any(ch.isdigit() for ch in text[s:e]):
        return start, end
    date = _DATE.search(text, s, e)  # "3 May 1932" of "born 3 May 1932 in Leeds", not "26 October" of "... 899"
    return date.span() if date and re.search(r"[^\W\d_]", text[date.end():e]) else (s, e)


def _past_spaces(text: str, i: int, end: int) -> int:
    """The first position from ``i`` (before ``end``) that is not white space."""
    return i + len(text[i:end]) - len(text[i:end].lstrip())


def _whole_date(text: str, start: int, end: int, form: str, question: str) -> tuple[int, int]:
    """The whole date that a part of it stands in ("June 19, 1910" for "June 19", "19 November
    1827" for "November 1827") when the question asks "when" or for a date: annotators give
    the whole (of the public and gold questions so asked whose answer meets a date, 627 give
    the date whole, 53 more than it, 14 a part). A year or a month asked for stays alone
    (``_year_of``). ``form`` is the question's ``answer_form``."""
    if form != "date" and not (form == "" and _ASKS_WHEN.match(question)):
        return start, end
    for m in _DATE.finditer(text, max(0, start - 30), min(len(text), end + 30)):
        if m.start() <= start and end <= m.end():
            return m.span()
    return start, end


# A title before a name ("the Saudi foreign minister Prince ..."): its role words, and the others.
ROLE_WORDS = frozenset("""minister ministers president secretary spokesman spokeswoman spokesperson envoy
ambassador chief leader king queen official counterpart diplomat senator governor mayor chancellor premier""".split())
_TITLE_WORDS = ROLE_WORDS | frozenset("the a an of foreign prime deputy vice general defense defence interior top".split())


def drop_title(index: CorpusIndex, c: Candidate, start: int, end: int) -> tuple[int, int]:
    """A person's name without the title before it: "Faisal Mekdad", not "Syria's Foreign
    Minister Faisal Mekdad" (the longest name the parser found in ``c``'s sentence that ends
    the span, when all before it is a title: capitalised words, articles and at least one role
    word such as "minister"; "Sir Ronald Ross" and "Susan Seaforth Hayes" stay whole). A
    credit "Valery Sharifulin / TASS" gives the name the parser found before its slash."""
    a, text = index.analysis, index.docs[c.doc].text
    lo, hi = int(a.sent_cand[c.sentence]), int(a.sent_cand[c.sentence + 1])
    if (slash := text.find("/", start, end)) > start:
        for k in range(lo, hi):
            s, e = int(a.cand_start[k]), int(a.cand_end[k])
            if a.cand_type[k] == TYPE_ID["PERSON"] and start <= s < e <= slash and not text[e:slash].strip():
                return s, e
    best = None
    for k in range(lo, hi):
        s, e = int(a.cand_start[k]), int(a.cand_end[k])
        if a.cand_type[k] == TYPE_ID["PERSON"] and start < s and e == end and (best is None or s < best):
            best = s
    title = text[start:best].split() if best else []
    bare = {w.lower().removesuffix("'s").removesuffix("’s") for w in title}
    if not title or not all(w.lower() in _TITLE_WORDS or w[:1].isupper() for w in title) or not ROLE_WORDS & bare:
        return start, end  # "Susan Seaforth Hayes" is one name, not a title and "Hayes"
    return best, end


def span_tokens(index: CorpusIndex, c: Candidate, start: int, end: int) -> list[int]:
    """The index's tokens of ``c``'s sentence that lie inside ``[start, end)``."""
    a = index.analysis
    return [t for t in range(int(a.sent_tok[c.sentence]), int(a.sent_tok[c.sentence + 1]))
            if start <= int(a.tok_start[t]) and int(a.tok_end[t]) <= end]


# "How was the atmosphere described?", "What adjective did the reports use?": the question asks
# for the description itself, not the thing described.
_DESCRIBES = re.compile(r"\bhow\b.*\b(?:describ|characteri[sz]|portray|depict|term)\w*"
                        r"|\b(?:what|which)\s+(?:\w+\s+)?(?:adjectives?|words?|terms?)\b", re.IGNORECASE)
_ASKS_ADJECTIVE = re.compile(r"\b(?:what|which)\s+(?:\w+\s+)?(?:adjective|word)\b", re.IGNORECASE)
_COORDINATOR = frozenset({"and", "but", "or", "yet", ","})


def drop_described_noun(index: CorpusIndex, c: Candidate, start: int, end: int,
                        question: str) -> tuple[int, int]:
    """The description without the noun it describes, where the question asks how something
    was described: "positive and constructive", not "positive and constructive atmosphere";
    "safe, voluntary and dignified", not "... return". Only coordinated lower-case modifiers
    (no noun, name, verb or number among them) before a final common noun are kept; a single
    modifier keeps its noun ("main ally") unless the question names that very word ("How was
    the meeting described?" -> "fruitful"; "supporter" is not "support") or asks for an
    adjective or a word ("What adjective ...?" -> "landmark", not "landmark meeting")."""
    if not _DESCRIBES.search(question):
        return start, end
    a, text = index.analysis, index.docs[c.doc].text
    toks = span_tokens(index, c, start, end)
    if len(toks) < 2 or not a.tok_flags[toks[-1]] & F_NOUN or a.tok_flags[toks[-1]] & F_PROPN:
        return start, end
    mods = [text[int(a.tok_start[t]):int(a.tok_end[t])] for t in toks[:-1]]
    if not all(m.islower() or m == "," for m in mods):
        return start, end
    content = [t for t, m in zip(toks, mods) if m not in _COORDINATOR]
    coordinated = len(mods) >= 3 and _COORDINATOR.intersection(mods) \
        and not any(a.tok_flags[t] & (F_NOUN | F_PROPN | F_VERB | F_NUM) for t in content)
    noun = text[int(a.tok_start[toks[-1]]):int(a.tok_end[toks[-1]])]
    named = noun.lower().removesuffix("s") in {w.lower().removesuffix("s") for w in words(question)}
    if coordinated or len(mods) == 1 and (_ASKS_ADJECTIVE.search(question) or named):
        return start, int(a.tok_end[toks[-2]])
    return start, end


def first_action(index: CorpusIndex, c: Candidate, start: int, end: int, question: str) -> tuple[int, int]:
    """The first of two actions an answer joins, where the question asks for one ("What has
    Erdogan done with former rivals?" -> "made up with former rivals across the region", not
    "... and is now courting a presidential summit"): an answer that opens with a verb is cut
    before an "and" that a verb follows within ``ACTION_JOIN`` words, if three words or more
    stand before it, not all of them verbs, and no comma that makes it a list ("plans, designs
    and reviews the construction of buildings" stays whole)."""
    if not ASKS_ACTION.search(question):
        return start, end
    a, text = index.analysis, index.docs[c.doc].text
    toks = span_tokens(index, c, start, end)
    if not toks or not a.tok_flags[toks[0]] & F_VERB:
        return start, end
    for i in range(3, len(toks) - 1):
        if text[int(a.tok_start[toks[i]]):int(a.tok_end[toks[i]])] == "and" \
                and any(a.tok_flags[t] & F_VERB for t in toks[i + 1:i + 1 + ACTION_JOIN]) \
                and any(not a.tok_flags[t] & (F_VERB | F_PUNCT) for t in toks[1:i]) \
                and "," not in {text[int(a.tok_start[t]):int(a.tok_end[t])] for t in toks[1:i]}:
            before = toks[i - 1]
            if text[int(a.tok_start[before]):int(a.tok_end[before])] == ",":
                before = toks[i - 2]
            return start, int(a.tok_end[before])
    return start, end


_FUNCTION_WORDS = frozenset("""a an the in on at of for from by with to into onto over under about as than and or
but nor if that which who whom whose this these those it its he she they them his her their we us our you your i me my
is are was were be been being has have had do does did will would can could should may might must there here""".split())




def function_words_only(span: str) -> bool:
    """A span of function words or name particles alone, in lower case ("in", "of the", "al"
    of "al-Assad"), answers nothing ("US", "He" or "several" may: 2 of the 6,208 public gold
    answers are all stop words)."""
    ws = words(span)
    return span == span.lower() and all(w in _FUNCTION_WORDS or w in NAME_PARTICLES for w in ws)


def stop_words_only(span: str) -> bool:
    """A lower-case span of stop words alone ("before", "until then"): the span head may rank one
    first ("When will the court hear the appeal?" -> "before", of "pending before the court"),
    but it says nothing, and is refused (``Verifier.mismatch``). ``function_words_only``'s shorter
    list drops candidates before they are read; this one judges the best answer."""
    return span == span.lower() and all(fold(w).lower() in STOP_WORDS for w in words(span))


_CLITIC_OPENING = re.compile(r"^['’](?:s|re|ve|ll|d|m)\b|^n['’]t\b", re.IGNORECASE)


def opens_with_clitic(span: str) -> bool:
    """A span the span head cut after a word's own ending ("’s membership after its suspension"
    of "Syria’s membership ..."): the word it belongs to is left out, so it is no answer."""
    return bool(_CLITIC_OPENING.match(span))


def line_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the label that opens a line and ends at its colon
    ("Source" of "Source: Al Jazeera and news agencies", "Photo" of "Photo: ..."): a label
    names what the line holds, not anything the line says."""
    return text.startswith(":", end) and (start == 0 or text[start - 1] == "\n") and len(text[start:end].split()) <= 2


def cuts_slash_compound(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stops or starts inside words joined by a slash: "YPG" of
    "YPG/PKK" names half a thing (4 of 7,210 gold answers here are such halves, 3 of them URL
    parts, which a digit or a dot beside the slash keeps)."""
    return (0 < end < len(text) - 1 and text[end] == "/" and text[end - 1].isalpha() and text[end + 1].isalpha()
            or 1 < start < len(text) and text[start - 1] == "/" and text[start - 2].isalpha() and text[start].isalpha())


_WORD = re.compile(r"\S+")
SERVED_WINDOW = 80  # characters before a function's name searched for the countries it serves


def _country_adjective(word: str) -> bool:
    """Whether a word is a country's adjective ("Syrian", "Saudi"), not its name or capital."""
    country = country_of(word)
    return word[:1].isupper() and word.isalpha() and bool(country) and word != country and not capital_named(word)


def with_countries_served(text: str, start: int, end: int, question: str) -> tuple[int, int]:
    """People named by their function alone ("defense ministers") with the countries they
    serve when these come just before ("the Russian, Syrian and Turkish defense ministers"):
    the function alone does not say whose. Not where the question names a country other than by
    its capital ("Which Syrian officials met?" says whose)."""
    if not text[start:end].islower() or any(country_of(w) and not capital_named(w) for w in words(question)):
        return start, end
    lo = max(0, start - SERVED_WINDOW)
    new_start, expect_country = start, True
    for m in reversed(list(_WORD.finditer(text, lo, start))):
        word = m.group()
        if new_start == start and text[m.end() : start].strip():
            break  # not right before the span
        core = word.rstrip(",")
        if core == "and" and not expect_country:
            expect_country = True
        elif _country_adjective(core) and (core == word or new_start < start):
            new_start, expect_country = m.start(), False
        else:
            break
    return new_start, end


# The noun a "which"/"what" phrase asks for: "What UN resolution did ...?" -> "resolution", "What
# power's decline ...?" -> "power", "decline of which power?" -> "power"; none for "What did ...?".
_ASKED_NOUN = re.compile(r"\b(?:which|what)\s+(?!(?:kind|type|sort|form)s?\s+of\b)(?P<words>(?:[\w’'-]+\s*){1,4})",
                         re.IGNORECASE)
_NOT_IN_ASKED_NOUN = frozenset("is was are were be been do does did has have had will would can could should may might "
                               "must of in on at to for from with by about as the a an this that these those".split())


def asked_noun(question: str) -> str:
    """The noun a "which"/"what" phrase asks for, lower-cased, or "": without a parser, the last
    of its first four words before a function word or a possessive's owner. A verb can slip in
    ("Which city hosted ...?" -> "hosted"): callers match it against the text's nouns."""
    m = _ASKED_NOUN.search(question)
    if not m:
        return ""
    head = ""
    for w in m.group("words").split():
        bare = re.sub(r"['’]s$", "", w)
        if w.lower() in _NOT_IN_ASKED_NOUN or not bare.isalpha():
            break
        head = bare.lower()
        if bare != w:
            break  # "What power's decline": the owner is asked
    return head


def with_asked_noun(index: CorpusIndex, c: Candidate, start: int, end: int, question: str) -> tuple[int, int]:
    """A number with the capitalised noun before it that the question asks for: "Resolution
    2254" for "What UN resolution ...?", not "2254", which names nothing by itself."""
    noun = asked_noun(question)
    if not noun:
        return start, end
    a, text = index.analysis, index.docs[c.doc].text
    inside = span_tokens(index, c, start, end)
    if not inside or not all(a.tok_flags[t] & F_NUM for t in inside):
        return start, end
    before = inside[0] - 1
    if before < int(a.sent_tok[c.sentence]):
        return start, end
    s, e = int(a.tok_start[before]), int(a.tok_end[before])
    if a.tok_flags[before] & (F_NOUN | F_PROPN) and text[s:e][:1].isupper() and not text[e:start].strip(" ") \
            and stem(text[s:e].lower()) == stem(noun):
        return s, end
    return start, end


# Words that say how many or which of something without naming it: alone they answer only
# "how many" ("several"), elsewhere they need their noun ("various militias", not "various").
_QUANTIFIERS = frozenset("various several numerous multiple different certain other".split())
_ASKS_COUNT = re.compile(r"\bhow\s+(?:many|much)\b", re.IGNORECASE)


def with_quantified_noun(index: CorpusIndex, c: Candidate, start: int, end: int, question: str) -> tuple[int, int]:
    """A lone quantifier with the nouns that follow it in its sentence: "various militias" for
    "Which militias control the northwest?", where the question's own noun was left out of the
    span as an echo. Not for "how many" or "how much", which a quantifier answers alone."""
    a, text = index.analysis, index.docs[c.doc].text
    inside = span_tokens(index, c, start, end)
    if len(inside) != 1 or text[start:end].lower() not in _QUANTIFIERS or _ASKS_COUNT.search(question):
        return start, end
    new_end, t = end, inside[0] + 1
    while t < int(a.sent_tok[c.sentence + 1]) and a.tok_flags[t] & F_NOUN and not a.tok_flags[t] & F_PROPN:
        new_end, t = int(a.tok_end[t]), t + 1
    return start, new_end


# "How many British troops ...?" names what it counts; annotators of the public sets give the
# count alone where the source follows it with those words ("3,029", not "3,029 British troops":
# 143 of the 185 golds of such questions over the training data), but keep a unit of time ("11
# years": 6 of 9 there, and every seed question so asked).
def without_counted_noun(index: CorpusIndex, c: Candidate, start: int, end: int, question: str) -> tuple[int, int]:
    """The count alone, without the trailing words that repeat what "how many ..." counts
    ("3,029" for "How many British troops were part of the army?"), unless they are a unit of
    time or nothing that says how many would be left."""
    asked = HOW_MANY.search(question)
    if not asked:
        return start, end
    counted = {stem(w) for w in words(asked.group(1))}  # every word, not only ``counted_words``
    if counted & TIME_UNITS:
        return start, end
    a, text = index.analysis, index.docs[c.doc].text
    inside = span_tokens(index, c, start, end)
    k = len(inside)
    while k > 1 and stem(text[a.tok_start[inside[k - 1]] : a.tok_end[inside[k - 1]]]) in counted:
        k -= 1
    if k == len(inside) or not a.tok_flags[inside[k - 1]] & F_NUM:
        return start, end
    return start, int(a.tok_end[inside[k - 1]])


# Units of measure by what they measure in, longest forms first: a question that names one ("How
# many square miles is Pakistan?", "titanic wreck depth in feet") is answered in it where the
# source gives the figure in two ("881,913 km2 (340,509 sq mi)", "3,800 metres (12,500 feet)").
_UNITS = {
    "sqmi": r"square\s+miles?|sq\.?\s*mi",
    "km2": r"square\s+kilomet(?:re|er)s?|km2|km²|sq\.?\s*km",
    "mph": r"miles\s+(?:per|an)\s+hour|mph",
    "kmh": r"kilomet(?:re|er)s\s+(?:per|an)\s+hour|km/h|kph",
    "ft": r"feet|foot|ft",
    "mi": r"miles?",
    "km": r"kilomet(?:re|er)s?|km",
    "m": r"met(?:re|er)s?|m",
    "lb": r"pounds|lbs?",
    "kg": r"kilo(?:gram)?s?|kg",
    "F": r"°\s*F|degrees\s+fahrenheit|fahrenheit",
    "C": r"°\s*C|degrees\s+cel[sc]ius|cel[sc]ius",
    "gal": r"gallons?",
    "l": r"lit(?:re|er)s?",
    "acre": r"acres?",
    "ha": r"hectares?",
}
# In a question only the words, not the signs ("m", "°F"), which are also other things
_SAID_UNITS = {**_UNITS, "m": r"met(?:re|er)s?", "F": r"fahrenheit", "C": r"cel[sc]ius"}
_ASKED_UNIT = re.compile(r"\b(?:" + "|".join(rf"(?P<{k}>{v})" for k, v in _SAID_UNITS.items()) + r")\b", re.IGNORECASE)
_FIGURE = r"\d[\d,.]*(?:\s*(?:thousand|million|billion))?"
# By unit: a figure in it; the same in brackets, after an answer in another unit; "How many <unit>"
_IN_UNIT = {k: re.compile(rf"{_FIGURE}\s*-?\s*(?:{v})\b", re.IGNORECASE) for k, v in _UNITS.items()}
_BRACKETED = {k: re.compile(rf" ?\(\s*(?:about|around|roughly|some|nearly|almost|over|approximately|c\.)?\s*"
                            rf"(?P<fig>{_FIGURE})\s*-?\s*(?P<unit>{v})\b", re.IGNORECASE) for k, v in _UNITS.items()}
_COUNTED_IN = {k: re.compile(rf"\bhow\s+many\s+(?:{v})\b", re.IGNORECASE) for k, v in _UNITS.items()}


def in_asked_unit(text: str, start: int, end: int, question: str) -> tuple[int, int]:
    """The figure in the unit the question names where the source gives it in two: the one in
    brackets right after the answer ("3,800 metres (12,500 feet)" for "... in feet"), or inside
    the answer ("881,913 km2 (340,509 sq mi)"), with its unit, or alone for "How many <unit> ...?"
    (``without_counted_noun``)."""
    asked = _ASKED_UNIT.search(question)
    span = text[start:end]
    if not asked or not any(ch.isdigit() for ch in span):
        return start, end
    unit = asked.lastgroup
    if _IN_UNIT[unit].search(span) and "(" not in span:
        return start, end  # already in the asked unit
    bracket = _BRACKETED[unit]
    m = bracket.search(text, start, end) or bracket.match(text, end, min(len(text), end + 80))
    if not m:
        return start, end
    return m.start("fig"), m.end("fig") if _COUNTED_IN[unit].search(question) else m.end("unit")

"""Where a person works: "What company does Adam D'Angelo run?" -> "Quora".

Such a question names a person and asks for the company, club, firm or other body they run,
chair, founded, play for or work at. The reader scores every name near the person's ("OpenAI",
"Amazon", "Dubai-based") and often prefers another body of the same sentence; the corpus ties the
person to their own in a few fixed ways, which this module reads in the sentences retrieved:

- the body before the person's title and name: "Quora CEO Adam D'Angelo", "Twitch co-founder
  Emmett Shear", "Benfica's Enzo Fernandez";
- the title after the name, "of" the body: "Harding, chairman of the Dubai-based aircraft broker
  Action Aviation", "Mauger, commander of the First Coast Guard District";
- the body "run" or "chaired by" the person: "Action Aviation, the Dubai-based company chaired
  by Hamish Harding";
- the person's verb: "Shear co-founded Twitch", "Martinez told TyC Sports".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.found import FoundSpan
from qa.roles import country_of_whole
from qa.text import STOP_WORDS, fold

# The kind of body asked for ("Which streaming company", "What record label", "which club")
_KIND = (r"company|companies|firm|club|team|side|organi[sz]ation|group|site|website|platform|service|university"
         r"|college|school|channel|network|agency|start-?up|business|band|party|district|cent(?:er|re)|institute"
         r"|newspaper|magazine|bank|brand|label|outlet|publication|studio|fund|charity|foundation|airline|broker"
         r"|department|unit|lab|laboratory|think\s+tank|exchange|hospital|venture|broadcaster|station|tv|television"
         r"|radio|paper|daily|programme|program|show|podcast|media")
# What a person does for a body, as a question asks it ("run", "co-found", "play for"), and the
# verbs a sentence says it with: a founding by founding ("Shear co-founded Twitch"), not by any
# tie ("Altman joined a Google Meet call")
_LEAD_ASKED = (r"run|runs|ran|chair|chairs|chaired|head|heads|headed|lead|leads|led|own|owns|owned|manage|manages"
               r"|managed|coach|coaches|coached|command|commands|commanded|direct|directs|directed|captain|captains"
               r"|captained|be\s+in\s+charge\s+of|in\s+charge\s+of")
_LEAD_SAID = (r"(?:co-?)?(?:runs|ran|chairs|chaired|heads|headed|leads|led|owns|owned|manages|managed|coaches|coached"
              r"|captains|captained|directs|directed|commands|commanded)")
_MEMBER_ASKED = (r"represent|represents|represented|join|joins|joined|play|plays|played|work|works|worked|sign|signs"
                 r"|signed|serve|serves|served")
_MEMBER_SAID = r"joined|represents|represented|(?:plays|played|works|worked|signed|serves|served)\s+(?:for|at|with)"
_FAMILIES = {
    "lead": (_LEAD_ASKED, _LEAD_SAID),
    "found": (r"found|founded|start|started|create|created|launch|launched|set\s+up",
              r"(?:co-?)?(?:founded|started|created|launched|set\s+up)"),
    "member": (_MEMBER_ASKED, _MEMBER_SAID),
    # "Which TV channel did Martinez talk to?": "Martinez told TyC Sports"
    "told": (r"talk|talked|speak|spoke|tell|told|give\s+an\s+interview|gave\s+an\s+interview",
             r"told|(?:said|spoke|talked)\s+(?:to|in\s+an\s+interview\s+with)"),
}
_VERB = "|".join(rf"(?P<{family}>{asked})" for family, (asked, _) in _FAMILIES.items())
_ADVERB = r"previously|formerly|later|once|currently|now|still|also|first|originally|then|last|briefly"
# "What company does Adam D'Angelo run?", "Which club did Enzo Fernandez play for?", "Which
# Coast Guard district is Mauger in charge of?"
_ASKS = re.compile(
    rf"\b(?:which|what)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_KIND})\s+(?:does|did|do|has|had|is|was|will)\s+"
    rf"(?P<who>[^?,]+?)\s+(?:(?:{_ADVERB})\s+)?(?:co-?)?(?:{_VERB})\b"
    r"(?:\s+(?:for|at|with|in|as|to|from|until|before|after|during|between)\b[^?]{0,40})?\s*\??\s*$",
    re.IGNORECASE)
# "Who does Enzo Fernandez play for?": a club, or a country's side
_ASKS_WHO = re.compile(
    r"^\W*(?:according\s+to\s+[^,]+,\s*)?whom?\s+(?:does|did|do|has|had|will)\s+(?P<who>[^?,]+?)\s+"
    r"(?:(?:currently|now|still|previously|formerly|once|later)\s+)?(?P<member>play|work)(?:ed)?\s+for"
    r"(?:\s+(?:in|at|during|before|after|until)\b[^?]{0,40})?\s*\??\s*$", re.IGNORECASE)
# A person's title at a body: one that leads it ("CEO", "chief technology officer", "co-founder"), or
# any other ("midfielder", "trader")
_LEAD_TITLES = (r"ceo|chief\s+executive(?:\s+officer)?|chief\s+\w+\s+officer|chair(?:man|woman|person)?"
                r"|(?:co-?)?founder|president|head|director|commander|chief|owner|boss|manager|coach|captain|executive"
                r"|publisher|principal")
_OTHER_TITLES = (r"midfielder|striker|forward|defender|goalkeeper|keeper|winger|player|spokes(?:man|woman|person)"
                 r"|editor|professor|partner|trader|analyst|economist|researcher|scientist|engineer|employee|officer")
_LEAD_ROLE = rf"(?i:{_LEAD_TITLES})"
_ROLE = rf"(?i:{_LEAD_TITLES}|{_OTHER_TITLES})"
_BEFORE_ROLE = (r"(?i:former|then|interim|acting|current|outgoing|longtime|long-time|new|ex-|founding|senior|deputy"
                r"|vice|executive|managing|general|co-)")
# A word of a body's name: inner dots and an initial's ("U.S."), not a possessive's "'s" nor a full stop
_ORG_WORD = rf"(?!{_ROLE}(?![\w-]))[A-Z](?:[\w&-]|(?!['’]s\b)[.'’](?=[\w-]))*(?:(?<=\b[A-Z])\.)?"
# A body's name: capitalised words ("Action Aviation", "First Coast Guard District", "Center for
# Security"), not an adjective of place ("Dubai-based") nor an article
_ORG = (r"(?!(?:The|A|An|Former|Then|Its|His|Her|Their)\b)(?![A-Z][\w.]*-(?:based|born|owned|listed|backed|led|run"
        rf"|made|era)\b){_ORG_WORD}(?:\s+(?:(?:of|for|&)\s+(?:the\s+)?)?{_ORG_WORD}){{0,5}}")
# Words describing the body before its name: "the streaming service", "Dubai-based aircraft broker"
_DESCRIBED = r"(?:(?:[a-z][\w-]*|[A-Z][\w.]*-(?:based|owned|listed|backed|run))\s+){0,4}?"
_BY = (r"chaired|run|founded|co-?founded|owned|led|headed|managed|operated|controlled|coached|captained|directed"
       r"|commanded")
# The same asked the other way round: "Adam D'Angelo is the CEO of which company?", "Enzo Fernandez
# plays for which club?"; and by the title: "Which company is Adam D'Angelo the CEO of?"
_ASKS_AFTER = re.compile(
    rf"^\W*(?:according\s+to\s+[^,]+,\s*)?(?P<who>[^?,]+?)\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?:{_BEFORE_ROLE})\s*){{0,2}}(?P<title>{_ROLE})\s+(?:of|at)|(?:(?:{_ADVERB})\s+)?(?:co-?)?(?:{_VERB})"
    rf"(?:\s+(?:for|at|with))?)\s+(?:which|what)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_KIND})\b[^?]*\??\s*$",
    re.IGNORECASE)
_ASKS_TITLE = re.compile(
    rf"\b(?:which|what)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_KIND})\s+(?:is|was)\s+(?P<who>[^?,]+?)\s+(?:the|a|an)\s+"
    rf"(?:(?:{_BEFORE_ROLE})\s*){{0,2}}(?P<title>{_ROLE})\s+(?:of|at)\s*\??\s*$",
    re.IGNORECASE)
# A body a country can be ("Which team did Messi captain?" -> "Argentina")
_COUNTRY_KINDS = re.compile(r"\b(?:team|side)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Affiliation:
    """What an affiliation question asks: the words naming the person, less a first name
    (("D'Angelo",); ("Menem", "Akil") of "Carlos Menem Akil"), the kind of body ("company"), what
    the person does for it (a family of ``_FAMILIES``, or "title" where the question names the
    title), and the titles a sentence may give them there (``_ROLES``; only the one the question
    names in "as a trader")."""

    names: tuple[str, ...]
    kind: str
    family: str
    role: str


# The titles that tie a person to a body they lead or founded; any title for one they belong to;
# none to the outlet they told something
_ROLES = {"lead": _LEAD_ROLE, "found": r"(?i:(?:co-?)?founder)", "member": _ROLE, "title": _ROLE, "told": ""}
# "... work at as a trader?": the title asked
_AS_ROLE = re.compile(r"\bas\s+(?:an?\s+|the\s+)?(?P<role>[a-z][\w-]+)", re.IGNORECASE)


def asks_affiliation(question: str) -> Affiliation | None:
    """What a question asks of where a person works ("What company does Adam D'Angelo run?",
    "Adam D'Angelo is the CEO of which company?"), or None for another question."""
    question = question.strip()
    m = (_ASKS.search(question) or _ASKS_AFTER.search(question) or _ASKS_TITLE.search(question)
         or _ASKS_WHO.search(question))
    if not m:
        return None
    who = [w for w in re.findall(r"[\w'’.-]+", m.group("who")) if fold(w) not in STOP_WORDS]
    if question != question.lower():  # a person's name is capitalised: not "the loan deal"
        who = [w for w in who if w[:1].isupper()]
    if not who or len(who) > 4:
        return None
    after = question[m.end("who"):]
    kind = re.search(rf"\b(?:{_KIND})\b", after if m.re is _ASKS_AFTER else m.group(0), re.IGNORECASE)
    names = tuple(re.sub(r"['’]s?$", "", w) for w in (who[1:] if len(who) > 1 else who))
    groups = m.groupdict()
    family = "title" if groups.get("title") else next(f for f in _FAMILIES if groups.get(f))
    role = _ROLES[family]
    if as_role := _AS_ROLE.search(after):
        role = rf"(?i:{re.escape(as_role.group('role').rstrip('s'))}s?)"
    return Affiliation(names, kind.group(0).lower() if kind else "", family, role)


def _patterns(asked: Affiliation) -> list[re.Pattern[str]]:
    """The ways a sentence ties the person asked about to a body, each with the body as
    ``org``: by a title, or by a verb of the family asked."""
    named = "|".join(re.escape(n) for n in asked.names)
    person = rf"(?<![\w’'.-])(?:[A-Z][\w’'.-]*\s+){{0,3}}(?i:{named})(?![\w’'-])"
    role = asked.role
    # "Benfica's Enzo Fernandez" says where he plays, or what he runs, not what he founded
    bare = r"|" if asked.family in ("lead", "member") and role == _ROLES[asked.family] else ""
    # "Quora CEO Adam D'Angelo", "OpenAI's chief technology officer Mira Murati", "Benfica's Enzo Fernandez"
    by_title = (
        rf"(?<![\w’'-])(?P<org>{_ORG})(?:['’]s\s+(?:(?:{_BEFORE_ROLE})\s*)?(?:{role}\s+{bare})"
        rf"|\s+(?:(?:{_BEFORE_ROLE})\s*)?{role}\s+){person}")
    # "D'Angelo, the CEO of question-and-answer site Quora", "Taylor is the former co-chief executive of Salesforce"
    title_of = (
        rf"{person}(?:,|\s+(?:is|was|has\s+been|had\s+been|became|remains))?\s+(?:(?:the|a|an)\s+)?"
        rf"(?:(?:{_BEFORE_ROLE})\s*){{0,2}}(?:{role})(?:\s+and\s+(?:{_ROLE}))?"
        rf"\s+(?:of|at)\s+(?:the\s+)?{_DESCRIBED}(?P<org>{_ORG})")
    # "Action Aviation, the Dubai-based company chaired by Hamish Harding"
    done_by = rf"(?<![\w’'-])(?P<org>{_ORG}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:{_BY})\s+by\s+{person}"
    patterns = [by_title, title_of, done_by] if role else []  # no title says whom one told
    if asked.family in _FAMILIES and role == _ROLES[asked.family]:
        patterns.append(  # "Shear co-founded Twitch", "Emmett Shear, who co-founded the video streaming site Twitch"
            rf"{person}(?:,[^,.;]{{0,80}},)?,?\s+(?:who\s+)?(?:(?:{_ADVERB})\s+)?(?:{_FAMILIES[asked.family][1]})\s+"
            rf"(?:the\s+)?{_DESCRIBED}(?P<org>{_ORG})")
    return [re.compile(p) for p in patterns]


def affiliation_spans(question: str, sentences: list[tuple[int, int, int, str]]) -> list[FoundSpan]:
    """The bodies the ``sentences`` (``(doc, passage, start, text)``, best first) tie the person
    a question names to ("Quora" for "What company does Adam D'Angelo run?"), in the order
    found; [] for another question. Not a body the question names, nor, unless a team is asked
    for, a country ("Argentina's Enzo Fernandez")."""
    asked = asks_affiliation(question)
    if asked is None:
        return []
    countries_ok = not asked.kind or bool(_COUNTRY_KINDS.search(asked.kind))  # "Who does he play for?"
    patterns = _patterns(asked)
    found = []
    for doc, passage, start, text in sentences:
        for pattern in patterns:
            for m in pattern.finditer(text):
                org = m.group("org")
                if re.search(rf"(?<![\w-]){re.escape(org)}(?![\w-])", question, re.IGNORECASE):
                    continue
                if not countries_ok and country_of_whole(org) or re.fullmatch(_BEFORE_ROLE, org):
                    continue  # not "Argentina" of "Argentina's Enzo Fernandez", "Interim" of "Interim CEO Murati"
                found.append(FoundSpan(doc, start + m.start("org"), start + m.end("org"), passage))
    return found

"""Light text normalisation shared by index time and question time (no spaCy on the query path)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom whose why will with would you your yours yourself
    yourselves s t d ll m re ve said say says according many much""".split()
)

# Irregular forms a suffix stemmer can't join to their base ("met" and "meet", "held" and "hold").
_IRREGULAR = dict(
    pair.split(":")
    for pair in """met:meet held:hold said:say went:go gone:go took:take taken:take gave:give given:give
    made:make came:come saw:see seen:see knew:know known:know found:find told:tell thought:think
    brought:bring bought:buy built:build sent:send spent:spend left:leave lost:lose led:lead
    began:begin begun:begin became:become wrote:write written:write ran:run won:win fought:fight
    taught:teach caught:catch sought:seek stood:stand understood:understand kept:keep felt:feel
    paid:pay laid:lay sold:sell struck:strike spoke:speak spoken:speak chose:choose chosen:choose
    rose:rise risen:rise fell:fall fallen:fall grew:grow grown:grow drew:draw drawn:draw
    threw:throw thrown:throw flew:fly flown:fly broke:break broken:break drove:drive driven:drive
    ate:eat eaten:eat forgave:forgive forgot:forget forgotten:forget froze:freeze hid:hide hidden:hide
    shook:shake shot:shoot slid:slide stole:steal stolen:steal swore:swear tore:tear wore:wear
    woke:wake overtook:overtake undertook:undertake withdrew:withdraw withdrawn:withdraw
    bore:bear born:bear borne:bear dealt:deal meant:mean heard:hear sat:sit slept:sleep swept:sweep
    wept:weep won:win wound:wind children:child men:man women:woman people:person mice:mouse
    feet:foot teeth:tooth geese:goose better:good best:good worse:bad worst:bad""".split()
)
_WORD = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+")
_stemmer = Stemmer.Stemmer("english")


# Between the items of a list: "X, Y and Z" (tidy spans, photo captions, counted answers).
LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def fold(text: str) -> str:
    """Lower-case and strip accents, so that "Türkiye" and "Turkiye" meet."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def unaccented(text: str) -> str:
    """``text`` with its accents taken off letter by letter, case and length kept, so that offsets
    in it are those of ``text`` ("Erdoğan" -> "Erdogan")."""
    return "".join(unicodedata.normalize("NFKD", ch)[:1] or ch for ch in text)


def squash(text: str) -> str:
    """Letters and digits only, accents folded: "Al Jazeera" and "aljazeera.com" meet as names."""
    return re.sub(r"[^0-9a-z]", "", fold(text))


# British spellings' stems joined to the American ones ("defence" and "defense", "normalising"
# and "normalizing"): news copy and questions mix them.
_BRITISH = dict(
    pair.split(":")
    for pair in """defenc:defens offenc:offens licenc:licens colour:color favour:favor honour:honor labour:labor
    neighbour:neighbor harbour:harbor behaviour:behavior centr:center metr:meter theatr:theater normalis:normal
    organis:organiz recognis:recogn apologis:apolog criticis:critic emphasis:emphas realis:realiz programm:program
    catalogu:catalog analys:analyz mobilis:mobil stabilis:stabil""".split()
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of one word (folded first); the unit of lexical matching everywhere."""
    word = fold(word)
    stemmed = _stemmer.stemWord(_IRREGULAR.get(word, word))
    return _BRITISH.get(stemmed, stemmed)


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text``, its newline excluded."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def words(text: str) -> list[str]:
    """Word tokens of ``text``: alphabetic runs and numbers."""
    return _WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words of ``text``, in order."""
    return [stem(w) for w in words(text) if fold(w) not in STOP_WORDS and w != "s"]


def lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds half of a UTF-16 pair (a JSON "\\ud800"), or a byte that was not UTF-8
    (decoded by argv's surrogateescape): text that cannot be encoded, read or written back."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)

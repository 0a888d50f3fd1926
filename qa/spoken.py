"""Questions dictated to a voice assistant, as they would have been typed.

A speech-to-text transcript carries what a typist leaves out: hesitations ("what is the name
of the um the russian minister"), a word taken back ("who is the turkish no the iranian foreign
minister") and numbers as they are said ("what happened in twenty twelve", "resolution two two
five four"). News gives years and codes in digits, so a spoken one matches neither the words of
the passages nor the question checks that read years ("in 2012").
"""

from __future__ import annotations

import re

# Hesitations anywhere in a question; never words of their own ("er" is left: "Erdogan's er"
# is no hesitation in a typed question, and dictation spells it "uh").
_HESITATION = re.compile(r"(?<![\w'’-])(?:u+m+|u+h+m*|e+r+m+|h+m+)(?![\w'’-])\s*,?\s*", re.IGNORECASE)
# The small word said twice around a hesitation ("the um the russian minister" -> "the the").
_SAID_TWICE = re.compile(r"\b(the|a|an|of|to|in|on|at|for|with|about|is|was|did|does|what|who|when|where|which|how)"
                         r"(\s+\1)+\b", re.IGNORECASE)
# A word taken back: "the turkish no the iranian minister", "the syrian minister sorry the
# turkish minister" (the correction names its noun phrase again, with its article),
# "what did lavrov i mean mekdad say" (after "i mean", whatever follows). What is taken back
# is the noun phrase before the marker: its article and up to three words, or one bare word.
# Not "sorry" after "am", "was", "so", "feel" ...: there it is meant ("who was sorry the ...").
_TAKEN_BACK = re.compile(
    r"(?:\b(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+|\b(?!(?:am|is|are|was|were|be|been|so|feel|felt|very)\b)"
    r"[\w'’-]+)\s*,?\s+(?:(?:no|sorry|or\s+rather)\s*,?\s+(?=(?:the|a|an)\s)|i\s+mean\s*,?\s+)", re.IGNORECASE)

_UNITS = {"oh": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_NUMBER_WORD = "|".join([*_UNITS, *_TEENS, *_TENS, "hundred", "thousand"])
# A run of number words as said ("twenty twelve", "two thousand and eleven", "three point five").
_SPOKEN_RUN = re.compile(rf"\b(?:{_NUMBER_WORD})(?:(?:\s+|-)(?:{_NUMBER_WORD}|and|point)(?=\b))*\b", re.IGNORECASE)


def _two_digits(tokens: list[str], i: int) -> tuple[int, int] | None:
    """The number from 10 to 99 said at ``tokens[i]`` ("twelve", "fifty four") and the index
    after it, or None."""
    if i >= len(tokens):
        return None
    if tokens[i] in _TEENS:
        return _TEENS[tokens[i]], i + 1
    if tokens[i] in _TENS:
        if i + 1 < len(tokens) and tokens[i + 1] in _UNITS and _UNITS[tokens[i + 1]] and tokens[i + 1] != "oh":
            return _TENS[tokens[i]] + _UNITS[tokens[i + 1]], i + 2
        return _TENS[tokens[i]], i + 1
    return None


def _below_hundred(tokens: list[str]) -> int | None:
    """The number from 1 to 99 that ``tokens`` say entirely, or None."""
    if len(tokens) == 1 and tokens[0] in _UNITS and tokens[0] not in ("oh", "zero"):
        return _UNITS[tokens[0]]
    got = _two_digits(tokens, 0)
    return got[0] if got and got[1] == len(tokens) else None


def _as_digits(run: str) -> str | None:
    """Digits for a run of number words said as a year, a code or a decimal, or None where
    the run is a count best left in words ("four countries", "twenty five")."""
    tokens = [t for t in re.split(r"[\s-]+", run.lower()) if t]
    if "point" in tokens:  # "three point five" -> "3.5"
        k = tokens.index("point")
        whole, decimals = _below_hundred(tokens[:k]) if k else None, tokens[k + 1:]
        if tokens[:k] == ["zero"]:
            whole = 0
        if whole is not None and decimals and all(t in _UNITS for t in decimals):
            return f"{whole}.{''.join(str(_UNITS[t]) for t in decimals)}"
        return None
    if tokens[:2] == ["two", "thousand"]:  # "two thousand and eleven" -> "2011"
        rest = tokens[3:] if tokens[2:3] == ["and"] else tokens[2:]
        years = _below_hundred(rest) if rest else None
        return f"{2000 + years}" if years is not None else None
    if len(tokens) >= 3 and all(t in _UNITS for t in tokens):  # "two two five four" -> "2254"
        return "".join(str(_UNITS[t]) for t in tokens)
    first = _two_digits(tokens, 0)  # "twenty twelve", "nineteen oh five", "twenty two fifty four"
    if first is None or first[1] >= len(tokens):
        return None
    rest = tokens[first[1]:]
    if rest == ["hundred"]:
        return f"{first[0] * 100}"
    if len(rest) == 2 and rest[0] == "oh" and rest[1] in _UNITS:
        return f"{first[0] * 100 + _UNITS[rest[1]]}"
    second = _two_digits(rest, 0)
    return f"{first[0] * 100 + second[0]}" if second and second[1] == len(rest) else None


def _numbers_as_digits(text: str) -> str:
    def digits(m: re.Match) -> str:
        run = m.group()
        trail = re.search(r"(?:[\s-]+and)+$", run, re.IGNORECASE)  # "twenty twelve and" keeps its "and"
        core = run[: trail.start()] if trail else run
        said = _as_digits(core)
        return run if said is None else said + (trail.group() if trail else "")

    return _SPOKEN_RUN.sub(digits, text)


def spoken_as_typed(text: str) -> str:
    """The question as typed: hesitations out, a word taken back replaced by its correction,
    years, codes and decimals said in words in digits ("um what happened in twenty twelve" ->
    "what happened in 2012"). Typed questions pass through unchanged."""
    text = _HESITATION.sub("", text)
    text = _SAID_TWICE.sub(r"\1", text)
    text = _TAKEN_BACK.sub("", text)
    return _numbers_as_digits(text).strip()

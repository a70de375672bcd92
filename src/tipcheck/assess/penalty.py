"""Imprisonment ranges and fine alternatives read from penalty clauses (English).

Returns years as floats (life = infinity). Only the words of a penalty clause are read; what counts
as the basic offence is decided by the caller.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "forty": 40, "fifty": 50,
}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(years?|months?)"
_IMPRISON = re.compile(r"\b(imprison\w*|prison|jail|incarcerat\w*|custod\w*|penal servitude|reclusion)\b", re.I)
_MAX = [
    re.compile(p, re.I) for p in (
        rf"not\s+(?:exceeding|more\s+than)\s+{_NUM}\s+{_UNIT}",
        rf"(?:may|shall)\s+extend\s+to\s+{_NUM}\s+{_UNIT}",
        rf"up\s+to\s+{_NUM}\s+{_UNIT}",
        rf"maximum\s+(?:term\s+)?of\s+{_NUM}\s+{_UNIT}",
        rf"for\s+a\s+(?:period|term)\s+of\s+{_NUM}\s+{_UNIT}",
        rf"\b{_NUM}\s+{_UNIT}(?:'|’)?\s+imprisonment",
        rf"imprisonment\s+(?:of|for)\s+{_NUM}\s+{_UNIT}",
        rf"(?:between|from)\s+{_NUM}\s+(?:{_UNIT}\s+)?(?:and|to)\s+{_NUM}\s+{_UNIT}",
    )
]
_MIN = re.compile(rf"(?:not\s+(?:be\s+)?less\s+than|at\s+least|minimum\s+(?:term\s+)?of)\s+{_NUM}\s+{_UNIT}", re.I)
_LIFE = re.compile(r"\b(for\s+life|life\s+imprisonment|imprisonment\s+for\s+(?:the\s+)?(?:remainder|rest)\s+of|"
                   r"any\s+term\s+of\s+years\s+or\s+(?:for\s+)?life|term\s+of\s+life)\b", re.I)
# A fine that can stand instead of prison: "fined ... or imprisoned", "imprisonment ... or a fine",
# "or both". A fine "in addition" or "and shall also be liable to fine" does not replace prison.
_FINE_ALT = re.compile(
    r"\bfined?\b[^.;]{0,80}?\bor\s+(?:be\s+|to\s+)?imprison|\bfined?\b[^.;]{0,60}?,\s*imprisoned|"
    r"imprison\w*[^.;]{0,80}?\bor\s+(?:with\s+|to\s+)?(?:a\s+|the\s+)?fine\b|\bor\s+(?:to\s+|with\s+)?both\b", re.I)


# Where the words of the penalty begin: "shall be fined ...", "is liable to imprisonment ...".
_LEAD = re.compile(r"\b(?:(?:shall|is|are|be)\s+(?:be\s+)?)?(?:liable|punish\w*|fined|imprison\w*|sentenced)\b", re.I)


@dataclass(frozen=True)
class Penalty:
    start: int
    end: int
    max_years: float | None
    min_years: float | None
    fine_alternative: bool


def _years(num: str, unit: str) -> float:
    value = float(num) if num[0].isdigit() else float(_NUM_WORDS[num.lower()])
    return value / 12 if unit.lower().startswith("month") else value


def read(text: str, start: int, end: int) -> list[Penalty]:
    """Penalty clauses (sentences mentioning imprisonment) inside text[start:end]."""
    out: list[Penalty] = []
    chunk = text[start:end]
    for sm in re.finditer(r"[^.;]*?(?:[.;](?!\d)|$)", chunk, re.S):
        sentence = sm.group(0)
        if not sentence.strip() or not _IMPRISON.search(sentence):
            continue
        maxima: list[float] = []
        if _LIFE.search(sentence):
            maxima.append(math.inf)
        for rx in _MAX:
            for m in rx.finditer(sentence):
                groups = [g for g in m.groups() if g]
                nums = [g for g in groups if re.fullmatch(_NUM, g, re.I)]
                unit = next((g for g in reversed(groups) if re.fullmatch(_UNIT, g, re.I)), "years")
                if nums:
                    maxima.append(_years(nums[-1], unit))
        minima = [_years(m.group(1), m.group(2)) for m in _MIN.finditer(sentence)]
        if not maxima and minima:
            maxima = [math.inf] if re.search(r"\bor\s+(?:for\s+)?life\b", sentence, re.I) else []
        if not maxima and not minima:
            continue
        lead = _LEAD.search(sentence)
        a = start + sm.start() + (lead.start() if lead else len(sentence) - len(sentence.lstrip()))
        b = start + sm.start() + len(sentence.rstrip())
        out.append(Penalty(a, b, max(maxima) if maxima else None, min(minima) if minima else None,
                           bool(_FINE_ALT.search(sentence))))
    return out


def describe(years: float | None) -> str:
    if years is None:
        return "no maximum stated"
    if math.isinf(years):
        return "life imprisonment"
    return f"{years:g} years" if years >= 1 else f"{years * 12:g} months"

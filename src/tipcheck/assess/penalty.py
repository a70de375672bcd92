"""Imprisonment ranges and fine alternatives read from penalty clauses, in any language whose table
(tipcheck/lang/<lang>.yaml, `penalty:`) says how penalties are written.

Returns years as floats (life = infinity). Only the words of a penalty clause are read; what counts
as the basic offence is decided by the caller.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tipcheck import lang as langs
from tipcheck.i18n import Msg, msg


@dataclass(frozen=True)
class Penalty:
    start: int
    end: int
    max_years: float | None
    min_years: float | None
    fine_alternative: bool


@dataclass(frozen=True)
class _Rules:
    imprison: re.Pattern[str]
    lead: re.Pattern[str] | None
    life: re.Pattern[str]
    or_life: re.Pattern[str] | None
    maxima: tuple[re.Pattern[str], ...]
    minima: tuple[re.Pattern[str], ...]
    ranges: tuple[re.Pattern[str], ...]
    fine_alternative: re.Pattern[str]
    numbers: dict[str, int]
    months: re.Pattern[str]
    spelled: re.Pattern[str]    # "ciento sesenta (160)", "4 (quatro)": keep the digits


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    t = langs.table(lang)["penalty"]
    numbers = {k.lower(): int(v) for k, v in t["numbers"].items()}
    words = "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True))
    num = rf"(\d+(?:[.,]\d+)?|{words})"
    unit = rf"({t['unit_years']}|{t['unit_months']})"
    def build(p: str) -> re.Pattern[str]:  # noqa: E306
        return re.compile(p.replace("{NUM}", num).replace("{UNIT}", unit), re.I)
    numeral = sorted(set(numbers) | {w.lower() for w in t.get("number_words", [])}, key=len, reverse=True)
    word = "(?:" + "|".join(re.escape(w) for w in numeral) + ")"
    return _Rules(
        imprison=re.compile(t["imprison"], re.I),
        lead=re.compile(t["lead"], re.I) if t.get("lead") else None,
        life=re.compile(t["life"], re.I),
        or_life=re.compile(t["or_life"], re.I) if t.get("or_life") else None,
        maxima=tuple(build(p) for p in t.get("max", [])),
        minima=tuple(build(p) for p in t.get("min", [])),
        ranges=tuple(build(p) for p in t.get("range", [])),
        fine_alternative=re.compile(t["fine_alternative"], re.I),
        numbers=numbers,
        months=re.compile(rf"^{t['unit_months']}$", re.I),
        spelled=re.compile(rf"(?:\b{word}(?:[\s-]+{word}){{0,4}}\s*\((\d+)\))|(?:(\d+)\s*\((?:{word}[\s-]*){{1,5}}\))", re.I),
    )


def _years(r: _Rules, num: str, unit: str) -> float:
    n = num.lower().replace(",", ".")
    value = float(n) if n[0].isdigit() else float(r.numbers[n])
    return value / 12 if r.months.match(unit) else value


def _last_number(r: _Rules, m: re.Match[str]) -> tuple[str | None, str]:
    groups = [g for g in m.groups() if g]
    values = [g for g in groups if g[0].isdigit() or g.lower() in r.numbers]
    units = [g for g in groups if g not in values]
    return (values[-1] if values else None), (units[-1] if units else "years")


def _collapse(r: _Rules, sentence: str) -> str:
    """Written-out numbers that repeat digits ("cuatro (4)", "8 (oito)") keep their digits only."""
    return r.spelled.sub(lambda m: m.group(1) or m.group(2), sentence)


def read(text: str, start: int, end: int, lang: str = "en") -> list[Penalty]:
    """Penalty clauses (sentences mentioning imprisonment) inside text[start:end]."""
    r = _rules(lang)
    out: list[Penalty] = []
    chunk = text[start:end]
    # A sentence runs to a full stop or semicolon; a point inside a number ("1.500") does not end it.
    for sm in re.finditer(r"(?:[^.;]|[.;](?=\d))*?(?:[.;](?!\d)|$)", chunk, re.S):
        raw = sm.group(0)
        if not raw.strip() or not r.imprison.search(raw):
            continue
        sentence = _collapse(r, raw)
        maxima: list[float] = []
        if r.life.search(sentence):
            maxima.append(math.inf)
        for rx in r.maxima + r.ranges:
            for m in rx.finditer(sentence):
                value, unit = _last_number(r, m)
                if value:
                    maxima.append(_years(r, value, unit))
        minima = []
        for rx in r.minima:
            for m in rx.finditer(sentence):
                value, unit = _last_number(r, m)
                if value:
                    minima.append(_years(r, value, unit))
        if not maxima and minima and r.or_life and r.or_life.search(sentence):
            maxima = [math.inf]
        if not maxima and not minima:
            continue
        lead = r.lead.search(raw) if r.lead else r.imprison.search(raw)
        a = start + sm.start() + (lead.start() if lead else len(raw) - len(raw.lstrip()))
        b = start + sm.start() + len(raw.rstrip())
        out.append(Penalty(a, b, max(maxima) if maxima else None, min(minima) if minima else None,
                           bool(r.fine_alternative.search(sentence))))
    return out


def describe(years: float | None) -> Msg:
    """A term of imprisonment, for the report (rendered in the report language)."""
    if years is None:
        return msg("term.no-maximum")
    if math.isinf(years):
        return msg("term.life")
    return msg("term.years", n=f"{years:g}") if years >= 1 else msg("term.months", n=f"{years * 12:g}")

"""Word's automatic numbering, resolved: the "Artículo 4." or "(b)" Word draws before a paragraph.

A numbered paragraph names a list instance (numId) and a level (ilvl), directly or through its style;
the instance points to an abstract definition whose level gives the format (decimal, letters, roman
numerals, ordinals), the label template ("Artículo %1.", "(%2)") and the start value. Counters run per
abstract definition (instances sharing one continue each other's count unless an instance overrides
its start), and a level restarts when a higher level is used (or as its lvlRestart says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}   # a tab after the label reads as a space
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None     # lvlRestart: None = after any higher level, 0 = never
    suffix: str = " "
    legal: bool = False            # isLgl: every number shown in decimal
    style: str = ""


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)   # numId, ilvl, basedOn
    language: str = "en"
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    restarted: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def of(cls, document) -> "Numbering":
        out = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for a in root.iterchildren(W + "abstractNum"):
                out.abstract[_val(a, "abstractNumId")] = {_int(_val(lvl, "ilvl"), 0): _level(lvl)
                                                           for lvl in a.iterchildren(W + "lvl")}
            for n in root.iterchildren(W + "num"):
                ref = n.find(W + "abstractNumId")
                starts, levels = {}, {}
                for o in n.iterchildren(W + "lvlOverride"):
                    ilvl = _int(_val(o, "ilvl"), 0)
                    so = o.find(W + "startOverride")
                    if so is not None:
                        starts[ilvl] = _int(_val(so, "val"), 1)
                    lvl = o.find(W + "lvl")
                    if lvl is not None:
                        levels[ilvl] = _level(lvl)
                out.instances[_val(n, "numId")] = (_val(ref, "val") if ref is not None else "", starts, levels)
        out._read_styles(document)
        return out

    def _read_styles(self, document) -> None:
        try:
            root = document.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        lang = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        if lang is not None and _val(lang, "val"):
            self.language = _val(lang, "val")[:2].lower()
        for s in root.iterchildren(W + "style"):
            num = s.find(f"{W}pPr/{W}numPr")
            based = s.find(W + "basedOn")
            num_id = ilvl = None
            if num is not None:
                num_id = _val(num.find(W + "numId"), "val") if num.find(W + "numId") is not None else None
                ilvl = _int(_val(num.find(W + "ilvl"), "val"), 0) if num.find(W + "ilvl") is not None else None
            self.styles[_val(s, "styleId")] = (num_id, ilvl, _val(based, "val") if based is not None else None)

    def label(self, p) -> str:
        """The number Word shows before paragraph `p` ("" when it has none); advances the counters."""
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        abstract_id, starts, overrides = self.instances[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **overrides}
        if ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counter = self.counters.setdefault(abstract_id, [None] * 9)
        if ilvl in starts and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counter[ilvl] = starts[ilvl]
        else:
            counter[ilvl] = levels[ilvl].start if counter[ilvl] is None else counter[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            r = levels[deeper].restart if deeper in levels else None
            if r is None or (r > 0 and ilvl <= r - 1):
                counter[deeper] = None
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""       # a bullet is no number: the text reads as it is

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            value = counter[k] if counter[k] is not None else (levels[k].start if k in levels else 1)
            fmt = "decimal" if level.legal else (levels[k].fmt if k in levels else "decimal")
            return render(value, fmt, self.language)

        shown = _PLACEHOLDER.sub(number, level.text)
        return shown + level.suffix if shown else ""

    def _numpr(self, p) -> tuple[str | None, int]:
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            nid = num.find(W + "numId")
            lv = num.find(W + "ilvl")
            if nid is not None:
                return _val(nid, "val"), _int(_val(lv, "val"), 0) if lv is not None else 0
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = _val(style, "val") if style is not None else None
        seen = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            num_id, ilvl, based = self.styles[sid]
            if num_id:
                if ilvl is None:    # the level is the one whose pStyle names this style
                    levels = self.abstract.get(self.instances.get(num_id, ("",))[0], {})
                    ilvl = next((k for k, lvl in levels.items() if lvl.style == sid), 0)
                return num_id, ilvl
            sid = based
        return None, 0


def render(n: int, fmt: str, language: str = "en") -> str:
    """One number in a Word numbering format."""
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter past z (aa, bb ...); a hostile start value must not build a huge string.
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= 26 * 20 else str(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n) if 0 < n < 4000 else str(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        if language in ("es", "pt", "it", "gl", "ca"):
            return f"{n}º"
        if language == "fr":
            return "1er" if n == 1 else f"{n}e"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)       # decimal, and formats with no textual rendering here


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _level(lvl) -> Level:
    start = lvl.find(W + "start")
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    restart = lvl.find(W + "lvlRestart")
    suff = lvl.find(W + "suff")
    style = lvl.find(W + "pStyle")
    return Level(start=_int(_val(start, "val"), 1) if start is not None else 1,
                 fmt=(_val(fmt, "val") or "decimal") if fmt is not None else "decimal",
                 text=(_val(text, "val") or "") if text is not None else "",
                 restart=_int(_val(restart, "val"), 0) if restart is not None else None,
                 suffix=_SUFFIX.get(_val(suff, "val") or "tab", " ") if suff is not None else " ",
                 legal=lvl.find(W + "isLgl") is not None,
                 style=(_val(style, "val") or "") if style is not None else "")


def _val(el, name: str) -> str:
    return el.get(W + name) or "" if el is not None else ""


def _int(value: str, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default

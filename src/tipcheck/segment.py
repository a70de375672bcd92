"""Split a statute into its provisions (as the statute numbers them) and index its definitions.

Works on raw text with the regex tables of `tipcheck.lang`: provision numbers tokenise unevenly, so
they are found before any NLP. Every provision keeps exact offsets into the decoded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipcheck import lang as langs
from tipcheck.models import Definition, Provision, Segmentation

_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
_KINDS = ("section", "subsection", "paragraph", "subparagraph", "clause", "subclause")
_CONTINUING = {"and", "or", "of", "the", "to", "a", "an", "in", "by", "for", "with", "under", "that"}
_HEADING_VERBS = re.compile(r"\b(shall|means|commits|is|are|may|must|whoever|includes)\b", re.I)


@dataclass
class _Open:
    kind: str
    number: str
    label: str
    heading: str
    start: int
    depth: int
    parent: int | None
    section: int | None
    mtype: str = ""


@dataclass
class _State:
    provisions: list[_Open] = field(default_factory=list)
    section: int | None = None            # index of the current section
    container_heading: str = ""
    stack: list[tuple[str, int]] = field(default_factory=list)   # (marker type, provision index)
    pending_heading: str = ""
    pending_start: int = -1
    headings: list[tuple[int, int]] = field(default_factory=list)


def _compile(lang: str) -> dict:
    t = langs.table(lang)["numbering"]
    flags = re.IGNORECASE
    return {
        "container": re.compile(t["container"], flags),
        "section": [re.compile(p, flags) for p in t["section"]],
        "note": re.compile(t["note"], flags),
        "marker": re.compile(t["marker"].lstrip("^")),  # used with pos=, where ^ would not match
        "inline": re.compile(t["inline_marker"]),
        "section_label": t["section_label"],
        "symbol_label": t["symbol_label"],
        "article_label": t["article_label"],
        "sentence_start": _optional(langs.table(lang).get("sentence_start")),
        "sentence_verbs": _optional(langs.table(lang).get("sentence_verbs")),
    }


def _optional(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _marker_type(m: str, stack: list[tuple[str, int]], provisions: list[_Open]) -> str:
    if m[0].isdigit():
        return "num"
    if m.islower():
        if m in _ROMAN:
            alpha = next((provisions[i].number for t, i in reversed(stack) if t == "alpha"), None)
            if alpha and len(alpha) == 3 and len(m) == 1 and ord(alpha[1]) + 1 == ord(m):
                return "alpha"          # (h) then (i): a letter, not a roman numeral
            if len(m) > 1 or m == "i" or any(t == "roman" for t, _ in stack):
                return "roman"
        return "alpha"
    if m.lower() in _ROMAN:
        alpha = next((provisions[i].number for t, i in reversed(stack) if t == "ALPHA"), None)
        if alpha and len(alpha) == 3 and len(m) == 1 and ord(alpha[1]) + 1 == ord(m):
            return "ALPHA"          # (H) then (I): a letter
        if len(m) > 1 or m == "I" or any(t == "ROMAN" for t, _ in stack):
            return "ROMAN"
    return "ALPHA"


_MD_HEADING = re.compile(r"#{1,6}[ \t]+")


def _units(text: str, inline: re.Pattern[str]):
    """Yield (start, end) of each line, further split at inline provision markers. A Markdown
    heading mark ("##### Artículo 1", as git mirrors of legislation write it) is not part of the line."""
    for line, start, end in _lines(text):
        md = _MD_HEADING.match(line)
        if md:
            start += md.end()
            line = line[md.end():]
        cuts = [start] + [start + m.end() for m in inline.finditer(line)] + [end]
        for a, b in zip(cuts, cuts[1:]):
            while a < b and text[a].isspace():
                a += 1
            if a < b:
                yield a, b


def _lines(text: str):
    """(line, start, end) for each line, as text.split("\n") would give them, one at a time: a code of
    200 MB split at once held every line in memory besides the text."""
    pos = 0
    while True:
        end = text.find("\n", pos)
        if end == -1:
            yield text[pos:], pos, len(text)
            return
        yield text[pos:end], pos, end
        pos = end + 1


def _previous_line(text: str, start: int) -> str:
    end = text.rfind("\n", 0, start)
    if end <= 0:
        return ""
    begin = text.rfind("\n", 0, end) + 1
    return text[begin:end]


def _next_paragraph(st: _State) -> str:
    """The number a bare "N." paragraph must carry to continue the current article: 1, then 2, 3 ..."""
    numbers = [st.provisions[i].number for t, i in st.stack if t == "num"]
    if not numbers:
        return "1"
    last = numbers[-1].strip("()")
    return str(int(last) + 1) if last.isdigit() else ""


def _markers(text: str, pos: int, end: int, marker: re.Pattern[str], st: _State, open_) -> None:
    """Open one provision per marker in a chain such as "(1)(a)" or "(a) ... (i)"."""
    mk = marker.match(text, pos, end)
    while mk:
        groups = mk.groupdict()
        number = re.sub(r"[\s°º]", "", next(g for g in (groups.get("m"), groups.get("m2"), groups.get("m3")) if g))
        mtype = "para" if groups.get("m3") else _marker_type(number, st.stack, st.provisions)
        if mtype == "para":
            st.stack = []           # "§ 1º" is a paragraph of the article itself
        # A first marker ("(i)", "(1)", "(a)") under a different kind of marker opens a new level,
        # even if the same kind is open further up; any other number continues its sequence.
        first = number in ("1", "a", "i", "A", "I") and st.stack and st.stack[-1][0] != mtype
        while not first and st.stack and mtype in [t for t, _ in st.stack]:
            if st.stack.pop()[0] == mtype:
                break
        parent = st.stack[-1][1] if st.stack else st.section
        depth = len(st.stack) + 1
        plabel = st.provisions[parent].label if parent is not None else ""
        label = f"{plabel} § {number}" if mtype == "para" else f"{plabel}({number})"
        idx = open_(_KINDS[min(depth, len(_KINDS) - 1)], f"({number})", label,
                    st.provisions[st.section].heading, pos, depth, parent, mtype)
        st.stack.append((mtype, idx))
        pos = mk.end()
        mk = marker.match(text, pos, end) if pos < end else None


def _looks_like_heading(line: str, previous: str | None = None, rx: dict | None = None) -> bool:
    """A short capitalised line with no verb of a rule. A line that continues an unfinished sentence
    (hard-wrapped text) is not a heading, nor one that reads as a sentence in the statute's language
    ("Art. 18. O Ministro designará abrigos": the article's text, on its number's line)."""
    words = line.split()
    if previous is not None and previous.strip() and not previous.rstrip().endswith((".", ":", ";", "—", "–", ")")) \
            and not _looks_like_heading(previous, None, rx):
        return False
    if rx is not None:
        if rx["sentence_start"] and len(words) >= 4 and rx["sentence_start"].match(line):
            return False
        if rx["sentence_verbs"] and rx["sentence_verbs"].search(line):
            return False
    return (0 < len(words) <= 12 and line[:1].isupper() and not re.search(r"\d", line) and not line.rstrip().endswith((",", ";", ":", "—", "-"))
            and words[-1].lower() not in _CONTINUING and ";" not in line
            and not _HEADING_VERBS.search(line) and not line.startswith("("))


def segment(text: str, lang: str = "en") -> Segmentation:
    rx = _compile(lang)
    st = _State()
    units = list(_units(text, rx["inline"]))
    # The statute's own section style is the highest-ranked pattern it uses ("Article 9", "§ 1590",
    # "Section 3"); under such sections, bare "1." lines are numbered paragraphs, not new sections.
    ranks = [min((k for k, p in enumerate(rx["section"]) if p.match(text[a:b])), default=99) for a, b in units]
    primary = min(ranks, default=99)
    numbered = primary != 99            # the statute numbers its sections at all
    # The first bare-number pattern ("3.", "3 —"): one that names no keyword before the number.
    bare = min((k for k, p in enumerate(rx["section"]) if p.pattern.startswith("^(?P<num>")), default=99)

    def open_(kind, number, label, heading, start, depth, parent, mtype=""):
        idx = len(st.provisions)
        st.provisions.append(_Open(kind, number, label, heading, start, depth, parent,
                                   st.section if kind != "section" else idx, mtype))
        return idx

    for i, (a, b) in enumerate(units):
        line = text[a:b]
        nxt = text[units[i + 1][0]:units[i + 1][1]] if i + 1 < len(units) else ""
        m = rx["container"].match(line)
        if m and len(line.split()) <= 14:
            kind = m.group("kind").lower()
            open_(kind, m.group("num"), f"{kind.capitalize()} {m.group('num')}", m.group("rest").strip(), a, 0, None)
            # A heading seen before the Part or Chapter line is not the heading of what follows it.
            st.section, st.stack, st.container_heading = None, [], m.group("rest").strip()
            st.pending_heading = ""
            continue
        sec = next((p.match(line) for p in rx["section"] if p.match(line)), None)
        if sec and ranks[i] >= bare and primary < bare and st.section is not None and not sec.group("sub") \
                and sec.group("num") in ("1", _next_paragraph(st)):
            # "2. The penalty is ..." inside "Article 9": a numbered paragraph of the article.
            num = sec.group("num")
            while st.stack and "num" in [t for t, _ in st.stack]:
                if st.stack.pop()[0] == "num":
                    break
            parent = st.stack[-1][1] if st.stack else st.section
            depth = len(st.stack) + 1
            idx = open_(_KINDS[min(depth, len(_KINDS) - 1)], f"({num})", f"{st.provisions[parent].label}({num})",
                        st.provisions[st.section].heading, a, depth, parent, "num")
            st.stack.append(("num", idx))
            continue
        if sec:
            num = sec.group("num")
            tmpl = (rx["symbol_label"] if line.startswith("§") else
                    rx["article_label"] if line[:3].lower() == "art" else rx["section_label"])
            rest = sec.group("rest").strip()
            heading = st.pending_heading
            if not sec.group("sub") and rest and _looks_like_heading(rest, None, rx):
                heading = rest.rstrip(".")
                st.headings.append((a + sec.start("rest"), b))
            st.section = None
            idx = open_("section", num, tmpl.format(num=num), heading, a, 0, None)
            st.section, st.stack, st.pending_heading = idx, [], ""
            if sec.group("sub"):
                _markers(text, a + sec.start("sub"), b, rx["marker"], st, open_)
            continue
        note = rx["note"].match(line)
        if note and st.section is not None:
            base = st.provisions[st.section]
            kind = note.group("kind").capitalize()
            num = note.group("num")
            open_("note", num, f"{base.label} {kind} {num}".rstrip(), base.heading, a, 1, st.section)
            st.stack = []
            continue
        mk = rx["marker"].match(line)
        if mk:
            if st.section is None:
                # A numbered paragraph with no section above it: the nearest heading names the unit.
                # (Only a heading after the last provision opened: an older one would start this unit
                # before that provision, out of order.)
                if st.pending_heading and st.provisions and st.pending_start < st.provisions[-1].start:
                    st.pending_heading = ""
                label = f"“{st.pending_heading.rstrip('.')}”" if st.pending_heading else ""
                start = st.pending_start if st.pending_heading else a
                st.section = open_("section", "", label, st.pending_heading.rstrip("."), start, 0, None)
                st.provisions[st.section].section = st.section
                st.stack, st.pending_heading = [], ""
            _markers(text, a, b, rx["marker"], st, open_)
            continue
        prev_line = _previous_line(text, a)
        if _looks_like_heading(line, prev_line, rx) and (nxt and (any(p.match(nxt) for p in rx["section"])
                                                   or rx["marker"].match(nxt) or not numbered)):
            st.headings.append((a, b))
            if not numbered and not rx["marker"].match(nxt) and not any(p.match(nxt) for p in rx["section"]):
                # Unnumbered statute: a heading followed by text opens a unit of its own.
                idx = open_("section", "", f"“{line.rstrip('.')}”", line.rstrip("."), a, 0, None)
                st.provisions[idx].section = idx
                st.section, st.stack, st.pending_heading = idx, [], ""
            else:
                st.pending_heading, st.pending_start = line, a
                if rx["marker"].match(nxt) and not numbered:
                    st.section, st.stack = None, []
            continue
    return _finish(text, st, lang)


def _finish(text: str, st: _State, lang: str) -> Segmentation:
    opened = st.provisions
    if not opened:
        opened = [_Open("section", "", "(whole text)", "", 0, 0, None, 0)]
    provisions: list[Provision] = []
    for i, o in enumerate(opened):
        end = opened[i + 1].start if i + 1 < len(opened) else len(text)
        while end > o.start and text[end - 1].isspace():
            end -= 1
        provisions.append(Provision(i, o.kind, o.number, o.label, o.heading, o.start, end,
                                    o.depth, o.parent, o.section))
    if provisions[0].start > 0 and text[:provisions[0].start].strip():
        # Text before the first provision (a title, a preamble) becomes a unit of its own.
        pre_end = provisions[0].start
        provisions = [Provision(0, "preamble", "", "(preamble)", "", 0, pre_end, 0, None, 0)] + [
            Provision(p.index + 1, p.kind, p.number, p.label, p.heading, p.start, p.end, p.depth,
                      None if p.parent is None else p.parent + 1,
                      None if p.section is None else p.section + 1) for p in provisions]
    return Segmentation(tuple(provisions), tuple(_definitions(text, provisions, lang)), tuple(st.headings))


def subtree_end(provisions: tuple[Provision, ...] | list[Provision], index: int) -> int:
    """End offset of a provision together with all its descendants."""
    end, depth = provisions[index].end, provisions[index].depth
    # By index, not over provisions[index + 1:]: that slice copied the rest of the code at every call.
    for i in range(index + 1, len(provisions)):
        p = provisions[i]
        if p.depth <= depth:
            break
        end = max(end, p.end)
    return end


def subtree_ends(provisions: tuple[Provision, ...] | list[Provision]) -> list[int]:
    """subtree_end of every provision, in one pass: a stack of the provisions still open (of rising
    depth); each closed one hands its reach to the one below it, which encloses it."""
    ends = [p.end for p in provisions]
    stack: list[int] = []
    for j, p in enumerate(provisions):
        while stack and provisions[stack[-1]].depth >= p.depth:
            k = stack.pop()
            if stack:
                ends[stack[-1]] = max(ends[stack[-1]], ends[k])
        stack.append(j)
    while stack:
        k = stack.pop()
        if stack:
            ends[stack[-1]] = max(ends[stack[-1]], ends[k])
    return ends


def _definitions(text: str, provisions: list[Provision], lang: str) -> list[Definition]:
    table = langs.table(lang)
    patterns = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in table["definitions"]]
    inclusive = {v.lower() for v in table["inclusive_verbs"]}
    found: list[tuple[int, str, int, bool]] = []
    for p in provisions:
        own = text[p.start:p.end]
        seen: set[int] = set()
        for pat in patterns:
            for m in pat.finditer(own):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                found.append((p.start + m.start(), m.group("term").strip().lower(), p.index,
                              m.group("verb").lower() in inclusive))
    found.sort()
    out = []
    for k, (start, term, pidx, incl) in enumerate(found):
        end = subtree_end(provisions, pidx)
        if k + 1 < len(found) and found[k + 1][0] < end:
            end = found[k + 1][0]
        out.append(Definition(term, pidx, start, end, incl))
    return out

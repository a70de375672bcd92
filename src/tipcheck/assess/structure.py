"""The structural facts an expert reads before judging anything: which provisions form the trafficking
offence, which definitions and cross-references it pulls in, which parts merely aggravate, and which
provisions are not operative law at all (findings, purposes). Pure Python over hits and provisions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from tipcheck.assess.index import Cover, SpanLookup, Starts
from tipcheck.i18n import Msg, msg
from tipcheck.models import Definition, Hit, Provision, Segmentation

# "guilty of an offense under chapter 77 of title 18": an offence created by another law.
_ELSEWHERE = re.compile(r"\s*under\s+(?:chapter|title|section|§|part|article)\s*[\w.]+\s+of\s+(?:title|the)\b", re.I)
_NEAR = 800
# Words naming trafficking and exploitation in the four languages (terms of definitions, headings).
TRAFFICKING_TERM = re.compile(r"traffic|\btrata\b|tr[áa]fico|\btraite\b", re.I)
# Trafficking named in running text (Spanish "trata" alone is also "se trata de": it needs its object).
TRAFFICKING_CONTEXT = re.compile(
    r"traffick|\btrata\s+de\s+(?:personas|seres|mujeres|menores|niñ|ni[ñn]as)|\btrata\s+(?:interna|internacional)\b|"
    r"v[íi]ctimas?\s+de\s+(?:la\s+)?trata\b|\btr[áa]fico\s+(?:de|internacional\s+de|interno\s+de)\s+"
    r"(?:personas|pessoas|seres|mulheres|menores|crian|niñ)|\btraite\s+(?:des|d['’]|de)\b", re.I)
EXPLOITATION_TERM = re.compile(r"exploit|explota|explora", re.I)
_AGGRAVATED_HEADING = re.compile(r"aggravat|agravad|agravant|aggrav|qualificad|circunstancias", re.I)
_MARKER = re.compile(r"^\s*(?:\([^)]{1,5}\)\s*|\d+\.\s*)+")
_CONDITIONAL = re.compile(r"(?:where|if|when)\b", re.I)
_PENALTY_WORD = re.compile(r"\b(punish\w*|imprison\w*|penalt\w*|liable|maximum|term|sentence\w*)\b", re.I)
_CREATES = re.compile(r"\b(commits?|guilty)\b", re.I)  # characters between an act and the words creating the offence
_XREF = re.compile(r"(?:\bsections?|\bs\.|§+)\s*(\d+[A-Za-z]*)", re.IGNORECASE)


@dataclass
class Unit:
    """One trafficking offence (a section creating it) or a definition of trafficking."""

    kind: str                  # "offence" | "definition"
    anchor: int                # provision index (section, or the provision holding the definition)
    start: int
    end: int
    label: str
    formula: Hit | None = None
    requires_means: bool = False
    means_free_reason: Msg | None = None
    named: bool = False        # the offence is defined by its name only ("el tráfico de menores")
    by_reference: bool = False  # "engages in trafficking in persons" as the Act defines it


@dataclass
class Context:
    text: str
    seg: Segmentation
    hits: list[Hit]
    assess_kind: dict[str, str]          # rule id -> assess kind
    partial_modes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rule id -> `when` per partial
    non_operative_rx: re.Pattern[str] | None = None
    lang: str = "en"
    units: list[Unit] = field(default_factory=list)
    scope_spans: list[tuple[int, int]] = field(default_factory=list)
    bundle_offence: bool = False         # another document of the bundle creates the offence
    # Results several judgements need (the penalties of a unit, a provision's penalty clauses).
    memo: dict = field(default_factory=dict)
    # Position indexes of hit lists, keyed by the list's id (the list is kept, so the id stays its own).
    _indexes: dict = field(default_factory=dict, repr=False)

    # ---- basic navigation -------------------------------------------------------------------
    @cached_property
    def provisions(self) -> tuple[Provision, ...]:
        return self.seg.provisions

    @cached_property
    def _subtree_ends(self) -> list[int]:
        from tipcheck.segment import subtree_ends
        return subtree_ends(self.provisions)

    def subtree_end(self, index: int) -> int:
        """End of a provision with all its descendants (segment.subtree_end, computed once for all)."""
        return self._subtree_ends[index]

    @cached_property
    def _provision_starts(self) -> Starts:
        return Starts(self.provisions)

    def provisions_between(self, start: int, end: int) -> list[Provision]:
        """The provisions that begin at or after start and before end, in order."""
        return self._provision_starts.between(start, end)

    def ancestors(self, index: int) -> list[Provision]:
        out, p = [], self.provisions[index]
        while p.parent is not None:
            p = self.provisions[p.parent]
            out.append(p)
        return out

    def lead_in(self, index: int) -> tuple[int, int]:
        """The provision's own text plus its ancestors' own text: the words that govern it."""
        p = self.provisions[index]
        chain = [p] + [a for a in self.ancestors(index) if a.kind != "part"]
        return min(a.start for a in chain), p.end

    # ---- hits ------------------------------------------------------------------------------
    @cached_property
    def by_rule(self) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {}
        for h in self.hits:
            out.setdefault(h.rule, []).append(h)
        return out

    # The lists below are computed once and shared: callers must not change them.
    def rule_hits(self, rule: str, element: str = "main", kind: str = "positive") -> list[Hit]:
        key = ("rule_hits", rule, element, kind)
        if key not in self.memo:
            self.memo[key] = [h for h in self.by_rule.get(rule, []) if h.element == element and h.kind == kind]
        return self.memo[key]

    def partial_hits(self, rule: str, qualifying_only: bool = False) -> list[Hit]:
        key = ("partial_hits", rule, qualifying_only)
        if key not in self.memo:
            hits = [h for h in self.by_rule.get(rule, []) if h.kind == "partial"]
            if qualifying_only:
                modes = self.partial_modes.get(rule, ())
                hits = [h for h in hits if modes[int(h.element.replace("partial", ""))] == "qualifies"]
            self.memo[key] = hits
        return self.memo[key]

    def vocab(self, name: str) -> list[Hit]:
        return self.by_rule.get("@" + name, [])

    def kind_hits(self, kind: str) -> list[Hit]:
        key = ("kind_hits", kind)
        if key not in self.memo:
            rules = [r for r, k in self.assess_kind.items() if k == kind]
            self.memo[key] = [h for r in rules for h in self.rule_hits(r)]
        return self.memo[key]

    def _starts(self, hits: list[Hit]) -> Starts | None:
        """The index of a list of hits; None for a short list, which a scan answers as fast."""
        if len(hits) < 32:
            return None
        entry = self._indexes.get(id(hits))
        if entry is None or entry[0] is not hits or len(entry[1].starts) != len(hits):
            entry = self._indexes[id(hits)] = (hits, Starts(hits))
        return entry[1]

    def starting(self, hits: list[Hit], start: int, end: int) -> list[Hit]:
        """The hits that begin inside start:end, in the list's order."""
        index = self._starts(hits)
        if index is None:
            return [h for h in hits if start <= h.start < end]
        return index.between(start, end)

    def starting_in_any(self, hits: list[Hit], spans) -> list[Hit]:
        """The hits that begin inside any of the spans, in the list's order."""
        index = self._starts(hits)
        if index is None:
            return [h for h in hits if any(a <= h.start < b for a, b in spans)]
        return index.in_any(spans)

    def overlapping(self, hits: list[Hit], start: int, end: int) -> list[Hit]:
        """The hits that overlap start:end, in the list's order."""
        index = self._starts(hits)
        if index is None:
            return [h for h in hits if h.start < end and start < h.end]
        return [h for h in index.between(start - index.longest, end) if start < h.end]

    def within(self, hits: list[Hit], start: int, end: int) -> list[Hit]:
        """The hits wholly inside start:end."""
        return [h for h in self.starting(hits, start, end + 1) if h.end <= end]

    # ---- classification of provisions --------------------------------------------------------
    @cached_property
    def _definition_starts(self) -> list[int]:
        return [d.start for d in self.seg.definitions]

    def definition_at(self, offset: int) -> Definition | None:
        """The definition whose span holds the offset. Definitions are sorted and each ends at or
        before the next begins (segment._definitions), so only the last to begin can hold it, or an
        empty one beginning at the same place before it."""
        defs = self.seg.definitions
        i = bisect_right(self._definition_starts, offset) - 1
        while i >= 0:
            d = defs[i]
            if d.start <= offset < d.end:
                return d
            if d.end > d.start:
                return None
            i -= 1
        return None

    @cached_property
    def non_operative(self) -> set[int]:
        """Provisions stating findings or purposes, and everything under them."""
        out: set[int] = set()
        finding_provs = {h.provision for h in self.vocab("findings")}
        for p in self.provisions:
            own_heading = self._own_heading(p)
            if p.kind == "preamble" or p.index in finding_provs or (
                    self.non_operative_rx and own_heading and self.non_operative_rx.search(own_heading)):
                out.add(p.index)
                end = self.subtree_end(p.index)
                out.update(q.index for q in self.provisions_between(p.start, end))
        return out

    def _own_heading(self, p: Provision) -> str:
        if p.kind == "section":
            return p.heading
        first_line = self.text[p.start:p.end].split("\n", 1)[0]
        body = re.sub(r"^\([^)]*\)\s*", "", first_line)
        return body if len(body.split()) <= 6 and "\n" in self.text[p.start:p.end] else ""

    @cached_property
    def concerns_trafficking(self) -> bool:
        """Whether the text has anything to do with trafficking: an offence or definition of it, or
        words naming it ("víctimas de trata", "tráfico de pessoas", "traite des êtres humains"). A
        general law's fund, damages clause or confidentiality rule is no evidence of a measure against
        trafficking."""
        return bool(self.units) or bool(TRAFFICKING_CONTEXT.search(self.text))

    def operative(self, h: Hit) -> bool:
        return h.provision not in self.non_operative and self.definition_at(h.start) is None

    @cached_property
    def aggravating(self) -> set[int]:
        """Provisions that raise the penalty for a qualified case ("Where the offence involves ...",
        "The penalty is increased ... where"), with everything under them."""
        marked: set[int] = set()
        for h in self.vocab("aggravation"):
            p = self.provisions[h.provision]
            head = self.text[p.start:h.start]
            if p.kind != "section" and (len(head) <= 40 or re.search(r"[—–:]\s*$", head.rstrip())):
                marked.add(p.index)
        for p in self.provisions:
            if p.kind == "section":
                if p.heading and _AGGRAVATED_HEADING.search(p.heading):
                    marked.add(p.index)     # "Formas agravadas de la trata de personas"
                continue
            body = _MARKER.sub("", self.text[p.start:p.end])
            if _CONDITIONAL.match(body) and _PENALTY_WORD.search(body) and not _CREATES.search(body):
                marked.add(p.index)
        out: set[int] = set()
        for i in marked:
            p = self.provisions[i]
            end = self.subtree_end(i)
            out.update(q.index for q in self.provisions_between(p.start, end))
        return out

    @cached_property
    def in_heading_line(self) -> Cover:
        """Whether an offset lies in heading text (a title, not law)."""
        return Cover(self.seg.headings)

    def in_scope(self, offset: int) -> bool:
        entry = self.memo.get("scope")
        if entry is None or entry[0] is not self.scope_spans or entry[1] != len(self.scope_spans):
            entry = self.memo["scope"] = (self.scope_spans, len(self.scope_spans), Cover(self.scope_spans))
        return entry[2](offset)

    def unit_of(self, offset: int) -> Unit | None:
        """The first unit (in order) holding the offset."""
        entry = self.memo.get("units")
        if entry is None or entry[0] is not self.units or entry[1] != len(self.units):
            entry = self.memo["units"] = (self.units, len(self.units), SpanLookup(list(self.units)))
        return entry[2].first(offset)


def _offence_sections(ctx: Context, skip: set[int] = frozenset()):
    """Operative sections with words creating an offence outside aggravating clauses:
    (section, end of its subtree, those words)."""
    formula = ctx.vocab("offence")
    for p in ctx.provisions:
        if p.kind != "section" or p.index in skip or p.index in ctx.non_operative:
            continue
        end = ctx.subtree_end(p.index)
        f = [h for h in ctx.within(formula, p.start, end) if h.provision not in ctx.aggravating
             and not _ELSEWHERE.match(ctx.text, h.end)]
        if f:
            yield p, end, f


def build(ctx: Context) -> Context:
    """Find the trafficking offences and definitions, then the scope they pull in."""
    text = ctx.text
    acts = ctx.kind_hits("act")
    purpose = ctx.kind_hits("purpose")
    traff = ctx.vocab("trafficking")
    purposes = [h for name in ("trafficking", "profit") for h in ctx.vocab(name)] + purpose
    exploit = ctx.vocab("exploit")
    units: list[Unit] = []
    trafficking_defs = []
    for d in ctx.seg.definitions:
        if TRAFFICKING_TERM.search(d.term) and ctx.within(acts, d.start, d.end) and d.provision not in ctx.non_operative:
            trafficking_defs.append(d)
            units.append(Unit("definition", d.provision, d.start, d.end, ctx.provisions[d.provision].label))
    for p, end, f in _offence_sections(ctx):
        # The acts must sit near the words creating the offence: a long section on victim services
        # that mentions "guilty of an offense" somewhere is not an offence of trafficking.
        a = [h for h in ctx.within(acts, p.start, end) if ctx.definition_at(h.start) is None
             and ctx.starting(f, h.start - _NEAR, h.start + _NEAR + 1)]
        by_reference = trafficking_defs and any(
            t.provision == h.provision for t in ctx.within(traff, p.start, end) for h in f)
        # A named purpose, or the generic "exploitation" with at least two acts: "la explotación y
        # recepción de juego" (a lottery) is not a trafficking offence.
        purposeful = ctx.within(purposes, p.start, end) or (ctx.within(exploit, p.start, end) and (
            len({h.rule for h in a}) >= 2 or TRAFFICKING_TERM.search(p.heading or "")))
        if (a and purposeful) or by_reference:
            units.append(Unit("offence", p.index, p.start, end, p.label, formula=f[0],
                              by_reference=bool(by_reference and not a)))
    # A section that punishes "whoever promotes ... the trafficking of minors" creates an offence
    # named, not defined: it has no acts or purposes of its own.
    if not trafficking_defs:
        named = [n for n in ctx.vocab("named_offence") if n.provision not in ctx.aggravating]
        for p, end, f in _offence_sections(ctx, {u.anchor for u in units}):
            if ctx.within(named, p.start, end):
                units.append(Unit("offence", p.index, p.start, end, p.label, formula=f[0], named=True))
    # A section that punishes "any act mentioned in section 5" is an offence of the same kind.
    unit_numbers = {ctx.provisions[u.anchor].number for u in units if u.kind == "offence"}
    for p, end, f in _offence_sections(ctx, {u.anchor for u in units}):
        if any(m.group(1) in unit_numbers for m in _XREF.finditer(text, p.start, end)) \
                and re.search(r"\b(?:any|the|an)\s+(?:act|acts|conduct)\b", text[p.start:end], re.I):
            units.append(Unit("offence", p.index, p.start, end, p.label, formula=f[0]))
    ctx.units = _same_family(ctx, units, traff)
    units = ctx.units
    spans = [(u.start, u.end) for u in units]
    # Cross-references from an offence to another section pull that section in.
    numbers = {ctx.provisions[i].number: i for i in range(len(ctx.provisions)) if ctx.provisions[i].kind == "section"}
    for u in [u for u in units if u.kind == "offence"]:
        for m in _XREF.finditer(text, u.start, u.end):
            target = numbers.get(m.group(1))
            if target is not None:
                spans.append((ctx.provisions[target].start, ctx.subtree_end(target)))
    # A separate article that aggravates "the offence under section 12" ("el delito previsto en el
    # artículo 12", "l'infraction prévue à l'article 12") belongs to that offence: its means and
    # purposes count as aggravations of it.
    cited = {ctx.provisions[u.anchor].number for u in units if u.kind == "offence"} - {""}
    raising = ctx.vocab("aggravation")
    cited_keys = {cited_key(n) for n in cited}
    for p in ctx.provisions:
        if p.kind != "section" or not cited or ctx.unit_of(p.start) is not None:
            continue
        end = ctx.subtree_end(p.index)
        if not cited_numbers(text[p.start:end]) & cited_keys:   # refers_to, with the keys made once
            continue
        if p.index in ctx.aggravating:
            spans.append((p.start, end))
        elif end == p.end and ctx.within(raising, p.start, end):
            # A one-paragraph article "La peine est portée à quinze ans lorsque l'infraction prévue à
            # l'article 7 ...": the whole article aggravates the offence it cites. (An article with
            # paragraphs, "(1) ... is liable to 20 years. (2) Where ...", is judged paragraph by paragraph.)
            spans.append((p.start, end))
            ctx.aggravating.update(q.index for q in ctx.provisions_between(p.start, end))
    ctx.scope_spans = sorted(set(spans + _used_definitions(ctx, spans)))
    _means_profile(ctx)
    return ctx


# "an offence under section 4, 5 or 7", "los delitos previstos en los artículos 4, 5 o 7",
# "os crimes previstos nos arts. 4º, 5º e 7º", "une infraction prévue à l'article 4, 5 ou 7".
_CITED_OFFENCE = re.compile(
    r"(?:offen[cs]es?|delitos?|crimes?|infractions?)\W+(?:\w+\W+){0,4}?"
    r"(?:sections?|s\.|§+|art[íi]culos?|artigos?|articles?|arts?\.)\s*"
    r"((?:\d+[A-Za-z]*[ºo°]?(?:-[A-Z])?(?:\s*(?:,|or|and|o|y|e|ou|et)\s*)?)+)", re.I)


def refers_to(chunk: str, numbers: set[str]) -> bool:
    """A provision that punishes "an offence under section 4" belongs to the offence of section 4."""
    return bool(cited_numbers(chunk) & {cited_key(n) for n in numbers})


def cited_key(number: str) -> str:
    """A section number as citations are compared ("4º" and "4" are one)."""
    return re.sub(r"[ºo°\s]", "", number)


def cited_numbers(chunk: str) -> set[str]:
    """The section numbers of the offences a chunk cites ("an offence under section 4, 5 or 7")."""
    out: set[str] = set()
    for m in _CITED_OFFENCE.finditer(chunk):
        out.update(re.sub(r"[ºo°]", "", c) for c in re.findall(r"\d+[A-Za-z]*[ºo°]?", m.group(1)))
    return out


def _used_definitions(ctx: Context, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Definitions whose term is used in scope join it, and so on until nothing changes. Each span is
    searched once for each term still unused (definitions do not overlap one another, so only the
    given spans can already hold a definition)."""
    covered = Cover(spans)
    pending: dict[str, list[Definition]] = {}
    for d in ctx.seg.definitions:
        if not covered(d.start):
            pending.setdefault(d.term, []).append(d)
    added: list[tuple[int, int]] = []
    searched: set[tuple[int, int]] = set()
    fresh = list(spans)
    while fresh and pending:
        fresh = [s for s in dict.fromkeys(fresh) if s not in searched]
        searched.update(fresh)
        found = [t for t in pending if any(_mentions(ctx.text[a:b], t) for a, b in fresh)]
        fresh = [(d.start, d.end) for t in found for d in pending.pop(t)]
        added += fresh
    return added


_CONTAINERS = ("part", "chapter", "title", "division", "subtitle", "schedule")


def _container_of(ctx: Context, index: int) -> int | None:
    """The last Part, Chapter ... that begins at or before the provision."""
    if "containers" not in ctx.memo:
        last, found = [], None
        for p in ctx.provisions:
            found = p.index if p.kind in _CONTAINERS else found
            last.append(found)
        ctx.memo["containers"] = last
    i = bisect_right(ctx._provision_starts.starts, ctx.provisions[index].start) - 1
    return ctx.memo["containers"][i] if i >= 0 else None


def _same_family(ctx: Context, units: list[Unit], traff: list[Hit]) -> list[Unit]:
    """In a whole code, a pimping or kidnapping article also has acts, a purpose and a penalty. Where
    the text names its trafficking offences (by heading, by "the offence of trafficking", or by a
    definition of trafficking), other offences count only when they sit in the same Part or Chapter."""
    def labelled(u: Unit) -> bool:
        heading = ctx.provisions[u.anchor].heading.lower()
        return u.kind == "definition" or bool(TRAFFICKING_TERM.search(heading)) or bool(ctx.within(traff, u.start, u.end))
    named = [u for u in units if labelled(u)]
    if not named:
        return units
    families = {_container_of(ctx, u.anchor) for u in named}
    return [u for u in units if labelled(u) or _container_of(ctx, u.anchor) in families]


def _mentions(chunk: str, term: str) -> bool:
    """The chunk uses the defined term, in any inflection of a one-word term ("exploração" is used by
    "explorá-la", "exploitation" by "exploited")."""
    return _term_rx(term).search(chunk) is not None


@lru_cache(maxsize=1024)
def _term_rx(term: str) -> re.Pattern[str]:
    if " " not in term and len(term) > 6:
        stem = term[:max(5, len(term) - 4)]
        return re.compile(r"\b" + re.escape(stem) + r"\w*", re.IGNORECASE)
    return re.compile(r"\b" + re.escape(term) + r"\w{0,3}\b", re.IGNORECASE)


def _means_profile(ctx: Context) -> None:
    means = ctx.kind_hits("means")
    any_means = ctx.vocab("any_means")
    definitions = [u for u in ctx.units if u.kind == "definition"]
    for u in ctx.units:
        if u.by_reference and definitions:
            continue    # judged below: it is the definition it uses
        own = [h for h in ctx.within(means, u.start, u.end) if h.provision not in ctx.aggravating
               and (u.kind == "definition" or ctx.definition_at(h.start) is None)]
        if ctx.within(any_means, u.start, u.end) and not own:
            u.means_free_reason = msg("means.any-means")
        u.requires_means = bool(own)
        if not own and not u.means_free_reason:
            u.means_free_reason = msg("means.no-element")
    for u in ctx.units:
        if u.by_reference and definitions:
            u.requires_means = any(d.requires_means for d in definitions)
            u.means_free_reason = "" if u.requires_means else definitions[0].means_free_reason

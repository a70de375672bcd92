"""One predicate per kind of requirement (the rule's `assess:`), over the structural Context.

Each returns a Finding: status, the spans that prove it, and a note for the drafter. Statuses mean
what shared LABELLING.md says they mean.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from tipcheck.assess import penalty as penalties
from tipcheck.assess.structure import EXPLOITATION_TERM, Context, Unit
from tipcheck.models import Hit


@dataclass
class Finding:
    status: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    note: str = ""


def _spans(hits: list[Hit], limit: int = 3) -> list[tuple[int, int]]:
    out, seen = [], set()
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        if h.provision in seen:
            continue
        seen.add(h.provision)
        out.append((h.start, h.end))
        if len(out) == limit:
            break
    return out


def _no_offence(ctx: Context) -> Finding:
    return Finding("missing", note="no trafficking offence or definition of trafficking was found, so this element has nothing to attach to")


def _scoped(ctx: Context, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if ctx.in_scope(h.start) and h.provision not in ctx.non_operative]


def _basic(ctx: Context, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.provision not in ctx.aggravating]


# ---- definition: acts, means, purposes -------------------------------------------------------------
def _overlapping(h: Hit, others: list[Hit]) -> list[Hit]:
    return [o for o in others if o.start < h.end and h.start < o.end]


def _split(ctx: Context, rule, hits: list[Hit], *, movement_ok: bool) -> tuple[list[Hit], list[tuple[Hit, str]]]:
    """Separate hits that meet the requirement from those narrowed (by the rule's partial wording,
    a border requirement, a narrow class of victims, or an offence built around travel)."""
    partial = ctx.partial_hits(rule.id, qualifying_only=True)
    clean, narrowed = [], []
    for h in hits:
        over = _overlapping(h, partial)
        reason = _partial_note(rule, over) if over else _hit_narrowing(ctx, h, movement_ok)
        (narrowed.append((h, reason)) if reason else clean.append(h))
    return clean, narrowed


def _chain(ctx: Context, h: Hit) -> list[tuple[int, int]]:
    chain = [ctx.provisions[h.provision]] + [p for p in ctx.ancestors(h.provision) if p.kind != "section"]
    return [(p.start, p.end) for p in chain]


def _hit_narrowing(ctx: Context, h: Hit, movement_ok: bool) -> str:
    unit = ctx.unit_of(h.start)
    if unit and not movement_ok and unit.kind == "offence" and ctx.within(ctx.vocab("movement_core"), unit.start, unit.end):
        return ("the act counts only as a way of arranging or facilitating a person's travel, "
                "so the act without travel falls outside the offence")
    if unit is None or unit.kind != "offence":
        offences = [u for u in ctx.units if u.kind == "offence"]
        if offences and all(_border_required(ctx, u) for u in offences):
            return "the offence that uses it requires a border crossing, so internal trafficking is not reached"
        if offences and all(_unit_victims_narrow(ctx, u) for u in offences):
            return "the offence that uses it protects only some victims (women, girls or children)"
    spans = _chain(ctx, h)
    border = [b for b in ctx.vocab("border") if any(a <= b.start < e for a, e in spans)]
    domestic = [d for d in ctx.vocab("domestic") if any(a <= d.start < e for a, e in spans)]
    if border and not domestic:
        return "covered only where a border is crossed, so internal trafficking is not reached"
    if _victims_narrow(ctx, h):
        return "covered only for some victims (women, girls or children), not for every person"
    return ""


def _victim_words(ctx: Context, h: Hit) -> tuple[list[Hit], list[Hit]]:
    """The persons an offence clause protects, read after its first act verb: "receives a woman or girl"."""
    p = ctx.provisions[h.provision]
    acts = [a for a in ctx.kind_hits("act") if p.start <= a.start < p.end]
    if not acts:
        return [], []
    first = min(a.start for a in acts)
    narrow = [x for x in ctx.vocab("narrow_victim") if first <= x.start < p.end]
    general = [x for x in ctx.vocab("any_victim") if first <= x.start < p.end]
    return narrow, general


def _victims_narrow(ctx: Context, h: Hit) -> bool:
    narrow, general = _victim_words(ctx, h)
    return bool(narrow) and not general


def _partial_note(rule, hits: list[Hit]) -> str:
    notes = {h.element for h in hits}
    idx = sorted(int(n.replace("partial", "")) for n in notes if n.startswith("partial"))
    return rule.partial[idx[0]][0] if idx else "covered only in a narrower form"


def _judge(ctx: Context, rule, hits: list[Hit], *, movement_ok: bool, missing_note: str) -> Finding:
    clean, narrowed = _split(ctx, rule, hits, movement_ok=movement_ok)
    if clean:
        return Finding("met", _spans(clean))
    if narrowed:
        return Finding("partial", _spans([h for h, _ in narrowed]), narrowed[0][1])
    partial = _basic(ctx, _scoped(ctx, ctx.partial_hits(rule.id)))
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note=missing_note)


def act(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    hits = _basic(ctx, _scoped(ctx, ctx.rule_hits(rule.id)))
    return _judge(ctx, rule, hits, movement_ok=rule.movement, missing_note="the offence does not name this act")


def means(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    scoped = _scoped(ctx, ctx.rule_hits(rule.id))
    basic = _basic(ctx, scoped)
    requiring = [u for u in ctx.units if u.requires_means]
    free = [u for u in ctx.units if not u.requires_means]
    if not requiring:
        u = free[0]
        if all(_unit_victims_narrow(ctx, x) for x in free):
            return Finding("partial", [_unit_span(u)], f"no means required ({u.label}), but the offence protects only some victims")
        return Finding("met", [_unit_span(u)], f"no means required: {u.means_free_reason} ({u.label}), so any means is covered")
    if basic:
        found = _judge(ctx, rule, basic, movement_ok=True, missing_note="")
        if found.status == "met" or not free:
            return found
    if free:
        u = free[0]
        return Finding("partial", [_unit_span(u)],
                       f"not named as a means; it suffices only under {u.label}, where {u.means_free_reason}, "
                       f"not under {', '.join(sorted({r.label for r in requiring}))}")
    if scoped:
        return Finding("partial", _spans(scoped), "appears only as an aggravating circumstance, not as a means of the basic offence")
    partial = _basic(ctx, _scoped(ctx, ctx.partial_hits(rule.id)))
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note="the offence requires means and this one is not among them")


def _unit_span(u: Unit) -> tuple[int, int]:
    return (u.formula.start, u.formula.end) if u.formula else (u.start, min(u.end, u.start + 80))


def purpose(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    hits = _scoped(ctx, ctx.rule_hits(rule.id))
    found = _judge(ctx, rule, hits, movement_ok=True,
                   missing_note="not among the purposes of the offence or the definition of exploitation")
    if found.status != "missing":
        return found
    elsewhere = [h for h in ctx.rule_hits(rule.id) + ctx.partial_hits(rule.id)
                 if not ctx.in_scope(h.start) and ctx.operative(h) and _in_offence_provision(ctx, h)]
    if elsewhere:
        return Finding("partial", _spans(elsewhere),
                       "criminalised in a separate provision, but not a purpose of the trafficking offence")
    return found


def _in_offence_provision(ctx: Context, h: Hit) -> bool:
    """The hit sits in a provision that itself creates an offence (a separate crime)."""
    sec = ctx.provisions[h.provision].section
    if sec is None:
        return False
    a, b = ctx.provisions[sec].start, ctx.subtree_end(sec)
    return bool(ctx.within(ctx.vocab("offence"), a, b))


_MINIMUM = ("prostitution-of-others", "other-sexual-exploitation", "forced-labour-services", "slavery",
            "practices-similar-to-slavery", "servitude", "organ-removal")


def open_list(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    for d in ctx.seg.definitions:
        if EXPLOITATION_TERM.search(d.term) and d.inclusive and ctx.in_scope(d.start):
            return Finding("met", [(d.start, min(d.end, d.start + len(d.term) + 20))],
                           "exploitation is defined inclusively (“includes”), so the list is open")
    purpose_hits = _scoped(ctx, ctx.kind_hits("purpose"))
    near = [h for h in _scoped(ctx, ctx.rule_hits(rule.id))
            if any(abs(h.start - p.start) < 300 for p in purpose_hits)]
    if near:
        return Finding("met", _spans(near))
    covered = all(_scoped(ctx, ctx.rule_hits(f"palermo.3a.purpose.{k}")) for k in _MINIMUM)
    extended = _scoped(ctx, ctx.rule_hits(rule.id, "extended"))
    if covered and extended:
        return Finding("met", _spans(extended), "a closed list, but it goes beyond the Protocol minimum")
    if covered:
        return Finding("partial", _spans(purpose_hits, 1), "a closed list that covers the Protocol minimum but nothing more")
    return Finding("missing", note="the purposes are a closed list, narrower than the Protocol minimum")


# ---- consent and children ------------------------------------------------------------------------
def consent(ctx: Context, rule) -> Finding:
    live = [h for h in ctx.rule_hits(rule.id) if h.provision not in ctx.non_operative]
    contra = [h for h in ctx.rule_hits(rule.id, "contradiction") if h.provision not in ctx.non_operative
              and not _negated(ctx, h) and not any(p.start < h.end and h.start < p.end for p in live)]
    if contra:
        return Finding("missing", note="the text makes the victim's consent a defence, which contradicts art. 3(b)")
    if not live:
        return Finding("missing", note="the text is silent on the victim's consent")
    partial = [h for h in ctx.partial_hits(rule.id) if h.provision not in ctx.non_operative]
    clean, narrowed = [], []
    for h in live:
        s, e = _sentence(ctx, h)
        limits = [p for p in partial if s <= p.start < e and not _example(ctx, s, p)]
        if limits:
            narrowed.append((h, _partial_note(rule, limits)))
        elif _sexual_only_between(ctx, s, e):
            narrowed.append((h, "consent is made irrelevant only for sexual exploitation"))
        else:
            clean.append(h)
    if clean:
        return Finding("met", _spans(clean))
    return Finding("partial", _spans([h for h, _ in narrowed]), narrowed[0][1])


def _sexual_only_between(ctx: Context, s: int, e: int) -> bool:
    sexual = ctx.within(ctx.rule_hits("palermo.3a.purpose.prostitution-of-others"), s, e) + \
        ctx.within(ctx.rule_hits("palermo.3a.purpose.other-sexual-exploitation"), s, e)
    others = [h for k in ("forced-labour-services", "slavery", "servitude", "organ-removal")
              for h in ctx.within(ctx.rule_hits(f"palermo.3a.purpose.{k}"), s, e)]
    return bool(sexual) and not others


def _negated(ctx: Context, h: Hit) -> bool:
    return any(h.start <= n.start < h.end for n in ctx.vocab("negation"))


def child_no_means(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    requiring = [u for u in ctx.units if u.requires_means]
    if not requiring:
        u = ctx.units[0]
        span = [(u.formula.start, u.formula.end)] if u.formula else [(u.start, min(u.end, u.start + 80))]
        return Finding("met", span, f"the offence requires no means for anyone ({u.label}), children included")
    child_words = ctx.vocab("child_word")
    child_offences = [u for u in ctx.units if not u.requires_means and u.kind == "offence"
                      and ctx.within(child_words, u.start, u.end)]
    if child_offences:
        u = child_offences[0]
        return Finding("met", [_unit_span(u)], f"a separate offence for child victims ({u.label}) requires no means")
    clauses = [h for h in ctx.rule_hits(rule.id) if h.provision not in ctx.non_operative]
    general = [h for h in clauses if ctx.unit_of(h.start) is None]
    covered = [u for u in requiring if general or ctx.within(clauses, u.start, u.end)]
    if not covered:
        return Finding("missing", note="means must be proved for child victims too; children only affect the penalty, which contradicts art. 3(c)")
    sexual_only = clauses and all(_sexual_only(ctx, h) for h in clauses)
    lower = ctx.vocab("lower_age")
    younger_only = clauses and all(ctx.within(lower, *_chain(ctx, h)[0]) for h in clauses)
    if len(covered) < len(requiring) or sexual_only or younger_only:
        missing_in = sorted({u.label for u in requiring if u not in covered})
        note = ("the child exception covers only sexual exploitation" if sexual_only else
                "the child exception covers only children below an age lower than 18" if younger_only else
                f"no means are needed for children under some offences, but {', '.join(missing_in)} still require them")
        return Finding("partial", _spans(clauses), note)
    return Finding("met", _spans(clauses))


def _sexual_only(ctx: Context, h: Hit) -> bool:
    p = ctx.provisions[h.provision]
    sexual = ctx.within(ctx.rule_hits("palermo.3a.purpose.prostitution-of-others"), p.start, p.end)
    labour = ctx.within(ctx.rule_hits("palermo.3a.purpose.forced-labour-services"), p.start, p.end)
    return bool(sexual) and not labour


def child_age(ctx: Context, rule) -> Finding:
    op = lambda hs: [h for h in hs if h.provision not in ctx.non_operative]  # noqa: E731
    eighteen = op(ctx.rule_hits(rule.id))
    lower = op(ctx.vocab("lower_age"))
    words = op(ctx.vocab("child_word"))
    defined_lower = [h for h in lower if (d := ctx.definition_at(h.start)) and re.search(r"child|minor|juvenile", d.term)]
    if defined_lower and not any(ctx.definition_at(h.start) for h in eighteen):
        return Finding("missing", note="a child is defined below 18 years of age, which contradicts art. 3(d)")
    if eighteen and lower and _lower_for_offence(ctx, lower):
        return Finding("partial", _spans(eighteen), "18 is used in some provisions but a lower age in others")
    if eighteen:
        return Finding("met", _spans(eighteen))
    if lower:
        return Finding("missing", note="the child provisions use an age below 18")
    if words:
        return Finding("partial", _spans(words, 1), "“child” or “minor” is used but no age is defined or used")
    return Finding("missing", note="no age and no child provision in the text")


def _lower_for_offence(ctx: Context, lower: list[Hit]) -> bool:
    return any(ctx.in_scope(h.start) and h.provision not in ctx.aggravating for h in lower)


# ---- criminalisation -----------------------------------------------------------------------------
def offence(ctx: Context, rule) -> Finding:
    offences = [u for u in ctx.units if u.kind == "offence"]
    if not offences:
        note = ("trafficking is defined but no criminal offence is created in this text" if ctx.units
                else "no provision creates a trafficking offence (acts for a purpose of exploitation, with a criminal penalty)")
        return Finding("missing", note=note)
    if all(_unit_victims_narrow(ctx, u) for u in offences):
        return Finding("partial", [(offences[0].formula.start, offences[0].formula.end)],
                       "the offence protects only some victims (women or girls)")
    return Finding("met", [(u.formula.start, u.formula.end) for u in offences[:3]])


def _border_required(ctx: Context, u: Unit) -> bool:
    border = _basic(ctx, ctx.within(ctx.vocab("border"), u.start, u.end))
    domestic = ctx.within(ctx.vocab("domestic"), u.start, u.end)
    return bool(border) and not domestic


def _unit_victims_narrow(ctx: Context, u: Unit) -> bool:
    if u.named:
        names = ctx.within(ctx.vocab("named_offence"), u.start, u.end)
        narrow = [n for n in ctx.vocab("narrow_victim") if any(m.start <= n.start < m.end + 40 for m in names)]
        return bool(narrow) and not [g for g in ctx.vocab("any_victim") if any(m.start <= g.start < m.end + 40 for m in names)]
    acts = [h for h in ctx.kind_hits("act") if u.start <= h.start < u.end and any(_victim_words(ctx, h))]
    return bool(acts) and all(_victims_narrow(ctx, h) for h in acts)


def ancillary(ctx: Context, rule) -> Finding:
    if not [u for u in ctx.units if u.kind == "offence"]:
        return Finding("missing", note="no trafficking offence in the text, so no attempt or complicity provision attaches to it")
    names = {"main": "attempt", "complicity": "complicity", "organising": "organising or directing others"}
    found = {k: [h for h in ctx.rule_hits(rule.id, k) if ctx.operative(h)] for k in names}
    have = [k for k in names if found[k]]
    spans = _spans([h for k in have for h in found[k]])
    if len(have) == 3:
        return Finding("met", spans)
    lacking = ", ".join(names[k] for k in names if k not in have)
    if have:
        return Finding("partial", spans, f"not provided: {lacking}")
    return Finding("missing", note="attempt, complicity and organising are not provided in this text")


def _required(ctx: Context, hits: list[Hit]) -> list[Hit]:
    """Drop elements the text itself declares unnecessary ("whether or not an organised group ...")."""
    out = []
    for h in hits:
        before = ctx.text[max(0, h.start - 60):h.start].lower()
        if re.search(r"(whether or not|regardless of|irrespective of|need not|without)\W+(?:\w+\W+){0,4}$", before):
            continue
        # "... se o agente não integrar organização criminosa": a negated element is not required.
        if any(0 <= h.start - n.end <= 25 for n in ctx.vocab("negation")):
            continue
        # "... 25 years where it was committed within the framework of an organised group": it aggravates.
        s, _ = _sentence(ctx, h)
        if re.search(r"\b(?:years?|imprisonment|penalty|punishable)\b[^.;]{0,60}\b(?:where|if|when)\b[^.;]*$",
                     ctx.text[s:h.start], re.I):
            continue
        out.append(h)
    return out


def jurisdiction(ctx: Context, rule) -> Finding:
    offences = [u for u in ctx.units if u.kind == "offence"]
    if not offences:
        return Finding("missing", note="no trafficking offence in the text")
    organised = _required(ctx, _basic(ctx, [h for u in offences for h in ctx.within(ctx.vocab("organised_group"), u.start, u.end)]))
    domestic_units = [u for u in offences if not _border_required(ctx, u) and not ctx.within(organised, u.start, u.end)]
    if not domestic_units:
        if organised:
            return Finding("missing", note="the offence requires an organised criminal group")
        return Finding("missing", note="the offence requires crossing a border, so purely internal trafficking is not covered")
    border_units = [u for u in offences if _border_required(ctx, u)]
    u = domestic_units[0]
    domestic = ctx.within(ctx.vocab("domestic"), u.start, u.end)
    span = [(domestic[0].start, domestic[0].end)] if domestic else [_unit_span(u)]
    if border_units:
        inner = max((_top(p) for d in domestic_units for p in unit_penalties(ctx, d, set())), default=None)
        outer = max((_top(p) for b in border_units for p in unit_penalties(ctx, b, set())), default=None)
        if inner is not None and outer is not None and inner < outer / 2:
            return Finding("partial", span, f"internal trafficking is a separate offence punished far less "
                           f"({penalties.describe(inner)} against {penalties.describe(outer)} across borders)")
    note = "" if domestic else "no border crossing or organised group is an element of the offence"
    return Finding("met", span, note)


def legal_persons(ctx: Context, rule) -> Finding:
    good = []
    liability = ctx.vocab("liability") + ctx.vocab("offence")
    for h in ctx.rule_hits(rule.id):
        if not ctx.operative(h):
            continue
        a, b = ctx.lead_in(h.provision)
        chain = [ctx.provisions[h.provision]] + [p for p in ctx.ancestors(h.provision) if p.kind != "section"]
        if any(p.start <= x.start < p.end for p in chain for x in liability):
            good.append(h)
    if good:
        return Finding("met", _spans(good))
    partial = [h for h in ctx.partial_hits(rule.id) if ctx.operative(h)]
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note="no provision makes legal persons liable")


def _refers_to(chunk: str, numbers: set[str]) -> bool:
    """A provision that punishes "an offence under section 4" belongs to the offence of section 4."""
    for m in re.finditer(r"offen[cs]es?\s+under\s+(?:sections?|s\.|§+)\s*([\w, ]+?(?:\s+or\s+\w+)?)\b(?:\s+of\s+this|[.;,]|\s+is|\s+shall)", chunk, re.I):
        cited = set(re.findall(r"\d+[A-Za-z]*", m.group(1)))
        if cited & numbers:
            return True
    return False


def unit_penalties(ctx: Context, u: Unit, numbers: set[str]) -> list[penalties.Penalty]:
    """Penalty clauses of the basic offence of a unit: inside it, or in a provision that punishes
    "an offence under section N" (not its aggravated forms)."""
    found = []
    own = ctx.provisions[u.anchor].number
    for p in ctx.provisions:
        if p.index in ctx.aggravating or p.index in ctx.non_operative:
            continue
        inside = u.start <= p.start < u.end
        if inside or (own and _refers_to(ctx.text[p.start:p.end], {own})):
            found.extend(x for x in penalties.read(ctx.text, p.start, p.end, ctx.lang)
                         if x.max_years is not None or x.min_years is not None)
    return found


def _top(p: penalties.Penalty) -> float:
    return p.max_years if p.max_years is not None else (p.min_years or 0.0)


def penalty(ctx: Context, rule) -> Finding:
    offences = [u for u in ctx.units if u.kind == "offence"]
    per_unit = [(u, unit_penalties(ctx, u, set())) for u in offences]
    per_unit = [(u, found) for u, found in per_unit if found]
    if not per_unit and offences:
        # "A person who commits an offence under this Act is liable to ...": one penalty for all.
        general = [x for p in ctx.provisions if p.index not in ctx.aggravating and p.index not in ctx.non_operative
                   and re.search(r"offen[cs]es?\s+under\s+this\s+(?:act|part|chapter|title|law)", ctx.text[p.start:p.end], re.I)
                   for x in penalties.read(ctx.text, p.start, p.end, ctx.lang) if x.max_years is not None or x.min_years is not None]
        if general:
            per_unit = [(offences[0], general)]
    if not per_unit:
        return Finding("missing", note="no imprisonment penalty for the trafficking offence in this text")
    maxima = [(u, max(found, key=_top)) for u, found in per_unit]
    best_unit, best = max(maxima, key=lambda x: _top(x[1]))
    top = _top(best)
    if top < 4:
        return Finding("missing", note=f"maximum imprisonment {penalties.describe(top)}, below the four years of UNTOC art. 2(b)")
    low = [(u, p) for u, p in maxima if _top(p) < 4]
    if low:
        u, p = low[0]
        return Finding("partial", [(best.start, best.end)],
                       f"{best_unit.label} reaches {penalties.describe(top)}, but {u.label} carries at most "
                       f"{penalties.describe(_top(p))}, below the four years of UNTOC art. 2(b)")
    alternatives = [p for _, found in per_unit for p in found if p.fine_alternative]
    if alternatives:
        return Finding("partial", [(alternatives[0].start, alternatives[0].end)],
                       f"maximum {penalties.describe(top)}, but a fine can be imposed instead of imprisonment")
    return Finding("met", [(best.start, best.end)],
                   f"maximum {penalties.describe(top)}" if not math.isinf(top) else "life imprisonment")


# ---- victim protection ---------------------------------------------------------------------------
def protection(ctx: Context, rule) -> Finding:
    hits = [h for h in ctx.rule_hits(rule.id) if ctx.operative(h) and not _negated_clause(ctx, h)
            and _about_victims(ctx, h) and not _in_heading(ctx, h)]
    hits += [h for h in ctx.rule_hits(rule.id, "standalone") if ctx.operative(h) and not _in_heading(ctx, h)]
    contra = [h for h in ctx.rule_hits(rule.id, "contradiction") if ctx.operative(h)]
    # A provision that contradicts the requirement is no evidence for it, whatever else it says.
    hits = [h for h in hits if not any(_sentence(ctx, h)[0] <= c.start < _sentence(ctx, h)[1] for c in contra)]
    if contra and not hits:
        return Finding("missing", note="the text provides for removal of victims without safeguards, which contradicts this requirement")
    strong, weak = [], []
    for h in hits:
        reason = _weakness(ctx, h)
        (weak if reason else strong).append((h, reason))
    partial = [h for h in ctx.partial_hits(rule.id) if ctx.operative(h)]
    qualifying = [h for h in ctx.partial_hits(rule.id, qualifying_only=True) if ctx.operative(h)]
    narrowed = []
    for h, _ in strong:
        s, e = _sentence(ctx, h)
        if any(s <= p.start < e and not _example(ctx, s, p) for p in qualifying):
            narrowed.append(h)
    if len(narrowed) < len(strong):
        return Finding("met", _spans([h for h, _ in strong if h not in narrowed]))
    if narrowed:
        return Finding("partial", _spans(narrowed), _partial_note(rule, qualifying))
    if weak:
        return Finding("partial", _spans([h for h, _ in weak]), weak[0][1])
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note="no operative provision on this in the text")


DISCRETIONARY = "discretionary (“may”) where the treaty expects an obligation (“shall”)"


def _example(ctx: Context, sentence_start: int, h: Hit) -> bool:
    """Wording introduced by "including" or "such as" illustrates a rule, and wording after "or" adds an
    alternative: neither limits it."""
    before = ctx.text[max(sentence_start, h.start - 80):h.start].lower()
    if re.search(r"\b(?:or|and)\s*$", before):
        return True     # "... or where the victim is a child": one alternative among others
    return re.search(r"\b(including|includes|such as|in particular|for example)\b", before) is not None


def _sentence(ctx: Context, h: Hit) -> tuple[int, int]:
    a, b = ctx.lead_in(h.provision)
    text = ctx.text
    s = max(text.rfind(".", a, h.start), text.rfind(";", a, h.start), a - 1) + 1
    e = min([i for i in (text.find(".", h.end, b), text.find(";", h.end, b)) if i != -1] or [b])
    return s, e


def _weakness(ctx: Context, h: Hit, *, child_only_check: bool = True) -> str:
    chain = [ctx.provisions[h.provision]] + [p for p in ctx.ancestors(h.provision) if p.kind != "section"]
    s, e = _sentence(ctx, h)
    spans = [(s, e)] + [(p.start, p.end) for p in chain[1:]]
    def inside(name):  # noqa: E306
        return [x for x in ctx.vocab(name) if any(a <= x.start < b for a, b in spans)]
    lifted = inside("unconditional")
    # Cooperation is a condition only when it is the victim's: authorities that cooperate with
    # foreign counterparts set no condition on anyone.
    if inside("victim") and [c for c in inside("cooperation") if not any(u.start <= c.start < u.end for u in lifted)]:
        return "conditional on the victim's cooperation with the investigation or prosecution"
    child = inside("child_victim")
    others = [v for v in inside("victim") if not any(c.start <= v.start < c.end for c in child)]
    if child_only_check and child and not others:
        return "provided only for child victims"
    if inside("qualifier"):
        return "qualified (“to the extent practicable”, “subject to available resources”) where the treaty expects an obligation"
    # "may include" lists examples; it grants no discretion.
    own = [x for x in ctx.vocab("discretion") if s <= x.start < e
           and not ctx.text[x.end:x.end + 10].lstrip().lower().startswith("include")]
    if own and not [x for x in ctx.vocab("strong") if s <= x.start < e]:
        return DISCRETIONARY
    return ""


def _in_heading(ctx: Context, h: Hit) -> bool:
    """A hit in a heading line ("(3) Authority to permit continued presence") is a title, not a rule."""
    text = ctx.text
    a = text.rfind("\n", 0, h.start) + 1
    b = text.find("\n", h.end)
    b = len(text) if b == -1 else b
    if any(x <= h.start < y for x, y in ctx.seg.headings):
        return True
    if not re.match(r"\s*\(", text[a:b]):
        return False    # only "(3) Title" lines; a wrapped line of running text is not a heading
    line = re.sub(r"^(?:\([^)]*\)\s*)+", "", text[a:b]).strip()
    return len(line.split()) <= 12 and not line.endswith((".", ";", ":", ",", "—")) and b < len(text) \
        and not re.search(r"\b(shall|must|may|is|are)\b", line)


def _about_victims(ctx: Context, h: Hit) -> bool:
    """A protection provision names those it protects in its sentence or in the words governing it."""
    s, e = _sentence(ctx, h)
    spans = [(s, e)] + [(p.start, p.end) for p in ctx.ancestors(h.provision) if p.kind != "section"]
    p = ctx.provisions[h.provision]
    spans.append((p.start, p.end))
    return any(a <= v.start < b for v in ctx.vocab("victim") for a, b in spans)


def _negated_clause(ctx: Context, h: Hit) -> bool:
    s, _ = _sentence(ctx, h)
    before = ctx.text[s:h.start].lower()
    return bool(re.search(r"\b(shall not be entitled|is not entitled|are not entitled|no right to|not eligible)\b", before))


PREDICATES = {
    "act": act, "means": means, "purpose": purpose, "open-list": open_list, "consent": consent,
    "child-no-means": child_no_means, "child-age": child_age, "offence": offence, "ancillary": ancillary,
    "jurisdiction": jurisdiction, "legal-persons": legal_persons, "penalty": penalty, "protection": protection,
}

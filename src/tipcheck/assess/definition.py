"""The definition of the offence: acts, means, purposes, consent and children (Palermo art. 3)."""

from __future__ import annotations

import re
from tipcheck.assess.structure import EXPLOITATION_TERM, Context
from tipcheck.models import Hit
from tipcheck.assess.common import (
    Finding, _basic, _border_required, _chain, _example, _no_offence, _overlapping, _partial_note, _scoped,
    _sentence, _spans, _unit_span, _unit_victims_narrow, _victims_narrow,
)


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
    # A clause outside every offence, or in an offence that applies the Act's definition of
    # trafficking, covers every offence and definition it governs.
    general = [h for h in clauses if ctx.unit_of(h.start) is None
               or (ctx.unit_of(h.start).by_reference)]
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

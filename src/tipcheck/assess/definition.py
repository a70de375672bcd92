"""The definition of the offence: acts, means, purposes, consent and children (Palermo art. 3)."""

from __future__ import annotations

import re
from tipcheck.assess.structure import EXPLOITATION_TERM, Context
from tipcheck.i18n import Msg, RuleText, msg
from tipcheck.models import Hit
from tipcheck.assess.common import (
    Finding, _basic, _border_required, _chain, _example, _no_offence, _partial_note, _scoped,
    _sentence, _spans, _unit_span, _unit_victims_narrow, _victims_narrow,
)


def _split(ctx: Context, rule, hits: list[Hit], *, movement_ok: bool) -> tuple[list[Hit], list[tuple[Hit, Msg | RuleText]]]:
    """Separate hits that meet the requirement from those narrowed (by the rule's partial wording,
    a border requirement, a narrow class of victims, or an offence built around travel)."""
    partial = ctx.partial_hits(rule.id, qualifying_only=True)
    clean, narrowed = [], []
    for h in hits:
        over = ctx.overlapping(partial, h.start, h.end)
        reason = _partial_note(rule, over) if over else _hit_narrowing(ctx, h, movement_ok)
        (narrowed.append((h, reason)) if reason else clean.append(h))
    return clean, narrowed


def _hit_narrowing(ctx: Context, h: Hit, movement_ok: bool) -> Msg | None:
    unit = ctx.unit_of(h.start)
    if unit and not movement_ok and unit.kind == "offence" and ctx.within(ctx.vocab("movement_core"), unit.start, unit.end):
        return msg("narrow.travel-only")
    if unit is None or unit.kind != "offence":
        narrowing = _offences_narrowing(ctx)
        if narrowing:
            return narrowing
    spans = _chain(ctx, h)
    border = ctx.starting_in_any(ctx.vocab("border"), spans)
    domestic = ctx.starting_in_any(ctx.vocab("domestic"), spans)
    if border and not domestic:
        return msg("narrow.border")
    if _victims_narrow(ctx, h):
        return msg("narrow.victims")
    return None


def _offences_narrowing(ctx: Context) -> Msg | None:
    """What narrows every offence of the text at once (the same for every hit outside them)."""
    if "offences_narrowing" not in ctx.memo:
        offences = [u for u in ctx.units if u.kind == "offence"]
        found = None
        if offences and all(_border_required(ctx, u) for u in offences):
            found = msg("narrow.offence-border")
        elif offences and all(_unit_victims_narrow(ctx, u) for u in offences):
            found = msg("narrow.offence-victims")
        ctx.memo["offences_narrowing"] = found
    return ctx.memo["offences_narrowing"]


def _judge(ctx: Context, rule, hits: list[Hit], *, movement_ok: bool, missing_note: Msg | None) -> Finding:
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
    return _judge(ctx, rule, hits, movement_ok=rule.movement, missing_note=msg("act.not-named"))


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
            return Finding("partial", [_unit_span(u)], msg("means.free-some-victims", unit=u.label))
        return Finding("met", [_unit_span(u)], msg("means.free", reason=u.means_free_reason, unit=u.label))
    if basic:
        found = _judge(ctx, rule, basic, movement_ok=True, missing_note=None)
        if found.status == "met" or not free:
            return found
    if free:
        u = free[0]
        return Finding("partial", [_unit_span(u)],
                       msg("means.free-only-under", unit=u.label, reason=u.means_free_reason,
                           others=sorted({r.label for r in requiring})))
    if scoped:
        return Finding("partial", _spans(scoped), msg("means.aggravation-only"))
    partial = _basic(ctx, _scoped(ctx, ctx.partial_hits(rule.id)))
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    implied = [h for rid in rule.implied_by for h in _basic(ctx, _scoped(ctx, ctx.rule_hits(rid)))]
    if implied:
        words = sorted({ctx.text[h.start:h.end].lower() for h in implied})
        return Finding("partial", _spans(implied), msg("means.implied", means=words))
    return Finding("missing", note=msg("means.not-among"))


def purpose(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    hits = _scoped(ctx, ctx.rule_hits(rule.id))
    found = _judge(ctx, rule, hits, movement_ok=True,
                   missing_note=msg("purpose.not-among"))
    if found.status != "missing":
        return found
    elsewhere = [h for h in ctx.rule_hits(rule.id) + ctx.partial_hits(rule.id)
                 if not ctx.in_scope(h.start) and ctx.operative(h) and _in_offence_provision(ctx, h)]
    if elsewhere:
        return Finding("partial", _spans(elsewhere),
                       msg("purpose.separate-offence"))
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
                           msg("open-list.inclusive"))
    purpose_hits = _scoped(ctx, ctx.kind_hits("purpose"))
    near = [h for h in _scoped(ctx, ctx.rule_hits(rule.id))
            if ctx.starting(purpose_hits, h.start - 299, h.start + 300)]
    if near:
        return Finding("met", _spans(near))
    covered = all(_scoped(ctx, ctx.rule_hits(f"palermo.3a.purpose.{k}")) for k in _MINIMUM)
    extended = _scoped(ctx, ctx.rule_hits(rule.id, "extended"))
    if covered and extended:
        return Finding("met", _spans(extended), msg("open-list.closed-beyond"))
    if covered:
        return Finding("partial", _spans(purpose_hits, 1), msg("open-list.closed-minimum"))
    if extended:
        # Closed and short of the minimum, but extended to other forms (begging, pornography):
        # the extension is there, the open reach is not.
        return Finding("partial", _spans(extended), msg("open-list.closed-extended"))
    return Finding("missing", note=msg("open-list.narrower"))


# ---- consent and children ------------------------------------------------------------------------
def consent(ctx: Context, rule) -> Finding:
    live = [h for h in ctx.rule_hits(rule.id) if h.provision not in ctx.non_operative]
    contra = [h for h in ctx.rule_hits(rule.id, "contradiction") if h.provision not in ctx.non_operative
              and not _negated(ctx, h) and not ctx.overlapping(live, h.start, h.end)]
    if contra:
        return Finding("missing", note=msg("consent.defence"))
    if not live:
        return Finding("missing", note=msg("consent.silent"))
    partial = [h for h in ctx.partial_hits(rule.id) if h.provision not in ctx.non_operative]
    clean, narrowed = [], []
    for h in live:
        s, e = _sentence(ctx, h)
        limits = [p for p in ctx.starting(partial, s, e) if not _example(ctx, s, p)]
        if limits:
            narrowed.append((h, _partial_note(rule, limits)))
        elif _sexual_only_between(ctx, s, e):
            narrowed.append((h, msg("consent.sexual-only")))
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
    return bool(ctx.starting(ctx.vocab("negation"), h.start, h.end))


def child_no_means(ctx: Context, rule) -> Finding:
    if not ctx.units:
        return _no_offence(ctx)
    requiring = [u for u in ctx.units if u.requires_means]
    if not requiring:
        u = ctx.units[0]
        span = [(u.formula.start, u.formula.end)] if u.formula else [(u.start, min(u.end, u.start + 80))]
        return Finding("met", span, msg("child.no-means-anyone", unit=u.label))
    child_words = ctx.vocab("child_word")
    child_offences = [u for u in ctx.units if not u.requires_means and u.kind == "offence"
                      and ctx.within(child_words, u.start, u.end)]
    if child_offences:
        u = child_offences[0]
        return Finding("met", [_unit_span(u)], msg("child.separate-offence", unit=u.label))
    clauses = [h for h in ctx.rule_hits(rule.id) if h.provision not in ctx.non_operative]
    # A clause outside every offence, or in an offence that applies the Act's definition of
    # trafficking, covers every offence and definition it governs.
    general = [h for h in clauses if ctx.unit_of(h.start) is None
               or (ctx.unit_of(h.start).by_reference)]
    covered = [u for u in requiring if general or ctx.within(clauses, u.start, u.end)]
    if not covered:
        return Finding("missing", note=msg("child.means-required"))
    sexual_only = clauses and all(_sexual_only(ctx, h) for h in clauses)
    lower = ctx.vocab("lower_age")
    younger_only = clauses and all(ctx.within(lower, *_chain(ctx, h)[0]) for h in clauses)
    if len(covered) < len(requiring) or sexual_only or younger_only:
        missing_in = sorted({u.label for u in requiring if u not in covered})
        note = (msg("child.sexual-only") if sexual_only else msg("child.younger-only") if younger_only else
                msg("child.some-offences", others=missing_in))
        return Finding("partial", _spans(clauses), note)
    return Finding("met", _spans(clauses))


def _sexual_only(ctx: Context, h: Hit) -> bool:
    p = ctx.provisions[h.provision]
    sexual = ctx.within(ctx.rule_hits("palermo.3a.purpose.prostitution-of-others"), p.start, p.end)
    labour = ctx.within(ctx.rule_hits("palermo.3a.purpose.forced-labour-services"), p.start, p.end)
    return bool(sexual) and not labour


_CHILD_TERM = re.compile(r"child|minor|juvenile|ni[ñn][oa]|menor|adolescente|crian[çc]a|enfant|mineur", re.I)


def child_age(ctx: Context, rule) -> Finding:
    op = lambda hs: [h for h in hs if h.provision not in ctx.non_operative]  # noqa: E731
    eighteen = op(ctx.rule_hits(rule.id))
    lower = op(ctx.vocab("lower_age"))
    words = op(ctx.vocab("child_word"))
    defined_lower = [h for h in lower if (d := ctx.definition_at(h.start)) and _CHILD_TERM.search(d.term)]
    if defined_lower and not any(ctx.definition_at(h.start) for h in eighteen):
        return Finding("missing", note=msg("age.defined-lower"))
    if eighteen and lower and _lower_for_offence(ctx, lower):
        return Finding("partial", _spans(eighteen), msg("age.mixed"))
    if eighteen:
        return Finding("met", _spans(eighteen))
    if lower:
        return Finding("missing", note=msg("age.lower"))
    if words:
        return Finding("partial", _spans(words, 1), msg("age.undefined"))
    return Finding("missing", note=msg("age.none"))


def _lower_for_offence(ctx: Context, lower: list[Hit]) -> bool:
    return any(ctx.in_scope(h.start) and h.provision not in ctx.aggravating for h in lower)

"""Criminalisation: the offence itself, ancillary liability, jurisdiction, legal persons, penalties."""

from __future__ import annotations

from tipcheck.assess import penalty as penalties
from tipcheck.assess.structure import Context
from tipcheck.i18n import msg
from tipcheck.assess.common import (
    offence_penalties,
    Finding, _basic, _border_required, _partial_note, _required, _spans, _top, _unit_span,
    _unit_victims_narrow, unit_penalties,
)


# ---- criminalisation -----------------------------------------------------------------------------
def offence(ctx: Context, rule) -> Finding:
    offences = [u for u in ctx.units if u.kind == "offence"]
    if not offences:
        note = msg("offence.defined-not-criminal") if ctx.units else msg("offence.none")
        return Finding("missing", note=note)
    if all(_unit_victims_narrow(ctx, u) for u in offences):
        return Finding("partial", [(offences[0].formula.start, offences[0].formula.end)],
                       msg("offence.some-victims"))
    return Finding("met", [(u.formula.start, u.formula.end) for u in offences[:3]])


def ancillary(ctx: Context, rule) -> Finding:
    if not ctx.bundle_offence and not [u for u in ctx.units if u.kind == "offence"]:
        return Finding("missing", note=msg("ancillary.no-offence"))
    names = {"main": msg("ancillary.attempt"), "complicity": msg("ancillary.complicity"),
             "organising": msg("ancillary.organising")}
    found = {k: [h for h in ctx.rule_hits(rule.id, k) if ctx.operative(h)] for k in names}
    have = [k for k in names if found[k]]
    spans = _spans([h for k in have for h in found[k]])
    if len(have) == 3:
        return Finding("met", spans)
    lacking = [names[k] for k in names if k not in have]
    if have:
        return Finding("partial", spans, msg("not-provided", items=lacking))
    return Finding("missing", note=msg("ancillary.none"))


def jurisdiction(ctx: Context, rule) -> Finding:
    offences = [u for u in ctx.units if u.kind == "offence"]
    if not offences:
        return Finding("missing", note=msg("offence.none-in-text"))
    organised = _required(ctx, _basic(ctx, [h for u in offences for h in ctx.within(ctx.vocab("organised_group"), u.start, u.end)]))
    domestic_units = [u for u in offences if not _border_required(ctx, u) and not ctx.within(organised, u.start, u.end)]
    if not domestic_units:
        if organised:
            return Finding("missing", note=msg("scope.requires-group"))
        return Finding("missing", note=msg("scope.requires-border"))
    border_units = [u for u in offences if _border_required(ctx, u)]
    u = domestic_units[0]
    domestic = ctx.within(ctx.vocab("domestic"), u.start, u.end)
    span = [(domestic[0].start, domestic[0].end)] if domestic else [_unit_span(u)]
    if border_units:
        inner = max((_top(p) for d in domestic_units for p in unit_penalties(ctx, d)), default=None)
        outer = max((_top(p) for b in border_units for p in unit_penalties(ctx, b)), default=None)
        if inner is not None and outer is not None and inner < outer / 2:
            return Finding("partial", span, msg("scope.internal-lesser", inner=penalties.describe(inner), outer=penalties.describe(outer)))
    note = "" if domestic else msg("scope.no-border-element")
    return Finding("met", span, note)


def legal_persons(ctx: Context, rule) -> Finding:
    if not ctx.concerns_trafficking:
        return Finding("missing", note=msg("provision.unrelated"))
    good = []
    liability = ctx.vocab("liability") + ctx.vocab("offence")
    for h in ctx.rule_hits(rule.id):
        if not ctx.operative(h):
            continue
        a, b = ctx.lead_in(h.provision)
        chain = [ctx.provisions[h.provision]] + [p for p in ctx.ancestors(h.provision) if p.kind != "section"]
        if ctx.starting_in_any(liability, [(p.start, p.end) for p in chain]):
            good.append(h)
    if good:
        return Finding("met", _spans(good))
    partial = [h for h in ctx.partial_hits(rule.id) if ctx.operative(h)]
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note=msg("legal-persons.none"))


def penalty(ctx: Context, rule) -> Finding:
    per_unit = offence_penalties(ctx)
    if not per_unit:
        return Finding("missing", note=msg("penalty.none"))
    maxima = [(u, max(found, key=_top)) for u, found in per_unit]
    best_unit, best = max(maxima, key=lambda x: _top(x[1]))
    top = _top(best)
    if top < 4:
        return Finding("missing", note=msg("penalty.below-four", max=penalties.describe(top)))
    low = [(u, p) for u, p in maxima if _top(p) < 4]
    if low:
        u, p = low[0]
        return Finding("partial", [(best.start, best.end)],
                       msg("penalty.some-below-four", best=best_unit.label, max=penalties.describe(top), low=u.label,
                           low_max=penalties.describe(_top(p))))
    alternatives = [p for _, found in per_unit for p in found if p.fine_alternative]
    if alternatives:
        return Finding("partial", [(alternatives[0].start, alternatives[0].end)],
                       msg("penalty.fine-instead", max=penalties.describe(top)))
    return Finding("met", [(best.start, best.end)],
                   msg("penalty.maximum", max=penalties.describe(top)))

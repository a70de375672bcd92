"""Victim protection: operative provisions about victims, weakened by "may", qualifiers and conditions."""

from __future__ import annotations

import re

from tipcheck.assess.structure import Context
from tipcheck.i18n import msg
from tipcheck.models import Hit
from tipcheck.assess.common import (
    Finding, _example, _partial_note, _sentence, _spans, _weakness, _in_heading,
)


# ---- victim protection ---------------------------------------------------------------------------
def protection(ctx: Context, rule) -> Finding:
    if not ctx.concerns_trafficking:
        return Finding("missing", note=msg("provision.unrelated"))
    hits = [h for h in ctx.rule_hits(rule.id) if ctx.operative(h) and not _negated_clause(ctx, h)
            and _about_victims(ctx, h) and not _in_heading(ctx, h)]
    hits += [h for h in ctx.rule_hits(rule.id, "standalone") if ctx.operative(h) and not _in_heading(ctx, h)]
    contra = [h for h in ctx.rule_hits(rule.id, "contradiction") if ctx.operative(h)]
    # A provision that contradicts the requirement is no evidence for it, whatever else it says.
    hits = [h for h in hits if not ctx.starting(contra, *_sentence(ctx, h))]
    if contra and not hits:
        return Finding("missing", note=msg("protection.removal"))
    strong, weak = [], []
    for h in hits:
        reason = _weakness(ctx, h)
        (weak if reason else strong).append((h, reason))
    partial = [h for h in ctx.partial_hits(rule.id) if ctx.operative(h)]
    qualifying = [h for h in ctx.partial_hits(rule.id, qualifying_only=True) if ctx.operative(h)]
    narrowed = []
    for h, _ in strong:
        s, e = _sentence(ctx, h)
        if any(not _example(ctx, s, p) for p in ctx.starting(qualifying, s, e)):
            narrowed.append(h)
    if len(narrowed) < len(strong):
        return Finding("met", _spans([h for h, _ in strong if h not in narrowed]))
    if narrowed:
        return Finding("partial", _spans(narrowed), _partial_note(rule, qualifying))
    if weak:
        return Finding("partial", _spans([h for h, _ in weak]), weak[0][1])
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note=msg("provision.none"))


def _about_victims(ctx: Context, h: Hit) -> bool:
    """A protection provision names those it protects in its sentence or in the words governing it."""
    s, e = _sentence(ctx, h)
    spans = [(s, e)] + [(p.start, p.end) for p in ctx.ancestors(h.provision) if p.kind != "section"]
    p = ctx.provisions[h.provision]
    spans.append((p.start, p.end))
    return bool(ctx.starting_in_any(ctx.vocab("victim"), spans))


def _negated_clause(ctx: Context, h: Hit) -> bool:
    s, _ = _sentence(ctx, h)
    before = ctx.text[s:h.start].lower()
    return _NO_ENTITLEMENT.search(before) is not None


# "shall not be entitled to", "no tendrá derecho a", "não terá direito a", "n'a pas droit à".
_NO_ENTITLEMENT = re.compile(
    r"\b(shall not be entitled|is not entitled|are not entitled|no right to|not eligible|no tendr[áa]n? derecho|"
    r"no tiene[n]? derecho|sin derecho a|n[ãa]o ter[áa]o? direito|n[ãa]o t[êe]m direito|n[ãa]o tem direito|"
    r"sem direito a)\b|\bn.(?:a|ont|aura|auront) pas droit\b|\bne (?:peut|peuvent) (?:pas )?b[ée]n[ée]ficier\b", re.I)

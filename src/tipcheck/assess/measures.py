"""Predicates for the wider catalogue: measures a law must establish (services, procedures, bodies,
cooperation), related offences, aggravations and the finer points of the offence and its penalties.
"""

from __future__ import annotations

from tipcheck.assess import penalty as penalties
from tipcheck.assess.common import (
    offence_penalties,
    DISCRETIONARY, Finding, _basic, _example, _no_offence, _partial_note, _required, _sentence, _spans, _top,
    _unit_span, _weakness, _in_heading,
)
from tipcheck.assess.structure import Context
from tipcheck.i18n import msg
from tipcheck.models import Hit

_SPECIAL = {"main", "contradiction", "standalone"}


def _operative(ctx: Context, hits: list[Hit], rule=None) -> list[Hit]:
    """Operative provisions; with the rule's `in_definitions`, also the definitions the offence relies
    on ("exploitation" includes ...)."""
    defs = bool(rule and rule.in_definitions)
    return [h for h in hits if (ctx.operative(h) or (defs and ctx.in_scope(h.start) and h.provision not in ctx.non_operative))
            and not _in_heading(ctx, h)]


def provision(ctx: Context, rule) -> Finding:
    """A measure established by an operative provision: "shall" meets it; "may", qualifiers and
    conditions make it partial; named elements (e.g. a body AND a data mandate) must all be there."""
    if not ctx.concerns_trafficking:
        return Finding("missing", note=msg("provision.unrelated"))
    hits = _operative(ctx, ctx.rule_hits(rule.id), rule)
    contra = _operative(ctx, ctx.rule_hits(rule.id, "contradiction"))
    hits = [h for h in hits if not ctx.starting(contra, *_sentence(ctx, h))]
    if contra and not hits:
        return Finding("missing", note=msg("provision.contradicted"))
    partial = _operative(ctx, ctx.partial_hits(rule.id))
    qualifying = _operative(ctx, ctx.partial_hits(rule.id, qualifying_only=True))
    strong, weak = [], []
    for h in hits:
        spans = _governing(ctx, h)
        limits = [p for p in ctx.starting_in_any(qualifying, spans) if not _example(ctx, spans[0][0], p)]
        reason = _partial_note(rule, limits) if limits else _weakness(ctx, h, child_only_check=False)
        (weak if reason else strong).append((h, reason))
    # The section that establishes a measure decides: a narrowed provision is not rescued by a later
    # mention of the same measure in its own section ("at the end of the reflection period ...").
    narrowed_sections = {ctx.provisions[h.provision].section for h, why in weak if why != DISCRETIONARY}
    demoted = [(h, weak[0][1]) for h, _ in strong if ctx.provisions[h.provision].section in narrowed_sections]
    strong = [(h, r) for h, r in strong if ctx.provisions[h.provision].section not in narrowed_sections]
    weak = weak + demoted
    elements = sorted({el for lang in rule.patterns.values() for el in lang} - _SPECIAL)
    found = {el: _operative(ctx, ctx.rule_hits(rule.id, el), rule) for el in elements}
    lacking = [_element(el) for el in elements if not found[el]]
    extra = [h for el in elements for h in found[el][:1]]
    if strong:
        if lacking:
            note = msg("not-provided-elsewhere", items=lacking, weakness=weak[0][1]) if weak else \
                msg("not-provided", items=lacking)
            return Finding("partial", _spans(sorted([h for h, _ in weak + strong], key=lambda h: h.start)), note)
        return Finding("met", _spans([h for h, _ in strong] + extra, limit=4))
    if weak:
        return Finding("partial", _spans([h for h, _ in weak]), weak[0][1])
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    if extra:
        return Finding("partial", _spans(extra), msg("provision.only-elements", items=[_element(el) for el in elements if found[el]]))
    return Finding("missing", note=msg("provision.none"))


def _governing(ctx: Context, h: Hit) -> list[tuple[int, int]]:
    """The hit's sentence and the lead-in words of the provisions above it (not the section)."""
    spans = [_sentence(ctx, h)]
    spans += [(p.start, p.end) for p in ctx.ancestors(h.provision)]   # a section's own text is its lead-in
    return spans


def related_offence(ctx: Context, rule) -> Finding:
    """A criminal offence for related conduct (participation in an organised group, obstruction of
    justice): the wording must sit in a provision that creates an offence."""
    def in_offence(h: Hit) -> bool:
        sec = ctx.provisions[h.provision].section
        if sec is None:
            return False
        a, b = ctx.provisions[sec].start, ctx.subtree_end(sec)
        return bool(ctx.within(ctx.vocab("offence"), a, b))
    hits = [h for h in _operative(ctx, ctx.rule_hits(rule.id), rule) if in_offence(h)]
    if hits:
        return Finding("met", _spans(hits))
    partial = [h for h in _operative(ctx, ctx.partial_hits(rule.id)) if in_offence(h)]
    if partial:
        return Finding("partial", _spans(partial), _partial_note(rule, partial))
    return Finding("missing", note=msg("related.none"))


def intent(ctx: Context, rule) -> Finding:
    """The offence is complete with the purpose of exploitation; actual exploitation is not an element."""
    offences = [u for u in ctx.units if u.kind == "offence"]
    if not offences:
        return _no_offence(ctx)
    def within(hits: list[Hit]) -> list[Hit]:
        return [h for u in offences for h in ctx.within(hits, u.start, u.end) if ctx.definition_at(h.start) is None]
    purpose = within(ctx.rule_hits(rule.id))          # anywhere in the offence, aggravated forms included
    result = _basic(ctx, within(ctx.rule_hits(rule.id, "result")))
    if purpose and not result:
        return Finding("met", _spans(purpose))
    if purpose and result:
        return Finding("partial", _spans(purpose + result, limit=4), msg("intent.some-result"))
    if result:
        return Finding("missing", note=msg("intent.result"))
    return Finding("missing", note=msg("intent.no-purpose"))


def organised_group(ctx: Context, rule) -> Finding:
    offences = [u for u in ctx.units if u.kind == "offence"]
    if not offences:
        return _no_offence(ctx)
    group = _required(ctx, _basic(ctx, [h for u in offences for h in ctx.within(ctx.vocab("organised_group"), u.start, u.end)]))
    several = _basic(ctx, [h for u in offences for h in ctx.within(ctx.partial_hits(rule.id), u.start, u.end)])
    free = [u for u in offences if not ctx.within(group, u.start, u.end)]
    if not free:
        return Finding("missing", note=msg("group.element"))
    if several and all(ctx.within(several, u.start, u.end) for u in free):
        return Finding("partial", _spans(several), _partial_note(rule, several))
    lifted = [h for u in free for h in _basic(ctx, ctx.within(ctx.vocab("organised_group"), u.start, u.end)) if h not in group]
    span = _spans(lifted, 1) if lifted else [_unit_span(free[0])]
    return Finding("met", span, msg("group.none"))


def aggravation(ctx: Context, rule) -> Finding:
    """Aggravated penalties: each named element is one kind of circumstance (child victim, public
    official, ...). All of them: met; some: partial."""
    elements = ["main"] + sorted({el for lang in rule.patterns.values() for el in lang} - _SPECIAL)
    raising = _raising(ctx)
    found = {el: [h for h in ctx.rule_hits(rule.id, el) if h.provision in raising and ctx.operative(h)]
             for el in elements}
    have = [el for el in elements if found[el]]
    spans = _spans([h for el in have for h in found[el]])
    if len(have) == len(elements):
        return Finding("met", spans)
    lacking = [_element("child_victim" if el == "main" else el) for el in elements if el not in have]
    if have:
        return Finding("partial", spans, msg("aggravation.lacking", items=lacking))
    return Finding("missing", note=msg("aggravation.none"))


def _element(name: str):
    """An element of a measure, named in the report language (a third-party pack's own element names
    fall back to their identifier)."""
    return msg(f"element.{name}", _default=name.replace("_", " "))


def _raising(ctx: Context) -> set[int]:
    """Provisions that raise the penalty: aggravating clauses, provisions (or their lead-in) speaking
    of aggravation, and sections headed as aggravated offences."""
    out = set(ctx.aggravating)
    words = ctx.vocab("aggravation")
    for p in ctx.provisions:
        chain = [p] + [a for a in ctx.ancestors(p.index) if a.kind != "section"]
        if any(ctx.within(words, q.start, q.end) for q in chain):
            out.add(p.index)
        sec = ctx.provisions[p.section] if p.section is not None else None
        if sec is not None and "aggravat" in sec.heading.lower():
            out.add(p.index)
    return out


def penalty_commensurate(ctx: Context, rule) -> Finding:
    per_unit = offence_penalties(ctx)
    if not per_unit:
        return Finding("missing", note=msg("penalty.none"))
    maxima = [(u, max(found, key=_top)) for u, found in per_unit]
    top = max(_top(p) for _, p in maxima)
    best = max(maxima, key=lambda x: _top(x[1]))[1]
    if top < 4:
        return Finding("missing", note=msg("commensurate.not-serious", max=penalties.describe(top)))
    low = [(u, p) for u, p in maxima if _top(p) < 10]
    fine = [p for _, found in per_unit for p in found if p.fine_alternative]
    if low:
        u, p = low[0]
        return Finding("partial", [(p.start, p.end)],
                       msg("commensurate.low", unit=u.label, max=penalties.describe(_top(p))))
    if fine:
        return Finding("partial", [(fine[0].start, fine[0].end)], msg("commensurate.fine-instead"))
    return Finding("met", [(best.start, best.end)],
                   msg("penalty.maximum", max=penalties.describe(top)))


def legal_person_sanctions(ctx: Context, rule) -> Finding:
    """Sanctions on legal persons: a fine and at least one further sanction (dissolution, closure,
    debarment ...), in a provision about legal persons."""
    if not ctx.concerns_trafficking:
        return Finding("missing", note=msg("provision.unrelated"))
    entities = _operative(ctx, ctx.rule_hits(rule.id), rule)
    if not entities:
        return Finding("missing", note=msg("sanctions.none"))
    def near(element: str) -> list[Hit]:
        # Each section once: many entities in one long section gathered its hits once per entity.
        spans = {}
        for e in entities:
            sec = ctx.provisions[e.provision].section
            spans[(ctx.provisions[sec].start, ctx.subtree_end(sec)) if sec is not None else _sentence(ctx, e)] = None
        out = []
        for a, b in spans:
            out += ctx.within(ctx.rule_hits(rule.id, element), a, b)
        return out
    fines, others = near("fine"), near("other_sanction")
    if fines and others:
        return Finding("met", _spans(fines + others))
    if fines or others:
        return Finding("partial", _spans(fines or others),
                       msg("sanctions.fine-only") if fines else msg("sanctions.no-fine"))
    return Finding("missing", note=msg("sanctions.unattached"))


def due_diligence(ctx: Context, rule) -> Finding:
    """Duties of the authorities themselves; a law that only punishes meets it in part."""
    found = provision(ctx, rule)
    if _operative(ctx, ctx.rule_hits(rule.id, "contradiction")):
        return found
    if found.status == "missing" and [u for u in ctx.units if u.kind == "offence"]:
        return Finding("partial", [_unit_span(next(u for u in ctx.units if u.kind == "offence"))],
                       msg("due-diligence.punish-only"))
    return found


MEASURES = {  # merged into PREDICATES (predicates.py)
    "provision": provision, "related-offence": related_offence, "intent": intent,
    "organised-group": organised_group, "aggravation": aggravation,
    "penalty-commensurate": penalty_commensurate, "legal-person-sanctions": legal_person_sanctions,
    "due-diligence": due_diligence,
}

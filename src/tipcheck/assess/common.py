"""What every judgement shares: the Finding record, evidence spans, scope and aggravation filters,
sentences and the words that weaken a provision, victim classes, penalties per offence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipcheck.assess import penalty as penalties
from tipcheck.assess.structure import Context, Unit, cited_key, cited_numbers
from tipcheck.i18n import Msg, RuleText, msg
from tipcheck.models import Hit


@dataclass
class Finding:
    status: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    note: Msg | RuleText | str = ""


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
    return Finding("missing", note=msg("offence.none-to-attach"))


def _scoped(ctx: Context, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if ctx.in_scope(h.start) and h.provision not in ctx.non_operative]


def _basic(ctx: Context, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.provision not in ctx.aggravating]


# ---- definition: acts, means, purposes -------------------------------------------------------------
def _overlapping(h: Hit, others: list[Hit]) -> list[Hit]:
    return [o for o in others if o.start < h.end and h.start < o.end]


def _chain(ctx: Context, h: Hit) -> list[tuple[int, int]]:
    chain = [ctx.provisions[h.provision]] + [p for p in ctx.ancestors(h.provision) if p.kind != "section"]
    return [(p.start, p.end) for p in chain]


def _victim_words(ctx: Context, h: Hit) -> tuple[list[Hit], list[Hit]]:
    """The persons an offence clause protects, read after its first act verb: "receives a woman or girl"."""
    p = ctx.provisions[h.provision]
    acts = ctx.starting(ctx.kind_hits("act"), p.start, p.end)
    if not acts:
        return [], []
    first = min(a.start for a in acts)
    narrow = ctx.starting(ctx.vocab("narrow_victim"), first, p.end)
    general = ctx.starting(ctx.vocab("any_victim"), first, p.end)
    return narrow, general


def _victims_narrow(ctx: Context, h: Hit) -> bool:
    narrow, general = _victim_words(ctx, h)
    return bool(narrow) and not general


def _partial_note(rule, hits: list[Hit]) -> Msg | RuleText:
    notes = {h.element for h in hits}
    idx = sorted(int(n.replace("partial", "")) for n in notes if n.startswith("partial"))
    return RuleText(rule.partial[idx[0]][0]) if idx else msg("partial.narrower")


def _unit_span(u: Unit) -> tuple[int, int]:
    return (u.formula.start, u.formula.end) if u.formula else (u.start, min(u.end, u.start + 80))


def _border_required(ctx: Context, u: Unit) -> bool:
    key = ("border_required", u.kind, u.anchor, u.start, u.end)
    if key not in ctx.memo:
        ctx.memo[key] = _border_required_now(ctx, u)
    return ctx.memo[key]


def _border_required_now(ctx: Context, u: Unit) -> bool:
    border = _basic(ctx, ctx.within(ctx.vocab("border"), u.start, u.end))
    domestic = ctx.within(ctx.vocab("domestic"), u.start, u.end)
    return bool(border) and not domestic


def _unit_victims_narrow(ctx: Context, u: Unit) -> bool:
    key = ("victims_narrow", u.kind, u.anchor, u.start, u.end, u.named)
    if key not in ctx.memo:
        ctx.memo[key] = _unit_victims_narrow_now(ctx, u)
    return ctx.memo[key]


def _unit_victims_narrow_now(ctx: Context, u: Unit) -> bool:
    if u.named:
        names = ctx.within(ctx.vocab("named_offence"), u.start, u.end)
        near = [(m.start, m.end + 40) for m in names]
        return bool(ctx.starting_in_any(ctx.vocab("narrow_victim"), near)) \
            and not ctx.starting_in_any(ctx.vocab("any_victim"), near)
    acts = [h for h in ctx.starting(ctx.kind_hits("act"), u.start, u.end) if any(_victim_words(ctx, h))]
    return bool(acts) and all(_victims_narrow(ctx, h) for h in acts)


# "whether or not an organised group ...", "independientemente de que ...", "com ou sem ...",
# "qu'il y ait ou non ...": the element that follows is not required.
_NOT_REQUIRED = re.compile(
    r"(whether or not|regardless of|irrespective of|need not|without|independientemente de|con independencia de|"
    r"sin que sea necesari[oa]|haya o no|independentemente d[eao]|com ou sem|haja ou n[ãa]o|ind[ée]pendamment d[e'’]|"
    r"qu.il y ait ou non|sans qu.il soit n[ée]cessaire)\W+(?:\w+\W+){0,4}$", re.I)


def _required(ctx: Context, hits: list[Hit]) -> list[Hit]:
    """Drop elements the text itself declares unnecessary ("whether or not an organised group ...")."""
    out = []
    for h in hits:
        before = ctx.text[max(0, h.start - 60):h.start].lower()
        if _NOT_REQUIRED.search(before):
            continue
        # "... se o agente não integrar organização criminosa": a negated element is not required.
        if any(0 <= h.start - n.end <= 25 for n in ctx.overlapping(ctx.vocab("negation"), h.start - 26, h.start + 1)):
            continue
        # "... 25 years where it was committed within the framework of an organised group": it aggravates.
        s, _ = _sentence(ctx, h)
        if re.search(r"\b(?:years?|imprisonment|penalty|punishable)\b[^.;]{0,60}\b(?:where|if|when)\b[^.;]*$",
                     ctx.text[s:h.start], re.I):
            continue
        out.append(h)
    return out


def unit_penalties(ctx: Context, u: Unit) -> list[penalties.Penalty]:
    """Penalty clauses of the basic offence of a unit: inside it, or in a provision that punishes
    "an offence under section N" (not its aggravated forms)."""
    key = ("unit_penalties", u.anchor, u.start, u.end)
    if key in ctx.memo:
        return ctx.memo[key]
    found = []
    own = ctx.provisions[u.anchor].number
    chosen = {p.index for p in ctx.provisions_between(u.start, u.end)}
    if own:
        chosen.update(_citing(ctx).get(cited_key(own), ()))
    for i in sorted(chosen):
        p = ctx.provisions[i]
        if p.index in ctx.aggravating or p.index in ctx.non_operative:
            continue
        found.extend(x for x in _penalty_clauses(ctx, p) if x.max_years is not None or x.min_years is not None)
    ctx.memo[key] = found
    return found


def _citing(ctx: Context) -> dict[str, list[int]]:
    """Section number -> the provisions citing an offence under it (read once per text)."""
    if "citing" not in ctx.memo:
        out: dict[str, list[int]] = {}
        for p in ctx.provisions:
            for n in cited_numbers(ctx.text[p.start:p.end]):
                out.setdefault(n, []).append(p.index)
        ctx.memo["citing"] = out
    return ctx.memo["citing"]


def _penalty_clauses(ctx: Context, p) -> list[penalties.Penalty]:
    key = ("penalties", p.index)
    if key not in ctx.memo:
        ctx.memo[key] = penalties.read(ctx.text, p.start, p.end, ctx.lang)
    return ctx.memo[key]


def _top(p: penalties.Penalty) -> float:
    return p.max_years if p.max_years is not None else (p.min_years or 0.0)


DISCRETIONARY = msg("weak.discretionary")


def _example(ctx: Context, sentence_start: int, h: Hit) -> bool:
    """Wording introduced by "including" or "such as" illustrates a rule, and wording after "or" adds an
    alternative: neither limits it."""
    before = ctx.text[max(sentence_start, h.start - 80):h.start].lower()
    if re.search(_CONNECTORS.get(ctx.lang, _CONNECTORS["en"]), before):
        return True     # "... or where the victim is a child": one alternative among others
    return _EXAMPLES.search(before) is not None


# "or"/"and" before a wording: Portuguese "o" is the article, not "or" as in Spanish.
_CONNECTORS = {"en": r"\b(?:or|and)\s*$", "es": r"\b(?:o|y|u|e)\s*$", "pt": r"\b(?:ou|e)\s*$", "fr": r"\b(?:ou|et)\s*$"}
# Words that introduce examples; a participle ("incluidas", "incluídos") only after a comma or a
# parenthesis ("las víctimas, incluidas las niñas"), not as a verb ("será incluída no programa").
_EXAMPLES = re.compile(r"\b(?:including|includes|such as|in particular|for example|incluso|en particular|tales como|"
                       r"incluindo|inclusive|nomeadamente|notamment|y compris|en particulier)\b"
                       r"|[,(]\s*(?:incluid[oa]s?|inclu[íi]d[oa]s?)\b")


def _sentence(ctx: Context, h: Hit) -> tuple[int, int]:
    a, b = ctx.lead_in(h.provision)
    text = ctx.text
    s = max(text.rfind(".", a, h.start), text.rfind(";", a, h.start), a - 1) + 1
    e = min([i for i in (text.find(".", h.end, b), text.find(";", h.end, b)) if i != -1] or [b])
    return s, e


def _weakness(ctx: Context, h: Hit, *, child_only_check: bool = True) -> Msg | None:
    chain = [ctx.provisions[h.provision]] + [p for p in ctx.ancestors(h.provision) if p.kind != "section"]
    s, e = _sentence(ctx, h)
    spans = [(s, e)] + [(p.start, p.end) for p in chain[1:]]
    def inside(name):  # noqa: E306
        return ctx.starting_in_any(ctx.vocab(name), spans)
    lifted = inside("unconditional")
    # Cooperation is a condition only when it is the victim's: authorities that cooperate with
    # foreign counterparts set no condition on anyone.
    if inside("victim") and [c for c in inside("cooperation") if not any(u.start <= c.start < u.end for u in lifted)]:
        return msg("weak.cooperation")
    child = inside("child_victim")
    others = [v for v in inside("victim") if not any(c.start <= v.start < c.end for c in child)]
    if child_only_check and child and not others:
        return msg("weak.child-only")
    if inside("qualifier"):
        return msg("weak.qualified")
    # "may include" lists examples; it grants no discretion.
    own = [x for x in ctx.starting(ctx.vocab("discretion"), s, e)
           if not ctx.text[x.end:x.end + 10].lstrip().lower().startswith("include")
           and not re.search(r"\b(?:ne|n['’]|not|no|não)\s*$", ctx.text[max(s, x.start - 6):x.start].lower())]
    if own and not ctx.starting(ctx.vocab("strong"), s, e):
        return DISCRETIONARY
    return None


_OPENS_PAREN = re.compile(r"\s*\(")


def _in_heading(ctx: Context, h: Hit) -> bool:
    """A hit in a heading line ("(3) Authority to permit continued presence") is a title, not a rule."""
    text = ctx.text
    a = text.rfind("\n", 0, h.start) + 1
    b = text.find("\n", h.end)
    b = len(text) if b == -1 else b
    if ctx.in_heading_line(h.start):
        return True
    if not _OPENS_PAREN.match(text, a, b):
        return False    # only "(3) Title" lines; a wrapped line of running text is not a heading
    # (Matched in place: slicing the line for every hit copied a whole one-line statute each time.)
    line = re.sub(r"^(?:\([^)]*\)\s*)+", "", text[a:b]).strip()
    return len(line.split()) <= 12 and not line.endswith((".", ";", ":", ",", "—")) and b < len(text) \
        and not re.search(r"\b(shall|must|may|is|are)\b", line)


def offence_penalties(ctx: Context) -> list[tuple[Unit, list[penalties.Penalty]]]:
    """The penalties of each offence that has one; where none is attached to an offence, the penalty
    for "an offence under this Act" stands for all of them."""
    offences = [u for u in ctx.units if u.kind == "offence"]
    per_unit = [(u, found) for u in offences if (found := unit_penalties(ctx, u))]
    if not per_unit and offences:
        general = [x for p in ctx.provisions if p.index not in ctx.aggravating and p.index not in ctx.non_operative
                   and re.search(r"offen[cs]es?\s+under\s+this\s+(?:act|part|chapter|title|law)",
                                 ctx.text[p.start:p.end], re.I)
                   for x in penalties.read(ctx.text, p.start, p.end, ctx.lang)
                   if x.max_years is not None or x.min_years is not None]
        if general:
            per_unit = [(offences[0], general)]
    return per_unit

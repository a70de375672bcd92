"""From hits and structure to one finding per requirement, and the verdict. No spaCy here."""

from __future__ import annotations

import re

from tipcheck import catalogue
from tipcheck.assess import structure
from tipcheck.assess.predicates import PREDICATES, Finding

# Categories whose mandatory requirements decide whether an offence is in line with the Protocol.
VERDICT_CATEGORIES = {"definition-acts", "definition-means", "definition-purpose", "consent", "child", "criminalisation"}


def analyse(text, seg, hits, rules, lang_table: dict, lang: str = "en", concerns: bool | None = None,
            bundle_offence: bool = False) -> tuple[dict[str, Finding], structure.Context]:
    """`concerns=True` reads the text as part of a law that concerns trafficking (a bundle in which
    another document does), so its measures count though it never names trafficking itself;
    `bundle_offence=True` says another document of the bundle creates the offence, so general rules
    on attempt and complicity here apply to it."""
    rx = lang_table.get("non_operative_headings")
    ctx = structure.Context(text=text, seg=seg, hits=hits,
                            assess_kind={r.id: r.assess for r in rules},
                            partial_modes={r.id: tuple(p[2] for p in r.partial) for r in rules},
                            non_operative_rx=re.compile(rx, re.I) if rx else None, lang=lang)
    structure.build(ctx)
    if concerns is not None:
        ctx.__dict__["concerns_trafficking"] = concerns      # overrides the cached property
    ctx.bundle_offence = bundle_offence
    findings = {r.id: PREDICATES[r.assess](ctx, r) for r in rules}
    return findings, ctx


def verdict(statuses: dict[str, str]) -> str:
    """UNODC-style classification of the offence: NO_OFFENCE, PARTIAL or IN_LINE. It reads the core
    requirements that define the offence (Palermo arts. 3 and 5, UNTOC art. 34(2)); the wider
    catalogue (victim measures, cooperation, related offences) is reported but does not change it."""
    if statuses.get("palermo.5.1.criminal-offence", "missing") == "missing":
        return "NO_OFFENCE"
    for rid, status in statuses.items():
        entry = catalogue.by_id().get(rid, {})
        if entry.get("core") and entry.get("strength") == "mandatory" and entry.get("category") in VERDICT_CATEGORIES \
                and status not in ("met", "waived"):
            return "PARTIAL"
    return "IN_LINE"

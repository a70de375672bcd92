"""Waivers: a requirement the project accepts as met elsewhere ("Code of Criminal Procedure art. 81").
A waived requirement stays visible as `waived`, with its reason and the provision that meets it; a
waiver that names an unknown requirement, or one with no gap to waive, is reported."""

from __future__ import annotations

from dataclasses import replace

from tipcheck import catalogue
from tipcheck.assess import verdict
from tipcheck.models import GAPS


def apply(report, waivers: list[dict]) -> tuple[object, list[str]]:
    """The report with waived gaps, and the notices about waivers that did nothing."""
    notices = []
    known = catalogue.by_id()
    by_id = {}
    for w in waivers:
        if w["id"] not in known:
            notices.append(f"waiver for unknown requirement {w['id']!r} (see `tipcheck rules list`)")
        else:
            by_id[w["id"]] = w
    used = set()
    results = []
    for r in report.results:
        w = by_id.get(r.id)
        if w and r.status in GAPS:
            used.add(r.id)
            r = replace(r, status="waived", waived_status=r.status, waiver_reason=w["reason"], waiver_where=w["where"],
                        remediation="")
        results.append(r)
    reported = {r.id for r in report.results}
    for rid in sorted(set(by_id) - used):
        why = "it is met" if rid in reported else "no selected pack assesses it"
        notices.append(f"unused waiver for {rid}: {why}")
    results = tuple(results)
    return replace(report, results=results, verdict=verdict({r.id: r.status for r in results})), notices

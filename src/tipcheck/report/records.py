"""The report as plain data (schema_version 1): the one serialisation every formatter reads."""

from __future__ import annotations

from tipcheck.models import Report

SCHEMA_VERSION = 1


def as_dict(report: Report) -> dict:
    counts = report.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "language": report.language,
        "tool": {"name": "tipcheck", "version": report.tool_version,
                 "packs": [{"id": p.id, "version": p.version} for p in report.packs]},
        "documents": [
            {"path": d.path, "sha256": d.sha256, "language": d.language, "format": d.format,
             "provisions": d.provisions, "encoding": d.encoding, "concerns_trafficking": d.concerns_trafficking}
            for d in report.documents
        ],
        "results": [
            {
                "id": r.id,
                "title": r.title,
                "status": r.status,
                "strength": r.strength,
                "category": r.category,
                "source": r.source,
                "evidence": [
                    {"document": e.document, "provision": e.provision, "line": e.line, "column": e.column,
                     "start": e.start, "end": e.end, "quote": e.quote, **({"page": e.page} if e.page is not None else {})}
                    for e in r.evidence
                ],
                "note": r.note,
                "remediation": r.remediation,
                **({"waived_status": r.waived_status, "waiver": {"reason": r.waiver_reason, "where": r.waiver_where}}
                   if r.status == "waived" else {}),
            }
            for r in report.results
        ],
        "summary": {**counts, "verdict": report.verdict},
    }

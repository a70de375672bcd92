"""`--format sarif`: SARIF 2.1.0 for code-scanning tools. Every requirement is a rule (its treaty
source, title, requirement text and remediation as help); every gap is a result pointing to the file,
line and column of its evidence, or to the top of the document when nothing was found."""

from __future__ import annotations

import json

from tipcheck import catalogue

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {("missing", "mandatory"): "error", ("missing", "mandatory-qualified"): "error"}


def _level(r) -> str:
    if r.status == "missing":
        return LEVEL.get((r.status, r.strength), "warning")
    return "warning" if r.strength.startswith("mandatory") else "note"


def render(report, **_options) -> str:
    entries = catalogue.by_id()
    rules = []
    index = {}
    for r in report.results:
        index[r.id] = len(rules)
        requires = entries.get(r.id, {}).get("requires", "")
        rules.append({
            "id": r.id,
            "name": r.id.replace(".", "_").replace("-", "_"),
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": requires or r.title},
            "help": {"text": r.remediation or requires or r.title},
            "properties": {"source": r.source, "strength": r.strength, "category": r.category,
                           "tags": [r.category, r.strength]},
        })
    results = []
    for r in report.gaps():
        spots = r.evidence or ()
        locations = [{"physicalLocation": {"artifactLocation": {"uri": e.document},
                                           "region": {"startLine": e.line, "startColumn": e.column,
                                                      "snippet": {"text": e.quote}}},
                      "logicalLocations": [{"name": e.provision, "kind": "module"}]} for e in spots]
        if not locations:
            locations = [{"physicalLocation": {"artifactLocation": {"uri": d.path}, "region": {"startLine": 1}}}
                         for d in report.documents[:1]]
        message = r.note or r.title
        if r.remediation:
            message = f"{message}. {r.remediation}" if not message.endswith(".") else f"{message} {r.remediation}"
        results.append({"ruleId": r.id, "ruleIndex": index[r.id], "level": _level(r),
                        "kind": "fail", "message": {"text": message}, "locations": locations,
                        "properties": {"status": r.status}})
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tipcheck", "version": report.tool_version,
                                "informationUri": "https://github.com/tipcheck/tipcheck", "rules": rules}},
            "artifacts": [{"location": {"uri": d.path}, "encoding": d.encoding,
                           "hashes": {"sha-256": d.sha256}} for d in report.documents],
            "language": report.language,
            "results": results,
            "properties": {"verdict": report.verdict},
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

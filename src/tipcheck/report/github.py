"""`--format github`: GitHub Actions workflow commands, one annotation per gap at its evidence (or the
top of the document), so a pull request shows the gaps on the lines of the law."""

from __future__ import annotations


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(report, **_options) -> str:
    lines = []
    for r in report.gaps():
        level = "error" if r.status == "missing" and r.strength.startswith("mandatory") else "warning"
        if r.evidence:
            e = r.evidence[0]
            where = f"file={_prop(e.document)},line={e.line},col={e.column}"
        else:
            where = f"file={_prop(report.documents[0].path)},line=1"
        message = "; ".join(x for x in (r.note, r.remediation) if x) or r.title
        lines.append(f"::{level} {where},title={_prop(f'{r.id} ({r.status})')}::{_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")

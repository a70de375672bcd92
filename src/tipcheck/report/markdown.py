"""`--format markdown`: a gap report that fits a pull-request comment, in the report's language.
Statute words are quoted as code spans, table cells escaped, so a statute cannot inject markup."""

from __future__ import annotations

from tipcheck.i18n import text as say

ICON = {"met": "✅", "partial": "🟡", "missing": "❌", "waived": "⏸️", "not-applicable": "➖"}


def _cell(value: str) -> str:
    return " ".join(value.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    """Statute words as a code span: nothing in them is markup (only the table's pipe is escaped)."""
    value = " ".join(value.split()).replace("|", "\\|")
    return f"`` {value} ``" if "`" in value else f"`{value}`"


def render(report, **_options) -> str:
    lang = report.language
    c = report.counts()
    docs = ", ".join(_cell(d.path) for d in report.documents)
    lines = [
        f"### tipcheck {report.tool_version}: {report.verdict}",
        "",
        f"{say(f'verdict.{report.verdict}', lang)} · {docs} · "
        + say("report.counts", lang, met=c["met"], partial=c["partial"], missing=c["missing"]),
        "",
        f"| | {say('report.requirement', lang)} | {say('report.evidence', lang)} |",
        "|---|---|---|",
    ]
    for r in report.results:
        detail = ""
        if r.evidence:
            e = r.evidence[0]
            page = f" (p. {e.page})" if e.page is not None else ""
            detail = f"{_cell(e.provision)}{page}: {_code(e.quote[:120])}"
        if r.status == "waived":
            detail = f"{_cell(r.waiver_reason)} ({_cell(r.waiver_where)})"
        elif r.note:
            detail = f"{detail}<br>{_cell(r.note)}" if detail else _cell(r.note)
        lines.append(f"| {ICON.get(r.status, '?')} {say(f'status.{r.status}', lang)} "
                     f"| **{_cell(r.title)}**<br>`{r.id}` · {_cell(r.source)} | {detail} |")
    gaps = report.gaps()
    if gaps:
        lines += ["", f"#### {say('report.what-to-add', lang)}", ""]
        lines += [f"- **{_cell(r.title)}** (`{r.id}`): {_cell(r.remediation)}" for r in gaps]
    lines += ["", f"<sub>{_cell(say('report.caveat', lang))}</sub>", ""]
    return "\n".join(lines)

"""The terminal report: verdict, the acts x means x purposes matrix, then every other requirement,
in the report's language. Statute and rule text go in as rich Text, never as markup."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tipcheck.i18n import msg
from tipcheck.i18n import render as render_message
from tipcheck.i18n import text as say

STYLE = {"met": "green", "partial": "yellow", "missing": "red", "waived": "blue", "not-applicable": "dim"}
MARK = {"met": "✔", "partial": "◐", "missing": "✘", "waived": "~", "not-applicable": "–"}
_MATRIX = (("definition-acts", "report.acts"), ("definition-means", "report.means"),
           ("definition-purpose", "report.purposes"))
_VERDICT_STYLE = {"IN_LINE": "green", "PARTIAL": "yellow", "NO_OFFENCE": "red"}


def _status(status: str, lang: str) -> Text:
    return Text(f"{MARK.get(status, '?')} {say(f'status.{status}', lang)}", style=STYLE.get(status, ""))


def _short(rid: str, lang: str) -> str:
    return render_message(msg(f"short.{rid}", _default=rid.rsplit(".", 1)[-1].replace("-", " ")), lang)


def _evidence(r) -> str:
    if not r.evidence:
        return ""
    e = r.evidence[0]
    quote = " ".join(e.quote.split())
    quote = quote if len(quote) <= 70 else quote[:67] + "..."
    page = f" (p. {e.page})" if e.page is not None else ""
    return f"{e.provision}{page}: “{quote}”"


def render(report, *, color: bool = False, width: int = 120, **_options) -> str:
    lang = report.language
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    docs = ", ".join(say("report.document", lang, path=d.path, language=d.language, provisions=d.provisions)
                     for d in report.documents)
    packs = ", ".join(f"{p.id} {p.version}" for p in report.packs)
    console.print(Text(say("report.header", lang, version=report.tool_version, documents=docs, packs=packs),
                       style="bold"))

    matrix = Table(title=say("report.matrix", lang), box=box.SIMPLE_HEAD, expand=False)
    columns = []
    for category, key in _MATRIX:
        matrix.add_column(say(key, lang))
        columns.append([r for r in report.results if r.category == category])
    for i in range(max((len(c) for c in columns), default=0)):
        matrix.add_row(*[Text.assemble(_status(col[i].status, lang), " ", _short(col[i].id, lang)) if i < len(col)
                         else Text("") for col in columns])
    console.print(matrix)

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column(say("report.status", lang), no_wrap=True)
    table.add_column(say("report.requirement", lang), ratio=3)
    table.add_column(say("report.evidence", lang), ratio=5)
    for r in report.results:
        detail = _evidence(r)
        if r.status == "waived":
            detail = f"{r.waiver_reason} ({r.waiver_where})"
        elif r.status != "met" and r.note:
            detail = f"{detail}\n{r.note}" if detail else r.note
        elif r.note:
            detail = f"{detail} ({r.note})"
        requirement = Text.assemble(r.title, "\n", (f"{r.id} · {r.source} · {say(f'strength.{r.strength}', lang)}", "dim"))
        table.add_row(_status(r.status, lang), requirement, Text(detail))
    console.print(table)
    gaps = report.gaps()
    if gaps:
        console.print(Text(say("report.what-to-add", lang), style="bold"))
        for r in gaps:
            console.print(Text.assemble("  • ", (r.id, "bold"), ": ", r.remediation))
    c = report.counts()
    console.print()
    console.print(Text.assemble(
        (say("report.verdict", lang, verdict=report.verdict, meaning=say(f"verdict.{report.verdict}", lang)),
         f"bold {_VERDICT_STYLE[report.verdict]}"),
        "  ", say("report.counts", lang, met=c["met"], partial=c["partial"], missing=c["missing"]),
        "  ", say("report.caveat", lang)))
    return buf.getvalue()

"""The terminal report: verdict, the acts x means x purposes matrix, then every other requirement."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

STYLE = {"met": "green", "partial": "yellow", "missing": "red", "waived": "blue", "not-applicable": "dim"}
MARK = {"met": "✔ met", "partial": "◐ partial", "missing": "✘ missing", "waived": "~ waived",
        "not-applicable": "– n/a"}
_MATRIX = (("definition-acts", "Acts"), ("definition-means", "Means"), ("definition-purpose", "Purposes"))


def _status(status: str) -> Text:
    return Text(MARK.get(status, status), style=STYLE.get(status, ""))


def _short(rid: str) -> str:
    return rid.rsplit(".", 1)[-1].replace("-", " ")


def _evidence(r) -> str:
    if not r.evidence:
        return ""
    e = r.evidence[0]
    quote = e.quote if len(e.quote) <= 70 else e.quote[:67] + "..."
    return f"{e.provision}: “{quote}”"


def render(report, *, color: bool = False, width: int = 120, **_options) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    docs = ", ".join(f"{d.path} ({d.language}, {d.provisions} provisions)" for d in report.documents)
    packs = ", ".join(f"{p.id} {p.version}" for p in report.packs)
    console.print(f"[bold]tipcheck {report.tool_version}[/bold]  {docs}  packs: {packs}")

    matrix = Table(title="Definition of trafficking (Palermo art. 3(a))", box=box.SIMPLE_HEAD, expand=False)
    columns = []
    for category, name in _MATRIX:
        matrix.add_column(name)
        columns.append([r for r in report.results if r.category == category])
    for i in range(max((len(c) for c in columns), default=0)):
        row = []
        for col in columns:
            if i < len(col):
                row.append(Text.assemble(_status(col[i].status), " ", _short(col[i].id)))
            else:
                row.append(Text(""))
        matrix.add_row(*row)
    console.print(matrix)

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column("status", no_wrap=True)
    table.add_column("requirement", ratio=3)
    table.add_column("evidence / what is lacking", ratio=5)
    for r in report.results:
        detail = _evidence(r)
        if r.status != "met" and r.note:
            detail = f"{detail}\n{r.note}" if detail else r.note
        elif r.note:
            detail = f"{detail} ({r.note})"
        table.add_row(_status(r.status), f"{r.id}\n[dim]{r.source} · {r.strength}[/dim]", detail)
    console.print(table)
    gaps = [r for r in report.results if r.status in ("partial", "missing")]
    if gaps:
        console.print("[bold]What to add[/bold]")
        for r in gaps:
            console.print(f"  • [bold]{r.id}[/bold]: {r.remediation}")
    c = report.counts()
    verdict_style = {"IN_LINE": "green", "PARTIAL": "yellow", "NO_OFFENCE": "red"}[report.verdict]
    console.print(f"\n[bold {verdict_style}]Verdict: {report.verdict}[/]  "
                  f"met {c['met']} · partial {c['partial']} · missing {c['missing']}  "
                  "(“missing” means no provision matched tipcheck's reading of the text; check the law itself)")
    return buf.getvalue()

"""`--format html`: one self-contained page (inline CSS and JS, no network) for drafters: the verdict
and the acts x means x purposes matrix, every requirement with its evidence and remediation, then the
statute itself with the evidence highlighted and linked from the findings. Autoescaped: statute text
is always text."""

from __future__ import annotations

from importlib import resources

from tipcheck.i18n import text as say
from tipcheck.report.terminal import _MATRIX, _short

STATUSES = ("met", "partial", "missing", "waived")


def _environment():
    import jinja2
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def _texts(report) -> list[dict]:
    """Each document's text cut into plain runs and evidence runs (marked, with an anchor)."""
    from tipcheck import ingest
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for r in report.results:
        for k, e in enumerate(r.evidence):
            spans.setdefault(e.document, []).append((e.start, e.end, f"{r.id}-{k}"))
    out = []
    for d in report.documents:
        try:
            text = ingest.read(d.path).text
        except Exception:       # the file moved since the analysis: the findings still stand
            continue
        parts, pos = [], 0
        for start, end, anchor in sorted(spans.get(d.path, [])):
            if start < pos:     # overlapping evidence: its link lands on the mark that covers it
                parts[-1]["also"].append(anchor)
                continue
            parts.append({"text": text[pos:start], "anchor": "", "also": []})
            parts.append({"text": text[start:end], "anchor": anchor, "also": []})
            pos = end
        parts.append({"text": text[pos:], "anchor": "", "also": []})
        out.append({"path": d.path, "parts": parts})
    return out


def render(report, **_options) -> str:
    lang = report.language
    template = resources.files("tipcheck.report").joinpath("templates", "report.html.j2").read_text(encoding="utf-8")
    columns = [(say(key, lang), [r for r in report.results if r.category == cat]) for cat, key in _MATRIX]
    depth = max((len(col) for _, col in columns), default=0)
    rows = [[({"id": col[i].id, "status": col[i].status, "short": _short(col[i].id, lang)} if i < len(col) else None)
             for _, col in columns] for i in range(depth)]
    results = [{"id": r.id, "title": r.title, "status": r.status, "category": r.category, "source": r.source,
                "strength": say(f"strength.{r.strength}", lang),
                "note": (f"{r.waiver_reason} ({r.waiver_where})" if r.status == "waived" else r.note),
                "remediation": r.remediation,
                "evidence": [{"provision": e.provision + (f" (p. {e.page})" if e.page is not None else ""), "quote": " ".join(e.quote.split()), "anchor": f"{r.id}-{k}"}
                             for k, e in enumerate(r.evidence)]} for r in report.results]
    c = report.counts()
    return _environment().from_string(template).render(
        lang=lang, title=", ".join(d.path for d in report.documents), version=report.tool_version,
        verdict=report.verdict, verdict_text=say(f"verdict.{report.verdict}", lang),
        counts=say("report.counts", lang, met=c["met"], partial=c["partial"], missing=c["missing"]),
        documents=", ".join(say("report.document", lang, path=d.path, language=d.language, provisions=d.provisions)
                            for d in report.documents),
        packs=", ".join(f"{p.id} {p.version}" for p in report.packs),
        matrix_title=say("report.matrix", lang), columns=columns, rows=rows,
        findings_title=say("report.requirement", lang).capitalize(), statuses=STATUSES,
        status_names={s: say(f"status.{s}", lang) for s in (*STATUSES, "not-applicable")},
        category_label=say("report.category", lang), categories=sorted({r.category for r in report.results}),
        results=results, what_to_add=say("report.what-to-add", lang) + ":", texts=_texts(report),
        caveat=say("report.caveat", lang))

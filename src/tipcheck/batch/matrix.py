"""The batch's comparison matrix (document x requirement) as CSV, JSON and an HTML heatmap.

All three render the same rows, sorted by document name, with no timestamps: the same batch gives
byte-identical files whatever `--jobs` was.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

from tipcheck import __version__

SCHEMA_VERSION = 1
FIXED = ("document", "state", "language", "verdict", "concerns_trafficking", "met", "partial", "missing", "error", "files")


def summary(rows: list[dict]) -> dict:
    out = {"documents": len(rows), "analysed": 0, "screened_out": 0, "errors": 0, "concern_trafficking": 0,
           "verdicts": {"IN_LINE": 0, "PARTIAL": 0, "NO_OFFENCE": 0}}
    for row in rows:
        out[{"analysed": "analysed", "screened-out": "screened_out", "error": "errors"}[row["state"]]] += 1
        out["concern_trafficking"] += bool(row.get("concerns_trafficking"))
        if row.get("verdict"):
            out["verdicts"][row["verdict"]] += 1
    return out


def _public(row: dict) -> dict:
    """A row as published: the fingerprint is the state file's business."""
    return {k: v for k, v in row.items() if k not in ("fingerprint", "internal")}


def to_json(rows: list[dict], requirements: list[dict], options: dict) -> str:
    data = {"schema_version": SCHEMA_VERSION, "tool": {"name": "tipcheck", "version": __version__},
            "options": options, "requirements": requirements, "summary": summary(rows),
            "documents": [_public(r) for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_csv(rows: list[dict], requirements: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    ids = [r["id"] for r in requirements]
    writer.writerow(list(FIXED) + ids)
    for row in rows:
        counts = row.get("counts", {})
        statuses = row.get("statuses", {})
        concerns = row.get("concerns_trafficking")
        writer.writerow([row["document"], row["state"], row.get("language", ""), row.get("verdict", ""),
                         "" if concerns is None else ("yes" if concerns else "no"),
                         counts.get("met", ""), counts.get("partial", ""), counts.get("missing", ""),
                         row.get("error", ""), " ".join(row["files"])] + [statuses.get(i, "") for i in ids])
    return buffer.getvalue()


def to_html(rows: list[dict], requirements: list[dict], options: dict, texts) -> str:
    """A heatmap of the analysed documents and the failures; screened-out documents are listed below it."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(resources.files("tipcheck.report").joinpath("templates", "heatmap.html.j2")
                               .read_text(encoding="utf-8"))
    shown = [r for r in rows if r["state"] != "screened-out"]
    return template.render(version=__version__, requirements=requirements, rows=shown, summary=summary(rows),
                           screened=[r["document"] for r in rows if r["state"] == "screened-out"],
                           options=options, t=texts)

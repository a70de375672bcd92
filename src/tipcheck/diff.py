"""`tipcheck diff OLD NEW`: what a revision of a law gained and lost, requirement by requirement, with
the evidence on both sides. One record (a list of changes), three renderings (terminal, Markdown, JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from tipcheck.i18n import text as say
from tipcheck.models import STATUS_RANK



@dataclass(frozen=True)
class Change:
    id: str
    title: str
    strength: str
    old: str
    new: str
    old_evidence: str
    new_evidence: str
    old_note: str
    new_note: str

    @property
    def direction(self) -> str:
        return "better" if STATUS_RANK[self.new] > STATUS_RANK[self.old] else "worse" if STATUS_RANK[self.new] < STATUS_RANK[self.old] else "same"


def _evidence(result) -> str:
    if not result.evidence:
        return ""
    e = result.evidence[0]
    return f"{e.provision}: “{' '.join(e.quote.split())}”"


def compare(old, new) -> list[Change]:
    """Changes of status between two reports, in catalogue order (the new report's)."""
    before = {r.id: r for r in old.results}
    out = []
    for r in new.results:
        o = before.get(r.id)
        if o is None or o.status == r.status:
            continue
        out.append(Change(r.id, r.title, r.strength, o.status, r.status, _evidence(o), _evidence(r), o.note, r.note))
    return out


def worse(changes: list[Change]) -> bool:
    return any(c.direction == "worse" for c in changes)


def render_json(old, new, changes: list[Change]) -> str:
    doc = {"old": {"documents": [d.path for d in old.documents], "verdict": old.verdict},
           "new": {"documents": [d.path for d in new.documents], "verdict": new.verdict},
           "changes": [{"id": c.id, "title": c.title, "strength": c.strength, "old": c.old, "new": c.new,
                        "direction": c.direction, "old_evidence": c.old_evidence, "new_evidence": c.new_evidence,
                        "old_note": c.old_note, "new_note": c.new_note} for c in changes]}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_markdown(old, new, changes: list[Change]) -> str:
    from tipcheck.report.markdown import _cell, _code
    lang = new.language
    lines = [f"### tipcheck diff: {old.verdict} → {new.verdict}", ""]
    if not changes:
        return "\n".join(lines + ["No requirement changed status.", ""])
    lines += ["| | requirement | " + " | ".join(_cell(d.path) for d in old.documents[:1]) + " | "
              + " | ".join(_cell(d.path) for d in new.documents[:1]) + " |", "|---|---|---|---|"]
    icon = {"better": "⬆️", "worse": "⬇️", "same": "↔️"}
    for c in changes:
        cell_old = say(f"status.{c.old}", lang) + (f"<br>{_code(c.old_evidence)}" if c.old_evidence else "")
        cell_new = say(f"status.{c.new}", lang) + (f"<br>{_code(c.new_evidence)}" if c.new_evidence else "")
        lines.append(f"| {icon[c.direction]} | **{_cell(c.title)}**<br>`{c.id}` | {cell_old} | {cell_new} |")
    return "\n".join(lines + [""])


def render_terminal(old, new, changes: list[Change]) -> str:
    lang = new.language
    lines = [f"{', '.join(d.path for d in old.documents)} ({old.verdict}) -> "
             f"{', '.join(d.path for d in new.documents)} ({new.verdict})"]
    if not changes:
        return "\n".join(lines + ["no requirement changed status"]) + "\n"
    mark = {"better": "+", "worse": "-", "same": "~"}
    for c in changes:
        lines.append(f"{mark[c.direction]} {c.id}: {say(f'status.{c.old}', lang)} -> {say(f'status.{c.new}', lang)}")
        if c.old_evidence or c.old_note:
            lines.append(f"    before: {c.old_evidence or c.old_note}")
        if c.new_evidence or c.new_note:
            lines.append(f"    after:  {c.new_evidence or c.new_note}")
    gained = sum(c.direction == "better" for c in changes)
    lost = sum(c.direction == "worse" for c in changes)
    lines.append(f"{gained} better, {lost} worse")
    return "\n".join(lines) + "\n"


RENDERERS = {"terminal": render_terminal, "markdown": render_markdown, "json": render_json}

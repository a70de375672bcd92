"""Text views behind `tipcheck segment` and `tipcheck rules ...` (kept out of cli.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tipcheck import catalogue, ingest
from tipcheck.api import resolve_language
from tipcheck.errors import UsageError
from tipcheck.rulepack import builtin_dir, load_packs
from tipcheck.segment import segment


def render_segments(path: str, lang: str, fmt: str) -> str:
    doc = ingest.read(path)
    seg = segment(doc.text, resolve_language(lang, doc.text, doc.path))
    if fmt == "json":
        data = {
            "document": doc.path,
            "provisions": [{"label": p.label, "kind": p.kind, "heading": p.heading, "start": p.start,
                            "end": p.end, "depth": p.depth} for p in seg.provisions],
            "definitions": [{"term": d.term, "provision": seg.provisions[d.provision].label,
                             "inclusive": d.inclusive, "start": d.start, "end": d.end} for d in seg.definitions],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    lines = [f"{doc.path}: {len(seg.provisions)} provisions, {len(seg.definitions)} definitions ({doc.encoding})"]
    for p in seg.provisions:
        first = doc.text[p.start:p.end].lstrip().split("\n", 1)[0]   # a blanked front matter shows nothing
        first = first if len(first) <= 70 else first[:67] + "..."
        heading = f" [{p.heading}]" if p.heading and p.kind == "section" else ""
        lines.append(f"{'  ' * p.depth}{p.label or p.kind}{heading}  {first}")
    if seg.definitions:
        lines.append("definitions:")
        for d in seg.definitions:
            kind = "includes" if d.inclusive else "means"
            lines.append(f"  “{d.term}” ({kind}) in {seg.provisions[d.provision].label}")
    return "\n".join(lines) + "\n"


def list_rules(packs, category, strength, rules_dirs) -> str:
    rows = []
    for pack in load_packs(packs, rules_dirs, langs=()):
        for r in pack.rules:
            if category and r.category != category or strength and r.strength != strength:
                continue
            rows.append((catalogue.order(r.id), f"{r.id:52s} {pack.id:10s} {r.strength:20s} {r.category}"))
    header = f"{'id':52s} {'pack':10s} {'strength':20s} category"
    return "\n".join([header] + [row for _, row in sorted(rows)]) + "\n"


def show_rule(rule_id: str, rules_dirs, lang: str = "en") -> str:
    """One rule, its texts in `lang` (the pack's messages; English where it has none)."""
    from tipcheck.i18n import LANGUAGES, Texts

    if lang not in LANGUAGES:
        raise UsageError("E307", f"unsupported report language {lang!r}", hint=f"choose one of: {', '.join(LANGUAGES)}")
    for pack in load_packs(None, rules_dirs, langs=()):
        for r in pack.rules:
            if r.id == rule_id:
                entry = catalogue.by_id()[r.id]
                texts = Texts(lang, [pack])
                r = replace(r, **{name: texts.rule(r, name) for name in ("title", "description", "partial_when", "remediation")})
                parts = [
                    f"{r.id}: {r.title}",
                    f"  pack:        {pack.id} {pack.version} ({r.file}:{r.line})",
                    f"  source:      {r.source}",
                    f"  strength:    {r.strength}",
                    f"  category:    {r.category}",
                    f"  core:        {'yes' if entry.get('core') else 'no'}",
                    f"  assessment:  {r.assess}",
                    f"  meaning:     {r.description}",
                    f"  partial when: {r.partial_when or '(no partial form)'}",
                    f"  pitfalls:    {entry.get('pitfalls') or '(none recorded)'}",
                    f"  remediation: {r.remediation}",
                ]
                if r.example:
                    parts.append(f"  example:     {r.example}")
                parts.append(f"  languages:   {', '.join(pack.languages)}"
                             + (f" (preview: {', '.join(pack.preview)})" if pack.preview else ""))
                return "\n".join(parts) + "\n"
    if rule_id in catalogue.by_id():
        raise UsageError("E305", f"requirement {rule_id!r} is in the catalogue but no loaded pack has a rule for it")
    raise UsageError("E305", f"unknown requirement id {rule_id!r}", hint="see `tipcheck rules list`")


def run_fixtures(path: Path | None) -> tuple[str, int]:
    from tipcheck import testing

    root = Path(path) if path else builtin_dir()
    extra, only = None, None
    if path and (Path(path) / "pack.yaml").is_file():
        # A pack under development is tested on its own, beside the core pack the offence model needs.
        from tipcheck.rulepack.loader import load_pack
        extra, only = [str(path)], [load_pack(Path(path), str(path)).id]
    files = testing.discover(root)
    if not files:
        raise UsageError("E306", "no fixtures found", path=str(root),
                         hint="fixtures live in <pack>/fixtures/<rule-id>/<case>.txt")
    lines, failed, xfail = [], 0, 0
    for f in files:
        fixture = testing.parse(f)
        outcome = testing.run(fixture, packs=only, rules_dirs=extra)
        if not outcome.passed:
            failed += 1
            for problem in outcome.problems:
                lines.append(f"FAIL {f}: {fixture.rule}: {problem}")
        elif fixture.todo:
            xfail += 1
    passed = len(files) - failed - xfail
    lines.append(f"{passed} passed, {failed} failed" + (f", {xfail} known gaps (todo)" if xfail else ""))
    return "\n".join(lines) + "\n", failed

"""Agreement of tipcheck with the expert labels of ../shared/corpus.

Prints per-document agreement, overall agreement, the confusion matrix (label x tipcheck), agreement per
category, every false `met` (tipcheck met where the label says missing) and every disagreement.
A label's `accept:` statuses count as agreement. Only documents in a language tipcheck supports are run.

    python bench/accuracy.py [--corpus DIR] [--min-agreement 0.85] [--max-false-met 0.03] [--quiet]

Exit 1 when a floor given on the command line is not reached (CI uses bench/floors.yaml).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

import tipcheck
from tipcheck.rulepack import load_packs

ROOT = Path(__file__).resolve().parents[1]
STATUSES = ("met", "partial", "missing")


def evaluate(corpus: Path) -> dict:
    spoken = {lang for p in load_packs(langs=()) for lang in p.languages + p.preview}
    rows = []
    for label_file in sorted(corpus.glob("*.yaml")):
        data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "labels" not in data:
            continue
        language = data["meta"]["language"]
        text_file = label_file.with_suffix(".txt")
        if language not in spoken or not text_file.exists():
            continue
        report = tipcheck.check([text_file], lang=language)
        got = {r.id: r for r in report.results}
        for rid, label in data["labels"].items():
            if rid not in got:
                continue
            accepted = {label["status"], *(label.get("accept") or [])}
            rows.append({"doc": label_file.stem, "lang": language, "id": rid, "label": label["status"], "accepted": accepted,
                         "got": got[rid].status, "note": got[rid].note, "category": got[rid].category,
                         "verdict": report.verdict})
    return {"rows": rows}


def summarise(rows: list[dict]) -> dict:
    total = len(rows)
    agree = sum(r["got"] in r["accepted"] for r in rows)
    false_met = [r for r in rows if r["got"] == "met" and r["label"] == "missing" and "met" not in r["accepted"]]
    return {"total": total, "agree": agree, "agreement": agree / total if total else 0.0,
            "false_met": false_met, "false_met_rate": len(false_met) / total if total else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--min-agreement", type=float, default=None)
    ap.add_argument("--max-false-met", type=float, default=None)
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (nothing to measure)")
        return 0
    rows = evaluate(args.corpus)["rows"]
    if not rows:
        print("no labelled documents in a supported language")
        return 0
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    if not args.quiet:
        print("document                                  agree   verdict")
        for doc, rs in by_doc.items():
            s = summarise(rs)
            print(f"{doc:40s} {s['agree']:3d}/{s['total']:<3d} {s['agreement']:6.1%}  {rs[0]['verdict']}")
        print("\nconfusion (rows: label, columns: tipcheck)")
        matrix = Counter((r["label"], r["got"]) for r in rows)
        print("          " + "".join(f"{s:>9s}" for s in STATUSES))
        for lab in STATUSES:
            print(f"{lab:10s}" + "".join(f"{matrix[(lab, got)]:9d}" for got in STATUSES))
        print("\nagreement per category")
        cats: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            cats[r["category"]].append(r)
        for cat, rs in sorted(cats.items()):
            s = summarise(rs)
            print(f"  {cat:40s} {s['agree']:3d}/{s['total']:<3d} {s['agreement']:6.1%}")
        print("\ndisagreements")
        for r in rows:
            if r["got"] not in r["accepted"]:
                print(f"  {r['doc']}: {r['id']}: label {r['label']}, tipcheck {r['got']}  ({r['note'][:90]})")
    print("\nper language")
    for lang in sorted({r["lang"] for r in rows}):
        s = summarise([r for r in rows if r["lang"] == lang])
        print(f"  {lang}: agreement {s['agree']}/{s['total']} = {s['agreement']:.1%}, "
              f"false met {len(s['false_met'])} = {s['false_met_rate']:.1%}")
    s = summarise(rows)
    print(f"\nfalse met (label missing): {len(s['false_met'])}/{s['total']} = {s['false_met_rate']:.1%}")
    for r in s["false_met"]:
        print(f"  {r['doc']}: {r['id']}")
    print(f"overall agreement: {s['agree']}/{s['total']} = {s['agreement']:.1%}")
    failed = False
    if args.min_agreement is not None and s["agreement"] < args.min_agreement:
        print(f"FAIL: agreement {s['agreement']:.1%} below the floor {args.min_agreement:.1%}")
        failed = True
    if args.max_false_met is not None and s["false_met_rate"] > args.max_false_met:
        print(f"FAIL: false met {s['false_met_rate']:.1%} above the ceiling {args.max_false_met:.1%}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

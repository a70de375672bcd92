"""Agreement with the expert labels of ../shared/corpus stays above the floors in bench/floors.yaml."""

from __future__ import annotations

import sys

import yaml

from conftest import ROOT, corpus_or_skip

sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402


def test_corpus_agreement_meets_the_floor():
    corpus = corpus_or_skip()
    floors = yaml.safe_load((ROOT / "bench" / "floors.yaml").read_text(encoding="utf-8"))
    rows = accuracy.evaluate(corpus)["rows"]
    assert rows, "no labelled statute in a supported language"
    for lang, floor in floors.items():
        s = accuracy.summarise(rows if lang == "overall" else [r for r in rows if r["lang"] == lang])
        assert s["total"], f"no {lang} statute was measured"
        assert s["agreement"] >= floor["min_agreement"], f"{lang}: agreement {s['agreement']:.1%}"
        assert s["false_met_rate"] <= floor["max_false_met"], \
            f"{lang}: false met {[(r['doc'], r['id']) for r in s['false_met']]}"


def test_corpus_verdicts_follow_from_labels():
    """IN_LINE / PARTIAL / NO_OFFENCE as the labels imply them."""
    from tipcheck.assess import verdict

    corpus = corpus_or_skip()
    rows = accuracy.evaluate(corpus)["rows"]
    docs = {r["doc"] for r in rows}
    for doc in docs:
        labels = {r["id"]: r["label"] for r in rows if r["doc"] == doc}
        got = next(r["verdict"] for r in rows if r["doc"] == doc)
        assert got == verdict(labels), doc

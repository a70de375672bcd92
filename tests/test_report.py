"""The JSON report follows the contract: schema, offsets, order, determinism."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import tipcheck
from tipcheck import catalogue
from tipcheck.report import render

from conftest import corpus_or_skip

SCHEMA = json.loads(resources.files("tipcheck").joinpath("schemas", "report.schema.json").read_text())


def _validated(path) -> dict:
    data = json.loads(render(tipcheck.check([path]), "json"))
    jsonschema.validate(data, SCHEMA)
    return data


def _check_offsets(data: dict, texts: dict[str, str]) -> None:
    for r in data["results"]:
        for e in r["evidence"]:
            text = texts[e["document"]]
            assert text[e["start"]:e["end"]] == e["quote"]
            line_start = text.rfind("\n", 0, e["start"]) + 1
            assert e["line"] == text.count("\n", 0, e["start"]) + 1
            assert e["column"] == e["start"] - line_start + 1


def test_report_json_validates_and_points_into_the_text(model_law, deficient_law):
    for path in (model_law, deficient_law):
        data = _validated(path)
        _check_offsets(data, {str(path): tipcheck.ingest.read(path).text})
        ids = [r["id"] for r in data["results"]]
        assert ids == sorted(ids, key=catalogue.order), "results must be in catalogue order"
        assert len(ids) == len(set(ids))
        assert sum(data["summary"][k] for k in ("met", "partial", "missing")) == len(ids)


def test_report_json_is_byte_identical_across_runs(model_law):
    first = render(tipcheck.check([model_law]), "json")
    second = render(tipcheck.check([model_law]), "json")
    assert first == second
    assert "timestamp" not in first


def test_report_verdicts_of_the_examples(model_law, deficient_law):
    assert tipcheck.check([model_law]).verdict == "IN_LINE"
    assert tipcheck.check([deficient_law]).verdict == "PARTIAL"
    assert tipcheck.api.check_text("Section 1. This Act may be cited as the Roads Act.\n").verdict == "NO_OFFENCE"


def test_report_json_on_real_statutes():
    corpus = corpus_or_skip()
    for path in sorted(corpus.glob("*.txt")):
        meta = corpus / (path.stem + ".yaml")
        import yaml
        if yaml.safe_load(meta.read_text(encoding="utf-8"))["meta"]["language"] != "en":
            continue
        data = _validated(path)
        _check_offsets(data, {str(path): path.read_text(encoding="utf-8")})


def test_terminal_report_shows_matrix_verdict_and_remediation(deficient_law):
    out = render(tipcheck.check([deficient_law]), "terminal", width=160)
    assert "Acts" in out and "Means" in out and "Purposes" in out
    assert "Verdict: PARTIAL" in out
    assert "What to add" in out
    assert "\x1b[" not in out   # no colour codes when colour is off


@pytest.mark.parametrize("fmt", ["json", "terminal"])
def test_report_escapes_nothing_and_keeps_statute_text_verbatim(fmt):
    text = "Section 3. Trafficking <script>alert(1)</script> {{ x }}\n(1) A person who recruits another person for the purpose of exploitation commits an offence.\n"
    out = render(tipcheck.api.check_text(text, name="x.txt"), fmt)
    if fmt == "json":
        quotes = [e["quote"] for r in json.loads(out)["results"] for e in r["evidence"]]
        assert "recruits" in quotes


def _wrap(text: str, width: int = 72) -> str:
    import textwrap
    # Words are not broken at hyphens: hyphenation at line ends is an ingest matter (PDF readers).
    return "\n".join("\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) if line.strip() else ""
                     for line in text.split("\n"))


def test_hard_wrapped_statutes_get_the_same_statuses(model_law, deficient_law):
    """Text extracted from PDFs or gazettes comes hard-wrapped: the findings must not change."""
    paths = [model_law, deficient_law]
    try:
        corpus = corpus_or_skip()
        paths += [corpus / f"{name}.txt" for name in ("uk-ni-hte-act-2015-s2", "in-bns-2023-s143", "us-18usc-ch77")]
    except pytest.skip.Exception:
        pass
    for path in paths:
        text = tipcheck.ingest.read(path).text
        plain = {r.id: r.status for r in tipcheck.api.check_text(text).results}
        wrapped = {r.id: r.status for r in tipcheck.api.check_text(_wrap(text)).results}
        assert plain == wrapped, (path.name, {k: (plain[k], wrapped[k]) for k in plain if plain[k] != wrapped[k]})

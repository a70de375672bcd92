"""tipcheck.yaml (found upward) or [tool.tipcheck] in pyproject.toml: packs, language, fail-on, format
and waivers. A waived requirement stays visible as `waived`; unknown and unused waivers are reported;
options on the command line win; a broken configuration is one line with file and line."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

WAIVERS = """\
format: json
fail_on: any
waivers:
  - id: palermo.3a.act.transfer
    reason: Transfers of control are an offence under the Penal Code
    where: Penal Code s. 370
  - id: palermo.99.nothing
    reason: a typing error
    where: nowhere
"""


def _run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "tipcheck", "analyze", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def _law(folder):
    law = folder / "law.txt"
    law.write_text((EXAMPLES / "en" / "deficient-law" / "statute.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return law


def test_config_found_upward_applies_options_and_waivers(tmp_path):
    (tmp_path / "tipcheck.yaml").write_text(WAIVERS, encoding="utf-8")
    sub = tmp_path / "laws"
    sub.mkdir()
    _law(sub)
    result = _run(sub, "law.txt")
    assert result.returncode == 1                           # fail_on: any
    report = json.loads(result.stdout)                      # format: json
    transfer = next(r for r in report["results"] if r["id"] == "palermo.3a.act.transfer")
    assert transfer["status"] == "waived" and transfer["waived_status"] == "missing"
    assert transfer["waiver"] == {"reason": "Transfers of control are an offence under the Penal Code",
                                  "where": "Penal Code s. 370"}
    assert report["summary"]["waived"] == 1
    assert "unknown requirement 'palermo.99.nothing'" in result.stderr
    # The command line wins over the file; --no-config ignores it.
    assert _run(sub, "law.txt", "--format", "markdown").stdout.startswith("### tipcheck")
    plain = _run(sub, "law.txt", "--no-config")
    assert "Verdict" in plain.stdout and "waived" not in plain.stdout.lower()


def test_pyproject_table_is_a_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.tipcheck]\nformat = "junit"\nfail_on = "never"\n', encoding="utf-8")
    _law(tmp_path)
    result = _run(tmp_path, "law.txt")
    assert result.returncode == 0 and result.stdout.startswith("<?xml")


def test_a_waiver_without_reason_is_refused_with_file_and_line(tmp_path):
    (tmp_path / "tipcheck.yaml").write_text("waivers:\n  - id: palermo.3a.act.transfer\n    where: Penal Code s. 370\n",
                                            encoding="utf-8")
    _law(tmp_path)
    result = _run(tmp_path, "law.txt")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "E309" in result.stderr and "tipcheck.yaml:2" in result.stderr and "reason" in result.stderr

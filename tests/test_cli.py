"""The command line as a user meets it: exit codes, streams, one-line errors, help everywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT


def run(*args: str, cwd=ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "140"}
    return subprocess.run([sys.executable, "-m", "tipcheck", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, input=stdin, timeout=120)


def test_cli_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("tipcheck ")


@pytest.mark.parametrize("command", [[], ["analyze"], ["segment"], ["rules"], ["rules", "list"], ["rules", "show"],
                                     ["rules", "validate"], ["rules", "test"]])
def test_cli_help_on_every_command(command):
    r = run(*command, "--help")
    assert r.returncode == 0 and "Usage" in r.stdout


def test_cli_analyze_exit_codes(model_law, deficient_law):
    assert run("analyze", str(model_law)).returncode == 0
    r = run("analyze", str(deficient_law))
    assert r.returncode == 1 and "Verdict: PARTIAL" in r.stdout
    assert run("analyze", str(deficient_law), "--fail-on", "never").returncode == 0
    # The model law's only gaps would be non-mandatory ones: `any` is at least as strict as `mandatory`.
    assert run("analyze", str(model_law), "--fail-on", "any").returncode in (0, 1)


def test_cli_json_to_stdout_and_to_file(model_law, tmp_path):
    r = run("analyze", str(model_law), "--format", "json")
    data = json.loads(r.stdout)
    assert data["summary"]["verdict"] == "IN_LINE"
    out = tmp_path / "report.json"
    r2 = run("analyze", str(model_law), "--format", "json", "--output", str(out))
    assert r2.returncode == 0 and r2.stdout == ""
    assert out.read_text(encoding="utf-8") == r.stdout


BAD = [
    ("missing file", ["analyze", "no-such-law.txt"], "E101"),
    ("directory", ["analyze", "corpora"], "E102"),
    ("unknown pack", ["analyze", "corpora/en/model-law/statute.txt", "--pack", "nope"], "E210"),
    ("unknown language", ["analyze", "corpora/en/model-law/statute.txt", "--lang", "xx"], "E301"),
    ("unknown rule", ["rules", "show", "palermo.99.nothing"], "E305"),
    ("unwritable output", ["analyze", "corpora/en/model-law/statute.txt", "--output", "/nonexistent-dir/r.txt"], "E304"),
    ("bad option value", ["analyze", "corpora/en/model-law/statute.txt", "--format", "pdf"], None),
]


@pytest.mark.parametrize("name,args,code", BAD, ids=[b[0] for b in BAD])
def test_cli_bad_input_is_one_line_exit_2(name, args, code):
    r = run(*args)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    if code:
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and code in lines[0], r.stderr


def test_cli_empty_and_binary_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "law.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    for path, code in ((empty, "E104"), (binary, "E105")):
        r = run("analyze", str(path))
        assert r.returncode == 2 and code in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_cli_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("Section 1.")
    f.chmod(0)
    r = run("analyze", str(f))
    assert r.returncode == 2 and "E103" in r.stderr


def test_cli_segment_shows_provisions_and_definitions(model_law):
    r = run("segment", str(model_law))
    assert r.returncode == 0
    assert "s. 4" in r.stdout and "definitions:" in r.stdout and "“exploitation”" in r.stdout


def test_cli_rules_list_show_validate_test():
    r = run("rules", "list", "--category", "definition-means")
    assert r.returncode == 0 and r.stdout.count("palermo.3a.means.") == 7
    r = run("rules", "show", "palermo.3b.consent-irrelevant")
    assert r.returncode == 0 and "Palermo Protocol art. 3(b)" in r.stdout and "remediation" in r.stdout
    r = run("rules", "validate", "rules/palermo")
    assert r.returncode == 0 and "valid" in r.stdout
    r = run("rules", "test")
    assert r.returncode == 0, r.stdout[-2000:]
    assert " passed, 0 failed" in r.stdout


def test_cli_rules_validate_reports_file_and_line(tmp_path):
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: t\nversion: 1.0.0\nlanguages: [en]\ninstrument: i\nauthor: x\n")
    r = run("rules", "validate", str(pack))
    assert r.returncode == 2 and "pack.yaml:6" in r.stderr and "E203" in r.stderr


def test_python_api_matches_cli(model_law):
    import tipcheck
    report = tipcheck.check([model_law])
    r = run("analyze", str(model_law), "--format", "json")
    assert json.loads(r.stdout)["summary"]["verdict"] == report.verdict

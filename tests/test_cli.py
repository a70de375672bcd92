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


@pytest.mark.parametrize("command", [[], ["analyze"], ["diff"], ["segment"], ["rules"], ["rules", "list"], ["rules", "show"],
                                     ["rules", "validate"], ["rules", "test"]])
def test_cli_help_on_every_command(command):
    r = run(*command, "--help")
    assert r.returncode == 0 and "Usage" in r.stdout


def test_cli_analyze_exit_codes(model_law, deficient_law):
    r = run("analyze", str(deficient_law))
    assert r.returncode == 1 and "Verdict: PARTIAL" in r.stdout
    assert run("analyze", str(deficient_law), "--fail-on", "never").returncode == 0
    # The exit code follows the gaps in the report, level by level.
    for pack in ("palermo", "untoc", "best-practice"):
        data = json.loads(run("analyze", str(model_law), "--pack", pack, "--format", "json", "--fail-on", "never").stdout)
        gaps = [x for x in data["results"] if x["status"] in ("partial", "missing")]
        mandatory = [x for x in gaps if x["strength"] == "mandatory"]
        assert run("analyze", str(model_law), "--pack", pack).returncode == (1 if mandatory else 0)
        assert run("analyze", str(model_law), "--pack", pack, "--fail-on", "any").returncode == (1 if gaps else 0)


def test_cli_json_to_stdout_and_to_file(model_law, tmp_path):
    r = run("analyze", str(model_law), "--format", "json")
    data = json.loads(r.stdout)
    assert data["summary"]["verdict"] == "IN_LINE"
    out = tmp_path / "report.json"
    r2 = run("analyze", str(model_law), "--format", "json", "--output", str(out), "--fail-on", "never")
    assert r2.returncode == 0 and r2.stdout == ""
    assert out.read_text(encoding="utf-8") == r.stdout



def test_cli_report_language(model_law):
    """--report-lang chooses the words; the statuses stay the statute's."""
    en = json.loads(run("analyze", str(model_law), "--format", "json").stdout)
    fr = json.loads(run("analyze", str(model_law), "--format", "json", "--report-lang", "fr").stdout)
    assert (en["language"], fr["language"]) == ("en", "fr")
    assert [r["status"] for r in fr["results"]] == [r["status"] for r in en["results"]]
    assert fr["results"][0]["title"] != en["results"][0]["title"]
    terminal = run("analyze", str(model_law), "--report-lang", "es").stdout
    assert "Veredicto" in terminal or "veredicto" in terminal.lower()
    shown = run("rules", "show", "palermo.3a.act.recruitment", "--report-lang", "fr").stdout
    assert shown.startswith("palermo.3a.act.recruitment: ") and "recrutement" in shown.splitlines()[0].lower()

BAD = [
    ("missing file", ["analyze", "no-such-law.txt"], "E101"),
    ("directory", ["analyze", "corpora"], "E102"),
    ("unknown pack", ["analyze", "corpora/en/model-law/statute.txt", "--pack", "nope"], "E210"),
    ("unknown language", ["analyze", "corpora/en/model-law/statute.txt", "--lang", "xx"], "E301"),
    ("unknown report language", ["analyze", "corpora/en/model-law/statute.txt", "--report-lang", "de"], "E307"),
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
    assert "pitfalls:" in r.stdout and "partial when:" in r.stdout
    r = run("rules", "list", "--pack", "belem-do-para")
    assert r.returncode == 0 and r.stdout.count("belem.") == 5
    r = run("rules", "list", "--strength", "recommended")
    assert r.returncode == 0 and "oas.rtpv.27.dedicated-funding" in r.stdout and "palermo.3a.act" not in r.stdout
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


THIRD_PARTY_RULE = """\
rules:
  - id: palermo.3a.act.recruitment
    title: Recruitment, with a house vocabulary
    source: Palermo Protocol art. 3(a)
    assess: act
    description: Recruiting, including "enrols", must be covered.
    remediation: Add recruitment.
    patterns:
      en:
        - recruit|recruits|enrol|enrols
"""


def test_cli_third_party_pack_is_selected_validated_and_tested(tmp_path):
    pack = tmp_path / "house"
    (pack / "fixtures" / "palermo.3a.act.recruitment").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: house\ntitle: House rules\nversion: 2.1.0\nlanguages: [en]\ninstrument: in-house\n")
    (pack / "rules.yaml").write_text(THIRD_PARTY_RULE)
    (pack / "fixtures" / "palermo.3a.act.recruitment" / "met.txt").write_text(
        "#> expect: met\nSection 3. Trafficking in persons\n#> ruleid:\n"
        "(1) A person who enrols another person for the purpose of exploitation commits an offence.\n")
    law = tmp_path / "law.txt"
    law.write_text("Section 3. Trafficking in persons\n"
                   "(1) A person who enrols another person for the purpose of exploitation commits an offence.\n")
    r = run("analyze", str(law), "--rules", str(pack), "--pack", "house", "--format", "json", "--fail-on", "never")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["tool"]["packs"] == [{"id": "house", "version": "2.1.0"}]
    assert [(x["id"], x["status"]) for x in data["results"]] == [("palermo.3a.act.recruitment", "met")]
    assert run("rules", "validate", str(pack)).returncode == 0
    r = run("rules", "test", str(pack))
    assert r.returncode == 0 and "1 passed, 0 failed" in r.stdout, r.stdout


def test_cli_pack_versions_in_report_and_selection(model_law):
    r = run("analyze", str(model_law), "--pack", "untoc", "--format", "json", "--fail-on", "never")
    data = json.loads(r.stdout)
    assert [p["id"] for p in data["tool"]["packs"]] == ["untoc"]
    assert all(x["id"].startswith("untoc.") for x in data["results"])
    # The offence model still comes from the core pack: the penalty is read from the model law's offence.
    penalty = next(x for x in data["results"] if x["id"] == "untoc.11.1.penalty-gravity")
    assert penalty["status"] == "met"


def test_cli_internal_error_is_one_line_exit_3(monkeypatch, capsys):
    """A bug in tipcheck itself still gives one line and a distinct exit code, not a traceback."""
    from tipcheck import cli

    def broken(**_kwargs):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("TIPCHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: RuntimeError: something inside broke" in err

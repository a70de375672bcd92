"""The shipped pre-commit hook and GitHub workflow run tipcheck commands that work: each command line
they hold is run here on the bundled example (the parts that need GitHub itself cannot run here)."""

from __future__ import annotations

import shlex
import subprocess
import sys

import yaml

from conftest import EXAMPLES, ROOT

LAW = EXAMPLES / "en" / "model-law" / "statute.txt"


def _tipcheck(args: list[str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipcheck", *args], capture_output=True, text=True, cwd=cwd)


def test_pre_commit_hook_runs_on_staged_files(tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tipcheck")
    assert hook["pass_filenames"] and hook["language"] == "python"
    args = shlex.split(hook["entry"])[1:] + [str(LAW)]       # pre-commit appends the staged files
    result = _tipcheck(args, ROOT)
    # 0 or 1 by the gaps (the model law still lacks some mandatory measures of the wider catalogue);
    # never a usage error.
    assert result.returncode in (0, 1) and result.stderr == "" and "Verdict: IN_LINE" in result.stdout


def test_github_workflow_commands_run(tmp_path):
    flow = yaml.safe_load((ROOT / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["tipcheck"]["steps"]
    commands = [line.strip() for s in steps if "run" in s for line in s["run"].splitlines()
                if line.strip().startswith("tipcheck analyze")]
    assert len(commands) >= 4
    (tmp_path / "law").mkdir()
    (tmp_path / "law" / "model.txt").write_text(LAW.read_text(encoding="utf-8"), encoding="utf-8")
    laws = sorted(str(p) for p in (tmp_path / "law").glob("*.txt"))
    # The baseline the gate reads is recorded once, as a project would before turning the gate on.
    assert _tipcheck(["analyze", *laws, "--baseline", "tipcheck-baseline.json", "--update-baseline",
                      "--format", "json", "--output", "first.json"], tmp_path).returncode == 0
    for command in commands:
        words = shlex.split(command.split(">>")[0])[2:]
        words = [p for w in words for p in (laws if w == "law/*.txt" else [w])]
        result = _tipcheck(["analyze", *words], tmp_path)
        assert result.returncode == 0, (command, result.stderr)
    assert (tmp_path / "tipcheck.sarif").is_file() and (tmp_path / "tipcheck.json").is_file()

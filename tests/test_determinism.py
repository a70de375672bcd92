"""The same input and options give byte-identical reports in any process: whatever the hash seed, the
working directory, or whether the cache is cold or warm.

Every report of the four model laws and of a two-file bundle is rendered as JSON, SARIF, Markdown and
JUnit in two fresh processes that differ in all three respects, and compared byte for byte; the command
line is compared the same way for one law.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT

FORMATS = ("json", "sarif", "markdown", "junit")
CASES = {lang: [EXAMPLES / lang / "model-law" / "statute.txt"] for lang in ("en", "es", "pt", "fr")}
CASES["bundle"] = [EXAMPLES / "en" / "model-law" / "statute.txt", EXAMPLES / "en" / "deficient-law" / "statute.txt"]

# Run in a fresh interpreter: analyse every case and print every rendering, keyed by case and format.
PROBE = """
import json, sys
from tipcheck.api import check
from tipcheck.report import render
cases = json.loads(sys.argv[1])
print(json.dumps({name: {fmt: render(check(paths), fmt) for fmt in sys.argv[2].split(",")}
                  for name, paths in cases.items()}))
"""


def _env(seed: str, cache) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=seed, TIPCHECK_CACHE_DIR=str(cache))
    # This checkout's code whatever the working directory (a relative PYTHONPATH would not follow).
    paths = [str(ROOT / "src")] + [os.path.abspath(p) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("TIPCHECK_NO_CACHE", None)
    return env


def _run(args: list[str], seed: str, cwd, cache) -> str:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=_env(seed, cache),
                          timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def _same(a: str, b: str, what: str) -> None:
    if a != b:
        diff = "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), "first", "second", lineterm=""))[:40])
        pytest.fail(f"{what} differs between two processes:\n{diff}")


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Renderings from two processes: hash seed 1, the repository as working directory and an empty
    cache; then hash seed 4242, another directory and the cache the first run filled."""
    cache = tmp_path_factory.mktemp("cache")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    cases = json.dumps({name: [str(p) for p in paths] for name, paths in CASES.items()})
    args = ["-c", PROBE, cases, ",".join(FORMATS)]
    first = json.loads(_run(args, "1", ROOT, cache))
    assert any(cache.rglob("*.marshal")), "the first run should have filled the cache"
    second = json.loads(_run(args, "4242", elsewhere, cache))
    return first, second, (str(cache), str(elsewhere))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_reports_are_byte_identical_across_processes(two_runs, case, fmt):
    first, second, private = two_runs
    _same(first[case][fmt], second[case][fmt], f"{case} as {fmt}")
    for path in private:     # neither the cache nor the working directory leaks into a report
        assert path not in first[case][fmt]


def test_command_line_output_is_byte_identical(tmp_path):
    law = str(EXAMPLES / "en" / "model-law" / "statute.txt")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for fmt in ("json", "sarif"):
        args = ["-m", "tipcheck", "analyze", law, "--format", fmt, "--no-config"]
        a = _run(args, "7", tmp_path / "a", tmp_path / "cache")        # cold cache
        b = _run(args, "99", tmp_path / "b", tmp_path / "cache")       # warm cache
        _same(a, b, f"tipcheck analyze --format {fmt}")


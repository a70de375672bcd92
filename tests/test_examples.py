"""Our example statutes (corpora/) get the statuses we judged them to deserve (expected.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import tipcheck

from conftest import EXAMPLES

CASES = sorted(EXAMPLES.glob("*/*/expected.yaml"))


@pytest.mark.parametrize("expected_file", CASES, ids=[p.parent.name for p in CASES])
def test_example_statute_statuses(expected_file: Path):
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    report = tipcheck.check([expected_file.parent / "statute.txt"], lang=expected_file.parent.parent.name)
    got = {r.id: r.status for r in report.results}
    wrong = {rid: (e["status"], got.get(rid)) for rid, e in expected.items() if got.get(rid) != e["status"]}
    assert not wrong, "expected vs tipcheck: " + ", ".join(f"{k}: {v[0]} vs {v[1]}" for k, v in wrong.items())

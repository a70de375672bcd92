"""The catalogue shipped in the package agrees with the project catalogue."""

from __future__ import annotations

import yaml

from tipcheck import catalogue

from conftest import SHARED


def test_shipped_catalogue_matches_project_catalogue():
    import pytest
    path = SHARED / "requirements" / "catalogue.yaml"
    if not path.is_file():
        pytest.skip("../shared/requirements is not present")
    project = yaml.safe_load(path.read_text(encoding="utf-8"))["requirements"]
    shipped = catalogue.entries()
    assert [e["id"] for e in shipped] == [e["id"] for e in project]
    for mine, theirs in zip(shipped, project):
        for key in ("instrument", "strength", "category", "source", "requires", "partial_when", "pitfalls"):
            assert mine[key] == theirs[key], (mine["id"], key)
        assert bool(mine["core"]) == bool(theirs.get("core")), mine["id"]


def test_catalogue_has_35_core_ids():
    assert len(catalogue.core_ids()) == 35


def test_rule_documentation_is_up_to_date():
    from tipcheck.docs import render

    from conftest import ROOT
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render(), "docs/rules.md is stale: run `python -m tipcheck.docs > docs/rules.md`"

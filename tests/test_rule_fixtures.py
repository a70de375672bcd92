"""Every rule fixture (rules/<pack>/fixtures/<rule-id>/<case>.txt) is discovered and run, and every rule
has the fixtures it needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipcheck import catalogue, screen, testing
from tipcheck.rulepack import builtin_dir, load_packs

FIXTURES = testing.discover(builtin_dir())


def pytest_generate_tests(metafunc):
    if "fixture_path" in metafunc.fixturenames:
        metafunc.parametrize("fixture_path", FIXTURES,
                             ids=[f"{p.parent.name}::{p.stem}" for p in FIXTURES])


def test_rule_fixture(fixture_path: Path):
    fixture = testing.parse(fixture_path)
    outcome = testing.run(fixture)
    # A `todo-expect` fixture is a known gap: it passes while the rule still gets it wrong, and fails
    # once the rule improves, until `todo-expect` becomes `expect` (strict, like xfail_strict).
    assert outcome.passed, "\n".join(f"{fixture_path}: {p}" for p in outcome.problems)
    # A batch's first scan must never drop a text the analysis finds relevant (issue 7): every fixture
    # is such a text, named or not ("recruits ... for the purpose of exploitation" says no "trafficking").
    if outcome.report.documents[0].concerns_trafficking:
        assert screen.candidate(fixture.text), f"{fixture_path}: relevant, but screening would drop it"


def _cases() -> dict[str, list[testing.Fixture]]:
    out: dict[str, list[testing.Fixture]] = {}
    for p in FIXTURES:
        f = testing.parse(p)
        out.setdefault(f.rule, []).append(f)
    return out


def test_every_rule_has_met_and_missing_fixtures_and_partial_where_defined():
    cases = _cases()
    problems = []
    for pack in load_packs(langs=()):
        for rule in pack.rules:
            statuses = {f.expect for f in cases.get(rule.id, []) if not f.todo}
            needed = {"met", "missing"} | ({"partial"} if rule.partial_when else set())
            if needed - statuses:
                problems.append(f"{rule.id}: no fixture expecting {sorted(needed - statuses)}")
            located = [f for f in cases.get(rule.id, []) if f.expect in ("met", "partial") and f.must_hit]
            if not located:
                problems.append(f"{rule.id}: no met/partial fixture marks the line with `#> ruleid:`")
    assert not problems, "\n".join(problems)


def test_fixture_directories_name_existing_rules():
    rules = {r.id for p in load_packs(langs=()) for r in p.rules}
    unknown = sorted({rid for rid in _cases() if rid not in rules})
    assert not unknown, f"fixtures for rules that do not exist: {unknown}"


def test_every_core_requirement_has_a_rule():
    rules = {r.id for p in load_packs(langs=()) for r in p.rules}
    assert set(catalogue.core_ids()) <= rules


def test_fixture_parser_rejects_unknown_directive(tmp_path):
    from tipcheck.errors import RulePackError
    f = tmp_path / "palermo.3a.act.recruitment" / "bad.txt"
    f.parent.mkdir()
    f.write_text("#> expect: met\n#> rule-id:\nSection 1.\n", encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        testing.parse(f)
    assert err.value.code == "E220" and err.value.line == 2


def test_fixture_line_markers_map_back_to_file_lines(tmp_path):
    f = tmp_path / "palermo.3a.act.recruitment" / "case.txt"
    f.parent.mkdir()
    f.write_text("#> expect: met\nSection 1.\n#> ruleid:\nA person who recruits another commits an offence.\n")
    fx = testing.parse(f)
    assert fx.must_hit == [2] and fx.line_map[2] == 4


def test_patterns_of_every_language_compile():
    """Analysis compiles only the document's language; this validates every language's patterns."""
    packs = load_packs(langs=None)
    assert all(p.rules for p in packs)
    spoken = {lang for p in packs for r in p.rules for lang in r.patterns}
    assert {"en", "es", "pt", "fr"} <= spoken

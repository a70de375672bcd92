"""The rule-pack loader rejects every kind of breakage with a code, file:line and a fix hint."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tipcheck.errors import RulePackError
from tipcheck.rulepack.loader import load_pack, load_packs

PACK = """\
id: testpack
title: A pack for tests
version: 1.0.0
languages: [en]
instrument: Test instrument
"""

RULE = """\
rules:
  - id: palermo.3a.act.recruitment
    title: Recruitment is an act
    source: Palermo Protocol art. 3(a)
    assess: act
    description: Recruiting must be covered.
    remediation: Add recruitment.
    patterns:
      en:
        - recruit|recruitment
"""


def make_pack(tmp_path: Path, rule: str = RULE, pack: str | None = PACK, name: str = "rules.yaml") -> Path:
    directory = tmp_path / "testpack"
    directory.mkdir()
    if pack is not None:
        (directory / "pack.yaml").write_text(pack, encoding="utf-8")
    (directory / name).write_text(textwrap.dedent(rule), encoding="utf-8")
    return directory


def test_loader_accepts_a_valid_pack(tmp_path):
    pack = load_pack(make_pack(tmp_path))
    assert pack.id == "testpack" and [r.id for r in pack.rules] == ["palermo.3a.act.recruitment"]
    rule = pack.rules[0]
    assert rule.strength == "mandatory" and rule.category == "definition-acts"   # from the catalogue
    assert rule.patterns["en"]["main"] == [[{"NORM": {"IN": ["recruit", "recruitment"]}}]]


# (name, rule file text or None, pack.yaml text, expected code, expected line in the named file)
BREAKAGES = [
    ("bad YAML syntax", RULE.replace("    title: Recruitment is an act", "    title: [unclosed"), PACK, "E201", 4),
    ("python object tag", RULE.replace("Add recruitment.", "!!python/object/apply:os.system ['true']"), PACK, "E202", 7),
    ("unknown key", RULE.replace("    patterns:", "    paterns:"), PACK, "E203", 8),
    ("missing field", RULE.replace("    remediation: Add recruitment.\n", ""), PACK, "E204", 2),
    ("id not in catalogue", RULE.replace("palermo.3a.act.recruitment", "palermo.3a.act.kidnap"), PACK, "E205", 2),
    ("implied_by names an unknown id", RULE.replace("    patterns:", "    implied_by: [palermo.3a.means.kidnap]\n    patterns:"),
     PACK, "E205", 8),
    ("duplicate id", RULE + RULE.split("rules:\n", 1)[1], PACK, "E206", 11),
    ("empty alternative", RULE.replace("recruit|recruitment", "recruit||recruitment"), PACK, "E207", 10),
    ("bad spaCy pattern", RULE.replace("        - recruit|recruitment", '        - [{"LOWR": "recruit"}]'), PACK, "E207", 10),
    ("attribute needing a model", RULE.replace("        - recruit|recruitment", '        - [{"LEMMA": "recruit"}]'), PACK, "E207", 10),
    ("gap at pattern start", RULE.replace("recruit|recruitment", "... recruit"), PACK, "E207", 10),
    ("language not in pack", RULE + "      es:\n        - captación\n", PACK, "E208", 11),
    ("pack language without patterns", RULE, PACK.replace("[en]", "[en, fr]"), "E208", 2),
    ("invalid assess kind", RULE.replace("assess: act", "assess: acts"), PACK, "E203", 5),
    ("bad pack version", RULE, PACK.replace("1.0.0", "one"), "E203", 3),
    ("unknown key in pack.yaml", RULE, PACK + "authour: me\n", "E203", 6),
    ("empty rule file", "", PACK, "E204", None),
    ("gap too long", RULE.replace("recruit|recruitment", "recruit ..60 person"), PACK, "E207", 10),
]


@pytest.mark.parametrize("name,rule,pack,code,line", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_loader_rejects_breakage_with_location_and_hint(tmp_path, name, rule, pack, code, line):
    directory = make_pack(tmp_path, rule=rule, pack=pack)
    with pytest.raises(RulePackError) as err:
        load_pack(directory)
    e = err.value
    assert e.code == code, e.one_line()
    assert e.path and e.path.endswith((".yaml",)), e.one_line()
    if line is not None:
        assert e.line == line, e.one_line()
    assert e.hint, f"no fix hint: {e.one_line()}"
    assert "\n" not in e.one_line()


def test_loader_missing_pack_yaml(tmp_path):
    with pytest.raises(RulePackError) as err:
        load_pack(make_pack(tmp_path, pack=None))
    assert err.value.code == "E209" and err.value.hint


def test_loader_unknown_pack_name():
    with pytest.raises(RulePackError) as err:
        load_packs(["no-such-pack"])
    assert err.value.code == "E210" and "palermo" in err.value.hint


def test_loader_extra_pack_directory_missing(tmp_path):
    with pytest.raises(RulePackError) as err:
        load_packs(None, [str(tmp_path / "absent")])
    assert err.value.code == "E210"


def test_builtin_packs_validate_against_shipped_schema():
    """Editors check rule files with the shipped JSON Schema: the built-in files must pass it."""
    import json
    from importlib import resources

    import jsonschema
    import yaml

    from tipcheck.rulepack import builtin_dir

    schema = json.loads(resources.files("tipcheck").joinpath("schemas", "rule-file.schema.json").read_text())
    files = [f for f in builtin_dir().glob("*/*.yaml") if f.name != "pack.yaml"]
    assert files
    for f in files:
        jsonschema.validate(yaml.safe_load(f.read_text(encoding="utf-8")), schema)

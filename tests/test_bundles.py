"""A bundle is one jurisdiction's law: each requirement judged over all its documents, each evidence
item naming its document, and a code's general part counting for the trafficking law beside it."""

from __future__ import annotations

import json

import pytest

import tipcheck
from conftest import tipcheck_cli

SPECIAL_LAW = ("Trafficking in Persons Act\nSection 1. A person who recruits, transports, transfers, harbours or "
               "receives another person by means of force, deception or abuse of a position of vulnerability for the "
               "purpose of exploitation commits the offence of trafficking in persons and is liable to imprisonment "
               "for 15 years.\n")
# A penal code's general part: it never names trafficking, and applies to every offence.
GENERAL_PART = ("Criminal Code (General Part)\nSection 20. A person who attempts to commit an offence, or who aids, abets "
                "or instigates its commission, is liable to the penalty for the offence.\n"
                "Section 21. A legal person is liable for an offence committed for its benefit by a person who has a "
                "leading position within it, and is liable to a fine, the closure of its establishments or its "
                "dissolution.\n")
GENERAL = ("palermo.5.2.ancillary-liability", "untoc.10.legal-persons-liability", "untoc.10.4.legal-persons-sanctions")


@pytest.fixture()
def laws(tmp_path):
    (tmp_path / "law").mkdir()
    special, general = tmp_path / "law" / "act.txt", tmp_path / "law" / "code.txt"
    special.write_text(SPECIAL_LAW, encoding="utf-8")
    general.write_text(GENERAL_PART, encoding="utf-8")
    return special, general


def _status(report, rid):
    return next(r for r in report.results if r.id == rid)


def test_a_general_part_counts_for_the_offence_beside_it(laws):
    special, general = laws
    alone = tipcheck.check([str(special)], lang="en")
    code = tipcheck.check([str(general)], lang="en")
    both = tipcheck.check([str(special), str(general)], lang="en")
    for rid in GENERAL:
        assert _status(alone, rid).status == "missing"
        assert _status(code, rid).status == "missing"        # alone, the code is about no trafficking offence
        result = _status(both, rid)
        assert result.status in ("met", "partial"), rid
        assert {e.document for e in result.evidence} == {str(general)}
    assert _status(both, "palermo.5.2.ancillary-liability").status == "partial"   # organising is not provided
    assert not code.documents[0].concerns_trafficking and both.documents[0].concerns_trafficking
    # The offence itself is still the special law's, quoted from it.
    offence = _status(both, "palermo.5.1.criminal-offence")
    assert offence.status == "met" and {e.document for e in offence.evidence} == {str(special)}


def test_bundle_folder_on_the_command_line(laws, tmp_path):
    special, general = laws
    proc = tipcheck_cli("analyze", "--bundle", special.parent, "--format", "json", "--lang", "en")
    report = json.loads(proc.stdout)
    assert [d["path"] for d in report["documents"]] == [special.as_posix(), general.as_posix()]
    assert {e["document"] for r in report["results"] for e in r["evidence"]} == {special.as_posix(), general.as_posix()}
    same = tipcheck_cli("analyze", special, general, "--format", "json", "--lang", "en")
    assert same.stdout == proc.stdout

"""The offence model on drafting styles the fixtures do not cover: an offence that applies the Act's
definition of trafficking ("engages in trafficking in persons"), with and without its child clause."""

from __future__ import annotations

from pathlib import Path

import tipcheck

STATUTE = (Path(__file__).parent / "data" / "offence-by-reference.txt").read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.id: r.status for r in tipcheck.api.check_text(text, lang="en").results}


def test_offence_by_reference_takes_elements_from_the_definition():
    got = _statuses(STATUTE)
    assert got["palermo.5.1.criminal-offence"] == "met"
    assert all(got[f"palermo.3a.act.{a}"] == "met" for a in ("recruitment", "transportation", "transfer", "harbouring", "receipt"))
    assert got["palermo.3a.means.abduction"] == "met"
    assert got["palermo.5.2.ancillary-liability"] == "met"      # engages, attempts, assists, organises or directs
    assert got["palermo.3c.child-no-means"] == "met"            # s. 3(2): means need not be proved for a child
    assert got["palermo.3d.child-under-18"] == "met"
    assert got["untoc.11.1.penalty-gravity"] == "met"
    assert got["untoc.10.legal-persons-liability"] == "met"


def test_without_the_child_clause_means_are_required_for_children():
    text = STATUTE.replace("(2) Where the victim of trafficking in persons is a child, the means set out in the "
                           "definition of trafficking in persons in section 2 need not be proved.\n", "")
    assert text != STATUTE
    assert _statuses(text)["palermo.3c.child-no-means"] == "missing"


def test_spanish_general_law_style():
    """"se le impondrá de 5 a 15 años de prisión" creates the offence; "Se entenderá por explotación"
    lists its purposes with roman numerals."""
    text = (Path(__file__).parent / "data" / "es-general-law.txt").read_text(encoding="utf-8")
    report = tipcheck.api.check_text(text)
    assert report.documents[0].language == "es"
    got = {r.id: r.status for r in report.results}
    assert got["palermo.5.1.criminal-offence"] == "met"
    assert got["palermo.3a.act.recruitment"] == "met" and got["palermo.3a.act.harbouring"] == "met"
    assert got["palermo.3a.purpose.servitude"] == "met" and got["palermo.3a.purpose.organ-removal"] == "met"
    assert got["palermo.3b.consent-irrelevant"] == "met"
    assert got["untoc.11.1.penalty-gravity"] == "met"
    assert got["palermo.3a.purpose.open-list"] == "missing"      # "Se entenderá por": a closed list

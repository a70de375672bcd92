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

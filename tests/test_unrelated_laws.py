"""A law that has nothing to do with trafficking is no evidence of anti-trafficking measures: its
damages clause, its fund or its confidentiality rule do not meet the Protocol's victim measures. The
same words in a trafficking law do. (Our own texts.)"""

from __future__ import annotations

import pytest

import tipcheck

GENERAL = {
    "es": ("Artículo 4.- Créase el Fondo de Desarrollo Rural, que se destinará a financiar programas de riego.\n"
           "Artículo 9.- La víctima de un accidente de tránsito tendrá derecho a la indemnización de los daños y "
           "perjuicios sufridos.\n"
           "Artículo 12.- La información que las personas proporcionen al registro será confidencial y no podrá "
           "divulgarse su identidad.\n"),
    "en": ("Section 4. There is established a Rural Development Fund, which shall finance irrigation programmes.\n"
           "Section 9. A victim of a road accident shall be entitled to compensation for the damage suffered.\n"
           "Section 12. Information provided to the register shall be confidential and the identity of the person "
           "who provided it shall not be disclosed.\n"),
}
TRAFFICKING_TITLE = {
    "es": "LEY DE PREVENCIÓN DE LA TRATA DE PERSONAS Y ASISTENCIA A SUS VÍCTIMAS\n",
    "en": "PREVENTION OF TRAFFICKING IN PERSONS AND VICTIM ASSISTANCE ACT\n",
}
MEASURES = ["palermo.6.6.compensation", "palermo.6.1.privacy-identity"]


@pytest.mark.parametrize("lang", sorted(GENERAL))
def test_general_law_meets_no_victim_measure(lang):
    report = tipcheck.check_text(GENERAL[lang], lang=lang, report_lang="en")
    assert report.verdict == "NO_OFFENCE"
    found = {r.id: r for r in report.results}
    assert [r.id for r in report.results if r.status != "missing" and r.category not in ("child",)] == []
    for rid in MEASURES:
        assert "does not concern trafficking" in found[rid].note


@pytest.mark.parametrize("lang", sorted(GENERAL))
def test_the_same_words_in_a_trafficking_law_count(lang):
    report = tipcheck.check_text(TRAFFICKING_TITLE[lang] + GENERAL[lang], lang=lang)
    found = {r.id: r.status for r in report.results}
    assert any(found[rid] != "missing" for rid in MEASURES), found

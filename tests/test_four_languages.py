"""The same model law, written in English, Spanish, Portuguese and French (our own texts in corpora/),
gets the same statuses for the core requirements that define the offence."""

from __future__ import annotations

import pytest

import tipcheck
from tipcheck import catalogue

from conftest import EXAMPLES

# The offence: definition, consent, children, criminalisation, penalties, legal persons.
OFFENCE_CATEGORIES = {"definition-acts", "definition-means", "definition-purpose", "consent", "child",
                      "criminalisation", "penalties", "liability of legal persons"}
CORE = [e["id"] for e in catalogue.entries() if e.get("core") and e["category"] in OFFENCE_CATEGORIES]


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    return {r.id: r.status for r in tipcheck.check([EXAMPLES / "en" / "model-law" / "statute.txt"]).results}


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_model_law_reads_the_same_in_four_languages(lang, english):
    report = tipcheck.check([EXAMPLES / lang / "model-law" / "statute.txt"])
    assert report.documents[0].language == lang
    got = {r.id: r.status for r in report.results}
    differences = {rid: (english[rid], got[rid]) for rid in CORE if got[rid] != english[rid]}
    assert not differences, f"{lang} differs from en: {differences}"
    assert report.verdict == "IN_LINE"

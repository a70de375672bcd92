"""`tipcheck diff OLD NEW`: the requirements a revision changed, with evidence on both sides; exit 1
when one got worse. On real revisions (Peru art. 153, 2007 -> 2014) and on our own texts."""

from __future__ import annotations

import json

import pytest

import tipcheck
from tipcheck.diff import compare, render_markdown, worse

from conftest import CONSENT_LAW, CORPUS, tipcheck_cli

OLD = CONSENT_LAW
NEW = OLD.split("Section 5.")[0]


def _cli(*args):
    return tipcheck_cli("diff", *args)


def test_a_revision_that_drops_the_consent_clause_is_worse(tmp_path):
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = _cli(old, new, "--format", "json")
    assert result.returncode == 1, result.stderr
    changes = {c["id"]: c for c in json.loads(result.stdout)["changes"]}
    consent = changes["palermo.3b.consent-irrelevant"]
    assert (consent["old"], consent["new"], consent["direction"]) == ("met", "missing", "worse")
    assert "irrelevant" in consent["old_evidence"]
    assert _cli(new, old).returncode == 0                     # the other way round it only gains


def test_an_unchanged_law_has_no_changes(tmp_path):
    path = tmp_path / "law.txt"
    path.write_text(OLD, encoding="utf-8")
    result = _cli(path, path)
    assert result.returncode == 0 and "no requirement changed status" in result.stdout


def test_peru_2007_to_2014_reports_what_the_reform_changed():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    old = tipcheck.check([CORPUS / "pe-cp-153-2007.txt"], report_lang="en")
    new = tipcheck.check([CORPUS / "pe-cp-153-2014.txt"], report_lang="en")
    changes = {c.id: c for c in compare(old, new)}
    # Ley 30251 (2014) added the irrelevance of the victim's consent (art. 153(4)).
    consent = changes["palermo.3b.consent-irrelevant"]
    assert (consent.old, consent.new) == ("missing", "met") and "consentimiento" in consent.new_evidence
    assert not worse(list(changes.values()))
    md = render_markdown(old, new, list(changes.values()))
    assert "`palermo.3b.consent-irrelevant`" in md and md.count("\n| ") == len(changes) + 1

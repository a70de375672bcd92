"""Report text in four languages: the message catalogues agree with the English source, every shipped
rule speaks every language, the report renders in the language asked for (and nothing else changes),
and a broken messages file is reported with file, line and a fix."""

from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest

import tipcheck
from tipcheck import catalogue as requirements
from tipcheck.errors import RulePackError
from tipcheck.i18n import LANGUAGES, Texts, catalogue, msg, placeholders, render
from tipcheck.report import render as render_report
from tipcheck.rulepack import load_packs
from tipcheck.rulepack.loader import load_pack

from conftest import EXAMPLES, ROOT
from test_rulepack_loader import make_pack

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
SRC = ROOT / "src" / "tipcheck"


@pytest.mark.parametrize("lang", OTHERS)
def test_catalogue_has_the_english_keys_and_placeholders(lang):
    en, other = catalogue("en"), catalogue(lang)
    assert sorted(other) == sorted(en), f"{lang}: missing {sorted(set(en) - set(other))}, extra {sorted(set(other) - set(en))}"
    wrong = {k: (placeholders(en[k]), placeholders(other[k])) for k in en if placeholders(en[k]) != placeholders(other[k])}
    assert not wrong, f"{lang}: placeholders differ: {wrong}"
    same = [k for k in en if other[k] == en[k] and not k.startswith("list.") and len(en[k]) > 12]
    assert len(same) <= 2, f"{lang}: left in English: {same}"


def test_every_message_the_code_uses_is_in_the_english_catalogue():
    en = catalogue("en")
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"""\b(?:msg|say|text)\(\s*["']([a-z][\w.-]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "the scan found no message ids: the pattern is out of date"
    assert sorted(used - set(en)) == []
    # Ids composed at run time: statuses, strengths, verdicts, languages, matrix names.
    dynamic = [f"status.{s}" for s in ("met", "partial", "missing", "waived", "not-applicable")]
    dynamic += [f"strength.{e['strength']}" for e in requirements.entries()]
    dynamic += [f"verdict.{v}" for v in ("IN_LINE", "PARTIAL", "NO_OFFENCE")]
    dynamic += [f"language.{lang}" for lang in LANGUAGES]
    dynamic += [f"short.{e['id']}" for e in requirements.entries()
                if e["category"] in ("definition-acts", "definition-means", "definition-purpose")]
    assert sorted(set(dynamic) - set(en)) == []


@pytest.mark.parametrize("lang", OTHERS)
def test_every_shipped_rule_has_its_texts_in_each_language(lang):
    gaps = []
    for pack in load_packs(langs=()):
        texts = pack.texts(lang)
        for rule in pack.rules:
            entry = texts.get(rule.id, {})
            for name in ("title", "description", "partial_when", "remediation"):
                if getattr(rule, name) and not entry.get(name):
                    gaps.append(f"{rule.id}: {name}")
            notes = {note for note, _, _ in rule.partial}
            given = set(entry.get("notes") or {})
            gaps += [f"{rule.id}: note {n!r} untranslated" for n in sorted(notes - given)]
            gaps += [f"{rule.id}: stale note {n!r}" for n in sorted(given - notes)]
    assert not gaps, f"{lang}: {len(gaps)} gaps, e.g. {gaps[:5]}"


def test_render_fills_nested_messages_lists_and_rule_notes():
    note = msg("not-provided-elsewhere", items=[msg("ancillary.attempt"), msg("ancillary.complicity")],
               weakness=msg("weak.discretionary"))
    assert render(note, "en") == ("not provided: attempt, complicity; elsewhere discretionary (“may”) where the "
                                  "treaty expects an obligation (“shall”)")
    es = render(note, "es")
    assert "{" not in es and es != render(note, "en")
    # A third-party element without a message falls back to its own name.
    assert render(msg("element.bespoke_thing", _default="bespoke thing"), "fr") == "bespoke thing"


@pytest.fixture(scope="module")
def reports():
    path = EXAMPLES / "en" / "deficient-law" / "statute.txt"
    return {lang: tipcheck.check([path], report_lang=lang) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_language_changes_the_words_not_the_findings(reports, lang):
    en, report = reports["en"], reports[lang]
    assert report.language == lang
    assert [(r.id, r.status, r.evidence) for r in report.results] == [(r.id, r.status, r.evidence) for r in en.results]
    assert report.verdict == en.verdict
    texts = Texts(lang, load_packs(langs=()))
    rules = {r.id: r for p in load_packs(langs=()) for r in p.rules}
    for r in report.results:
        assert r.title == texts.rule(rules[r.id], "title")
        assert "{" not in r.note and "{" not in r.remediation
    if lang != "en":
        changed = [r for r, e in zip(report.results, en.results) if r.note and r.note != e.note]
        assert len(changed) >= len([r for r in en.results if r.note]) * 0.9
    data = json.loads(render_report(report, "json"))
    schema = json.loads(resources.files("tipcheck").joinpath("schemas", "report.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["language"] == lang
    terminal = render_report(report, "terminal")
    assert catalogue(lang)["report.what-to-add"] in terminal


@pytest.mark.parametrize("lang", OTHERS)
def test_report_speaks_the_statute_language_by_default(lang):
    report = tipcheck.check([EXAMPLES / lang / "model-law" / "statute.txt"])
    assert report.language == lang
    recruitment = next(r for r in report.results if r.id == "palermo.3a.act.recruitment")
    pack = next(p for p in load_packs(["palermo"], langs=()) if p.id == "palermo")
    assert recruitment.title == pack.texts(lang)["palermo.3a.act.recruitment"]["title"]
    assert tipcheck.check([EXAMPLES / lang / "model-law" / "statute.txt"], report_lang="en").language == "en"


def test_unknown_report_language_is_a_usage_error():
    from tipcheck.errors import UsageError
    with pytest.raises(UsageError) as err:
        tipcheck.check([EXAMPLES / "en" / "model-law" / "statute.txt"], report_lang="de")
    assert err.value.code == "E307"


@pytest.mark.parametrize("messages, code, line", [
    ("language: es\nrules:\n  palermo.3a.act.transfer:\n    title: Traslado\n", "E211", 3),
    ("language: pt\nrules:\n  palermo.3a.act.recruitment:\n    title: Captación\n", "E211", 1),
    ("language: es\nrules:\n  palermo.3a.act.recruitment:\n    titel: Captación\n", "E203", 4),
    ("language: es\nrules:\n  palermo.3a.act.recruitment:\n    title: [a\n", "E201", None),
    ("language: es\nrules:\n  palermo.3a.act.recruitment: !!python/object:os.system {}\n", "E202", 3),
])
def test_broken_messages_file_names_file_line_and_fix(tmp_path, messages, code, line):
    directory = make_pack(tmp_path)
    (directory / "messages").mkdir()
    (directory / "messages" / "es.yaml").write_text(messages, encoding="utf-8")
    pack = load_pack(directory, "testpack")
    with pytest.raises(RulePackError) as err:
        pack.texts("es")
    assert err.value.code == code
    assert "testpack/messages/es.yaml" in str(err.value)
    if line:
        assert err.value.line == line
    assert err.value.hint


def test_a_pack_without_translations_reports_in_english(tmp_path):
    directory = make_pack(tmp_path)
    report = tipcheck.check_text("Section 1. A person who recruits another for exploitation commits an offence.",
                                 packs=["testpack"], rules_dirs=[str(directory)], report_lang="fr")
    assert report.results[0].title == "Recruitment is an act"   # the rule file's own words
    assert report.language == "fr"

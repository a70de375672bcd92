"""The indexed matcher returns exactly what spaCy's Matcher returns for the rule syntax: on small
table-driven cases, on every rule fixture and on the labelled corpus."""

from __future__ import annotations

import pytest
import yaml
from spacy.matcher import Matcher

from tipcheck import ingest
from tipcheck.match import RuleMatcher, _unbounded
from tipcheck.nlp import get_nlp
from tipcheck.rulepack import load_packs
from tipcheck.rulepack.patterns import compile_patterns
from tipcheck.segment import segment
from tipcheck.testing import discover, parse
from tipcheck.tokenmatch import IndexedMatcher, length_limit, simple_steps

from conftest import CORPUS, ROOT

CASES = [
    ("recruit ..8 person", "He recruits a person; they recruited persons and another person."),
    ("a|the? victim", "the victim, a victim, victim, victims."),
    ("victim? of ... trafficking", "victims of human trafficking and of trafficking"),
    ("shall ..3 provide ..6 shelter|housing", "The State shall promptly provide safe shelter and housing."),
    ("=means ..2 force", "means force, meant by force, means of force"),
    ("non-punishment", "the non-punishment principle and non punishment"),
    ("child ..4 under ..2 eighteen|18", "a child under the age of 18 years or under eighteen"),
]


def _spacy(pattern: list[dict], text: str) -> set[tuple[int, int]]:
    nlp = get_nlp("en")
    matcher = Matcher(nlp.vocab)
    matcher.add("p", [_unbounded(pattern)])
    limit = length_limit(pattern)
    return {(s, e) for _, s, e in matcher(nlp(text)) if e - s <= limit}


@pytest.mark.parametrize("source, text", CASES)
def test_indexed_matcher_agrees_with_spacy(source, text):
    doc = get_nlp("en")(text)
    for pattern in compile_patterns(source, "en"):
        steps = simple_steps(pattern)
        assert steps is not None
        m = IndexedMatcher()
        m.add("p", steps, length_limit(pattern))
        got = {(s, e) for _, s, e in m([t.norm_ for t in doc], [t.lower_ for t in doc])}
        assert got == _spacy(pattern, text)
        assert got, "each case should match something"


def test_raw_patterns_with_other_attributes_go_to_spacy():
    assert simple_steps([{"IS_DIGIT": True}, {"NORM": "year"}]) is None
    assert simple_steps([{"NORM": "a", "OP": "+"}]) is None
    assert simple_steps([{"NORM": {"IN": ["a", "b"]}}, {"OP": "{0,3}"}, {"LOWER": "c", "OP": "?"}]) is not None


def _both(text: str, lang: str, packs) -> tuple[list, list]:
    seg = segment(text, lang)
    return (RuleMatcher(packs, lang).run(text, seg), RuleMatcher(packs, lang, engine="spacy").run(text, seg))


def test_same_hits_as_spacy_on_every_fixture():
    fixtures = [parse(path) for path in discover(ROOT / "rules")]
    assert fixtures
    by_lang: dict[str, list[str]] = {}
    for fx in fixtures:
        by_lang.setdefault(fx.lang or "en", []).append(fx.text)
    for lang, texts in by_lang.items():
        packs = [p for p in load_packs(langs=(lang,)) if p.speaks(lang)]
        indexed, spacy_hits = _both("\n\n".join(texts), lang, packs)
        assert indexed == spacy_hits, lang


def test_same_hits_as_spacy_on_the_corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    for meta in sorted(CORPUS.glob("*.yaml")):
        lang = (yaml.safe_load(meta.read_text(encoding="utf-8")) or {}).get("meta", {}).get("language")
        if lang not in ("en", "es", "pt", "fr"):
            continue
        packs = [p for p in load_packs(langs=(lang,)) if p.speaks(lang)]
        indexed, spacy_hits = _both(ingest.read(meta.with_suffix(".txt")).text, lang, packs)
        assert indexed == spacy_hits, meta.name

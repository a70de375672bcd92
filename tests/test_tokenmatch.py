"""The indexed matcher returns exactly what spaCy's Matcher returns for the rule syntax (each gap {0,N}
bounded on its own), on table-driven cases and on seeded random patterns and texts. (spaCy's own
Matcher expands every {0,N} gap into N states and takes minutes on one statute, which is why tipcheck
does not use it for these patterns.)"""

from __future__ import annotations

import random

import pytest
from spacy.matcher import Matcher

from tipcheck.nlp import get_nlp
from tipcheck.rulepack.patterns import compile_patterns
from tipcheck.tokenmatch import IndexedMatcher, length_limit, simple_steps


CASES = [
    ("recruit ..8 person", "He recruits a person; they recruited persons and another person."),
    ("a|the? victim", "the victim, a victim, victim, victims."),
    ("victim? of ... trafficking", "victims of human trafficking and of trafficking"),
    ("shall ..3 provide ..6 shelter|housing", "The State shall promptly provide safe shelter and housing."),
    ("=means ..2 force", "means force, meant by force, means of force"),
    ("non-punishment", "the non-punishment principle and non punishment"),
    ("child ..4 under ..2 eighteen|18", "a child who is under 18, or a child under the age of eighteen"),
    # Each gap is bounded on its own: "..2" never lends its unused length to another gap.
    ("menor ..2 de ..2 quince años", "no menor de ocho ni mayor de quince años; menor de quince años"),
]


def _spacy(pattern: list[dict], text: str) -> set[tuple[int, int]]:
    nlp = get_nlp("en")
    matcher = Matcher(nlp.vocab)
    matcher.add("p", [pattern])
    return {(s, e) for _, s, e in matcher(nlp(text))}


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


# NOT_IN steps ("reparation" not followed by "civil"), which the rule syntax writes as `!word`.
NOT_IN = [
    ([{"NORM": "reparation"}, {"NORM": {"NOT_IN": ["civil"]}}], "reparation civil, reparation of harm, reparation."),
    ([{"NORM": "in"}, {"OP": "{0,2}"}, {"NORM": {"IN": ["proceedings", "trial"]}},
      {"NORM": {"NOT_IN": [",", "civil"]}}], "in criminal proceedings civil, in the trial of, in proceedings, x"),
]


@pytest.mark.parametrize("pattern, text", NOT_IN)
def test_not_in_steps_agree_with_spacy(pattern, text):
    doc = get_nlp("en")(text)
    steps = simple_steps(pattern)
    assert steps is not None and any(step.negate for step in steps)
    m = IndexedMatcher()
    m.add("p", steps, length_limit(pattern))
    got = {(s, e) for _, s, e in m([t.norm_ for t in doc], [t.lower_ for t in doc])}
    assert got == _spacy(pattern, text) and got


def test_raw_patterns_with_other_attributes_go_to_spacy():
    assert simple_steps([{"IS_DIGIT": True}, {"NORM": "year"}]) is None
    assert simple_steps([{"NORM": "a", "OP": "+"}]) is None
    assert simple_steps([{"NORM": {"IN": ["a", "b"]}}, {"OP": "{0,3}"}, {"LOWER": "c", "OP": "?"}]) is not None


def test_random_patterns_agree_with_spacy():
    """Seeded random patterns (words, alternatives, optional words, gaps) on random token sequences:
    every (start, end) spaCy's Matcher finds, and no other."""
    rng = random.Random(20261129)
    words = ["a", "b", "c", "d"]
    nlp = get_nlp("en")
    for _ in range(400):
        pattern: list[dict] = []
        for k in range(rng.randint(1, 4)):
            if k and rng.random() < 0.35:
                pattern.append({"OP": "{0,%d}" % rng.randint(1, 3)})
            tok: dict = {"LOWER": rng.choice(words)} if rng.random() < 0.5 else \
                {"LOWER": {"IN": rng.sample(words, 2)}}
            if k and rng.random() < 0.25:
                tok["OP"] = "?"
            pattern.append(tok)
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        doc = nlp(text)
        m = IndexedMatcher()
        m.add("p", simple_steps(pattern), length_limit(pattern))
        got = {(s, e) for _, s, e in m([t.norm_ for t in doc], [t.lower_ for t in doc])}
        assert got == _spacy(pattern, text), (pattern, text)

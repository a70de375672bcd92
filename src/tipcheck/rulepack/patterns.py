"""The rule pattern syntax, compiled to spaCy Matcher token patterns.

A pattern string is a sequence of space-separated token specs:
  word      the token whose NORM (unaccented lookup lemma) equals the word's; several tokens if the
            tokenizer splits the word ("non-punishment")
  a|b|c     any of these single-token words
  =word     the exact lower-case form, no lemma ("=means" is not "=meant")
  word?     optional (also a|b? and =word?)
  ...       up to 4 tokens of anything;  ..N  up to N tokens (N <= 30): bounded, so a match stays local
A raw spaCy pattern (a list of token dicts) is accepted as it is, after validation.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern

from tipcheck.nlp import get_nlp, normalise_word

_GAP = re.compile(r"^\.\.(\d+)$")


class PatternError(ValueError):
    pass


class _Expand(Exception):
    """An alternative that the tokenizer splits ("non-repetition"): expand the pattern instead."""

    def __init__(self, spec: str, word: str):
        super().__init__(spec)
        self.spec, self.word = spec, word


def compile_patterns(pattern, lang: str) -> list[list[dict]]:
    """One pattern string may stand for several token patterns: an alternative of several tokens
    ("a|non-repetition") becomes its own pattern."""
    if isinstance(pattern, list):
        return [compile_pattern(pattern, lang)]
    try:
        return [compile_pattern(pattern, lang)]
    except _Expand as exp:
        specs = pattern.split()
        i = specs.index(exp.spec)
        multi = [w for w in exp.spec.split("|") if len(_tokens(w.lstrip("="), lang)) > 1]
        single = [w for w in exp.spec.split("|") if w not in multi]
        variants = ([" ".join(specs[:i] + ["|".join(single)] + specs[i + 1:])] if single else []) + \
            [" ".join(specs[:i] + [w] + specs[i + 1:]) for w in multi]
        out: list[list[dict]] = []
        for v in variants:
            out.extend(compile_patterns(v, lang))
        return out


def compile_pattern(pattern, lang: str) -> list[dict]:
    if isinstance(pattern, list):
        errors = validate_token_pattern(pattern)
        if errors:
            raise PatternError("; ".join(str(e) for e in errors))
        _check_attrs(pattern)
        return pattern
    tokens: list[dict] = []
    for spec in pattern.split():
        if spec == "...":
            tokens.append({"OP": "{0,4}"})
            continue
        gap = _GAP.match(spec)
        if gap:
            n = int(gap.group(1))
            if not 1 <= n <= 30:
                raise PatternError(f"gap {spec!r} must be between ..1 and ..30")
            tokens.append({"OP": "{0,%d}" % n})
            continue
        optional = spec.endswith("?") and len(spec) > 1
        if optional:
            spec = spec[:-1]
        if "|" in spec:
            words = [w for w in spec.split("|")]
            if any(not w for w in words):
                raise PatternError(f"empty alternative in {spec!r}")
            values = []
            for w in words:
                exact = w.startswith("=")
                parts = _tokens(w[1:] if exact else w, lang)
                if len(parts) != 1:
                    raise _Expand(spec, w)
                values.append(parts[0].lower() if exact else normalise_word(parts[0], lang))
            attr = "LOWER" if all(w.startswith("=") for w in words) else "NORM"
            if attr == "NORM" and any(w.startswith("=") for w in words):
                raise PatternError(f"mix of exact (=) and lemma words in {spec!r}")
            tok = {attr: {"IN": sorted(set(values))}}
            if optional:
                tok["OP"] = "?"
            tokens.append(tok)
            continue
        exact = spec.startswith("=")
        parts = _tokens(spec[1:] if exact else spec, lang)
        if not parts:
            raise PatternError(f"empty token spec {spec!r}")
        for k, part in enumerate(parts):
            tok = {"LOWER": part.lower()} if exact else {"NORM": normalise_word(part, lang)}
            if optional and len(parts) == 1:
                tok["OP"] = "?"
            tokens.append(tok)
    if not tokens or all(t.get("OP") for t in tokens):
        raise PatternError(f"pattern {pattern!r} matches nothing definite")
    if tokens[0].get("OP") == "{0,4}" or "OP" in tokens[-1] and len(tokens[-1]) == 1:
        raise PatternError(f"pattern {pattern!r} must not start or end with a gap")
    return tokens


def _tokens(word: str, lang: str) -> list[str]:
    return [t.text for t in get_nlp(lang).tokenizer(word)]


def _check_attrs(pattern: list[dict]) -> None:
    for tok in pattern:
        for key in tok:
            if key.upper() in {"LEMMA", "POS", "TAG", "DEP", "MORPH", "ENT_TYPE"}:
                raise PatternError(f"attribute {key} needs a trained pipeline; use NORM (lemma-normalised) instead")


def probe(pattern: list[dict], lang: str) -> None:
    """Add the pattern to a throwaway Matcher so that spaCy's own checks run now, not at match time."""
    matcher = Matcher(get_nlp(lang).vocab, validate=True)
    try:
        matcher.add("probe", [pattern])
    except Exception as exc:  # spaCy raises several types for bad patterns
        raise PatternError(str(exc).splitlines()[0]) from None

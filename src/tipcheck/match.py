"""Compile rule patterns once per (packs, language) and find hits provision by provision.

Each provision is its own spaCy Doc: long codes never reach nlp.max_length, and a match cannot run
from one provision into the next.
"""

from __future__ import annotations

import itertools
import json
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.matcher import Matcher

from tipcheck import cache
from tipcheck import lang as langs
from tipcheck.models import Hit, Segmentation
from tipcheck.nlp import get_nlp, token_norms, use_vocabulary
from tipcheck.rulepack import Pack
from tipcheck.rulepack.patterns import compile_patterns
from tipcheck.tokenmatch import IndexedMatcher, length_limit, simple_steps

VOCAB_PREFIX = "@"


@lru_cache(maxsize=None)
def _vocab_patterns(lang: str) -> tuple[tuple[str, tuple], ...]:
    """The language table's word classes, compiled (from the on-disk cache when compiled before)."""
    vocab = langs.table(lang).get("vocab", {})
    digest = cache.key("vocab", lang, json.dumps(vocab, sort_keys=True, ensure_ascii=False))
    compiled = cache.load("vocab", digest)
    if not isinstance(compiled, tuple):
        compiled = tuple((name, tuple(t for p in patterns for t in compile_patterns(p, lang)))
                         for name, patterns in sorted(vocab.items()))
        cache.store("vocab", digest, compiled)
    return compiled


class RuleMatcher:
    """All patterns of the packs and the language's vocabulary: the rule syntax goes to the indexed
    matcher, raw spaCy patterns with other attributes or operators to spaCy's Matcher."""

    def __init__(self, packs: list[Pack], lang: str):
        self.lang = lang
        self.nlp = get_nlp(lang)
        # The indexed matcher compares hash ids, as spaCy stores NORM and LOWER.
        self.indexed = IndexedMatcher(encode=self.nlp.vocab.strings.add)
        self.matcher: Matcher | None = None
        self.keys: dict[int, tuple[str, str, str, int]] = {}
        # The NORM values patterns compare with (None: a raw pattern compares otherwise, so tokens
        # need the whole lemma table).
        self.norm_values: set[str] | None = set()
        for pack in packs:
            for rule in pack.rules:
                for element, plist in rule.patterns.get(lang, {}).items():
                    self._add(rule.id, element, "positive", plist)
                for k, (_note, pmap, _when) in enumerate(rule.partial):
                    self._add(rule.id, f"partial{k}", "partial", pmap.get(lang, []))
                for k, (_why, pmap) in enumerate(rule.exclude):
                    self._add(rule.id, f"exclude{k}", "exclude", pmap.get(lang, []))
        for name, plist in _vocab_patterns(lang):
            self._add(VOCAB_PREFIX + name, "main", "vocab", list(plist))
        if self.norm_values is not None:
            use_vocabulary(lang, self.norm_values)

    def _add(self, rule: str, element: str, kind: str, patterns: list) -> None:
        for i, pattern in enumerate(patterns):
            limit = length_limit(pattern)
            meta = (rule, element, kind, limit)
            self._note_norms(pattern)
            steps = simple_steps(pattern)
            if steps is not None:
                self.indexed.add(meta, steps, limit)
                continue
            if self.matcher is None:
                self.matcher = Matcher(self.nlp.vocab)
            key = f"{rule}\t{element}\t{kind}\t{i}"
            self.matcher.add(key, [pattern])
            self.keys[self.nlp.vocab.strings[key]] = meta

    def _note_norms(self, pattern: list[dict]) -> None:
        for tok in pattern:
            value = tok.get("NORM")
            if value is None or self.norm_values is None:
                continue
            if isinstance(value, str):
                self.norm_values.add(value)
            elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
                # NOT_IN values count too: a token's NORM is then right whenever it is one of them.
                for values in value.values():
                    self.norm_values.update(values)
            else:
                self.norm_values = None

    def run(self, text: str, seg: Segmentation) -> list[Hit]:
        provisions = [p for p in seg.provisions if p.end > p.start]
        headings = sorted(seg.headings)
        heading_starts = [a for a, _ in headings]
        pieces = ((p, t, a, own) for p in provisions
                  for t, a, own in _pieces(_matchable(text, p.start, p.end, headings, heading_starts), p.start))
        meta, texts = itertools.tee(pieces)
        # The tokenizer alone: NORM is set on lexemes (token_norms), and the indexed matcher reads
        # columns of hash ids, so no Token object is made for the millions of tokens of a code.
        docs = self.nlp.tokenizer.pipe((t for _p, t, _a, _own in texts), batch_size=64)
        hits: list[Hit] = []
        raw: list[Hit] = []
        current = None
        for (prov, _text, offset, own), doc in zip(meta, docs):
            if prov is not current:
                hits.extend(_ordered(raw))
                raw, current = [], prov
            if not len(doc):
                continue
            norms = token_norms(doc, self.lang).tolist()
            lowers, starts, lengths = doc.to_array([LOWER, IDX, LENGTH]).T.tolist()
            found = self.indexed(norms, lowers)
            if self.matcher is not None:
                found += [(self.keys[m], s, e) for m, s, e in self.matcher(doc)]
            for (rule, element, kind, limit), s, e in found:
                if e - s > limit or offset + starts[s] >= own:
                    continue        # too long, or begins in the overlap: the next piece finds it whole
                raw.append(Hit(rule, element, offset + starts[s], offset + starts[e - 1] + lengths[e - 1], prov.index, kind))
        hits.extend(_ordered(raw))
        return hits


def _ordered(raw: list[Hit]) -> list[Hit]:
    """One provision's hits, resolved, without duplicates, in text order. Provisions follow each other
    in the text and a hit never leaves its provision, so the whole list is in order too, without a
    global sort (whose keys and set took more memory than the hits on a code of 200 MB)."""
    return sorted(set(_resolve(raw)), key=lambda h: (h.start, h.end, h.rule, h.element, h.kind))


# spaCy is given at most this many characters at once: a provision of several MB (a statute saved as
# one line) would exceed nlp.max_length, and one Doc of 5 MB takes hundreds of MB. Longer provisions
# are cut at whitespace into pieces that overlap by _OVERLAP characters; a piece keeps the matches that
# begin before the next piece does, so a match across a cut is still found whole (any match shorter
# than _OVERLAP characters: patterns span a few dozen tokens at most).
PIECE = 200_000
_OVERLAP = 5_000


def _pieces(chunk: str, offset: int):
    """(text, start offset, end offset of what this piece owns) for a provision's matchable text."""
    if len(chunk) <= PIECE:
        yield chunk, offset, offset + len(chunk)
        return
    a = 0
    while a < len(chunk):
        b = min(len(chunk), a + PIECE)
        if b < len(chunk):
            cut = chunk.rfind(" ", a + PIECE // 2, b)     # cut at a space: tokens are the same either side
            b = cut + 1 if cut != -1 else b
        yield chunk[a:min(len(chunk), b + _OVERLAP)], offset + a, offset + b
        a = b


def _matchable(text: str, start: int, end: int, headings, heading_starts: list[int]) -> str:
    """The provision's text as patterns see it, with the same length so offsets still hold: headings
    blanked (a title is not law, and a match must not run from a title into the text) and line breaks
    made spaces (hard-wrapped lines read as one paragraph). Headings are sorted lines, so only those
    beginning before the provision's end, back to the last one beginning before its start, can touch it."""
    chunk = text[start:end]
    first = max(0, bisect_right(heading_starts, start) - 1)
    last = bisect_left(heading_starts, end)
    blanks = [(max(a, start), min(b, end)) for a, b in headings[first:last] if a < end and b > start]
    if blanks:
        parts, pos = [], start
        for a, b in sorted(blanks):
            if a > pos:
                parts.append(text[pos:a])
            if b > max(a, pos):
                parts.append(" " * (b - max(a, pos)))
            pos = max(pos, b)
        parts.append(text[pos:end])
        chunk = "".join(parts)
    return chunk.replace("\n", " ")


def _resolve(raw: list[Hit]) -> list[Hit]:
    """Drop hits cancelled by an exclusion of the same rule; keep the longest of overlapping hits."""
    # Exclusions by rule, sorted by start: a hit looks only at those that can reach it (a provision of
    # a one-line statute has thousands of each, and comparing every pair took minutes).
    excluded: dict[str, tuple[list[int], list[Hit], int]] = {}
    for x in sorted((h for h in raw if h.kind == "exclude"), key=lambda h: h.start):
        starts, hits, longest = excluded.get(x.rule, ([], [], 0))
        starts.append(x.start)
        hits.append(x)
        excluded[x.rule] = (starts, hits, max(longest, x.end - x.start))

    def cancelled(h: Hit) -> bool:
        entry = excluded.get(h.rule)
        if entry is None:
            return False
        starts, hits, longest = entry
        lo, hi = bisect_left(starts, h.start - longest), bisect_left(starts, h.end)
        return any(h.start < x.end for x in hits[lo:hi])
    kept = [h for h in raw if h.kind != "exclude" and not cancelled(h)]
    kept.sort(key=lambda h: (h.rule, h.element, h.kind, h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in kept:
        last = out[-1] if out else None
        if last and (last.rule, last.element, last.kind) == (h.rule, h.element, h.kind) and h.start < last.end:
            continue
        out.append(h)
    return out

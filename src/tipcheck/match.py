"""Compile rule patterns once per (packs, language) and find hits provision by provision.

Each provision is its own spaCy Doc: long codes never reach nlp.max_length, and a match cannot run
from one provision into the next.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher

from tipcheck import lang as langs
from tipcheck.models import Hit, Segmentation
from tipcheck.nlp import get_nlp
from tipcheck.rulepack import Pack
from tipcheck.rulepack.patterns import compile_pattern

VOCAB_PREFIX = "@"


@lru_cache(maxsize=None)
def _vocab_patterns(lang: str) -> tuple[tuple[str, tuple], ...]:
    out = []
    for name, patterns in sorted(langs.table(lang).get("vocab", {}).items()):
        out.append((name, tuple(compile_pattern(p, lang) for p in patterns)))
    return tuple(out)


class RuleMatcher:
    def __init__(self, packs: list[Pack], lang: str):
        self.lang = lang
        self.nlp = get_nlp(lang)
        self.matcher = Matcher(self.nlp.vocab)
        self.keys: dict[int, tuple[str, str, str]] = {}
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

    def _add(self, rule: str, element: str, kind: str, patterns: list) -> None:
        if not patterns:
            return
        key = f"{rule}\t{element}\t{kind}"
        self.matcher.add(key, patterns)
        self.keys[self.nlp.vocab.strings[key]] = (rule, element, kind)

    def run(self, text: str, seg: Segmentation) -> list[Hit]:
        provisions = [p for p in seg.provisions if p.end > p.start]
        docs = self.nlp.pipe((text[p.start:p.end] for p in provisions), batch_size=64)
        hits: list[Hit] = []
        for prov, doc in zip(provisions, docs):
            raw = []
            for match_id, s, e in self.matcher(doc):
                rule, element, kind = self.keys[match_id]
                span = doc[s:e]
                raw.append(Hit(rule, element, prov.start + span.start_char, prov.start + span.end_char,
                               prov.index, kind))
            hits.extend(_resolve(raw))
        return sorted(hits, key=lambda h: (h.start, h.end, h.rule, h.element, h.kind))


def _resolve(raw: list[Hit]) -> list[Hit]:
    """Drop hits cancelled by an exclusion of the same rule; keep the longest of overlapping hits."""
    excluded = [h for h in raw if h.kind == "exclude"]
    kept = [h for h in raw if h.kind != "exclude" and not any(
        x.rule == h.rule and x.start < h.end and h.start < x.end for x in excluded)]
    kept.sort(key=lambda h: (h.rule, h.element, h.kind, h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in kept:
        last = out[-1] if out else None
        if last and (last.rule, last.element, last.kind) == (h.rule, h.element, h.kind) and h.start < last.end:
            continue
        out.append(h)
    return out

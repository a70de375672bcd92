"""The library entry point: `check()` reads statutes, runs the rule packs and returns one Report."""

from __future__ import annotations

import os
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from tipcheck import __version__, catalogue, ingest
from tipcheck import lang as langs
from tipcheck.assess import analyse, verdict
from tipcheck.assess.common import Finding
from tipcheck.errors import UsageError
from tipcheck.i18n import Texts, msg
from tipcheck.models import STATUS_RANK, DocumentInfo, Evidence, PackInfo, Report, Result, Segmentation, SourceDoc
from tipcheck.rulepack import Pack, load_packs
from tipcheck.segment import segment

__all__ = ["check", "check_text", "load_packs"]


def check(paths: Sequence[str | os.PathLike[str]], *, packs: Sequence[str] | None = None,
          rules_dirs: Sequence[str] | None = None, lang: str = "auto", report_lang: str | None = None,
          max_bytes: int | None = None) -> Report:
    """Analyse one statute (or several forming one jurisdiction's law) and return the report record.
    `lang` is the statutes' language (auto: detected per document); `report_lang` the language the
    report speaks (default: the first document's); `max_bytes` the largest file read (default
    `ingest.MAX_BYTES`; 0: no limit)."""
    docs = [ingest.read(p, max_bytes) for p in paths]
    return check_docs(docs, packs=packs, rules_dirs=rules_dirs, lang=lang, report_lang=report_lang)


def check_text(text: str, *, name: str = "<text>", packs: Sequence[str] | None = None,
               rules_dirs: Sequence[str] | None = None, lang: str = "auto", report_lang: str | None = None) -> Report:
    return check_docs([ingest.from_text(text, name)], packs=packs, rules_dirs=rules_dirs, lang=lang,
                      report_lang=report_lang)


def resolve_language(lang: str, text: str | None = None, path: str | None = None) -> str:
    if lang in ("auto", "", None):
        if text is None:
            return langs.SUPPORTED[0]
        from tipcheck.detect import detect
        return detect(text, path)
    if lang not in langs.SUPPORTED:
        raise UsageError("E301", f"unsupported language {lang!r}",
                         hint=f"choose auto or one of: {', '.join(langs.SUPPORTED)}")
    return lang


_MATCHERS: dict = {}
MODEL_PACK = "palermo"


def _matcher(model: list[Pack], language: str):
    from tipcheck.match import RuleMatcher

    key = (tuple((p.id, p.version, p.path, id(p)) for p in model), language)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) > 4:
            _MATCHERS.clear()
        matcher = _MATCHERS[key] = RuleMatcher(model, language)
    return matcher


def check_languages(lang: str | None, report_lang: str | None) -> None:
    """Reject an unknown --lang or --report-lang before anything is read."""
    if lang not in ("auto", "", None):
        resolve_language(lang)
    if report_lang not in (None, "", "auto") and report_lang not in langs.SUPPORTED:
        raise UsageError("E307", f"unsupported report language {report_lang!r}",
                         hint=f"choose auto or one of: {', '.join(langs.SUPPORTED)}")


@dataclass
class _Analysed:
    """One document of a check: what was read and found, and the tables its evidence is located with."""

    doc: SourceDoc
    seg: Segmentation
    findings: dict
    rules: list
    language: str
    offence: bool                  # it creates a trafficking offence itself
    hits: list | None              # kept only where a bundle may judge the document again

    @cached_property
    def line_starts(self) -> array:
        """Offsets where lines begin, as machine integers (a code of millions of lines)."""
        starts = array("q", [0])
        pos = self.doc.text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = self.doc.text.find("\n", pos + 1)
        return starts

    @cached_property
    def provision_starts(self) -> list[int]:
        return [p.start for p in self.seg.provisions]


def check_docs(docs: list[SourceDoc], *, packs=None, rules_dirs=None, lang: str = "auto",
               report_lang: str | None = None) -> Report:
    check_languages(lang, report_lang)
    analysed: list[_Analysed] = []
    infos = []
    reported: dict[str, Pack] = {}
    for doc in docs:
        language = resolve_language(lang, doc.text, doc.path)
        loaded = load_packs(list(packs) if packs else None, list(rules_dirs or []), langs=(language,))
        selected = [p for p in loaded if p.speaks(language)]
        if not selected:
            raise UsageError("E303", f"no selected rule pack has rules in {language!r}", path=doc.path,
                             hint="choose other packs with --pack, or another language with --lang")
        for p in selected:
            reported.setdefault(p.id, p)
        # The offence model (acts, means, purposes) is read with the core pack whatever is reported,
        # so that `--pack untoc` judges penalties against the same offence as a full run.
        model = list(selected)
        if MODEL_PACK not in {p.id for p in selected}:
            model += [p for p in load_packs([MODEL_PACK], langs=(language,)) if p.speaks(language)]
        model_rules = [r for p in model for r in p.rules]
        seg = segment(doc.text, language)
        hits = _matcher(model, language).run(doc.text, seg)
        findings, ctx = analyse(doc.text, seg, hits, model_rules, langs.table(language), language)
        # Hits are the largest thing in memory on a huge code: kept only for a bundle's second look.
        analysed.append(_Analysed(doc, seg, findings, model_rules, language,
                                  any(u.kind == "offence" for u in ctx.units), hits if len(docs) > 1 else None))
        infos.append(DocumentInfo(doc.path, doc.sha256, language, doc.format, len(seg.provisions), doc.encoding,
                                  ctx.concerns_trafficking))
        ctx = hits = None
    # A bundle is one law: a penal code's general part (attempt, complicity, legal persons) counts for
    # the trafficking offence of the law beside it, though the code itself never names trafficking.
    concerns = any(i.concerns_trafficking for i in infos)
    offence = any(a.offence for a in analysed)
    for a, info in zip(analysed, infos):
        if (concerns and not info.concerns_trafficking) or (offence and not a.offence):
            a.findings = analyse(a.doc.text, a.seg, a.hits, a.rules, langs.table(a.language), a.language,
                                 concerns=concerns, bundle_offence=offence)[0]
    for a in analysed:
        for r in a.rules:
            if r.id in a.findings and _unassessed(r, a.language):
                a.findings[r.id] = Finding("missing", note=msg("not-assessed", language=msg(f"language.{a.language}")))
    packs_used = sorted(reported.values(), key=lambda p: p.id)
    rules = catalogue.ordered_rules(packs_used)
    speaks = report_lang if report_lang not in (None, "", "auto") else infos[0].language
    texts = Texts(speaks, packs_used)
    results = tuple(_merge(rule, [a for a in analysed if rule.id in a.findings], texts) for rule in rules)
    statuses = {r.id: r.status for r in results}
    return Report(__version__, tuple(PackInfo(p.id, p.version) for p in packs_used), tuple(infos), results,
                  verdict(statuses), speaks)


def _unassessed(rule, language: str) -> bool:
    from tipcheck.rulepack.loader import PATTERN_KINDS
    return rule.assess in PATTERN_KINDS and not rule.patterns.get(language, {}).get("main")


def _merge(rule, analysed: list[_Analysed], texts: Texts) -> Result:
    """A bundle is judged as one law: the best finding over its documents wins."""
    best = None
    for a in analysed:
        if best is None or STATUS_RANK[a.findings[rule.id].status] > STATUS_RANK[best.findings[rule.id].status]:
            best = a
    f = best.findings[rule.id]
    evidence = tuple(_evidence(best, start, end) for start, end in f.spans)
    remediation = "" if f.status == "met" else texts.rule(rule, "remediation")
    return Result(rule.id, f.status, rule.strength, rule.category, rule.source, texts.rule(rule, "title"), evidence,
                  texts(f.note), remediation)


def _evidence(a: _Analysed, start: int, end: int) -> Evidence:
    doc = a.doc
    line = bisect_right(a.line_starts, start)
    column = start - a.line_starts[line - 1] + 1
    # A PDF's evidence names its page: the last page that starts at or before the quote.
    page = (bisect_right(doc.pages, start) or None) if doc.pages else None
    return Evidence(doc.path, _provision_at(a, start).label, line, column, start, end, doc.text[start:end], page)


def _provision_at(a: _Analysed, offset: int):
    """The last provision whose own text holds the offset (an empty one holds its first character).
    Provisions are in text order and each ends where the next begins, so it is the last to begin at
    or before the offset, or one beginning at the same place; else the first provision."""
    provisions, starts = a.seg.provisions, a.provision_starts
    i = bisect_right(starts, offset) - 1
    j = i
    while j >= 0 and starts[j] == starts[i]:
        p = provisions[j]
        if p.start <= offset < max(p.end, p.start + 1):
            return p
        j -= 1
    return provisions[0]

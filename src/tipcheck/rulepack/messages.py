"""A pack's rule texts in other languages: `messages/<lang>.yaml` beside the rule files, holding the
title, description, partial_when and remediation of each rule and its partial notes (keyed by the
English note, gettext-style, so an edited English note shows up as untranslated, not as a stale
translation). English lives in the rule files themselves."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tipcheck.errors import RulePackError
from tipcheck import cache
from tipcheck.rulepack import yamlsource

FIELDS = ("title", "description", "partial_when", "remediation")


@lru_cache(maxsize=None)
def load(directory: str, display: str, lang: str, rule_ids: frozenset[str]) -> dict[str, dict]:
    """rule id -> {field: text, "notes": {english: translation}}; empty when the pack has no file for
    `lang`. A file that names rules the pack does not have, or another language, is an error."""
    path = Path(directory) / "messages" / f"{lang}.yaml"
    if lang == "en" or not path.is_file():
        return {}
    shown = f"{display}/messages/{lang}.yaml"
    text = path.read_text(encoding="utf-8")
    digest = cache.key("messages", shown, text, "\n".join(sorted(rule_ids)))
    cached = cache.load("messages", digest)
    if isinstance(cached, dict):
        return cached
    rules = _validated(text, shown, lang, rule_ids)
    cache.store("messages", digest, rules)
    return rules


def _validated(text: str, shown: str, lang: str, rule_ids: frozenset[str]) -> dict[str, dict]:
    from tipcheck.rulepack.loader import _validate   # one schema validator for every pack file

    doc = yamlsource.load(text, shown)
    if doc.data is None:
        raise RulePackError("E204", "empty messages file", path=shown, hint="add `language:` and `rules:`")
    _validate(doc, "pack-messages.schema.json", shown)
    if doc.data["language"] != lang:
        raise RulePackError("E211", f"messages file declares language {doc.data['language']!r}",
                            path=shown, line=doc.line(("language",)),
                            hint=f"a file named {lang}.yaml holds the {lang} texts; fix `language:` or rename it")
    for rid in doc.data["rules"]:
        if rid not in rule_ids:
            raise RulePackError("E211", f"messages for rule {rid!r}, which the pack does not define",
                                path=shown, line=doc.line(("rules", rid)),
                                hint="remove the entry or correct the rule id")
    return doc.data["rules"]

"""Report text in the four languages: message catalogues (one YAML file per language, keyed by message
id) for what the code says, and per-pack message files for what the rules say.

Assessments never build sentences: they return `Msg` records (an id and its arguments), and the report
renders them in the report language at the end, so one analysis can be reported in any language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when PyYAML has it

LANGUAGES = ("en", "es", "pt", "fr")
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Msg:
    """A message id with its arguments; arguments may be text, numbers, other messages or lists of them."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    def __bool__(self) -> bool:
        return True


def msg(key: str, **args: Any) -> Msg:
    return Msg(key, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in args.items())))


@dataclass(frozen=True)
class RuleText:
    """A note written in a rule file (English); its translations are in the pack's message files."""

    text: str

    def __bool__(self) -> bool:
        return bool(self.text)


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    path = resources.files("tipcheck.i18n").joinpath(f"{lang}.yaml")
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE) or {}


def text(key: str, lang: str, **args: Any) -> str:
    """One catalogue message in `lang` (English when the language lacks it)."""
    return render(msg(key, **args), lang)


def render(value: Any, lang: str, rule_notes: dict[str, str] | None = None) -> str:
    if isinstance(value, Msg):
        args = {k: render(v, lang, rule_notes) for k, v in value.args}
        # `_default` names what a third-party pack brings without a message (its own element names).
        template = catalogue(lang).get(value.key) or catalogue("en").get(value.key) or args.get("_default")
        if template is None:
            raise KeyError(f"no message {value.key!r} in the English catalogue")
        return _FIELD.sub(lambda m: args.get(m.group(1), m.group(0)), template)
    if isinstance(value, RuleText):
        return (rule_notes or {}).get(value.text, value.text)
    if isinstance(value, tuple):
        return catalogue(lang).get("list.separator", ", ").join(render(v, lang, rule_notes) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def placeholders(template: str) -> set[str]:
    return set(_FIELD.findall(template))


class Texts:
    """What a report says, in one language: catalogue messages and the rules' own texts (titles,
    remediation, partial notes) from the packs' message files, English where a pack has none."""

    def __init__(self, lang: str, packs=()):
        self.lang = lang
        self._rules: dict[str, dict] = {}
        self._notes: dict[str, str] = {}
        for pack in packs:
            for rid, entry in pack.texts(lang).items():
                self._rules[rid] = entry
                self._notes.update(entry.get("notes") or {})

    def rule(self, rule, name: str) -> str:
        return self._rules.get(rule.id, {}).get(name) or getattr(rule, name)

    def __call__(self, value: Any) -> str:
        return render(value, self.lang, self._notes)

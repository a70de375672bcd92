"""Per-language tables (numbering, definitions, legal vocabulary), one YAML file per language."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

SUPPORTED = ("en",)


@lru_cache(maxsize=None)
def table(lang: str) -> dict:
    if lang not in SUPPORTED:
        from tipcheck.errors import UsageError
        raise UsageError("E301", f"unsupported language {lang!r}",
                         hint=f"choose one of: {', '.join(SUPPORTED)}")
    raw = resources.files(__package__).joinpath(f"{lang}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(raw)


@lru_cache(maxsize=None)
def regex(lang: str, key: str) -> re.Pattern[str]:
    """A regular expression from the table (a string or a list joined as alternatives)."""
    value = table(lang)["regex"][key]
    if isinstance(value, list):
        value = "|".join(f"(?:{v})" for v in value)
    return re.compile(value, re.IGNORECASE | re.MULTILINE)

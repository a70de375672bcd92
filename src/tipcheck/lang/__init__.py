"""Per-language tables (numbering, definitions, legal vocabulary), one YAML file per language."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when PyYAML has it

SUPPORTED = ("en", "es", "pt", "fr")


@lru_cache(maxsize=None)
def table(lang: str) -> dict:
    if lang not in SUPPORTED:
        from tipcheck.errors import UsageError
        raise UsageError("E301", f"unsupported language {lang!r}",
                         hint=f"choose one of: {', '.join(SUPPORTED)}")
    raw = resources.files(__package__).joinpath(f"{lang}.yaml").read_text(encoding="utf-8")
    return yaml.load(raw, Loader=SAFE)

"""The requirement catalogue shipped with tipcheck: ids, instruments, strengths, categories, order."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when PyYAML has it


@lru_cache(maxsize=None)
def entries() -> tuple[dict, ...]:
    text = resources.files("tipcheck").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return tuple(yaml.load(text, Loader=SAFE)["requirements"])


@lru_cache(maxsize=None)
def by_id() -> dict[str, dict]:
    return {e["id"]: e for e in entries()}


def order(rid: str) -> int:
    return list(by_id()).index(rid)


def ordered_rules(packs) -> list:
    """The rules of these packs, each id once, in catalogue order (the order of every report)."""
    return sorted({r.id: r for p in packs for r in p.rules}.values(), key=lambda r: order(r.id))


def core_ids() -> list[str]:
    return [e["id"] for e in entries() if e.get("core")]

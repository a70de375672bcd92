"""A small on-disk cache for what is expensive to build and cheap to keep: compiled rule packs and the
lemma entries the rules can use. Values are plain data written with marshal (no code runs when they
are read back), keyed by a hash of everything they are built from, written atomically. A cache that
cannot be read or written is simply not used: correctness never depends on it.

Where: $TIPCHECK_CACHE_DIR, else $XDG_CACHE_HOME/tipcheck, else ~/.cache/tipcheck. TIPCHECK_NO_CACHE=1
turns it off."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from tipcheck import __version__


def directory() -> Path | None:
    if os.environ.get("TIPCHECK_NO_CACHE"):
        return None
    if os.environ.get("TIPCHECK_CACHE_DIR"):
        return Path(os.environ["TIPCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tipcheck"


# The code that turns rule text into compiled patterns: a change to it must not meet stale entries.
_COMPILERS = ("nlp.py", "rulepack/patterns.py", "rulepack/loader.py")


@lru_cache(maxsize=None)
def _environment() -> str:
    """What every cached value also depends on: our version and compiling code, spaCy's version
    (tokenizer) and its lookup data."""
    from importlib.metadata import PackageNotFoundError, version

    here = Path(__file__).resolve().parent
    code = hashlib.sha256(b"".join((here / name).read_bytes() for name in _COMPILERS)).hexdigest()[:16]
    parts = [__version__, code, sys.version.split()[0]]
    for dist in ("spacy", "spacy-lookups-data"):
        try:
            parts.append(version(dist))
        except PackageNotFoundError:
            parts.append("-")
    return "|".join(parts)


def key(*parts: str | bytes) -> str:
    h = hashlib.sha256(_environment().encode())
    for part in parts:
        h.update(b"\0")
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
    return h.hexdigest()[:32]


def load(kind: str, digest: str):
    base = directory()
    if base is None:
        return None
    try:
        with open(base / kind / f"{digest}.marshal", "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def store(kind: str, digest: str, value) -> None:
    base = directory()
    if base is None:
        return
    try:
        folder = base / kind
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(value, fh)
            os.replace(tmp, folder / f"{digest}.marshal")
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass

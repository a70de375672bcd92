"""Read a statute file into the text the pipeline analyses, whatever format it comes in.

The readers live in `tipcheck.readers` (one per format: txt, md, pdf, docx, html, Akoma Ntoso XML);
this module keeps the entry points the rest of tipcheck uses.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc
from tipcheck.readers import SUFFIXES, read_bytes
from tipcheck.readers.text import decode

# Formats whose raw bytes are text: a batch can screen them before any reader runs.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".akn")

__all__ = ["SUFFIXES", "TEXT_SUFFIXES", "decode", "from_bytes", "from_text", "read", "read_raw"]


# Larger than any statute or consolidated code (a whole penal code is a few MB): beyond it, a file is
# refused before it is read, unless the caller raises the limit (`--max-size`, `max_bytes=`; 0: none).
MAX_BYTES = 64_000_000


def read(path: str | os.PathLike[str], max_bytes: int | None = None) -> SourceDoc:
    return from_bytes(read_raw(path, max_bytes), str(path))


def read_raw(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """A statute file's bytes, with the errors every caller gives (a batch hashes them before reading)."""
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise InputError("E101", "no such file", path=shown)
    if p.is_dir():
        raise InputError("E102", "is a directory, expected a statute file", path=shown,
                         hint="pass the files inside it")
    _check_size(p, shown, max_bytes)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError("E103", f"cannot read file ({exc.strerror or exc})", path=shown) from None


def _check_size(p: Path, shown: str, max_bytes: int | None) -> None:
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError("E103", f"cannot read file ({exc.strerror or exc})", path=shown) from None
    if limit and size > limit:
        raise InputError("E113", f"file too large ({_amount(size)}; the limit is {_amount(limit)})", path=shown,
                         hint="split it, or raise the limit with --max-size MB (0: no limit)")


def _amount(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 10_000_000 else f"{size:,} bytes"


def from_bytes(data: bytes, path: str = "<input>") -> SourceDoc:
    """Read the bytes of a statute; `path` names it in errors and picks the reader by its suffix."""
    return read_bytes(data, path)


def from_text(text: str, path: str = "<text>") -> SourceDoc:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E104", "empty text, nothing to analyse", path=path)
    return SourceDoc(path=path, text=text, encoding="utf-8", format="txt",
                     sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

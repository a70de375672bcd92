"""Read a statute file into decoded text, detecting the encodings statutes come in.

Order of trust: a byte-order mark; UTF-16 without BOM (recognised by its NUL pattern); strict UTF-8;
then cp1252, which is a superset of latin-1 for every printable character (latin-1 is the last resort
for the five bytes cp1252 leaves undefined).
"""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc

# The file suffixes tipcheck reads (what a folder given to `--bundle` or `batch` contributes).
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".xhtml", ".xml", ".akn")
# Formats whose raw bytes are text: a batch can screen them before any reader runs.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".akn")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of binary formats people mistake for statutes, with what to tell them.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/DOCX"),
    (b"\xd0\xcf\x11\xe0", "legacy Office (DOC)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip archive"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).lstrip("\ufeff"), name.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise InputError("E105", f"not valid {name} text despite its byte-order mark ({exc.reason})") from None
    guess = _utf16_without_bom(data)
    if guess:
        try:
            return data.decode(guess), guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError("E105", "binary file (contains NUL bytes), not a text statute",
                         hint="convert the document to plain text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of Latin script in UTF-16 has NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.05


def read(path: str | os.PathLike[str]) -> SourceDoc:
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise InputError("E101", "no such file", path=shown)
    if p.is_dir():
        raise InputError("E102", "is a directory, expected a statute file", path=shown,
                         hint="pass the files inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError("E103", f"cannot read file ({exc.strerror or exc})", path=shown) from None
    return from_bytes(data, shown)


def from_bytes(data: bytes, path: str = "<input>") -> SourceDoc:
    if not data:
        raise InputError("E104", "empty file, nothing to analyse", path=path)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError("E106", f"{kind} input is not supported yet", path=path,
                             hint="save the statute as plain text (.txt) and analyse that")
    try:
        text, encoding = decode(data)
    except InputError as exc:
        raise InputError(exc.code, exc.message, path=path, hint=exc.hint) from None
    if _looks_binary(text):
        raise InputError("E105", "binary file (control characters), not a text statute", path=path,
                         hint="convert the document to plain text")
    # Line endings are normalised so that offsets, lines and columns agree on every platform.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E104", "file holds only whitespace, nothing to analyse", path=path)
    return SourceDoc(path=path, text=text, encoding=encoding, format="txt",
                     sha256=hashlib.sha256(data).hexdigest())


def from_text(text: str, path: str = "<text>") -> SourceDoc:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E104", "empty text, nothing to analyse", path=path)
    return SourceDoc(path=path, text=text, encoding="utf-8", format="txt",
                     sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

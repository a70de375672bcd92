"""Plain text: decode the encodings statutes come in.

Order of trust: a byte-order mark; UTF-16 without BOM (recognised by its NUL pattern); strict UTF-8;
then cp1252, which is a superset of latin-1 for every printable character (latin-1 is the last resort
for the five bytes cp1252 leaves undefined).
"""

from __future__ import annotations

import codecs

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc
from tipcheck.readers.base import finish

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
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


def looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.05


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decoded text of a text-based format (txt, md), refusing binary data with E105."""
    try:
        text, encoding = decode(data)
    except InputError as exc:
        raise InputError(exc.code, exc.message, path=path, hint=exc.hint) from None
    if looks_binary(text):
        raise InputError("E105", "binary file (control characters), not a text statute", path=path,
                         hint="convert the document to plain text")
    return text, encoding


def read(data: bytes, path: str) -> SourceDoc:
    text, encoding = decode_text(data, path)
    if not text.strip():
        raise InputError("E104", "file holds only whitespace, nothing to analyse", path=path)
    return finish(data, path, text, "txt", encoding=encoding)

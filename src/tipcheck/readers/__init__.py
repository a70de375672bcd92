"""One reader per format a statute arrives in; `read_bytes` picks the reader.

Dispatch: the magic number first (a PDF named .txt is still a PDF), then the file suffix, then the
content (`<akomaNtoso`, `<html`, `---` front matter). Each reader returns a SourceDoc whose `text` is
what the pipeline analyses; evidence offsets point into that text. Libraries are imported by the
reader that needs them, so reading a plain-text statute costs none of them.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc

# The file suffixes tipcheck reads (`--bundle DIR` and `tipcheck batch DIR` pick files by them).
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".xhtml", ".xml", ".akn")
_BY_SUFFIX = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf", ".docx": "docx",
              ".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "akn", ".akn": "akn"}
# Binary formats people mistake for statutes, with what to tell them.
_UNSUPPORTED = (
    (b"\xd0\xcf\x11\xe0", "legacy Office (DOC)", "save it as .docx or plain text"),
    (b"\x89PNG", "PNG image", "run OCR (e.g. ocrmypdf) and analyse the text"),
    (b"\xff\xd8\xff", "JPEG image", "run OCR (e.g. ocrmypdf) and analyse the text"),
    (b"\x7fELF", "executable", "pass the statute file"),
    (b"\x1f\x8b", "gzip archive", "extract the statute first"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_FIELD = re.compile(r"^[A-Za-z_][\w-]*$")


def read_bytes(data: bytes, path: str = "<input>") -> SourceDoc:
    if not data:
        raise InputError("E104", "empty file, nothing to analyse", path=path)
    kind = _by_magic(data, path) or _BY_SUFFIX.get(PurePath(path).suffix.lower()) or _sniff(data)
    if kind == "pdf":
        from tipcheck.readers import pdf as reader
    elif kind == "docx":
        from tipcheck.readers import docx as reader
    elif kind == "html":
        from tipcheck.readers import html as reader
    elif kind == "md":
        from tipcheck.readers import markdown as reader
    elif kind == "akn":
        from tipcheck.readers import akoma as reader
    else:
        from tipcheck.readers import text as reader
    return reader.read(data, path)


def _by_magic(data: bytes, path: str) -> str | None:
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:     # PDF allows junk before its header
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"       # the DOCX reader refuses other ZIP files (E106)
    for magic, kind, hint in _UNSUPPORTED:
        if data.startswith(magic):
            raise InputError("E106", f"{kind} input is not supported", path=path, hint=hint)
    return None


def _sniff(data: bytes) -> str:
    head = _head(data)
    low = head.lower()
    if "<akomantoso" in low:
        return "akn"
    start = low.lstrip()
    if start.startswith(("<!doctype html", "<html")) or (start.startswith("<") and "<html" in low[:2048]):
        return "html"
    front = _FRONT_MATTER.match(head.lstrip("\ufeff"))
    if front and _is_metadata(front.group(0)):
        return "md"
    return "txt"


def _is_metadata(block: str) -> bool:
    """A text between two "---" lines is front matter only if it reads as a YAML mapping of field names:
    a plain-text statute using "---" as a separator must not lose the lines between (the Markdown
    reader blanks front matter)."""
    import yaml
    try:
        data = yaml.safe_load(block.strip().strip("-.").strip())
    except Exception:       # noqa: BLE001 - not YAML: not front matter
        return False
    return isinstance(data, dict) and bool(data) and all(isinstance(k, str) and _FIELD.match(k) for k in data)


def _head(data: bytes) -> str:
    """The first few KB as text, for sniffing only (the reader decodes properly)."""
    sample = data[:8192]
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if sample.startswith(bom):
            return sample[len(bom):].decode(name, "ignore")
    if sample[1:2] == b"\x00":
        return sample.decode("utf-16-le", "ignore")
    if sample[:1] == b"\x00":
        return sample.decode("utf-16-be", "ignore")
    return sample.decode("utf-8", "ignore")

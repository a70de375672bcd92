"""Markdown with YAML front matter, as git mirrors of national legislation keep statutes.

Offsets stay those of the source file: the analysed text is the file itself with the front matter and
the markup that would confuse the segmenter (heading hashes, emphasis, bullets, link targets, rules)
replaced by spaces, newlines kept. Evidence line and column then point into the real .md file, which
is what a CI annotation on a git mirror needs.
"""

from __future__ import annotations

import datetime as _dt
import re

from tipcheck.models import SourceDoc
from tipcheck.readers.base import finish
from tipcheck.readers.text import decode_text

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MAX_FRONT = 1 << 20     # a "front matter" of more than 1 MB is not metadata: leave it as text
_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)[ \t#]*$", re.M)
# (pattern, groups to blank; 0 is the whole match), applied in order to the body.
_MARKUP = [
    (re.compile(r"<!--.*?-->", re.S), (0,)),                                # HTML comments
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.M), (0,)),                       # code fences
    (re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$", re.M), (0,)),  # rules
    (re.compile(r"^ {0,3}#{1,6}[ \t].*?[ \t](#+)[ \t]*$", re.M), (1,)),       # closing hashes
    (re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)", re.M), (0,)),                    # "##### Artículo 1"
    (re.compile(r"^(?: {0,3}>[ \t]?)+", re.M), (0,)),                         # block quotes
    (re.compile(r"^[ \t]*([-*+])[ \t]+(?=\S)", re.M), (1,)),                  # bullets (not "1." numbering)
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), (0,)),                          # images
    (re.compile(r"(\[)[^\]\n]+(\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\))"), (1, 2)),  # links: the text stays
    (re.compile(r"\*{2,}"), (0,)),                                            # bold, bold italic
    (re.compile(r"(?<![\w_])(__)(?=\S)(?:(?!\n[ \t]*\n).)+?(?<=\S)(__)(?![\w_])", re.S), (1, 2)),  # __bold__
    # *italic*, but not the "(*)" of an editorial note
    (re.compile(r"(?<![\w*])(\*)(?=[^\s*)])[^*\n]*?[^\s*(](\*)(?![\w*])"), (1, 2)),
]


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def read(data: bytes, path: str) -> SourceDoc:
    text, encoding = decode_text(data, path)
    # Line endings first, so that blanking (which keeps every offset) works on the final text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chars = list(text)
    title, metadata, body = "", (), 0
    front = _FRONT.match(text)
    if front and front.end() <= _MAX_FRONT:
        metadata = _metadata(front.group(1) or "")
        title = dict(metadata).get("title", "")
        _blank(chars, 0, front.end())
        body = front.end()
    for pattern, groups in _MARKUP:
        current = "".join(chars)
        for m in pattern.finditer(current, body):
            for g in groups:
                _blank(chars, m.start(g), m.end(g))
    if not title:
        h1 = _H1.search(text, body)
        title = h1.group(1) if h1 else ""
    return finish(data, path, "".join(chars), "md", encoding=encoding, title=title, metadata=metadata)


def _metadata(source: str) -> tuple[tuple[str, str], ...]:
    """String items of the front matter. Malformed YAML is not fatal: the document has no metadata."""
    import yaml
    try:
        loaded = yaml.safe_load(source)
    except Exception:       # noqa: BLE001 - any YAML failure (syntax, recursion) means "no metadata"
        return ()
    if not isinstance(loaded, dict):
        return ()
    out = []
    for key, value in loaded.items():
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict, set, bytes)):
            continue
        if isinstance(value, (str, int, float, _dt.date)):
            out.append((str(key), " ".join(str(value).split())))
    return tuple(out)

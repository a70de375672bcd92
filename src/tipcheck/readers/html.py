"""HTML (lxml.html): the page's main text only, one line per block, so that articles stay on their
own lines. Navigation, scripts and other chrome are dropped; nothing is ever executed (only text is
read), and the parser fetches nothing from the network."""

from __future__ import annotations

import codecs
import re

from tipcheck.models import SourceDoc
from tipcheck.readers.base import finish, guarded

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "select", "object", "embed", "canvas", "math", "head")
_BLOCKS = {"address", "article", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "div",
           "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li",
           "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")


def read(data: bytes, path: str) -> SourceDoc:
    encoding = _encoding(data)
    with guarded(path, "HTML page"):
        import lxml.html

        parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True, no_network=True,
                                      huge_tree=False)
        root = lxml.html.document_fromstring(data, parser=parser)
        title = root.findtext(".//title") or ""
        for el in list(root.iter(*_DROP)):
            if el.getparent() is not None:
                el.drop_tree()      # keeps the text that follows the element (its tail)
        lines: list[str] = []
        for part in _main(root):
            _text(part, lines, [""])
        if not title:
            h1 = next(iter(root.iter("h1")), None)
            title = h1.text_content() if h1 is not None else ""
    text = "\n".join(lines) + "\n"
    return finish(data, path, text, "html", encoding=encoding, title=title)


def _encoding(data: bytes) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return name
    head = data[:4096]
    declared = _XML_DECL.search(head) or _CHARSET.search(head)
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"     # what browsers assume for an undeclared legacy page


def _main(root) -> list:
    """<main>, else the element with role=main, else the <article>s, else the body."""
    main = next(iter(root.iter("main")), None)
    if main is None:
        main = next((el for el in root.iter() if isinstance(el.tag, str) and el.get("role") == "main"), None)
    if main is not None:
        return [main]
    articles = [a for a in root.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]
    if articles:
        return articles
    body = root.find("body")
    return [body if body is not None else root]


def _text(el, lines: list[str], current: list[str]) -> None:
    """Append the text of `el` to `current`; a block element ends the line before and after it."""
    tag = el.tag if isinstance(el.tag, str) else ""
    block = tag in _BLOCKS
    if block:
        _flush(lines, current)
    if tag == "pre":        # preformatted text keeps its own line breaks
        lines.extend(line.strip() for line in el.text_content().split("\n") if line.strip())
        if el.tail:
            current[0] += el.tail
        return
    if el.text and tag:
        current[0] += el.text
    for child in el:
        _text(child, lines, current)
    if block:
        _flush(lines, current)
    if el.tail:
        current[0] += el.tail


def _flush(lines: list[str], current: list[str]) -> None:
    line = _SPACE.sub(" ", current[0]).strip()
    current[0] = ""
    if line:
        lines.append(line)

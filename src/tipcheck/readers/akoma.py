"""Akoma Ntoso XML (parsed with defusedxml: no DTD, no entity expansion, no external reference).

The structure comes from the elements - `article`, `section`, `paragraph`, `point`, `chapter`,
`part` ... with their `num`, `heading` and `content` - rendered in document order as the lines a
printed statute has and the segmenter reads: "Artículo 4.- Trata de personas" (number and heading on
one line), then the article's text, each numbered paragraph or point on its own line ("(1) ...").
A bare number ("4") gets the word the language uses for that unit, from the document's FRBRlanguage.
"""

from __future__ import annotations

import re

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc
from tipcheck.readers.base import finish, guarded

# Units whose number (and heading) open a line of their own.
_CONTAINERS = {"book", "part", "subpart", "title", "subtitle", "chapter", "subchapter", "division", "subdivision", "tome"}
_UNITS = {"article", "section", "subsection", "paragraph", "subparagraph", "point", "clause", "subclause", "item",
          "indent", "alinea", "rule", "subrule", "proviso", "hcontainer", "level", "list", "transitional", "sublist"}
# Blocks of text: each is one line.
_BLOCKS = {"p", "block", "listIntroduction", "listWrapUp", "intro", "wrapUp", "crossHeading", "subheading",
           "longTitle", "formula", "tocItem", "td", "th", "docTitle", "docNumber", "docDate", "docProponent",
           "docType", "docStage", "docStatus", "signature", "blockContainer"}
# Not statute text: metadata, notes beside the text, and the table of contents (it would repeat every heading).
_SKIP = {"meta", "authorialNote", "noteRef", "remark", "toc", "componentRef", "img", "attachments", "components"}
_WORDS = {   # the word for a unit given only a bare number, per language
    "article": {"en": "Article", "es": "Artículo", "fr": "Article", "pt": "Art."},
    "section": {"en": "Section", "es": "Sección", "fr": "Section", "pt": "Seção"},
    "chapter": {"en": "Chapter", "es": "Capítulo", "fr": "Chapitre", "pt": "Capítulo"},
    "part": {"en": "Part", "es": "Parte", "fr": "Partie", "pt": "Parte"},
    "title": {"en": "Title", "es": "Título", "fr": "Titre", "pt": "Título"},
    "book": {"en": "Book", "es": "Libro", "fr": "Livre", "pt": "Livro"},
}
_LANGS = {"eng": "en", "en": "en", "spa": "es", "es": "es", "fra": "fr", "fre": "fr", "fr": "fr", "por": "pt", "pt": "pt"}
_BARE = re.compile(r"^(?:\d+|[IVXLCivxlc]+)[A-Za-z]?\s*[.º°]?$")   # "4", "4.", "4º", "IV", "12a"
_ALNUM = re.compile(r"^[0-9A-Za-z]{1,6}$")                            # "1", "a", "iv": no print form
_SPACE = re.compile(r"\s+")


def read(data: bytes, path: str) -> SourceDoc:
    root = _parse(data, path)
    if _local(root.tag) != "akomaNtoso":
        raise InputError("E106", f"XML whose root is <{_local(root.tag)}> is not supported (not Akoma Ntoso)",
                         path=path, hint="save the statute as Akoma Ntoso, HTML, PDF or plain text")
    with guarded(path, "Akoma Ntoso document"):
        lang = _language(root)
        lines: list[str] = []
        _render(root, lines, lang, [""])
        title = next((_inline(el) for el in root.iter() if _local(el.tag) in ("docTitle", "shortTitle")), "")
    return finish(data, path, "\n".join(line for line in lines if line) + "\n", "akn", title=title)


def _parse(data: bytes, path: str):
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml import ElementTree

    try:
        return ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise InputError("E110", f"unsafe XML refused ({type(exc).__name__}: DTDs, entity declarations and "
                         "external references are not read)", path=path,
                         hint="remove the DOCTYPE declaration and analyse the file again") from None
    except ParseError as exc:
        raise InputError("E109", f"the XML document is damaged and cannot be read ({exc})", path=path,
                         hint="check that the file is complete, well-formed XML") from None
    except Exception as exc:    # noqa: BLE001 - expat on hostile bytes: anything is a damaged file
        raise InputError("E109", f"the XML document is damaged and cannot be read ({type(exc).__name__})",
                         path=path, hint="check that the file is complete, well-formed XML") from None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _language(root) -> str:
    for el in root.iter():
        if _local(el.tag) == "FRBRlanguage":
            return _LANGS.get((el.get("language") or "").lower(), "")
    return ""


def _inline(el) -> str:
    """The text of an element and its inline children, notes left out, spaces collapsed."""
    parts: list[str] = []

    def walk(node) -> None:
        name = _local(node.tag)
        if name in _SKIP:
            parts.append(node.tail or "")
            return
        if name == "eol":
            parts.append(" ")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "")

    parts.append(el.text or "")
    for child in el:
        walk(child)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _label(num: str, kind: str, lang: str) -> str:
    """ "4" -> "Artículo 4." (an article), "a" -> "(a)" (a point); a printed form ("(a)", "2.", "a)",
    "Art. 5º") stays as it is."""
    if kind in _WORDS and _BARE.match(num):
        word = _WORDS[kind].get(lang, "Art." if kind == "article" else _WORDS[kind]["en"])
        return f"{word} {num}." if num.isdigit() and kind not in _CONTAINERS else f"{word} {num}"
    if kind in _UNITS and _ALNUM.match(num):
        return f"({num})"
    return num


def _emit(lines: list[str], prefix: list[str], text: str) -> None:
    """A line; the number of the unit it opens, still pending, goes before it ("(1) A person ...")."""
    if prefix[0]:
        text = f"{prefix[0]} {text}".strip()
        prefix[0] = ""
    lines.append(text)


def _render(el, lines: list[str], lang: str, prefix: list[str]) -> None:
    name = _local(el.tag)
    if name in _SKIP:
        return
    if name in _CONTAINERS or name in _UNITS:
        num = heading = ""
        rest = []
        for child in el:
            n = _local(child.tag)
            if n == "num" and not num:
                num = _inline(child)
            elif n == "heading" and not heading:
                heading = _inline(child)
            else:
                rest.append(child)
        label = _label(num, name, lang)
        if prefix[0]:       # a unit inside a unit that has not shown its number yet
            _emit(lines, prefix, "")
        if heading or name in _CONTAINERS:
            if label or heading:
                lines.append(f"{label} {heading}".strip())
        else:
            prefix[0] = label
        for child in rest:
            _render(child, lines, lang, prefix)
        if prefix[0]:       # a number with no text after it
            _emit(lines, prefix, "")
        return
    if name in _BLOCKS:
        text = _inline(el)
        if text or prefix[0]:
            _emit(lines, prefix, text)
        return
    if name == "tr":
        cells = [_inline(c) for c in el]
        _emit(lines, prefix, " ".join(c for c in cells if c))
        return
    if el.text and el.text.strip() and name not in ("akomaNtoso",):
        _emit(lines, prefix, _SPACE.sub(" ", el.text).strip())     # loose text in a container
    for child in el:
        _render(child, lines, lang, prefix)
        if child.tail and child.tail.strip():
            _emit(lines, prefix, _SPACE.sub(" ", child.tail).strip())

"""DOCX (python-docx): paragraph text in document order, tables included, with the numbers Word
draws itself. A draft whose articles are numbered by automatic numbering holds no "Article 4." in
its text; python-docx does not render list numbers, so `numbering.py` resolves them from
numbering.xml and the label is put back before the paragraph's text."""

from __future__ import annotations

import io
import zipfile

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc
from tipcheck.readers.base import finish, guarded
from tipcheck.readers.numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Limits checked on the ZIP's declared sizes before anything is decompressed (zipfile never yields
# more than a member's declared size, so the declaration is what bounds the work).
MAX_TOTAL = 256 << 20
MAX_RATIO = 100
LARGE_MEMBER = 10 << 20
MAX_MEMBERS = 10_000
_TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_SKIPPED = {W + "del", W + "moveFrom", W + "instrText", W + "delText"}   # deleted text and field codes


def read(data: bytes, path: str) -> SourceDoc:
    _check_zip(data, path)
    with guarded(path, "DOCX document"):
        import docx
        try:
            document = docx.Document(io.BytesIO(data))
        except ValueError as exc:
            if "not a Word file" in str(exc):
                raise InputError("E106", "a ZIP file that is not a Word document is not supported", path=path,
                                 hint="save the statute as .docx, PDF or plain text") from None
            raise
        numbering = Numbering.of(document)
        lines = [_paragraph(p, numbering) for p in _paragraphs(document.element.body)]
        title = document.core_properties.title or ""
    return finish(data, path, "\n".join(lines) + "\n", "docx", title=title)


def _check_zip(data: bytes, path: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as exc:    # noqa: BLE001 - zipfile raises several kinds on a broken archive
        raise InputError("E109", f"the DOCX document is damaged and cannot be read ({type(exc).__name__}: "
                         f"{' '.join(str(exc).split())[:80]})", path=path,
                         hint="open it in its editor and save a new copy") from None
    total = sum(i.file_size for i in infos)
    bomb = next((i for i in infos if i.file_size > LARGE_MEMBER and i.file_size > MAX_RATIO * max(i.compress_size, 1)),
                None)
    if len(infos) > MAX_MEMBERS or total > MAX_TOTAL or bomb:
        what = (f"{bomb.filename} expands {bomb.file_size // max(bomb.compress_size, 1)} times" if bomb else
                f"{len(infos)} members" if len(infos) > MAX_MEMBERS else f"{total >> 20} MB uncompressed")
        raise InputError("E111", f"the DOCX document is too large when decompressed ({what}), refused", path=path,
                         hint="a real statute is far smaller: check where the file comes from")
    if not any(i.filename == "[Content_Types].xml" for i in infos):
        raise InputError("E106", "a ZIP file that is not a Word document is not supported", path=path,
                         hint="save the statute as .docx, PDF or plain text")


def _paragraphs(container):
    """w:p elements in document order, descending into tables and content controls."""
    for child in container.iterchildren():
        if child.tag == W + "p":
            yield child
        elif child.tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent", W + "customXml",
                           W + "ins", W + "moveTo"):
            yield from _paragraphs(child)


def _paragraph(p, numbering: Numbering) -> str:
    parts = []
    for el in p.iter(*_TEXT_TAGS):
        if any(a.tag in _SKIPPED for a in el.iterancestors()):
            continue
        fixed = _TEXT_TAGS[el.tag]
        parts.append(el.text or "" if fixed is None else fixed)
    text = "".join(parts)
    label = numbering.label(p)
    return label + text if label else text

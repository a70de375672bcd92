"""PDF (pypdf): the text layer page by page, without the gazette's running headers and footers, with
words hyphenated across a line end joined again, and lines that continue a sentence joined to it. `SourceDoc.pages` records where each page starts in
the text, so evidence can name its page."""

from __future__ import annotations

import io
import re
from collections import Counter

from tipcheck.errors import InputError
from tipcheck.models import SourceDoc
from tipcheck.readers.base import finish, guarded, quiet

_SPACES = re.compile(r"[ \t\u00a0]+")
_DIGITS = re.compile(r"\d+")
# "explo-" + "tación": a letter, a hyphen at the line end, a lower-case letter opening the next line.
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_EDGE = 2   # running heads are found among the first and last two lines of a page
# A line opening with a lower-case word continues the sentence above ("... an offence under" /
# "section 4 or 5, is irrelevant"): it is joined to it with a space, for the segmenter would read
# "section 4" at a line start as a new section. A list item ("a) ...", "(b) ...", "iv. ...") is kept.
_LIST_ITEM = re.compile(r"^(?:\(?[a-z]{1,4}[).]|[a-z]{1,4}\s*[-–—]\s)")


def read(data: bytes, path: str) -> SourceDoc:
    quiet("pypdf")
    with guarded(path, "PDF"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, path)
        pages = [_lines(page.extract_text() or "") for page in reader.pages]
    if not pages:
        raise InputError("E109", "the PDF is damaged: it has no pages", path=path,
                         hint="open it in its viewer and save a new copy")
    pages = _drop_running_lines(pages)
    text, starts = _join(pages)
    if sum(ch.isalnum() for ch in text) < 10:
        raise InputError("E108", "the PDF has no text layer (a scanned image?), nothing to analyse", path=path,
                         hint="run OCR (e.g. ocrmypdf) and analyse the result")
    title = ""
    with guarded(path, "PDF"):
        title = str((reader.metadata or {}).get("/Title") or "")
    return finish(data, path, text, "pdf", pages=tuple(starts), title=title)


def _decrypt(reader, path: str) -> None:
    """Many official PDFs carry an owner password only (printing restrictions) and open with the
    empty user password; anything else needs a copy without encryption."""
    try:
        ok = reader.decrypt("")
    except Exception:       # noqa: BLE001 - an unsupported cipher is as locked as a wrong password
        ok = 0
    if not ok:
        raise InputError("E107", "the PDF is encrypted and does not open without a password", path=path,
                         hint="save an unencrypted copy (e.g. print to PDF) and analyse that")


def _lines(page_text: str) -> list[str]:
    # Justified text comes out with runs of spaces between words: one space, as the words were written.
    return [_SPACES.sub(" ", line).strip() for line in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _key(line: str) -> str:
    """A running line compared across pages, its page number made alike ("Página 3" ~ "Página 4")."""
    return _DIGITS.sub("#", line.lower())


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """A line repeated at the top (or the bottom) of most pages is a running header (footer)."""
    if len(pages) < 2:
        return pages
    pages = [list(p) for p in pages]
    need = max(2, (len(pages) * 3 + 4) // 5)          # at least 60% of the pages
    for top in (True, False):
        for _ in range(_EDGE):
            edges = [_edge(p, top) for p in pages]
            counts = Counter(_key(p[i]) for p, i in zip(pages, edges) if i is not None)
            running = {k for k, n in counts.items() if n >= need}
            if not running:
                break
            for p, i in zip(pages, edges):
                if i is not None and _key(p[i]) in running:
                    del p[i]
    return pages


def _edge(lines: list[str], top: bool) -> int | None:
    order = range(len(lines)) if top else range(len(lines) - 1, -1, -1)
    return next((i for i in order if lines[i]), None)


def _join(pages: list[list[str]]) -> tuple[str, list[int]]:
    """The pages' lines as one text; returns it with the offset where each page starts."""
    out: list[str] = []
    size = 0
    starts: list[int] = []
    previous = ""
    for lines in pages:
        while lines and not lines[0]:
            lines = lines[1:]
        first = True
        for line in lines:
            if not line and not previous:       # one blank line is a paragraph break; more are layout
                continue
            if previous and line[:1].islower() and _HYPHEN_END.search(previous):
                out[-1] = out[-1][:-1]          # drop the hyphen, join the word halves
                size -= 1
            elif previous and line[:1].islower() and not _LIST_ITEM.match(line):
                out.append(" ")
                size += 1
            elif out:
                out.append("\n")
                size += 1
            if first:
                starts.append(size)
                first = False
            out.append(line)
            size += len(line)
            previous = line
        if first:                               # a page with no text (a figure): it starts where it is
            starts.append(size)
    text = "".join(out).rstrip() + "\n"
    return text, [min(s, len(text) - 1) for s in starts]

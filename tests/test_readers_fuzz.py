"""A hostile or damaged file never makes a reader raise anything but tipcheck's own error, and never
hangs: random bytes, and valid PDF/DOCX/HTML/Markdown/Akoma Ntoso files with bytes changed or cut."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import statute_formats as sf
from tipcheck import ingest
from tipcheck.errors import InputError
from tipcheck.models import SourceDoc

SMALL = ("Section 1. Short title\nThis Act is the Trafficking Act.\nSection 2. Offence\n(1) A person who recruits "
         "another person by force for the purpose of exploitation commits an offence.\n(a) slavery;\n(b) servitude.\n")


@cache
def valid(kind: str) -> bytes:
    if kind == "pdf":
        return sf.to_pdf("en", text=SMALL * 6, hyphenate=False)
    if kind == "docx":
        return sf.numbered_docx([{"fmt": "decimal", "text": "Section %1."}, {"fmt": "lowerLetter", "text": "(%2)"}],
                                [(0, "Offence"), (1, "slavery"), (None, SMALL)])
    if kind == "html":
        return f"<!DOCTYPE html><html><head><title>Act</title><script>x()</script></head><body><nav>menu</nav>" \
               f"<main><h1>Act</h1>{''.join(f'<p>{line}</p>' for line in SMALL.splitlines())}</main></body></html>".encode()
    if kind == "md":
        return ("---\ntitle: Act\nyear: 2024\n---\n# Act\n\n##### " + SMALL.replace("(a)", "- **(a)**")).encode()
    if kind == "xml":
        return ('<?xml version="1.0" encoding="UTF-8"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
                '<act><meta><identification><FRBRWork><FRBRlanguage language="eng"/></FRBRWork></identification></meta>'
                '<body><section><num>2</num><heading>Offence</heading><paragraph><num>1</num><content><p>A person who '
                'recruits another person by force commits an offence.</p></content></paragraph></section></body></act>'
                '</akomaNtoso>').encode()
    return SMALL.encode()


def damaged(kind: str):
    """Random bytes; or a valid file of the kind with a few bytes changed, and maybe cut short."""
    def build(args):
        positions, values, cut = args
        data = valid(kind)
        return sf.mutate(data, positions, values, None if cut is None else int(len(data) * cut))
    mutation = st.tuples(st.lists(st.integers(0, 1 << 20), max_size=12), st.lists(st.integers(0, 255), max_size=12),
                         st.one_of(st.none(), st.floats(0, 1)))
    return st.one_of(st.binary(max_size=2048), mutation.map(build))


FUZZ = settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ_SETTINGS = settings(FUZZ, max_examples=80)


def inner_damaged():
    """A DOCX whose ZIP is sound but whose XML parts (document, numbering, styles) are damaged: the
    bytes reach python-docx and the numbering resolver, not just zipfile's CRC check."""
    import io
    import zipfile

    def build(args):
        member, positions, values, cut = args
        with zipfile.ZipFile(io.BytesIO(valid("docx"))) as z:
            parts = {i.filename: z.read(i.filename) for i in z.infolist()}
        name = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "[Content_Types].xml")[member]
        data = parts[name]
        parts[name] = sf.mutate(data, positions, values, None if cut is None else int(len(data) * cut))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for k, v in parts.items():
                z.writestr(k, v)
        return out.getvalue()
    return st.tuples(st.integers(0, 3), st.lists(st.integers(0, 1 << 16), max_size=8),
                     st.lists(st.sampled_from(b'<>"/=:&;%0 aw'), max_size=8), st.one_of(st.none(), st.floats(0.5, 1))).map(build)


@FUZZ_SETTINGS
@given(inner_damaged())
def test_docx_with_damaged_xml_parts(data):
    _read(data, "law.docx")


def _read(data: bytes, name: str) -> None:
    try:
        doc = ingest.from_bytes(data, name)
    except InputError as exc:
        line = exc.one_line()
        assert exc.code.startswith("E1") and "\n" not in line and name in line
    else:
        assert isinstance(doc, SourceDoc) and doc.text.strip()




@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "md", "xml", "txt"])
def test_reader_survives_damaged_input(kind):
    if kind == "pdf" and sf.font_file() is None:
        pytest.skip("no TrueType font to write the PDF seed with")
    valid(kind)     # built once, outside the examples' deadline

    @FUZZ
    @given(damaged(kind))
    def check(data):
        _read(data, f"law.{kind}")

    check()


def test_seeds_are_valid():
    for kind in ("docx", "html", "md", "xml", "txt"):
        assert "recruits another person" in ingest.from_bytes(valid(kind), f"law.{kind}").text

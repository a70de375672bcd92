"""The same statute in each format gives the same findings; and what each reader does of its own
(running heads, hyphenation, Word numbering, main text, front matter, Akoma Ntoso structure, errors).

Every PDF, DOCX, HTML, Markdown and Akoma Ntoso file here is generated from our own example statutes
(corpora/<lang>/model-law/statute.txt) by `statute_formats`."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

import statute_formats as sf
import tipcheck
from conftest import tipcheck_cli
from tipcheck import ingest
from tipcheck.errors import InputError, TipcheckError
from tipcheck.report import render

needs_font = pytest.mark.skipif(sf.font_file() is None, reason="no TrueType font (DejaVu/Liberation) to write PDFs with")
FORMATS = ("pdf", "docx", "numbered.docx", "html", "md", "akn")


def _write(tmp_path, lang: str, fmt: str):
    if fmt == "pdf" and sf.font_file() is None:
        pytest.skip("no TrueType font (DejaVu/Liberation) to write PDFs with")
    data = {"pdf": lambda: sf.to_pdf(lang), "docx": lambda: sf.to_docx(lang),
            "numbered.docx": lambda: sf.to_docx(lang, auto_numbering=True),
            "html": lambda: sf.to_html(lang).encode(), "md": lambda: sf.to_markdown(lang).encode(),
            "akn": lambda: sf.to_akn(lang).encode()}[fmt]()
    path = tmp_path / f"statute-{lang}.{fmt}"
    path.write_bytes(data)
    return path


_BASELINE: dict = {}


def _baseline(lang: str):
    if lang not in _BASELINE:
        _BASELINE[lang] = tipcheck.check([sf.statute(lang)])
    return _BASELINE[lang]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", sf.LANGS)
def test_same_statute_in_every_format_gives_the_same_findings(tmp_path, lang, fmt):
    path = _write(tmp_path, lang, fmt)
    report = tipcheck.check([path])
    base = _baseline(lang)
    got = {r.id: r.status for r in report.results}
    want = {r.id: r.status for r in base.results}
    assert got == want, {k: (want[k], got.get(k)) for k in want if want[k] != got.get(k)}
    assert report.verdict == base.verdict == "IN_LINE"
    doc = ingest.read(path)
    assert report.documents[0].format == doc.format == {"numbered.docx": "docx"}.get(fmt, fmt)
    evidence = [e for r in report.results for e in r.evidence]
    assert len(evidence) > 50
    for e in evidence:
        assert e.quote == doc.text[e.start:e.end]
        assert (e.page is not None) == (fmt == "pdf")
    if fmt == "pdf":
        _assert_pages(path, doc, evidence)


def _assert_pages(path, doc, evidence):
    """Each evidence's page, checked against pypdf's own text of that page: the quote's first words,
    with what precedes them on the page, are there."""
    from pypdf import PdfReader
    raw = []
    for page in PdfReader(str(path)).pages:
        text = re.sub(r"-\n(?=[a-z])", "", page.extract_text())     # the reader's hyphen joins
        raw.append(" ".join(text.split()))
    assert len(doc.pages) == len(raw) >= 4
    bounds = list(doc.pages) + [len(doc.text)]
    for e in evidence:
        first, last = bounds[e.page - 1], bounds[e.page]
        assert first <= e.start < last
        window = doc.text[max(first, e.start - 40):min(last, e.start + 40)]
        assert " ".join(window.split()) in raw[e.page - 1], (e.page, e.quote)
        if e.page > 1:      # and not on the page before
            assert " ".join(doc.text[e.start:min(last, e.start + 40)].split()) not in raw[e.page - 2] or \
                doc.text.count(doc.text[e.start:min(last, e.start + 40)]) > 1


# ------------------------------------------------------------------ PDF

@needs_font
def test_pdf_running_header_footer_removed_and_hyphenation_joined():
    doc = ingest.from_bytes(sf.to_pdf("es"), "ley.pdf")
    assert doc.format == "pdf" and len(doc.pages) >= 4 and doc.pages[0] == 0
    assert "GAZETTE" not in doc.text and "Page " not in doc.text
    # "tras-" / "lade" across a line end in the offence article reads as one word again
    offence = next(line for line in doc.text.split("\n") if line.startswith("1. Comete el delito de trata"))
    assert "capte, transporte, traslade, acoja o reciba" in offence and "tras-" not in doc.text
    # A justified line's runs of spaces are single spaces, as the words were written.
    assert "  " not in doc.text


@needs_font
def test_pdf_join_keeps_list_items_and_hyphenated_words_before_capitals():
    text = "Artículo 1.- Objeto.\nLa ley se aplica a los medios de trans-\nporte y al anti-\nTráfico de personas.\na) la fuerza;\nb) el engaño."
    doc = ingest.from_bytes(sf.to_pdf("es", text=text, hyphenate=False, heads=False), "x.pdf")
    assert doc.text == ("Artículo 1.- Objeto.\nLa ley se aplica a los medios de transporte y al anti-\n"
                        "Tráfico de personas.\na) la fuerza;\nb) el engaño.\n")


@needs_font
def test_pdf_page_numbers_in_the_report(tmp_path):
    path = _write(tmp_path, "en", "pdf")
    report = tipcheck.check([path])
    data = json.loads(render(report, "json"))
    items = [e for r in data["results"] for e in r["evidence"]]
    assert all(isinstance(e["page"], int) and e["page"] >= 1 for e in items)
    assert {e["page"] for e in items} >= {2, 3}
    import jsonschema
    from importlib import resources
    schema = json.loads(resources.files("tipcheck").joinpath("schemas", "report.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert re.search(r"\(p\. \d+\): “", render(report, "terminal", width=200))
    assert re.search(r"\(p\. \d+\): `", render(report, "markdown"))
    assert re.search(r"\(p\. \d+\)</a>", render(report, "html"))
    # A text statute has no page: the field is absent from its JSON, and no "p." is shown.
    text = json.loads(render(tipcheck.check([sf.statute("en")]), "json"))
    assert not any("page" in e for r in text["results"] for e in r["evidence"])


@needs_font
def test_pdf_without_text_layer_is_e108():
    with pytest.raises(InputError) as err:
        ingest.from_bytes(sf.scanned_pdf(), "scan.pdf")
    assert err.value.code == "E108"
    line = err.value.one_line()
    assert "no text layer" in line and "ocrmypdf" in line and "\n" not in line


@needs_font
def test_pdf_encrypted_is_e107_unless_the_empty_password_opens_it():
    with pytest.raises(InputError) as err:
        ingest.from_bytes(sf.to_pdf("en", text="Section 1. Short title.", encrypt="secret", heads=False), "locked.pdf")
    assert err.value.code == "E107" and "unencrypted copy" in err.value.one_line()
    # Owner password only (printing restrictions): it opens and reads.
    doc = ingest.from_bytes(sf.to_pdf("en", text="Section 1. Short title.", encrypt="", heads=False), "restricted.pdf")
    assert doc.text == "Section 1. Short title.\n"


@needs_font
@pytest.mark.parametrize("cut", [0.5, 0.1, 20])
def test_pdf_truncated_is_e109_or_read(cut):
    data = sf.to_pdf("en")
    part = data[: int(len(data) * cut) if cut < 1 else cut]
    try:
        doc = ingest.from_bytes(part, "cut.pdf")
    except InputError as exc:
        assert exc.code in ("E109", "E108"), exc.one_line()
        assert "\n" not in exc.one_line()
    else:                   # pypdf may recover the pages it can: then it is text
        assert doc.text.strip()


def test_pdf_damaged_is_e109():
    with pytest.raises(InputError) as err:
        ingest.from_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
                          "broken.pdf")
    assert err.value.code == "E109" and "damaged" in err.value.one_line()


# ------------------------------------------------------------------ DOCX

def test_docx_literal_text_tables_and_title():
    import docx
    d = docx.Document()
    d.core_properties.title = "Ley de prueba"
    d.add_paragraph("Artículo 1.- Objeto.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Pena"
    table.cell(0, 1).text = "de cuatro a ocho años"
    d.add_paragraph("Artículo 2.- Fin.")
    out = io.BytesIO()
    d.save(out)
    doc = ingest.from_bytes(out.getvalue(), "ley.docx")
    assert doc.text == "Artículo 1.- Objeto.\nPena\nde cuatro a ocho años\nArtículo 2.- Fin.\n"
    assert doc.title == "Ley de prueba" and doc.format == "docx"


NUMBERING = [
    ("decimal", "Artículo %1.", ["Artículo 1. a", "Artículo 2. b"]),
    ("lowerLetter", "%1)", ["a) a", "b) b"]),
    ("upperLetter", "(%1)", ["(A) a", "(B) b"]),
    ("lowerRoman", "%1.", ["i. a", "ii. b"]),
    ("upperRoman", "CAPÍTULO %1", ["CAPÍTULO I a", "CAPÍTULO II b"]),
    ("decimalZero", "%1.", ["01. a", "02. b"]),
    ("ordinal", "%1 -", ["1st - a", "2nd - b"]),
    ("bullet", "•", ["a", "b"]),
]


@pytest.mark.parametrize("fmt,text,want", NUMBERING, ids=[n[0] for n in NUMBERING])
def test_docx_numbering_formats(fmt, text, want):
    data = sf.numbered_docx([{"fmt": fmt, "text": text}], [(0, "a"), (0, "b")])
    assert ingest.from_bytes(data, "n.docx").text.split("\n")[:2] == want


def test_docx_numbering_levels_restart_start_values_and_overrides():
    levels = [{"fmt": "decimal", "text": "Artículo %1.", "start": 3}, {"fmt": "lowerLetter", "text": "%2)"},
              {"fmt": "lowerRoman", "text": "(%3)", "restart": 0}]
    paragraphs = [(0, "Uno."), (1, "x"), (1, "y"), (2, "p"), (0, "Dos."), (1, "z"), (2, "q"), (None, "Texto."),
                  (0, "Tres.")]
    text = ingest.from_bytes(sf.numbered_docx(levels, paragraphs), "n.docx").text
    assert text.split("\n")[:-1] == ["Artículo 3. Uno.", "a) x", "b) y", "(i) p", "Artículo 4. Dos.", "a) z",
                                     "(ii) q", "Texto.", "Artículo 5. Tres."]
    # A second list instance with a start override restarts the count; "%1.%2" shows both levels.
    levels = [{"fmt": "decimal", "text": "%1."}, {"fmt": "decimal", "text": "%1.%2"}]
    data = sf.numbered_docx(levels, [(0, "a"), (1, "b"), (0, "c"), (0, "d")], overrides={"2": {0: 1}},
                            num_of=["1", "1", "1", "2"])
    assert ingest.from_bytes(data, "n.docx").text.split("\n")[:-1] == ["1. a", "1.1 b", "2. c", "1. d"]


@pytest.mark.parametrize("language,want", [("es-ES", "1º"), ("pt-BR", "1º"), ("fr-FR", "1er"), ("en-GB", "1st")])
def test_docx_ordinals_follow_the_document_language(language, want):
    data = sf.numbered_docx([{"fmt": "ordinal", "text": "Art. %1"}], [(0, "texto")], language=language)
    assert ingest.from_bytes(data, "n.docx").text == f"Art. {want} texto\n"


def test_docx_automatic_article_numbers_read_as_typed(tmp_path):
    """Word draws "Art. 1º" ... "Art. 9º", then "Art. 10." from two lists: the text reads as the .txt."""
    for lang in sf.LANGS:
        doc = ingest.from_bytes(sf.to_docx(lang, auto_numbering=True), "n.docx")
        want = [line for line in sf.lines(lang) if line.strip()]
        assert doc.text.split("\n")[:-1] == want


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_docx_errors():
    good = sf.to_docx("en")
    cases = [
        (good[: len(good) // 2], "E109", "damaged"),                                     # truncated
        (_zip({"[Content_Types].xml": b"<Types/>", "word/other.xml": b"<x/>"}), "E109", "damaged"),   # no document
        (_zip({"readme.txt": b"hello"}), "E106", "not a Word document"),                 # a ZIP, not a DOCX
        (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (30 << 20)}), "E111", "too large"),
    ]
    for data, code, words in cases:
        with pytest.raises(InputError) as err:
            ingest.from_bytes(data, "law.docx")
        assert err.value.code == code and words in err.value.one_line(), err.value.one_line()
        assert "\n" not in err.value.one_line()


def test_docx_zip_bomb_refused_before_decompressing(monkeypatch):
    """The declared sizes decide: nothing is inflated (zipfile.ZipFile.open is never called)."""
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"A" * (300 << 20)})
    assert len(bomb) < 1 << 20
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("decompressed a member"))
    with pytest.raises(InputError) as err:
        ingest.from_bytes(bomb, "bomb.docx")
    assert err.value.code == "E111" and "decompressed" in err.value.one_line()


# ------------------------------------------------------------------ HTML

def test_html_main_text_only():
    doc = ingest.from_bytes(sf.to_html("en").encode(), "law.html")
    for noise in ("Legislation portal", "Article 97", "Article 96", "Search the", "Section 95", "Article 94",
                  "Article 98", "Article 99", "document.title"):
        assert noise not in doc.text
    assert doc.text.split("\n")[0] == "MODEL ANTI-TRAFFICKING IN PERSONS ACT"
    assert "4.—(1) A person commits" in doc.text      # &mdash; decoded, the article on its own line
    assert doc.title == "MODEL ANTI-TRAFFICKING IN PERSONS ACT | Portal"
    assert [line for line in sf.lines("en") if line.strip()] == doc.text.split("\n")[:-1]


def test_html_main_role_articles_and_body():
    page = ("<html><body><div role='navigation'>x</div><div role='main'><h2>Artículo 1.- Objeto.</h2>"
            "<p>La ley<br>se aplica&nbsp;a <em>todas</em>   las personas.</p></div><p>fuera</p></body></html>")
    assert ingest.from_bytes(page.encode(), "a.html").text == "Artículo 1.- Objeto.\nLa ley\nse aplica a todas las personas.\n"
    page = "<html><body><p>menu</p><article><p>Art. 1</p></article><article><p>Art. 2</p></article></body></html>"
    assert ingest.from_bytes(page.encode(), "b.htm").text == "Art. 1\nArt. 2\n"
    page = "<html><body><table><tr><td>Art. 1</td><td>texto</td></tr></table><pre>línea 1\nlínea 2</pre></body></html>"
    assert ingest.from_bytes(page.encode("cp1252").replace(b"<html>", b"<html><meta charset=windows-1252>"),
                             "c.html").text == "Art. 1\ntexto\nlínea 1\nlínea 2\n"


def test_html_sniffed_without_suffix_and_never_runs_scripts():
    page = b"<!DOCTYPE html><html><body><script>throw 1</script><p>Section 1. Text.</p><img src=x onerror=alert(1)></body></html>"
    doc = ingest.from_bytes(page)
    assert doc.format == "html" and doc.text == "Section 1. Text.\n"


# ------------------------------------------------------------------ Markdown

def test_markdown_front_matter_title_metadata_and_offsets(tmp_path):
    source = sf.to_markdown("es")
    path = tmp_path / "ley.md"
    path.write_text(source, encoding="utf-8")
    doc = ingest.read(path)
    assert doc.format == "md" and doc.title == "LEY MODELO CONTRA LA TRATA DE PERSONAS"
    meta = dict(doc.metadata)
    assert meta["identifier"] == "model-law-es" and meta["publication_date"] == "2024-05-02"
    assert meta["article_count"] == "25" and "tags" not in meta       # lists are not string items
    # Offsets are the file's: same length, same lines, markup and front matter blanked.
    assert len(doc.text) == len(source)
    assert [len(x) for x in doc.text.split("\n")] == [len(x) for x in source.split("\n")]
    assert "title:" not in doc.text and "#" not in doc.text and "**" not in doc.text
    report = tipcheck.check([path])
    src_lines = source.split("\n")
    for e in (e for r in report.results for e in r.evidence):
        assert src_lines[e.line - 1][e.column - 1:].startswith(e.quote.split("\n")[0])


def test_markdown_markup_blanked_where_it_would_confuse():
    source = ("# Ley\n\n##### Artículo 1 ####\n\n**Comete** delito quien *capte* a __otra__ persona (*).\n"
              "- punto uno\n> cita\n[artículo 4](https://example.org/4) ![img](x.png)\n---\n1. numerado\n")
    doc = ingest.from_bytes(source.encode(), "x.md")
    assert len(doc.text) == len(source)
    assert [len(x) for x in doc.text.split("\n")] == [len(x) for x in source.split("\n")]
    assert [x.split() for x in doc.text.split("\n")] == [
        ["Ley"], [], ["Artículo", "1"], [], ["Comete", "delito", "quien", "capte", "a", "otra", "persona", "(*)."],
        ["punto", "uno"], ["cita"], ["artículo", "4"], [], ["1.", "numerado"], []]
    assert doc.text.split("\n")[2] == "      Artículo 1     "        # the words stay in their columns
    assert doc.title == "Ley" and doc.metadata == ()


@pytest.mark.parametrize("front", ["---\ntitle: [unclosed\n---\n", "---\n- a list\n---\n", "---\n: : :\n  - x\n---\n",
                                   "---\na: &x [*x]\n---\n"])
def test_markdown_malformed_front_matter_is_not_fatal(front):
    source = front + "Artículo 1. Texto.\n"
    doc = ingest.from_bytes(source.encode(), "x.md")
    assert doc.metadata == () and doc.text.endswith("Artículo 1. Texto.\n") and len(doc.text) == len(source)
    assert doc.text.startswith(" " * 3 + "\n")         # still front matter in a .md file: blanked


def test_front_matter_sniffed_only_when_it_is_metadata():
    assert ingest.from_bytes(b"---\ntitle: Ley 1\nyear: 2020\n---\nArticulo 1. Texto.\n").format == "md"
    # A text statute with "---" separators, given with no suffix, keeps every line.
    text = b"---\nSection 1. A person who recruits another commits an offence.\n---\nSection 2. Penalty.\n"
    doc = ingest.from_bytes(text)
    assert doc.format == "txt" and doc.text == text.decode()


def test_markdown_git_mirror_articles_segmented():
    """Real files of a national git mirror, read in place: every "##### Artículo N" heading opens an article."""
    from conftest import corpus_or_skip
    from tipcheck.segment import segment
    folder = corpus_or_skip() / "national" / "uy"
    files = sorted(folder.glob("*.md"))[::200]
    if not files:
        pytest.skip("no Uruguayan Markdown mirror in ../shared/corpus")
    checked = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        doc = ingest.read(path)
        assert len(doc.text) == len(raw.replace("\r\n", "\n").lstrip("\ufeff")) and doc.title
        want = [m.start(1) for m in re.finditer(r"^#{1,6}[ \t]+(Art[íi]culo \d+)", raw, re.M)]
        if not want:        # a law of one "Artículo Único"
            continue
        starts = {p.start for p in segment(doc.text, "es").provisions if p.label.startswith("Art.")}
        assert all(s in starts for s in want), path.name
        checked += 1
    assert checked >= len(files) // 2


# ------------------------------------------------------------------ Akoma Ntoso

def test_akoma_ntoso_structure_rendered_as_lines():
    doc = ingest.from_bytes(sf.to_akn("es").encode(), "ley.xml")
    lines = doc.text.split("\n")
    assert doc.format == "akn" and doc.title == "LEY MODELO CONTRA LA TRATA DE PERSONAS"
    assert "CAPÍTULO II DELITOS Y PENAS" in lines
    i = lines.index("Artículo 4. Trata de personas.")
    assert lines[i + 1].startswith("1. Comete el delito de trata de personas quien capte")
    assert lines[i + 3] == "a) la amenaza o el uso de la fuerza;"
    en = ingest.from_bytes(sf.to_akn("en").encode(), "act.akn").text.split("\n")
    assert "Section 4. Trafficking in persons" in en and "(a) the threat or use of force;" in en


@pytest.mark.parametrize("namespace", ["http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
                                       "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD13", ""])
def test_akoma_ntoso_any_namespace_and_bare_numbers(namespace):
    xml = sf.to_akn("pt", namespace=namespace, bare_numbers=True)
    if not namespace:
        xml = xml.replace(' xmlns=""', "")
    lines = ingest.from_bytes(xml.encode()).text.split("\n")
    assert "Art. 4. Tráfico de pessoas" in lines          # a bare "4" gets the language's word
    assert "I - a ameaça ou o uso da força;" in lines
    printed = ingest.from_bytes(sf.to_akn("pt", bare_numbers=False).encode(), "x.xml").text.split("\n")
    assert "Art. 4º Tráfico de pessoas" in printed


def test_akoma_ntoso_leaves_out_notes_and_metadata():
    xml = ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification>'
           '<FRBRWork><FRBRalias value="Article 77"/></FRBRWork></identification></meta><body><article><num>1</num>'
           '<content><p>A person who <term>recruits</term><authorialNote><p>Section 88 note</p></authorialNote> '
           'another.</p></content></article></body></act></akomaNtoso>')
    # A bare number with no heading opens the unit's first line, as printed statutes write it.
    assert ingest.from_bytes(xml.encode(), "a.xml").text == "Art. 1. A person who recruits another.\n"


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY a "trafficking">'
          + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
          + ']><akomaNtoso><act><body><p>&i;</p></body></act></akomaNtoso>')
XML_ERRORS = [
    ("billion laughs", LAUGHS, "E110"),
    ("external entity", '<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        "<akomaNtoso>&x;</akomaNtoso>", "E110"),
    ("DTD", '<!DOCTYPE akomaNtoso SYSTEM "http://example.org/akn.dtd"><akomaNtoso/>', "E110"),
    ("malformed", "<akomaNtoso><act><body><p>text</body></akomaNtoso>", "E109"),
    ("not Akoma Ntoso", '<?xml version="1.0"?><rss><channel><title>Article 1</title></channel></rss>', "E106"),
]


@pytest.mark.parametrize("name,xml,code", XML_ERRORS, ids=[x[0] for x in XML_ERRORS])
def test_akoma_ntoso_errors(name, xml, code):
    with pytest.raises(InputError) as err:
        ingest.from_bytes(xml.encode(), "law.xml")
    assert err.value.code == code
    assert "\n" not in err.value.one_line() and "law.xml" in err.value.one_line()


def test_xhtml_with_entity_declarations_is_read_as_html_without_expanding_them():
    page = LAUGHS.replace("akomaNtoso", "html").replace("<act><body><p>&i;</p></body></act>", "<body><p>Art. 1</p></body>")
    doc = ingest.from_bytes(page.encode(), "page.xhtml")
    assert "trafficking" not in doc.text and len(doc.text) < 1000


# ------------------------------------------------------------------ dispatch, suffixes, CLI

def test_dispatch_magic_first_then_suffix_then_content():
    assert ingest.from_bytes(sf.to_docx("en"), "law.txt").format == "docx"        # magic wins over the suffix
    akn = sf.to_akn("en").encode()
    assert ingest.from_bytes(akn, "law.akn").format == "akn"
    assert ingest.from_bytes(akn).format == "akn"                               # sniffed
    assert ingest.from_bytes(akn, "law.txt").format == "txt"                    # the suffix says text
    assert ingest.from_bytes(b"Section 1. Text.\n", "law.md").format == "md"
    assert ingest.SUFFIXES == (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".xhtml",
                               ".xml", ".akn")


def test_every_reader_error_is_a_tipcheck_error_with_one_line():
    for name in ("x.pdf", "x.docx", "x.html", "x.md", "x.xml"):
        try:
            ingest.from_bytes(b"\x00\xff garbage \x01" * 3, name)
        except TipcheckError as exc:
            assert re.match(r"E1\d\d ", exc.one_line()) and "\n" not in exc.one_line()


@needs_font
def test_cli_analyze_pdf_and_scanned_pdf(tmp_path):
    law = _write(tmp_path, "en", "pdf")
    r = tipcheck_cli("analyze", law, "--format", "json", "--fail-on", "never")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["documents"][0]["format"] == "pdf" and data["summary"]["verdict"] == "IN_LINE"
    scan = tmp_path / "scanned.pdf"
    scan.write_bytes(sf.scanned_pdf())
    r = tipcheck_cli("analyze", scan)
    assert r.returncode == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tipcheck: error: E108 ") and "no text layer" in lines[0]

"""Our own example statutes (corpora/<lang>/model-law/statute.txt) written out in the formats statutes
arrive in: PDF (fpdf2), DOCX (python-docx), HTML, Markdown with front matter, Akoma Ntoso XML.

Everything is generated from the .txt at test time (nothing binary is committed), line for line, so
that "the same statute in each format gives the same findings" can be asserted.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "corpora"
LANGS = ("en", "es", "fr", "pt")
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_LANG = {"en": "eng", "es": "spa", "fr": "fra", "pt": "por"}

# How each example numbers its articles: prefix, number, what follows it, the rest of the line.
ARTICLE = {
    "en": re.compile(r"^(?P<pre>)(?P<num>\d+)(?P<post>\.)(?P<sep>—|\s)(?P<rest>.*)$"),
    "es": re.compile(r"^(?P<pre>Artículo )(?P<num>\d+)(?P<post>\.-)(?P<sep>\s)(?P<rest>.*)$"),
    "fr": re.compile(r"^(?P<pre>Article )(?P<num>\d+)(?P<post> –)(?P<sep>\s)(?P<rest>.*)$"),
    "pt": re.compile(r"^(?P<pre>Art\. )(?P<num>\d+)(?P<post>º|\.)(?P<sep>\s)(?P<rest>.*)$"),
}
CONTAINER = re.compile(r"^(?:PART|CAPÍTULO|CHAPITRE) [\dIVX]+$")
MARKER = re.compile(r"^(?P<num>\(\w{1,4}\)|[a-z]\)|\d+\.|\d+°|§ \d+º|[IVXL]+ -|Parágrafo único\.)\s+(?P<rest>.*)$")
# The offence article's line, and the act word the PDF hyphenates across a line end in it.
OFFENCE = {"en": ("4.—(1) A person commits", "recruits", 5), "es": ("1. Comete el delito de trata de personas", "traslade", 4),
           "fr": ("1. Constitue l'infraction de traite", "transférer", 5), "pt": ("Art. 4º Comete o crime", "recrutar", 5)}


def statute(lang: str) -> Path:
    return EXAMPLES / lang / "model-law" / "statute.txt"


def lines(lang: str) -> list[str]:
    return statute(lang).read_text(encoding="utf-8").split("\n")


def _headings(lang: str) -> set[int]:
    """Indexes of the heading lines that stand before an article's number line (en, pt; the es and fr
    examples give the heading on the number's line)."""
    ls = lines(lang)
    out = set()
    if lang in ("es", "fr"):
        return out
    for i, line in enumerate(ls):
        nxt = next((x for x in ls[i + 1:] if x.strip()), "")
        if line.strip() and not ARTICLE[lang].match(line) and ARTICLE[lang].match(nxt) and not MARKER.match(line):
            out.add(i)
    return out


# ---------------------------------------------------------------- PDF

def font_file() -> Path | None:
    """A TrueType font with the statutes' characters (fpdf2's core fonts are latin-1 only)."""
    for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
              "/Library/Fonts/Arial Unicode.ttf", "C:/Windows/Fonts/arial.ttf"):
        if Path(p).is_file():
            return Path(p)
    return None


HEADER = "OFFICIAL GAZETTE OF THE REPUBLIC — No. 2417"


def to_pdf(lang: str, *, text: str | None = None, hyphenate: bool = True, encrypt: str | None = None,
           heads: bool = True) -> bytes:
    """Several pages with a running header and a footer "Page N of M" (unless not `heads`); in the
    offence article an act word is hyphenated across a line end."""
    from fpdf import FPDF

    class Gazette(FPDF):
        def header(self):
            if not heads:
                return
            self.set_font("body", size=8)
            self.cell(0, 5, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self):
            if not heads:
                return
            self.set_y(-12)
            self.set_font("body", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Gazette()
    pdf.add_font("body", fname=str(font_file()))
    pdf.set_auto_page_break(True, 18)
    if encrypt:
        pdf.set_encryption(owner_password="owner-" + encrypt, user_password=encrypt)
    pdf.add_page()
    pdf.set_font("body", size=10)
    marker, word, cut = OFFENCE[lang]
    for line in (text.split("\n") if text is not None else lines(lang)):
        if hyphenate and line.startswith(marker):
            line = line.replace(word, f"{word[:cut]}-\n{word[cut:]}", 1)
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """Pages holding only a picture, as a scanner makes them: no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), fill=0)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def to_docx(lang: str, *, auto_numbering: bool = False) -> bytes:
    """One paragraph per line (headings in a heading style). With `auto_numbering`, the articles'
    numbers are not in the text: Word numbering draws them ("Artículo %1.-"), one list definition per
    label form, starting where the previous one stopped (pt: "Art. 1º" ... "Art. 9º", then "Art. 10.")."""
    import docx

    document = docx.Document()
    document.core_properties.title = lines(lang)[0].title()
    heads = _headings(lang)
    lists: dict = {}
    last: tuple[str, int] | None = None
    for i, line in enumerate(lines(lang)):
        if not line.strip():
            continue
        m = ARTICLE[lang].match(line)
        if auto_numbering and m:
            template = f"{m['pre']}%1{m['post']}"
            num = int(m["num"])
            if last is None or last != (template, num - 1):
                lists[template, num] = _add_list(document, template, num, "nothing" if lang == "en" else "space")
                key = (template, num)
            p = document.add_paragraph((m["sep"] if lang == "en" else "") + m["rest"])
            _number(p, lists[key])
            last = (template, num)
        elif i in heads or CONTAINER.match(line):
            document.add_paragraph(line, style="Heading 2")
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_list(document, template: str, start: int, suffix: str) -> str:
    """A new abstract numbering definition (one level) and an instance of it; returns its numId."""
    from docx.oxml import parse_xml

    root = document.part.numbering_part.element
    abstract_ids = [int(a.get(f"{{{W}}}abstractNumId")) for a in root.findall(f"{{{W}}}abstractNum")]
    num_ids = [int(n.get(f"{{{W}}}numId")) for n in root.findall(f"{{{W}}}num")]
    aid, nid = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:suff w:val="{suffix}"/>'
        f'<w:lvlText w:val="{html.escape(template)}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
    first_num = root.find(f"{{{W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)     # abstract definitions come before the instances
    else:
        root.append(abstract)
    root.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return str(nid)


def _number(paragraph, num_id: str, ilvl: int = 0) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def numbered_docx(levels: list[dict], paragraphs: list[tuple[int, str]], *, overrides: dict | None = None,
                  language: str | None = None, num_of: list[str] | None = None) -> bytes:
    """A DOCX with one hand-written abstract list (`levels`: numFmt, lvlText, start, restart) and the
    paragraphs (level, text); `overrides` {numId: {ilvl: start}} adds instances restarting the list and
    `num_of` names the instance of each paragraph (default: "1")."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if language:
        styles = document.part.styles.element
        rpr = styles.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
        lang_el = rpr.find(f"{{{W}}}lang")
        if lang_el is None:
            lang_el = parse_xml(f'<w:lang xmlns:w="{W}"/>')
            rpr.append(lang_el)
        lang_el.set(f"{{{W}}}val", language)
    root = document.part.numbering_part.element
    for child in list(root):
        root.remove(child)
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="{lv.get("start", 1)}"/><w:numFmt w:val="{lv["fmt"]}"/>'
        + (f'<w:lvlRestart w:val="{lv["restart"]}"/>' if "restart" in lv else "")
        + f'<w:lvlText w:val="{html.escape(lv["text"])}"/></w:lvl>' for k, lv in enumerate(levels))
    root.append(parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="7">{lvls}</w:abstractNum>'))
    root.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="1"><w:abstractNumId w:val="7"/></w:num>'))
    for nid, starts in (overrides or {}).items():
        body = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>' for k, v in starts.items())
        root.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="7"/>{body}</w:num>'))
    for k, (level, text) in enumerate(paragraphs):
        p = document.add_paragraph(text)
        if level is not None:
            _number(p, (num_of or [])[k] if num_of else "1", level)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- HTML

NOISE_SCRIPT = "document.title = 'Artículo 99. Section 99. Whoever recruits a person by force commits trafficking';"


def to_html(lang: str) -> str:
    """The statute in <main>, surrounded by what a legislation portal puts around it."""
    heads = _headings(lang)
    body = []
    for i, line in enumerate(lines(lang)):
        if not line.strip():
            continue
        text = html.escape(line, quote=False).replace("—", "&mdash;").replace("«", "&laquo;").replace("»", "&raquo;")
        if i == 0:
            body.append(f"<h1>{text}</h1>")
        elif CONTAINER.match(line) or i in heads:
            body.append(f"<h2 class='heading'>{text}</h2>")
        else:
            body.append(f"<p>{text}</p>")
    return (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(lines(lang)[0])} | Portal</title>"
            f"<style>p {{ margin: 0 }} .x::before {{ content: 'Article 98' }}</style>"
            f"<script>{NOISE_SCRIPT}</script></head>\n<body>"
            "<header><a href='/'>Legislation portal</a> Section 1. Home</header>"
            "<nav><ul><li><a href='/acts'>Acts</a></li><li>Article 97 — forced labour and slavery</li></ul></nav>"
            f"<main>\n{chr(10).join(body)}\n</main>"
            "<aside>Related: abduction, fraud, deception (see Article 96)</aside>"
            "<form><input name='q'><button>Search the prostitution of others</button></form>"
            "<footer>Section 95. © Portal — all rights reserved</footer>"
            "<noscript>Article 94. Enable scripts</noscript></body></html>\n")


# ---------------------------------------------------------------- Markdown

def to_markdown(lang: str) -> str:
    """A git mirror's file: YAML front matter, '#' headings, bold signatures."""
    heads = _headings(lang)
    out = ["---", f'title: "{lines(lang)[0]}"', f"identifier: model-law-{lang}", f"language: {lang}",
           "publication_date: 2024-05-02", "article_count: 25", "tags: [model, example]", "---"]
    for i, line in enumerate(lines(lang)):
        if i == 0:
            out.append(f"# {line}")
        elif CONTAINER.match(line):
            out.append(f"## {line}")
        elif i in heads:
            out.append(f"#### {line}")
        elif ARTICLE[lang].match(line) and lang in ("es", "fr"):
            out.append(f"##### {line}")     # "##### Artículo 4.- Trata de personas." as the mirrors write it
        else:
            out.append(line)
    out += ["", "**THE PRESIDENT OF THE REPUBLIC**", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- Akoma Ntoso

def to_akn(lang: str, *, bare_numbers: bool = True, namespace: str = AKN_NS) -> str:
    """The statute's structure as Akoma Ntoso: chapters/parts, articles (sections for the English
    example) with num and heading, numbered paragraphs and points."""
    ls = lines(lang)
    heads = _headings(lang)
    unit = "section" if lang == "en" else "article"
    x = lambda s: html.escape(s, quote=False)  # noqa: E731
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{namespace}"><act name="act">'
           f'<meta><identification source="#tests"><FRBRWork><FRBRthis value="/akn/xx/act/model"/>'
           f'<FRBRlanguage language="{AKN_LANG[lang]}"/></FRBRWork></identification></meta>',
           f"<preface><longTitle><p><docTitle>{x(ls[0])}</docTitle></p></longTitle></preface><preamble>"]
    where = "preamble"
    skip = set()
    for i, line in enumerate(ls[1:], start=1):
        if i in skip or not line.strip() or i in heads:
            continue
        m = ARTICLE[lang].match(line)
        if CONTAINER.match(line) or m:
            if where == "preamble":
                out.append("</preamble><body>")
            if where == "article":
                out.append(f"</{unit}>")
            if CONTAINER.match(line):
                if where in ("article", "chapter"):
                    out.append("</chapter>")
                head = next(k for k in range(i + 1, len(ls)) if ls[k].strip())
                skip.add(head)
                out.append(f"<chapter><num>{x(line)}</num><heading>{x(ls[head])}</heading>")
                where = "chapter"
                continue
            heading = ls[max(k for k in heads if k < i)] if i - 1 in heads or i - 2 in heads else ""
            rest = m["rest"]
            if lang in ("es", "fr"):
                heading, rest = rest, ""
            num = m["num"] if bare_numbers else f"{m['pre']}{m['num']}{m['post']}"
            out.append(f"<{unit} eId='art_{m['num']}'><num>{x(num)}</num>" + (f"<heading>{x(heading)}</heading>" if heading else ""))
            if rest:
                out.append(_akn_paragraph(rest, x))
            where = "article"
            continue
        out.append(_akn_paragraph(line, x) if where != "preamble" else f"<p>{x(line)}</p>")
    out.append(f"</{unit}></chapter></body></act></akomaNtoso>\n" if where == "article" else "</body></act></akomaNtoso>\n")
    return "".join(out)


def _akn_paragraph(line: str, x) -> str:
    m = MARKER.match(line)
    if m:
        return f"<paragraph><num>{x(m['num'])}</num><content><p>{x(m['rest'])}</p></content></paragraph>"
    return f"<paragraph><content><p>{x(line)}</p></content></paragraph>"


def mutate(data: bytes, positions: list[int], values: list[int], cut: int | None = None) -> bytes:
    """Bytes changed at some positions (and maybe cut short): a damaged copy for the fuzz tests."""
    b = bytearray(data)
    for p, v in zip(positions, values):
        if b:
            b[p % len(b)] = v
    return bytes(b[:cut] if cut is not None else b)


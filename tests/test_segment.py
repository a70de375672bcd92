"""Segmentation of English statute structure: numbering styles, headings and definitions."""

from __future__ import annotations

import pytest

from tipcheck.segment import segment

CASES = [
    ("Section N.", "Section 3. Offences\n(1) A person commits an offence.\n", ["s. 3", "s. 3(1)"]),
    ("bare N.", "3. A person who recruits another commits an offence.\n", ["s. 3"]),
    ("N.—(1)", "3.—(1) A person commits an offence.\n(2) It is punishable.\n", ["s. 3", "s. 3(1)", "s. 3(2)"]),
    ("s. N(1)(a)", "s. 3(1)(a) recruits another person;\n", ["s. 3", "s. 3(1)", "s. 3(1)(a)"]),
    ("§ N with (a)(1)(A)(i)", "§ 1590. Trafficking\n(a) Whoever\n(1) recruits\n(A) a person\n(i) knowingly\n",
     ["§ 1590", "§ 1590(a)", "§ 1590(a)(1)", "§ 1590(a)(1)(A)", "§ 1590(a)(1)(A)(i)"]),
    ("(1)(a)(i) UK style", "4. Offence\n(1) A person—\n(a) who recruits, or\n(b) who transports,\n(i) by force;\n",
     ["s. 4", "s. 4(1)", "s. 4(1)(a)", "s. 4(1)(b)", "s. 4(1)(b)(i)"]),
    ("(h) then (i) is a letter", "5. List\n(1) Items—\n(g) g;\n(h) h;\n(i) i;\n(j) j.\n",
     ["s. 5", "s. 5(1)", "s. 5(1)(g)", "s. 5(1)(h)", "s. 5(1)(i)", "s. 5(1)(j)"]),
    ("Article with numbered paragraphs", "Article 9 — Trafficking\n1. It is an offence.\n2. It is punishable.\n",
     ["Art. 9", "Art. 9(1)", "Art. 9(2)"]),
    ("inline markers", "7. Penalty\n(1) Ten years. (2) Where the victim is a child, life.\n",
     ["s. 7", "s. 7(1)", "s. 7(2)"]),
    ("heading-numbered units", "Trafficking of person.\n(1) Whoever recruits commits an offence.\n",
     ["“Trafficking of person”", "“Trafficking of person”(1)"]),
]


@pytest.mark.parametrize("name,text,labels", CASES, ids=[c[0] for c in CASES])
def test_segment_numbering_styles(name, text, labels):
    seg = segment(text)
    assert [p.label for p in seg.provisions if p.kind not in ("preamble", "part", "chapter")] == labels


def test_segment_parts_chapters_and_headings():
    text = "PART 2\nOFFENCES\n\nHuman trafficking\n\n2.—(1) A person commits an offence.\n"
    seg = segment(text)
    kinds = [(p.kind, p.label) for p in seg.provisions]
    assert ("part", "Part 2") in kinds
    section = next(p for p in seg.provisions if p.label == "s. 2")
    assert section.heading == "Human trafficking"


def test_segment_spans_are_exact_and_nested():
    text = "Section 4. Trafficking\n(1) A person who recruits.\n(a) by force;\n"
    seg = segment(text)
    for p in seg.provisions:
        assert 0 <= p.start <= p.end <= len(text)
        assert text[p.start:p.end] == text[p.start:p.end].rstrip()
    sub = next(p for p in seg.provisions if p.label == "s. 4(1)(a)")
    assert text[sub.start:sub.end] == "(a) by force;"


DEFINITIONS = [
    ("“exploitation” includes the prostitution of others", "exploitation", True),
    ('"exploitation" means forced labour', "exploitation", False),
    ("The expression “exploitation” shall include slavery", "exploitation", True),
    ("The term “coercion” means threats of serious harm", "coercion", False),
    ("the term commercial sex act means any sex act", "commercial sex act", False),
    ("“child” (or “minor”) means a person under 18", "child", False),
]


@pytest.mark.parametrize("sentence,term,inclusive", DEFINITIONS)
def test_segment_finds_definitions(sentence, term, inclusive):
    text = f"2. Interpretation\nIn this Act—\n(a) {sentence};\n"
    seg = segment(text)
    found = {d.term: d for d in seg.definitions}
    assert term in found
    assert found[term].inclusive is inclusive
    d = found[term]
    assert term in text[d.start:d.end].lower()


def test_segment_text_without_numbering_is_one_unit():
    seg = segment("Whoever recruits a person for exploitation commits an offence.\n")
    assert len(seg.provisions) == 1


# Text after an article's number is its heading only if it does not read as a sentence.
SAME_LINE = [
    ("pt", "Art. 18. O Ministro designará abrigos para as vítimas.\nArt. 19. Esta Lei entra em vigor.\n", ""),
    ("pt", "Art. 149-A. Tráfico de Pessoas\nAgenciar, aliciar ou recrutar pessoa.\n", "Tráfico de Pessoas"),
    ("es", "Artículo 5.- El Estado garantizará asistencia a las víctimas.\nArtículo 6.- Vigencia.\n", ""),
    ("es", "Artículo 145 bis.- Trata de personas.\nEl que captare a una persona será reprimido.\n", "Trata de personas"),
    ("fr", "Article 12. L'État assure la protection des victimes.\nArticle 13. Entrée en vigueur\n", ""),
    ("fr", "Article 12. Les victimes bénéficient d'un hébergement sûr.\nArticle 13. Entrée en vigueur\n", ""),
    ("fr", "Article 225-4-1. De la traite des êtres humains\nLa traite est le fait de recruter une personne.\n",
     "De la traite des êtres humains"),
]


@pytest.mark.parametrize("lang,text,heading", SAME_LINE)
def test_text_on_the_article_line_is_law_not_a_heading(lang, text, heading):
    seg = segment(text, lang)
    first = seg.provisions[0]
    assert first.heading == heading
    if not heading:
        assert not any(a < first.end and first.start < b for a, b in seg.headings), "the article's text was blanked"


# Definitions clauses as civil-law statutes write them.
CIVIL_DEFINITIONS = [
    ("es", "Artículo 2.- Se entiende por explotación la reducción a servidumbre.", "explotación"),
    ("pt", "Art. 2º Para os fins desta Lei, considera-se exploração a redução à condição de escravo.", "exploração"),
    ("fr", "Article 2\nAu sens de la présente loi, on entend par exploitation le fait de réduire en servitude.",
     "exploitation"),
    ("fr", "Article 2\n1° « exploitation » : le fait de réduire une personne en servitude ;", "exploitation"),
]


@pytest.mark.parametrize("lang,text,term", CIVIL_DEFINITIONS)
def test_civil_law_definitions_are_found(lang, text, term):
    assert term in [d.term for d in segment(text, lang).definitions]

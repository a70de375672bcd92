"""Properties that hold for any text: segmentation never raises and keeps its spans consistent, and every
piece of evidence in a report points at exactly the words it quotes.

Texts are random unicode and, more usefully, statute-like texts composed from fragments we wrote
(headings, each tradition's numbering, enumerations, definitions, negations) with awkward whitespace and
unicode mixed in. Shrunk counterexamples found here are kept as explicit regression cases below.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipcheck.api import check_text
from tipcheck.errors import TipcheckError
from tipcheck.ingest import from_text
from tipcheck.segment import segment, subtree_end, subtree_ends

LANGS = ("en", "es", "pt", "fr")

# ---- fragments ------------------------------------------------------------------------------------
NUM = st.integers(min_value=1, max_value=400).map(str)
HEADINGS = st.sampled_from([
    "PART 2", "PART II — OFFENCES", "CHAPTER IV", "Title 3", "TÍTULO II", "Capítulo I — De la trata",
    "CAPÍTULO ÚNICO", "Seção II", "Chapitre premier", "Section 2 : De la traite", "Trafficking in persons",
    "Human trafficking", "Interpretation", "Trata de personas", "Tráfico de Pessoas", "De la traite des êtres humains",
    "Aggravated forms", "Disposiciones generales", "Dos crimes", "Dispositions finales",
])
SECTION_STARTS = st.one_of(
    st.builds("Article {}.".format, NUM), st.builds("Article {} —".format, NUM), st.builds("Artículo {}".format, NUM),
    st.builds("Artículo {} bis.-".format, NUM), st.builds("Art. {}-A.".format, NUM), st.builds("Art. {}º".format, NUM),
    st.builds("Section {}(1)(a)".format, NUM), st.builds("Section {}.".format, NUM), st.builds("{}.—(1)".format, NUM),
    st.builds("§ {}.".format, NUM), st.builds("s. {}(1)".format, NUM), st.builds("Article 225-4-{}".format, NUM),
    st.builds("{}.".format, NUM), st.builds("Artigo {}.º".format, NUM), st.just("Article premier"), st.just("Art. 1er"),
)
MARKERS = st.sampled_from([
    "(a)", "a)", "(b)", "b)", "(i)", "(ii)", "(h)", "(1)", "(2)", "1.", "2.", "I -", "II –", "III.", "1°", "2°",
    "§ 1º", "§ 2º", "Parágrafo único.", "Parágrafo 1.", "Explanation.—", "Proviso:", "Alinéa 2", "(A)", "(I)",
])
BODIES = st.sampled_from([
    "A person who recruits, transports, transfers, harbours or receives another person by force or deception "
    "for the purpose of exploitation commits an offence and is liable to imprisonment for 15 years.",
    "The consent of a victim to the intended exploitation is irrelevant where any of the means has been used.",
    "Where the victim is a child, the penalty is imprisonment for life.",
    "The Agency may provide shelter to victims who cooperate with the prosecution;",
    "El que captare, transportare, trasladare, acogiere o recibiere personas con fines de explotación será "
    "reprimido con prisión de cuatro a ocho años.",
    "El consentimiento de la víctima no constituirá en ningún caso causal de eximición de responsabilidad.",
    "Agenciar, aliciar, recrutar, transportar, transferir, comprar, alojar ou acolher pessoa, mediante grave "
    "ameaça, violência, coação, fraude ou abuso, com a finalidade de exploração: Pena - reclusão, de 4 (quatro) "
    "a 8 (oito) anos, e multa.",
    "La traite des êtres humains est le fait de recruter une personne, de la transporter, de la transférer, de "
    "l'héberger ou de l'accueillir à des fins d'exploitation. Elle est punie de sept ans d'emprisonnement.",
    "The victim shall not be prosecuted for offences committed as a direct consequence of being trafficked.",
    "No será punible la víctima de trata por los delitos cometidos como resultado directo de su condición.",
    "A vítima não será responsabilizada pelos crimes cometidos em razão do tráfico.",
    "La victime n'est pas pénalement responsable des infractions commises sous la contrainte.",
    "by threat or use of force;", "abduction, fraud or deception;", "for the purpose of forced labour;",
    "This Act comes into force on the first day of July.", "comes into force", "or",
])
DEFINITIONS = st.sampled_from([
    '"exploitation" means forced labour or services', "“child” means a person under eighteen years of age",
    "“exploitation” includes the prostitution of others", "the term commercial sex act means any sex act",
    "“child” (or “minor”) means a person under 18", "Se entiende por explotación la reducción a servidumbre",
    "A los efectos de la presente ley, se entiende por trata de personas: el ofrecimiento",
    "Para os fins desta Lei, considera-se exploração a redução à condição análoga à de escravo",
    "Au sens de la présente loi, on entend par exploitation le fait de réduire en servitude",
    "1° « exploitation » : le fait de réduire une personne en servitude ;", "explotación comprende",
])
ODD = st.sampled_from([
    "\u0301", "e\u0301", "\u00a0", "\u200b", "\u200d", "\u200f", "\u202e", "\u2028", "\u2029", "\ufeff", "\x0c",
    "\x85", "\t", "   ", "🙂", "👩‍👩‍👧", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U0010fffd", "“", "”", "«", "»", "—", "–", "º", "°", "§", "(", ")",
    "ﬁ", "İ", "ß", "Ǆ", "ΐ",
])
PIECE = st.one_of(HEADINGS, SECTION_STARTS, MARKERS, BODIES, DEFINITIONS, ODD, NUM)


@st.composite
def lines(draw) -> str:
    """One line as statutes write them (a heading; a number, markers and text; a definition), or a
    jumble of fragments; then odd characters slipped in anywhere, and now and then a very long line."""
    kind = draw(st.integers(0, 5))
    if kind == 0:
        line = draw(HEADINGS)
    elif kind in (1, 2):
        starts = [draw(SECTION_STARTS)] if kind == 1 else []
        marks = draw(st.lists(MARKERS, max_size=3))
        line = " ".join(starts + marks + [draw(st.one_of(BODIES, DEFINITIONS, st.just("")))])
    elif kind == 3:
        line = draw(st.sampled_from(["", "(a) ", "1. ", "— "])) + draw(DEFINITIONS) + draw(st.sampled_from([";", ".", ""]))
    else:
        line = draw(st.sampled_from([" ", "", "\t", "  "])).join(draw(st.lists(PIECE, max_size=4)))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(ODD) + line[at:]
    if draw(st.integers(0, 20)) == 0:
        line = " ".join([line or "x"] * draw(st.integers(20, 200)))   # a very long line
    return line


@st.composite
def statutes(draw) -> str:
    body = draw(st.lists(lines(), min_size=0, max_size=25))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n \n"]))
    text = sep.join(body)
    if draw(st.booleans()):
        text = draw(ODD) + text
    return text


ANY_TEXT = st.one_of(st.text(max_size=400), statutes())

# ---- the properties -------------------------------------------------------------------------------


def check_segmentation(text: str, lang: str) -> None:
    seg = segment(text, lang)
    provs = seg.provisions
    assert provs, "there is always at least one provision"
    n = len(text)
    for i, p in enumerate(provs):
        assert p.index == i
        assert 0 <= p.start <= p.end <= n, p
        if i + 1 < len(provs):
            # In text order; each provision's own text ends where the next begins.
            assert p.start <= provs[i + 1].start and p.end <= provs[i + 1].start, (p, provs[i + 1])
        if p.parent is not None:
            parent = provs[p.parent]
            assert p.parent < i and parent.depth < p.depth, (parent, p)
            assert parent.start <= p.start and p.end <= subtree_end(provs, p.parent), (parent, p)
        if p.section is not None:
            assert 0 <= p.section <= i
            assert provs[p.section].start <= p.start
    assert subtree_ends(provs) == [subtree_end(provs, i) for i in range(len(provs))]
    for k, d in enumerate(seg.definitions):
        own = provs[d.provision]
        assert own.start <= d.start < max(own.end, own.start + 1), (d, own)
        assert d.start <= d.end <= subtree_end(provs, d.provision), (d, own)
        if k + 1 < len(seg.definitions):
            assert d.end <= seg.definitions[k + 1].start
    for k, (a, b) in enumerate(seg.headings):
        assert 0 <= a <= b <= n
        if k + 1 < len(seg.headings):
            assert b <= seg.headings[k + 1][0], "headings are sorted and disjoint"


def check_report(text: str, lang: str) -> None:
    try:
        report = check_text(text, lang=lang)
    except TipcheckError as exc:
        assert exc.code == "E104" and not text.replace("\r", "\n").strip(), exc   # only "nothing to analyse"
        return
    analysed = from_text(text).text
    labels = {p.label for p in segment(analysed, lang).provisions}
    for result in report.results:
        for ev in result.evidence:
            assert 0 <= ev.start <= ev.end <= len(analysed)
            assert ev.quote == analysed[ev.start:ev.end]
            assert ev.line == analysed.count("\n", 0, ev.start) + 1
            assert ev.column == ev.start - (analysed.rfind("\n", 0, ev.start) + 1) + 1
            assert ev.provision in labels, (ev.provision, sorted(labels))


# Shrunk examples of failures found by these properties (kept as regression cases).
REGRESSIONS: list[tuple[str, str]] = [
    # A heading before a Part line was kept pending, and the paragraph after the Part opened a unit
    # starting at that older heading: before the Part itself, with its end before its start.
    ("fr", 'Article 1. A person who recruits commits an offence.\nPART II — OFFENCES\n'
           '(a) "exploitation" means forced labour or services;\nChapitre premier\n'
           '(a) "exploitation" means forced labour or services;'),
    ("en", "Article 1. Text.\nOffences\n(a) first;\nCHAPTER 2\n(a) second;"),
]


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
def test_segmentation_holds_for_any_text(lang, text):
    check_segmentation(text, lang)


@pytest.fixture(scope="module", autouse=True)
def _packs_loaded():
    check_text("Section 1. A person who recruits another commits an offence.\n", lang="en")   # load once


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=25, deadline=5000, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=statutes())
def test_evidence_points_at_its_words(lang, text):
    check_report(text, lang)


@pytest.mark.parametrize("lang,text", REGRESSIONS or [pytest.param("en", "", marks=pytest.mark.skip("none yet"))])
def test_regressions(lang, text):
    check_segmentation(text, lang)
    check_report(text, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_model_law_meets_the_properties(lang):
    from conftest import EXAMPLES
    text = (EXAMPLES / lang / "model-law" / "statute.txt").read_text(encoding="utf-8")
    check_segmentation(text, lang)
    check_report(text, lang)



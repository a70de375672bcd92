"""The batch's first scan: cheap, and it never drops a text the full analysis finds relevant.

The guarantee is tested on every rule fixture (tests/test_rule_fixtures.py: each fixture the analysis
finds relevant must be a candidate), on the labelled statutes of ../shared/corpus, and here on a sample
of the national corpus that the scan drops, which the full analysis must find irrelevant too.
"""

from __future__ import annotations

import random

import pytest

import tipcheck
from tipcheck.screen import candidate, names
from conftest import CORPUS, corpus_or_skip

NAMING = [
    "Ley integral contra la trata de personas",
    "Las víctimas de trata tendrán derecho a asistencia.",
    "el delito de trata será perseguido de oficio",
    "The Trafficking Victims Protection Act",
    "Lei de enfrentamento ao tráfico de pessoas",
    "o tráfico internacional de mulheres",
    "la lutte contre la traite des êtres humains",
    "la traite d'un mineur",
    "Se entiende por «trata» la captación de personas.",
    "A los efectos de esta ley se entiende por trata la captación de una persona con fines de explotación.",
    "Entende-se por tráfico o recrutamento de pessoa para fins de exploração.",
    "On entend par traite le recrutement d'une personne aux fins de son exploitation.",
    "tráfico ilícito de migrantes",
]
NOT_NAMING = [
    "Cuando se trata de una obligación tributaria, rige el artículo 5.",
    "el tráfico de estupefacientes y sustancias psicotrópicas",
    "Apruébase el tratado de extradición con la República Argentina.",
    "le traité de coopération signé à Paris",
    "the regulation of road traffic signs",   # "traffic" alone is not "trafficking" nor "traffic in"
    "Regúlase el tráfico aéreo en los aeropuertos internacionales.",
]


@pytest.mark.parametrize("text", NAMING)
def test_names_trafficking(text):
    assert names(text.lower()) and candidate(text)


@pytest.mark.parametrize("text", NOT_NAMING)
def test_does_not_take_other_words_for_trafficking(text):
    assert not names(text.lower()) and not candidate(text)


# The second door: an offence built from its parts, without the word. Its purpose must be within an
# article's reach of words that punish and of an act.
UNNAMED = [
    ("Artículo 3. El que reclutare a una persona para ejercer la prostitución será castigado con tres a seis años de penitenciaría.", True),
    ("Section 2. A person who recruits another for forced labour is guilty of an offence.", True),
    ("Art. 4º Aliciar pessoa para fins de exploração sexual. Pena: reclusão, de dois a seis anos.", True),
    ("Article 9. Le fait d'héberger une personne réduite en esclavage est puni de dix ans d'emprisonnement.", True),
    ("Artículo 1. La explotación de las canteras del Estado estará a cargo del Ministerio de Industria.", False),
    ("Artículo 1. El que reclutare a una persona para la prostitución " + "y " * 1500 + "será castigado con prisión.", False),
]


@pytest.mark.parametrize("text,expected", UNNAMED)
def test_unnamed_offences_reach_analysis(text, expected):
    assert candidate(text) is expected


def test_the_labelled_statutes_all_pass_the_scan():
    corpus = corpus_or_skip()
    statutes = sorted(corpus.glob("*.txt"))
    assert statutes
    dropped = [p.name for p in statutes if not candidate(p.read_text(encoding="utf-8"))]
    assert not dropped


def test_what_the_scan_drops_in_a_national_corpus_analysis_finds_irrelevant():
    corpus_or_skip()
    laws = sorted((CORPUS / "national" / "uy").glob("*.md"))
    if not laws:
        pytest.skip("no national corpus")
    dropped = [p for p in laws if not candidate(p.read_text(encoding="utf-8", errors="replace"))]
    assert len(dropped) > len(laws) * 0.9        # the scan is worth having: most laws are not about trafficking
    sample = random.Random(7).sample(dropped, 80)
    relevant = [p.name for p in sample
                if tipcheck.check([str(p)], lang="es").documents[0].concerns_trafficking]
    assert not relevant, f"the scan would drop these relevant laws: {relevant}"

"""Spanish, Portuguese and French: detection, civil-law numbering, penalties, and the offence model."""

from __future__ import annotations

import math

import pytest

import tipcheck
from tipcheck.assess.penalty import read
from tipcheck.detect import detect
from tipcheck.errors import UsageError
from tipcheck.segment import segment

SAMPLES = {
    "en": "Section 4. A person who recruits or harbours another person for the purpose of exploitation shall be "
          "guilty of an offence and is liable to imprisonment for a term not exceeding fifteen years.",
    "es": "Artículo 12. El que captare o acogiere a una persona con fines de explotación será reprimido con "
          "prisión de seis a doce años, y la pena se elevará cuando la víctima fuere menor de edad.",
    "pt": "Art. 5º Quem recrutar ou alojar pessoa com a finalidade de exploração será punido com reclusão, "
          "de quatro a dez anos, e multa, não sendo necessário que a vítima tenha saído do país.",
    "fr": "Article 7. Le fait de recruter ou d'héberger une personne en vue de son exploitation est puni de "
          "dix ans d'emprisonnement, et la tentative des délits prévus au présent article est punie des mêmes peines.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_language(lang):
    assert detect(SAMPLES[lang]) == lang


# One-article laws (a holiday, an approval of a treaty): a few function words among names and numbers.
SHORT = {
    "en": "Section 1. The agreement signed at Lima on 3 May 1998 is approved.\nSection 2. This Act comes into force on 1 June.",
    "es": "Artículo 1\nDeclárase feriado el día 12 de octubre de 1975 en todo el territorio nacional.\nArtículo 2\nComuníquese.",
    "pt": "Art. 1º Fica aprovado o acordo assinado em Brasília, em 4 de março de 1999.\nArt. 2º Esta lei entra em vigor na data da publicação.",
    "fr": "Article 1. La convention signée à Ottawa le 2 mai 1997 est approuvée.\nArticle 2. La présente loi entre en vigueur le 1er juin.",
}


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_detects_the_language_of_a_short_law(lang):
    assert detect(SHORT[lang]) == lang


@pytest.mark.parametrize("text", [
    "12345 678 ------ ???",
    "1\nGARCÍA PÉREZ - MARTÍNEZ - BORDABERRY - 1975 - 1976",           # names and numbers only
    SAMPLES["es"] + " " + SAMPLES["pt"] + " " + SAMPLES["fr"],           # no language clearly ahead
])
def test_refuses_a_text_of_no_clear_language_table(text):
    with pytest.raises(UsageError) as err:
        detect(text)
    assert err.value.code == "E302"


def test_refuses_a_text_of_no_clear_language():
    with pytest.raises(UsageError) as err:
        detect("12345 678 ------ ???")
    assert err.value.code == "E302" and "--lang" in err.value.hint


NUMBERING = [
    # A line wrapped before a cross-reference opens nothing: "section 7", "artículo 54 de la ley".
    ("en", "Section 4. A person who, in breach of the duties in\nsection 7, recruits another person commits an offence.\n"
           "Section 5. Consent is irrelevant.\n", ["s. 4", "s. 5"]),
    # A law of one article.
    ("es", "Artículo Único\nDeclárase feriado el día\nseñalado en el\nartículo 54 de la ley 17.000.\n", ["Art. Único"]),
    ("es", "ARTÍCULO ÚNICO.- Apruébase el convenio.\n", ["Art. ÚNICO"]),
    ("pt", "Artigo único. Esta lei entra em vigor na data de sua publicação,\nrevogado o\nart. 3 da lei anterior.\n", ["Art. único"]),
    ("fr", "Article unique. La présente loi modifie\nl'\narticle 4 du code pénal.\n", ["Art. unique"]),
    ("es", "Artículo 145 bis. - Será reprimido\n1. Primero.\n2. Segundo.\n", ["Art. 145 bis", "Art. 145 bis(1)", "Art. 145 bis(2)"]),
    ("es", "Artículo 153-A.- Formas agravadas\na) primera;\nb) segunda.\n", ["Art. 153-A", "Art. 153-A(a)", "Art. 153-A(b)"]),
    ("pt", "Art. 149-A. Agenciar pessoa:\nI - para um fim;\nII - para outro.\n§ 1º A pena é aumentada:\nI - se grave.\n",
     ["Art. 149-A", "Art. 149-A(I)", "Art. 149-A(II)", "Art. 149-A § 1", "Art. 149-A § 1(I)"]),
    ("fr", "Article 225-4-1\nI. - La traite est le fait de recruter.\nII. - Elle est aussi punie.\n",
     ["Art. 225-4-1", "Art. 225-4-1(I)", "Art. 225-4-1(II)"]),
    ("es", "##### Artículo 3\n\nEl que captare será castigado.\n", ["Art. 3"]),
]


@pytest.mark.parametrize("lang,text,labels", NUMBERING, ids=[f"{n[0]}-{i}" for i, n in enumerate(NUMBERING)])
def test_civil_law_numbering(lang, text, labels):
    assert [p.label for p in segment(text, lang).provisions if p.kind not in ("preamble",)] == labels


PENALTIES = [
    ("es", "será reprimido con prisión de cuatro (4) a ocho (8) años.", 8, False),
    ("es", "será sancionado con pena privativa de libertad no menor de ocho ni mayor de quince años.", 15, False),
    ("es", "incurrirá en prisión de ciento sesenta (160) a doscientos setenta (270) meses y multa.", 22.5, False),
    ("es", "será castigado con prisión de tres a seis años o multa.", 6, True),
    ("es", "incurrirá en prisión de trece (13) a veintitrés (23) años y multa de mil quinientos (1.500) salarios.", 23, False),
    ("pt", "Pena - reclusão, de 4 (quatro) a 8 (oito) anos, e multa.", 8, False),
    ("pt", "Pena - detenção, de um a três anos, ou multa.", 3, True),
    ("fr", "est puni de dix ans d'emprisonnement et de 1 500 000 euros d'amende.", 10, False),
    ("fr", "est puni de la réclusion criminelle à perpétuité.", math.inf, False),
    ("fr", "est puni de vingt ans de réclusion criminelle et de 3 000 000 euros d'amende.", 20, False),
    ("fr", "commet un acte criminel passible d'un emprisonnement maximal de quatorze ans.", 14, False),
    ("en", "is liable to a fine or to imprisonment for a term not exceeding 12 (twelve) years.", 12, True),
]


@pytest.mark.parametrize("lang,clause,maximum,fine", PENALTIES, ids=[p[1][:30] for p in PENALTIES])
def test_penalties_in_four_languages(lang, clause, maximum, fine):
    found = read(clause, 0, len(clause), lang)
    assert found and found[0].max_years == maximum and found[0].fine_alternative is fine


def test_spanish_offence_is_found_and_a_lottery_is_not():
    offence = ("Artículo 9. Trata de personas. El que captare, transportare, acogiere o recibiere a una persona, "
               "mediante violencia, amenaza o engaño, con fines de explotación sexual o laboral, será castigado "
               "con prisión de cuatro a doce años.\n")
    lottery = ("Artículo 40. La explotación y recepción de apuestas sin autorización será sancionada con multa "
               "de cien a mil unidades.\n")
    got = {r.id: r.status for r in tipcheck.api.check_text(offence, lang="es").results}
    assert got["palermo.5.1.criminal-offence"] == "met"
    assert got["palermo.3a.act.recruitment"] == "met" and got["palermo.3a.means.fraud-deception"] == "met"
    assert got["untoc.11.1.penalty-gravity"] == "met"
    assert tipcheck.api.check_text(lottery, lang="es").verdict == "NO_OFFENCE"


def test_unassessed_requirements_say_so(tmp_path):
    """A pack that previews a language without wording for a rule reports it as not assessed, never as
    a silent `missing`."""
    pack = tmp_path / "preview"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: preview\ntitle: Preview\nversion: 1.0.0\nlanguages: [en]\n"
                                    "preview_languages: [es]\ninstrument: Test\n", encoding="utf-8")
    (pack / "rules.yaml").write_text(
        "rules:\n  - id: untoc.24.witness-protection\n    title: Witnesses are protected\n"
        "    source: UNTOC art. 24\n    assess: provision\n    description: Witness protection.\n"
        "    remediation: Protect witnesses.\n    patterns:\n      en:\n        - witness protection\n",
        encoding="utf-8")
    offence = ("Artículo 9. El que captare a una persona con fines de explotación sexual será castigado "
               "con prisión de cuatro a doce años.\n")
    run = dict(lang="es", packs=["preview"], rules_dirs=[str(pack)])
    witness = {r.id: r for r in tipcheck.api.check_text(offence, report_lang="en", **run).results}["untoc.24.witness-protection"]
    assert witness.status == "missing" and "not assessed" in witness.note
    # In the statute's own language the note says the same.
    from tipcheck.i18n import msg, render
    spanish = {r.id: r for r in tipcheck.api.check_text(offence, **run).results}
    assert spanish["untoc.24.witness-protection"].note == render(msg("not-assessed", language=msg("language.es")), "es")

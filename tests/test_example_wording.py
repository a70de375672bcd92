"""Wording that only illustrates or adds an alternative ("including children", "or where ...") does not
narrow a provision; the same words used otherwise do. Per language: Portuguese "o" is an article."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tipcheck.assess.common import _example
from tipcheck.models import Hit

CASES = [
    ("en", "Services shall be provided to victims, including [children].", True),
    ("en", "Services shall be provided to victims or [children].", True),
    ("en", "Services shall be provided only to [children].", False),
    ("es", "Se prestará asistencia a las víctimas, incluidas [las niñas].", True),
    ("es", "Se prestará asistencia a las víctimas o [a sus familiares].", True),
    ("es", "Las víctimas serán incluidas en [el programa de testigos].", False),
    ("pt", "Os órgãos observarão o [princípio da não punição].", False),
    ("pt", "Será incluída no [programa de proteção] a vítima que colaborar.", False),
    ("pt", "Serão assistidas as vítimas, incluídas [as crianças].", True),
    ("pt", "Serão assistidas as vítimas ou [seus familiares].", True),
    ("fr", "Les victimes, y compris [les enfants], sont hébergées.", True),
    ("fr", "Les victimes et [leurs enfants] sont hébergés.", True),
    ("fr", "Seuls [les enfants] sont hébergés.", False),
]


@pytest.mark.parametrize("lang,marked,expected", CASES)
def test_illustrative_wording_does_not_narrow(lang, marked, expected):
    start = marked.index("[")
    text = marked.replace("[", "").replace("]", "")
    end = marked.index("]") - 1
    ctx = SimpleNamespace(text=text, lang=lang)
    assert _example(ctx, 0, Hit("r", "partial0", start, end, 0, "partial")) is expected

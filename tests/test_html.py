"""The HTML report: one self-contained page, statute text escaped, every finding's evidence linked to
the highlighted words, the matrix carrying each element's status. (A headless-browser test is to come.)"""

from __future__ import annotations

import re

import tipcheck
from tipcheck.report import render

from conftest import CORPUS, EXAMPLES

import pytest

STATUTES = [EXAMPLES / "en" / "deficient-law" / "statute.txt", EXAMPLES / "fr" / "model-law" / "statute.txt"] + \
    ([CORPUS / "ar-ley-26364-consolidada.txt", CORPUS / "us-18usc-ch77.txt"] if CORPUS.is_dir() else [])

HOSTILE = ("Section 4. Trafficking <script>alert('x')</script> {{ 7*7 }}\n"
           "(1) A person who recruits, transports or harbours another person by force <img src=x onerror=alert(1)> "
           "for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.\n")


@pytest.mark.parametrize("statute", STATUTES, ids=lambda p: p.stem if p.name != "statute.txt" else p.parent.name)
def test_html_is_self_contained_and_links_evidence(statute):
    report = tipcheck.check([statute])
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert not re.search(r"""<(?:script|link|img)[^>]+(?:src|href)=["']?https?:""", page), "loads something from the network"
    anchors = set(re.findall(r'<(?:mark|span) id="e-([^"]+)"', page))
    links = set(re.findall(r'<a href="#e-([^"]+)"', page))
    assert links and links <= anchors
    for r in report.results:
        if r.category in ("definition-acts", "definition-means", "definition-purpose"):
            assert f'data-id="{r.id}" data-status="{r.status}"' in page


def test_statute_text_is_escaped(tmp_path):
    law = tmp_path / "law.txt"
    law.write_text(HOSTILE, encoding="utf-8")
    page = render(tipcheck.check([law], lang="en"), "html")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page and "{{ 7*7 }}" in page and "49" not in page.split("<pre")[1]

"""Huge inputs complete and judge like the small law they repeat. (Time and memory are measured by
bench/huge.py, not asserted here.)"""

from __future__ import annotations

import importlib.util
import re

import pytest

from conftest import EXAMPLES, ROOT
from tipcheck import api, match
from tipcheck.rulepack import load_packs
from tipcheck.segment import segment


def _bench():
    spec = importlib.util.spec_from_file_location("huge_bench", ROOT / "bench" / "huge.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _statuses(report) -> dict[str, str]:
    return {r.id: r.status for r in report.results}


@pytest.fixture
def pipe_lengths(monkeypatch):
    """The length of every text handed to spaCy's tokenizer (the pieces of each provision) while this
    test runs."""
    seen: list[int] = []
    original = match._pieces

    def pieces(chunk, offset):
        for text, start, own in original(chunk, offset):
            seen.append(len(text))
            yield text, start, own
    monkeypatch.setattr(match, "_pieces", pieces)
    return seen


def test_a_long_provision_is_matched_in_pieces_with_the_same_hits(monkeypatch):
    """Cutting a provision into overlapping pieces finds exactly the hits one Doc finds."""
    law = (EXAMPLES / "en" / "model-law" / "statute.txt").read_text(encoding="utf-8")
    text = " ".join(law.split("\n"))           # one line, hence one provision per inline marker run
    matcher = api._matcher(load_packs(None, [], langs=("en",)), "en")
    seg = segment(text, "en")
    whole = matcher.run(text, seg)
    monkeypatch.setattr(match, "PIECE", 700)   # far smaller than the provisions: many cuts
    assert max(p.end - p.start for p in seg.provisions) > 3 * match.PIECE
    assert matcher.run(text, seg) == whole


def test_one_line_statute(tmp_path):
    """The model law saved as one line, repeated to ~1.5 MB: judged like one copy of that line."""
    bench = _bench()
    small, big = tmp_path / "one.txt", tmp_path / "big.txt"
    bench.write_single_line(small, 0.001)      # one copy
    bench.write_single_line(big, 1.5)
    assert "\n" not in big.read_text(encoding="utf-8")
    assert _statuses(api.check([big], lang="en")) == _statuses(api.check([small], lang="en"))


def test_one_provision_beyond_spacy_max_length(pipe_lengths):
    """One provision of ~2.5 MB (no line break, no marker that opens another provision), longer than
    nlp.max_length: spaCy is given bounded pieces, and the judgement is that of one copy."""
    law = (EXAMPLES / "en" / "model-law" / "statute.txt").read_text(encoding="utf-8")
    line = re.sub(r"([.;:—–])\s+\(", r"\1 ", " ".join(law.split("\n")))
    huge = " ".join([line] * (2_500_000 // len(line)))
    assert len(segment(huge, "en").provisions) == 1 and len(huge) > api._matcher(
        load_packs(None, [], langs=("en",)), "en").nlp.max_length
    expected = _statuses(api.check_text(line, lang="en"))
    pipe_lengths.clear()
    assert _statuses(api.check_text(huge, lang="en")) == expected
    assert max(pipe_lengths) <= match.PIECE + match._OVERLAP


def test_many_article_code_judged_like_the_law_it_repeats(tmp_path):
    """~3 MB of renumbered copies of the model law: the same statuses as the model law itself, and
    evidence still quoting the text it points at."""
    bench = _bench()
    path = tmp_path / "code.txt"
    bench.write_statute(path, 3)
    expected = _statuses(api.check([EXAMPLES / "en" / "model-law" / "statute.txt"], lang="en"))
    report = api.check([path], lang="en")
    assert _statuses(report) == expected
    text = path.read_text(encoding="utf-8")
    assert report.documents[0].provisions > 15_000
    for result in report.results:
        for ev in result.evidence:
            assert ev.quote == text[ev.start:ev.end]
            assert ev.line == text.count("\n", 0, ev.start) + 1


def test_hits_come_out_in_text_order_without_duplicates():
    """Hits are ordered provision by provision (no global sort, which cost more memory than the hits on
    a 200 MB code): the concatenation must equal the globally sorted, de-duplicated list."""
    law = (EXAMPLES / "en" / "model-law" / "statute.txt").read_text(encoding="utf-8")
    text = law + "\n" + " ".join(law.split("\n")) * 3          # numbered provisions, then one long line
    matcher = api._matcher(load_packs(None, [], langs=("en",)), "en")
    hits = matcher.run(text, segment(text, "en"))
    assert len(hits) > 500
    assert hits == sorted(set(hits), key=lambda h: (h.start, h.end, h.rule, h.element, h.kind))

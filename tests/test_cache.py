"""The on-disk cache changes nothing but time: reports are byte-identical with a cold cache, a warm
one, a corrupt one and none; and the cut-down lemma entries give the same hits as the whole table."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from tipcheck import ingest, nlp
from tipcheck.match import RuleMatcher
from tipcheck.rulepack import load_packs
from tipcheck.segment import segment
from tipcheck.testing import discover, parse

from conftest import CORPUS, EXAMPLES, ROOT


def _analyze(path, env: dict) -> str:
    result = subprocess.run([sys.executable, "-m", "tipcheck", "analyze", str(path), "--format", "json",
                             "--fail-on", "never"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_reports_are_the_same_cold_warm_corrupt_and_uncached(tmp_path, lang):
    statute = EXAMPLES / lang / "model-law" / "statute.txt"
    env = {"TIPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cold = _analyze(statute, env)
    kinds = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert {"packs", "lemmas", "vocab", "messages"} <= set(kinds)
    warm = _analyze(statute, env)
    for f in (tmp_path / "cache").rglob("*.marshal"):
        f.write_bytes(b"\x00garbage")
    corrupt = _analyze(statute, env)
    none = _analyze(statute, {"TIPCHECK_NO_CACHE": "1", "TIPCHECK_CACHE_DIR": str(tmp_path / "unused")})
    assert cold == warm == corrupt == none
    assert not (tmp_path / "unused").exists()


def test_an_unwritable_cache_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    out = _analyze(EXAMPLES / "en" / "model-law" / "statute.txt", {"TIPCHECK_CACHE_DIR": str(blocker / "cache")})
    assert '"verdict": "IN_LINE"' in out


def _texts_by_language() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in discover(ROOT / "rules"):
        fx = parse(path)
        out.setdefault(fx.lang or "en", []).append(fx.text)
    for lang in ("es", "pt", "fr"):
        out.setdefault(lang, []).append((EXAMPLES / lang / "model-law" / "statute.txt").read_text(encoding="utf-8"))
    if CORPUS.is_dir():
        for meta in sorted(CORPUS.glob("*.yaml")):
            lang = (yaml.safe_load(meta.read_text(encoding="utf-8")) or {}).get("meta", {}).get("language")
            if lang in ("en", "es", "pt", "fr"):
                out.setdefault(lang, []).append(ingest.read(meta.with_suffix(".txt")).text)
    return out


@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr"])
def test_cut_down_lemma_entries_give_the_hits_of_the_whole_table(lang):
    texts = _texts_by_language()[lang]
    packs = [p for p in load_packs(langs=(lang,)) if p.speaks(lang)]
    matcher = RuleMatcher(packs, lang)        # declares its vocabulary: cut-down entries
    norms = nlp.norms(lang)
    assert norms.vocabulary and len(norms.table) < len(nlp.lemma_table(lang))
    reduced = [matcher.run(t, segment(t, lang)) for t in texts]
    saved = norms.table, norms.vocabulary
    norms.table, norms.vocabulary, norms.memo = None, None, {}   # the whole table
    try:
        whole = [matcher.run(t, segment(t, lang)) for t in texts]
    finally:
        norms.table, norms.vocabulary, norms.memo = saved[0], saved[1], {}
    assert reduced == whole

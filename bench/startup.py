"""Start-up cost per language: `tipcheck analyze` on a ~50 KB statute against `python -c "import spacy"`,
each a fresh process, medians of N runs measured in one session (read the ratios: machines are noisy).

    python bench/startup.py [--runs 3] [--corpus ../shared/corpus]

The statute for each language is built by repeating that language's labelled statutes from the corpus
(or, for English, the bundled model law) up to 50 KB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _timed(cmd: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - t


def _statute(lang: str, corpus: Path, size: int = 50_000) -> str | None:
    texts = []
    if lang == "en":
        texts.append((ROOT / "corpora" / "en" / "model-law" / "statute.txt").read_text(encoding="utf-8"))
    if corpus.is_dir():
        for meta in sorted(corpus.glob("*.yaml")):
            data = yaml.safe_load(meta.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("meta", {}).get("language") == lang:
                texts.append(meta.with_suffix(".txt").read_text(encoding="utf-8"))
    if not texts:
        return None
    out, i = "", 0
    while len(out) < size:
        out += texts[i % len(texts)] + "\n\n"
        i += 1
    return out[:size]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    spacy_cmd = [sys.executable, "-c", "import spacy"]
    print(f"runs per figure: {args.runs} (medians); 'cold' is the first run with an empty cache")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "es", "pt", "fr"):
            text = _statute(lang, args.corpus)
            if text is None:
                print(f"{lang}: no statute to measure")
                continue
            path = Path(tmp) / f"{lang}.txt"
            path.write_text(text, encoding="utf-8")
            env = {**os.environ, "TIPCHECK_CACHE_DIR": str(Path(tmp) / f"cache-{lang}")}
            cmd = [sys.executable, "-m", "tipcheck", "analyze", str(path), "--format", "json", "--fail-on", "never"]
            cold = _timed(cmd, env)
            # Alternate the two commands so that load on the machine hits both alike.
            base, warm = [], []
            for _ in range(args.runs):
                base.append(_timed(spacy_cmd))
                warm.append(_timed(cmd, env))
            b, w = statistics.median(base), statistics.median(warm)
            print(f"{lang}: import spacy {b:.2f} s; analyze 50 KB {w:.2f} s = {w / b:.1f}x "
                  f"(cold cache {cold:.2f} s = {cold / b:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up cost per language: `tipcheck analyze` on a ~50 KB statute against `python -c "import spacy"`,
each a fresh process, medians of N runs measured in one session (read the ratios: machines are noisy).

    python bench/startup.py [--runs 3] [--corpus ../shared/corpus]

The statute for each language is built by repeating that language's labelled statutes from the corpus
(or, for English, the bundled model law) up to 50 KB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
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
    base = statistics.median(_timed([sys.executable, "-c", "import spacy"]) for _ in range(args.runs))
    print(f"python -c 'import spacy': {base:.2f} s (median of {args.runs})")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "es", "pt", "fr"):
            text = _statute(lang, args.corpus)
            if text is None:
                print(f"{lang}: no statute to measure")
                continue
            path = Path(tmp) / f"{lang}.txt"
            path.write_text(text, encoding="utf-8")
            cmd = [sys.executable, "-m", "tipcheck", "analyze", str(path), "--format", "json", "--fail-on", "never"]
            t = statistics.median(_timed(cmd) for _ in range(args.runs))
            print(f"{lang}: analyze 50 KB {t:.2f} s = {t / base:.1f}x import spacy")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Huge inputs: time and peak memory of `tipcheck analyze --format json` on statutes of N MB built from
our own model law (corpora/en/model-law), each copy's sections, Parts and cross-references renumbered
so the whole reads as one long code; plus one variant whose text is a single line of ~5 MB.

    python bench/huge.py [--mb 10 50 200] [--line-mb 5] [--keep]

Files are written to a temporary directory (never the repository). Each run is a fresh process; peak
RSS is that child's (resource.getrusage(RUSAGE_CHILDREN) after it alone has run), so one size per
process: run sizes in ascending order, or read the per-run figure, which is the child's own maximum.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "corpora" / "en" / "model-law" / "statute.txt"

_SECTION = re.compile(r"^(\d+)(?=\.)", re.M)                   # "4.—(1)", "14. Every victim"
_PART = re.compile(r"^(PART |Part )(\d+)", re.M)
# "section 4(2)", "sections 4, 5 or 7", "Part 2": every number of the list.
_REF = re.compile(r"\b(sections?|Part) (\d+(?:\(\w+\))*(?:(?:, | or | and )\d+(?:\(\w+\))*)*)")
_NUM = re.compile(r"(?<![(\w])\d+")


def copy(text: str, k: int, sections: int, parts: int) -> str:
    """The k-th copy: section numbers shifted by k*sections, Parts by k*parts, references alike."""
    if k == 0:
        return text
    text = _SECTION.sub(lambda m: str(int(m.group(1)) + k * sections), text)
    text = _PART.sub(lambda m: m.group(1) + str(int(m.group(2)) + k * parts), text)
    def shift(m: re.Match) -> str:
        step = k * (parts if m.group(1) == "Part" else sections)
        return f"{m.group(1)} " + _NUM.sub(lambda n: str(int(n.group()) + step), m.group(2))
    return _REF.sub(shift, text)


def write_statute(path: Path, mb: float) -> int:
    """A code of ~mb MB: the model law, then renumbered copies of its body (the title once)."""
    text = MODEL.read_text(encoding="utf-8")
    sections = max(int(m.group(1)) for m in _SECTION.finditer(text))
    parts = max(int(m.group(2)) for m in _PART.finditer(text))
    body = text[text.index("PART 1"):]
    target = int(mb * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        written += len(text.encode("utf-8"))
        k = 1
        while written < target:
            chunk = "\n" + copy(body, k, sections, parts)
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            k += 1
    return written


def write_single_line(path: Path, mb: float) -> int:
    """The model law with every line break a space, repeated to ~mb MB: one line, no newline at all."""
    line = " ".join(MODEL.read_text(encoding="utf-8").split("\n"))
    reps = max(1, int(mb * 1_000_000 // len(line.encode("utf-8"))))
    data = " ".join([line] * reps)
    path.write_text(data, encoding="utf-8")
    return len(data.encode("utf-8"))


def run(path: Path, cache: Path) -> tuple[float, float, int]:
    """(wall seconds, the child's peak RSS in MB, exit code) of one `tipcheck analyze`."""
    env = dict(os.environ, TIPCHECK_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "tipcheck", "analyze", str(path), "--lang", "en", "--format", "json",
           "-o", os.devnull, "--fail-on", "never", "--max-size", "0"]   # past the 64 MB default on purpose
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if proc.returncode:
        print(f"  exit {proc.returncode}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
    # ru_maxrss is the largest of all children waited for so far (KB on Linux): measure one per process.
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, proc.returncode


def measure(kind: str, mb: float, tmp: Path) -> None:
    """Build one statute and time it in a process of its own, so RUSAGE_CHILDREN is that run's peak."""
    path = tmp / f"{kind}-{mb:g}MB.txt"
    size = (write_single_line if kind == "line" else write_statute)(path, mb)
    # A warm rule-pack cache first (a small file), so the figure is the analysis, not compilation.
    subprocess.run([sys.executable, __file__, "--_one", str(path), "--_cache", str(tmp / "cache")], check=False)
    path.unlink()
    _ = size


def _one(path: Path, cache: Path) -> None:
    size = path.stat().st_size
    warm = path.with_name("warm.txt")
    warm.write_text(MODEL.read_text(encoding="utf-8"), encoding="utf-8")
    run(warm, cache)
    base = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    wall, peak, code = run(path, cache)
    mb = size / 1e6
    note = "" if peak > base else f" (peak is the warm-up's {base:.0f} MB)"
    print(f"{path.name:>22}: {mb:8.1f} MB  {wall:8.1f} s  peak RSS {peak:7.0f} MB{note}  {mb / wall:6.2f} MB/s"
          f"  exit {code}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[10, 50, 200], help="sizes of the many-article statute")
    ap.add_argument("--line-mb", type=float, default=5, help="size of the single-line variant (0: skip)")
    ap.add_argument("--_one", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--_cache", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._one:
        _one(args._one, args._cache)
        return 0
    with tempfile.TemporaryDirectory(prefix="tipcheck-huge-") as tmp:
        if args.line_mb:
            measure("line", args.line_mb, Path(tmp))
        for mb in args.mb:
            measure("statute", mb, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

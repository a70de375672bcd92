"""Speed and memory, measured side by side in one run (read the ratios: these machines are noisy).

    python bench/speed.py [--corpus ../shared/corpus/national/uy] [--full-sample 3000] [--runs 3]

Prints:
1. `tipcheck analyze` latency on a ~50 KB Spanish statute against `python -c "import spacy"`;
2. the reference: a plain Python regex scan of the trigger terms (the screen's phrases) over the
   national corpus, in a fresh process (start-up included, as for tipcheck);
3. `tipcheck batch` over the whole corpus (start-up included) with --jobs 1 and --jobs 2: wall time,
   MB/s, documents/s, peak memory of the whole process tree (sum of PSS, so pages the workers share
   with the parent count once; the largest single RSS beside it), and the ratio to the reference;
4. full analysis without screening (`--no-screen`) on a fixed sample of the corpus with --jobs 1 and
   --jobs 2: throughput and the speed-up;
5. what the batch found: the documents that concern trafficking, with their verdicts and how many
   victim-protection requirements they meet.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

sys.path.insert(0, str(ROOT / "src"))

from startup import _statute  # noqa: E402  (same 50 KB statute as the start-up bench)

# The reference: what a person would write to find the laws that mention the trigger terms (the
# screen's own phrases, stems and penalty words, as one case-insensitive alternation), one file at a time.
REFERENCE = r'''
import os, re, sys
terms = re.compile(open(sys.argv[2], encoding="utf-8").read(), re.IGNORECASE)
found = 0
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), "rb") as handle:
        if terms.search(handle.read().decode("utf-8", "replace")):
            found += 1
print(found)
'''


def _names_only() -> str:
    from tipcheck import screen
    return screen.NAMES.pattern


def trigger_terms() -> str:
    from tipcheck import screen
    return "|".join([screen.NAMES.pattern] + [re.escape(t) for t in screen.PURPOSES + screen.PENALTIES])


# The catalogue's categories of measures for victims.
PROTECTION = ("victim protection & assistance", "victim identification", "residence status", "repatriation",
              "compensation/remedies", "non-punishment")


class TreeMemory:
    """Peak memory of a process and its descendants, sampled from /proc (Linux)."""

    # Reading smaps_rollup walks a process's page tables: sampled too often, the sampler takes CPU
    # from the workers it measures (on two cores it cut the --jobs 2 speed-up from 1.6x to 1.4x).
    def __init__(self, pid: int, every: float = 0.25) -> None:
        self.pid, self.every = pid, every
        self.peak_pss = self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as handle:
                        fields = handle.read().rsplit(b")", 1)[1].split()
                    parents[int(entry)] = int(fields[1])
                except (OSError, IndexError, ValueError):
                    pass
        tree, frontier = [self.pid], [self.pid]
        while frontier:
            frontier = [p for p, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree

    @staticmethod
    def _kb(pid: int, path: str, key: bytes) -> int:
        try:
            with open(f"/proc/{pid}/{path}", "rb") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = self._tree()
            self.peak_pss = max(self.peak_pss, sum(self._kb(p, "smaps_rollup", b"Pss:") for p in tree))
            self.peak_rss = max([self.peak_rss] + [self._kb(p, "status", b"VmRSS:") for p in tree])
            time.sleep(self.every)


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, TreeMemory, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    with TreeMemory(proc.pid) as memory:
        out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1, 2):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return elapsed, memory, err.strip().splitlines()[0] if err.strip() else out.strip()


def tipcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "tipcheck", *args]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "national" / "uy")
    ap.add_argument("--full-sample", type=int, default=3000, help="documents analysed without screening (0: all)")
    ap.add_argument("--runs", type=int, default=3, help="runs of the latency figures (medians)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}")
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    print(f"corpus: {args.corpus} ({len(files)} documents, {megabytes:.1f} MB); cpus: {os.cpu_count()}")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        statute = tmp / "statute-es.txt"
        statute.write_text(_statute("es", ROOT.parent / "shared" / "corpus") or "", encoding="utf-8")
        subprocess.run(tipcheck("analyze", str(statute), "--format", "json", "-o", str(tmp / "warm.json")), env=env,
                       capture_output=True)
        spacy, analyze = [], []
        for _ in range(args.runs):
            spacy.append(timed([sys.executable, "-c", "import spacy"], env)[0])
            analyze.append(timed(tipcheck("analyze", str(statute), "--format", "json", "-o", str(tmp / "r.json")), env)[0])
        s, a = statistics.median(spacy), statistics.median(analyze)
        print(f"\n1. latency, 50 KB Spanish statute: import spacy {s:.2f} s; tipcheck analyze {a:.2f} s = {a / s:.1f}x")

        script = tmp / "scan.py"
        script.write_text(REFERENCE, encoding="utf-8")
        (tmp / "terms.txt").write_text(trigger_terms(), encoding="utf-8")
        ref, ref_mem, found = timed([sys.executable, str(script), str(args.corpus), str(tmp / "terms.txt")], env)
        print(f"\n2. reference regex scan of the trigger terms: {ref:.2f} s ({megabytes / ref:.1f} MB/s), {found} documents "
              f"with a trigger term, peak {ref_mem.peak_pss / 1024:.0f} MB")
        # A leaner reference beside it: only the phrases naming trafficking (one short alternation).
        (tmp / "names.txt").write_text(_names_only(), encoding="utf-8")
        lean, _, lean_found = timed([sys.executable, str(script), str(args.corpus), str(tmp / "names.txt")], env)
        print(f"   lean reference (phrases naming trafficking only): {lean:.2f} s ({megabytes / lean:.1f} MB/s), "
              f"{lean_found} documents")

        print("\n3. tipcheck batch over the whole corpus (screened; start-up included):")
        runs = {}
        for jobs in (1, 2):
            out = tmp / f"batch-{jobs}"
            elapsed, memory, line = timed(tipcheck("batch", str(args.corpus), "--out", str(out), "--jobs", str(jobs),
                                                   "--force", "--no-progress", "--report-format", "json"), env)
            runs[jobs] = (elapsed, out)
            print(f"   --jobs {jobs}: {elapsed:.2f} s = {elapsed / ref:.1f}x the regex scan ({elapsed / lean:.1f}x the lean one); "
                  f"{megabytes / elapsed:.1f} MB/s, "
                  f"{len(files) / elapsed:.0f} documents/s; peak memory {memory.peak_pss / 1024:.0f} MB (sum of PSS), "
                  f"largest process {memory.peak_rss / 1024:.0f} MB RSS")
            print(f"     {line}")
        for a_, b_ in (("matrix.json", "matrix.json"), ("matrix.csv", "matrix.csv")):
            same = (runs[1][1] / a_).read_bytes() == (runs[2][1] / b_).read_bytes()
            print(f"   {a_} identical with --jobs 1 and 2: {same}")

        sample = files if args.full_sample <= 0 else sorted(random.Random(1).sample(files, min(args.full_sample, len(files))))
        sample_dir = tmp / "sample"
        sample_dir.mkdir()
        for p in sample:
            os.symlink(p.resolve(), sample_dir / p.name)
        sample_mb = sum(p.stat().st_size for p in sample) / 1e6
        print(f"\n4. full analysis without screening, {len(sample)} documents ({sample_mb:.1f} MB):")
        full = {}
        for jobs in (1, 2):
            elapsed, memory, _ = timed(tipcheck("batch", str(sample_dir), "--out", str(tmp / f"full-{jobs}"), "--jobs",
                                                str(jobs), "--force", "--no-progress", "--no-screen",
                                                "--report-format", "none", "--matrix", "csv"), env)
            full[jobs] = elapsed
            print(f"   --jobs {jobs}: {elapsed:.1f} s; {sample_mb / elapsed:.2f} MB/s, {len(sample) / elapsed:.1f} documents/s; "
                  f"peak memory {memory.peak_pss / 1024:.0f} MB")
        print(f"   speed-up --jobs 2 over --jobs 1: {full[1] / full[2]:.2f}x")

        matrix = json.loads((runs[2][1] / "matrix.json").read_text(encoding="utf-8"))
        protection = [r["id"] for r in matrix["requirements"] if r["category"] in PROTECTION]
        relevant = [d for d in matrix["documents"] if d.get("concerns_trafficking")]
        print(f"\n5. documents that concern trafficking ({len(relevant)}), by requirements found:")
        def found_count(d):
            return sum(1 for s in d.get("statuses", {}).values() if s in ("met", "partial"))
        for d in sorted(relevant, key=lambda d: (-found_count(d), d["document"])):
            victims = sum(1 for rid in protection if d["statuses"].get(rid) in ("met", "partial"))
            print(f"   {Path(d['document']).name:28} {d['verdict']:11} {found_count(d):3} requirements met or partial, "
                  f"{victims} of {len(protection)} victim-protection")
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

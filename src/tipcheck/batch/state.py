"""The batch's memory between runs: each item's row and fingerprint, in the output folder.

Saved atomically, often: an interrupted batch (Ctrl-C, a killed job) resumes where it stopped, and a
rerun skips every item whose documents and options are unchanged. A state file that cannot be read is
ignored (the batch then redoes everything): it is a cache, never a source of truth.
"""

from __future__ import annotations

import json
from pathlib import Path

from tipcheck.outputs import write_atomic

FILE = ".tipcheck-batch.json"
VERSION = 1


def load(out: str) -> dict[str, dict]:
    try:
        data = json.loads((Path(out) / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("rows"), dict):
        return {}
    return {k: v for k, v in data["rows"].items() if isinstance(v, dict)}


def save(out: str, rows: dict[str, dict]) -> None:
    # Rows that failed are not remembered: a rerun tries them again.
    keep = {k: v for k, v in sorted(rows.items()) if v.get("state") != "error"}
    write_atomic(str(Path(out) / FILE), json.dumps({"version": VERSION, "rows": keep}, ensure_ascii=False,
                                                   sort_keys=True) + "\n")

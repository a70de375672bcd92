"""Baselines: accept today's known gaps so that only new ones fail. Keyed by document(s) and
requirement, never by line: editing the text does not break a baseline, only a worse status does."""

from __future__ import annotations

import json

from tipcheck.errors import UsageError
from tipcheck.models import STATUS_RANK

FORMAT = "tipcheck-baseline/1"


def key(report) -> str:
    """The documents judged together, as given on the command line."""
    return " + ".join(d.path for d in report.documents)


def build(report, previous: dict | None = None) -> dict:
    entries = dict((previous or {}).get("entries", {}))
    entries[key(report)] = {r.id: r.status for r in report.gaps()}
    return {"format": FORMAT, "entries": dict(sorted(entries.items()))}


def load(path: str, *, missing_ok: bool = False) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        if missing_ok:
            return {"format": FORMAT, "entries": {}}
        raise UsageError("E308", "baseline file not found", path=path,
                         hint="create it with --update-baseline") from None
    except (OSError, ValueError) as exc:
        raise UsageError("E308", f"unreadable baseline ({exc})", path=path, hint="recreate it with --update-baseline") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        raise UsageError("E308", "not a tipcheck baseline", path=path, hint=f"expected format {FORMAT!r}")
    return data


def new_gaps(report, baseline: dict) -> list:
    """Gaps the baseline does not accept: a requirement now worse than the status recorded for it."""
    accepted = baseline["entries"].get(key(report), {})
    return [r for r in report.gaps() if STATUS_RANK[r.status] < STATUS_RANK[accepted.get(r.id, "met")]]


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

"""`--format json`: the public, versioned report contract (sorted keys, no timestamps)."""

from __future__ import annotations

import json

from tipcheck.report.records import as_dict


def render(report, **_options) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

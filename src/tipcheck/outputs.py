"""Writing reports: atomically (temp file + rename), so an interrupted run never leaves half a report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tipcheck.errors import UsageError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_atomic(path: str, content: str) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError("E304", "output path is a directory", path=path, hint="give a file name")
    if not directory.is_dir():
        raise UsageError("E304", "output directory does not exist", path=path, hint="create it first")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError("E304", f"cannot write output ({exc.strerror or exc})", path=path) from None
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)       # mkstemp makes files private; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UsageError("E304", f"cannot write output ({exc.strerror or exc})", path=path) from None

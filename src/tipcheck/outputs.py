"""Writing reports: atomically (temp file + rename), so an interrupted run never leaves half a report.
A path that is not a regular file (/dev/null, /dev/stdout, a named pipe) is written in place: renaming a
temp file over it would replace the device itself (as root, /dev/null would become a plain file)."""

from __future__ import annotations

import os
import stat
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
    if _special(target):
        try:
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
        except OSError as exc:
            raise UsageError("E304", f"cannot write output ({exc.strerror or exc})", path=path) from None
        return
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
    except BaseException as exc:    # a full disk, or Ctrl-C half-way: the old report stays, whole
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise UsageError("E304", f"cannot write output ({exc.strerror or exc})", path=path) from None
        raise


def _special(target: Path) -> bool:
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)

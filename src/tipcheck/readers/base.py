"""What every reader shares: building the SourceDoc, and turning any failure of a third-party library
into one of tipcheck's own errors (a hostile file must never surface as a traceback)."""

from __future__ import annotations

import hashlib
import logging
import warnings
from contextlib import contextmanager

from tipcheck.errors import InputError, TipcheckError
from tipcheck.models import SourceDoc


def finish(data: bytes, path: str, text: str, fmt: str, *, encoding: str = "utf-8", pages: tuple[int, ...] = (),
           title: str = "", metadata: tuple[tuple[str, str], ...] = ()) -> SourceDoc:
    # Line endings are normalised so that offsets, lines and columns agree on every platform.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E104", f"the {fmt.upper()} document holds no text, nothing to analyse", path=path)
    return SourceDoc(path=path, text=text, encoding=encoding, format=fmt,
                     sha256=hashlib.sha256(data).hexdigest(), pages=pages, title=" ".join(title.split()),
                     metadata=metadata)


@contextmanager
def guarded(path: str, what: str):
    """Run a library on untrusted bytes: our own errors pass, anything else means a damaged file (E109).
    MemoryError and RecursionError are failures of the library on a hostile file too; only an interrupt
    goes through. The libraries' warnings and log records would print a second stderr line: silenced."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    except TipcheckError:
        raise
    except Exception as exc:     # noqa: BLE001 - the point is to catch whatever the library raises
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError("E109", f"the {what} is damaged and cannot be read ({reason})", path=path,
                         hint="open it in its editor and save a new copy") from None


def quiet(logger: str) -> None:
    """pypdf and friends log recoverable problems at WARNING; with no handler configured Python prints
    them on stderr, which would break the one-line error contract. A NullHandler keeps them for apps
    that configure logging and silent otherwise."""
    log = logging.getLogger(logger)
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())

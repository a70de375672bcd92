"""Writing reports: atomically to a regular file (an interrupted write leaves the old report whole), and
through a path that is not a regular file (a pipe, /dev/null) rather than replacing it."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from tipcheck.outputs import write_atomic


def test_named_pipe_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_atomic(str(fifo), "{\"verdict\": \"IN_LINE\"}\n")
    reader.join(timeout=10)
    assert received == ["{\"verdict\": \"IN_LINE\"}\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe was replaced by a regular file"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pipe"], "a temp file was left beside it"


def test_dev_null_stays_a_device():
    write_atomic(os.devnull, "nothing\n")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_regular_file_is_still_replaced_atomically(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    write_atomic(str(target), "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


class _Interrupted:
    """A file handle that writes half of what it is given, then is interrupted (Ctrl-C, a full disk)."""

    def __init__(self, handle, error):
        self.handle, self.error = handle, error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, content):
        self.handle.write(content[: len(content) // 2])
        raise self.error



@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_write_leaves_the_old_report_whole(tmp_path, monkeypatch, error):
    from tipcheck import outputs
    from tipcheck.errors import UsageError

    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")
    real = os.fdopen
    monkeypatch.setattr(outputs.os, "fdopen", lambda fd, *a, **k: _Interrupted(real(fd, *a, **k), error))
    with pytest.raises((KeyboardInterrupt, UsageError)):
        write_atomic(str(target), "new report\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "the temp file was left behind"

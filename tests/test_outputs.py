"""Writing a report to a path that is not a regular file must write through it, not replace it."""

from __future__ import annotations

import os
import stat
import threading

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

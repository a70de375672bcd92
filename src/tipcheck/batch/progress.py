"""The batch's progress bar (rich, on stderr): items done, rate, elapsed time and ETA."""

from __future__ import annotations


class BatchProgress:
    """A rich progress bar on stderr: items done, rate, elapsed time and ETA; silent when not shown."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.unchanged = 0
        self._progress = None
        self._task = None

    def __enter__(self):
        if self.show:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("{task.fields[rate]}"),
                                      TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                      console=Console(stderr=True), transient=False)
            self._progress.__enter__()
            self._task = self._progress.add_task("checking", total=None, rate="")
        return self

    def total(self, n: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=n)

    def advance(self, row: dict, unchanged: bool = False) -> None:
        self.unchanged += unchanged
        if self._progress is not None:
            self._progress.advance(self._task)
            speed = self._progress.tasks[0].speed
            self._progress.update(self._task, rate=f"{speed:.1f} docs/s" if speed else "")

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

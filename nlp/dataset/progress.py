"""The progress bar of ``zongjie extract``: files/s, MB/s and time left, drawn with rich on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text


class _Rates(ProgressColumn):
    """Documents done, files/s and MB/s since the start."""

    def render(self, task: Task) -> Text:
        elapsed = max(task.elapsed or 0.0, 1e-6)
        files = task.fields.get("files", 0)
        return Text(f"{files} files  {files / elapsed:.1f} files/s  {task.completed / elapsed / 1e6:.2f} MB/s")


class RichProgress:
    """A live bar over the bytes of the inputs; ETA from the bytes left."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            _Rates(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = None
        self.files = 0

    def start(self, total_bytes: int) -> None:
        self.task = self.bar.add_task("extract", total=max(total_bytes, 1), files=0)
        self.bar.start()

    def advance(self, files: int, size: int) -> None:
        self.files += files
        if self.task is not None:
            self.bar.update(self.task, advance=size, files=self.files)

    def stop(self) -> None:
        self.bar.stop()


def _size(count: int) -> str:
    """
    >>> _size(2370), _size(65_809_000)
    ('2.4 KB', '65.8 MB')
    """
    return f"{count / 1e3:.1f} KB" if count < 1e6 else f"{count / 1e6:.1f} MB"


def render_summary(summary, max_errors: int = 20) -> str:
    """The closing lines of a run: what was added, what failed, how fast."""
    lines = [f"{path}: {reason}" for path, reason in summary.errors[:max_errors]]
    if len(summary.errors) > max_errors:
        lines.append(f"… and {len(summary.errors) - max_errors} more (see the errors table)")
    files = summary.added + summary.refreshed + summary.skipped + len(summary.errors)
    seconds = max(summary.seconds, 1e-6)
    speed = (
        f"{_size(summary.bytes)} in {summary.seconds:.1f} s "
        f"({files / seconds:.1f} files/s, {summary.bytes / 1e6 / seconds:.2f} MB/s)"
    )
    if summary.nothing_new:
        lines.append(f"nothing new: all {summary.skipped} documents are already in {summary.store}; {speed}")
        return "\n".join(lines) + "\n"
    done = f"added {summary.added} documents"
    if summary.refreshed:
        done += f", re-extracted {summary.refreshed}"
    done += f": {summary.facts} facts, {summary.flags} flags"
    if summary.skipped:
        done += f"; {summary.skipped} already there"
    if summary.errors:
        done += f"; {len(summary.errors)} inputs failed"
    lines.append(f"{done}; {speed}")
    lines.append(f"{summary.store}: {summary.documents} documents")
    return "\n".join(lines) + "\n"

"""A progress bar on stderr while sources are fetched.

Only for a person watching: never when stderr is a pipe or a file (the
report or a CI log would fill with control codes), never when ``$CI`` is
"true", never when the user asked for quiet (the CLI then leaves
``FetchOptions.progress`` False).  rich is imported only when a bar is
actually shown, so importing the CLI stays light.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

DESCRIPTION = "fetching sources"


def wanted(enabled: bool, stream: TextIO | None = None) -> bool:
    """Whether a bar may be drawn on ``stream`` (default: the current stderr)."""
    if not enabled or os.environ.get("CI", "").strip().lower() == "true":
        return False
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


# Tests put a Console here (force_terminal=True on a StringIO) to see the bar
# without a real terminal; None means rich's console on the current stderr.
console_override: Console | None = None


class FetchProgress:
    """Counts finished fetches; draws nothing unless ``wanted``.

    Use as a context manager around the batch and call ``advance`` once per
    URL; both are no-ops when no bar is shown, so callers need no branches.
    """

    def __init__(self, total: int, *, enabled: bool, description: str = DESCRIPTION) -> None:
        self.total = total
        self.failed = 0
        self._bar: Any = None
        self._task: Any = None
        console = console_override
        if total <= 0:
            return
        if console is not None:
            show = enabled and wanted(True, _ConsoleTty(console))
        else:
            show = wanted(enabled)
        if not show:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        if console is None:
            console = Console(stderr=True)
        self._bar = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            console=console,
            # Gone once done: the summary line that follows says what matters.
            transient=True,
        )
        self._task = self._bar.add_task(description, total=total, failed="")

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __enter__(self) -> FetchProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, ok: bool = True) -> None:
        if not ok:
            self.failed += 1
        if self._bar is not None:
            failed = f"{self.failed} failed" if self.failed else ""
            self._bar.update(self._task, advance=1, failed=failed)


class _ConsoleTty:
    """Lets ``wanted`` judge an injected console by its own idea of a terminal."""

    def __init__(self, console: Console) -> None:
        self._console = console

    def isatty(self) -> bool:
        return bool(self._console.is_terminal)

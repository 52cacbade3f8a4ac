"""Reporting progress often enough to feel live, rarely enough to cost nothing."""

from __future__ import annotations

import time
from collections.abc import Callable

EVERY_FILES = 100
EVERY_SECONDS = 0.05


class ProgressThrottle:
    """Calls `progress(done, total)` after 100 more files or 50 ms, whichever comes first."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._last_done = 0
        self._last_time = time.monotonic()
        if progress is not None:
            progress(0, total)

    def update(self, done: int) -> None:
        """Note that `done` items are finished; report it if it is time to."""
        if self._progress is None:
            return
        now = time.monotonic()
        if done - self._last_done >= EVERY_FILES or now - self._last_time >= EVERY_SECONDS:
            self._last_done, self._last_time = done, now
            self._progress(done, self._total)

    def finish(self, done: int) -> None:
        """Report the final count, unless it was just reported."""
        if self._progress is not None and done != self._last_done:
            self._last_done = done
            self._progress(done, self._total)

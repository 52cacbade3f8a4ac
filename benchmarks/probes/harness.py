"""Headless Textual helpers for the UI probes: building the real app and watching paints."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZE = (120, 40)


def build_app(folder: Path) -> Any:
    """The reader app on `folder`, built the way `run_reader` builds it.

    Like the launcher, it hands over only the folder: the index and the state store open
    in the app's index worker, after the first frame.
    """
    from digest_tui.config import Config
    from digest_tui.tui.app import DigestApp

    return DigestApp.for_folder(folder, Config())


class PaintLog:
    """Records when the app finished a frame and when a widget last drew a line."""

    def __init__(self, app: Any) -> None:
        self.frames: list[float] = []
        original = app.post_display_hook

        def hook() -> None:
            self.frames.append(time.perf_counter())
            original()

        app.post_display_hook = hook

    def frame_after(self, moment: float) -> float | None:
        """The end of the first frame finished after `moment`, if any."""
        return next((frame for frame in self.frames if frame > moment), None)


def watch_lines(widget: Any, wanted: Callable[[str], bool]) -> list[float]:
    """Times at which `widget` drew a line whose text satisfies `wanted`."""
    seen: list[float] = []
    original = widget.render_line

    def render_line(y: int):
        strip = original(y)
        if wanted(strip.text):
            seen.append(time.perf_counter())
        return strip

    widget.render_line = render_line
    return seen


async def wait_until(check: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Yield to the event loop until `check()` holds; False on timeout."""
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.0005)
    return True


class StallMonitor:
    """Measures the longest gap between wake-ups of a timer task on the event loop."""

    def __init__(self, interval: float = 0.002) -> None:
        self.interval = interval
        self.longest = 0.0
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(self.interval)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - self.interval)
            last = now

    def start(self) -> None:
        """Begin watching (from inside the running loop)."""
        self.longest = 0.0
        self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> float:
        """Stop watching; the longest stall in seconds."""
        if self._task is not None:
            self._task.cancel()
        return self.longest


class IndexWatch:
    """A `run_test` message hook that notes when the app's body search is ready.

    The index worker only starts after the first frame, so "no workers running" says
    nothing at first: this is the sign that indexing has settled.
    """

    def __init__(self) -> None:
        self.settled = False

    def __call__(self, message: Any) -> None:
        from digest_tui.tui.messages import FulltextReady

        if isinstance(message, FulltextReady):
            self.settled = True

    async def wait(self, app: Any, timeout: float = 600.0) -> bool:
        """Wait for the body search, then for the workers it started (a refilter)."""
        return await wait_until(lambda: self.settled, timeout) and await wait_for_workers(app)


async def wait_for_workers(app: Any, timeout: float = 600.0) -> bool:
    """Wait until every worker of the app has finished (indexing, first filter), but the
    watcher's, which runs as long as the app."""
    from digest_tui.tui.screens.folder_following import FOLLOW_GROUP

    def finished() -> bool:
        return all(w.is_finished for w in app.workers if w.group != FOLLOW_GROUP)

    return await wait_until(finished, timeout)

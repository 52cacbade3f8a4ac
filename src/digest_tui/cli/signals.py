"""SIGTERM and SIGHUP end a command the way Ctrl+C does: cleanly, stopping worker processes."""

from __future__ import annotations

import signal
from types import FrameType


def exit_cleanly_on_termination() -> None:
    """Turn SIGTERM and SIGHUP into `SystemExit(128 + signal)` in the main thread.

    Unwinding runs every `with` block on the way out: process pools are shut down, open
    transactions rolled back, the index closed.
    """
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, _exit)


def _exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)

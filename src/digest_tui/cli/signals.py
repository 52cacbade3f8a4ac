"""SIGTERM and SIGHUP end a command the way Ctrl+C does: cleanly, stopping worker processes."""

from __future__ import annotations

import signal
from types import FrameType

_received: list[int] = []


def exit_cleanly_on_termination() -> None:
    """Turn SIGTERM and SIGHUP into `SystemExit(128 + signal)` in the main thread.

    Unwinding runs every `with` block on the way out: process pools are shut down, open
    transactions rolled back, the index closed.
    """
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, _exit)


def termination_status(status: int) -> int:
    """`status`, or 128 + the signal when one asked this command to end.

    Python ignores an exception raised while it runs a finaliser; the command then finishes
    its work, but its exit status still says that it was told to stop.
    """
    return 128 + _received[0] if _received else status


def told_to_stop() -> bool:
    """True once SIGTERM or SIGHUP asked this command to end."""
    return bool(_received)


def _exit(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise SystemExit(128 + signum)

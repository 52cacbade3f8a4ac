"""SIGTERM and SIGHUP close the reader as `q` does.

Without a handler either signal ends the process on the spot: the terminal stays on the
alternate screen with mouse reporting on and the cursor hidden. Handled on the event loop,
they exit the app normally instead: the terminal is restored, workers are cancelled and
the state store is closed (every change is already committed).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal

from textual.app import App


def exit_on_termination(app: App) -> None:
    """Make SIGTERM and SIGHUP exit `app` (status 128 + the signal); call from its loop."""
    loop = asyncio.get_running_loop()
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        # Where the loop takes no signal handlers (Windows), the default stays.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, app.exit, None, 128 + signum)

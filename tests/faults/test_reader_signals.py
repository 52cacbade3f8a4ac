"""SIGTERM and SIGHUP close the reader as `q` does: the terminal gets its screen back.

Before, either signal ended the process on the spot: the terminal stayed on the alternate
screen with mouse reporting on and the cursor hidden.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from .conftest import write_posts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_OFF, CURSOR_SHOWN = b"\x1b[?1000l", b"\x1b[?25h"


def _read_until(controller: int, wanted: bytes, seen: bytearray, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed with the process
                return wanted in seen
            if not chunk:
                break
            seen += chunk
    return wanted in seen


def _read_until_quiet(controller: int, seen: bytearray, quiet: float, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], quiet)
        if not ready:
            return
        try:
            seen += os.read(controller, 65536)
        except OSError:
            return


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_reader_restores_the_terminal(tmp_path: Path, signum) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 30)
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "24"}
    reader = subprocess.Popen(
        [sys.executable, "-m", "digest_tui", str(posts)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    seen = bytearray()
    try:
        assert _read_until(controller, ALT_SCREEN_ON, seen, 60), bytes(seen[-400:])
        _read_until_quiet(controller, seen, 1.5, 60)  # the list is drawn and indexing done
        before = len(seen)
        reader.send_signal(signum)
        _read_until(controller, ALT_SCREEN_OFF, seen, 30)
        assert reader.wait(timeout=30) == 128 + signum
        _read_until(controller, b"\0", seen, 0.5)  # whatever else it wrote on the way out
    finally:
        if reader.poll() is None:
            reader.kill()
        os.close(controller)
    after = bytes(seen[before:])
    assert ALT_SCREEN_OFF in after
    assert MOUSE_OFF in after
    assert CURSOR_SHOWN in after

"""Hand a URL to the web browser or the clipboard, and say what really happened.

The browser may not exist (no display, no `$BROWSER`): then the URL is copied instead.
The clipboard is reached through the terminal (OSC 52, which works over SSH too) and,
where the desktop has one, the system's clipboard command; the notice names the way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import webbrowser
from collections.abc import Mapping
from typing import TYPE_CHECKING

from digest_tui.text_safety import clean_line

if TYPE_CHECKING:
    from textual.app import App

SHOWN_URL = 80
"""Cells of a URL shown in a notice."""
COPY_TIMEOUT = 2.0
"""Seconds a clipboard command may take before it counts as failed."""


def open_in_browser(app: App, url: str, on_site: str = "") -> None:
    """Open `url` in the web browser; without one, copy it and say so."""
    shown = clean_line(url, SHOWN_URL)
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if opened:
        where = f" on {clean_line(on_site)}" if on_site else ""
        app.notify(f"Opened {shown}{where} in the browser", timeout=3, markup=False)
        return
    way = copy_text(app, url)
    app.notify(
        f"No web browser could be found; copied {shown} {way} instead",
        severity="warning",
        timeout=6,
        markup=False,
    )


def copy_url(app: App, url: str) -> None:
    """Copy `url` and say which way it went."""
    way = copy_text(app, url)
    app.notify(f"Copied {clean_line(url, SHOWN_URL)} {way}", timeout=4, markup=False)


def copy_text(app: App, text: str) -> str:
    """Put `text` on the clipboard; returns how, as words for a notice ("with wl-copy")."""
    app.copy_to_clipboard(text)  # OSC 52: the terminal's (or tmux's) clipboard
    command = system_clipboard_command(os.environ)
    if command is not None and _run_copy(command, text):
        return f"to the clipboard with {command[0]}"
    if os.environ.get("TMUX"):
        return "through tmux (OSC 52; tmux needs set-clipboard on)"
    return "through the terminal (OSC 52)"


def system_clipboard_command(environ: Mapping[str, str]) -> list[str] | None:
    """The desktop's clipboard command, when there is a desktop and the command exists."""
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def _run_copy(command: list[str], text: str) -> bool:
    try:
        done = subprocess.run(
            command,
            input=text.encode(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=COPY_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0

"""`o` and `y` say what really happened: no browser means the URL is copied instead, and
the notice names the way the URL went to the clipboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import make_app, settle, shown_notices, write_content

from digest_tui.tui import handoff

KITE_URL = "https://news.example.com/kite"


@pytest.fixture
def no_desktop(monkeypatch, tmp_path: Path) -> Path:
    """No display, no tmux and an empty PATH: only the terminal's clipboard is left."""
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        monkeypatch.delenv(variable, raising=False)
    tools = tmp_path / "bin"
    tools.mkdir()
    monkeypatch.setenv("PATH", str(tools))
    return tools


def _notices(app) -> str:
    return " ".join(shown_notices(app).split())


async def _press_on_kite(app, pilot, *keys: str) -> None:
    await settle(pilot)
    await pilot.press("G", "enter")  # the oldest: Solar Kite, whose source is KITE_URL
    await settle(pilot)
    await pilot.press(*keys)
    await pilot.pause()


async def test_o_without_a_browser_copies_the_url_and_says_so(
    monkeypatch, no_desktop: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(handoff.webbrowser, "open", lambda *args, **kwargs: False)
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _press_on_kite(app, pilot, "o")
        notices = _notices(app)
        assert "No web browser could be found; copied" in notices
        assert "through the terminal (OSC 52) instead" in notices
        assert "Opened" not in notices
        assert app.clipboard == KITE_URL


async def test_o_with_a_browser_says_opened(monkeypatch, no_desktop: Path, tmp_path: Path):
    opened: list[str] = []
    monkeypatch.setattr(handoff.webbrowser, "open", lambda url, *a, **k: opened.append(url) or 1)
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _press_on_kite(app, pilot, "o")
        assert opened == [KITE_URL]
        assert "in the browser" in _notices(app)
        assert app.clipboard == ""


async def test_y_names_the_system_clipboard_command(
    monkeypatch, no_desktop: Path, tmp_path: Path
) -> None:
    received = tmp_path / "clipboard.txt"
    wl_copy = no_desktop / "wl-copy"
    wl_copy.write_text(f"#!/bin/sh\ncat > {received}\n")
    wl_copy.chmod(0o755)
    monkeypatch.setenv("PATH", f"{no_desktop}:/usr/bin:/bin")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _press_on_kite(app, pilot, "y")
        assert "to the clipboard with wl-copy" in _notices(app)
        assert received.read_text() == KITE_URL
        assert app.clipboard == KITE_URL


async def test_y_in_tmux_says_what_tmux_needs(monkeypatch, no_desktop: Path, tmp_path: Path):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _press_on_kite(app, pilot, "y")
        assert "through tmux (OSC 52; tmux needs set-clipboard on)" in _notices(app)
        assert app.clipboard == KITE_URL

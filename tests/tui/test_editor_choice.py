"""`e` runs $EDITOR, else $VISUAL, else `editor` or `vi` found on the PATH."""

from __future__ import annotations

import os
from pathlib import Path

from app_support import make_app, settle, shown_notices, write_content

from digest_tui.tui.editor import editor_command


def _program(folder: Path, name: str) -> Path:
    file = folder / name
    file.write_text("#!/bin/sh\nexit 0\n")
    file.chmod(0o755)
    return file


def test_editor_wins_then_visual(tmp_path: Path) -> None:
    both = {"EDITOR": "nano -w", "VISUAL": "code --wait", "PATH": str(tmp_path)}
    assert editor_command(both) == ["nano", "-w"]
    assert editor_command({"VISUAL": "code --wait", "PATH": str(tmp_path)}) == ["code", "--wait"]


def test_without_either_editor_then_vi_from_the_path(tmp_path: Path) -> None:
    vi = _program(tmp_path, "vi")
    assert editor_command({"PATH": str(tmp_path)}) == [str(vi)]
    editor = _program(tmp_path, "editor")
    assert editor_command({"PATH": str(tmp_path), "EDITOR": "  "}) == [str(editor)]


def test_nothing_found_is_none(tmp_path: Path) -> None:
    assert editor_command({"PATH": str(tmp_path)}) is None
    assert editor_command({"PATH": os.pathsep.join([str(tmp_path)]), "EDITOR": "'"}) is None


async def test_e_without_any_editor_says_what_to_set(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no `editor`, no `vi`
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "No editor found: set $EDITOR (or $VISUAL)" in shown_notices(app)

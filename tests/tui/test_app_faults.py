"""The reader never shows an empty library when the folder is readable but the cache is not
writable: it works from memory, says so once and marks the status line.

Before, it showed "0 / 0 articles" and a notice."""

from __future__ import annotations

from pathlib import Path

from app_support import (
    NEWEST_FIRST,
    listed_paths,
    make_app,
    settle,
    shown_notices,
    visible_text,
    write_content,
)

from digest_tui.tui.widgets.status_bar import StatusBar


async def test_a_cache_below_a_regular_file_lists_from_memory(tmp_path: Path, monkeypatch) -> None:
    content = write_content(tmp_path / "content")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DIGEST_TUI_CACHE_DIR", str(blocker / "cache"))
    app = make_app(content)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST
        notices = shown_notices(app)
        assert notices.count("working from memory") == 1
        status = visible_text(app.screen.query_one(StatusBar))
        assert "6 / 6 articles" in status
        assert "cache in memory" in status
        await pilot.press("slash", *"onions", "enter")  # body search works from memory too
        await settle(pilot)
        assert listed_paths(app) == ["2025/01/kitchen-robots.md"]
    app.session.close()
    assert blocker.is_file()

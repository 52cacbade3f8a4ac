"""The config file reaches the app: rebound keys and a remembered theme."""

from __future__ import annotations

from pathlib import Path

from app_support import help_rows, make_app, settle, write_content

from digest_tui.config import Config, load_config
from digest_tui.tui.screens.help import HelpScreen


async def test_a_rebound_key_works_and_the_help_shows_it(tmp_path: Path) -> None:
    config = Config(keys={"help": "f1", "search": "ctrl+f"})
    app = make_app(write_content(tmp_path / "content"), config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        assert app.focused.id == "search"
        await pilot.press("escape", "enter")  # back to the list
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in help_rows(app.screen)]
        assert "f1" in keys and "ctrl+f" in keys


async def test_the_configured_theme_is_used_and_a_new_one_saved(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"), Config(theme="nord"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await pilot.pause()
    assert load_config()[0].theme == "gruvbox"


async def test_config_mistakes_become_notices(tmp_path: Path) -> None:
    config = Config(theme="no-such-theme", keys={"fly": "f"})
    app = make_app(write_content(tmp_path / "content"), config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        from app_support import shown_notices

        notices = shown_notices(app)
        assert "Unknown theme 'no-such-theme'" in notices
        assert "fly" in notices

"""The command palette lists each command once."""

from __future__ import annotations

from pathlib import Path

from app_support import make_app, settle, write_content
from textual.command import CommandPalette


async def test_the_palette_lists_quit_once(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"quit")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one("CommandList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert sum(prompt.splitlines()[0].strip() == "Quit" for prompt in prompts) == 1, prompts
        await pilot.press("enter")
        await settle(pilot)
        assert not app.is_running

"""The reader runs the garbage collector less often while it runs (fewer pauses mid-keystroke)
and gives the process its own setting back when it exits."""

from __future__ import annotations

import gc
from pathlib import Path

from app_support import make_app, settle, write_content

from digest_tui.long_lived import READER_YOUNG_THRESHOLD


async def test_the_reader_collects_less_often_and_restores_the_setting_on_exit(tmp_path: Path):
    before = gc.get_threshold()
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[0] >= READER_YOUNG_THRESHOLD > before[0]
        await pilot.press("slash", *"kite")
        await settle(pilot)
    assert gc.get_threshold() == before

"""Drafts are hidden at first, the status line counts them, and `D` or the palette shows them."""

from __future__ import annotations

from pathlib import Path

from app_support import NEWEST_FIRST, listed_paths, make_app, settle, visible_text, write_content


def _with_drafts(tmp_path: Path) -> Path:
    content = write_content(tmp_path / "content")
    for name in ("plan", "notes"):
        (content / f"draft-{name}.md").write_text(
            f"---\ntitle: Draft {name}\npubDatetime: 2026-01-01\ndraft: true\n---\nLater.\n",
            encoding="utf-8",
        )
    return content


async def test_the_status_line_counts_hidden_drafts_and_d_shows_them(tmp_path: Path) -> None:
    app = make_app(_with_drafts(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.screen.query_one("#status")
        assert listed_paths(app) == NEWEST_FIRST
        assert " 6 / 6 articles" in visible_text(status)
        assert "2 drafts hidden" in visible_text(status)
        await pilot.press("D")
        await settle(pilot)
        assert listed_paths(app)[:2] == ["draft-notes.md", "draft-plan.md"]
        assert " 8 / 8 articles" in visible_text(status)
        assert "drafts hidden" not in visible_text(status)


async def test_the_palette_shows_drafts(tmp_path: Path) -> None:
    app = make_app(_with_drafts(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"drafts")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "draft-plan.md" in listed_paths(app)


async def test_is_draft_in_the_search_box_lists_the_drafts(tmp_path: Path) -> None:
    app = make_app(_with_drafts(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"is:draft", "enter")
        await settle(pilot)
        assert sorted(listed_paths(app)) == ["draft-notes.md", "draft-plan.md"]
        assert "drafts hidden" not in visible_text(app.screen.query_one("#status"))

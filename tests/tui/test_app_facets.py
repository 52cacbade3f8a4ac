"""The sidebar's sections, the timeline and day headings in the running reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import listed_paths, make_app, settle, visible_text
from textual.widgets import Static

from digest_tui.tui.widgets.timeline_bar import TimelineBar

POSTS = {
    "a.md": "---\ntitle: Alpha\ndate: 2025-11-20\ntags: [ai]\ncategories: [Release]\n---\n"
    "**Source:** [Orbital Wire](https://orbital.example/a)\n",
    "b.md": "---\ntitle: Beta\ndate: 2025-11-20\ntags: [ai]\ncategory: Docs\n---\nB.\n",
    "c.md": "---\ntitle: Gamma\ndate: 2025-09-02\ntags: [energy]\ncategories: [Release]\n---\n"
    "**Source:** [Orbital Wire](https://orbital.example/c)\n",
    "d.md": "---\ntitle: Delta\ndate: 2024-03-01\ntags: [energy]\n---\nD.\n",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name, text in POSTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def sidebar_lines(app) -> list[str]:
    sidebar = app.screen.sidebar
    return [sidebar.render_line(y).text.rstrip() for y in range(len(sidebar.rows))]


async def choose(pilot, label: str) -> None:
    """Highlight the sidebar row that starts with `label` and press enter."""
    sidebar = pilot.app.screen.sidebar
    lines = [line.strip(" ✓") for line in sidebar_lines(pilot.app)]
    sidebar.highlighted = next(n for n, line in enumerate(lines) if line.startswith(label))
    sidebar.focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_sections_count_and_choosing_a_category_narrows_through_the_query(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = sidebar_lines(app)
        assert lines[0].strip(" ✓").split() == ["All", "4", "4"]  # "All" shows its unread count
        for heading in ("▾ Tags (2)", "▾ Categories (2)", "▾ Sources (1)", "▾ Years (2)"):
            assert heading in lines
        await choose(pilot, "Release")
        assert app.screen.query_text == "category:Release"
        assert sorted(listed_paths(app)) == ["a.md", "c.md"]
        ai = next(line for line in sidebar_lines(app) if line.startswith("  ai"))
        assert ai.split()[1] == "1"
        await choose(pilot, "All")
        assert app.screen.query_text == ""
        assert len(listed_paths(app)) == 4


async def test_a_section_folds_from_the_keyboard(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose(pilot, "▾ Tags")
        lines = sidebar_lines(app)
        assert "▸ Tags (2)" in lines and not any(line.startswith("  ai") for line in lines)
        await pilot.press("right")
        assert any(line.startswith("  ai") for line in sidebar_lines(app))


async def test_unread_counts_follow_reading_at_once(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.open_path("a.md")
        await settle(pilot)
        lines = sidebar_lines(app)
        assert lines[0].strip(" ✓").split() == ["All", "4", "3"]
        release = next(line for line in lines if line.strip().startswith("Release"))
        assert release.split()[1:] == ["2", "1"]


async def test_choosing_a_period_on_the_timeline_narrows_to_it(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(TimelineBar)
        assert bar.timeline.unit == "month"
        bar.focus()
        await pilot.press("end", "enter")
        await settle(pilot)
        assert app.screen.query_text == "after:2025-11-01 before:2025-11-30"
        assert sorted(listed_paths(app)) == ["a.md", "b.md"]


async def test_day_headings_show_in_date_order_only(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = visible_text(app.screen.articles)
        assert "── Thu 20 Nov 2025 ──" in shown and "── Tue 2 Sep 2025 ──" in shown
        await pilot.press("S", "S")  # oldest, then title
        await settle(pilot)
        assert "──" not in visible_text(app.screen.articles)


async def test_n_and_space_at_the_end_open_the_next_unread_article(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.session.state.mark_read("b.md")
        app.screen.open_path("a.md")
        await settle(pilot)
        await pilot.press("space")  # a short article: already at its end
        await settle(pilot)
        assert app.screen.reader.article.path == "c.md"  # b.md is read: skipped
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.reader.article.path == "d.md"


async def test_capital_a_marks_the_list_read_after_a_yes(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"year:2025", "enter")
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        question = visible_text(app.screen.query_one(Static))
        assert "Mark 3 unread articles of this list read? (y/n)" in question
        await pilot.press("n")
        await settle(pilot)
        assert not app.session.state.is_read("a.md")
        await pilot.press("A", "y")
        await settle(pilot)
        state = app.session.state
        assert all(state.is_read(p) for p in ("a.md", "b.md", "c.md"))
        assert not state.is_read("d.md")
        assert sidebar_lines(app)[0].strip(" ✓").split() == ["All", "3"]

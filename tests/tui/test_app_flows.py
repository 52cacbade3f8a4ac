"""The reader's main flows, driven through the keyboard with Pilot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_support import (
    NEWEST_FIRST,
    burst,
    help_rows,
    listed_paths,
    make_app,
    problem_entries,
    settle,
    visible_text,
    write_content,
)

from digest_tui.tui.bindings import HELP_TEXT, MOVEMENT_HELP
from digest_tui.tui.screens.help import HelpScreen
from digest_tui.tui.screens.problems import ProblemsScreen
from digest_tui.tui.widgets.search_box import SearchBox


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


async def test_the_list_fills_newest_first(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST
        assert "6 / 6 articles" in visible_text(app.screen.query_one("#status"))


async def test_typing_a_query_narrows_the_list(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kite")
        await settle(pilot)
        assert listed_paths(app)[0] == "2025/01/solar-kite.md"
        assert "2025/02/model-audit.md" not in listed_paths(app)
        assert "match" in visible_text(app.screen.query_one("#matches"))


async def test_a_new_query_highlights_its_best_match(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("end")  # the oldest article, which also matches the query
        await settle(pilot)
        assert app.screen.articles.highlighted.path == "2025/01/solar-kite.md"
        await pilot.press("slash", *"ki")
        await settle(pilot)
        listed = listed_paths(app)
        assert "2025/01/solar-kite.md" in listed[1:]
        assert app.screen.articles.cursor == 0
        assert app.screen.articles.highlighted.path == listed[0]


async def test_clearing_the_query_keeps_the_highlighted_article(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kitchen", "enter")
        await settle(pilot)
        assert app.screen.articles.highlighted.path == "2025/01/kitchen-robots.md"
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST
        assert app.screen.articles.highlighted.path == "2025/01/kitchen-robots.md"


async def test_enter_in_search_moves_to_the_list(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "enter")
        assert app.focused is app.screen.articles


async def test_no_match_says_how_to_clear(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzzqqq")
        await settle(pilot)
        message = visible_text(app.screen.query_one("#empty"))
        assert "No articles match" in message
        assert "escape" in message
        await pilot.press("escape")
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST


async def test_two_tags_combine_with_and(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.screen.sidebar
        await pilot.press("t")
        assert app.focused is sidebar
        await _toggle_tag(pilot, "ai")
        assert len(listed_paths(app)) == 4
        await _toggle_tag(pilot, "chips")
        assert listed_paths(app) == ["2025/02/inference-chip.md"]
        assert "✓ ai" in visible_text(sidebar)
        assert "tags: ai + chips" in visible_text(app.screen.query_one("#status"))
        await pilot.press("home", "enter")  # "All" clears the selection
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST


async def _toggle_tag(pilot, tag: str) -> None:
    sidebar = pilot.app.screen.sidebar
    lines = visible_text(sidebar).splitlines()
    row = next(number for number, line in enumerate(lines) if f" {tag} " in f"{line} ")
    sidebar.highlighted = row + sidebar.scroll_offset.y
    await pilot.press("space")
    await settle(pilot)


async def test_tag_counts_follow_the_query(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _count(visible_text(app.screen.sidebar), "ai") == 4
        await pilot.press("slash", *"chip")
        await settle(pilot)
        sidebar = visible_text(app.screen.sidebar)
        assert _count(sidebar, "ai") == 1
        assert "energy" not in sidebar


def _count(sidebar: str, tag: str) -> int:
    found = re.search(rf"^\W*{re.escape(tag)}\s+(\d+)", sidebar, re.MULTILINE)
    assert found, f"{tag} not in the sidebar"
    return int(found.group(1))


async def test_opening_an_article_shows_its_body(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)
        reader = app.screen.reader
        assert app.focused is reader
        text = visible_text(reader)
        assert "Solar Kite Sets Altitude Record" in text
        assert "The kite climbed for six hours." in text
        assert "pubDatetime" not in text
        assert app.session.state.is_read("2025/01/solar-kite.md")


async def test_brackets_step_through_articles_while_reading(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.reader.article.path == NEWEST_FIRST[0]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.screen.reader.article.path == NEWEST_FIRST[1]
        assert app.focused is app.screen.reader
        await pilot.press("right_square_bracket", "left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert app.screen.reader.article.path == NEWEST_FIRST[0]


async def test_escape_clears_search_then_leaves_pane_then_clears_tags(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = app.screen.query_one(SearchBox)
        await pilot.press("slash", *"kite")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert search.value == ""
        assert listed_paths(app) == NEWEST_FIRST

        await pilot.press("enter")  # search → list
        await pilot.press("enter")  # list → open in the pane
        await settle(pilot)
        assert app.focused is app.screen.reader
        await pilot.press("escape")
        assert app.focused is app.screen.articles

        await pilot.press("t")
        await _toggle_tag(pilot, "energy")
        assert len(listed_paths(app)) == 2
        await pilot.press("escape")  # tags → list
        assert app.focused is app.screen.articles
        await pilot.press("escape")  # list: clear tag filters
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST


async def test_help_screen_lists_every_key(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in help_rows(app.screen)]
        for key in ["/", "t", "escape", "]", "[", "o", "y", "e", "S", "u", "*", "!", "?"]:
            assert key in keys
        assert "ctrl+p" in keys and "q" in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_at_80_columns_wraps_between_words(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(80, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        described = dict(help_rows(app.screen))
        assert described["o"] == HELP_TEXT["open_link"]
        assert described["/"] == HELP_TEXT["search"]
        assert described["tab/shift+tab"] == dict(MOVEMENT_HELP)["tab/shift+tab"]


async def test_problems_screen_lists_the_bad_file_and_why(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = visible_text(app.screen.query_one("#status"))
        assert "1 file skipped (press !)" in status
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        title = visible_text(app.screen.query_one("#problems-title")).strip()
        assert title == "Problems: 1 file skipped"  # the status line's words and numbers
        entries = problem_entries(app.screen)
        bad = [entry for entry in entries if entry.startswith("skipped  broken.md")]
        assert bad and ("YAML" in bad[0] or "frontmatter" in bad[0].lower())


async def test_sort_cycles_newest_oldest_title_relevance(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST[::-1]
        await pilot.press("S")
        await settle(pilot)
        titles = [article.title for article in app.screen.articles.articles]
        assert titles == sorted(titles, key=str.casefold)
        await pilot.press("S")
        await settle(pilot)
        assert "sort: relevance" in visible_text(app.screen.query_one("#status"))
        await pilot.press("S")
        await settle(pilot)
        assert listed_paths(app) == NEWEST_FIRST


async def test_a_search_typed_in_one_burst_reaches_the_search_box(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/kite")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "kite"
        assert listed_paths(app)[0] == "2025/01/solar-kite.md"


async def test_escape_in_an_empty_search_box_returns_to_the_list(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/kite")
        await settle(pilot)
        await pilot.press("escape")  # clears the query, stays in the box
        assert app.screen.query_one(SearchBox).has_focus
        assert app.screen.query_one(SearchBox).value == ""
        await pilot.press("escape")
        assert app.focused is app.screen.articles
        assert app.screen.query_one(SearchBox).value == ""


async def test_a_slash_typed_into_the_query_stays_in_it(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/a/b")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "a/b"

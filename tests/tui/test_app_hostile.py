"""A folder of hostile files: everything shows literally, nothing runs, the app keeps answering."""

from __future__ import annotations

import random
import webbrowser
from pathlib import Path

import pytest
from app_support import (
    KEY_NAMES,
    key_event,
    listed_paths,
    make_app,
    problem_entries,
    settle,
    shown_notices,
    visible_text,
)
from hostile_content import (
    ALIAS_BOMB_NAME,
    BINARY_NAME,
    CLICK,
    CLOSE,
    FIFO_NAME,
    KNOWN_WORD,
    MARKUP_TAG_NAME,
    MARKUP_VALUES,
    write_hostile_content,
    write_undecodable_name,
)
from textual.command import CommandPalette

from digest_tui.tui.screens.main import MainScreen
from digest_tui.tui.screens.problems import ProblemsScreen
from digest_tui.tui.widgets.search_box import SearchBox

TALL = (160, 90)
ALLOWED_SCHEMES = ("http://", "https://", "mailto:")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile_content(tmp_path / "content")


@pytest.fixture
def browser_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: calls.append(url) or True)
    return calls


def no_escapes(*texts: str) -> bool:
    return not any("\x1b" in text or "\x07" in text or "\u202e" in text for text in texts)


async def test_list_sidebar_and_header_show_markup_literally(hostile: Path) -> None:
    app = make_app(hostile)
    async with app.run_test(size=TALL, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        rows = visible_text(app.screen.articles)
        for number, markup in enumerate(MARKUP_VALUES):
            assert f"Title {number} {markup}" in rows
        await pilot.press("slash", *"Title")  # the sidebar's counts follow the query
        await settle(pilot)
        tags = visible_text(app.screen.sidebar)
        assert "tag2[/]" in tags and "tag4[TODO]" in tags and "tag0[@click" in tags
        assert no_escapes(rows, tags)
        app.screen.open_path("markup-0.md")
        await settle(pilot)
        header = visible_text(app.screen.reader)
        assert f"Title 0 {CLICK}" in header
        assert f" · {CLICK} · " in header  # the author
        assert no_escapes(header)
        assert app.is_running and app.return_code is None


async def test_problems_screen_names_hostile_files_and_reasons(hostile: Path) -> None:
    app = make_app(hostile)
    async with app.run_test(size=TALL) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        lines = problem_entries(app.screen)
        table = "\n".join(lines)
        for name, reason in (
            (ALIAS_BOMB_NAME, "aliases expand too far"),
            (BINARY_NAME, "binary file"),
            (FIFO_NAME, "FIFO"),
            ("zero.md", "outside the content folder"),
        ):
            assert any(name in line and reason in line for line in lines), name
        assert any(
            MARKUP_TAG_NAME in line and f"unknown YAML tag {CLICK}" in line for line in lines
        )
        assert no_escapes(table)


async def test_refused_links_become_literal_notices(hostile: Path, browser_calls) -> None:
    app = make_app(hostile)
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await settle(pilot)
        app.screen.open_path("links.md")
        await settle(pilot)
        reader = app.screen.reader
        notices = ""
        for index in range(len(reader.links)):
            app.clear_notifications()
            reader.action_link_clicked(index)
            await settle(pilot)
            notices += " ".join(shown_notices(app).split()) + "\n"  # toasts wrap lines
        assert browser_calls == ["https://example.com/ok", "mailto:a@example.com"]
        for scheme in ("ssh:", "vscode:", "smb:"):
            assert f"Not opened: {scheme}" in notices
        assert "leads outside the content folder" in notices
        # The Markdown parser never makes these into links: they stay plain text.
        assert not any(link.startswith(("javascript:", "file:", "data:")) for link in reader.links)
        assert "vscode:%5B@click=app.quit%5Dx%5B/%5D" in notices  # the parser encodes brackets
        assert "leads outside the content folder" in notices
        assert reader.article.path == "markup-1.md"  # the relative link opened its article


async def test_palette_hits_show_markup_literally(hostile: Path) -> None:
    app = make_app(hostile)
    async with app.run_test(size=TALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Title 2")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        hits = visible_text(app.screen.query_one("CommandList"))
        assert f"Title 2 {CLOSE}" in hits
        await pilot.press("escape")


# Keys of the reader, minus q (quits), e (editor), y (clipboard). `o` stays: the browser
# is patched, so it checks that only web links ever reach it.
STORM_KEYS = [
    *"jkgGtuSo",
    *["up", "down", "pageup", "pagedown", "enter", "escape", "space", "tab", "shift+tab"],
    *["slash", "right_square_bracket", "left_square_bracket", "asterisk"],
    *["exclamation_mark", "question_mark", "home", "end", "backspace"],
]
TYPED = "abcdfhilmnprstvwxz [/]@=#:-"
# Keys that push a screen: the keys after them wait until it is up, as a user's would.
SCREEN_KEYS = {"ctrl+p", "question_mark", "exclamation_mark"}
STORM_SIZE = 3200
BATCH = 100


def key_storm(seed: int, count: int) -> list[str]:
    """`count` keys: mostly commands, some text for the search box, the palette opened and shut.

    Escape comes often enough that the help, problems and palette screens opened by the
    storm are closed again and the main screen gets its share of keys.
    """
    rng = random.Random(seed)
    keys: list[str] = []
    while len(keys) < count:
        roll = rng.random()
        if roll < 0.02:
            # The first escape may only fold the hit list away; the second shuts the palette.
            keys += ["ctrl+p", *rng.sample(TYPED.replace(" ", ""), 3), "escape", "escape"]
        elif roll < 0.08:
            keys.append("escape")
        elif roll < 0.32:
            keys.append(rng.choice(TYPED))
        else:
            keys.append(rng.choice(STORM_KEYS))
    return [KEY_NAMES.get(key, key) for key in keys]


async def test_key_storm_over_the_hostile_folder(hostile: Path, browser_calls) -> None:
    app = make_app(hostile)
    screens_seen: set[str] = set()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        keys = key_storm(seed=20250601, count=STORM_SIZE)
        # Posted in batches, as fast typing or a paste would arrive, with a pause after each.
        for start in range(0, len(keys), BATCH):
            for key in keys[start : start + BATCH]:
                app.post_message(key_event(key))
                if key in SCREEN_KEYS:
                    await pilot.pause()
                    screens_seen.add(type(app.screen).__name__)
            await pilot.pause()
            screens_seen.add(type(app.screen).__name__)
            assert app.is_running and app.return_code is None
        await settle(pilot)
        for _ in range(4):
            await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        app.screen.clear_tags()
        if app.screen.panes.full_screen:
            await pilot.press("f")  # the storm's f keys may have left the reader full screen
        app.screen.focus_pane("list")
        await pilot.press("slash")
        app.screen.query_one(SearchBox).value = ""
        await pilot.press(*KNOWN_WORD)
        await settle(pilot)
        assert "pelican.md" in listed_paths(app)
    assert all(url.startswith(ALLOWED_SCHEMES) for url in browser_calls), browser_calls
    assert {"HelpScreen", "ProblemsScreen", "ReaderCommandPalette"} <= screens_seen, screens_seen


async def test_two_queued_enters_in_the_palette_open_one_article(hostile: Path) -> None:
    app = make_app(hostile)
    async with app.run_test(size=TALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Title 2")
        await settle(pilot)
        app.post_message(key_event("enter"))  # a double tap that arrives while the app is busy
        app.post_message(key_event("enter"))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.reader.article.path == "markup-2.md"


async def test_a_file_name_with_invalid_bytes_leaves_the_rest_listed(hostile: Path) -> None:
    write_undecodable_name(hostile)
    app = make_app(hostile)
    async with app.run_test(size=TALL) as pilot:
        await settle(pilot)
        assert "pelican.md" in listed_paths(app)

"""Reading comfort: full screen, paging as in less, find in the article, kept positions."""

from __future__ import annotations

from pathlib import Path

from app_support import burst, make_app, settle, write_content

from digest_tui.config import Config, load_config

LONG = "2025/04/long-read.md"
"""Forty numbered paragraphs; "harbour" appears in paragraphs 5, 20 and 35."""


def _long_article(content: Path) -> Path:
    paragraphs = []
    for number in range(1, 41):
        extra = " The Harbour lights came on." if number in (5, 20, 35) else ""
        paragraphs.append(f"Paragraph {number} of the long read.{extra}")
    body = "\n\n".join(paragraphs)
    (content / LONG).parent.mkdir(parents=True, exist_ok=True)
    (content / LONG).write_text(
        f'---\ntitle: "A Long Read"\npubDatetime: 2025-04-01T08:00:00Z\n---\n{body}\n'
    )
    return content


async def _open_long(pilot) -> None:
    await settle(pilot)
    pilot.app.screen.open_path(LONG)
    await settle(pilot)


def _top_line(app) -> str:
    reader = app.screen.reader
    return reader.render_line(0).text.strip()


async def test_full_screen_hides_the_list_and_is_remembered(tmp_path: Path) -> None:
    content = _long_article(write_content(tmp_path / "content"))
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_long(pilot)
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert not screen.articles.display or screen.articles.size.height == 0
        assert not screen.sidebar.display
        assert screen.reader.size.height > 30, "the reader takes the whole height"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.reader.article.path != LONG, "] still moves to the next article"
    config, problems = load_config()
    assert problems == [] and config.full_screen
    again = make_app(content, config)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not again.screen.articles.display
        await pilot.press("f")
        await pilot.pause()
        assert again.screen.articles.display
    assert not load_config()[0].full_screen


async def test_paging_keys_move_as_in_less(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_long(pilot)
        reader = app.screen.reader
        height = reader.scrollable_content_region.height
        await pilot.press("space")
        assert round(reader.scroll_y) == height
        await pilot.press("b")
        assert round(reader.scroll_y) == 0
        await pilot.press("ctrl+d")
        assert round(reader.scroll_y) == height // 2
        await pilot.press("ctrl+u")
        assert round(reader.scroll_y) == 0
        await pilot.press("G")
        assert round(reader.scroll_y) == reader.max_scroll_y > 0
        await pilot.press("g")
        assert round(reader.scroll_y) == 0


async def test_find_highlights_steps_with_n_and_clears_on_escape(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_long(pilot)
        reader = app.screen.reader
        assert app.focused is reader
        await pilot.press("slash", *"harbour")
        await pilot.pause()
        assert app.screen.find_bar.has_focus, "/ in the reader finds in the article"
        assert reader.border_subtitle == "1/3"
        assert "Paragraph 5 " in _visible(app)
        await pilot.press("enter")
        assert app.focused is reader
        await pilot.press("n")
        assert reader.border_subtitle == "2/3"
        assert "Paragraph 20 " in _visible(app)
        await pilot.press("n", "n")
        assert reader.border_subtitle == "1/3", "n wraps to the first match"
        await pilot.press("N")
        assert reader.border_subtitle == "3/3"
        assert "Paragraph 35 " in _visible(app)
        await pilot.press("escape")
        assert reader.border_subtitle is None and not reader.finding
        assert app.focused is reader, "the first escape only clears the find"


async def test_find_uses_smart_case(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_long(pilot)
        await pilot.press("slash", *"Harbour")
        await pilot.pause()
        assert app.screen.reader.border_subtitle == "1/3"
        await pilot.press(*["backspace"] * 7, *"HARBOUR")
        await pilot.pause()
        assert app.screen.reader.border_subtitle == "no matches"
        await pilot.press("escape")
        assert not app.screen.reader.finding
        assert app.focused is app.screen.reader


async def test_reading_position_survives_a_restart(tmp_path: Path) -> None:
    content = _long_article(write_content(tmp_path / "content"))
    app = make_app(content)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_long(pilot)
        await pilot.press("space", "space")
        await pilot.pause()
        top = _top_line(app)
        assert top.startswith("Paragraph"), top
    again = make_app(content)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.screen.reader.article.path == LONG
        assert _top_line(again) == top


async def test_a_much_changed_article_opens_at_the_top(tmp_path: Path) -> None:
    content = _long_article(write_content(tmp_path / "content"))
    app = make_app(content)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_long(pilot)
        await pilot.press("space", "space")
    path = content / LONG
    path.write_text(path.read_text().split("Paragraph 10 ")[0])
    again = make_app(content)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert round(again.screen.reader.scroll_y) == 0


async def test_text_is_centred_at_the_reading_width(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")), Config(reading_width=40))
    async with app.run_test(size=(120, 30)) as pilot:
        await _open_long(pilot)
        await pilot.press("f")
        await pilot.pause()
        lines = [line.text for line in _lines(app)]
        body = [line for line in lines if "Paragraph" in line]
        assert body
        indents = {len(line) - len(line.lstrip()) for line in body}
        assert len(indents) == 1 and indents.pop() > 30, "one centred column"
        assert all(len(line.strip()) <= 40 for line in body)


def _lines(app):
    reader = app.screen.reader
    return [reader.render_line(y) for y in range(reader.scrollable_content_region.height)]


def _visible(app) -> str:
    return "\n".join(line.text for line in _lines(app))


SECTIONS = "2025/04/sections.md"


def _sectioned_article(content: Path) -> Path:
    parts = []
    for name in ("Intro", "Methods", "Results"):
        paragraphs = "\n\n".join(f"{name} paragraph {number}." for number in range(1, 15))
        parts.append(f"## {name} `[b]x[/b]`\n\n{paragraphs}")
    body = "\n\n".join(parts) + "\n\nSee [the data](https://example.org/data).\n"
    (content / SECTIONS).parent.mkdir(parents=True, exist_ok=True)
    (content / SECTIONS).write_text(
        f'---\ntitle: "Sections"\npubDatetime: 2025-04-02T08:00:00Z\n---\n{body}'
    )
    return content


async def test_the_outline_jumps_to_a_heading(tmp_path: Path) -> None:
    app = make_app(_sectioned_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_path(SECTIONS)
        await settle(pilot)
        await pilot.press("O")
        await pilot.pause()
        from textual.widgets import OptionList

        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts == ["  Intro [b]x[/b]", "  Methods [b]x[/b]", "  Results [b]x[/b]"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert _top_line(app).startswith("Results [b]x[/b]")
        assert app.focused is app.screen.reader


async def test_the_links_list_copies_and_opens(tmp_path: Path, monkeypatch) -> None:
    app = make_app(_sectioned_article(write_content(tmp_path / "content")))
    copied: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await settle(pilot)
        app.screen.open_path(SECTIONS)
        await settle(pilot)
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert copied == ["https://example.org/data"]


async def test_an_article_opened_from_a_query_shows_its_first_hit(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harbour", "enter")
        await settle(pilot)
        assert app.screen.articles.highlighted.path == LONG
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.reader
        assert reader.border_subtitle == "1/3"
        assert round(reader.scroll_y) > 0 and "Paragraph 5 " in _visible(app)
        await pilot.press("n")
        assert reader.border_subtitle == "2/3" and "Paragraph 20 " in _visible(app)


async def test_a_pattern_without_matches_returns_to_where_the_find_began(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_long(pilot)
        await pilot.press("space")
        reader = app.screen.reader
        origin = round(reader.scroll_y)
        await pilot.press("slash", *"harbour")
        await pilot.pause()
        assert round(reader.scroll_y) != origin
        await pilot.press(*"zzz")
        await pilot.pause()
        assert reader.border_subtitle == "no matches"
        assert round(reader.scroll_y) == origin


async def test_n_typed_right_after_enter_goes_to_the_reader(tmp_path: Path) -> None:
    app = make_app(_long_article(write_content(tmp_path / "content")))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_long(pilot)
        burst(app, "/harbour\rn")
        await settle(pilot)
        assert app.screen.find_bar.value == "harbour"
        assert app.screen.reader.border_subtitle == "2/3"

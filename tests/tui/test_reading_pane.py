"""The reading pane widget, driven through a tiny app."""

from __future__ import annotations

from textual.app import App, ComposeResult

from digest_tui.model import Article
from digest_tui.tui.widgets.reading_pane import ReadingPane

ARTICLE = Article(
    path="2024/post.md",
    title="A [bold]plain[/] title",
    date="2024-03-05",
    tags=("python", "tui"),
    source_name="Example Weekly",
    words=660,
)

BODY = """\
# Big heading

Intro with a [first link](https://example.com/one) and `inline code`.

- apples
  - green apples
- pears

| name | count |
|------|------:|
| alpha | 12 |

```python
def greet(name):
    return f"hi {name}"
```

> quoted wisdom

![a diagram](https://example.com/diagram.png)

Second [link](https://example.com/two).
"""


class PaneApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.activated: list[str] = []

    def compose(self) -> ComposeResult:
        yield ReadingPane()

    def on_reading_pane_link_activated(self, message: ReadingPane.LinkActivated) -> None:
        self.activated.append(message.href)


def pane_lines(pane: ReadingPane) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.size.height)]


def all_text(pane: ReadingPane) -> str:
    return "\n".join(strip.text for strip in pane._lines)


async def wait_rendered(pilot, pane: ReadingPane) -> None:
    for _ in range(400):
        await pilot.pause(0.02)
        if not pane.rendering:
            return


async def test_shows_header_and_body_without_frontmatter():
    app = PaneApp()
    async with app.run_test(size=(100, 60)):
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, BODY)
        screen = "\n".join(pane_lines(pane))
        assert "A [bold]plain[/] title" in screen
        assert "2024-03-05" in screen
        assert "#python" in screen and "#tui" in screen
        assert "Example Weekly" in screen
        assert "3 min read" in screen
        for expected in ("Big heading", "apples", "green apples", "alpha", "12"):
            assert expected in screen
        assert 'return f"hi {name}"' in screen
        assert "quoted wisdom" in screen
        assert "a diagram" in screen and "https://example.com/diagram.png" in screen
        assert "---" not in screen
        assert pane.links == (
            "https://example.com/one",
            "https://example.com/diagram.png",
            "https://example.com/two",
        )


async def test_clicking_a_link_posts_its_href():
    app = PaneApp()
    async with app.run_test(size=(100, 60)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, BODY)
        await pilot.pause()
        lines = pane_lines(pane)
        row = next(y for y, line in enumerate(lines) if "first link" in line)
        column = lines[row].index("first link") + 2
        await pilot.click(ReadingPane, offset=(column + 1, row))  # +1: the pane's left padding
        await pilot.pause()
        assert app.activated == ["https://example.com/one"]


async def test_keyboard_moves_between_links_and_follows_one():
    app = PaneApp()
    async with app.run_test(size=(100, 60)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, BODY)
        pane.focus()
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        assert app.activated == ["https://example.com/diagram.png"]
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert app.activated[-1] == "https://example.com/one"


async def test_hostile_link_never_reaches_the_action_parser():
    app = PaneApp()
    body = "[click me](<https://x.test/a'),app.quit('b>) and [bad](javascript:alert(1))"
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, body)
        await pilot.pause()
        lines = pane_lines(pane)
        row = next(y for y, line in enumerate(lines) if "click me" in line)
        await pilot.click(ReadingPane, offset=(lines[row].index("click me") + 2, row))
        await pilot.pause()
        assert app.is_running
        assert len(app.activated) == 1
        assert app.activated[0].startswith("https://x.test/a")
        assert "javascript:" not in pane.links


async def test_markup_and_escapes_in_the_body_show_literally():
    app = PaneApp()
    body = "[@click=app.quit]Trap[/] and [bold]x[/] \x1b[2J\x1b]8;;http://evil\x07text"
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, body)
        screen = "\n".join(pane_lines(pane))
        assert "[@click=app.quit]Trap[/] and [bold]x[/]" in screen
        assert "\x1b" not in all_text(pane)
        row = next(y for y, line in enumerate(pane_lines(pane)) if "Trap" in line)
        await pilot.click(ReadingPane, offset=(pane_lines(pane)[row].index("Trap") + 1, row))
        await pilot.pause()
        assert app.is_running


async def test_long_article_renders_in_the_background_then_completes():
    app = PaneApp()
    body = "\n\n".join(f"## Section {i}\n\nParagraph {i} " + "word " * 60 for i in range(1500))
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, body)
        assert pane.rendering
        await wait_rendered(pilot, pane)
        assert not pane.rendering
        text = all_text(pane)
        assert "Section 0" in text and "Section 1499" in text
        await pilot.press("end")


async def test_a_short_body_that_is_a_big_table_renders_in_the_background():
    app = PaneApp()
    table = "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n" + "|1|2|3|4|5|6|7|8|\n" * 150
    assert len(table) < 4_000
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, table)
        assert pane.rendering
        await wait_rendered(pilot, pane)
        assert all_text(pane).count("│ 1 │ 2 │") == 150


async def test_clear_and_resize_rerender():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, "word " * 200)
        wide = len(pane._lines)
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert len(pane._lines) > wide
        pane.clear()
        assert pane.article is None
        assert "word" not in "".join(pane_lines(pane))


async def test_empty_pane_shows_a_hint():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        shown = "\n".join(pane_lines(app.query_one(ReadingPane)))
        assert "Press enter to read the highlighted article" in shown


async def test_lines_fit_beside_the_scrollbar():
    """Wrapping leaves room for the vertical scrollbar: no word loses its last letters."""
    app = PaneApp()
    words = [f"w{number:04}" for number in range(300)]
    body = " ".join(words) + "\n\n" + "\n\n".join(f"para {n}" for n in range(80))
    async with app.run_test(size=(61, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, body)
        await pilot.pause()
        assert pane.max_scroll_y > 0  # the scrollbar is shown
        width = pane.scrollable_content_region.width
        assert max(line.cell_length for line in pane._lines) <= width
        visible = " ".join(pane_lines(pane)).split()
        shown_words = [token for token in visible if token.startswith("w0")]
        assert shown_words == words[: len(shown_words)]
        assert len(shown_words) > 50


HOSTILE_BODIES = {
    "nested list": "\n".join("  " * depth + f"- item {depth}" for depth in range(200)),
    "nested quote": "> " * 200 + "deep text",
    "big table": "| a | b |\n|---|---|\n" + "\n".join(f"| {n} | row {n} |" for n in range(5000)),
    "headings": "\n\n".join(f"## Heading {n}" for n in range(2000)),
    "long line": "y" * 50_000,
}


async def test_hostile_bodies_render_completely_in_the_pane():
    app = PaneApp()
    expected_last = {
        "nested list": "item 199",
        "nested quote": "deep text",
        "big table": "4,800 more rows",
        "headings": "Heading 1999",
        "long line": "yyyy",
    }
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.focus()
        for name, body in HOSTILE_BODIES.items():
            pane.show(ARTICLE, body)
            await wait_rendered(pilot, pane)
            assert expected_last[name] in all_text(pane), name
            await pilot.press("end", "pageup", "home")
        assert app.is_running


def _code_background(pane: ReadingPane):
    for y in range(pane.size.height):
        for segment in pane.render_line(y):
            if "greet" in segment.text and segment.style is not None:
                return segment.style.bgcolor
    raise AssertionError("the code block is not on screen")


async def test_code_colours_follow_the_app_theme():
    app = PaneApp()
    async with app.run_test(size=(80, 60)) as pilot:
        app.theme = "textual-dark"
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, BODY)
        await pilot.pause()
        dark = _code_background(pane)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert _code_background(pane) != dark


def _top_section(pane: ReadingPane) -> int:
    """The number of the first "Paragraph N" on screen."""
    for line in pane_lines(pane):
        if "Paragraph " in line:
            return int(line.split("Paragraph ")[1].split()[0])
    raise AssertionError("no paragraph on screen")


LONG_BODY = "\n\n".join(f"## Section {i}\n\nParagraph {i} " + "word " * 60 for i in range(600))


async def test_a_resize_keeps_the_place_in_a_long_article():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, LONG_BODY)
        await wait_rendered(pilot, pane)
        pane.scroll_to(y=len(pane._lines) // 2, animate=False, immediate=True)
        await pilot.pause()
        before = _top_section(pane)
        await pilot.resize_terminal(70, 30)  # the body is laid out again, narrower
        await wait_rendered(pilot, pane)
        await pilot.pause()
        assert abs(_top_section(pane) - before) <= 2, "still about where the reader was"


async def test_a_new_version_before_the_place_is_reached_keeps_the_place():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReadingPane)
        pane.show(ARTICLE, LONG_BODY, at=0.5)
        pane.show_again(ARTICLE, LONG_BODY + "\n\nA new last line.")  # still rendering
        await wait_rendered(pilot, pane)
        await pilot.pause()
        assert 290 <= _top_section(pane) <= 310, "half way down, as it was left"

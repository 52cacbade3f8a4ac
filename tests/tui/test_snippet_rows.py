"""Snippet lines in the article list: under each body hit, a dim line of its body around the
query's words, highlighted; the cursor skips them."""

from __future__ import annotations

from textual.app import App, ComposeResult

from digest_tui.model import Article
from digest_tui.search.snippets import snippet_of
from digest_tui.tui.messages import SnippetsRead, SnippetsWanted
from digest_tui.tui.widgets.article_list import ArticleList

BODIES = {
    "a.md": "Nothing here.",
    "b.md": "Opening words come first. " * 4
    + "The engineers of Igalia flew a kite over the bay all day long.",
    "c.md": "Plain.",
    "d.md": "Igalia [@click=app.quit]quit[/] \x1b[2Jwrote this\x07 line.",
}
ARTICLES = [
    Article(path=path, title=f"Post {path[0].upper()}", date=f"2025-01-0{n + 1}")
    for n, path in enumerate(BODIES)
]
HITS = {"b.md": ("igalia",), "d.md": ("igalia",)}


class SnippetApp(App):
    """The list, and the reading of snippets a screen does (here from bodies in memory)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def compose(self) -> ComposeResult:
        yield ArticleList()

    def on_mount(self) -> None:
        self.query_one(ArticleList).set_articles(ARTICLES, terms=("igalia",), snippets=HITS)

    def on_snippets_wanted(self, message: SnippetsWanted) -> None:
        self.asked += [article.path for article, _terms in message.wanted]
        found = [
            (a, terms, snippet_of(BODIES.get(a.path, ""), terms)) for a, terms in message.wanted
        ]
        self.query_one(ArticleList).post_message(SnippetsRead(found))


def lines(widget: ArticleList) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_body_hits_get_a_snippet_line_with_the_words_highlighted():
    app = SnippetApp()
    async with app.run_test(size=(100, 10)) as pilot:
        widget = app.query_one(ArticleList)
        await pilot.pause()
        await pilot.pause()
        shown = lines(widget)
        assert shown[0].endswith("Post A")
        assert shown[1].endswith("Post B")
        assert shown[2].strip().startswith("…words come first. The engineers of Igalia flew a kite")
        assert shown[3].endswith("Post C")
        assert shown[4].endswith("Post D")
        assert shown[5].strip() == "Igalia [@click=app.quit]quit[/] wrote this line."
        assert shown[6] == ""
        assert widget.virtual_size.height == 6
        assert sorted(app.asked) == ["b.md", "d.md"]  # asked for once, then kept
        highlighted = [s for s in widget.render_line(2) if s.text == "Igalia"]
        plain = [s for s in widget.render_line(2) if "flew a kite" in s.text]
        assert highlighted and plain
        assert highlighted[0].style.underline and not plain[0].style.underline
        assert plain[0].style.dim and not highlighted[0].style.dim


async def test_the_cursor_skips_snippet_lines_and_clicks_on_them_choose_their_article():
    app = SnippetApp()
    chosen: list[Article] = []
    app.on_article_list_chosen = lambda message: chosen.append(message.article)  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 10)) as pilot:
        widget = app.query_one(ArticleList)
        widget.focus()
        await pilot.press("j")
        assert widget.highlighted is ARTICLES[1]
        await pilot.press("j")
        assert widget.highlighted is ARTICLES[2]  # not the snippet line between them
        await pilot.press("G")
        assert widget.highlighted is ARTICLES[3]
        await pilot.click(ArticleList, offset=(30, 2))  # Post B's snippet line
        assert widget.highlighted is ARTICLES[1]


async def test_a_snippet_is_cut_to_the_width_with_an_ellipsis():
    app = SnippetApp()
    async with app.run_test(size=(50, 10)) as pilot:
        widget = app.query_one(ArticleList)
        await pilot.pause()
        await pilot.pause()
        line = widget.render_line(2).text
        assert len(line) == widget.size.width
        # Cut from the left as well, so that the hit shows in the room there is.
        assert line.strip().startswith("…") and line.rstrip().endswith("…")
        assert "of Igalia flew" in line


async def test_no_snippet_lines_without_body_hits_or_in_day_order_with_headings():
    app = SnippetApp()
    async with app.run_test(size=(100, 12)) as pilot:
        widget = app.query_one(ArticleList)
        widget.set_articles(ARTICLES, terms=("post",))
        assert widget.virtual_size.height == 4
        widget.set_articles(ARTICLES, by_day=True, terms=("igalia",), snippets=HITS)
        await pilot.pause()
        await pilot.pause()
        shown = lines(widget)
        assert "Post B" in shown[3] and "Igalia flew" in shown[4]
        assert shown[5].startswith("──") and "Post C" in shown[6]
        assert widget.virtual_size.height == 10


async def test_page_keys_move_by_a_screen_of_lines_snippets_counted():
    articles = [Article(path=f"{n}.md", title=f"Post {n}") for n in range(40)]
    hits = {f"{n}.md": ("post",) for n in range(40)}  # every row takes two lines
    app = SnippetApp()
    async with app.run_test(size=(100, 11)) as pilot:
        widget = app.query_one(ArticleList)
        widget.set_articles(articles, snippets=hits)
        widget.focus()
        await pilot.press("pagedown")
        assert widget.cursor == 5  # ten lines down: five articles and their snippets
        await pilot.press("pagedown", "pageup")
        assert widget.cursor == 5
        await pilot.press("pageup", "pageup")
        assert widget.cursor == 0

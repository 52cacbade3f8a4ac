"""The article list widget, driven through a tiny app."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult

from digest_tui.model import Article
from digest_tui.tui.widgets.article_list import ArticleList


def make_articles(count: int) -> list[Article]:
    return [
        Article(
            path=f"posts/{index:06}.md",
            title=f"Article number {index}",
            date=f"2024-01-{index % 28 + 1:02}",
            tags=("ai", "news"),
            source_name="Example Source",
        )
        for index in range(count)
    ]


class ListApp(App):
    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles
        self.highlighted: list[Article | None] = []
        self.chosen: list[Article] = []

    def compose(self) -> ComposeResult:
        yield ArticleList()

    def on_mount(self) -> None:
        self.query_one(ArticleList).set_articles(self.articles)

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.highlighted.append(message.article)

    def on_article_list_chosen(self, message: ArticleList.Chosen) -> None:
        self.chosen.append(message.article)


def row_text(widget: ArticleList, y: int) -> str:
    return widget.render_line(y).text


async def test_keys_move_cursor_and_post_highlighted():
    app = ListApp(make_articles(50))
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        widget.focus()
        await pilot.press("down", "j", "j")
        assert widget.cursor == 3
        assert app.highlighted[-1] is app.articles[3]
        await pilot.press("k")
        assert widget.highlighted is app.articles[2]
        await pilot.press("G")
        assert widget.cursor == 49
        await pilot.press("g")
        assert widget.cursor == 0
        await pilot.press("pagedown")
        assert widget.cursor > 10
        await pilot.press("enter")
        await pilot.pause()
        assert app.chosen == [widget.highlighted]


async def test_cursor_stays_in_range():
    app = ListApp(make_articles(3))
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        widget.focus()
        await pilot.press("up", "up")
        assert widget.cursor == 0
        await pilot.press("down", "down", "down", "down")
        assert widget.cursor == 2


async def test_rows_show_date_title_tags_and_source():
    app = ListApp(make_articles(5))
    async with app.run_test(size=(120, 20)):
        text = row_text(app.query_one(ArticleList), 1)
        assert "2024-01-02" in text
        assert "Article number 1" in text
        assert "#ai #news" in text
        assert "Example Source" in text


async def test_a_tag_far_down_the_list_still_gets_its_column():
    articles = [
        Article(path=f"posts/{index:03}.md", title=f"Article number {index}")
        for index in range(200)
    ]
    articles.append(Article(path="posts/last.md", title="Last one", tags=("late",)))
    app = ListApp(articles)
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        widget.focus()
        await pilot.press("end")
        await pilot.pause()
        visible = [row_text(widget, y) for y in range(widget.size.height)]
        assert any("Last one" in line and "#late" in line for line in visible)


async def test_hundred_thousand_articles_first_and_last_rows_render():
    app = ListApp(make_articles(100_000))
    async with app.run_test(size=(120, 40)) as pilot:
        widget = app.query_one(ArticleList)
        assert "Article number 0" in row_text(widget, 0)
        widget.focus()
        await pilot.press("end")
        await pilot.pause()
        assert widget.cursor == 99_999
        visible = [row_text(widget, y) for y in range(widget.size.height)]
        assert any("Article number 99999" in line for line in visible)


async def test_set_articles_keeps_the_cursor_on_the_same_article():
    articles = make_articles(100)
    app = ListApp(articles)
    async with app.run_test(size=(120, 20)):
        widget = app.query_one(ArticleList)
        widget.set_articles(articles[::-1], keep=articles[10].path)
        assert widget.highlighted is articles[10]
        widget.set_articles(articles[:5], keep=articles[10].path)
        assert widget.cursor == 0


async def test_move_to_and_empty_list():
    articles = make_articles(10)
    app = ListApp(articles)
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        assert widget.move_to(articles[7].path)
        assert widget.highlighted is articles[7]
        assert not widget.move_to("nowhere.md")
        widget.set_articles([])
        await pilot.pause()
        assert widget.highlighted is None
        assert app.highlighted[-1] is None
        assert row_text(widget, 0).strip() == ""


async def test_marks_show_unread_star_and_new():
    articles = make_articles(3)
    app = ListApp(articles)
    async with app.run_test(size=(120, 20)):
        widget = app.query_one(ArticleList)
        starred = {articles[1].path}
        widget.set_marks(
            is_read=lambda path: path != articles[0].path,
            is_starred=lambda path: path in starred,
            is_new=lambda path: path == articles[2].path,
        )
        assert "●" in row_text(widget, 0)
        assert "●" not in row_text(widget, 1)
        assert "★" in row_text(widget, 1)
        assert "+" in row_text(widget, 2)
        starred.clear()
        widget.refresh_marks()
        assert "★" not in row_text(widget, 1)


async def test_markup_and_escapes_in_titles_show_literally():
    hostile = [
        Article(path="a.md", title="[@click=app.quit]Trap[/]", tags=("[bold]x[/]",)),
        Article(path="b.md", title="\x1b[2J\x1b]52;c;AAAA\x07Clean\x1b[31m title"),
    ]
    app = ListApp(hostile)
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        assert "[@click=app.quit]Trap[/]" in row_text(widget, 0)
        assert "#[bold]x[/]" in row_text(widget, 0)
        assert "Clean title" in row_text(widget, 1)
        assert "\x1b" not in row_text(widget, 1)
        title_x = row_text(widget, 0).index("Trap")
        await pilot.click(ArticleList, offset=(title_x, 0))
        await pilot.pause()
        assert app.is_running
        assert app.chosen == [hostile[0]]


async def test_click_chooses_the_row_under_the_mouse():
    app = ListApp(make_articles(20))
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.click(ArticleList, offset=(30, 4))
        await pilot.pause()
        assert app.chosen == [app.articles[4]]


class SelectorApp(ListApp):
    def compose(self) -> ComposeResult:
        yield ArticleList(id="mine")

    @on(ArticleList.Chosen, "#mine")
    def remember_choice(self, message: ArticleList.Chosen) -> None:
        self.chosen_by_selector = message.control


async def test_messages_name_the_list_for_selectors():
    app = SelectorApp(make_articles(3))
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        widget.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.chosen_by_selector is widget


async def test_scrollbar_follows_the_row_count_as_the_list_is_refiltered():
    articles = make_articles(200)
    app = ListApp(articles[:3])
    async with app.run_test(size=(120, 20)) as pilot:
        widget = app.query_one(ArticleList)
        await pilot.pause()
        assert not widget.show_vertical_scrollbar
        widget.set_articles(articles)
        await pilot.pause()
        assert widget.show_vertical_scrollbar
        assert widget.vertical_scrollbar.window_virtual_size == 200
        widget.set_articles(articles[:50])
        await pilot.pause()
        assert widget.vertical_scrollbar.window_virtual_size == 50
        widget.focus()
        await pilot.press("end")
        assert widget.cursor == 49
        assert any("Article number 49" in row_text(widget, y) for y in range(widget.size.height))
        widget.set_articles(articles[:2])
        await pilot.pause()
        assert not widget.show_vertical_scrollbar
        assert "Article number 1" in row_text(widget, 1)


async def test_a_wide_list_shows_cjk_tags_whole_and_keeps_columns_aligned():
    from rich.cells import cell_len

    articles = [
        Article(path="a.md", title="東京の新しい図書館が開館", tags=("文化", "図書館", "東京")),
        Article(path="b.md", title="🚀 Rocket recap", tags=("space", "🚀launches")),
        Article(path="c.md", title="Plain", tags=("misc",)),
    ]
    app = ListApp(articles)
    async with app.run_test(size=(220, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one(ArticleList)
        rows = [row_text(widget, y) for y in range(3)]
        assert "#文化 #図書館 #東京" in rows[0]
        assert "#space #🚀launches" in rows[1]
        starts = {cell_len(row[: row.index("#")]) for row in rows}
        assert len(starts) == 1, rows


def dated(days: list[str]) -> list[Article]:
    return [
        Article(path=f"p{number}.md", title=f"Post {number}", date=day or None)
        for number, day in enumerate(days)
    ]


async def test_a_list_by_day_has_headings_the_cursor_skips():
    articles = dated(["2025-11-20", "2025-11-20", "2025-11-19", ""])
    app = ListApp(articles)
    async with app.run_test(size=(100, 12)) as pilot:
        widget = app.query_one(ArticleList)
        widget.set_articles(articles, by_day=True)
        widget.focus()
        await pilot.pause()
        lines = [row_text(widget, y).strip() for y in range(7)]
        assert lines[0].startswith("── Thu 20 Nov 2025 ──")
        assert "Post 0" in lines[1] and "Post 1" in lines[2]
        assert lines[3].startswith("── Wed 19 Nov 2025 ──")
        assert lines[5].startswith("── Undated ──")
        await pilot.press("down", "down")
        assert widget.highlighted is articles[2]
        assert "Post 2" in row_text(widget, 4)
        await pilot.click(ArticleList, offset=(10, 6))
        assert app.chosen[-1] is articles[3]


async def test_title_order_has_no_headings():
    articles = dated(["2025-11-20", "2025-11-19"])
    app = ListApp(articles)
    async with app.run_test(size=(100, 12)) as pilot:
        widget = app.query_one(ArticleList)
        await pilot.pause()
        assert "Post 0" in row_text(widget, 0)
        assert widget.virtual_size.height == 2


async def test_the_query_words_are_highlighted_in_titles():
    app = ListApp(make_articles(3))
    async with app.run_test(size=(120, 20)):
        widget = app.query_one(ArticleList)
        widget.set_articles(app.articles, terms=("number",))
        segments = list(widget.render_line(1))
        matched = [s for s in segments if s.text == "number"]
        plain = [s for s in segments if s.text.startswith("Article ")]
        assert matched and plain
        assert matched[0].style != plain[0].style and matched[0].style.underline
        widget.set_articles(app.articles)
        assert not any(s.text == "number" for s in widget.render_line(1))

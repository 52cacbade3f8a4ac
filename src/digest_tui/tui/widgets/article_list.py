"""The article list: one row per article, drawn line by line so 100,000 rows cost nothing."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.strip import Strip

from digest_tui.article_columns import column_of, index_of_path
from digest_tui.days import day_label
from digest_tui.tui.messages import SnippetsRead, SnippetsWanted
from digest_tui.tui.widgets.article_rows import (
    SOURCE_WIDTH,
    TAGS_WIDTH,
    RowMarks,
    cells_needed,
    listed_source,
    listed_tags,
    match_spans,
    row_cells,
    row_layout,
)
from digest_tui.tui.widgets.cluster_rows import fold_cells, on_badge
from digest_tui.tui.widgets.line_view import (
    RowCursorView,
    StyleCache,
    content_width,
    scroll_row_into_view,
    span_segments,
)
from digest_tui.tui.widgets.list_lines import ListLines
from digest_tui.tui.widgets.snippet_rows import SnippetTexts, snippet_segments

if TYPE_CHECKING:
    from digest_tui.clusters.listing import FoldedRows
    from digest_tui.model import Article

Mark = Callable[[str], bool]
_UNDIMMED = Style(dim=False)
STRIP_CACHE_SIZE = 256


class ArticleList(RowCursorView, can_focus=True):
    """Articles as rows of date, marks, title, tags and source; a cursor picks one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *RowCursorView.MOVE_BINDINGS,
        Binding("enter", "choose", "Open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--marks",
        "article-list--date",
        "article-list--tags",
        "article-list--source",
        "article-list--day",
        "article-list--match",
        "article-list--snippet",
        "article-list--cluster",
    }

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
    }
    ArticleList > .article-list--cursor {
        background: $block-cursor-blurred-background;
    }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ArticleList > .article-list--unread {
        text-style: bold;
    }
    ArticleList > .article-list--marks {
        color: $accent;
    }
    ArticleList > .article-list--date {
        color: $text-muted;
    }
    ArticleList > .article-list--tags {
        color: $text-muted;
    }
    ArticleList > .article-list--match {
        color: $accent;
        text-style: bold underline;
    }
    ArticleList > .article-list--source {
        color: $text-muted;
        text-style: italic;
    }
    ArticleList > .article-list--cluster {
        color: $accent;
        text-style: bold;
    }
    ArticleList > .article-list--snippet {
        text-style: dim;
    }
    ArticleList > .article-list--day {
        color: $accent;
        text-style: bold;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=False)
    """Index of the highlighted article (day headings and snippet lines are not counted:
    the cursor skips them)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The row count changes with every keystroke; `set_articles` asks for a layout only
    when the scrollbar appears or goes (a layout repaints the whole screen)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another article (None when the list is empty)."""

        article: Article | None
        article_list: ArticleList | None = field(default=None, repr=False)

        @property
        def control(self) -> ArticleList | None:
            """The list that posted this message (for `@on` selectors)."""
            return self.article_list

    @dataclass
    class ClusterToggled(Message):
        """The user asked to open or fold the story cluster of the row `path` (None:
        whichever it is not)."""

        path: str
        opened: bool | None = None

    @dataclass
    class Chosen(Message):
        """The user asked to open an article (enter or click)."""

        article: Article
        article_list: ArticleList | None = field(default=None, repr=False)

        @property
        def control(self) -> ArticleList | None:
            """The list that posted this message (for `@on` selectors)."""
            return self.article_list

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._articles: Sequence[Article] = ()
        self._is_read: Mark | None = None
        self._is_starred: Mark | None = None
        self._is_new: Mark | None = None
        self._version = 0
        self._tags_need = 0
        self._sources_need = 0
        self._folds: FoldedRows | None = None
        self._lines = ListLines(0)
        """Where the articles, day headings and snippet lines fall."""
        self._snippet_texts = SnippetTexts()
        self._asking = False
        self._today = date.today()
        self._terms: tuple[str, ...] = ()
        self._strips: OrderedDict[tuple[int, int, bool, int], Strip] = OrderedDict()
        self._styles = StyleCache(self)

    # Public API --------------------------------------------------------------------

    @property
    def articles(self) -> Sequence[Article]:
        """The rows shown, in order."""
        return self._articles

    @property
    def highlighted(self) -> Article | None:
        """The article under the cursor."""
        if 0 <= self.cursor < len(self._articles):
            return self._articles[self.cursor]
        return None

    def set_articles(
        self,
        articles: Sequence[Article],
        *,
        keep: str | None = None,
        by_day: bool = False,
        days: Sequence[str] | None = None,
        terms: Sequence[str] = (),
        snippets: Mapping[str, tuple[str, ...]] | None = None,
        folds: FoldedRows | None = None,
        keep_scroll: bool = False,
    ) -> None:
        """Show `articles`; keep the cursor on the one whose path is `keep`, else the first.

        `by_day` (for a list in date order) puts a heading before each day's first article;
        `days`, the articles' days in order, saves reading them from the articles.
        Where a title holds one of the query's words or phrases `terms`, it is highlighted.
        The articles whose paths `snippets` holds (each listed) get a line of their body
        under them, around the words and phrases it gives for them. `folds` says which
        rows stand for a story cluster and which are its copies; `keep_scroll` keeps the
        view where it is (a cluster opened or folded) instead of starting at the top.
        """
        before = self.highlighted
        self._articles = articles
        self._today = date.today()
        self._folds = folds
        if by_day and days is None and folds is not None:
            days = folds.days()  # a copy under an opened story counts on its first row's day
        self._lines = ListLines.of(articles, by_day=by_day, snippets=snippets, days=days)
        # Columns take the room their text needs; ones no article fills take none.
        self._tags_need = cells_needed(column_of(articles, "tags"), listed_tags, TAGS_WIDTH)
        sources = column_of(articles, "source_name")
        self._sources_need = cells_needed(sources, listed_source, SOURCE_WIDTH)
        self._terms = tuple(terms)
        self._forget_strips()
        index = self._index_of(keep) if keep is not None else None
        self.set_reactive(ArticleList.cursor, index or 0)
        self._set_row_count(len(self._lines))
        if not keep_scroll:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_cursor_visible(center=not keep_scroll)
        self.refresh()
        if self.highlighted != before:
            self.post_message(self.Highlighted(self.highlighted, self))

    def _set_row_count(self, rows: int) -> None:
        self.virtual_size = Size(0, rows)
        if (rows > self.container_size.height) != self.show_vertical_scrollbar:
            self.refresh(layout=True)
        elif self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = rows

    def set_marks(self, is_read: Mark | None, is_starred: Mark | None, is_new: Mark | None) -> None:
        """Set the functions that tell, by path, whether an article is read, starred or new."""
        self._is_read, self._is_starred, self._is_new = is_read, is_starred, is_new
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Repaint every row after a read, star or new mark changed."""
        self._forget_strips()
        self.refresh()

    def move_to(self, path: str) -> bool:
        """Put the cursor on the article at `path`; False when it is not in the list."""
        index = self._index_of(path)
        if index is None:
            return False
        self.cursor = index
        return True

    def select_next(self) -> None:
        """Move the cursor one row down."""
        self.cursor += 1

    def select_previous(self) -> None:
        """Move the cursor one row up."""
        self.cursor -= 1

    # Cursor ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._articles)

    @property
    def cursor_row(self) -> int:
        return self.cursor

    @cursor_row.setter
    def cursor_row(self, row: int) -> None:
        self.cursor = row

    def choose_cursor_row(self) -> None:
        self.action_choose()

    def action_page_down_rows(self) -> None:
        self._page(1)

    def action_page_up_rows(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move the cursor a screen of lines (headings and snippet lines count), as `less`
        pages."""
        if self._articles:
            step = max(1, self.scrollable_content_region.height - 1)
            self.cursor = self._lines.article_near(self._line_of(self.cursor) + direction * step)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._articles) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        for row in (old, new):
            if 0 <= row < len(self._articles):
                line = self._line_of(row)
                self.refresh_line(line)
                if self._lines.has_snippet(row):
                    self.refresh_line(line + 1)
        self._scroll_cursor_visible()
        self.post_message(self.Highlighted(self.highlighted, self))

    def _scroll_cursor_visible(self, center: bool = False) -> None:
        if self._articles:
            cursor, lines = self.cursor, self._lines
            line = lines.line_of(cursor)
            if lines.heading_above(cursor):
                scroll_row_into_view(self, line - 1, center=center)  # its day's heading too
            if lines.has_snippet(cursor):
                scroll_row_into_view(self, line + 1, center=center)  # and its snippet
            scroll_row_into_view(self, line, center=center)

    def _line_of(self, index: int) -> int:
        """The line of article `index`, headings and snippet lines counted."""
        return self._lines.line_of(index)

    def on_click(self, event: events.Click) -> None:
        event.prevent_default()  # lines are not rows here: the base class's click is not ours
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self._lines.at(offset.y + round(self.scroll_y))
        if line is not None and line.kind != "day" and 0 <= line.row < len(self._articles):
            self.cursor = line.row
            article = self._articles[line.row]
            if self._folds is not None and on_badge(self._folds, article, offset.x):
                self.post_message(self.ClusterToggled(article.path))
            else:
                self.action_choose()

    def _index_of(self, path: str | None) -> int | None:
        if path is None:
            return None
        try:
            return index_of_path(self._articles, path)
        except ValueError:
            return None

    def action_choose(self) -> None:
        if (article := self.highlighted) is not None:
            self.post_message(self.Chosen(article, self))

    # Drawing -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._forget_strips()

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_cursor_visible()

    def _forget_strips(self) -> None:
        self._version += 1
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = content_width(self)
        line = self._lines.at(y + round(self.scroll_y))
        if line is None or not 0 <= line.row < len(self._articles):
            if line is not None and line.kind == "day":
                return self._render_day(line.day, width)
            return Strip.blank(width, self._styles.base)
        row = line.row
        if line.kind == "snippet":
            return self._render_snippet(row, width)
        key = (row, width, row == self.cursor, self._version)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, width)
            self._strips[key] = strip
            if len(self._strips) > STRIP_CACHE_SIZE:
                self._strips.popitem(last=False)
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        article = self._articles[row]
        marks = RowMarks(
            unread=self._is_read is not None and not self._is_read(article.path),
            starred=self._is_starred is not None and self._is_starred(article.path),
            new=self._is_new is not None and self._is_new(article.path),
        )
        base = self._styles.base
        if row == self.cursor:
            base = base + self._styles.component("article-list--cursor")
        styles = self._cell_styles(marks.unread)
        layout = row_layout(width, tags=self._tags_need, sources=self._sources_need)
        cells = row_cells(article, marks, width, layout)
        if self._folds is not None:
            cells = fold_cells(cells, self._folds, article)
        segments: list[Segment] = []
        for part, text in cells:
            style = base + styles[part]
            if part == "title" and self._terms:
                segments += self._highlighted(text, style)
            else:
                segments.append(Segment(text, style))
        return Strip(segments, width)

    def _render_snippet(self, row: int, width: int) -> Strip:
        article = self._articles[row]
        snippets = self._lines.snippets
        terms = snippets.terms(article) if snippets is not None else ()
        text = self._snippet_texts.text(article, terms)
        if text is None:
            text = ""  # drawn again when it has been read
            self._ask_for_snippets()
        base = self._styles.base
        if row == self.cursor:
            base = base + self._styles.component("article-list--cursor")
        style = base + self._styles.component("article-list--snippet", partial=True)
        match = style + _UNDIMMED + self._styles.component("article-list--match", partial=True)
        segments = snippet_segments(text, terms, width, style, match)
        return Strip(segments).adjust_cell_length(width, base)

    def _ask_for_snippets(self) -> None:
        """Ask once per frame for the snippets drawn while not yet read."""
        if not self._asking:
            self._asking = True
            self.call_later(self._post_wanted)

    def _post_wanted(self) -> None:
        self._asking = False
        wanted = self._snippet_texts.take_wanted()
        if wanted:
            self.post_message(SnippetsWanted(wanted))

    def on_snippets_read(self, message: SnippetsRead) -> None:
        """Snippets were read (in a worker): draw them."""
        self._snippet_texts.add(message.found)
        self.refresh()

    def _render_day(self, day: str, width: int) -> Strip:
        base = self._styles.base
        label = f" {day_label(day, self._today)} "
        style = base + self._styles.component("article-list--day", partial=True)
        rule = base + self._styles.component("article-list--date", partial=True)
        segments = [Segment("──", rule), Segment(label, style), Segment("─" * width, rule)]
        return Strip(segments).crop(0, width)

    def _highlighted(self, title: str, style: Style) -> list[Segment]:
        """The title's segments, the query's words in it in the match style."""
        match = style + self._styles.component("article-list--match", partial=True)
        return span_segments(title, match_spans(title, self._terms), style, match)

    def _cell_styles(self, unread: bool) -> dict[str, Style]:
        style = self._styles.component
        return {
            "date": style("article-list--date", partial=True),
            "marks": style("article-list--marks", partial=True),
            "title": style("article-list--unread", partial=True) if unread else Style(),
            "tags": style("article-list--tags", partial=True),
            "source": style("article-list--source", partial=True),
            "badge": style("article-list--cluster", partial=True),
            "copy": style("article-list--source", partial=True),
            "gap": Style(),
        }

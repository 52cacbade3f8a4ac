"""The reading pane: an article's header and rendered Markdown body, drawn line by line."""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from digest_tui.render.header import article_header
from digest_tui.render.lines import render_block, render_blocks
from digest_tui.render.link_rows import first_rows_of_links, mark_link
from digest_tui.render.sections import render_cost
from digest_tui.text_safety import clean_line
from digest_tui.tui.find_in_text import locate_in_order
from digest_tui.tui.widgets.chunked_render import render_in_chunks, strips
from digest_tui.tui.widgets.line_view import content_width, scroll_row_into_view
from digest_tui.tui.widgets.pane_find import CURRENT_MATCH, MATCH, PaneFind

if TYPE_CHECKING:  # the Markdown parser loads with the first article, not at start
    from digest_tui.model import Article, LoadedArticle
    from digest_tui.render.blocks import Document

SYNC_RENDER_CHARS = 8_000
"""Bodies up to this `render_cost` render at once; larger ones in a thread, in chunks."""
CACHE_SIZE = 8
RENDERING_NOTE = Text("⋯ rendering the rest of the article", style="dim italic")
EMPTY_HINT = Text("Press enter to read the highlighted article · ? for help", style="dim")

DEFAULT_READING_WIDTH = 100
RenderKey = tuple[str, int, int]


@dataclass
class _Rendered:
    """Lines rendered for one article body at one width."""

    lines: list[Strip] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class ReadingPane(ScrollView, can_focus=True):
    """One article: a metadata header over its body. Links post `LinkActivated`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("space", "page_or_next", "Page down, then the next unread", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        Binding("escape", "clear_find", "Clear find", show=False),
        Binding("tab", "next_link", "Next link", show=False),
        Binding("shift+tab", "previous_link", "Previous link", show=False),
        Binding("enter", "follow_link", "Follow link", show=False),
    ]

    DEFAULT_CSS = """
    ReadingPane > .reading-pane--match {
        background: $warning 40%;
    }
    ReadingPane > .reading-pane--current-match {
        background: $warning;
        color: $background;
    }
    ReadingPane {
        overflow-x: hidden;
        padding: 0 0 0 1;
        /* Lines are wrapped to the content width: keep it the same with or without a bar. */
        scrollbar-gutter: stable;
    }
    """

    @dataclass
    class LinkActivated(Message):
        """A link was clicked or followed; the app decides whether and how to open it."""

        href: str
        pane: ReadingPane | None = field(default=None, repr=False)

        @property
        def control(self) -> ReadingPane | None:
            """The pane that posted this message (for `@on` selectors)."""
            return self.pane

    class RenderedChunk(Message, bubble=False):
        """More lines of the current article, rendered in the background."""

        def __init__(
            self, generation: int, lines: list[Strip], document: Document | None = None
        ) -> None:
            super().__init__()
            self.generation = generation
            self.lines = lines
            self.document = document
            """Set on the last chunk only."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {MATCH, CURRENT_MATCH}

    loaded: var[LoadedArticle | None] = var(None, init=False)
    """The article to show; a new value shows it (see `resume_at`) (the screen binds this)."""

    def __init__(
        self,
        *,
        reading_width: int = DEFAULT_READING_WIDTH,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.reading_width = reading_width
        """Columns the text wraps at; a wider pane centres the text column."""
        self.resume_at = 0.0
        """Where the next article shown starts, as a share of its lines (0 is the top)."""
        self._find = PaneFind(self)
        self._pending_position: float | None = None
        self._article: Article | None = None
        self._body = ""
        self._generation = 0
        self._width = 0
        self._lines: list[Strip] = []
        self._links: list[str] = []
        self._rendering = False
        self._selected_link: int | None = None
        self._link_rows: dict[int, int] | None = None
        self._documents: OrderedDict[tuple[str, int], Document] = OrderedDict()
        self._rendered: OrderedDict[RenderKey, _Rendered] = OrderedDict()
        self._hint = EMPTY_HINT

    # Public API --------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The article shown, if any."""
        return self._article

    @property
    def links(self) -> tuple[str, ...]:
        """The link targets of the article shown, in document order."""
        return tuple(self._links)

    @property
    def rendering(self) -> bool:
        """True while the rest of a long article is still being rendered."""
        return self._rendering

    @staticmethod
    def preload() -> None:
        """Load the Markdown parser and highlighter now (from any thread), not on first open."""
        import digest_tui.render.blocks  # noqa: F401

    @dataclass
    class EndReached(Message):
        """`space` at the end of the article: the reader wants the next unread one."""

    def action_page_or_next(self) -> None:
        """Page down; at the end of the article, ask for the next unread one."""
        if self._article is not None and self.scroll_y >= self.max_scroll_y and not self._rendering:
            self.post_message(self.EndReached())
        else:
            self.action_page_down()

    def watch_loaded(self, old: LoadedArticle | None, loaded: LoadedArticle | None) -> None:
        if loaded is None:
            self.clear()
        elif old is not None and old.article.path == loaded.article.path:
            self.show_again(loaded.article, loaded.body)  # a new version: stay in place
            self.resume_at = 0.0
        else:
            self.show(loaded.article, loaded.body, at=self.resume_at)
            self.resume_at = 0.0

    def show(self, article: Article, body: str, at: float = 0.0) -> None:
        """Show `article` with its Markdown `body` (without frontmatter), from the top or
        from `at`, a share of its lines (see `position`)."""
        self._article = article
        self._body = body
        self._find.clear()
        self._hint = EMPTY_HINT
        # Set first: the scroll to the top is noted as the place reached (`position`).
        self._pending_position = at if at > 0 else None
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._start_render()

    @property
    def position(self) -> float:
        """How far down the article the view is, as a share of its lines (0 is the top);
        while a place to go back to is waiting for the lines, that place."""
        if self._pending_position is not None:
            return self._pending_position
        return round(self.scroll_y) / max(1, len(self._lines))

    def show_again(self, article: Article, body: str) -> None:
        """Show a new version of the article shown, where the reader was in it."""
        self.show(article, body, at=self.position)

    def say(self, text: str) -> None:
        """With no article shown, say `text` (plain) instead of the usual hint."""
        self._hint = Text(clean_line(text), style="italic")
        self.refresh()

    def clear(self) -> None:
        """Show nothing."""
        self._article = None
        self._body = ""
        self._generation += 1
        self.workers.cancel_group(self, "render")
        self._set_lines([], [], rendering=False)

    # Rendering ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._start_render())

    @property
    def _dark(self) -> bool:
        """Code is highlighted in colours for the app's dark or light theme."""
        return self.app.current_theme.dark

    def _body_key(self) -> int:
        return hash((self._body, self._dark))

    def _start_render(self) -> None:
        self._generation += 1
        self.workers.cancel_group(self, "render")
        self._selected_link = None
        article = self._article
        width = self._text_width()
        self._width = width
        if article is None or width <= 0:
            return
        key = (article.path, self._body_key(), width)
        if (cached := self._rendered.get(key)) is not None:
            self._set_lines(cached.lines, cached.links, rendering=False)
            return
        header = strips(render_blocks(article_header(article), width)) + [Strip([])]
        document = self._documents.get(key[:2])
        if document is None and render_cost(self._body) > SYNC_RENDER_CHARS:
            self._set_lines(header, [], rendering=True)
            body, generation, height = self._body, self._generation, self.size.height
            dark = self._dark

            def hand_over(lines: list[Strip], document: Document | None) -> None:
                self.post_message(self.RenderedChunk(generation, lines, document))

            def cancelled() -> bool:
                return get_current_worker().is_cancelled

            self.run_worker(
                lambda: render_in_chunks(body, width, height, hand_over, cancelled, dark),
                thread=True,
                group="render",
                exit_on_error=False,
            )
            return
        if document is None:
            from digest_tui.render.blocks import parse_markdown

            document = self._remember_document(key[:2], parse_markdown(self._body, dark=self._dark))
        lines = header + strips(render_blocks(document.blocks, width))
        self._set_lines(lines, document.links, rendering=False)
        self._remember_render(key, lines, document.links)

    def on_reading_pane_rendered_chunk(self, message: RenderedChunk) -> None:
        if message.generation != self._generation or self._article is None:
            return
        lines = self._lines + message.lines
        # A long article holds hundreds of thousands of segments; without this, every
        # full garbage collection walks them all and stalls the UI for up to a second.
        # Frozen objects are still freed by reference counting when the pane drops them.
        gc.freeze()
        document = message.document
        if document is None:
            self._set_lines(lines, [], rendering=True)
            return
        key = (self._article.path, self._body_key(), self._width)
        self._remember_document(key[:2], document)
        self._set_lines(lines, document.links, rendering=False)
        self._remember_render(key, lines, document.links)

    def _set_lines(self, lines: list[Strip], links: list[str], rendering: bool) -> None:
        self._lines = lines
        self._links = list(links)
        self._rendering = rendering
        self._link_rows = None
        self.virtual_size = Size(self._width, len(lines) + (1 if rendering else 0))
        if self._find.active:
            self._find.relines(self._line_texts())
        if self._pending_position is not None and not rendering:
            # After the next layout: the pane may still be growing to its reading size.
            self.call_after_refresh(self._go_to_pending_position)
        self.refresh()

    def _go_to_pending_position(self) -> None:
        """Scroll to the place waiting for the lines; it is kept until now, so a new version
        or a resize that comes first carries it over rather than reading the top."""
        share = self._pending_position
        if share is None or self._rendering:
            return
        self._pending_position = None
        self.scroll_to(y=round(share * len(self._lines)), animate=False, immediate=True)

    def _remember_document(self, key: tuple[str, int], document: Document) -> Document:
        self._documents[key] = document
        if len(self._documents) > CACHE_SIZE:
            self._documents.popitem(last=False)
        return document

    def _remember_render(self, key: RenderKey, lines: list[Strip], links: list[str]) -> None:
        self._rendered[key] = _Rendered(lines, list(links))
        if len(self._rendered) > CACHE_SIZE:
            self._rendered.popitem(last=False)

    def _text_width(self) -> int:
        return min(content_width(self), self.reading_width)

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() == self._width:
            return
        at = self.position
        self._pending_position = at if at > 0 else None
        self._start_render()
        self._go_to_pending_position()  # at once when the lines are ready, else when they are

    def render_line(self, y: int) -> Strip:
        row = y + round(self.scroll_y)
        width = content_width(self)
        if self._article is None:
            return self._hint_line(row, width)
        if row == len(self._lines) and self._rendering:
            strip = Strip(render_block(RENDERING_NOTE, self._width)[0])
        elif not 0 <= row < len(self._lines):
            return Strip.blank(width, self.rich_style)
        else:
            strip = self._lines[row]
        if self._selected_link is not None:
            strip = Strip(mark_link(strip, self._selected_link), strip.cell_length)
        if 0 <= row < len(self._lines):
            strip = self._find.mark(strip, row)
        indent = (width - self._width) // 2
        if indent > 0:
            strip = Strip([Segment(" " * indent), *strip], strip.cell_length + indent)
        return strip.adjust_cell_length(width, self.rich_style).apply_style(self.rich_style)

    def _hint_line(self, row: int, width: int) -> Strip:
        """With no article open, a short dim hint instead of an empty box."""
        lines = render_block(self._hint, width) if width > 0 else []
        if not 0 <= row < len(lines):
            return Strip.blank(width, self.rich_style)
        strip = Strip(lines[row]).adjust_cell_length(width, self.rich_style)
        return strip.apply_style(self.rich_style)

    # Paging and finding --------------------------------------------------------------

    def action_half_page(self, direction: int) -> None:
        """Scroll half a screen down (1) or up (-1), as `ctrl+d`/`ctrl+u` in less."""
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False)

    def begin_find(self) -> None:
        """A find bar opened: what is typed is looked for from the view as it is now."""
        self._find.begin()

    def find(self, patterns: Sequence[str]) -> None:
        """Highlight every occurrence of `patterns` and go to the first from the view's top."""
        self._find.search(self._line_texts(), patterns)

    def clear_find(self) -> None:
        """Drop the highlights of `find`."""
        self._find.clear()

    @property
    def finding(self) -> bool:
        """True while find highlights show."""
        return self._find.active

    def rows_of(self, texts: Sequence[str]) -> list[int | None]:
        """The line where each of `texts` begins, in order (None where not drawn yet)."""
        return locate_in_order(self._line_texts(), texts)

    def scroll_to_row(self, row: int) -> None:
        """Put line `row` at the top of the view."""
        self.scroll_to(y=row, animate=False)

    def action_next_match(self) -> None:
        if not self._find.step(+1):
            raise SkipAction()

    def action_previous_match(self) -> None:
        if not self._find.step(-1):
            raise SkipAction()

    def action_clear_find(self) -> None:
        if not self._find.active:
            raise SkipAction()
        self._find.clear()

    def _line_texts(self) -> list[str]:
        return [strip.text for strip in self._lines]

    # Links -------------------------------------------------------------------------

    def action_link_clicked(self, index: int) -> None:
        """Post the href of link `index`; the href itself never travels in an action."""
        if isinstance(index, int) and 0 <= index < len(self._links):
            self.post_message(self.LinkActivated(self._links[index], self))

    def action_next_link(self) -> None:
        self._step_link(+1)

    def action_previous_link(self) -> None:
        self._step_link(-1)

    def action_follow_link(self) -> None:
        if self._selected_link is None:
            raise SkipAction()
        self.action_link_clicked(self._selected_link)

    def _step_link(self, step: int) -> None:
        if self._link_rows is None:
            self._link_rows = first_rows_of_links(self._lines)
        ordered = sorted(self._link_rows)
        if not ordered:
            raise SkipAction()
        if self._selected_link is None:
            top = round(self.scroll_y)
            visible = [i for i in ordered if self._link_rows[i] >= top]
            index = (visible or ordered)[0] if step > 0 else (visible or ordered)[-1]
        else:
            position = ordered.index(self._selected_link) if self._selected_link in ordered else 0
            index = ordered[(position + step) % len(ordered)]
        self._selected_link = index
        scroll_row_into_view(self, self._link_rows[index])
        self.refresh()

"""Markdown source to a flat list of Rich renderables, one per block, plus its links.

The token stream is walked once, keeping a stack of open containers (list items and
block quotes). Each leaf block (paragraph, heading, code, table, rule) becomes one
renderable with its containers folded into a prefix, so the output is flat however
deep the nesting, and blocks can be rendered to lines one at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from digest_tui.render.code import code_block
from digest_tui.render.inline import InlineBuilder
from digest_tui.render.nesting import (
    LEAF_OPENERS,
    MAX_NESTING,
    nesting_overflowed,
    skipped_lines,
)
from digest_tui.render.prefixed import Prefixed
from digest_tui.render.sections import SECTION_CHARS, reference_lines, split_sections
from digest_tui.render.table_caps import cap_table_rows
from digest_tui.render.tables import TableDraft, cell_alignment
from digest_tui.text_safety import clean_block

HEADING_STYLES = {
    1: Style(bold=True, underline=True, color="magenta"),
    2: Style(bold=True, color="cyan"),
    3: Style(bold=True),
}
MINOR_HEADING_STYLE = Style(bold=True, italic=True)
QUOTE_BAR = ("▌ ", Style(color="bright_black"))
QUOTE_TEXT_STYLE = Style(italic=True)
MARKER_STYLE = Style(color="bright_blue", bold=True)
BULLETS = ("•", "◦", "▪")
SKIPPED_STYLE = Style(dim=True)


def make_parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough; raw HTML stays text for us to show plainly."""
    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])


@dataclass
class Document:
    """A parsed article body: its blocks in order and the targets of its links."""

    blocks: list[RenderableType] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def parse_markdown(markdown: str) -> Document:
    """Parse Markdown into renderable blocks. Article text is only ever inserted as plain text."""
    document = Document()
    for _ in parse_in_sections(markdown, document):
        pass
    return document


def parse_in_sections(
    markdown: str, document: Document, section_chars: int = SECTION_CHARS
) -> Iterator[list[RenderableType]]:
    """Parse a section at a time, appending to `document`; yield each section's new blocks.

    Link references are collected from the whole body first, so a reference defined at
    the end still resolves in the first section.
    """
    parser = make_parser()
    env: dict = {}
    if references := reference_lines(markdown):
        parser.parse(references, env)
    builder = _BlockBuilder(document)
    for section in split_sections(markdown, section_chars):
        done = len(document.blocks)
        section, builder.hidden_rows = cap_table_rows(section)
        tokens = parser.parse(section, dict(env))
        if nesting_overflowed(tokens):
            lines = section.splitlines()
            builder.recover(lines, skipped_lines(lines, tokens))
        builder.feed(tokens)
        builder.flush_skipped(None)
        yield document.blocks[done:]


@dataclass
class _Container:
    """An open list item (with its marker) or block quote."""

    marker: str = ""
    quote: bool = False
    fresh: bool = True
    """The item's marker has not been drawn yet."""


@dataclass
class _ListState:
    ordered: bool
    number: int = 1


class _BlockBuilder:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.inline = InlineBuilder(self.document.links)
        self.containers: list[_Container] = []
        self.lists: list[_ListState] = []
        self.pending_blank = False
        self.context: tuple[str, object] = ("paragraph", False)
        self.table: TableDraft | None = None
        self.in_table_header = False
        self.hidden_rows: dict[int, int] = {}
        """Rows cut from the current section's long tables, by the table's first line."""
        self.source_lines: list[str] = []
        self.skipped: list[int] = []

    def recover(self, source_lines: list[str], skipped: list[int]) -> None:
        """Show these source lines as written, where the parser dropped them."""
        self.source_lines = source_lines
        self.skipped = skipped[::-1]

    def flush_skipped(self, before: int | None) -> None:
        """Emit the skipped lines that come before source line `before` (all when None)."""
        found: list[str] = []
        while self.skipped and (before is None or self.skipped[-1] < before):
            found.append(self.source_lines[self.skipped.pop()].strip())
        if found:
            self._emit(Text(clean_block("\n".join(found)), style=SKIPPED_STYLE))

    def feed(self, tokens: list[Token]) -> None:
        for token in tokens:
            if self.skipped and token.type in LEAF_OPENERS and token.map:
                self.flush_skipped(token.map[0])
            handler = getattr(self, "_on_" + token.type, None)
            if handler is not None:
                handler(token)

    # Leaf blocks -------------------------------------------------------------------

    def _emit(self, renderable: RenderableType, tight: bool = False) -> None:
        blocks = self.document.blocks
        if self.pending_blank and blocks:
            started = [container for container in self.containers if not container.fresh]
            bar = _prefixes(started)[1]
            blocks.append(Prefixed(Text(""), bar, bar) if bar else Text(""))
        first, rest = _prefixes(self.containers)
        blocks.append(Prefixed(renderable, first, rest) if rest else renderable)
        self.pending_blank = not tight

    def _on_paragraph_open(self, token: Token) -> None:
        self.context = ("paragraph", token.hidden)

    def _on_heading_open(self, token: Token) -> None:
        self.context = ("heading", int(token.tag[1:] or 1))

    def _on_inline(self, token: Token) -> None:
        kind, detail = self.context
        if kind == "cell":
            if self.table is not None and self.table.accepts_cells():
                cell = self.inline.build(token.children)
                self.table.add_cell(cell, self.in_table_header, str(detail))
            return
        if kind == "heading":
            level = int(detail)  # type: ignore[call-overload]
            style = HEADING_STYLES.get(level, MINOR_HEADING_STYLE)
            self._emit(self.inline.build(token.children, style))
            return
        in_quote = any(container.quote for container in self.containers)
        text = self.inline.build(token.children, QUOTE_TEXT_STYLE if in_quote else None)
        self._emit(text, tight=bool(detail))

    def _on_fence(self, token: Token) -> None:
        self._emit(code_block(token.content, token.info))

    def _on_code_block(self, token: Token) -> None:
        self._emit(code_block(token.content, ""))

    def _on_hr(self, token: Token) -> None:
        self._emit(Rule(style="bright_black"))

    def _on_html_block(self, token: Token) -> None:
        self._emit(Text(clean_block(token.content).rstrip("\n"), style="dim"))

    # Containers --------------------------------------------------------------------

    def _on_bullet_list_open(self, token: Token) -> None:
        self.lists.append(_ListState(ordered=False))

    def _on_ordered_list_open(self, token: Token) -> None:
        start = token.attrs.get("start", 1)
        self.lists.append(_ListState(ordered=True, number=int(start)))

    def _on_bullet_list_close(self, token: Token) -> None:
        self._close_list()

    def _on_ordered_list_close(self, token: Token) -> None:
        self._close_list()

    def _close_list(self) -> None:
        if self.lists:
            self.lists.pop()
        # A list nested in a tight item continues that item: no gap after it.
        inside_item = bool(self.containers) and not self.containers[-1].quote
        self.pending_blank = self.pending_blank or not inside_item

    def _on_list_item_open(self, token: Token) -> None:
        state = self.lists[-1] if self.lists else _ListState(ordered=False)
        if state.ordered:
            marker = f"{state.number}. "
            state.number += 1
        else:
            marker = BULLETS[(len(self.lists) - 1) % len(BULLETS)] + " "
        self.containers.append(_Container(marker=marker))

    def _on_list_item_close(self, token: Token) -> None:
        self._pop_container()

    def _on_blockquote_open(self, token: Token) -> None:
        self.containers.append(_Container(quote=True))

    def _on_blockquote_close(self, token: Token) -> None:
        self._pop_container()
        self.pending_blank = True

    def _pop_container(self) -> None:
        if self.containers:
            self.containers.pop()

    # Tables ------------------------------------------------------------------------

    def _on_table_open(self, token: Token) -> None:
        start = token.map[0] if token.map else -1
        self.table = TableDraft(hidden_rows=self.hidden_rows.get(start, 0))

    def _on_thead_open(self, token: Token) -> None:
        self.in_table_header = True

    def _on_thead_close(self, token: Token) -> None:
        self.in_table_header = False

    def _on_tr_open(self, token: Token) -> None:
        if self.table is not None and not self.in_table_header:
            self.table.start_row()

    def _on_th_open(self, token: Token) -> None:
        self.context = ("cell", cell_alignment(str(token.attrs.get("style", ""))))

    _on_td_open = _on_th_open

    def _on_table_close(self, token: Token) -> None:
        if self.table is not None:
            self._emit(self.table.build())
        self.table = None


def _prefixes(containers: list[_Container]) -> tuple[Text, Text]:
    """The prefix of a block's first line and of its other lines; marks containers started."""
    first, rest = Text(), Text()
    for container in containers:
        if container.quote:
            first.append(*QUOTE_BAR)
            rest.append(*QUOTE_BAR)
        else:
            pad = " " * len(container.marker)
            if container.fresh:
                first.append(container.marker, MARKER_STYLE)
            else:
                first.append(pad)
            rest.append(pad)
        container.fresh = False
    return first, rest

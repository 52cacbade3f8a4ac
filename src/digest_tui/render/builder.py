"""The walk over the token stream that turns it into a flat list of renderables.

Containers (list items, quotes, callouts) are kept on a stack and folded into each leaf
block's prefix, so the output is flat however deep the nesting. HTML blocks are read by
`html_blocks.HtmlReader`, which calls the same methods as the Markdown tokens do.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token
from rich.console import RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from digest_tui.render.builder_extras import ExtraBlocks
from digest_tui.render.code import code_block
from digest_tui.render.containers import Container, prefixes, quote, started_bars
from digest_tui.render.html_blocks import HtmlReader
from digest_tui.render.inline import InlineBuilder
from digest_tui.render.nesting import LEAF_OPENERS
from digest_tui.render.prefixed import Prefixed
from digest_tui.render.tables import TableDraft, cell_alignment
from digest_tui.text_safety import clean_block

HEADING_STYLES = {
    1: Style(bold=True, underline=True, color="magenta"),
    2: Style(bold=True, color="cyan"),
    3: Style(bold=True),
}
MINOR_HEADING_STYLE = Style(bold=True, italic=True)
QUOTE_TEXT_STYLE = Style(italic=True)
BULLETS = ("•", "◦", "▪")
SKIPPED_STYLE = Style(dim=True)


@dataclass
class _ListState:
    ordered: bool
    number: int = 1


class BlockBuilder(ExtraBlocks):
    """Appends the blocks of a token stream to `blocks`, and link targets to `links`."""

    def __init__(self, blocks: list[RenderableType], links: list[str], dark: bool = True) -> None:
        self.blocks = blocks
        self.inline = InlineBuilder(links)
        self.dark = dark
        self.containers: list[Container] = []
        self.lists: list[_ListState] = []
        self.pending_blank = False
        self.context: tuple[str, object] = ("paragraph", False)
        self.table: TableDraft | None = None
        self.in_table_header = False
        self.hidden_rows: dict[int, int] = {}
        """Rows cut from the current section's long tables, by the table's first line."""
        self.source_lines: list[str] = []
        self.skipped: list[int] = []
        self.html = HtmlReader(self)
        ExtraBlocks.__init__(self)

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
            self.emit(Text(clean_block("\n".join(found)), style=SKIPPED_STYLE))

    def feed(self, tokens: list[Token]) -> None:
        for token in tokens:
            if self.skipped and token.type in LEAF_OPENERS and token.map:
                self.flush_skipped(token.map[0])
            handler = getattr(self, "_on_" + token.type, None)
            if handler is not None:
                handler(token)

    # Output ------------------------------------------------------------------------

    def emit(self, renderable: RenderableType, tight: bool = False) -> None:
        """Append a block inside the open containers, after a blank line unless tight."""
        self.before_emit()
        if self.pending_blank and self.blocks:
            bar = started_bars(self.containers)
            self.blocks.append(Prefixed(Text(""), bar, bar) if bar else Text(""))
        first, rest = prefixes(self.containers)
        self.blocks.append(Prefixed(renderable, first, rest) if rest else renderable)
        self.pending_blank = not tight

    def emit_text(self, text: Text) -> None:
        self.emit(text)

    def emit_flow(self, text: Text, heading: int) -> None:
        """A paragraph (or heading) of HTML text; list items are tight, as browsers draw them."""
        if heading:
            text.stylize(HEADING_STYLES.get(heading, MINOR_HEADING_STYLE))
        elif any(container.quote for container in self.containers):
            text.stylize(QUOTE_TEXT_STYLE)
        in_item = (
            bool(self.containers) and self.containers[-1].html and bool(self.containers[-1].marker)
        )
        self.emit(text, tight=in_item)

    def emit_table(self, blocks: list[RenderableType]) -> None:
        """A table's chunks, one under the other with no gap."""
        for block in blocks:
            self.emit(block, tight=block is not blocks[-1])

    def emit_rule(self) -> None:
        self.emit(Rule(style="bright_black"))

    def emit_code(self, code: str, language: str) -> None:
        self.emit(code_block(code, language, dark=self.dark))

    # Containers --------------------------------------------------------------------

    def open_quote(self, html: bool = False) -> None:
        container = quote()
        container.html = html
        self.containers.append(container)

    def open_list(self, ordered: bool, start: object = 1) -> None:
        try:
            number = int(str(start or 1))
        except ValueError:
            number = 1
        self.lists.append(_ListState(ordered=ordered, number=number))

    def close_list(self) -> None:
        if self.lists:
            self.lists.pop()
        # A list nested in a tight item continues that item: no gap after it.
        inside_item = bool(self.containers) and self.containers[-1].bar is None
        self.pending_blank = self.pending_blank or not inside_item

    def open_item(self, html: bool = False, task: bool | None = None) -> None:
        state = self.lists[-1] if self.lists else _ListState(ordered=False)
        if task is not None:
            marker = "☑ " if task else "☐ "
        elif state.ordered:
            marker = f"{state.number}. "
            state.number += 1
        else:
            marker = BULLETS[(len(self.lists) - 1) % len(BULLETS)] + " "
        self.containers.append(Container(marker=marker, html=html))

    def close_container(self) -> None:
        """Close the innermost Markdown container, and any HTML element left open in it."""
        while self.containers:
            closed = self.containers.pop()
            self.after_close(closed)
            if not closed.html:
                return

    def close_html_container(self) -> None:
        if self.containers and self.containers[-1].html:
            self.after_close(self.containers.pop())

    # Leaf blocks -------------------------------------------------------------------

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
            self.emit(self.inline.build(token.children, style))
            return
        if self.take_inline(token):
            return
        in_quote = any(container.quote for container in self.containers)
        text = self.inline.build(token.children, QUOTE_TEXT_STYLE if in_quote else None)
        if text.plain.strip():  # not a paragraph of dropped HTML (`<script>...</script>`)
            self.emit(text, tight=bool(detail))

    def _on_fence(self, token: Token) -> None:
        self.emit_code(token.content, token.info)

    def _on_code_block(self, token: Token) -> None:
        self.emit_code(token.content, "")

    def _on_hr(self, token: Token) -> None:
        self.emit_rule()

    def _on_html_block(self, token: Token) -> None:
        self.html.read(token.content)

    # Markdown containers -----------------------------------------------------------

    def _on_bullet_list_open(self, token: Token) -> None:
        self.open_list(ordered=False)

    def _on_ordered_list_open(self, token: Token) -> None:
        self.open_list(ordered=True, start=token.attrs.get("start", 1))

    def _on_bullet_list_close(self, token: Token) -> None:
        self.close_list()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        self.open_item(task=(token.meta or {}).get("task"))

    def _on_list_item_close(self, token: Token) -> None:
        self.close_container()

    def _on_blockquote_open(self, token: Token) -> None:
        self.open_quote()

    def _on_blockquote_close(self, token: Token) -> None:
        self.close_container()
        self.pending_blank = True

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
            self.emit_table(self.table.build())
        self.table = None

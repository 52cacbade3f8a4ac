"""Markdown to Rich lines for the reading pane (pure Rich: no Textual here, for unit tests)."""

from digest_tui.tui.rendering.blocks import Document, parse_in_sections, parse_markdown
from digest_tui.tui.rendering.header import article_header
from digest_tui.tui.rendering.lines import plain_lines, render_block, render_blocks

__all__ = [
    "Document",
    "article_header",
    "parse_in_sections",
    "parse_markdown",
    "plain_lines",
    "render_block",
    "render_blocks",
]

"""Markdown to Rich lines, for the reading pane and `show` (Rich only: never Textual).

The names below load their module on first use: the Markdown parser and the syntax
highlighter are not needed for the first frame, only for the first article opened.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digest_tui.render.blocks import Document, parse_in_sections, parse_markdown
    from digest_tui.render.header import article_header
    from digest_tui.render.lines import plain_lines, render_block, render_blocks

_HOMES = {
    "Document": "blocks",
    "parse_in_sections": "blocks",
    "parse_markdown": "blocks",
    "article_header": "header",
    "plain_lines": "lines",
    "render_block": "lines",
    "render_blocks": "lines",
}

__all__ = [
    "Document",
    "article_header",
    "parse_in_sections",
    "parse_markdown",
    "plain_lines",
    "render_block",
    "render_blocks",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)

"""`show`: an article as the reading pane draws it; styled on a terminal, plain when piped."""

from __future__ import annotations

import shutil
from typing import TextIO

from digest_tui.cli.output import is_terminal
from digest_tui.model import LoadedArticle

PIPED_WIDTH = 100


def output_width(out: TextIO, requested: int | None) -> int:
    """`--width` when given, else the terminal's width, else 100 when piped."""
    if requested:
        return requested
    if is_terminal(out):
        return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    return PIPED_WIDTH


def write_rendered(loaded: LoadedArticle, out: TextIO, width: int) -> None:
    """Print the header and the rendered body; escape sequences only on a terminal."""
    from rich.console import Console
    from rich.text import Text

    from digest_tui.render import article_header, parse_markdown, plain_lines, render_blocks

    blocks = [*article_header(loaded.article), Text(""), *parse_markdown(loaded.body).blocks]
    if not is_terminal(out):
        for line in plain_lines(render_blocks(blocks, width)):
            out.write(line.rstrip() + "\n")
        return
    console = Console(
        file=out,
        width=width,
        force_terminal=True,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )
    for block in blocks:
        console.print(block)

"""A renderable drawn behind a prefix: list markers, indents and block-quote bars.

Nesting is flattened into one prefix per block, so a list nested 200 levels deep is
one renderable with a long prefix rather than 200 nested renderables.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

MIN_BODY_WIDTH = 12
"""Never squeeze a block narrower than this; deep nesting loses indent instead."""


class Prefixed:
    """Render `body` with `first` before its first line and `rest` before the others."""

    def __init__(self, body: RenderableType, first: Text, rest: Text) -> None:
        self.body = body
        self.first = first
        self.rest = rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        first, rest = _fit_prefixes(self.first, self.rest, width)
        body_width = max(1, width - rest.cell_len)
        lines = console.render_lines(self.body, options.update_width(body_width), pad=False)
        first_segments = list(first.render(console))
        rest_segments = list(rest.render(console))
        new_line = Segment.line()
        for number, line in enumerate(lines):
            yield from first_segments if number == 0 else rest_segments
            yield from line
            yield new_line


def _fit_prefixes(first: Text, rest: Text, width: int) -> tuple[Text, Text]:
    """Cut prefixes from the left so the body keeps at least `MIN_BODY_WIDTH` cells."""
    room = max(0, width - MIN_BODY_WIDTH)
    if rest.cell_len <= room:
        return first, rest
    return _keep_right(first, room), _keep_right(rest, room)


def _keep_right(prefix: Text, cells: int) -> Text:
    if cells <= 1:
        return Text("")
    cut = prefix[len(prefix) - cells + 1 :]
    return Text.assemble(("«", "dim"), cut)

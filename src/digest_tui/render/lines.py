"""Render blocks to lines of segments at a given width, safely from any thread."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable

from rich.console import Console, RenderableType
from rich.segment import Segment

_local = threading.local()


def _console() -> Console:
    """One private console per thread: rendering never touches the app's console."""
    console = getattr(_local, "console", None)
    if console is None:
        console = Console(
            file=io.StringIO(),
            width=80,
            force_terminal=True,
            color_system="truecolor",
            no_color=False,
            markup=False,
            emoji=False,
            highlight=False,
            legacy_windows=False,
        )
        _local.console = console
    return console


def render_block(block: RenderableType, width: int) -> list[list[Segment]]:
    """One block's lines at `width` cells (lines are not padded to the width)."""
    console = _console()
    options = console.options.update(width=max(1, width), height=None)
    return console.render_lines(block, options, pad=False, new_lines=False)


def render_blocks(blocks: Iterable[RenderableType], width: int) -> list[list[Segment]]:
    """All blocks' lines, in order."""
    lines: list[list[Segment]] = []
    for block in blocks:
        lines.extend(render_block(block, width))
    return lines


def plain_lines(lines: Iterable[list[Segment]]) -> list[str]:
    """The text of rendered lines, for tests and searching."""
    return ["".join(segment.text for segment in line) for line in lines]

"""Rendering a long article body in a worker thread, a batch of lines at a time.

The first screenful is handed over as soon as it exists, then a batch every
`CHUNK_SECONDS`. The thread pauses briefly every few milliseconds so the UI thread is
never kept waiting for the interpreter lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.strip import Strip

from digest_tui.render.lines import render_block

if TYPE_CHECKING:
    from digest_tui.render.blocks import Document

CHUNK_SECONDS = 0.05
YIELD_EVERY_SECONDS = 0.004
YIELD_SECONDS = 0.002


def render_in_chunks(
    body: str,
    width: int,
    height: int,
    hand_over: Callable[[list[Strip], Document | None], None],
    cancelled: Callable[[], bool],
    dark: bool = True,
) -> None:
    """Parse and render `body` a section at a time, handing over lines as they come;
    the last batch comes with the parsed document. Stops quietly once `cancelled()`.
    `dark` picks the code colours for a dark or a light theme."""
    from digest_tui.render.blocks import Document, parse_in_sections

    document = Document()
    batch: list[Strip] = []
    first = True
    deadline = time.monotonic() + CHUNK_SECONDS
    for blocks in parse_in_sections(body, document, dark=dark):
        for block in blocks:
            if cancelled():
                return
            batch.extend(strips(render_block(block, width)))
            _yield_to_ui()
            if (first and len(batch) >= height) or (not first and time.monotonic() > deadline):
                hand_over(batch, None)
                batch, first = [], False
                deadline = time.monotonic() + CHUNK_SECONDS
    if not cancelled():
        hand_over(batch, document)


def strips(lines: list[list[Segment]]) -> list[Strip]:
    """Rendered lines of segments as strips."""
    return [Strip(line) for line in lines]


_last_yield = 0.0


def _yield_to_ui() -> None:
    """Sleep a moment when this thread has run for a while, letting the UI thread in."""
    global _last_yield
    now = time.monotonic()
    if now - _last_yield > YIELD_EVERY_SECONDS:
        time.sleep(YIELD_SECONDS)
        _last_yield = time.monotonic()

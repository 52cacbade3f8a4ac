"""The open containers a block is drawn inside: list items, quotes and titled boxes.

Each container adds to the prefix of the lines of every block inside it, so nesting is
flattened into one prefix per block (see `prefixed`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

QUOTE_BAR = Text("▌ ", Style(color="bright_black"))
MARKER_STYLE = Style(color="bright_blue", bold=True)


@dataclass
class Container:
    """An open list item (with its marker), block quote or box (with its side bar)."""

    marker: str = ""
    bar: Text | None = None
    """Drawn before every line, for quotes and boxes."""
    quote: bool = False
    html: bool = False
    """Opened by an HTML element, so closed by its end tag rather than by Markdown."""
    fresh: bool = True
    """The item's marker has not been drawn yet."""
    box: str | None = None
    """The kind of callout this is the box of."""
    untitled: bool = False
    """A box whose top edge waits for its title (`<details>` before its `<summary>`)."""


def quote() -> Container:
    """A block quote."""
    return Container(bar=QUOTE_BAR, quote=True)


def prefixes(containers: list[Container]) -> tuple[Text, Text]:
    """The prefix of a block's first line and of its other lines; marks items started."""
    first, rest = Text(), Text()
    for container in containers:
        if container.bar is not None:
            first.append_text(container.bar)
            rest.append_text(container.bar)
        else:
            pad = " " * len(container.marker)
            if container.fresh:
                first.append(container.marker, MARKER_STYLE)
            else:
                first.append(pad)
            rest.append(pad)
        container.fresh = False
    return first, rest


def started_bars(containers: list[Container]) -> Text:
    """The prefix of a blank line between blocks: bars and indents of started containers."""
    return prefixes([container for container in containers if not container.fresh])[1]

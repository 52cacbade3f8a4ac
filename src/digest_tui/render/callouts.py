"""Callouts (admonitions, alerts, `<details>`): a titled box with a coloured side bar.

╭─ ⚠ Warning: Mind the gap ─────────
│ The body, drawn as any other blocks.
╰───────────────────────────────────
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from digest_tui.text_safety import clean_line

# kind -> (symbol, colour); aliases from MkDocs, GitHub, Obsidian and Docusaurus.
_KINDS = {
    "note": ("ℹ", "blue"),
    "info": ("ℹ", "blue"),
    "tip": ("✦", "green"),
    "success": ("✔", "green"),
    "important": ("❢", "magenta"),
    "warning": ("⚠", "yellow"),
    "caution": ("⚠", "yellow"),
    "danger": ("✖", "red"),
    "failure": ("✖", "red"),
    "bug": ("✖", "red"),
    "question": ("?", "cyan"),
    "example": ("▸", "magenta"),
    "quote": ("❝", "bright_black"),
    "details": ("▾", "bright_black"),
    "abstract": ("≡", "cyan"),
}
_ALIASES = {
    "hint": "tip", "todo": "info", "summary": "abstract", "tldr": "abstract",
    "check": "success", "done": "success", "help": "question", "faq": "question",
    "attention": "warning", "error": "danger", "fail": "failure", "missing": "failure",
    "cite": "quote", "seealso": "note", "abstract": "abstract",
}  # fmt: skip


def callout_style(kind: str) -> tuple[str, Style]:
    """The symbol and border style of a callout of `kind` (any word; unknown ones are grey)."""
    key = kind.lower()
    symbol, colour = _KINDS.get(_ALIASES.get(key, key), ("●", "bright_black"))
    return symbol, Style(color=colour)


def callout_title(kind: str, title: str) -> str:
    """`Warning`, or the author's title when there is one."""
    title = clean_line(title, limit=200)
    return title or clean_line(kind, limit=40).replace("_", " ").replace("-", " ").capitalize()


def callout_bar(kind: str) -> Text:
    """The side bar drawn before each line inside the callout."""
    return Text("│ ", callout_style(kind)[1])


class BoxEdge:
    """The top edge of a callout (with its title) or its bottom edge, as wide as the room."""

    def __init__(self, kind: str, title: str | None) -> None:
        self.kind = kind
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        symbol, style = callout_style(self.kind)
        width = options.max_width
        if self.title is None:
            yield Segment("╰" + "─" * max(0, width - 1), style)
            yield Segment.line()
            return
        head = Text("╭─ ", style)
        head.append(f"{symbol} ", style)
        head.append(self.title, style + Style(bold=True))
        head.append(" ", style)
        head.truncate(max(1, width - 1), overflow="ellipsis")
        head.append("─" * max(0, width - head.cell_len), style)
        yield from head.render(console)
        yield Segment.line()

"""Fenced and indented code blocks: highlighted when small enough, always bounded."""

from __future__ import annotations

from functools import lru_cache

from rich.console import Group, RenderableType
from rich.syntax import Syntax
from rich.text import Text

from digest_tui.text_safety import clean_block, clean_line

MAX_CODE_LINES = 1_000
MAX_CODE_LINE_CHARS = 2_000
MAX_HIGHLIGHT_CHARS = 40_000
"""Above this size a block is shown plain: highlighting it would stall the renderer."""
CODE_THEME = "monokai"


def code_block(code: str, language: str, theme: str = CODE_THEME) -> RenderableType:
    """A code block as a renderable: highlighted by `language` when Pygments knows it."""
    code, note = _bounded(clean_block(code).rstrip("\n"))
    language = clean_line(language.split()[0] if language.split() else "", limit=40)
    if len(code) <= MAX_HIGHLIGHT_CHARS:
        body: RenderableType = Syntax(
            code, _known_lexer(language), theme=theme, word_wrap=True, padding=(0, 1)
        )
    else:
        body = Text(code, style="on grey11")
    if not note:
        return body
    return Group(body, Text(note, style="dim italic"))


def _bounded(code: str) -> tuple[str, str]:
    """Cap the number of lines and each line's length; say what was left out."""
    lines = code.split("\n")
    hidden = max(0, len(lines) - MAX_CODE_LINES)
    lines = lines[:MAX_CODE_LINES]
    long_lines = 0
    for index, line in enumerate(lines):
        if len(line) > MAX_CODE_LINE_CHARS:
            lines[index] = line[:MAX_CODE_LINE_CHARS] + " …"
            long_lines += 1
    notes = []
    if hidden:
        notes.append(f"… {hidden:,} more lines not shown")
    if long_lines:
        notes.append(f"{long_lines:,} long lines cut at {MAX_CODE_LINE_CHARS:,} characters")
    return "\n".join(lines), "; ".join(notes)


@lru_cache(maxsize=128)
def _known_lexer(language: str) -> str:
    """The lexer name when Pygments has one, else plain text."""
    if not language:
        return "text"
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(language)
    except ClassNotFound:
        return "text"
    return language

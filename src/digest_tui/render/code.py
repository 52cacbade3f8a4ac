"""Fenced and indented code blocks: highlighted when small enough, always bounded."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style
from rich.syntax import Syntax, SyntaxTheme
from rich.text import Text

from digest_tui.text_safety import clean_block, clean_line

if TYPE_CHECKING:
    from pygments.lexer import Lexer

MAX_CODE_LINES = 1_000
MAX_CODE_LINE_CHARS = 2_000
MAX_HIGHLIGHT_CHARS = 40_000
"""Above this size a block is shown plain: highlighting it would stall the renderer."""
DARK_THEME = "monokai"
LIGHT_THEME = "friendly"
_LANGUAGE = re.compile(r"[{}\s,]")


def code_block(code: str, language: str, dark: bool = True) -> RenderableType:
    """A code block as a renderable: highlighted by `language` when Pygments knows it,
    on a background of its own, in colours for a `dark` or light screen."""
    code, note = _bounded(clean_block(code).rstrip("\n"))
    theme = _theme(DARK_THEME if dark else LIGHT_THEME)
    if len(code) <= MAX_HIGHLIGHT_CHARS:
        body: RenderableType = Syntax(
            code, _lexer(_language(language)), theme=theme, word_wrap=True, padding=(1, 2)
        )
    else:
        body = Text(code, style=Style(bgcolor=theme.get_background_style().bgcolor))
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


def _language(info: str) -> str:
    """The language of a fence's info string: `rust`, `{.python}`, `js,linenos` -> js."""
    words = [word for word in _LANGUAGE.split(info.strip().lstrip(".")) if word]
    return clean_line(words[0].lstrip(".").lower(), limit=40) if words else ""


@lru_cache(maxsize=128)
def _lexer(language: str) -> Lexer:
    """One lexer per language, reused by every block (building one takes a while)."""
    from pygments.lexers import get_lexer_by_name
    from pygments.lexers.special import TextLexer
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        return TextLexer()


@lru_cache(maxsize=4)
def _theme(name: str) -> SyntaxTheme:
    return Syntax.get_theme(name)

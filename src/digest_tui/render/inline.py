"""Inline Markdown (emphasis, code, links, images) to a plain-text `rich.text.Text`."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token
from rich.style import Style
from rich.text import Text

from digest_tui.text_safety import clean_block

LINK_STYLE = Style(color="cyan", underline=True)
CODE_STYLE = Style(color="bright_yellow", bold=True)
HTML_STYLE = Style(dim=True)
IMAGE_STYLE = Style(color="green")
IMAGE_MARK = "▣ "

_STYLE_FOR_OPEN = {
    "em_open": Style(italic=True),
    "strong_open": Style(bold=True),
    "s_open": Style(strike=True),
}
_CLOSERS = {"em_close", "strong_close", "s_close", "link_close"}


def link_style(index: int) -> Style:
    """The style of a link's text: coloured, underlined, and clickable by index.

    The click action names only the link's position in the document, never its href,
    so nothing from the article can reach the action parser.
    """
    return LINK_STYLE + Style(meta={"@click": f"link_clicked({index})", "link": index})


class InlineBuilder:
    """Appends inline tokens to a `Text`, recording link targets in `links`."""

    def __init__(self, links: list[str]) -> None:
        self.links = links

    def build(self, children: Sequence[Token] | None, base: Style | None = None) -> Text:
        """Render one inline token's children as a `Text` (all content inserted as plain text)."""
        text = Text(style=base or "", end="")
        styles: list[Style] = []
        for token in children or ():
            kind = token.type
            if kind in _STYLE_FOR_OPEN:
                styles.append(_STYLE_FOR_OPEN[kind])
            elif kind == "link_open":
                styles.append(self._add_link(str(token.attrs.get("href", ""))))
            elif kind in _CLOSERS:
                if styles:
                    styles.pop()
            else:
                self._append_leaf(text, token, _combine(styles))
        return text

    def _add_link(self, href: str) -> Style:
        self.links.append(clean_block(href).strip())
        return link_style(len(self.links) - 1)

    def _append_leaf(self, text: Text, token: Token, style: Style | None) -> None:
        kind = token.type
        if kind == "text":
            text.append(clean_block(token.content), style)
        elif kind == "softbreak":
            text.append(" ", style)
        elif kind == "hardbreak":
            text.append("\n")
        elif kind == "code_inline":
            text.append(clean_block(token.content), _combine([style, CODE_STYLE]))
        elif kind == "html_inline":
            text.append(clean_block(token.content), HTML_STYLE)
        elif kind == "image":
            self._append_image(text, token)
        elif token.content:
            text.append(clean_block(token.content), style)

    def _append_image(self, text: Text, token: Token) -> None:
        """Show an image as its alt text and URL; the URL is a link like any other."""
        alt = clean_block("".join(child.content for child in token.children or ())).strip()
        src = str(token.attrs.get("src", ""))
        text.append(IMAGE_MARK + (alt or "image"), IMAGE_STYLE)
        if src:
            text.append(" — ", IMAGE_STYLE)
            text.append(clean_block(src).strip(), self._add_link(src))


def _combine(styles: Sequence[Style | None]) -> Style | None:
    present = [style for style in styles if style is not None]
    return Style.combine(present) if present else None

"""Inline Markdown (emphasis, code, links, images, inline HTML, footnote markers, math,
template tags, wiki links, marks, emoji codes) to a plain-text `rich.text.Text`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markdown_it.token import Token
from rich.emoji import Emoji
from rich.style import Style
from rich.text import Text

from digest_tui.render.html_tags import (
    CODE_STYLE,
    DROPPED,
    INLINE_STYLES,
    MARK_STYLE,
    MEDIA,
    attribute,
    linkable,
    media_is_video,
    read_tag,
)
from digest_tui.text_safety import clean_block

if TYPE_CHECKING:
    from digest_tui.render.template_tags import Tag

LINK_STYLE = Style(color="cyan", underline=True)
HTML_STYLE = Style(dim=True)
IMAGE_STYLE = Style(color="green")
IMAGE_MARK = "▣ "
NOTE_MARK_STYLE = Style(color="bright_blue")
WIKI_STYLE = Style(color="cyan")
PLACEHOLDER_STYLE = Style(dim=True, italic=True)

_MARKDOWN_STYLES = {"em": Style(italic=True), "strong": Style(bold=True), "s": Style(strike=True)}


def link_style(index: int) -> Style:
    """The style of a link's text: coloured, underlined, and clickable by index.

    The click action names only the link's position in the document, never its href,
    so nothing from the article can reach the action parser.
    """
    return LINK_STYLE + Style(meta={"@click": f"link_clicked({index})", "link": index})


def plain(text: str) -> str:
    """Article text made safe, with `:emoji_codes:` replaced by their emoji."""
    text = clean_block(text)
    return Emoji.replace(text) if ":" in text else text


class InlineBuilder:
    """Appends inline tokens to a `Text`, recording link targets in `links`."""

    def __init__(self, links: list[str]) -> None:
        self.links = links
        self.note_numbers: dict[int, int] = {}
        self.media: str | None = None
        """An inline `<video>` or `<audio>` waiting for its `<source>`."""

    def add_link(self, href: str) -> Style | None:
        """Record a link target and return its style; None when it must not be a link."""
        if not linkable(href):
            return None
        self.links.append(clean_block(href).strip())
        return link_style(len(self.links) - 1)

    def build(self, children: Sequence[Token] | None, base: Style | None = None) -> Text:
        """Render one inline token's children as a `Text` (all content inserted as plain text)."""
        text = Text(style=base or "", end="")
        styles: list[tuple[str, Style | None]] = []
        dropping = 0
        for token in children or ():
            kind = token.type
            if kind == "html_inline":
                dropping = self._html_tag(text, token.content, styles, dropping)
            elif dropping:
                continue
            elif kind.endswith("_open") and kind[:-5] in _MARKDOWN_STYLES:
                styles.append((kind[:-5], _MARKDOWN_STYLES[kind[:-5]]))
            elif kind == "link_open":
                styles.append(("link", self.add_link(str(token.attrs.get("href", "")))))
            elif kind.endswith("_close"):
                _pop(styles, kind[:-6])
            else:
                self.append_leaf(text, token, _combine([style for _, style in styles]))
        return text

    def append_leaf(self, text: Text, token: Token, style: Style | None) -> None:
        """Append one leaf token (text, code, image, marker...)."""
        kind = token.type
        if kind == "text":
            text.append(plain(token.content), style)
        elif kind == "softbreak":
            text.append(" ", style)
        elif kind == "hardbreak":
            text.append("\n")
        elif kind in ("code_inline", "math_inline", "math_inline_double"):
            text.append(clean_block(token.content), _combine([style, CODE_STYLE]))
        elif kind == "image":
            alt = "".join(child.content for child in token.children or ())
            self.append_image(text, alt, str(token.attrs.get("src", "")))
        elif kind == "footnote_ref":
            number = self.note_numbers.setdefault(token.meta["id"], len(self.note_numbers) + 1)
            text.append(f"[{number}]", NOTE_MARK_STYLE)
        elif kind == "mark":
            text.append(plain(token.content), _combine([style, MARK_STYLE]))
        elif kind == "wiki_link":
            self._append_wiki_link(text, token)
        elif kind == "template_inline":
            self._append_template(text, token.meta["tag"])
        elif token.content:
            text.append(clean_block(token.content), style)

    def append_image(self, text: Text, alt: str, src: str) -> None:
        """Show an image as its alt text and URL; the URL is a link like any other."""
        text.append(IMAGE_MARK + (clean_block(alt).strip() or "image"), IMAGE_STYLE)
        if src and (style := self.add_link(src)) is not None:
            text.append(" — ", IMAGE_STYLE)
            text.append(clean_block(src).strip(), style)

    def append_placeholder(self, text: Text, label: str, target: str) -> None:
        """`▶ video: https://...`, the target a link when it may be one."""
        text.append(f"▶ {clean_block(label)}", PLACEHOLDER_STYLE)
        if target:
            text.append(": ", PLACEHOLDER_STYLE)
            text.append(clean_block(target).strip(), self.add_link(target) or PLACEHOLDER_STYLE)

    def _html_tag(
        self, text: Text, source: str, styles: list[tuple[str, Style | None]], dropping: int
    ) -> int:
        found = read_tag(source)
        if found is None:
            return dropping
        name, attrs, is_end = found
        if name in DROPPED:
            return max(0, dropping - 1) if is_end else dropping + 1
        if dropping:
            return dropping
        if is_end:
            _pop(styles, name)
            if name in MEDIA and self.media is not None:
                self.append_placeholder(text, self.media, "")
                self.media = None
        elif name in MEDIA or (name == "source" and self.media is not None):
            self._media(text, name, attrs)
        elif name == "br":
            text.append("\n")
        elif name == "img":
            self.append_image(text, attribute(attrs, "alt", "title"), attribute(attrs, "src"))
        elif name == "input" and attribute(attrs, "type").lower() == "checkbox":
            text.append("☑ " if any(key == "checked" for key, _ in attrs) else "☐ ")
        elif name == "a":
            styles.append(("a", self.add_link(attribute(attrs, "href"))))
        elif name in INLINE_STYLES:
            styles.append((name, INLINE_STYLES[name]))
        return dropping

    def _media(self, text: Text, name: str, attrs: list[tuple[str, str | None]]) -> None:
        src = attribute(attrs, "src", "data-src", "data")
        if name in ("video", "audio") and not src:
            self.media = name
            return
        label = self.media or ("video" if media_is_video(name, src) else name)
        label = "embed" if label == "iframe" else label
        self.media = None
        self.append_placeholder(text, label, src)

    def _append_wiki_link(self, text: Text, token: Token) -> None:
        if token.meta["embed"]:
            target = str(token.meta["target"])
            if "." in target.rsplit("/", 1)[-1]:
                text.append(IMAGE_MARK + clean_block(target), IMAGE_STYLE)
            else:
                text.append("↪ " + clean_block(target), PLACEHOLDER_STYLE)
            return
        text.append(plain(token.content), WIKI_STYLE)

    def _append_template(self, text: Text, tag: Tag) -> None:
        kind = tag.kind
        if kind == "link":
            text.append(clean_block(tag.label))
        elif kind == "embed":
            self.append_placeholder(text, *tag.embed())
        elif kind == "image":
            caption, source = tag.image()
            self.append_image(text, caption, source)
        elif kind == "value":
            text.append(f"⟨{clean_block(tag.name)}⟩", PLACEHOLDER_STYLE)


def _pop(styles: list[tuple[str, Style | None]], name: str) -> None:
    """Close the innermost open style called `name` (`a` and `link` are one)."""
    names = ("a", "link") if name in ("a", "link") else (name,)
    for index in range(len(styles) - 1, -1, -1):
        if styles[index][0] in names:
            del styles[index]
            return


def _combine(styles: Sequence[Style | None]) -> Style | None:
    present = [style for style in styles if style is not None]
    return Style.combine(present) if present else None

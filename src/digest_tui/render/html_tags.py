"""What each HTML element means to the renderer: a text style, a block, dropped, or unwrapped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from rich.style import Style

from digest_tui.text_safety import clean_line

CODE_STYLE = Style(color="bright_yellow", bold=True)
MARK_STYLE = Style(color="black", bgcolor="yellow")
INLINE_STYLES = {
    "b": Style(bold=True),
    "strong": Style(bold=True),
    "i": Style(italic=True),
    "em": Style(italic=True),
    "cite": Style(italic=True),
    "dfn": Style(italic=True),
    "var": Style(italic=True),
    "q": Style(italic=True),
    "u": Style(underline=True),
    "ins": Style(underline=True),
    "s": Style(strike=True),
    "strike": Style(strike=True),
    "del": Style(strike=True),
    "code": CODE_STYLE,
    "samp": CODE_STYLE,
    "tt": CODE_STYLE,
    "kbd": Style(bold=True, reverse=True),
    "mark": MARK_STYLE,
    "sup": Style(dim=True),
    "sub": Style(dim=True),
    "small": Style(dim=True),
}
DROPPED = frozenset(
    [
        "script",
        "style",
        "template",
        "noscript",
        "head",
        "svg",
        "math",
        "select",
        "textarea",
        "button",
        "canvas",
        "map",
    ]
)
VOID = frozenset(
    [
        "br",
        "img",
        "hr",
        "input",
        "source",
        "embed",
        "wbr",
        "meta",
        "link",
        "area",
        "col",
        "param",
        "track",
        "base",
    ]
)
MEDIA = frozenset({"iframe", "video", "audio", "embed", "object"})
UNSAFE_SCHEMES = frozenset({"javascript", "data", "vbscript", "file", "blob"})
MAX_ATTRIBUTE_CHARS = 4_000


def linkable(href: str) -> bool:
    """False for hrefs that must never become links (`javascript:`, `data:` and the like)."""
    scheme = urlsplit(clean_line(href).replace(" ", "")).scheme.lower() if href else ""
    return bool(href.strip()) and scheme not in UNSAFE_SCHEMES


def media_is_video(tag: str, src: str) -> bool:
    """True for `<video>` and for frames of the known video sites."""
    return tag == "video" or any(
        host in src for host in ("youtube.com", "youtu.be", "youtube-nocookie", "vimeo.com")
    )


def attribute(attrs: list[tuple[str, str | None]], *names: str) -> str:
    """The first of `names` present among `attrs`, cleaned and bounded, or ''.

    A template output of a quoted string (`{{ '/img/a.png' | url }}`) is that string.
    """
    for name in names:
        for key, value in attrs:
            if key == name and value:
                value = clean_line(value[:MAX_ATTRIBUTE_CHARS])
                return _OUTPUT.sub(r"\2", value) if "{{" in value else value
    return ""


_OUTPUT = re.compile(r"\{\{-?\s*(['\"])([^'\"{}]*)\1\s*(?:\|[^{}]*)?-?\}\}")
_TAG_START = re.compile(r"<(/?)([A-Za-z][\w:.-]*)")
_WITH_ATTRIBUTES = MEDIA | {"a", "img", "input", "source"}


class _TagReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[str, list[tuple[str, str | None]], bool] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found = self.found or (tag, attrs, False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.found = self.found or (tag, [], True)


def read_tag(source: str) -> tuple[str, list[tuple[str, str | None]], bool] | None:
    """(name, attributes, is_end_tag) of one inline HTML tag; None for comments and the like.

    Attributes are read only for the elements that use them.
    """
    match = _TAG_START.match(source)
    if match is None:
        return None
    name, is_end = match.group(2).lower(), bool(match.group(1))
    if is_end or name not in _WITH_ATTRIBUTES:
        return name, [], is_end
    reader = _TagReader()
    reader.feed(source[: MAX_ATTRIBUTE_CHARS * 4])
    reader.close()
    return reader.found

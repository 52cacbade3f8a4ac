"""HTML blocks read with the standard library's parser and drawn as the author meant them.

The reader is fed every HTML block of a body in turn and keeps its open elements between
them, so a `<details>` or `<blockquote>` opened in one block and closed after some Markdown
wraps that Markdown too. It never recurses: nesting depth only grows a bounded stack.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from digest_tui.render.html_tables import HtmlTable
from digest_tui.render.html_tags import (
    DROPPED,
    INLINE_STYLES,
    MEDIA,
    VOID,
    attribute,
    media_is_video,
)
from digest_tui.render.inline import plain

if TYPE_CHECKING:
    from digest_tui.render.builder import BlockBuilder

MAX_DEPTH = 100
_SPACES = re.compile(r"[ \t\r\n\f]+")
_TAG_OPENING = re.compile(r"<[!/A-Za-z]")
_PARAGRAPHS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "center",
        "address",
        "figure",
        "figcaption",
        "picture",
        "form",
        "fieldset",
        "dl",
        "dt",
        "dd",
        "hgroup",
        "body",
        "html",
        "caption",
        "legend",
    ]
)
CALLOUT_ELEMENTS = frozenset({"callout", "admonition", "alert", "notice"})
"""MDX components and custom elements drawn as callouts."""
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_CAPTION_STYLE = Style(italic=True, dim=True)


class HtmlReader(HTMLParser):
    """Turns HTML into the builder's blocks: text flow, quotes, lists, code, tables, boxes."""

    def __init__(self, builder: BlockBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.open: list[str] = []
        self.flow = Text()
        self.styles: list[tuple[str, Style | None]] = []
        self.dropping = 0
        self.pre: list[str] | None = None
        self.pre_language = ""
        self.table: HtmlTable | None = None
        self.inner_tables = 0
        """Tables nested in a table cell: their cells become text of that cell."""
        self.heading = 0
        self.media: tuple[str, str] | None = None
        self.in_summary = False

    def read(self, source: str) -> None:
        """Read one HTML block; text left open is drawn now, elements stay open.

        A comment or tag the block never finishes is dropped rather than shown as text
        or carried into the next block.
        """
        self.feed(_without_unfinished_end(source))
        self.close()
        self.reset()
        self.flush()

    def finish(self) -> None:
        """Close whatever the body left open."""
        self.flush()
        while self.open:
            self.handle_endtag(self.open[-1])

    # Parser events -------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping or tag in DROPPED:
            self.dropping += tag in DROPPED
            return
        if tag not in VOID and len(self.open) < MAX_DEPTH:
            self.open.append(tag)
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if not self.dropping and raw[1:2].isupper() and tag not in VOID:
            self._component(raw, attrs)
            return
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            self.dropping -= tag in DROPPED
            return
        if tag not in self.open:
            return
        while self.open:
            closed = self.open.pop()
            self._end(closed)
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.pre is not None:
            self.pre.append(data)
            return
        text = _SPACES.sub(" ", data)
        if not self.flow.plain or self.flow.plain.endswith(("\n", " ")):
            text = text.lstrip(" ")
        if text:
            self.flow.append(plain(text), self._style())

    # Elements ------------------------------------------------------------------------

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in INLINE_STYLES or tag == "a":
            style = INLINE_STYLES.get(tag) or self.builder.inline.add_link(attribute(attrs, "href"))
            self.styles.append((tag, style))
        elif tag == "br":
            self.flow.append("\n")
        elif tag == "img":
            alt, src = attribute(attrs, "alt", "title"), attribute(attrs, "src", "data-src")
            if self.flow.plain.strip() and not self.flow.plain.endswith("\n"):
                self.flow.append("\n")
            self.builder.inline.append_image(self.flow, alt, src)
        elif tag == "input" and attribute(attrs, "type").lower() == "checkbox":
            self.flow.append("☑ " if any(key == "checked" for key, _ in attrs) else "☐ ")
        elif tag in MEDIA or (tag == "source" and self.media is not None):
            self._media(tag, attrs)
        elif tag == "pre":
            self.flush()
            self.pre, self.pre_language = [], _language(attribute(attrs, "class", "lang"))
        elif tag in ("table", "tr", "td", "th", "thead"):
            self._table_start(tag, attrs)
        else:
            self._block_start(tag, attrs)

    def _block_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.in_summary:
            self.flow.append(" ")
        elif tag == "summary":
            self.flush()
            self.in_summary = True
        elif tag in _PARAGRAPHS or tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS.get(tag, self.heading)
        elif tag == "hr":
            self.flush()
            self.builder.emit_rule()
        elif tag == "blockquote":
            self.flush()
            self.builder.open_quote(html=True)
        elif tag in ("ul", "ol"):
            self.flush()
            self.builder.open_list(ordered=tag == "ol", start=attribute(attrs, "start"))
        elif tag == "li":
            self.flush()
            self.builder.open_item(html=True)
        elif tag == "details":
            self.flush()
            self.builder.open_callout("details", "", html=True, title_follows=True)
        elif tag in CALLOUT_ELEMENTS:
            self.flush()
            kind = attribute(attrs, "type", "variant", "kind", "status") or tag
            self.builder.open_callout(kind, attribute(attrs, "title", "heading"), html=True)

    def _end(self, tag: str) -> None:
        if tag in INLINE_STYLES or tag == "a":
            for index in range(len(self.styles) - 1, -1, -1):
                if self.styles[index][0] == tag:
                    del self.styles[index]
                    break
        elif tag == "pre" and self.pre is not None:
            self.builder.emit_code("".join(self.pre), self.pre_language)
            self.pre = None
        elif tag in MEDIA:
            self._media_end()
        elif tag in ("table", "tr", "td", "th", "thead"):
            self._table_end(tag)
        elif tag == "summary":
            self.in_summary = False
            self.builder.set_callout_title(self.flow.plain.strip())
            self.flow = Text()
        elif tag == "figcaption":
            self.flow.stylize(_CAPTION_STYLE)
            self.flush()
        elif tag in ("blockquote", "li", "details") or tag in CALLOUT_ELEMENTS:
            self.flush()
            self.builder.close_html_container()
        elif tag in ("ul", "ol"):
            self.flush()
            self.builder.close_list()
        elif (tag in _PARAGRAPHS or tag in _HEADINGS) and not self.in_summary:
            self.flush()
            self.heading = 0

    def _media(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        src = attribute(attrs, "src", "data-src", "data")
        if tag == "source":
            if self.media is not None and not self.media[1]:
                self.media = (self.media[0], src)
            return
        self.flush()
        label = "video" if media_is_video(tag, src) else tag
        label = "audio" if tag == "audio" else ("embed" if label == "iframe" else label)
        self.media = (label, src)
        if tag in VOID:
            self._media_end()

    def _media_end(self) -> None:
        if self.media is not None:
            text = Text()
            self.builder.inline.append_placeholder(text, *self.media)
            self.builder.emit_text(text)
            self.media = None

    def _component(self, raw: str, attrs: list[tuple[str, str | None]]) -> None:
        """An MDX component such as `<LinkCard url="..." />`: its name and its link."""
        self.flush()
        name = re.match(r"<([\w.-]+)", raw)
        text = Text()
        self.builder.inline.append_placeholder(
            text, name.group(1) if name else "component", attribute(attrs, "url", "href", "src")
        )
        self.builder.emit_text(text)

    # Tables --------------------------------------------------------------------------

    def _table_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inner_tables or (tag == "table" and self.table is not None):
            self.inner_tables += tag == "table"
            self.flow.append(" ")
        elif tag == "table":
            self.flush()
            self.table = HtmlTable()
        elif self.table is not None:
            self.table.start(tag, attribute(attrs, "align", "style"))
            self.flow = Text()

    def _table_end(self, tag: str) -> None:
        if self.inner_tables:
            self.inner_tables -= tag == "table"
            return
        if self.table is None:
            return
        if tag in ("td", "th"):
            self.table.cell(self.flow)
            self.flow = Text()
        elif tag == "thead":
            self.table.end_head()
        elif tag == "table":
            self.builder.emit_table(self.table.build())
            self.table = None

    # Text flow -----------------------------------------------------------------------

    def _style(self) -> Style | None:
        present = [style for _, style in self.styles if style is not None]
        return Style.combine(present) if present else None

    def flush(self) -> None:
        """Draw the text gathered so far as one paragraph (or heading)."""
        if self.table is not None or self.in_summary:
            return
        text = self.flow
        self.flow = Text()
        text.rstrip()
        if not text.plain.strip():
            return
        self.builder.emit_flow(text, self.heading)


def _without_unfinished_end(source: str) -> str:
    comment = source.rfind("<!--")
    if comment >= 0 and source.find("-->", comment) < 0:
        source = source[:comment]
    last = source.rfind("<")
    if last >= 0 and source.find(">", last) < 0 and _TAG_OPENING.match(source, last):
        source = source[:last]
    return source


def _language(classes: str) -> str:
    match = re.search(r"(?:language|lang)-([\w+#.-]+)", classes)
    return match.group(1) if match else ""

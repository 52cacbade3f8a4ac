"""The metadata header drawn above an article's body: title, date, source, tags."""

from __future__ import annotations

from rich.console import RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from digest_tui.model import Article
from digest_tui.text_safety import clean_line

TITLE_STYLE = Style(bold=True)
META_STYLE = Style(dim=True)
TAG_STYLE = Style(color="green")
MAX_TITLE_CHARS = 1_000
MAX_TAGS_SHOWN = 50


def article_header(article: Article) -> list[RenderableType]:
    """Header blocks for `article`; every field is cleaned and inserted as plain text."""
    title = clean_line(article.title, limit=MAX_TITLE_CHARS) or "(untitled)"
    blocks: list[RenderableType] = [Text(title, style=TITLE_STYLE)]
    blocks.append(Text(" · ".join(_meta_parts(article)), style=META_STYLE))
    if article.tags:
        blocks.append(_tags_line(article.tags))
    blocks.append(Rule(style="bright_black"))
    return blocks


def _meta_parts(article: Article) -> list[str]:
    parts = []
    if article.date:
        parts.append(clean_line(article.date, limit=40))
    if article.author:
        parts.append(clean_line(article.author, limit=80))
    if article.source_name:
        parts.append(clean_line(article.source_name, limit=80))
    parts.append(f"{article.reading_minutes} min read")
    return parts


def _tags_line(tags: tuple[str, ...]) -> Text:
    line = Text()
    for tag in tags[:MAX_TAGS_SHOWN]:
        if line:
            line.append(" ")
        line.append("#" + clean_line(str(tag), limit=60), TAG_STYLE)
    if len(tags) > MAX_TAGS_SHOWN:
        line.append(f" … {len(tags) - MAX_TAGS_SHOWN:,} more", META_STYLE)
    return line

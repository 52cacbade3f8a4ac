"""The metadata header drawn above an article's body: title, date, source, tags."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from digest_tui.text_safety import clean_line

if TYPE_CHECKING:
    from digest_tui.model import Article

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


def human_date(value: str) -> str:
    """An ISO 8601 date for reading: `2025-12-10 14:30 +00:00`; date-only stays as it is.

    Seconds and fractions are dropped; anything unparseable is shown as written (cleaned).
    """
    text = clean_line(value, limit=40)
    if len(text) <= 10:
        return text
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    # Not strftime: it writes year 1 as "1" on some platforms.
    shown = (
        f"{moment.year:04}-{moment.month:02}-{moment.day:02} {moment.hour:02}:{moment.minute:02}"
    )
    offset = moment.utcoffset()
    if offset is not None:
        minutes = round(offset.total_seconds() / 60)
        sign = "-" if minutes < 0 else "+"
        shown += f" {sign}{abs(minutes) // 60:02}:{abs(minutes) % 60:02}"
    return shown


def _meta_parts(article: Article) -> list[str]:
    parts = []
    if article.date:
        parts.append(human_date(article.date))
    if article.modified and article.modified != article.date:
        parts.append("updated " + human_date(article.modified))
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

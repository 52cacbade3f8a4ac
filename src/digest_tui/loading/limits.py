"""Size and length limits that keep one hostile file from flooding memory or the screen."""

from __future__ import annotations

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""Files larger than this are skipped with a problem that names the limit."""

MAX_TITLE_CHARS = 300
MAX_DESCRIPTION_CHARS = 500
MAX_TAG_CHARS = 60
MAX_TAGS = 100
MAX_FIELD_CHARS = 300
"""Author, source name, image and link fields."""

MAX_YAML_NODES = 100_000
"""The most YAML nodes a frontmatter block may expand to once aliases are followed."""


def describe_limit(size: int) -> str:
    """A human size such as `2 MiB` for messages."""
    if size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MiB"
    if size % 1024 == 0:
        return f"{size // 1024} KiB"
    return f"{size} bytes"

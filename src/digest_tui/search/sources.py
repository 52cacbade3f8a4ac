"""The source field of an article list: each article's source name and URL host."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from urllib.parse import urlsplit

from digest_tui.model import Article
from digest_tui.search.haystack import Haystack
from digest_tui.search.packing import normalise_all, per_distinct


def source_haystack(articles: Sequence[Article]) -> Haystack:
    """Each article's source name and URL host; articles of one source share a value."""

    described = [
        f"{name} {_host(url)}"
        for name, url in zip(
            map(attrgetter("source_name"), articles),
            map(attrgetter("source_url"), articles),
            strict=True,
        )
    ]
    # Each article links its own URL, but most share a source name and host.
    return Haystack(per_distinct(described, normalise_all), normalised=True)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""

"""The library as the index's table and its warm-start copy each hold it, read separately."""

from __future__ import annotations

import sqlite3

from digest_tui.index import ArticleIndex, snapshot
from digest_tui.index.rows import CACHED_ARTICLE_QUERY, articles_from_rows
from digest_tui.model import Article


def from_table(index: ArticleIndex) -> list[Article]:
    """The articles as the `articles` table alone gives them."""
    with sqlite3.connect(index.db_file) as conn:
        return articles_from_rows(conn.execute(CACHED_ARTICLE_QUERY))


def read_copy(index: ArticleIndex) -> list[Article] | None:
    """What the copy alone holds (None when it is not read), bypassing the table."""
    with sqlite3.connect(index.db_file) as conn:
        return snapshot.read(conn)

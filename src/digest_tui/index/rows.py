"""How articles, problems and body text are turned into database rows and back."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator

from digest_tui.model import Article, FileStamp, Problem

_SEPARATOR = "\x1f"
# A list whose items hold the separator itself is stored as JSON behind this marker.
_JSON_MARKER = "\x1e"

ArticleRow = tuple
"""The values of `schema.ARTICLE_COLUMNS`, in that order."""
ProblemRow = tuple
"""(path, reason, line, fatal, size, mtime_ns)."""


def db_path(path: str) -> str | bytes:
    """A path as SQLite can store it.

    A file name that is not valid UTF-8 reaches us with lone surrogates (`os.fsdecode`),
    which SQLite text cannot hold; such a path is stored as its original bytes instead.
    """
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape")
    return path


def path_from_db(value: str | bytes) -> str:
    """The inverse of `db_path`."""
    return value if isinstance(value, str) else value.decode("utf-8", "surrogateescape")


def join_list(items: tuple[str, ...]) -> str:
    """Store a tuple of strings as one text value, losslessly."""
    if any(_SEPARATOR in item or item.startswith(_JSON_MARKER) for item in items):
        return _JSON_MARKER + json.dumps(list(items))
    return _SEPARATOR.join(items)


def split_list(text: str) -> tuple[str, ...]:
    """The inverse of `join_list`."""
    if not text:
        return ()
    if text[0] == _JSON_MARKER:
        return tuple(json.loads(text[1:]))
    return tuple(text.split(_SEPARATOR))


def pack_text(text: str) -> bytes:
    """Compress plain body text for storage (level 1: the size gain of higher levels is small)."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpack_text(blob: bytes) -> str:
    """The inverse of `pack_text`."""
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def article_row(stamp: FileStamp, article: Article) -> ArticleRow:
    """One `articles` row for a parsed file."""
    return (
        db_path(stamp.path),
        stamp.size,
        stamp.mtime_ns,
        article.title,
        article.date,
        article.timestamp,
        article.modified,
        join_list(article.tags),
        article.description,
        int(article.draft),
        int(article.featured),
        article.author,
        article.image,
        article.source_name,
        article.source_url,
        article.first_link,
        article.words,
        join_list(article.warnings),
        join_list(article.categories),
    )


def problem_row(stamp: FileStamp | None, problem: Problem) -> ProblemRow:
    """One `problems` row; files found unfit by the walk itself carry no stamp."""
    size = stamp.size if stamp else None
    mtime_ns = stamp.mtime_ns if stamp else None
    path = stamp.path if stamp else problem.path
    return (db_path(path), problem.reason, problem.line, int(problem.fatal), size, mtime_ns)


CACHED_ARTICLE_COLUMNS = (
    "path",
    "title",
    "date",
    "timestamp",
    "modified",
    "tags",
    "description",
    "draft",
    "featured",
    "author",
    "image",
    "source_name",
    "source_url",
    "first_link",
    "words",
    "warnings",
    "categories",
)
LISTING_ORDER = "timestamp IS NULL, timestamp DESC, path"
"""The order the reader lists articles in (newest first, undated last, ties by path), in
SQL: stored articles come back in it, so listing them needs no sort."""
CACHED_ARTICLE_QUERY = (
    f"SELECT {', '.join(CACHED_ARTICLE_COLUMNS)} FROM articles ORDER BY {LISTING_ORDER}"
)
CACHED_PROBLEM_QUERY = "SELECT path, reason, line, fatal FROM problems"


def articles_from_rows(rows: Iterable[tuple]) -> list[Article]:
    """Build articles from `CACHED_ARTICLE_QUERY` rows (positional, for speed at 100k rows)."""
    split = split_list
    return [
        Article(
            path_from_db(p),
            t,
            d,
            ts,
            m,
            split(tg),
            desc,
            dr == 1,
            ft == 1,
            a,
            i,
            sn,
            su,
            fl,
            w,
            split(wn),
            split(cg),
        )
        for (p, t, d, ts, m, tg, desc, dr, ft, a, i, sn, su, fl, w, wn, cg) in rows
    ]


def problems_from_rows(rows: Iterable[tuple]) -> list[Problem]:
    """Build problems from `CACHED_PROBLEM_QUERY` rows."""
    return [
        Problem(path_from_db(path), reason, line, fatal == 1)
        for (path, reason, line, fatal) in rows
    ]


def fulltext_values(title: str, description: str, tags: str, body: str) -> tuple[str, ...]:
    """The searchable columns for one article, from its stored values.

    Deleting a row from a contentless FTS5 table needs exactly the values it was
    inserted with, so inserting and deleting both go through here.
    """
    return (title, description, " ".join(split_list(tags)), body)


STAMP_QUERIES = (
    "SELECT path, size, mtime_ns FROM articles",
    "SELECT path, size, mtime_ns FROM problems WHERE size IS NOT NULL",
)
"""Each parsed file's stamp: its article's, then its problem's (a file with both counts by
the problem, as a later row)."""


def _stamp_queries_in(folder: str) -> Iterator[tuple[str, tuple]]:
    """`STAMP_QUERIES` narrowed to the paths below `folder`, with their bounds.

    Below a folder means between "folder/" and "folder0" ("0" follows "/"), as text and as
    the bytes a path that is not valid UTF-8 is stored as (`db_path`); the root's own files
    are the paths without a separator.
    """
    for query in STAMP_QUERIES:  # articles, then problems, as in known_stamps
        joiner = "AND" if "WHERE" in query else "WHERE"
        if not folder:
            yield f"{query} {joiner} instr(path, '/') = 0", ()
            continue
        low, high = f"{folder}/", f"{folder}0"
        as_bytes = (low.encode("utf-8", "surrogateescape"), high.encode("utf-8", "surrogateescape"))
        if isinstance(db_path(low), str):  # else every path below it is stored as bytes
            yield f"{query} {joiner} path > ? AND path < ?", (low, high)
        yield f"{query} {joiner} path > ? AND path < ?", as_bytes


def stamps_in(conn: sqlite3.Connection, folder: str) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) by path of each parsed file directly in `folder`, as the rows have
    it (a problem's row over its article's)."""
    stamps: dict[str, tuple[int, int]] = {}
    for query, bounds in _stamp_queries_in(folder):
        for path, size, mtime_ns in conn.execute(query, bounds):
            path = path_from_db(path)
            if path.rpartition("/")[0] == folder:
                stamps[path] = (size, mtime_ns)
    return stamps

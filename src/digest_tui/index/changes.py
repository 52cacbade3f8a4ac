"""Refreshing only the files that changed: what a folder watcher reports, or an edit.

Each path is looked at as it is on disk now, whatever the events said happened to it, so a
write-then-rename, or a file deleted and written again, settles to one change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest_tui.article_columns import with_replaced
from digest_tui.index.parsing import parse_files
from digest_tui.index.rows import (
    CACHED_ARTICLE_COLUMNS,
    articles_from_rows,
    db_path,
    path_from_db,
    problem_row,
    problems_from_rows,
)
from digest_tui.index.writes import forget_paths, in_transaction, store_parsed
from digest_tui.loading.discover import discover, is_markdown_name, stamp_path
from digest_tui.model import Article, FileStamp, Problem

_SIZE_UNIT = 1 << 64


@dataclass(slots=True)
class PathChanges:
    """What refreshing some paths found: the new state of each one that changed."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Paths no longer listed: deleted, renamed away, or now unreadable."""
    articles: dict[str, Article] = field(default_factory=dict)
    """The articles of `added` and `changed`, as `cached()` gives them."""
    problems: list[Problem] = field(default_factory=list)
    """The problems and warnings of every path looked at, as `cached()` gives them."""
    paths: tuple[str, ...] = ()
    """Every path looked at: their old problems are replaced by `problems`."""
    error: str | None = None

    @property
    def any(self) -> bool:
        """Whether the list changed."""
        return bool(self.added or self.changed or self.removed)


def refresh_paths(
    conn: sqlite3.Connection, root: Path, paths: Iterable[str], fulltext: bool
) -> PathChanges:
    """Bring the index in step with the folder for `paths` only (relative, `/`-separated)."""
    looked = tuple(dict.fromkeys(_expanded(conn, root, paths)))
    known = _known(conn, looked)
    to_parse: list[FileStamp] = []
    walk_problems: list[Problem] = []
    doomed: list[str] = []
    touched: list[str] = []
    for path in looked:
        found = stamp_path(root, path)
        before = known.get(path)
        if isinstance(found, FileStamp):
            if before is not None and before[1] == found.size * _SIZE_UNIT + found.mtime_ns:
                continue  # as the index has it (an event for a file written back unchanged)
            to_parse.append(found)
        elif isinstance(found, Problem):
            walk_problems.append(found)
        elif before is None:
            continue  # neither listed before nor now: a temporary file, a folder...
        if before is not None:
            doomed.append(path)
        touched.append(path)
    result = PathChanges(paths=tuple(touched))
    parsed = [row for chunk in parse_files(root, to_parse, _never) for row in chunk]

    def write() -> None:
        forget_paths(conn, doomed, fulltext)
        conn.executemany(
            "INSERT OR REPLACE INTO problems (path, reason, line, fatal, size, mtime_ns) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [problem_row(None, problem) for problem in walk_problems],
        )
        store_parsed(conn, parsed, fulltext, ())

    if touched:
        in_transaction(conn, write)
        _describe(conn, result, known, touched)
    return result


def _never() -> bool:
    return False


def _expanded(conn: sqlite3.Connection, root: Path, paths: Iterable[str]) -> Iterator[str]:
    """The paths, with each folder among them replaced by every file the index holds or the
    walk finds below it (a folder created, deleted or renamed reports only itself)."""
    for path in paths:
        yield path
        if is_markdown_name(path):
            continue
        folder = root.joinpath(*path.split("/"))
        if folder.is_dir() and not folder.is_symlink():
            for found in discover(folder, stat_files=False):
                yield f"{path}/{found.path}"
        low, high = f"{path}/", f"{path}0"  # "0" follows "/": every path below the folder
        for table in ("articles", "problems"):
            query = f"SELECT path FROM {table} WHERE path >= ? AND path < ?"
            yield from (path_from_db(row[0]) for row in conn.execute(query, (low, high)))


def _known(conn: sqlite3.Connection, paths: Sequence[str]) -> dict[str, tuple[bool, int | None]]:
    """For each path the index holds: whether as an article, and its packed stamp."""
    known: dict[str, tuple[bool, int | None]] = {}
    for path in paths:
        key = db_path(path)
        row = conn.execute("SELECT size, mtime_ns FROM articles WHERE path = ?", (key,)).fetchone()
        if row is not None:
            known[path] = (True, row[0] * _SIZE_UNIT + row[1])
            continue
        row = conn.execute("SELECT size, mtime_ns FROM problems WHERE path = ?", (key,)).fetchone()
        if row is not None:
            stamp = None if row[0] is None else row[0] * _SIZE_UNIT + row[1]
            known[path] = (False, stamp)
    return known


_ARTICLE_BY_PATH = f"SELECT {', '.join(CACHED_ARTICLE_COLUMNS)} FROM articles WHERE path = ?"
_PROBLEM_BY_PATH = "SELECT path, reason, line, fatal FROM problems WHERE path = ?"


def _describe(
    conn: sqlite3.Connection,
    result: PathChanges,
    known: dict[str, tuple[bool, int | None]],
    paths: Sequence[str],
) -> None:
    """Fill `result` from what the index now holds for `paths`."""
    for path in paths:
        key = db_path(path)
        rows = conn.execute(_ARTICLE_BY_PATH, (key,)).fetchall()
        was_article = path in known and known[path][0]
        if rows:
            article = articles_from_rows(rows)[0]
            result.problems += [Problem(path, w, fatal=False) for w in article.warnings]
            (result.changed if was_article else result.added).append(path)
            result.articles[path] = article
        elif was_article:
            result.removed.append(path)
        result.problems += problems_from_rows(conn.execute(_PROBLEM_BY_PATH, (key,)))


def with_changes(articles: Sequence[Article], changes: PathChanges) -> Sequence[Article]:
    """`articles` with the changed ones replaced, the removed left out and the added in,
    each where the reader's order puts it (see `article_columns.with_replaced`)."""
    gone = set(changes.removed).union(changes.articles)
    return with_replaced(articles, changes.articles.values(), gone)


def problems_with_changes(problems: Iterable[Problem], changes: PathChanges) -> list[Problem]:
    """`problems` with those of every path looked at replaced by what it has now."""
    looked = set(changes.paths)
    return [p for p in problems if p.path not in looked] + changes.problems

"""Reconciling the index with the folder: parse only what is new or changed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest_tui import loading
from digest_tui.article_columns import TEXT_FIELDS
from digest_tui.index import snapshot
from digest_tui.index.folder_check import check_folders
from digest_tui.index.parsing import POOL_THRESHOLD, parse_files
from digest_tui.index.preview import PreviewStream, wants_preview
from digest_tui.index.progress import ProgressThrottle
from digest_tui.index.rows import (
    CACHED_ARTICLE_QUERY,
    STAMP_QUERIES,
    articles_from_rows,
    db_path,
    path_from_db,
    problem_row,
    stamps_in,
)
from digest_tui.index.writes import forget_paths, in_transaction, store_parsed, store_walk_problems
from digest_tui.model import Article, FileStamp, Problem

BATCH_SIZE = 500
"""Files per committed transaction: an interrupted first index keeps what it finished."""
_STOP_CHECK_EVERY = 1000


@dataclass(slots=True)
class RefreshResult:
    """What a refresh found and did."""

    articles: Sequence[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    parsed: int = 0
    """Files actually read and parsed."""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stopped: bool = False
    """True when asked to stop, or when the index stayed locked: the work is unfinished."""
    error: str | None = None
    """Why the refresh could not finish, when it was not asked to stop."""


@dataclass(slots=True)
class _Walk:
    stamps: list[FileStamp] = field(default_factory=list)
    """The files to parse: every file on a first run, else the new and changed ones."""
    problems: list[Problem] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    files: int = 0
    """Files found, to parse or not."""
    stopped: bool = False


@dataclass(slots=True)
class RefreshOptions:
    """Knobs of a refresh that callers rarely change."""

    workers: int | None = None
    pool_threshold: int = POOL_THRESHOLD
    fulltext: bool = True
    """Whether the index has a full-text table to keep in step."""


_SIZE_UNIT = 1 << 64
"""(size, mtime_ns) packed as `size * _SIZE_UNIT + mtime_ns`: one int that differs whenever
either does (mtime_ns is a 64-bit integer in the database), a third of a tuple's memory."""


def known_stamps(conn: sqlite3.Connection, paths: Iterable[str] = ()) -> dict[str, int]:
    """`size * _SIZE_UNIT + mtime_ns` by path for every file the index has parsed.

    `paths` (the caller's article paths, when it has them) become the keys wherever the
    index holds the same path, instead of a second copy of each string read from the rows.
    """
    stamps: dict[str, int | None] = dict.fromkeys(paths)
    for query in STAMP_QUERIES:  # articles, then problems: a path in both keeps its problem
        for path, size, mtime in conn.execute(query):
            stamps[path_from_db(path)] = size * _SIZE_UNIT + mtime  # an existing key stays
    stale = [path for path, stamp in stamps.items() if stamp is None]
    for path in stale:  # given but no longer stored (another process changed the index)
        del stamps[path]
    return stamps  # type: ignore[return-value]


def _walk(
    root: Path,
    should_stop: Callable[[], bool],
    on_stamp: Callable[[str, bool], None] | None = None,
) -> _Walk:
    """A first run's walk: every file is new, so none is stat'ed here (the parse does it)."""
    walk = _Walk()
    for count, found in enumerate(loading.discover(root, stat_files=False)):
        if count % _STOP_CHECK_EVERY == 0 and should_stop():
            walk.stopped = True
            break
        if isinstance(found, Problem):
            walk.problems.append(found)
        else:
            walk.stamps.append(found)
            if on_stamp is not None:
                on_stamp(found.path, True)
    walk.files = len(walk.stamps)
    walk.added = [stamp.path for stamp in walk.stamps]
    return walk


def _walk_changes(
    conn: sqlite3.Connection,
    root: Path,
    known_paths: Iterable[str],
    should_stop: Callable[[], bool],
    workers: int,
    previews: PreviewStream | None = None,
) -> tuple[_Walk, dict[str, int]]:
    """Walk, and compare the files of every folder that may have changed with the index.

    Returns the walk, with only new and changed files to parse, and the stored stamps of the
    compared folders that the walk did not find: the files that vanished.
    """
    stored = snapshot.folder_signatures(conn)
    check = check_folders(root, stored, should_stop, workers)
    walk = _Walk(problems=check.problems, files=check.files, stopped=check.stopped)
    if check.stopped:
        return walk, {}
    if stored is None:
        known = known_stamps(conn, known_paths)
    else:
        known = known_stamps_in(conn, check.suspects)
    if previews is not None:
        previews.offer_unchanged(check.files - len(check.stamps))
    for found in check.stamps:
        before = known.pop(found.path, None)
        if before is None:
            walk.added.append(found.path)
        elif before != found.size * _SIZE_UNIT + found.mtime_ns:
            walk.changed.append(found.path)
        else:
            if previews is not None:
                previews.offer(found.path, False)
            continue
        walk.stamps.append(found)
        if previews is not None:
            previews.offer(found.path, True)
    return walk, known


def known_stamps_in(conn: sqlite3.Connection, folders: Iterable[str]) -> dict[str, int]:
    """Like `known_stamps`, for the files directly in these folders only."""
    stamps: dict[str, int] = {}
    for folder in folders:
        for path, (size, mtime) in stamps_in(conn, folder).items():
            stamps[path] = size * _SIZE_UNIT + mtime
    return stamps


def _holds_files(conn: sqlite3.Connection) -> bool:
    """Whether the index holds any file's stamp (if not, this is a first run)."""
    return any(conn.execute(f"SELECT EXISTS ({query})").fetchone()[0] for query in STAMP_QUERIES)


def _stored_files(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def reconcile(
    conn: sqlite3.Connection,
    root: Path,
    options: RefreshOptions,
    progress: Callable[[int, int], None] | None,
    should_stop: Callable[[], bool],
    on_preview: Callable[[Sequence[Article]], None] | None = None,
    known_paths: Iterable[str] = (),
) -> RefreshResult:
    """Bring the index in step with the folder under `root`; see `ArticleIndex.refresh`.

    `known_paths`, the paths of the caller's stored articles, only saves memory.
    """
    with PreviewStream(root, options.workers, options.pool_threshold, TEXT_FIELDS) as previews:
        return _reconcile(
            conn, root, options, progress, should_stop, on_preview, previews, known_paths
        )


def _reconcile(
    conn: sqlite3.Connection,
    root: Path,
    options: RefreshOptions,
    progress: Callable[[int, int], None] | None,
    should_stop: Callable[[], bool],
    on_preview: Callable[[Sequence[Article]], None] | None,
    previews: PreviewStream,
    known_paths: Iterable[str],
) -> RefreshResult:
    result = RefreshResult()
    offer = previews if on_preview is not None else None
    if _holds_files(conn):
        workers = options.workers if options.workers is not None else (os.cpu_count() or 1)
        if _stored_files(conn) < options.pool_threshold:
            workers = 1
        walk, known = _walk_changes(conn, root, known_paths, should_stop, workers, offer)
    else:
        walk, known = _walk(root, should_stop, offer.offer if offer else None), {}
    if walk.stopped:
        result.stopped = True
        return result  # an unfinished walk cannot tell which files vanished
    to_parse, result.added, result.changed = walk.stamps, walk.added, walk.changed
    result.removed = sorted(known)  # the walk took out every path it found
    del known
    doomed = result.removed

    def forget() -> None:
        forget_paths(conn, doomed, options.fulltext)
        store_walk_problems(conn, [problem_row(None, p) for p in walk.problems])

    in_transaction(conn, forget)
    if on_preview is not None and wants_preview(len(to_parse), walk.files, options.pool_threshold):
        _show_preview(conn, to_parse, previews, should_stop, on_preview)
    previews.close()
    stored = set(result.changed)  # the files to parse that the index held before
    _parse_and_store(conn, root, to_parse, stored, options, progress, should_stop, result)
    return result


def _show_preview(
    conn: sqlite3.Connection,
    to_parse: list[FileStamp],
    previews: PreviewStream,
    should_stop: Callable[[], bool],
    on_preview: Callable[[Sequence[Article]], None],
) -> None:
    """Hand `on_preview` the articles `cached()` will list after this refresh.

    That is the stored articles that stay (vanished ones are already forgotten), then the
    previews of the files to parse, each in listing order.
    """
    kept = articles_from_rows(conn.execute(CACHED_ARTICLE_QUERY))
    if kept:  # none on a first run: spares a set of every path
        changed = {stamp.path for stamp in to_parse}
        kept = [a for a in kept if a.path not in changed]
    found = previews.articles(should_stop)
    if found is not None:
        on_preview(found.spliced([kept, range(len(found))]) if kept else found)


def _parse_and_store(
    conn: sqlite3.Connection,
    root: Path,
    to_parse: list[FileStamp],
    stored: set[str],
    options: RefreshOptions,
    progress: Callable[[int, int], None] | None,
    should_stop: Callable[[], bool],
    result: RefreshResult,
) -> None:
    throttle = ProgressThrottle(progress, len(to_parse))
    pending: list[tuple] = []

    def flush() -> None:
        store_parsed(conn, pending, options.fulltext, stored)

    unopened: set[str | bytes] = set()
    done = 0
    chunks = parse_files(root, to_parse, should_stop, options.workers, options.pool_threshold)
    for chunk in chunks:
        pending.extend(chunk)
        unopened.update(item[1][0] for item in chunk if item[0] == "problem" and item[1][4] is None)
        done += len(chunk)
        if len(pending) >= BATCH_SIZE:
            in_transaction(conn, flush)
            pending.clear()
        throttle.update(done)
    if pending:
        in_transaction(conn, flush)
    throttle.finish(done)
    result.stopped = done < len(to_parse)
    result.parsed = done - len(unopened)
    if unopened:  # files the walk would have rejected, had it stat'ed them: not added
        result.added = [path for path in result.added if db_path(path) not in unopened]

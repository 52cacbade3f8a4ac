"""A column-wise copy of every article row, so a warm start reads the library in one go.

Selecting 100,000 rows of 16 columns costs a Python object per value; one stored value per
column, split in C, costs a fraction of that. Every write to the articles outdates the
copy (`outdate`), and the end of a refresh brings it up to date (`write`: patched from its
own columns after a few changes, else written anew); meanwhile readers fall back to the
`articles` table.

No pickle: each column is stored in one of a few plain layouts (`column_layouts`), chosen
when it is written. A row at position -1 names the layout version and holds the copy's id,
new at every write (empty in copies written before ids). A copy of any other version, or
one whose bytes do not add up, is not read (the table answers) and is written again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence

from digest_tui.article_columns import (
    TEXT_FIELDS,
    ArticleColumns,
    replacement_pieces,
    spliced_column,
)
from digest_tui.index import column_layouts
from digest_tui.index.folder_check import signatures_of_rows
from digest_tui.index.rows import (
    CACHED_ARTICLE_COLUMNS,
    LISTING_ORDER,
    articles_from_rows,
    db_path,
    path_from_db,
    split_list,
    stamps_in,
)
from digest_tui.long_lived import collector_paused_then_frozen
from digest_tui.model import Article

FORMAT_VERSION = 8
"""Bump whenever a layout changes; older copies are then ignored and replaced."""


def _is_one(value: object) -> bool:
    return value == 1


_HEADER_POSITION, _HEADER_KIND = -1, "format"
_ID_BYTES = 16
_FOLDERS_POSITION, _FOLDERS_KIND = -2, "folder-digests-64"
# An outdated copy is marked at -3 instead of its header; the paths changed since are
# noted in rows below -100, a row per write.
_OUTDATED_POSITION, _OUTDATED_KIND = -3, "outdated"
_NOTED_BELOW, _NOTED_KIND = -100, "changed-paths"
PATCH_SHARE = 4
"""An outdated copy is patched while at most 1 / PATCH_SHARE of its rows changed."""
_INSERT = "INSERT INTO snapshot (position, kind, count, data) VALUES (?, ?, ?, ?)"
_ARTICLE_BY_PATH = f"SELECT {', '.join(CACHED_ARTICLE_COLUMNS)} FROM articles WHERE path = ?"
# Each stored file's stamp once: a path with a problem row counts by that row, as the
# changed-file check compares it (`refresh.known_stamps`).
_STAMPS_QUERY = (
    "SELECT path, size, mtime_ns FROM articles WHERE path NOT IN "
    "(SELECT path FROM problems WHERE size IS NOT NULL) "
    "UNION ALL SELECT path, size, mtime_ns FROM problems WHERE size IS NOT NULL"
)
_COLUMN_COUNT = len(CACHED_ARTICLE_COLUMNS)
# How each stored value becomes an `Article` field, where it is not stored as it is.
# (Tags, warnings and categories are stored as "lists", which hold tuples already.)
_CONVERTED: dict[int, Callable] = {
    5: split_list,
    15: split_list,
    16: split_list,
    7: _is_one,
    8: _is_one,
}
_LIST_COLUMNS = (5, 15, 16)
_TEXT_COLUMNS = frozenset(map(CACHED_ARTICLE_COLUMNS.index, TEXT_FIELDS))
_ALL_COLUMNS = range(len(CACHED_ARTICLE_COLUMNS))
_PATH, _TIMESTAMP = CACHED_ARTICLE_COLUMNS.index("path"), CACHED_ARTICLE_COLUMNS.index("timestamp")


def clear(conn: sqlite3.Connection) -> None:
    """Drop the copy (inside the caller's write transaction)."""
    conn.execute("DELETE FROM snapshot")


def outdate(conn: sqlite3.Connection, paths: Sequence[str]) -> None:
    """Note that the rows of `paths` are changing (inside the caller's write transaction).

    The copy stops answering at once (the table answers until `write`), but its columns
    are kept, with the paths, so that `write` brings them up to date instead of reading
    every row again. Once more than a quarter of its rows changed, it is dropped instead.
    """
    if not paths:
        return
    if is_present(conn):
        conn.execute("DELETE FROM snapshot WHERE position = ?", (_HEADER_POSITION,))
        conn.execute(_INSERT, (_OUTDATED_POSITION, _OUTDATED_KIND, FORMAT_VERSION, b""))
    elif not _is_outdated(conn):
        clear(conn)  # no copy, or one of another layout version
        return
    rows, noted, lowest = conn.execute(
        "SELECT (SELECT count FROM snapshot WHERE position = 0), "
        "coalesce(sum(count), 0), min(position) FROM snapshot WHERE position < ? AND kind = ?",
        (_NOTED_BELOW, _NOTED_KIND),
    ).fetchone()
    if rows is None or noted + len(paths) > rows // PATCH_SHARE:
        clear(conn)
        return
    position = min(lowest or _NOTED_BELOW, _NOTED_BELOW) - 1
    data = "\0".join(paths).encode("utf-8", "surrogatepass")
    conn.execute(_INSERT, (position, _NOTED_KIND, len(paths), data))


def _is_outdated(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT kind, count FROM snapshot WHERE position = ?", (_OUTDATED_POSITION,)
    ).fetchone()
    return row == (_OUTDATED_KIND, FORMAT_VERSION)


def _noted_paths(conn: sqlite3.Connection) -> set[str]:
    noted: set[str] = set()
    for (data,) in conn.execute(
        "SELECT data FROM snapshot WHERE position < ? AND kind = ?", (_NOTED_BELOW, _NOTED_KIND)
    ):
        noted.update(bytes(data).decode("utf-8", "surrogatepass").split("\0"))
    return noted


def is_present(conn: sqlite3.Connection) -> bool:
    """Whether a copy in the current layout is stored (an older one counts as none)."""
    row = conn.execute(
        "SELECT kind, count FROM snapshot WHERE position = ?", (_HEADER_POSITION,)
    ).fetchone()
    return row == (_HEADER_KIND, FORMAT_VERSION)


def write(conn: sqlite3.Connection) -> None:
    """Replace the copy with the current article rows (inside a write transaction).

    One column at a time, so the copy never needs every row in memory at once; each in
    `LISTING_ORDER`, as `CACHED_ARTICLE_QUERY` reads them. A column that fits no layout
    leaves no copy at all: the table still answers.
    """
    if _is_outdated(conn) and _patched(conn):
        return
    clear(conn)
    # SQLite sorts the rows once; each column is then read in stored order (no sort) and
    # put in listing order by these positions.
    listed = [
        number
        for (number,) in conn.execute(
            f"SELECT row_number() OVER (ORDER BY id) - 1 FROM articles ORDER BY {LISTING_ORDER}"
        )
    ]
    for position, name in enumerate(CACHED_ARTICLE_COLUMNS):
        stored = [value for (value,) in conn.execute(f"SELECT {name} FROM articles ORDER BY id")]
        column = list(map(stored.__getitem__, listed))
        del stored
        if name == "path":
            column = [path_from_db(value) for value in column]
        encoded = column_layouts.encoded(column, lists=position in _LIST_COLUMNS)
        if encoded is None:
            clear(conn)
            return
        conn.execute(
            "INSERT INTO snapshot (position, kind, count, data) VALUES (?, ?, ?, ?)",
            (position, encoded[0], len(column), encoded[1]),
        )
    _write_folder_signatures(conn)
    _write_header(conn)


def _write_header(conn: sqlite3.Connection) -> None:
    conn.execute(_INSERT, (_HEADER_POSITION, _HEADER_KIND, FORMAT_VERSION, os.urandom(_ID_BYTES)))


def _patched(conn: sqlite3.Connection) -> bool:
    """Bring the outdated copy up to date from its columns and the noted paths' rows; False
    when the copy cannot be read or a column fits no layout (the caller then writes it anew).

    A column at a time: each is read, spliced, stored and let go before the next.
    """
    listing = conn.execute(
        "SELECT position, kind, count FROM snapshot WHERE position >= 0 ORDER BY position"
    ).fetchall()
    signatures = _stored_signatures(conn)
    if signatures is None or [position for position, _, _ in listing] != list(_ALL_COLUMNS):
        return False
    noted = _noted_paths(conn)
    fresh = [
        article
        for path in noted
        for article in articles_from_rows(conn.execute(_ARTICLE_BY_PATH, (db_path(path),)))
    ]
    try:
        pieces = replacement_pieces(
            _column(conn, listing[_PATH]), _column(conn, listing[_TIMESTAMP]), fresh, noted
        )
        for position, kind, count in listing:
            column = _column(conn, (position, kind, count))
            kept = spliced_column(column, position, pieces)
            del column
            encoded = column_layouts.encoded_column(kept, lists=position in _LIST_COLUMNS)
            if encoded is None:
                return False
            conn.execute(
                "UPDATE snapshot SET kind = ?, count = ?, data = ? WHERE position = ?",
                (encoded[0], len(kept), encoded[1], position),
            )
    except (sqlite3.Error, *column_layouts.UNREADABLE):
        return False
    for folder in {path.rpartition("/")[0] for path in noted}:
        signatures.pop(folder, None)
        stamps = stamps_in(conn, folder).items()
        signatures.update(signatures_of_rows((path, *stamp) for path, stamp in stamps))
    conn.execute("DELETE FROM snapshot WHERE position < 0 AND position != ?", (_HEADER_POSITION,))
    _store_signatures(conn, signatures)
    _write_header(conn)
    return True


def _column(conn: sqlite3.Connection, listed: tuple[int, str, int]) -> Sequence:
    """One stored column, its text kept as bytes."""
    position, kind, count = listed
    return column_layouts.decoded(
        kind, count, _data(conn, position), _CONVERTED.get(position), lazy=True
    )


def _write_folder_signatures(conn: sqlite3.Connection) -> None:
    """Store each folder's signature as the rows have it, for the changed-file check."""
    stamps = (
        (path_from_db(path), size, mtime) for path, size, mtime in conn.execute(_STAMPS_QUERY)
    )
    _store_signatures(conn, signatures_of_rows(stamps))


def _store_signatures(conn: sqlite3.Connection, signatures: dict[str, int]) -> None:
    data = json.dumps({folder: format(value, "x") for folder, value in signatures.items()})
    conn.execute(
        _INSERT,
        (_FOLDERS_POSITION, _FOLDERS_KIND, len(signatures), data.encode("utf-8", "surrogatepass")),
    )


def renew_folder_signatures(conn: sqlite3.Connection) -> None:
    """Store the folders' signatures again beside the copy (inside a write transaction):
    for a copy whose signatures are missing, damaged or of an older kind."""
    conn.execute("DELETE FROM snapshot WHERE position = ?", (_FOLDERS_POSITION,))
    _write_folder_signatures(conn)


def folder_signatures(conn: sqlite3.Connection) -> dict[str, int] | None:
    """Each folder's signature (`folder_check`) as the stored rows have it; None when the
    copy is missing, of another layout version, or damaged."""
    with _one_read(conn):
        if not is_present(conn):
            return None
        return _stored_signatures(conn)


def _stored_signatures(conn: sqlite3.Connection) -> dict[str, int] | None:
    row = conn.execute(
        "SELECT kind, data FROM snapshot WHERE position = ?", (_FOLDERS_POSITION,)
    ).fetchone()
    if row is None or row[0] != _FOLDERS_KIND:
        return None
    try:
        stored = json.loads(bytes(row[1]).decode("utf-8", "surrogatepass"))
        return {str(folder): int(value, 16) for folder, value in stored.items()}
    except (ValueError, TypeError, AttributeError):
        return None


def read(conn: sqlite3.Connection) -> ArticleColumns | None:
    """The articles in the copy, in `CACHED_ARTICLE_QUERY` order (`LISTING_ORDER`); None
    when there is none; the `TEXT_FIELDS` kept as their bytes.

    A copy of another layout version, or a damaged one, also gives None.
    """
    found = read_with_id(conn)
    return None if found is None else found[0]


def read_with_id(
    conn: sqlite3.Connection,
) -> tuple[ArticleColumns, bytes] | None:
    """`read`, with the id of the copy read: while `copy_id` still gives it, the copy holds
    the same rows."""
    if not _FIELDS_ARE_COLUMNS:
        return None
    with _one_read(conn), collector_paused_then_frozen():
        if not is_present(conn):
            return None
        listing = conn.execute(
            "SELECT position, kind, count FROM snapshot WHERE position >= 0 ORDER BY position"
        ).fetchall()
        try:
            articles = _articles(conn, listing, _TEXT_COLUMNS)
        except (sqlite3.Error, *column_layouts.UNREADABLE):
            return None
        return articles, copy_id(conn) or b""


def copy_id(conn: sqlite3.Connection) -> bytes | None:
    """The id of the stored copy (new at every write); None when there is none."""
    row = conn.execute(
        "SELECT data FROM snapshot WHERE position = ? AND kind = ? AND count = ?",
        (_HEADER_POSITION, _HEADER_KIND, FORMAT_VERSION),
    ).fetchone()
    return None if row is None else bytes(row[0])


@contextlib.contextmanager
def _one_read(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so that every column comes from the same refresh."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _data(conn: sqlite3.Connection, position: int) -> bytes:
    # Straight into one bytes object: a SELECT holds a second copy of it meanwhile.
    with conn.blobopen("snapshot", "data", position, readonly=True) as blob:
        return blob.read()


def _articles(
    conn: sqlite3.Connection, listing: list[tuple[int, str, int]], lazy: frozenset[int]
) -> ArticleColumns:
    """The articles, kept as the stored columns (no `Article` is built here); the text
    columns of `lazy` kept as their bytes."""
    count = listing[0][2] if listing else 0
    if [(position, n) for position, _, n in listing] != [(p, count) for p in range(_COLUMN_COUNT)]:
        raise ValueError("snapshot columns are missing or of different lengths")
    columns = [
        column_layouts.decoded(
            kind, count, _data(conn, position), _CONVERTED.get(position), position in lazy
        )
        for position, kind, _ in listing
    ]
    return ArticleColumns(columns)


# The stored columns are the model's fields one for one; if they ever part, the table answers.
_FIELDS_ARE_COLUMNS = Article._fields == CACHED_ARTICLE_COLUMNS

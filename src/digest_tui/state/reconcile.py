"""Bring stored state in line with the articles now in the folder: renames and first sightings.

A warm start sees a folder that has barely changed, so the work and the memory kept
scale with what changed: stored rows are streamed and compared against a lookup of the
caller's articles, and identity hints are built only for paths that arrived, vanished or
whose title or date differ from what is stored.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import not_

from digest_tui.article_columns import column_of
from digest_tui.model import Article
from digest_tui.state.keys import decode_path, encode_path, identity_hint
from digest_tui.state.renames import Identity, match_renames
from digest_tui.state.sessions import mark_scanned, new_paths

_Shown = tuple[str, str | None]
"""An article's title and date as the folder has them."""


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """What one reconcile pass found."""

    new: frozenset[str] = frozenset()
    """Articles new since the previous session (what `is_new` answers True for)."""
    added: frozenset[str] = frozenset()
    """Paths this pass saw for the first time (renamed files excluded)."""
    moved: Mapping[str, str] = field(default_factory=dict)
    """Old path -> new path for renamed files whose state followed them."""


@dataclass(slots=True)
class _Differences:
    """How the stored rows differ from the folder: only what changed is held."""

    vanished: dict[str, Identity] = field(default_factory=dict)
    """Stored paths no longer in the folder, with their stored (title, date)."""
    edited: list[tuple[str | None, str | None, bytes]] = field(default_factory=list)
    """(title, date, stored key) for paths still present whose title or date changed."""


def reconcile_articles(
    conn: sqlite3.Connection, articles: Sequence[Article], session: int
) -> ReconcileResult:
    """Follow renames, record first sightings and refresh identity hints.

    Runs inside the caller's write transaction. State of paths that vanished without a
    unique successor is kept: the file may come back (an unmounted folder, a checkout).
    """
    folder = _FolderArticles(articles)
    differences = _compare_stored(conn, folder)
    arrived = {path: _identity_of(*folder.shown(number)) for path, number in folder.unseen()}
    del folder
    return _record(conn, differences, arrived, session)


def reconcile_changes(
    conn: sqlite3.Connection,
    touched: Iterable[Article],
    removed: Iterable[str],
    session: int,
) -> ReconcileResult:
    """`reconcile_articles` for one change the caller watched happen: only the stored rows
    of the articles it added or changed (`touched`) and of the paths it `removed` are
    read, not every stored row. A rename is followed when its old path is among `removed`
    (a watcher reports both sides of a move in one change)."""
    differences = _Differences()
    arrived: dict[str, Identity] = {}
    for article in touched:
        stored = _stored_identity(conn, article.path)
        if stored is None:
            arrived[article.path] = _identity(article)
        elif stored != (article.title, article.date):
            current = _identity(article)
            if current != stored:
                differences.edited.append((*current, encode_path(article.path)))
    for path in removed:
        stored = _stored_identity(conn, path)
        if stored is not None:
            differences.vanished[path] = stored
    return _record(conn, differences, arrived, session)


def _stored_identity(conn: sqlite3.Connection, path: str) -> Identity | None:
    row = conn.execute(
        "SELECT title, date FROM articles WHERE path = ?", (encode_path(path),)
    ).fetchone()
    return None if row is None else (row[0], row[1])


def _record(
    conn: sqlite3.Connection,
    differences: _Differences,
    arrived: dict[str, Identity],
    session: int,
) -> ReconcileResult:
    """Write what a comparison found: renames followed, first sightings, changed hints."""
    moves = match_renames(differences.vanished, arrived)
    for old, new in moves.items():
        title, date = arrived[new]
        conn.execute(
            "UPDATE articles SET path = ?, title = ?, date = ? WHERE path = ?",
            (encode_path(new), title, date, encode_path(old)),
        )
    renamed_to = set(moves.values())
    added = [path for path in arrived if path not in renamed_to]
    conn.executemany(
        "INSERT INTO articles (path, first_seen, title, date) VALUES (?, ?, ?, ?)",
        ((encode_path(p), session, *arrived[p]) for p in added),
    )
    # Kept up to date so a later rename of an edited file is still followed.
    conn.executemany("UPDATE articles SET title = ?, date = ? WHERE path = ?", differences.edited)
    mark_scanned(conn, session)
    return ReconcileResult(
        new=frozenset(new_paths(conn, session)), added=frozenset(added), moved=moves
    )


class _FolderArticles:
    """The folder's articles as a reconcile pass compares them with the stored rows.

    Each article is held as its number and a 64-bit digest of its title and date, not as
    the strings themselves: at a million articles, holding those doubled the memory the
    pass takes (about 190 MB against 90 MB). Read a field at a time, so articles kept
    as columns are not built one by one; the title and date are read again only for an
    article whose digest differs from its stored row's, or that has no stored row.
    """

    __slots__ = ("_dates", "_digests", "_numbers", "_paths", "_seen", "_titles")

    def __init__(self, articles: Sequence[Article]) -> None:
        self._paths = column_of(articles, "path")
        self._titles = column_of(articles, "title")
        self._dates = column_of(articles, "date")
        shown = zip(self._titles, self._dates, strict=True)
        self._digests = array("q", map(hash, shown))
        # A path listed twice is one article, its last listing (as a dict keeps it).
        self._numbers = dict(zip(self._paths, range(len(self._paths)), strict=True))
        self._seen = bytearray(len(self._paths))

    def number(self, path: str) -> int | None:
        """The number of the article at `path`; None when the folder has none there."""
        return self._numbers.get(path)

    def first_sight(self, number: int) -> bool:
        """Mark article `number` as found among the stored rows; False when it was
        already (the same path stored under a second key type)."""
        if self._seen[number]:
            return False
        self._seen[number] = 1
        return True

    def shows(self, number: int, shown: _Shown) -> bool:
        """Whether article `number` has the title and date `shown`, by their digest (two
        different pairs share one with a chance of one in 2**64)."""
        return self._digests[number] == hash(shown)

    def shown(self, number: int) -> _Shown:
        """The title and date of article `number`."""
        return self._titles[number], self._dates[number]

    def unseen(self) -> Iterator[tuple[str, int]]:
        """(path, number) of each article not found among the stored rows."""
        for number in compress(range(len(self._seen)), map(not_, self._seen)):
            path = self._paths[number]
            if self._numbers[path] == number:
                yield path, number


def _compare_stored(conn: sqlite3.Connection, folder: _FolderArticles) -> _Differences:
    """Stream the stored rows against the `folder`'s articles, marking each one found."""
    differences = _Differences()
    for stored_key, title, date in conn.execute("SELECT path, title, date FROM articles"):
        path = decode_path(stored_key)
        number = folder.number(path)
        if number is None:
            differences.vanished[path] = (title, date)
            continue
        if not folder.first_sight(number):
            continue
        # Stored hints never hold lone surrogates, so equal raw values mean equal hints.
        if folder.shows(number, (title, date)):
            continue
        current = _identity_of(*folder.shown(number))
        if current != (title, date):
            differences.edited.append((*current, encode_path(path)))
    return differences


def _identity(article: Article) -> Identity:
    return _identity_of(article.title, article.date)


def _identity_of(title: str, date: str | None) -> Identity:
    return identity_hint(title), identity_hint(date)

"""Bring stored state in line with the articles now in the folder: renames and first sightings."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from digest_tui.model import Article
from digest_tui.state.keys import decode_path, encode_path, identity_hint
from digest_tui.state.renames import Identity, match_renames
from digest_tui.state.sessions import mark_scanned, new_paths


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """What one reconcile pass found."""

    new: frozenset[str] = frozenset()
    """Articles new since the previous session (what `is_new` answers True for)."""
    added: frozenset[str] = frozenset()
    """Paths this pass saw for the first time (renamed files excluded)."""
    moved: Mapping[str, str] = field(default_factory=dict)
    """Old path -> new path for renamed files whose state followed them."""


def reconcile_articles(
    conn: sqlite3.Connection, articles: Iterable[Article], session: int
) -> ReconcileResult:
    """Follow renames, record first sightings and refresh identity hints.

    Runs inside the caller's write transaction. State of paths that vanished without a
    unique successor is kept: the file may come back (an unmounted folder, a checkout).
    """
    current = {a.path: (identity_hint(a.title), identity_hint(a.date)) for a in articles}
    stored = _stored_identities(conn)
    vanished = {path: ident for path, ident in stored.items() if path not in current}
    arrived = {path: ident for path, ident in current.items() if path not in stored}
    moves = match_renames(vanished, arrived)
    for old, new in moves.items():
        title, date = current[new]
        conn.execute(
            "UPDATE articles SET path = ?, title = ?, date = ? WHERE path = ?",
            (encode_path(new), title, date, encode_path(old)),
        )
    renamed_to = set(moves.values())
    added = [path for path in arrived if path not in renamed_to]
    conn.executemany(
        "INSERT INTO articles (path, first_seen, title, date) VALUES (?, ?, ?, ?)",
        ((encode_path(p), session, *current[p]) for p in added),
    )
    _refresh_hints(conn, current, stored)
    mark_scanned(conn, session)
    return ReconcileResult(
        new=frozenset(new_paths(conn, session)), added=frozenset(added), moved=moves
    )


def _stored_identities(conn: sqlite3.Connection) -> dict[str, Identity]:
    rows = conn.execute("SELECT path, title, date FROM articles")
    return {decode_path(path): (title, date) for path, title, date in rows}


def _refresh_hints(
    conn: sqlite3.Connection,
    current: Mapping[str, Identity],
    stored: Mapping[str, Identity],
) -> None:
    """Keep (title, date) up to date so a later rename of an edited file is still followed."""
    changed = [
        (*ident, encode_path(path))
        for path, ident in current.items()
        if path in stored and stored[path] != ident
    ]
    conn.executemany("UPDATE articles SET title = ?, date = ? WHERE path = ?", changed)

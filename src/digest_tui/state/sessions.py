"""Sessions: one per start of the reader, so "new since last visit" has a meaning.

An article is new when it was first seen in the current session *and* an earlier session
had already looked at the folder. On the very first run nothing is new: with no earlier
visit to compare against, every article would be "new", which tells the reader nothing.
"""

from __future__ import annotations

import sqlite3
import time

from digest_tui.state.keys import decode_path


def start_session(conn: sqlite3.Connection) -> int:
    """Record a new session (inside the caller's transaction) and return its number."""
    cursor = conn.execute("INSERT INTO sessions (started_at) VALUES (?)", (time.time(),))
    return int(cursor.lastrowid or 0)


def mark_scanned(conn: sqlite3.Connection, session: int) -> None:
    """Note that `session` has seen the folder, so later sessions can call things new."""
    conn.execute("UPDATE sessions SET scanned = 1 WHERE id = ?", (session,))


def latest_scanned_session(conn: sqlite3.Connection) -> int | None:
    """The most recent session that looked at the folder, if any."""
    row = conn.execute("SELECT max(id) FROM sessions WHERE scanned = 1").fetchone()
    return None if row[0] is None else int(row[0])


def new_paths(conn: sqlite3.Connection, session: int | None) -> set[str]:
    """Paths first seen in `session`, or nothing when no earlier session saw the folder."""
    if session is None:
        return set()
    earlier = conn.execute(
        "SELECT 1 FROM sessions WHERE id < ? AND scanned = 1 LIMIT 1", (session,)
    ).fetchone()
    if earlier is None:
        return set()
    rows = conn.execute("SELECT path FROM articles WHERE first_seen = ?", (session,))
    return {decode_path(stored) for (stored,) in rows}

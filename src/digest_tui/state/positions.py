"""Where the reader left each article, kept in the `articles` table (it follows renames)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from digest_tui.state.keys import encode_path

CHANGED_TOO_MUCH = 0.2
"""A body whose length changed by more than this share starts again from the top."""

_UPSERT_POSITION = """
INSERT INTO articles (path, position, position_chars) VALUES (?, ?, ?)
ON CONFLICT (path) DO UPDATE SET
    position = excluded.position, position_chars = excluded.position_chars
"""


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """A place in an article: the share of its lines above the view, and its body's length."""

    at: float
    chars: int

    def still_fits(self, chars: int) -> bool:
        """True when a body of `chars` characters is close enough to the one this was in."""
        return abs(chars - self.chars) <= CHANGED_TOO_MUCH * max(self.chars, 1)


def write_position(conn: sqlite3.Connection, path: str, position: ReadingPosition) -> None:
    """Store `position` for `path` (inside the caller's transaction)."""
    at = min(max(position.at, 0.0), 1.0)
    conn.execute(_UPSERT_POSITION, (encode_path(path), at, max(position.chars, 0)))


def read_position(conn: sqlite3.Connection, path: str) -> ReadingPosition | None:
    """The stored position of `path`, if any."""
    row = conn.execute(
        "SELECT position, position_chars FROM articles WHERE path = ?", (encode_path(path),)
    ).fetchone()
    if row is None or row[0] is None or row[1] is None:
        return None
    return ReadingPosition(float(row[0]), int(row[1]))

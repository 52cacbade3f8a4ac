"""Full-text search over titles, descriptions, tags and bodies with SQLite FTS5."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from digest_tui.index import fulltext_words
from digest_tui.index.progress import ProgressThrottle
from digest_tui.index.rows import db_path, fulltext_values, path_from_db, unpack_text
from digest_tui.index.schema import RANK_WEIGHTS
from digest_tui.index.writes import in_transaction

BATCH_SIZE = 500
# Merging the index's segments speeds up queries; worth it only after a large build.
OPTIMIZE_AFTER = 5000

# A shorter last word is matched whole: a one- or two-letter prefix expands to most of
# the vocabulary and costs ~10x a word query, for results nobody wants.
MIN_PREFIX = 3

_OPTIMIZE = "INSERT INTO fulltext(fulltext) VALUES ('optimize')"
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class FulltextBuild:
    """What one `build_fulltext` pass did."""

    indexed: int
    stopped: bool = False
    available: bool = True


def _quoted(token: str) -> str:
    # FTS5 reads a NUL as the end of the query text, leaving the string unterminated.
    return '"' + token.replace("\x00", "").replace('"', '""') + '"'


def words_expression(
    text: str,
    prefix_last: bool = True,
    words_for: Callable[[str], list[str] | None] | None = None,
) -> str | None:
    """A safe FTS5 MATCH expression: every word must occur; the last may be a prefix.

    The last word counts as a prefix when `prefix_last` is set and it has at least
    `MIN_PREFIX` characters, so results follow as the user types. `words_for(prefix)`
    may name the index's words the prefix stands for (`fulltext_words.starting`): they
    are asked for with OR, which FTS5 answers far faster than a prefix.

    Each chunk of user text is quoted, so FTS5 operators (`NEAR`, `-`, `*`, `:`) lose
    their meaning. None when the text holds no searchable word.
    """
    tokens = [chunk for chunk in text.split() if _WORD.search(chunk)]
    if not tokens:
        return None
    parts = [_quoted(token) for token in tokens]
    if prefix_last and len(tokens[-1]) >= MIN_PREFIX:
        words = words_for(tokens[-1]) if words_for is not None else None
        if words:
            parts[-1] = "(" + " OR ".join(map(_quoted, words)) + ")"
        else:
            parts[-1] += "*"
    return " AND ".join(parts)


def phrase_expression(phrase: str) -> str | None:
    """A safe FTS5 MATCH expression for the words of `phrase` in that order."""
    return _quoted(" ".join(phrase.split())) if _WORD.search(phrase) else None


RANK_WINDOW = 2000
"""The most matches a top-N query scores. Reading and scoring a match costs a few
microseconds (more for a prefix, whose words' lists are merged), so a common word scored
over all its matches would take a keystroke's whole time: beyond this many matches, only
the most recently indexed ones (highest ids: new posts) are scored. A three-letter prefix
at 100,000 posts took 23 ms with 5,000, 9 ms with 2,000."""

# The same weights as the table's `rank`, called directly: cheaper than the `rank` column.
_SCORE = f"bm25(fulltext, {RANK_WEIGHTS})"
# One statement, one pass over the matches: the newest `window` matches are scored as they
# are read (FTS5 walks ids backwards without sorting), then the best `limit` kept. A prefix
# query merges the lists of every word it covers, so reading the matches twice (once to
# find where the window starts) cost a quarter more. The whole query runs inside SQLite,
# which releases Python's lock meanwhile.
_RANKED = (
    "SELECT a.path, -f.score FROM (SELECT rowid, score FROM (SELECT rowid, "
    f"{_SCORE} AS score FROM fulltext WHERE fulltext MATCH ?1 ORDER BY rowid DESC LIMIT ?2) "
    "ORDER BY score LIMIT ?3) AS f JOIN articles AS a ON a.id = f.rowid"
)
_ALL = (
    "SELECT a.path, -f.rank FROM (SELECT rowid, rank FROM fulltext WHERE fulltext MATCH ?) "
    "AS f JOIN articles AS a ON a.id = f.rowid"
)


def run_query(
    conn: sqlite3.Connection, expression: str | None, limit: int | None
) -> dict[str, float]:
    """Paths matching `expression` with their scores (higher is better); {} on any error.

    With a `limit`, at most `RANK_WINDOW` (or `limit`, if larger) matches are scored.
    """
    if expression is None or (limit is not None and limit <= 0):
        return {}
    try:
        if limit is None:
            rows = conn.execute(_ALL, (expression,)).fetchall()
        else:
            window = max(RANK_WINDOW, limit)
            rows = conn.execute(_RANKED, (expression, window, limit)).fetchall()
    except sqlite3.Error:
        return {}
    return {path_from_db(path): score for path, score in rows}


def build_pending(
    conn: sqlite3.Connection,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> FulltextBuild:
    """Add every article without a full-text entry to the index, in committed batches."""
    stop = should_stop or (lambda: False)
    (total,) = conn.execute("SELECT count(*) FROM articles WHERE fts_done = 0").fetchone()
    with_words = total <= fulltext_words.ADD_PER_BATCH_MOST and fulltext_words.is_complete(conn)
    if total and not with_words:
        in_transaction(conn, lambda: fulltext_words.mark_incomplete(conn))
    throttle = ProgressThrottle(progress, total)
    done = 0
    while not stop():
        indexed = in_transaction(conn, lambda: _index_batch(conn, with_words))
        if not indexed:
            break
        done += indexed
        throttle.update(done)
    throttle.finish(done)
    if done >= OPTIMIZE_AFTER and not stop():
        in_transaction(conn, lambda: conn.execute(_OPTIMIZE))
        # The merge rewrites the whole index through the WAL; give that space back.
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if not stop() and not fulltext_words.is_complete(conn):
        in_transaction(conn, lambda: fulltext_words.copy_vocabulary(conn))
    return FulltextBuild(indexed=done, stopped=stop())


def _index_batch(conn: sqlite3.Connection, with_words: bool) -> int:
    """Index one batch of pending articles (and add their words, when `with_words`)."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.description, a.tags, b.text FROM articles AS a "
        "JOIN bodies AS b ON b.id = a.id WHERE a.fts_done = 0 LIMIT ?",
        (BATCH_SIZE,),
    ).fetchall()
    values = [(i, *fulltext_values(t, d, tags, unpack_text(blob))) for i, t, d, tags, blob in rows]
    conn.executemany(
        "INSERT INTO fulltext (rowid, title, description, tags, body) VALUES (?, ?, ?, ?, ?)",
        values,
    )
    if with_words and values:
        fulltext_words.add_words_of(conn, values)
    conn.executemany("UPDATE articles SET fts_done = 1 WHERE id = ?", [(row[0],) for row in rows])
    return len(rows)


_VOCABULARY = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, fulltext, row)"


def words_starting(conn: sqlite3.Connection, starting: str) -> list[str]:
    """The index's distinct words that start with `starting`; [] on any error."""
    if ord(starting[-1]) >= 0x10FFFF:
        return []
    listed = fulltext_words.all_starting(conn, starting)
    if listed is not None:
        return listed
    following = starting[:-1] + chr(ord(starting[-1]) + 1)
    try:
        conn.execute(_VOCABULARY)
        rows = conn.execute(
            "SELECT term FROM temp.words WHERE term >= ? AND term < ?", (starting, following)
        ).fetchall()
    except sqlite3.Error:
        return []
    return [term for (term,) in rows]


def plain_texts(conn: sqlite3.Connection, paths: Sequence[str]) -> dict[str, str]:
    """The stored plain text of the articles at `paths` (the text their words were indexed
    from); a path without one is left out. {} on any error."""
    if not paths:
        return {}
    marks = ", ".join("?" * len(paths))
    try:
        rows = conn.execute(
            "SELECT a.path, b.text FROM articles AS a JOIN bodies AS b ON b.id = a.id "
            f"WHERE a.path IN ({marks})",
            [db_path(path) for path in paths],
        ).fetchall()
        return {path_from_db(path): unpack_text(blob) for path, blob in rows}
    except (sqlite3.Error, zlib.error, UnicodeDecodeError):
        return {}

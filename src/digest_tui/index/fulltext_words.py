"""The words the full-text index holds, in a table of their own, so that a typed prefix
is looked up as the few words it stands for.

FTS5 answers `"bat"*` by merging the article lists of every word starting with "bat"
into one before it returns a row: over 100 ms at a million articles, where
`"battery" OR "batch"` returns its newest matches at once. FTS5's own vocabulary table
(`fts5vocab`) knows the words, but counts each word's articles as it lists it, which
costs as much as the merge. So the words are copied into `fulltext_words`:

- after a build of many articles, from the vocabulary in one pass (about a second per
  100,000 articles);
- after a build of a few, from the vocabulary of a scratch FTS5 table holding only them,
  with the same tokenizer, so the words are exactly those the index made.

Words are never removed: a word no article holds any more matches nothing. The table is
only used while `meta` says it is complete; a build that is stopped or killed half-way
leaves it incomplete, and prefixes are then expanded by FTS5 itself until the next build.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

ADD_PER_BATCH_MOST = 2000
"""A build of up to this many articles adds their words batch by batch; a larger one
copies the whole vocabulary afterwards (tokenizing every batch twice would cost more)."""
EXPANSION_MOST = 48
"""A prefix standing for more words than this is left to FTS5: an OR of hundreds of words
gains nothing over its merge."""

_TOKENIZER = "unicode61 remove_diacritics 2"
"""The full-text table's tokenizer (`schema`); the scratch table must split alike."""
_COMPLETE_KEY = "fulltext_words"
_TABLE = "CREATE TABLE IF NOT EXISTS fulltext_words (word TEXT PRIMARY KEY) WITHOUT ROWID"
_VOCABULARY = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fulltext_vocabulary "
    "USING fts5vocab(main, fulltext, row)"
)
_SCRATCH = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.scratch_text "
    f"USING fts5(title, description, tags, body, content='', tokenize='{_TOKENIZER}')"
)
_SCRATCH_VOCABULARY = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.scratch_vocabulary "
    "USING fts5vocab(temp, scratch_text, row)"
)


def is_complete(conn: sqlite3.Connection) -> bool:
    """Whether the table holds every word of the full-text index."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_COMPLETE_KEY,)).fetchone()
    return row is not None and row[0] == "complete"


def mark_incomplete(conn: sqlite3.Connection) -> None:
    """Stop using the table until `copy_vocabulary` has run (inside a write transaction)."""
    conn.execute("DELETE FROM meta WHERE key = ?", (_COMPLETE_KEY,))


def copy_vocabulary(conn: sqlite3.Connection) -> None:
    """Copy every word of the full-text index and mark the table complete (inside a
    write transaction, so no article is indexed meanwhile)."""
    conn.execute(_TABLE)
    conn.execute(_VOCABULARY)
    conn.execute("INSERT OR IGNORE INTO fulltext_words SELECT term FROM temp.fulltext_vocabulary")
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'complete')", (_COMPLETE_KEY,)
    )


def add_words_of(conn: sqlite3.Connection, rows: Sequence[tuple]) -> None:
    """Add the words of `rows` (full-text table rows: rowid, then its four columns), as the
    full-text table's tokenizer makes them (inside the write transaction indexing them)."""
    conn.execute(_TABLE)
    conn.execute(_SCRATCH)
    conn.execute(_SCRATCH_VOCABULARY)
    conn.executemany(
        "INSERT INTO temp.scratch_text (rowid, title, description, tags, body) "
        "VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("INSERT OR IGNORE INTO fulltext_words SELECT term FROM temp.scratch_vocabulary")
    conn.execute("INSERT INTO temp.scratch_text (scratch_text) VALUES ('delete-all')")


def starting(conn: sqlite3.Connection, prefix: str) -> list[str] | None:
    """The index's words starting with `prefix`, or None when the table cannot tell: it is
    incomplete, the prefix is not plain ASCII letters and digits (whose folding the
    tokenizer alone knows), or it stands for more than `EXPANSION_MOST` words."""
    if not (prefix.isascii() and prefix.isalnum()):
        return None
    folded = prefix.lower()
    following = folded[:-1] + chr(ord(folded[-1]) + 1)
    try:
        if not is_complete(conn):
            return None
        words = [
            word
            for (word,) in conn.execute(
                "SELECT word FROM fulltext_words WHERE word >= ? AND word < ? LIMIT ?",
                (folded, following, EXPANSION_MOST + 1),
            )
        ]
    except sqlite3.Error:
        return None
    return None if len(words) > EXPANSION_MOST else words


def all_starting(conn: sqlite3.Connection, prefix: str) -> list[str] | None:
    """Every word of the index starting with `prefix` (as folded by the tokenizer), or None
    when the table is incomplete."""
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    try:
        if not is_complete(conn):
            return None
        rows = conn.execute(
            "SELECT word FROM fulltext_words WHERE word >= ? AND word < ?", (prefix, following)
        ).fetchall()
    except sqlite3.Error:
        return None
    return [word for (word,) in rows]

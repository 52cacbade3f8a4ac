"""`ArticleIndex`: the SQLite cache of one content folder's articles and full text."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

from digest_tui import paths
from digest_tui.article_columns import column_of
from digest_tui.index import schema, snapshot
from digest_tui.index.connections import Connections
from digest_tui.index.rows import (
    CACHED_ARTICLE_QUERY,
    CACHED_PROBLEM_QUERY,
    articles_from_rows,
    problems_from_rows,
)
from digest_tui.index.writes import IndexBusy, in_transaction
from digest_tui.model import Article, Problem

if TYPE_CHECKING:
    # Parsing and full-text code load on first use, keeping them out of the first frame.
    from digest_tui.index.changes import PathChanges
    from digest_tui.index.fulltext import FulltextBuild
    from digest_tui.index.refresh import RefreshResult

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


def _never() -> bool:
    return False


T = TypeVar("T")


class EarlyCopy(Generic[T]):
    """`read()` run on a thread of its own from now on; `result()` waits for it.

    None when it failed: the caller then reads again, in its own thread, and meets the
    error there.
    """

    def __init__(self, read: Callable[[], T]) -> None:
        self._read = read
        self._value: T | None = None
        self._thread = threading.Thread(target=self._run, name="early-copy", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._read()
        except Exception:
            self._value = None

    def result(self) -> T | None:
        """What `read()` gave (once: this object then lets go of it)."""
        self._thread.join()
        value, self._value = self._value, None
        return value


@dataclass(frozen=True, slots=True)
class IndexStats:
    """Counts and size of an index, for `check` output and diagnostics."""

    articles: int
    problems: int
    fulltext_pending: int
    fulltext_available: bool
    db_bytes: int


class ArticleIndex:
    """The cached metadata and full text of the articles under `content_dir`.

    Nothing is created until the first write. Each thread gets its own connection, so a
    background refresh never blocks searches from another thread (WAL mode).

    When the cache file cannot be opened or written (a read-only folder, a path below a
    regular file, a full disk), the index moves to memory for the rest of the run, starting
    from whatever valid copy the file holds, and `fallback` says why.
    """

    def __init__(
        self,
        content_dir: Path,
        db_file: Path | None = None,
        *,
        workers: int | None = None,
        pool_threshold: int | None = None,
    ) -> None:
        self.content_dir = Path(content_dir)
        self.db_file = Path(db_file) if db_file else paths.index_file(self.content_dir)
        self._workers = workers
        self._pool_threshold = pool_threshold
        """Files to parse before a process pool is worth it; None for the default."""
        self._db = Connections(self.db_file)

    def __enter__(self) -> ArticleIndex:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection this index opened (call when no thread is using it)."""
        self._db.close()

    def stop_queries(self) -> None:
        """Abort the queries running on any thread, and any begun later: the program is
        closing, and nobody waits for their answers (an aborted query answers nothing)."""
        self._db.stop_queries()

    @property
    def fallback(self) -> str | None:
        """Why this run keeps the index in memory instead of the cache file; None if it does not."""
        return self._db.fallback

    def cached(self) -> tuple[Sequence[Article], list[Problem]]:
        """The articles and problems from the last refresh, without looking at the folder.

        Like `loading.load_folder`, the problems include one non-fatal problem per warning
        of an article that loaded with fallbacks.
        """
        conn = self._db.get(write=False)
        if conn is None:
            return [], []
        try:
            articles: Sequence[Article] | None = snapshot.read(conn)
            if articles is None:
                articles = articles_from_rows(conn.execute(CACHED_ARTICLE_QUERY))
        except sqlite3.Error:
            return [], []
        return articles, self._problems_of(articles)

    def _stored_copy(self) -> tuple[Sequence[Article], list[Problem], bytes] | None:
        """What `cached()` gives, with the id of the warm-start copy it comes from; None
        when there is no copy (the table is not read: that is the slow way)."""
        conn = self._db.get(write=False)
        if conn is None:
            return None
        try:
            found = snapshot.read_with_id(conn)
        except sqlite3.Error:
            return None
        if found is None:
            return None
        articles, copy_id = found
        return articles, self._problems_of(articles), copy_id

    def _problems_of(self, articles: Sequence[Article]) -> list[Problem]:
        """The stored problems, plus one warning per fallback of these articles."""
        conn = self._db.get(write=False)
        try:
            problems = problems_from_rows(conn.execute(CACHED_PROBLEM_QUERY)) if conn else []
        except sqlite3.Error:
            problems = []
        paths = column_of(articles, "path")  # only the warned ones are read
        for number, warnings in enumerate(column_of(articles, "warnings")):
            for warning in warnings:
                problems.append(Problem(paths[number], warning, fatal=False))
        return problems

    def refresh(
        self,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
        fulltext: bool = True,
        known: Sequence[Article] | None = None,
        *,
        on_preview: Callable[[Sequence[Article]], None] | None = None,
    ) -> RefreshResult:
        """Parse new and changed files, forget vanished ones, and return the current library.

        `known` is the list the caller got from `cached()`: when the folder has not changed,
        the result hands that same list back instead of building a second copy of it.

        `on_preview(articles)` is called, from this thread and at most once, when there are
        many files to parse (more than the pool threshold, and at least half the folder, as
        on a first run): before the full parse starts, with a quick read of the whole folder
        in the order `cached()` will give once the refresh is done. Previewed articles have
        the fields the list shows and search reads (`loading.preview.PREVIEW_FIELDS`) as the
        full parse will give them; their words, links and warnings come with the full parse.

        `progress(done, total)` counts files to parse, then (with `fulltext`) articles to
        add to the full-text index. Never raises for a locked or broken database: the result
        says `stopped` and why in `error`.
        """
        from digest_tui.index.refresh import RefreshResult

        stop = should_stop or _never
        shown: list[bool] = []
        # Without `known`, the stored copy is read while the folder is checked: the check
        # mostly waits for its stat workers, and the copy is the answer if nothing changed.
        early = EarlyCopy(self._stored_copy) if known is None else None

        def preview_once(articles: Sequence[Article]) -> None:
            shown.append(True)
            on_preview(articles)  # type: ignore[misc]

        def reconcile() -> RefreshResult:
            # A second attempt (in memory, after a refused write) shows no second preview.
            hook = preview_once if on_preview is not None and not shown else None
            return self._reconcile(progress, stop, hook, known or ())

        try:
            result = self._db.writing(reconcile)
        except (sqlite3.Error, OSError, IndexBusy) as error:
            result = RefreshResult(stopped=True, error=_describe(error))
        finally:
            early_copy = early.result() if early is not None else None
        if result.stopped or result.added or result.changed or result.removed:
            early_copy = None  # out of date: let it go before the copy is written again
        if not result.stopped:
            self.save_snapshot()
        if fulltext and not result.stopped:
            built = self.build_fulltext(progress, stop)
            result.stopped = built.stopped
        unchanged = not (result.stopped or result.added or result.changed or result.removed)
        if known is not None and unchanged:
            result.articles, result.problems = known, self._problems_of(known)
        elif unchanged and early_copy is not None and self._is_current(early_copy[2]):
            result.articles, result.problems, _ = early_copy
        else:
            result.articles, result.problems = self.cached()
        return result

    def _is_current(self, copy_id: bytes) -> bool:
        """Whether the stored warm-start copy is still the one with this id (a copy written
        before copies had ids has an empty one, and is never taken to be)."""
        conn = self._db.get(write=False)
        try:
            return bool(copy_id) and conn is not None and snapshot.copy_id(conn) == copy_id
        except sqlite3.Error:
            return False

    def refresh_paths(
        self, paths: Iterable[str], fulltext: bool = True, snapshot: bool = True
    ) -> PathChanges:
        """Re-read only `paths` (relative, `/`-separated), as a folder watcher reports them.

        Each is taken as it is on disk now: parsed when new or changed, forgotten when gone
        or no longer listed. The full-text index follows, unless `fulltext` is false. With
        `snapshot` false the warm-start copy is left to `save_snapshot` (it takes a few
        seconds at 100,000 articles: worth doing once a burst of changes is over).
        Never raises for a locked or broken database: the result says why in `error`.
        """
        from digest_tui.index.changes import PathChanges, refresh_paths

        paths = list(paths)

        def apply() -> PathChanges:
            conn = self._db.writer()
            return refresh_paths(conn, self.content_dir, paths, schema.has_fulltext_table(conn))

        try:
            found = self._db.writing(apply)
        except (sqlite3.Error, OSError, IndexBusy) as error:
            return PathChanges(error=_describe(error))
        if found.paths:
            if snapshot:
                self.save_snapshot()
            if fulltext:
                self.build_fulltext()
        return found

    def _reconcile(
        self,
        progress: Progress | None,
        stop: ShouldStop,
        on_preview: Callable[[Sequence[Article]], None] | None = None,
        known: Sequence[Article] = (),
    ) -> RefreshResult:
        from digest_tui.index.parsing import POOL_THRESHOLD
        from digest_tui.index.refresh import RefreshOptions, reconcile

        threshold = POOL_THRESHOLD if self._pool_threshold is None else self._pool_threshold
        for attempt in (1, 2):
            try:
                conn = self._db.writer()
                options = RefreshOptions(self._workers, threshold, schema.has_fulltext_table(conn))
                known_paths = (article.path for article in known)  # a fresh one per attempt
                return reconcile(
                    conn, self.content_dir, options, progress, stop, on_preview, known_paths
                )
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError) or attempt == 2:
                    raise
                self._db.discard()  # corrupt: start again from an empty index
        raise AssertionError("unreachable")

    def save_snapshot(self) -> None:
        """Store the column-wise copy that `cached()` reads, unless it is already there
        (with the folder signatures that the next refresh's changed-file check trusts)."""
        try:
            conn = self._db.writer()
            if not snapshot.is_present(conn):
                in_transaction(conn, lambda: snapshot.write(conn))
            elif snapshot.folder_signatures(conn) is None:  # damaged, or an older kind
                in_transaction(conn, lambda: snapshot.renew_folder_signatures(conn))
        except (sqlite3.Error, OSError, IndexBusy):
            pass  # only a faster way to start; the articles table still answers

    def build_fulltext(
        self, progress: Progress | None = None, should_stop: ShouldStop | None = None
    ) -> FulltextBuild:
        """Add articles that have no full-text entry yet; meant for a background worker."""
        from digest_tui.index import fulltext

        try:

            def build() -> FulltextBuild:
                conn = self._db.writer()
                if not schema.has_fulltext_table(conn):
                    return fulltext.FulltextBuild(indexed=0, available=False)
                return fulltext.build_pending(conn, progress, should_stop)

            return self._db.writing(build)
        except (sqlite3.Error, OSError, IndexBusy):
            return fulltext.FulltextBuild(indexed=0, stopped=True)

    @property
    def fulltext_available(self) -> bool:
        """Whether full-text search can answer (FTS5 present and an index exists)."""
        conn = self._db.get(write=False)
        return conn is not None and schema.has_fulltext_table(conn)

    def fulltext(self, terms: str, limit: int | None = None) -> dict[str, float]:
        """Paths whose text holds every word of `terms` (the last as a prefix), by bm25.

        Scores are higher for better matches. Never raises; {} when nothing matches.
        """
        return self._query(self._words_query(terms), limit)

    def search(self, terms: str, limit: int | None = None) -> dict[str, float]:
        """`fulltext` for plain words, `search_phrase` for one `"quoted phrase"`.

        This is the `FullTextSearch` protocol the search layer uses.
        """
        return self._query(self.query_of(terms), limit)

    def query_of(self, terms: str) -> str | None:
        """The FTS5 query `search(terms)` runs (None: none, nothing matches). Typing a
        word's last letters often asks the same one ("kit" and "kite" both ask for kite
        or kites), so the search layer keeps its answers by it."""
        from digest_tui.index.fulltext import phrase_expression

        stripped = terms.strip()
        if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
            return phrase_expression(stripped[1:-1])
        return self._words_query(terms)

    def _words_query(self, terms: str) -> str | None:
        """The query for plain words: the last word's prefix asked for as the index's own
        words starting with it."""
        from digest_tui.index import fulltext_words
        from digest_tui.index.fulltext import words_expression

        conn = self._db.get(write=False)
        if conn is None:
            return None
        return words_expression(
            terms, words_for=lambda prefix: fulltext_words.starting(conn, prefix)
        )

    def search_phrase(self, phrase: str, limit: int | None = None) -> dict[str, float]:
        """Paths whose text holds the words of `phrase` in that order, by bm25."""
        from digest_tui.index.fulltext import phrase_expression

        return self._query(phrase_expression(phrase), limit)

    def _query(self, expression: str | None, limit: int | None) -> dict[str, float]:
        conn = self._db.get(write=False)
        if conn is None:
            return {}
        from digest_tui.index.fulltext import run_query

        return run_query(conn, expression, limit)

    def body_words(self, starting: str) -> list[str]:
        """The distinct words of the full-text index starting with `starting` (FTS5's own
        vocabulary, through an `fts5vocab` table on this connection); [] on any error."""
        conn = self._db.get(write=False)
        if conn is None or not starting:
            return []
        from digest_tui.index.fulltext import words_starting

        return words_starting(conn, starting)

    def plain_texts(self, paths: Sequence[str]) -> dict[str, str]:
        """The articles' plain text as stored when they were read, by path (a quick read:
        no file is opened or parsed); a path the index holds no text for is left out."""
        conn = self._db.get(write=False)
        if conn is None:
            return {}
        from digest_tui.index.fulltext import plain_texts

        return plain_texts(conn, paths)

    def stats(self) -> IndexStats:
        """Counts of articles, problems and pending full-text entries, and the file size."""
        size = sum(
            Path(f"{self.db_file}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{self.db_file}{suffix}").exists()
        )
        conn = self._db.get(write=False)
        if conn is None:
            return IndexStats(0, 0, 0, False, size)
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM problems), "
            "(SELECT count(*) FROM articles WHERE fts_done = 0)"
        ).fetchone()
        articles, problems, pending = counts
        return IndexStats(articles, problems, pending, schema.has_fulltext_table(conn), size)


def _describe(error: BaseException) -> str:
    if isinstance(error, IndexBusy):
        return str(error)
    return f"the index could not be updated: {error}"

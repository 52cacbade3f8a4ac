"""The quick list shown while a first index is built: previews of every file, on every core.

Previews start while the folder walk is still going: once the files to parse outnumber the
pool threshold and make up half of what the walk found so far (as on a first run), chunks go
to worker processes as they fill, so the other core reads files while this one walks.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from digest_tui.article_columns import ArticleColumns
from digest_tui.column_building import ColumnsBuilder
from digest_tui.index.workers import worker_pool
from digest_tui.loading.preview import preview_file_values
from digest_tui.long_lived import collector_paused_then_frozen
from digest_tui.model import Problem

CHUNK_SIZE = 500
"""Files per task: large enough that sending tasks costs nothing, small enough to start early."""

Columns = tuple
"""Articles as one tuple of values per Article field, in declaration order."""


def wants_preview(to_parse: int, in_folder: int, pool_threshold: int) -> bool:
    """Whether a refresh should show a preview first: many files to parse (more than the
    pool threshold), and at least half of the folder, as on a first run."""
    return to_parse > pool_threshold and to_parse * 2 >= in_folder


def preview_chunk(root: Path, paths: Sequence[str]) -> Columns:
    """The previews of these files as columns, files that are problems left out.

    Columns pickle with one object per value instead of one tuple per article as well.
    """
    values = [preview_file_values(root, path) for path in paths]
    return tuple(zip(*(found for found in values if not isinstance(found, Problem)), strict=True))


class PreviewStream:
    """Previews of the files a refresh will parse, offered one by one during the walk.

    Use as a context manager: leaving it stops the worker processes.
    """

    def __init__(
        self,
        root: Path,
        workers: int | None,
        pool_threshold: int,
        text_fields: Collection[str] = frozenset(),
    ) -> None:
        self._root = root
        self._found = ColumnsBuilder(text_fields)
        self._workers = workers if workers is not None else (os.cpu_count() or 1)
        self._threshold = pool_threshold
        self._paths: list[str] = []
        self._walked = 0
        self._sent = 0
        self._tasks: deque[tuple[int, int, Future | None]] = deque()
        """Chunks sent and not yet gathered, in offer order."""
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PreviewStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def offer(self, path: str, to_parse: bool) -> None:
        """Note one file the walk found; `to_parse` when it is new or changed."""
        self._walked += 1
        if not to_parse:
            return
        self._paths.append(path)
        if self._pool is None and self._workers > 1 and self._worth_starting():
            self._pool = worker_pool(self._workers)
        while self._pool is not None and len(self._paths) - self._sent >= CHUNK_SIZE:
            self._send(self._sent + CHUNK_SIZE)
            self._gather_done()

    def offer_unchanged(self, count: int) -> None:
        """Note `count` files the walk found unchanged, without naming them."""
        self._walked += count

    def _worth_starting(self) -> bool:
        return wants_preview(len(self._paths), self._walked, self._threshold)

    def _send(self, end: int) -> None:
        start, self._sent = self._sent, end
        future: Future | None = None
        if self._pool is not None:
            try:
                future = self._pool.submit(preview_chunk, self._root, self._paths[start:end])
            except BrokenProcessPool:
                future = None  # read here when collected
        self._tasks.append((start, end, future))

    def _gather_done(self) -> None:
        """Gather the first chunks already previewed: a chunk's values held as objects
        cost several times what they cost gathered, and a walk of a million files takes
        seconds."""
        while self._tasks and (future := self._tasks[0][2]) is not None and future.done():
            self._found.add(self._result(self._tasks.popleft()))

    def articles(self, should_stop: Callable[[], bool]) -> ArticleColumns | None:
        """Every offered file's preview, problems left out, newest first as the index
        lists them; kept as columns, the `text_fields` as their bytes.

        None when `should_stop()` turned true first.
        """
        if self._pool is None and self._workers > 1 and len(self._paths) > CHUNK_SIZE:
            self._pool = worker_pool(self._workers)
        for end in range(self._sent + CHUNK_SIZE, len(self._paths) + CHUNK_SIZE, CHUNK_SIZE):
            self._send(min(end, len(self._paths)))
        with collector_paused_then_frozen():
            while self._tasks:
                if should_stop():
                    return None
                self._found.add(self._result(self._tasks.popleft()))
            return self._found.built(newest_first=True)

    def _result(self, task: tuple[int, int, Future | None]) -> Columns:
        start, end, future = task
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                pass  # a worker died: read this chunk here instead
        return preview_chunk(self._root, self._paths[start:end])

    def close(self) -> None:
        """Stop the worker processes (queued chunks are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

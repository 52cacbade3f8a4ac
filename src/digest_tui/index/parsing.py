"""Parsing changed files into rows, in this process or on every core."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from digest_tui import loading
from digest_tui.index.rows import article_row, pack_text, problem_row
from digest_tui.index.workers import worker_pool
from digest_tui.loading.discover import stamp_of
from digest_tui.model import FileStamp, Problem

POOL_THRESHOLD = 2000
"""Below this many files to parse, starting worker processes costs more than it saves."""
CHUNK_SIZE = 100

ParsedFile = tuple
"""("article", article_row, packed_body) or ("problem", problem_row).

A file the walk did not stat that it would have rejected unopened (too large, gone) gives
a problem row without a stamp, as the walk's problems have.
"""


def parse_chunk(root: Path, stamps: Sequence[FileStamp]) -> list[ParsedFile]:
    """Parse files into ready-to-store rows (runs in worker processes too, so rows are small)."""
    parsed: list[ParsedFile] = []
    for unsure in stamps:
        stamp = stamp_of(root, unsure)
        if isinstance(stamp, Problem):
            parsed.append(("problem", problem_row(None, stamp)))
            continue
        loaded = loading.load_article(root, stamp.path)
        if isinstance(loaded, Problem):
            parsed.append(("problem", problem_row(stamp, loaded)))
        else:
            row = article_row(stamp, loaded.article)
            parsed.append(("article", row, pack_text(loaded.plain_text)))
    return parsed


def _chunks(stamps: Sequence[FileStamp], size: int) -> Iterator[Sequence[FileStamp]]:
    for start in range(0, len(stamps), size):
        yield stamps[start : start + size]


def parse_files(
    root: Path,
    stamps: Sequence[FileStamp],
    should_stop: Callable[[], bool],
    workers: int | None = None,
    pool_threshold: int = POOL_THRESHOLD,
) -> Iterator[list[ParsedFile]]:
    """Yield parsed chunks in order; stop early when `should_stop()` turns true.

    `workers=None` uses every core when there are more than `pool_threshold` files.
    """
    if should_stop():
        return
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(stamps) <= pool_threshold:
        yield from _parse_serially(root, stamps, should_stop)
        return
    yield from _parse_in_pool(root, stamps, should_stop, count)


def _parse_serially(
    root: Path, stamps: Sequence[FileStamp], should_stop: Callable[[], bool]
) -> Iterator[list[ParsedFile]]:
    for chunk in _chunks(stamps, CHUNK_SIZE):
        if should_stop():
            return
        yield parse_chunk(root, chunk)


def _parse_in_pool(
    root: Path, stamps: Sequence[FileStamp], should_stop: Callable[[], bool], workers: int
) -> Iterator[list[ParsedFile]]:
    # A bounded number of chunks in flight keeps memory flat when writing lags parsing.
    pending: deque[tuple[Sequence[FileStamp], Future]] = deque()
    chunks = _chunks(stamps, CHUNK_SIZE)
    leftover: list[Sequence[FileStamp]] = []
    with worker_pool(workers) as pool:
        try:
            for chunk in chunks:
                try:
                    pending.append((chunk, pool.submit(parse_chunk, root, chunk)))
                except BrokenProcessPool:
                    leftover.append(chunk)
                    break
                if len(pending) >= workers * 4:
                    if should_stop():
                        return
                    yield _next_result(root, pending)
            while pending:
                if should_stop():
                    return
                yield _next_result(root, pending)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    # Only reached with leftovers when the pool broke: finish them here.
    leftover.extend(chunks)
    for chunk in leftover:
        yield from _parse_serially(root, chunk, should_stop)


def _next_result(
    root: Path, pending: deque[tuple[Sequence[FileStamp], Future]]
) -> list[ParsedFile]:
    chunk, future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        # A worker died (out of memory, killed): parse this chunk here instead.
        return parse_chunk(root, chunk)

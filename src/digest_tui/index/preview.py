"""The quick list shown while a first index is built: previews of every file, on every core."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from digest_tui.index.parsing import pool_context
from digest_tui.loading.preview import preview_file
from digest_tui.model import Article, Problem

MIN_CHUNK = 200
CHUNKS_PER_WORKER = 6
"""Enough chunks that a worker finishing early finds more work, few enough to cost nothing."""

ArticleValues = tuple
"""An Article's fields in declaration order: what workers send back (plain tuples pickle fast)."""


def wants_preview(to_parse: int, in_folder: int, pool_threshold: int) -> bool:
    """Whether a refresh should show a preview first: many files to parse (more than the
    pool threshold), and at least half of the folder, as on a first run."""
    return to_parse > pool_threshold and to_parse * 2 >= in_folder


def preview_chunk(root: Path, paths: Sequence[str]) -> list[ArticleValues | None]:
    """The preview of each file as Article values, None for a file that is a problem."""
    values: list[ArticleValues | None] = []
    for path in paths:
        found = preview_file(root, path)
        values.append(None if isinstance(found, Problem) else _values(found))
    return values


def _values(article: Article) -> ArticleValues:
    a = article
    return (
        a.path,
        a.title,
        a.date,
        a.timestamp,
        a.modified,
        a.tags,
        a.description,
        a.draft,
        a.featured,
        a.author,
        a.image,
        a.source_name,
        a.source_url,
        a.first_link,
        a.words,
        a.warnings,
    )


def preview_articles(
    root: Path, paths: Sequence[str], should_stop: Callable[[], bool], workers: int | None = None
) -> list[Article] | None:
    """Previews of the files at `paths`, in that order, problems left out.

    Uses every core (`workers=None`) in forked processes. None when `should_stop()` turned
    true before the previews were complete.
    """
    count = workers if workers is not None else (os.cpu_count() or 1)
    size = max(MIN_CHUNK, math.ceil(len(paths) / (max(count, 1) * CHUNKS_PER_WORKER)))
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    if count <= 1 or len(chunks) <= 1:
        results = (preview_chunk(root, chunk) for chunk in chunks)
    else:
        results = _in_pool(root, chunks, count)
    articles: list[Article] = []
    for values in results:
        if should_stop():
            results.close()
            return None
        articles.extend(Article(*found) for found in values if found is not None)
    return articles


def _in_pool(
    root: Path, chunks: list[Sequence[str]], workers: int
) -> Iterator[list[ArticleValues | None]]:
    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) as pool:
        try:
            futures: list[Future | None] = []
            for chunk in chunks:
                try:
                    futures.append(pool.submit(preview_chunk, root, chunk))
                except BrokenProcessPool:
                    futures.append(None)
            for chunk, future in zip(chunks, futures, strict=True):
                yield _result(root, chunk, future)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _result(root: Path, chunk: Sequence[str], future: Future | None) -> list[ArticleValues | None]:
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
    return preview_chunk(root, chunk)  # a worker died: read this chunk here instead

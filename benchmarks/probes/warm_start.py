"""Warm start: cached articles to a searchable Library; then the changed-file check.

`cached` is the part of `ready` spent opening the index and reading its articles.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import subject
from benchmarks.timing import emit


def main() -> None:
    folder = Path(sys.argv[1])
    # Imports are not part of the timed work; the index package loads its modules on
    # first use of a name, so name the class.
    from digest_tui.index import ArticleIndex  # noqa: F401

    start = time.perf_counter()
    index = subject.open_index(folder)
    articles, _problems = index.cached()
    cached = time.perf_counter() - start
    library = subject.make_library(articles, index)
    subject.fuzzy(library, "k")
    ready = time.perf_counter() - start
    note = subject.LIBRARY_MISSING if library is None else ""
    start = time.perf_counter()
    result = index.refresh()
    check = time.perf_counter() - start
    emit(
        {
            "ready": ready,
            "cached": cached,
            "check": check,
            "articles": len(articles),
            "parsed": getattr(result, "parsed", None),
            "note": note,
        }
    )


if __name__ == "__main__":
    main()

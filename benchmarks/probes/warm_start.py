"""Warm start: cached articles to a searchable Library; then the changed-file check."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import subject
from benchmarks.timing import emit


def main() -> None:
    folder = Path(sys.argv[1])
    import digest_tui.index  # noqa: F401  imports are not part of the timed work

    start = time.perf_counter()
    index = subject.open_index(folder)
    articles, _problems = index.cached()
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
            "check": check,
            "articles": len(articles),
            "parsed": getattr(result, "parsed", None),
            "note": note,
        }
    )


if __name__ == "__main__":
    main()

"""Cold index: an empty cache to a list that is fuzzy-searchable; then the full-text build."""

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
    result, note = subject.refresh_metadata(index)
    library = subject.make_library(result.articles, index)
    if library is None:
        note = "; ".join(filter(None, [note, subject.LIBRARY_MISSING]))
    subject.fuzzy(library, "k")
    listed = time.perf_counter() - start
    start = time.perf_counter()
    subject.build_fulltext(index)
    fulltext = time.perf_counter() - start
    emit(
        {
            "list_ready": listed,
            "fulltext": fulltext,
            "articles": len(result.articles),
            "problems": len(result.problems),
            "note": note,
        }
    )


if __name__ == "__main__":
    main()

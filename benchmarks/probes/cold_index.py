"""Cold index: an empty cache to a fuzzy-searchable list, the full metadata index, full text.

The list is ready when the refresh hands over its quick preview and the `Library` over it
has answered the fuzzy query "k", as the reader does on a first run; the refresh then goes
on to parse every file and store the index (timed as `metadata`), and the full-text build
follows (`fulltext`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import subject
from benchmarks.timing import emit


def main() -> None:
    folder = Path(sys.argv[1])
    import digest_tui.index  # noqa: F401  imports are not part of the timed work

    listed: list[float] = []
    shown: list[int] = []
    notes: list[str] = []

    def on_list(articles: list) -> None:
        library = subject.make_library(articles)
        if library is None:
            notes.append(subject.LIBRARY_MISSING)
        subject.fuzzy(library, "k")
        listed.append(time.perf_counter() - start)
        shown.append(len(articles))

    start = time.perf_counter()
    index = subject.open_index(folder)
    result, note = subject.refresh_with_preview(index, on_list)
    metadata = time.perf_counter() - start
    start_fulltext = time.perf_counter()
    subject.build_fulltext(index)
    fulltext = time.perf_counter() - start_fulltext
    emit(
        {
            "list_ready": listed[0],
            "metadata": metadata,
            "fulltext": fulltext,
            "listed": shown[0],
            "articles": len(result.articles),
            "problems": len(result.problems),
            "note": "; ".join(filter(None, [note, *notes])),
        }
    )


if __name__ == "__main__":
    main()

"""Peak memory of the core layers: a warm start, the search data the reader prepares, and
one fuzzy and one full-text query."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from benchmarks import subject
from benchmarks.timing import emit


def main() -> None:
    index = subject.open_index(Path(sys.argv[1]))
    articles, _problems = index.cached()
    library = subject.make_library(articles, index)
    prepare = getattr(library, "prepare", None)
    if prepare is not None:
        prepare()  # as the reader does right after showing the list
    subject.fuzzy(library, "solar")
    subject.fulltext_search(index, "energy")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    note = subject.LIBRARY_MISSING if library is None else ""
    emit({"peak_mb": peak_kb / 1024, "articles": len(articles), "note": note})


if __name__ == "__main__":
    main()

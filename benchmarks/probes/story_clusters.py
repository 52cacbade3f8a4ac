"""Story clustering: the cached articles of a warm index to their clusters, timed once."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import subject
from benchmarks.timing import emit


def main() -> None:
    folder = Path(sys.argv[1])
    index = subject.open_index(folder)
    articles, _problems = index.cached()
    if not articles:  # run alone, before any row indexed this corpus
        result, _note = subject.refresh_metadata(index)
        articles = result.articles
    from digest_tui.clusters import story_clusters

    start = time.perf_counter()
    clusters = story_clusters(articles)
    seconds = time.perf_counter() - start
    emit(
        {
            "seconds": seconds,
            "articles": len(articles),
            "clusters": len(clusters),
            "clustered": clusters.clustered,
        }
    )


if __name__ == "__main__":
    main()

"""Peak memory of the reader itself: a warm start, its search data, typing and reading."""

from __future__ import annotations

import asyncio
import resource
import sys
from pathlib import Path

from benchmarks.probes.harness import SIZE, IndexWatch, build_app, wait_for_workers
from benchmarks.timing import emit

QUERIES = ("solar", "quantum chip", "energy")


async def measure(folder: Path) -> dict:
    """Run the real app headless until indexing settles, type queries, open an article."""
    app = build_app(folder)
    watch = IndexWatch()
    async with app.run_test(size=SIZE, message_hook=watch) as pilot:
        await watch.wait(app)
        shown = len(app.screen.articles.articles)
        for query in QUERIES:
            await pilot.press("slash", *("space" if c == " " else c for c in query))
            await wait_for_workers(app)
            await pilot.press("enter", "enter")
            await wait_for_workers(app)
            await pilot.press("escape", "slash", "escape")
            await wait_for_workers(app)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"peak_mb": peak_kb / 1024, "articles": shown}


def main() -> None:
    emit(asyncio.run(measure(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()

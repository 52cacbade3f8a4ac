"""Keystroke to repainted list: type queries into the real app's search box, headless."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from benchmarks.probes.harness import (
    SIZE,
    IndexWatch,
    PaintLog,
    build_app,
    wait_for_workers,
    wait_until,
)
from benchmarks.timing import emit

QUERIES = ("kite", "solar", "quantum chip")


async def _type(pilot, app, paints: PaintLog, sets: list[float]) -> dict[str, list[float]]:
    from textual.widgets import Input

    app.screen.query_one(Input).focus()
    await pilot.pause()
    rows_set, painted = [], []
    for query in QUERIES:
        for char in query:
            before = len(sets)
            start = time.perf_counter()
            await pilot.press("space" if char == " " else char)
            if not await wait_until(lambda n=before: len(sets) > n, timeout=10):
                continue
            await wait_until(lambda: paints.frame_after(sets[-1]) is not None, timeout=5)
            rows_set.append(sets[-1] - start)
            frame = paints.frame_after(sets[-1])
            if frame is not None:
                painted.append(frame - start)
        for _ in query:
            await pilot.press("backspace")
        await wait_for_workers(app)
        await pilot.pause()
    return {"rows_set": rows_set, "painted": painted}


async def measure(folder: Path) -> dict:
    """Per-keystroke timings over the queries, after indexing has settled."""
    app = build_app(folder)
    paints = PaintLog(app)
    indexed = IndexWatch()
    async with app.run_test(size=SIZE, message_hook=indexed) as pilot:
        # Typing starts once indexing has settled: no refresh or body-search build
        # competes with the keystrokes, and no late refilter replaces their rows.
        await indexed.wait(app)
        await pilot.pause()
        articles = app.screen.articles
        sets: list[float] = []
        original = articles.set_articles

        def set_articles(rows, **options):
            original(rows, **options)
            sets.append(time.perf_counter())

        articles.set_articles = set_articles
        shown = len(articles.articles)
        result = await _type(pilot, app, paints, sets)
        result["articles"] = shown
    return result


def main() -> None:
    emit(asyncio.run(measure(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()

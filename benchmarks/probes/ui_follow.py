"""Following the folder in the real app, headless: a written file to its row on screen, and
keystrokes while a burst of files arrives (a `git pull`).

The files are written into a `_live/` folder of the corpus and removed afterwards.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import threading
import time
from pathlib import Path

from benchmarks.probes.harness import SIZE, IndexWatch, PaintLog, build_app, wait_until
from benchmarks.timing import emit

ARRIVALS = 10
"""Files written one at a time for the arrival row."""
BURST = 5000
"""Files written at once while typing."""
QUERIES = ("kite", "solar", "quantum chip")


def _post(title: str) -> str:
    return f"---\ntitle: {title}\npubDatetime: 2030-01-01T00:00:00Z\ntags: [live]\n---\nBody.\n"


async def _arrivals(app, folder: Path, paints: PaintLog) -> list[float]:
    """Seconds from each file written to the first frame listing its row."""
    timings = []
    for number in range(ARRIVALS):
        path = f"_live/arrival-{number:03}.md"
        start = time.perf_counter()
        (folder / path).write_text(_post(f"Live arrival {number}"), encoding="utf-8")

        def listed(wanted: str = path) -> bool:
            return any(a.path == wanted for a in app.screen.articles.articles[:50])

        if not await wait_until(listed, timeout=30):
            continue
        shown = time.perf_counter()
        await wait_until(lambda moment=shown: paints.frame_after(moment) is not None, 5)
        frame = paints.frame_after(shown)
        timings.append((frame or shown) - start)
    return timings


async def _typing_in_a_burst(pilot, app, folder: Path, paints: PaintLog) -> list[float]:
    """Keystroke to the next frame, typed while `BURST` files are written and followed."""
    from textual.widgets import Input

    def burst() -> None:
        for number in range(BURST):
            (folder / f"_live/burst-{number:05}.md").write_text(_post(f"Burst {number}"))

    writer = threading.Thread(target=burst)
    writer.start()
    app.screen.query_one(Input).focus()
    await pilot.pause()
    latencies = []
    while writer.is_alive() or len(latencies) < 20:
        for query in QUERIES:
            for char in query:
                start = time.perf_counter()
                await pilot.press("space" if char == " " else char)
                await wait_until(lambda moment=start: paints.frame_after(moment) is not None, 5)
                frame = paints.frame_after(start)
                if frame is not None:
                    latencies.append(frame - start)
            for _ in query:
                await pilot.press("backspace")
    writer.join()
    return latencies


async def measure(folder: Path) -> dict:
    live = folder / "_live"
    shutil.rmtree(live, ignore_errors=True)
    live.mkdir()
    app = build_app(folder)
    paints = PaintLog(app)
    indexed = IndexWatch()
    try:
        async with app.run_test(size=SIZE, message_hook=indexed) as pilot:
            await indexed.wait(app)
            await wait_until(lambda: app.screen.follower.live is not None, 60)
            await asyncio.sleep(0.5)  # the watcher sets itself up on its own thread
            arrivals = await _arrivals(app, folder, paints)
            typing = await _typing_in_a_burst(pilot, app, folder, paints)
            shown = len(app.screen.articles.articles)
    finally:
        shutil.rmtree(live, ignore_errors=True)
    return {"arrival": arrivals, "typing": typing, "articles": shown}


def main() -> None:
    emit(asyncio.run(measure(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()

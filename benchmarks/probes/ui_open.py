"""Open an article in the real ReadingPane, headless: time to first screenful, and stalls."""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from benchmarks.corpus import END_MARK, START_MARK
from benchmarks.probes.harness import SIZE, PaintLog, StallMonitor, wait_until, watch_lines
from benchmarks.timing import emit


def split_body(text: str) -> str:
    """The Markdown body after the frontmatter fence."""
    return text.split("\n---\n", 1)[1]


def make_app():
    """A bare app holding one ReadingPane that fills the screen."""
    from textual.app import App, ComposeResult

    from digest_tui.tui.widgets.reading_pane import ReadingPane

    class PaneApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ReadingPane(id="reader")

    return PaneApp()


async def _open_once(app, pilot, paints, body: str, number: int) -> dict[str, float]:
    from digest_tui.model import Article

    pane = app.query_one("#reader")
    first = watch_lines(pane, lambda text: START_MARK in text)
    last = watch_lines(pane, lambda text: END_MARK in text)
    article = Article(path=f"bench/{number}.md", title=f"Benchmark post {number}", words=500)
    monitor = StallMonitor()
    monitor.start()
    start = time.perf_counter()
    pane.show(article, body)
    await wait_until(lambda: bool(first) and paints.frame_after(first[0]) is not None, 60)
    first_screen = paints.frame_after(first[0]) - start
    await wait_until(lambda: not pane.rendering, 120)
    complete = time.perf_counter() - start
    pane.scroll_end(animate=False)
    await wait_until(lambda: bool(last) and paints.frame_after(last[0]) is not None, 60)
    stall = monitor.stop()
    await pilot.pause()
    return {"first_screen": first_screen, "complete": complete, "stall": stall}


async def measure(path: Path, repeat: int) -> dict:
    """`repeat` opens, each of a fresh article path so no render cache helps."""
    body = split_body(path.read_text(encoding="utf-8"))
    app = make_app()
    paints = PaintLog(app)
    runs = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for number in range(repeat):
            runs.append(await _open_once(app, pilot, paints, body, number))
    return {key: [run[key] for run in runs] for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("article", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    emit(asyncio.run(measure(args.article, args.repeat)))


if __name__ == "__main__":
    main()

"""Launch to first frame (or to the list on screen), headless, then exit at once.

The parent passes its clock (`time.time()` just before spawning), so the figure covers
interpreter start-up, imports, building the app and its first frame.
"""

from __future__ import annotations

import argparse
import os
import time

SIZE = (120, 40)
DEADLINE = 60.0


def empty_app():
    """A Textual app with nothing in it: the yardstick."""
    from textual.app import App

    return App()


def reader_app(folder: str):
    """The reader on `folder`."""
    from pathlib import Path

    from benchmarks.probes.harness import build_app

    return build_app(Path(folder))


def listed(app) -> bool:
    """True once the reader's article list holds rows."""
    try:
        return len(app.screen.articles.articles) > 0
    except Exception:
        return False


def run(app, spawned: float, until: str) -> float:
    """Run `app` headless until the wanted frame; seconds since `spawned`."""
    seen: list[float] = []

    def hook() -> None:
        if not seen and (until == "frame" or listed(app)):
            seen.append(time.time() - spawned)
            app.exit()

    app.post_display_hook = hook
    app.call_later(lambda: app.set_timer(DEADLINE, app.exit))
    app.run(headless=True, size=SIZE)
    return seen[0] if seen else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spawned", type=float, required=True)
    parser.add_argument("--folder")
    parser.add_argument("--until", choices=("frame", "list"), default="frame")
    args = parser.parse_args()
    app = reader_app(args.folder) if args.folder else empty_app()
    seconds = run(app, args.spawned, args.until)
    from benchmarks.timing import emit  # imported late: not part of the timed start-up

    emit({"seconds": seconds})
    os._exit(0)  # do not wait for the reader's background indexing threads


if __name__ == "__main__":
    main()

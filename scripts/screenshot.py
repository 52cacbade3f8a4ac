"""Make the README screenshot: the reader on the bundled samples with an article open.

Runs the app headless at 120x40 with throwaway cache, data and config folders, so your own
reading state is neither used nor changed.

    python scripts/screenshot.py [OUTPUT.svg]      (default: docs/screenshot.svg)
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ARTICLE = "2025/11/agent-frameworks-compared-a-field-guide.md"
SIZE = (120, 40)


async def _shoot(output: Path) -> None:
    from textual.worker import WorkerCancelled, WorkerFailed

    from digest_tui.config import Config
    from digest_tui.index import ArticleIndex
    from digest_tui.paths import bundled_sample_dir
    from digest_tui.state import StateStore
    from digest_tui.tui.app import DigestApp

    content = bundled_sample_dir()
    with StateStore.for_folder(content) as state, ArticleIndex(content) as index:
        app = DigestApp(source=index, config=Config(), state=state)
        async with app.run_test(size=SIZE) as pilot:

            async def settle() -> None:
                for _ in range(8):
                    try:
                        await app.workers.wait_for_complete()
                    except (WorkerCancelled, WorkerFailed):
                        continue
                    await pilot.pause()

            await settle()
            app.screen.open_path(ARTICLE, focus=False)
            await settle()
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(app.export_screenshot(title="digest-tui"), encoding="utf-8")


def main() -> int:
    """Write the screenshot SVG; return the exit status."""
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshot.svg")
    with tempfile.TemporaryDirectory() as home:
        os.environ["DIGEST_TUI_CACHE_DIR"] = str(Path(home) / "cache")
        os.environ["DIGEST_TUI_DATA_DIR"] = str(Path(home) / "data")
        os.environ["DIGEST_TUI_CONFIG"] = str(Path(home) / "config.toml")
        asyncio.run(_shoot(output))
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

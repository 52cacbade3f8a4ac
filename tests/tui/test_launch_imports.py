"""The reader's first frame loads no core code it does not draw (the index worker does)."""

from __future__ import annotations

import json
import subprocess
import sys

DEFERRED = (
    "digest_tui.index.store",
    "digest_tui.loading",
    "digest_tui.search",
    "digest_tui.state",
    "digest_tui.render.blocks",
    "sqlite3",
    "yaml",
)


def _modules_after(code: str) -> set[str]:
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout))


def test_building_the_reader_leaves_the_core_for_after_the_first_frame(tmp_path) -> None:
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from digest_tui.config import Config\n"
        "from digest_tui.tui.app import DigestApp\n"
        f"DigestApp.for_folder(Path({str(tmp_path)!r}), Config())"
    )
    assert "textual.app" in loaded
    early = sorted(name for name in loaded if name.startswith(DEFERRED))
    assert early == []


def test_the_first_frame_is_drawn_before_the_core_loads(tmp_path) -> None:
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from digest_tui.config import Config\n"
        "from digest_tui.tui.app import DigestApp\n"
        f"app = DigestApp.for_folder(Path({str(tmp_path)!r}), Config())\n"
        "seen = []\n"
        "def first_frame():\n"
        "    if not seen:\n"
        "        seen.append(set(sys.modules))\n"
        "        app.exit()\n"
        "app.post_display_hook = first_frame\n"
        "app.run(headless=True, size=(100, 30))\n"
        "sys.modules = dict.fromkeys(seen[0])"
    )
    assert "textual.app" in loaded
    early = sorted(name for name in loaded if name.startswith(DEFERRED))
    assert early == []

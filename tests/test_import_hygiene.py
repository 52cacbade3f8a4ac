"""The core (loading, indexing, searching, state, rendering, CLI) never imports Textual."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "digest_tui.model",
    "digest_tui.loading",
    "digest_tui.index",
    "digest_tui.search",
    "digest_tui.clusters",
    "digest_tui.state",
    "digest_tui.config",
    "digest_tui.cli.main",
    "digest_tui.render",
    "digest_tui.render.blocks",
    "digest_tui.render.header",
    "digest_tui.render.lines",
    "digest_tui.render.link_rows",
]


def test_core_does_not_load_textual():
    program = "import sys\n"
    program += "".join(f"import {name}\n" for name in CORE_MODULES)
    program += "print('textual' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_show_renders_without_loading_textual(tmp_path):
    (tmp_path / "post.md").write_text("---\ntitle: T\n---\n# Hi\n\n<b>x</b> `y`\n", "utf-8")
    program = (
        "import os, sys\n"
        f"os.environ['DIGEST_TUI_CACHE_DIR'] = {str(tmp_path / 'cache')!r}\n"
        f"os.environ['DIGEST_TUI_DATA_DIR'] = {str(tmp_path / 'data')!r}\n"
        f"os.environ['DIGEST_TUI_CONFIG'] = {str(tmp_path / 'config.toml')!r}\n"
        "from digest_tui.cli.main import main\n"
        f"status = main(['show', 'post.md', {str(tmp_path)!r}])\n"
        "print('textual' in sys.modules, status)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False 0"

"""Saved views: `[views]` in the config file, run by `list --view NAME`."""

from __future__ import annotations

import json
import os
from pathlib import Path

from digest_tui.cli.main import main
from digest_tui.config import load_config


def write_config(text: str) -> Path:
    path = Path(os.environ["DIGEST_TUI_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_view_runs_its_query(content: Path, capsys):
    write_config('[views]\nai-only = "tag:ai -tag:chips"\n')
    assert main(["list", str(content), "--view", "ai-only", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["path"] for row in rows] == ["2025/06/kitchen-robots.md"]


def test_a_query_given_with_a_view_narrows_it(content: Path, capsys):
    write_config('[views]\nai = "tag:ai"\n')
    assert main(["list", str(content), "--view", "ai", "--query", "chips", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["path"] for row in rows] == ["2025/07/chip-deal.md"]


def test_an_unknown_view_is_one_line_naming_it_and_exit_2(content: Path, capsys):
    write_config('[views]\nai = "tag:ai"\n')
    assert main(["list", str(content), "--view", "releases"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert "'releases'" in line and "ai" in line


def test_views_that_are_not_query_strings_are_reported_and_skipped():
    path = write_config('[views]\nok = "kite"\nempty = "  "\nnumber = 3\n')
    config, errors = load_config(path)
    assert dict(config.views) == {"ok": "kite"}
    assert len(errors) == 2 and all("views." in error for error in errors)

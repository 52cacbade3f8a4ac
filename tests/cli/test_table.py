"""The terminal table lines up in cells: CJK and emoji titles take two cells per character."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from digest_tui.cli.main import main
from digest_tui.cli.output import column_widths

POSTS = {
    "tokyo.md": ("東京の新しい図書館が週末に開館しました、蔵書は百万冊を超える", "文化, 図書館"),
    "rocket.md": ("🚀 Rocket launch recap 🚀 and what comes next for the crew", "space"),
    "beijing.md": ("北京的自行车道延长了二十公里", "城市"),
    "plain.md": ("A plain English title", "misc"),
}


class Terminal(io.StringIO):
    """Standard output as a terminal: the CLI prints its aligned table."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def wide_titles(tmp_path: Path) -> Path:
    for name, (title, tags) in POSTS.items():
        (tmp_path / name).write_text(
            f'---\ntitle: "{title}"\npubDatetime: 2025-03-01\ntags: [{tags}]\n'
            f"---\n**Source:** [Wire](https://wire.example/{name})\n\nBody.\n",
            encoding="utf-8",
        )
    return tmp_path


def _table(monkeypatch, folder: Path, columns: int) -> list[str]:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["list", str(folder)]) == 0
    return terminal.getvalue().splitlines()


@pytest.mark.parametrize("columns", [80, 120, 200])
def test_wide_characters_keep_columns_aligned_and_inside_the_terminal(
    monkeypatch, wide_titles: Path, columns: int
):
    header, *rows = _table(monkeypatch, wide_titles, columns)
    assert len(rows) == len(POSTS)
    path_column = header.index("PATH")
    source_column = header.index("SOURCE")
    for row in [header, *rows]:
        assert cell_len(row) <= columns, row
    for row in rows:
        name = next(name for name in POSTS if row.endswith(name))
        assert cell_len(row[: row.index(name)]) == path_column, row
        assert cell_len(row[: row.index("Wire")]) == source_column, row
    assert any("東京" in row for row in rows)


def test_a_wide_terminal_shows_whole_cjk_titles(monkeypatch, wide_titles: Path):
    rows = _table(monkeypatch, wide_titles, 200)
    assert any(POSTS["tokyo.md"][0] in row for row in rows)


def test_the_widest_columns_give_way_first_and_the_title_takes_what_is_left():
    assert column_widths([10, 50, 20], [8, 12, 8], 100, flexible=1) == [10, 50, 20]
    assert column_widths([10, 50, 20], [8, 12, 8], 60, flexible=1) == [10, 30, 20]
    assert column_widths([10, 50, 40], [8, 12, 8], 61, flexible=1) == [10, 26, 25]
    assert column_widths([10, 50, 40], [8, 12, 8], 10, flexible=1) == [8, 12, 8]

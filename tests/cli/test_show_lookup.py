"""`digest-tui show` finds an article by path, file name or title, and says what is close."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest_tui.cli.main import main


@pytest.mark.parametrize(
    "name",
    [
        "2025/05/solar-kite.md",
        "solar-kite.md",
        "solar-kite",
        "05/solar-kite",
        "Solar Kite Sets Altitude Record",
        "solar kite sets ALTITUDE record",
        "SOLAR-KITE.MD",
    ],
)
def test_show_accepts_a_unique_file_name_or_title(content: Path, capsys, name: str):
    assert main(["show", name, str(content)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Solar Kite Sets Altitude Record\n")
    assert "The kite carried a small turbine." in out


def test_show_finds_drafts_and_page_bundles_by_name(tmp_path: Path, capsys):
    (tmp_path / "rack-notes").mkdir()
    (tmp_path / "rack-notes" / "index.md").write_text("---\ntitle: Rack Notes\n---\nRacks.\n")
    (tmp_path / "plan.md").write_text("---\ntitle: The Plan\ndraft: true\n---\nSecret plan.\n")
    assert main(["show", "rack-notes", str(tmp_path)]) == 0
    assert "Racks." in capsys.readouterr().out
    assert main(["show", "the plan", str(tmp_path)]) == 0
    assert "Secret plan." in capsys.readouterr().out


def test_an_exact_match_wins_over_one_that_ignores_case(tmp_path: Path, capsys):
    (tmp_path / "a.md").write_text("---\ntitle: Notes\n---\nUpper.\n")
    (tmp_path / "b.md").write_text("---\ntitle: notes\n---\nLower.\n")
    assert main(["show", "notes", str(tmp_path)]) == 0
    assert "Lower." in capsys.readouterr().out
    assert main(["show", "NOTES", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "names 2 articles: a.md, b.md" in err


def test_a_miss_lists_the_closest_paths(content: Path, capsys):
    assert main(["show", "kitchen robot", str(content)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("digest-tui: error: no article 'kitchen robot'")
    closest = captured.err.split("closest: ")[1].strip().split(", ")
    assert closest[0] == "2025/06/kitchen-robots.md"
    assert len(closest) <= 3

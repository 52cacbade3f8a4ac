"""`list --json` and `search --json` name each article's story cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest_tui.cli.main import main

POSTS = {
    "ledger/drone.md": (
        "Northwind unveils Zephyr 2 cargo drone",
        "2025-06-02T08:00:00Z",
        "Daily Ledger",
    ),
    "wire/drone.md": (
        "Report: Northwind launches Zephyr 2 cargo drone, sources say",
        "2025-06-03T10:00:00Z",
        "Orbital Wire",
    ),
    "signal/drone.md": (
        "NORTHWIND DEBUTS ZEPHYR 2 CARGO DRONE - The Signal",
        "2025-06-04T07:00:00Z",
        "The Signal",
    ),
    "ledger/headset.md": (
        "Northwind unveils Halo VR headset",
        "2025-06-03T09:00:00Z",
        "Daily Ledger",
    ),
    "wire/ferry.md": (
        "Ferry timetable changes for the summer season",
        "2025-06-03T12:00:00Z",
        "Orbital Wire",
    ),
    "ledger/later.md": (
        "Northwind launches Zephyr 2 cargo drone",
        "2025-07-20T08:00:00Z",
        "Daily Ledger",
    ),
}


@pytest.fixture
def digest(tmp_path: Path) -> Path:
    for path, (title, date, source) in POSTS.items():
        file = tmp_path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(
            f'---\ntitle: "{title}"\npubDatetime: {date}\n---\n\n'
            f"Text of the post.\n\n**Source:** [{source}](https://example.test/{path})\n",
            "utf-8",
        )
    return tmp_path


def clusters(capsys, *argv: str) -> dict[str, str | None]:
    assert main(list(argv)) == 0
    return {row["path"]: row["cluster"] for row in json.loads(capsys.readouterr().out)}


def test_list_json_gives_copies_of_a_story_their_earliest_copys_path(digest, capsys):
    found = clusters(capsys, "list", str(digest), "--json")
    assert found == {
        "ledger/drone.md": "ledger/drone.md",
        "wire/drone.md": "ledger/drone.md",
        "signal/drone.md": "ledger/drone.md",
        "ledger/headset.md": None,  # the same company's other product
        "wire/ferry.md": None,
        "ledger/later.md": None,  # the same headline weeks later is news again
    }


def test_a_limited_list_still_names_the_cluster(digest, capsys):
    found = clusters(capsys, "list", str(digest), "--json", "--until", "2025-06-30", "--limit", "1")
    assert found == {"signal/drone.md": "ledger/drone.md"}


def test_search_json_names_the_cluster_too(digest, capsys):
    found = clusters(capsys, "search", "zephyr", str(digest), "--json")
    assert found["wire/drone.md"] == "ledger/drone.md"
    assert found["ledger/later.md"] is None

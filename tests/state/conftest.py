"""Fixtures for the reader-state tests: a store in a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from digest_tui.state import StateStore


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """Where the store under test keeps its database (the folder does not exist yet)."""
    return tmp_path / "data" / "folder.state.sqlite3"


@pytest.fixture
def store(db_file: Path) -> Iterator[StateStore]:
    """An open store on a fresh database."""
    opened = StateStore.open(db_file)
    yield opened
    opened.close()

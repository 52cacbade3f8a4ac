"""Keep every test away from the developer's real config, cache, data and content."""

from __future__ import annotations

import pytest
from hypothesis import settings

from digest_tui import path_numbers
from digest_tui.search.engine import bits

# Property tests check behaviour, not speed: a loaded machine must not fail them on time.
settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point every user directory and the default content folder at fresh temporary paths."""
    home = tmp_path_factory.mktemp("user-dirs")
    monkeypatch.setenv("DIGEST_TUI_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("DIGEST_TUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("DIGEST_TUI_CONFIG", str(home / "config.toml"))
    monkeypatch.delenv("DIGEST_TUI_CONTENT", raising=False)
    return home


@pytest.fixture(scope="module", params=["plain", "numpy"])
def both_set_builders(request):
    """Runs a module's tests twice: with sets built one number at a time, story clusters
    folded path by path and paths looked up in a dict (small folders), and with NumPy
    and paths looked up by hash (folders of `bits.VECTOR_FROM` or
    `path_numbers.HASHED_FROM` articles or more)."""
    saved = bits.VECTOR_FROM, path_numbers.HASHED_FROM
    if request.param == "numpy":
        bits.VECTOR_FROM = path_numbers.HASHED_FROM = 0
    yield request.param
    bits.VECTOR_FROM, path_numbers.HASHED_FROM = saved

"""Fixtures shared by the search tests."""

import pytest

from digest_tui.search.engine import bits


@pytest.fixture(scope="module", params=["plain", "numpy"])
def both_set_builders(request):
    """Runs a module's tests twice: with sets built one number at a time (small folders)
    and with NumPy (folders of `bits.VECTOR_FROM` articles or more)."""
    saved = bits.VECTOR_FROM
    bits.VECTOR_FROM = 0 if request.param == "numpy" else saved
    yield request.param
    bits.VECTOR_FROM = saved

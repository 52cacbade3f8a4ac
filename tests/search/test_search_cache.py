"""The engine's one cache type stays within its bounds and drops the least recently used."""

from digest_tui.search.engine.cache import BoundedCache


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recently used
    cache.put("c", 3)
    assert cache.get("b") is None
    assert [key for key, _ in cache.newest()] == ["c", "a"]
    assert cache.latest() == 3


def test_weights_are_bounded_too_but_the_newest_entry_stays() -> None:
    cache: BoundedCache[str, tuple[int, ...]] = BoundedCache(10, weigh=len, most=5)
    cache.put("a", (1, 2, 3))
    cache.put("b", (4, 5))
    cache.put("c", (6, 7))
    assert cache.get("a") is None and len(cache) == 2
    cache.put("huge", tuple(range(50)))
    assert [key for key, _ in cache.newest()] == ["huge"]


def test_putting_a_key_again_replaces_its_value_and_weight() -> None:
    cache: BoundedCache[str, tuple[int, ...]] = BoundedCache(10, weigh=len, most=4)
    cache.put("a", (1, 2, 3))
    cache.put("a", (1,))
    cache.put("b", (2, 3, 4))
    assert cache.get("a") == (1,) and cache.get("b") == (2, 3, 4)

"""The lookup by path: every answer a dict of the same paths gives, kept in a dict for a
small list and by hash for a big one."""

from __future__ import annotations

import pytest

from digest_tui import path_numbers
from digest_tui.article_columns import TextColumn
from digest_tui.path_numbers import PathNumbers

PATHS = [
    "2025/11/northgate-halden.md",
    "2025/11/café-naïve.md",
    "東京/記事.md",
    "lone \udcff surrogate.md",
    "",
    "2024/01/a.md",
    "2024/01/b.md",
]


@pytest.fixture(params=["dict", "hashed"])
def way(request, monkeypatch):
    """Both ways of keeping the numbers: a big list's way is forced for a small one."""
    if request.param == "hashed":
        monkeypatch.setattr(path_numbers, "HASHED_FROM", 0)
    return request.param


@pytest.mark.parametrize("kept_as", [list, TextColumn.of])
def test_each_path_finds_its_number_and_no_other_path_finds_one(way, kept_as):
    paths = [f"{number // 10}/post-{number}.md" for number in range(500)] + PATHS
    numbers = PathNumbers(kept_as(paths))
    expected = dict(zip(paths, range(len(paths)), strict=True))
    assert len(numbers) == len(expected)
    assert all(numbers[path] == number for path, number in expected.items())
    assert list(numbers) == paths and set(numbers.keys()) == set(paths)
    for stranger in ("0/post-1000.md", "2025/11/northgate-halden", "/0/post-1.md", "Ä"):
        assert stranger not in numbers and numbers.get(stranger, -1) == -1
        with pytest.raises(KeyError):
            numbers[stranger]
    assert 17 not in numbers and numbers.get(None) is None
    asked = ["nope.md", paths[3], "東京/記事.md", "nope.md", paths[3]]
    assert numbers.numbers_of(asked) == [None, 3, expected["東京/記事.md"], None, 3]
    assert numbers.held(asked) == [3, expected["東京/記事.md"], 3]
    assert numbers.numbers_of([]) == [] and numbers.held(["x"]) == []


def test_an_empty_list_holds_no_path(way):
    numbers = PathNumbers([])
    assert len(numbers) == 0 and list(numbers) == [] and "a.md" not in numbers
    assert numbers.numbers_of(["a.md", ""]) == [None, None] and numbers.held([]) == []


def test_a_path_listed_twice_is_found_at_its_last_place_as_a_dict_has_it(way):
    paths = ["a.md", "b.md", "a.md", "c.md", "b.md", "a.md"]
    numbers = PathNumbers(paths)
    assert dict(numbers) == dict(zip(paths, range(len(paths)), strict=True))
    assert len(numbers) == 3 and sorted(numbers) == ["a.md", "b.md", "c.md"]
    assert numbers.numbers_of(["a.md", "b.md", "d.md"]) == [5, 4, None]


def test_paths_sharing_a_hash_are_told_apart(monkeypatch):
    """Different paths with one hash: a hash only picks candidates, the path decides."""
    monkeypatch.setattr(path_numbers, "HASHED_FROM", 0)
    colliding = [Colliding("a"), Colliding("b"), Colliding("a"), Colliding("c")]
    numbers = PathNumbers(colliding)
    assert len(numbers) == 3
    assert numbers.get(Colliding("a")) == 2 and numbers[Colliding("b")] == 1
    assert Colliding("d") not in numbers
    asked = [Colliding("c"), Colliding("d"), Colliding("b")]
    assert numbers.numbers_of(asked) == [3, None, 1]


class Colliding(str):
    """A path whose hash is every other's."""

    __slots__ = ()

    def __hash__(self) -> int:
        return 7

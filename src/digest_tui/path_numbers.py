"""Each article's number in a list, looked up by its path.

A dict of a million paths costs about 65 MB: its table, an int object per number, and
every path held decoded as a `str`. From `HASHED_FROM` paths on, `PathNumbers` finds a
number by the path's hash instead: the hashes sorted (eight bytes each) beside the number
of each (four), and the path at a candidate number read back from the list to confirm it.
That is 12 MB for a million, and the paths stay as the list keeps them (UTF-8 bytes, in
a `TextColumn`). Every answer is exact: a hash only picks the candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Any

from digest_tui.article_columns import TextColumn

if TYPE_CHECKING:
    import numpy
    from numpy.typing import NDArray

HASHED_FROM = 250_000
"""From this many paths on, numbers are found by hash rather than kept in a dict."""


class PathNumbers(Mapping[str, int]):
    """Each path of `paths` with its number there (a path listed twice: its last place,
    as a dict built from the list keeps it); iterated in list order."""

    __slots__ = ("_hashes", "_numbers", "_paths", "_plain", "_size")

    def __init__(self, paths: Sequence[str]) -> None:
        self._paths = paths
        self._plain: dict[str, int] | None = None
        if len(paths) < HASHED_FROM:
            self._plain = dict(zip(paths, range(len(paths)), strict=True))
            self._size = len(self._plain)
            return
        import numpy

        hashes = numpy.fromiter(map(hash, paths), numpy.int64, len(paths))
        order = numpy.argsort(hashes, kind="stable")  # equal hashes: numbers ascending
        self._hashes: NDArray[numpy.int64] = hashes[order]
        self._numbers: NDArray[numpy.uint32] = order.astype(numpy.uint32)
        self._size = len(paths) - len(self._earlier_listings())

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        if self._plain is not None:
            return iter(self._plain)
        earlier = self._earlier_listings()
        if not earlier:
            return iter(self._paths)
        kept = (number not in earlier for number in range(len(self._paths)))
        return compress(self._paths, kept)

    def __getitem__(self, path: str) -> int:
        number = self.get(path)
        if number is None:
            raise KeyError(path)
        return number

    def __contains__(self, path: object) -> bool:
        return self.get(path) is not None

    def get(self, path: object, default: Any = None) -> Any:
        """The number of `path`, or `default` when the list does not hold it."""
        if self._plain is not None:
            return self._plain.get(path, default)  # type: ignore[call-overload]
        if not isinstance(path, str):
            return default
        key = hash(path)
        number = self._confirmed(path, key, int(self._hashes.searchsorted(key)))
        return default if number is None else number

    def keys(self) -> KeysView[str]:
        """The paths held, as a set view."""
        return self._plain.keys() if self._plain is not None else KeysView(self)

    def numbers_of(self, paths: Sequence[str]) -> list[int | None]:
        """The number of each of `paths` (None for one the list does not hold), in order:
        looked up together, each candidate's path read back in one pass."""
        if self._plain is not None:
            return list(map(self._plain.get, paths))
        hashes, size = self._hashes, len(self._hashes)
        if not size or not paths:
            return [None] * len(paths)
        import numpy

        keys = numpy.fromiter(map(hash, paths), numpy.int64, len(paths))
        places = numpy.minimum(hashes.searchsorted(keys), size - 1)
        asked = numpy.flatnonzero(hashes[places] == keys)  # a path of that hash is held
        places = places[asked]
        numbers = self._numbers[places]
        found: list[int | None] = [None] * len(paths)
        stored = _read_at(self._paths, numbers)
        for at, number, path in zip(asked.tolist(), numbers.tolist(), stored, strict=True):
            if path == paths[at]:
                found[at] = number
        # Where the next entry shares the hash, the first one needs not be the path's.
        following = numpy.minimum(places + 1, size - 1)
        shared = (following > places) & (hashes[following] == keys[asked])
        for at, place in zip(asked[shared].tolist(), places[shared].tolist(), strict=True):
            path = paths[at]
            found[at] = self._confirmed(path, hash(path), place)
        return found

    def held(self, paths: Sequence[str]) -> list[int]:
        """The numbers of those of `paths` the list holds."""
        return [number for number in self.numbers_of(paths) if number is not None]

    def _confirmed(self, path: str, key: int, place: int) -> int | None:
        """The number of `path` among the entries of hash `key` from `place` on (the last
        listing of it), or None."""
        hashes, numbers, paths = self._hashes, self._numbers, self._paths
        found = None
        while place < len(hashes) and hashes[place] == key:
            number = int(numbers[place])
            if paths[number] == path:
                found = number
            place += 1
        return found

    def _earlier_listings(self) -> set[int]:
        """The numbers of the paths listed again later (in hashed form; almost always
        none, found among the few hashes that repeat)."""
        hashes, numbers, paths = self._hashes, self._numbers, self._paths
        repeats = (hashes[1:] == hashes[:-1]).nonzero()[0].tolist()
        earlier: set[int] = set()
        last_of: dict[str, int] = {}
        for place in repeats:  # `place` and `place + 1` share a hash (and a run, if next)
            if place == 0 or hashes[place - 1] != hashes[place]:
                last_of.clear()  # a new run of one hash starts here
                last_of[paths[int(numbers[place])]] = int(numbers[place])
            number = int(numbers[place + 1])  # numbers ascend within a run
            earlier_number = last_of.get(path := paths[number])
            if earlier_number is not None:
                earlier.add(earlier_number)
            last_of[path] = number
        return earlier

    def __repr__(self) -> str:
        return f"PathNumbers({self._size} paths)"


def _read_at(paths: Sequence[str], numbers: NDArray[numpy.uint32]) -> Iterable[str]:
    """The paths at `numbers`: a column of encoded paths copies their bytes and decodes
    them in runs, not one call per path."""
    if isinstance(paths, TextColumn):
        return paths.taken(numbers.astype("intp"))
    return map(paths.__getitem__, numbers.tolist())

"""Articles gathered in groups (story clusters), and each group's first member in a set.

Folding a list's story clusters asks, per keystroke, which clustered articles the list
holds, which of each cluster's is the earliest, and how many more it holds. Asked path by
path, that is a dictionary lookup, a sort and a count per listed article: most of a
keystroke at a million articles. Here each article's group and place are arrays indexed
by article number, so NumPy answers it for a whole set at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from digest_tui.path_numbers import PathNumbers
from digest_tui.search.engine import bits


class GroupIndex:
    """Which group each article of a catalog is in, and its place (earlier first)."""

    __slots__ = ("_group", "_place", "members")

    def __init__(
        self,
        numbers: PathNumbers,
        group_of: Mapping[str, str],
        place_of: Mapping[str, int],
        size: int,
    ) -> None:
        """`numbers`: the catalog's path to article number; `group_of` and `place_of`:
        each grouped path's group and place (paths outside the catalog are ignored)."""
        np = bits.numpy_module()
        grouped = list(group_of)
        held = [
            (path, number)
            for path, number in zip(grouped, numbers.numbers_of(grouped), strict=True)
            if number is not None
        ]
        paths = [path for path, _ in held]
        found = np.fromiter((number for _, number in held), np.int64, len(held))
        del grouped, held
        ids: dict[str, int] = {}
        groups = (ids.setdefault(group_of[path], len(ids)) for path in paths)
        self._group: Any = np.full(size, -1, np.int32)
        self._group[found] = np.fromiter(groups, np.int64, len(paths))
        self._place: Any = np.zeros(size, np.int32)
        self._place[found] = np.fromiter(map(place_of.__getitem__, paths), np.int64)
        self.members = bits.from_numbers(found, size)
        """Every grouped article (a `bits` set)."""

    def firsts(self, listed: int, size: int) -> tuple[Firsts, int]:
        """For the grouped articles of the set `listed`: the first (earliest placed) of
        each group holding two or more of them with how many more it holds, and the rest
        of every group's (a `bits` set: all but each group's first)."""
        np = bits.numpy_module()
        chosen = np.flatnonzero(bits.vector(listed & self.members, size))
        if not len(chosen):
            return Firsts(chosen, chosen), 0
        groups = self._group[chosen]
        order = np.lexsort((self._place[chosen], groups))
        chosen, groups = chosen[order], groups[order]
        starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
        counts = np.diff(np.append(starts, len(chosen)))
        several = counts > 1
        rest = np.ones(len(chosen), bool)
        rest[starts] = False
        hidden = bits.from_numbers(chosen[rest], size)
        firsts, more = chosen[starts[several]], counts[several] - 1
        by_number = np.argsort(firsts)
        return Firsts(firsts[by_number], more[by_number]), hidden


class Firsts:
    """The first article of each group of a set holding two or more (ascending numbers),
    and how many more of the group the set holds: looked up by number, not made a dict
    (a million-article list folds tens of thousands of groups a keystroke)."""

    __slots__ = ("_more", "numbers")

    def __init__(self, numbers: Any, more: Any) -> None:
        self.numbers = numbers
        """The first articles' numbers, ascending (a NumPy array)."""
        self._more = more

    def __len__(self) -> int:
        return len(self.numbers)

    def more(self, number: int) -> int | None:
        """How many more of its group the set holds, when `number` is a first; else None."""
        at = int(self.numbers.searchsorted(number))
        if at < len(self.numbers) and self.numbers[at] == number:
            return int(self._more[at])
        return None

"""Ranked article numbers whose later blocks are only ordered when someone looks at them.

A relevance ranking is a run of blocks: the best tiers are article sets listed newest
first at once, while a tier whose order needs real work (scattered-letter scores) is a
block computed on first access. The list shows the first screenful long before anybody
scrolls that far, so most searches never order the lower tiers at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain, islice
from threading import Lock
from typing import overload

from digest_tui.model import Article

Block = list[int] | Callable[[], list[int]]


class Ranked(Sequence[int]):
    """Article numbers in blocks; a block given as a function is computed when needed.

    Behaves as an immutable sequence (length, indexing, slicing, iteration). Safe to read
    from several threads: a block is computed at most once.
    """

    __slots__ = ("_blocks", "_lock", "_sizes")

    def __init__(self, blocks: Sequence[tuple[int, Block]]) -> None:
        """`blocks`: (how many numbers, the numbers or a function returning them)."""
        self._sizes = [size for size, _ in blocks if size]
        self._blocks: list[Block] = [block for size, block in blocks if size]
        self._lock = Lock()

    def __len__(self) -> int:
        return sum(self._sizes)

    def _block(self, index: int) -> list[int]:
        block = self._blocks[index]
        if callable(block):
            with self._lock:
                block = self._blocks[index]
                if callable(block):
                    block = block()
                    self._blocks[index] = block
        return block

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(map(self._block, range(len(self._blocks))))

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step > 0:
                return list(islice(self, start, stop, step))
            return list(self)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("ranked index out of range")
        for number, size in enumerate(self._sizes):
            if index < size:
                return self._block(number)[index]
            index -= size
        raise IndexError("ranked index out of range")  # pragma: no cover - sizes add up


class RankedArticles(Sequence[Article]):
    """The articles at `Ranked` positions of a catalog, as an immutable sequence."""

    __slots__ = ("_articles", "_numbers")

    def __init__(self, numbers: Ranked, articles: Sequence[Article]) -> None:
        self._numbers = numbers
        self._articles = articles

    def __len__(self) -> int:
        return len(self._numbers)

    def __iter__(self) -> Iterator[Article]:
        return map(self._articles.__getitem__, self._numbers)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Article, ...]: ...

    def __getitem__(self, index: int | slice) -> Article | tuple[Article, ...]:
        if isinstance(index, slice):
            return tuple(map(self._articles.__getitem__, self._numbers[index]))
        return self._articles[self._numbers[index]]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<RankedArticles {len(self)}>"

"""Relevance order: the tiers of a query's matches, as ranked article numbers whose later
blocks are only ordered when someone looks at them.

A relevance ranking is a run of blocks: the best tiers are article sets listed newest
first at once, while a tier whose order needs real work (scattered-letter scores) is a
block computed on first access. The list shows the first screenful long before anybody
scrolls that far, so most searches never order the lower tiers at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import chain
from operator import indexOf
from threading import RLock
from typing import Any, overload

from digest_tui.article_columns import MappedColumn, articles_at, column_of, row_of_path
from digest_tui.model import Article
from digest_tui.search.engine import bits
from digest_tui.search.engine.matches import Matches

LAZY_PREFIX = 256
"""A set block is listed member by member up to this far; reading further lists it all."""
SCATTERED_WINDOW = 20_000
"""The most scattered-letter matches ordered by how tight their letters lie. Scoring one
runs a regex over its title, so a few letters spread through a third of a million titles
took a second; beyond this many, the newest are ordered and the rest follow newest first,
as a full-text query scores only its newest matches."""


class SetBlock:
    """A block given as a `bits` set, listed only as far as it is read (the first rows
    of a large tier cost a few finds, not a walk over every article)."""

    __slots__ = ("_bits", "_complete", "_listed", "_size", "count")

    def __init__(self, members: int, size: int) -> None:
        self._bits = members
        self._size = size
        self.count = members.bit_count()
        self._listed: list[int] = []
        self._complete = False

    def prefix(self, count: int) -> list[int]:
        """At least the first `count` numbers (all of them when there are fewer)."""
        listed = self._listed
        if len(listed) >= count or self._complete:
            return listed
        if count > LAZY_PREFIX:
            return self.every()
        start = listed[-1] + 1 if listed else 0
        wanted = max(count, min(2 * len(listed), LAZY_PREFIX)) - len(listed)
        listed.extend(bits.first_members(self._bits, self._size, wanted, start))
        self._complete = len(listed) == self.count
        return listed

    def every(self) -> list[int]:
        """Every number of the block, ascending."""
        if not self._complete:
            self._listed = bits.members(self._bits, self._size)
            self._complete = True
        return self._listed


Block = list[int] | Callable[[], list[int]] | SetBlock


class Ranked(Sequence[int]):
    """Article numbers in blocks; a block given as a function is computed when needed,
    one given as a `SetBlock` listed as far as it is read.

    Behaves as an immutable sequence (length, indexing, slicing, iteration). Safe to read
    from several threads: a block is computed at most once.
    """

    __slots__ = ("_blocks", "_lock", "_sizes")

    def __init__(self, blocks: Sequence[tuple[int, Block]]) -> None:
        """`blocks`: (how many numbers, the numbers or a function returning them)."""
        self._sizes = [size for size, _ in blocks if size]
        self._blocks: list[Block] = [block for size, block in blocks if size]
        self._lock = RLock()

    def __len__(self) -> int:
        return sum(self._sizes)

    def _block(self, index: int) -> list[int]:
        return self._prefix(index, self._sizes[index])

    def _prefix(self, index: int, count: int) -> list[int]:
        """At least the first `count` numbers of block `index`, or all it has."""
        block = self._blocks[index]
        if isinstance(block, list):
            return block
        with self._lock:
            block = self._blocks[index]
            if isinstance(block, SetBlock):
                return block.prefix(count)
            if callable(block):
                block = block()
                self._blocks[index] = block
        return block

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(map(self._block, range(len(self._blocks))))

    def _head(self, stop: int) -> list[int]:
        """The first `stop` numbers."""
        head: list[int] = []
        for index, size in enumerate(self._sizes):
            wanted = stop - len(head)
            if wanted <= 0:
                break
            head += self._prefix(index, min(wanted, size))[:wanted]
        return head

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step > 0:
                return self._head(stop)[start:stop:step]
            return list(self)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("ranked index out of range")
        for number, size in enumerate(self._sizes):
            if index < size:
                return self._prefix(number, index + 1)[index]
            index -= size
        raise IndexError("ranked index out of range")  # pragma: no cover - sizes add up


class RankedArticles(Sequence[Article]):
    """The articles at `Ranked` positions of a catalog (or at any list of its numbers), as
    an immutable sequence; each read when asked for."""

    __slots__ = ("_articles", "_numbers")

    def __init__(self, numbers: Ranked | Sequence[int], articles: Sequence[Article]) -> None:
        self._numbers = numbers
        self._articles = articles

    def __len__(self) -> int:
        return len(self._numbers)

    def __iter__(self) -> Iterator[Article]:
        return map(self._articles.__getitem__, self._numbers)

    def column(self, name: str) -> Sequence[Any]:
        """Field `name` of each listed article, in order, read from the catalog's column
        (no `Article` is built)."""
        return MappedColumn(column_of(self._articles, name).__getitem__, self._numbers)

    def index_of_path(self, path: str) -> int:
        """Where the article at `path` is listed (ValueError when it is not): found in
        the catalog's paths first, then its number among the listed ones."""
        number = row_of_path(column_of(self._articles, "path"), path)
        if number is None:
            raise ValueError(f"no article at {path!r}")
        return indexOf(self._numbers, number)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Article, ...]: ...

    def __getitem__(self, index: int | slice) -> Article | tuple[Article, ...]:
        if isinstance(index, slice):
            return tuple(articles_at(self._articles, self._numbers[index]))
        return self._articles[self._numbers[index]]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<RankedArticles {len(self)}>"


def by_relevance(
    size: int,
    chosen: int,
    matches: Matches,
    extra: dict[int, float],
    corrected: dict[int, float],
) -> Sequence[int]:
    """The relevance tiers: every word as typed (by score), then words found in the body
    (by rank), then words found with a typo corrected (in a title or tag, then in a body),
    then letters spread out in a title; ties newest first.

    Numbers ascend from the newest article, so sorting by number breaks ties newest first.
    """
    selector = bits.mask(chosen, size)
    body = _by_rank(extra, selector)
    body_corrected = _by_rank(corrected, selector)
    in_body = bits.from_numbers(body, size) | bits.from_numbers(body_corrected, size)
    scattered = matches.scattered & chosen & ~in_body
    title_corrected = matches.typos & chosen & ~in_body & ~scattered
    exact = matches.exact & chosen & ~in_body
    blocks = _scored(matches, exact, size)
    blocks.append((len(body), body))
    blocks += _scored(matches, title_corrected, size)
    blocks.append((len(body_corrected), body_corrected))
    if scattered:
        blocks += _scattered(matches, scattered, size)
    return Ranked(blocks)


def _scattered(matches: Matches, scattered: int, size: int) -> list[tuple[int, Block]]:
    """The scattered-letter block: the newest `SCATTERED_WINDOW` matches by score, then
    any beyond them newest first."""
    count = scattered.bit_count()
    if count <= SCATTERED_WINDOW:
        return [(count, lambda: _by_score(matches, scattered, size))]

    @cache
    def newest_and_rest() -> tuple[int, int]:
        last = bits.first_members(scattered, size, SCATTERED_WINDOW)[-1]
        return bits.split(scattered, last + 1)

    return [
        (SCATTERED_WINDOW, lambda: _by_score(matches, newest_and_rest()[0], size)),
        (count - SCATTERED_WINDOW, lambda: bits.members(newest_and_rest()[1], size)),
    ]


def _by_rank(ranks: dict[int, float], selector: bytes) -> list[int]:
    """The articles of `ranks` within `selector`, best rank first, ties newest first."""
    ranked = sorted(n for n in ranks if selector[n])
    ranked.sort(key=ranks.__getitem__, reverse=True)
    return ranked


def _scored(matches: Matches, among: int, size: int) -> list[tuple[int, Block]]:
    """Blocks of the matches within `among` (none by scattered letters), best score first."""
    if not among:
        return []
    if len(matches.words) == 1:
        word = matches.words[0]
        return [_members(members & among, size) for _score, members in (*word.levels, *word.below)]
    tiers = matches.tiers(among)
    if tiers is not None:
        return [_members(members, size) for members in tiers]
    return [(among.bit_count(), _by_score(matches, among, size))]


def _members(members: int, size: int) -> tuple[int, Block]:
    """A block of `members`, listed only as far as the ranking is read."""
    block = SetBlock(members, size)
    return block.count, block


def _by_score(matches: Matches, among: int, size: int) -> list[int]:
    """The matches within `among` by total score, best first (scattered letters are scored
    when first needed)."""
    scores = matches.scores(among)
    numbers = sorted(scores)
    # Stable even reversed: equal scores stay newest first.
    numbers.sort(key=scores.__getitem__, reverse=True)
    return numbers

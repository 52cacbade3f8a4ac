"""Sets of article numbers as Python ints, one byte per article.

Article `n` is a member when byte `n` (little-endian) of the int is 1. Set operations are
then single C-level int operations (`&`, `|`, `& ~`), the size is `int.bit_count()`, and
turning a set back into numbers or articles is `itertools.compress` over the int's bytes:
no Python-level work per member, which matters at 100,000 articles per keystroke.

Listing a set that way walks every article (about a millisecond at 100,000), so a sparse
set is listed by finding its member bytes instead, and `SetNumbers` remembers the member
numbers of recent sparse sets: a search lists the same few sets for several fields, and
the next keystroke lists the last one's answers again.

From `VECTOR_FROM` articles on, sets are built from many numbers and listed when dense
with NumPy: a search at a million articles turns hundreds of thousands of numbers into a
set, and setting their bytes one call at a time cost a tenth of a second (for a few
numbers, the plain way is quicker). Smaller folders never load it.
"""

from __future__ import annotations

import re
from array import array
from collections import deque
from collections.abc import Iterable, Sequence, Sized
from functools import cache
from itertools import compress, repeat
from types import ModuleType

from digest_tui.search.engine.cache import NUMBERS_KEPT, SET_NUMBERS, BoundedCache

_MEMBER = re.compile(b"\x01")
_FIND_SHARE = 5
"""Sets with fewer members than one article in this many are listed by finding members."""
_KEEP_SHARE = 3
"""Only the numbers of sets with fewer members than one article in this many are kept."""
VECTOR_FROM = 50_000
"""Sets of this many articles or more are built and listed with NumPy."""


def full(size: int) -> int:
    """The set of every article number below `size`."""
    return int.from_bytes(b"\x01" * size, "little")


def from_flags(flags: Iterable[bool]) -> int:
    """The set of positions whose flag is true (`flags` covers every article)."""
    return int.from_bytes(bytes(flags), "little")


def from_numbers(numbers: Iterable[int], size: int) -> int:
    """The set of `numbers` (each below `size`); an `array` of them is read fastest."""
    if size >= VECTOR_FROM and not (isinstance(numbers, Sized) and len(numbers) < size // 64):
        return _vector_from_numbers(numbers, size)
    mask = bytearray(size)
    deque(map(mask.__setitem__, numbers, repeat(1)), maxlen=0)
    return int.from_bytes(mask, "little")


SPARSE_SHARE = 8
"""Numbers of fewer than one article in this many are kept as an array (four bytes each)
rather than as a set (a byte per article): a folder's many rare tags or categories then
cost memory by their articles, not each by the folder's size."""

Kept = int | Sequence[int]
"""A set, or the member numbers of a sparse one (see `kept`)."""


def kept(numbers: Sequence[int], size: int) -> Kept:
    """The set of `numbers`, or for a sparse set the numbers as a compact array, to be
    made a set when asked for (`from_kept`)."""
    if len(numbers) * SPARSE_SHARE >= size:
        return from_numbers(numbers, size)
    return array("i", numbers) if isinstance(numbers, list) else numbers


def from_kept(found: Kept, size: int) -> int:
    """The set that `kept` kept."""
    return found if isinstance(found, int) else from_numbers(found, size)


def mask(bits: int, size: int) -> bytes:
    """One byte per article, 1 for members: a selector for `itertools.compress`."""
    return bits.to_bytes(size, "little")


def members(bits: int, size: int) -> list[int]:
    """The member numbers in ascending order (see `SetNumbers` for remembered ones)."""
    selector = mask(bits, size)
    if bits.bit_count() * _FIND_SHARE < size:
        return list(map(re.Match.start, _MEMBER.finditer(selector)))
    if size >= VECTOR_FROM:
        np = numpy_module()
        return np.flatnonzero(np.frombuffer(selector, np.uint8)).tolist()
    return list(compress(range(size), selector))


def first_members(bits: int, size: int, count: int, start: int = 0) -> list[int]:
    """Up to `count` member numbers from `start` on, ascending (cheap for a few)."""
    found: list[int] = []
    if count <= 0:
        return found
    selector = mask(bits, size)
    find = selector.find
    position = find(1, start)
    while position >= 0:
        found.append(position)
        if len(found) == count:
            break
        position = find(1, position + 1)
    return found


@cache
def numpy_module() -> ModuleType:
    """NumPy, loaded on first use (by the first big set): small folders start without it."""
    import numpy

    return numpy


def _vector_from_numbers(numbers: Iterable[int], size: int) -> int:
    np = numpy_module()
    if isinstance(numbers, np.ndarray):
        found = numbers
    elif isinstance(numbers, array):
        found = np.frombuffer(numbers, numbers.typecode)
    elif isinstance(numbers, (list, tuple, range)):
        found = np.fromiter(numbers, np.int64, len(numbers))
    else:
        found = np.fromiter(numbers, np.int64)
    selector = np.zeros(size, np.uint8)
    selector[found] = 1
    return int.from_bytes(selector.data, "little")


def contains(bits: int, number: int) -> bool:
    """True when `number` is a member."""
    return bool(bits >> (8 * number) & 1)


class SetNumbers:
    """The member numbers of recent sparse sets of one catalog, so that listing a set a
    search made moments ago costs nothing (the `set_numbers` cache)."""

    __slots__ = ("_kept", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        """How many articles the sets are drawn from."""
        # Keyed by the set's identity: a 100,000-byte int costs tens of microseconds to
        # hash. The entry holds the set itself, so its identity is not reused meanwhile.
        self._kept: BoundedCache[int, tuple[int, tuple[int, ...]]] = BoundedCache(
            SET_NUMBERS, weigh=lambda entry: len(entry[1]), most=NUMBERS_KEPT
        )

    def members(self, bits: int) -> list[int]:
        """The member numbers in ascending order."""
        known = self._known(bits)
        return list(known) if known is not None else members(bits, self.size)

    def numbers_of(self, bits: int) -> Sequence[int]:
        """The member numbers in ascending order, remembered when the set is sparse."""
        known = self._known(bits)
        if known is not None:
            return known
        numbers = tuple(members(bits, self.size))
        self._remember(bits, numbers)
        return numbers

    def from_ascending(self, numbers: Sequence[int]) -> int:
        """The set of `numbers` (ascending, no repeats), its numbers remembered."""
        found = from_numbers(numbers, self.size)
        self._remember(found, numbers)
        return found

    def intersection(self, first: int, second: int) -> int:
        """`first & second`; when the numbers of either are remembered, those of the
        answer are too (picked from them rather than listed anew)."""
        found = first & second
        known, other = self._known(first), second
        if known is None:
            known, other = self._known(second), first
        if known is not None and found:
            selector = mask(other, self.size)
            self._remember(found, tuple(compress(known, map(selector.__getitem__, known))))
        return found

    def _known(self, bits: int) -> tuple[int, ...] | None:
        entry = self._kept.get(id(bits))
        return entry[1] if entry is not None and entry[0] is bits else None

    def _remember(self, bits: int, numbers: Sequence[int]) -> None:
        if len(numbers) * _KEEP_SHARE >= self.size or self._known(bits) is not None:
            return
        self._kept.put(id(bits), (bits, tuple(numbers)))

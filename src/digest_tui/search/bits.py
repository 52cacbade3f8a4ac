"""Sets of article numbers as Python ints, one byte per article.

Article `n` is a member when byte `n` (little-endian) of the int is 1. Set operations are
then single C-level int operations (`&`, `|`, `& ~`), the size is `int.bit_count()`, and
turning a set back into numbers or articles is `itertools.compress` over the int's bytes:
no Python-level work per member, which matters at 100,000 articles per keystroke.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from typing import TypeVar

Item = TypeVar("Item")


def full(size: int) -> int:
    """The set of every article number below `size`."""
    return int.from_bytes(b"\x01" * size, "little")


def from_flags(flags: Iterable[bool]) -> int:
    """The set of positions whose flag is true (`flags` covers every article)."""
    return int.from_bytes(bytes(flags), "little")


def from_numbers(numbers: Iterable[int], size: int) -> int:
    """The set of `numbers` (each below `size`)."""
    mask = bytearray(size)
    deque(map(mask.__setitem__, numbers, repeat(1)), maxlen=0)
    return int.from_bytes(mask, "little")


def mask(bits: int, size: int) -> bytes:
    """One byte per article, 1 for members: a selector for `itertools.compress`."""
    return bits.to_bytes(size, "little")


def members(bits: int, size: int) -> list[int]:
    """The member numbers in ascending order."""
    return list(compress(range(size), mask(bits, size)))


_recent_numbers: tuple[tuple[int, tuple[int, ...]], ...] = ()
RECENT_SETS = 4


def numbers_of(bits: int, size: int) -> tuple[int, ...]:
    """The member numbers in ascending order, as `members`; the last few answers are
    kept, as one search asks about the same few sets for several fields."""
    global _recent_numbers
    recent = _recent_numbers
    for known, numbers in recent:
        if known is bits:  # the cache holds `known`, so its identity is not reused
            return numbers
    numbers = tuple(compress(range(size), mask(bits, size)))
    # One assignment: another thread sees the old answers or the new ones, whole.
    _recent_numbers = ((bits, numbers), *recent[: RECENT_SETS - 1])
    return numbers


def pick(items: Sequence[Item], bits: int) -> list[Item]:
    """The items at member positions, in order (`items` has one item per article)."""
    return list(compress(items, mask(bits, len(items))))


def contains(bits: int, number: int) -> bool:
    """True when `number` is a member."""
    return bool(bits >> (8 * number) & 1)

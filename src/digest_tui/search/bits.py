"""Sets of article numbers as Python ints, one byte per article.

Article `n` is a member when byte `n` (little-endian) of the int is 1. Set operations are
then single C-level int operations (`&`, `|`, `& ~`), the size is `int.bit_count()`, and
turning a set back into numbers or articles is `itertools.compress` over the int's bytes:
no Python-level work per member, which matters at 100,000 articles per keystroke.

Listing a set that way walks every article (about a millisecond at 100,000), so a sparse
set is listed by finding its member bytes instead, and the member numbers of recent
sparse sets are remembered: a search lists the same few sets for several fields, and the
next keystroke lists the last one's answers again.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat

_MEMBER = re.compile(b"\x01")
_FIND_SHARE = 5
"""Sets with fewer members than one article in this many are listed by finding members."""
_KEEP_SHARE = 3
"""Only the numbers of sets with fewer members than one article in this many are kept."""
RECENT_SETS = 16
KEPT_NUMBERS = 150_000
"""At most this many numbers are kept in all (about 5 MB)."""


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


def from_ascending(numbers: Sequence[int], size: int) -> int:
    """The set of `numbers` (ascending, each below `size`, no repeats); the numbers are
    remembered, so that listing the set soon after costs nothing."""
    found = from_numbers(numbers, size)
    _remember(found, numbers, size)
    return found


def mask(bits: int, size: int) -> bytes:
    """One byte per article, 1 for members: a selector for `itertools.compress`."""
    return bits.to_bytes(size, "little")


def members(bits: int, size: int) -> list[int]:
    """The member numbers in ascending order."""
    known = _known(bits)
    return list(known) if known is not None else _listed(bits, size)


def _listed(bits: int, size: int) -> list[int]:
    selector = mask(bits, size)
    if bits.bit_count() * _FIND_SHARE < size:
        return list(map(re.Match.start, _MEMBER.finditer(selector)))
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


_recent_numbers: tuple[tuple[int, Sequence[int]], ...] = ()


def numbers_of(bits: int, size: int) -> Sequence[int]:
    """The member numbers in ascending order, as `members`; recent sparse sets' numbers
    are remembered, as one search asks about the same few sets for several fields."""
    known = _known(bits)
    if known is not None:
        return known
    numbers = tuple(_listed(bits, size))
    _remember(bits, numbers, size)
    return numbers


def intersection(first: int, second: int, size: int) -> int:
    """`first & second`; when the numbers of either are remembered, those of the answer
    are too (picked from them rather than listed anew)."""
    found = first & second
    known, other = _known(first), second
    if known is None:
        known, other = _known(second), first
    if known is not None and found:
        selector = mask(other, size)
        _remember(found, tuple(compress(known, map(selector.__getitem__, known))), size)
    return found


def _known(bits: int) -> Sequence[int] | None:
    for known, numbers in _recent_numbers:
        if known is bits:  # the memory holds `known`, so its identity is not reused
            return numbers
    return None


def _remember(bits: int, numbers: Sequence[int], size: int) -> None:
    global _recent_numbers
    if len(numbers) * _KEEP_SHARE >= size or _known(bits) is not None:
        return
    recent = [(bits, numbers if isinstance(numbers, tuple) else tuple(numbers))]
    total = len(numbers)
    for entry in _recent_numbers[: RECENT_SETS - 1]:
        total += len(entry[1])
        if total > KEPT_NUMBERS:
            break
        recent.append(entry)
    # One assignment: another thread sees the old answers or the new ones, whole.
    _recent_numbers = tuple(recent)


def contains(bits: int, number: int) -> bool:
    """True when `number` is a member."""
    return bool(bits >> (8 * number) & 1)

"""Sets of article numbers as Python ints, one bit per article.

Article `n` is a member when bit `n` of the int is set. Set operations are then single
C-level int operations (`&`, `|`, `& ~`) over an eighth of a byte per article, and the
size is `int.bit_count()`: no Python-level work per member, which matters at a million
articles per keystroke.

Where the members are walked in order, a set is turned into a selector of one byte per
article (`mask`), for `itertools.compress` and NumPy; where only its first few are read,
they are found a window of bits at a time (`first_members`). `SetNumbers` remembers the
member numbers of recent sparse sets: a search lists the same few sets for several fields,
and the next keystroke lists the last one's answers again.

From `VECTOR_FROM` articles on, sets are built and listed with NumPy (packing and unpacking
bits in C); smaller folders never load it and use text in base 2, which `int` reads and
writes in C.
"""

from __future__ import annotations

import re
from array import array
from collections import deque
from collections.abc import Iterable, Sequence, Sized
from functools import cache
from itertools import compress, islice, repeat
from types import ModuleType
from typing import Any

from digest_tui.search.engine.cache import NUMBERS_KEPT, SET_NUMBERS, BoundedCache

_MEMBER = re.compile(b"\x01")
_ONE = re.compile("1")
_TO_SELECTOR = bytes.maketrans(b"01", b"\x00\x01")
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_FIND_SHARE = 5
"""Sets with fewer members than one article in this many are listed by finding members."""
_KEEP_SHARE = 3
"""Only the numbers of sets with fewer members than one article in this many are kept."""
_WINDOW = 256
"""Bits first read when only the first members are wanted."""
VECTOR_FROM = 50_000
"""Sets of this many articles or more are built and listed with NumPy."""


def full(size: int) -> int:
    """The set of every article number below `size`."""
    return (1 << size) - 1


def from_flags(flags: Iterable[bool]) -> int:
    """The set of positions whose flag is true (`flags` covers every article)."""
    return _from_selector(bytes(flags))


def from_distinct_flags(flags: bytes, codes: Sequence[int]) -> int:
    """The set of articles whose value passed a test made once per distinct value:
    `flags` holds a 0 or 1 byte per distinct value, `codes[n]` is article n's value's
    place among them."""
    if len(codes) >= VECTOR_FROM:
        np = numpy_module()
        places = np.frombuffer(codes, codes.typecode) if isinstance(codes, array) else codes
        return _from_vector(np.frombuffer(flags, np.uint8)[places])
    return _from_selector(bytes(map(flags.__getitem__, codes)))


def from_numbers(numbers: Iterable[int], size: int) -> int:
    """The set of `numbers` (each below `size`); an `array` of them is read fastest."""
    if size >= VECTOR_FROM and not (isinstance(numbers, Sized) and len(numbers) < size // 64):
        return _vector_from_numbers(numbers, size)
    selector = bytearray(size)
    deque(map(selector.__setitem__, numbers, repeat(1)), maxlen=0)
    return _from_selector(selector)


def _from_selector(selector: bytes | bytearray) -> int:
    """The set whose members are the positions of the 1 bytes of `selector` (0s elsewhere)."""
    if len(selector) >= VECTOR_FROM:
        return _from_vector(numpy_module().frombuffer(selector, "u1"))
    # Base 2 is read in linear time, and without the limit on long decimal strings.
    return int(selector[::-1].translate(_TO_DIGITS), 2) if selector else 0


SPARSE_SHARE = 8
"""Numbers of fewer than one article in this many are kept as an array (four bytes each)
rather than as a set: a folder's many rare tags or categories then cost memory by their
articles, not each by the folder's size."""

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
    if size >= VECTOR_FROM:
        return vector(bits, size).tobytes()
    if not bits:
        return bytes(size)
    # Base 2 text lists the bits from the highest: reversed, it is the selector in digits.
    return format(bits, "b").encode("ascii")[::-1].translate(_TO_SELECTOR).ljust(size, b"\0")


def vector(bits: int, size: int) -> Any:
    """`mask` as a NumPy array of `uint8` (for callers that go on in NumPy)."""
    return numpy_module().unpackbits(_packed(bits, size), count=size, bitorder="little")


def members(bits: int, size: int) -> list[int]:
    """The member numbers in ascending order (see `SetNumbers` for remembered ones)."""
    if size >= VECTOR_FROM:
        return _vector_members(bits, size).tolist()
    selector = mask(bits, size)
    if bits.bit_count() * _FIND_SHARE < size:
        return list(map(re.Match.start, _MEMBER.finditer(selector)))
    return list(compress(range(size), selector))


def _vector_members(bits: int, size: int) -> Any:
    """The member numbers as a NumPy array: only the bytes holding members are unpacked,
    so a sparse set of a million articles costs a scan of its bytes, not of a million."""
    np = numpy_module()
    packed = _packed(bits, size)
    held = np.flatnonzero(packed)
    rows, places = np.nonzero(np.unpackbits(packed[held, None], axis=1, bitorder="little"))
    return held[rows] * 8 + places


def first_members(bits: int, size: int, count: int, start: int = 0) -> list[int]:
    """Up to `count` member numbers from `start` on, ascending (cheap for a few)."""
    found: list[int] = []
    rest, base = bits >> start, start
    width = _WINDOW  # doubled each time: a sparse set is not read a few bits at a time
    while rest and len(found) < count:
        skipped = (rest & -rest).bit_length() - 1  # straight to the next member
        rest >>= skipped
        base += skipped
        window = format(rest & (1 << width) - 1, "b")[::-1]
        found += (base + match.start() for match in islice(_ONE.finditer(window), count))
        rest >>= width
        base += width
        width *= 2
    return found[:count]


def picked(selector: bytes, flags: bytes) -> int:
    """The set of the articles `selector` selects (see `mask`) whose flag is set: `flags`
    holds a 0 or 1 byte for each selected article in turn."""
    size = len(selector)
    if size >= VECTOR_FROM:
        np = numpy_module()
        chosen = np.zeros(size, np.uint8)
        chosen[np.frombuffer(selector, np.bool_)] = np.frombuffer(flags, np.uint8)
        return _from_vector(chosen)
    numbered = compress(range(size), selector)
    return from_numbers(compress(numbered, flags), size)


def split(bits: int, number: int) -> tuple[int, int]:
    """The members below `number`, and those from `number` on."""
    rest = bits >> number << number
    return bits ^ rest, rest


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
    selector = np.zeros(size, np.bool_)
    selector[found] = True
    return _from_vector(selector)


def _from_vector(selector: Any) -> int:
    """The set whose members are the nonzero places of the NumPy array `selector`."""
    packed = numpy_module().packbits(selector, bitorder="little")
    return int.from_bytes(packed.tobytes(), "little")


def _packed(bits: int, size: int) -> Any:
    """The set's bits as a NumPy array of bytes, eight articles each (lowest first)."""
    return numpy_module().frombuffer(bits.to_bytes((size + 7) // 8, "little"), "u1")


def contains(bits: int, number: int) -> bool:
    """True when `number` is a member."""
    return bool(bits >> number & 1)


class SetNumbers:
    """The member numbers of recent sparse sets of one catalog, so that listing a set a
    search made moments ago costs nothing (the `set_numbers` cache)."""

    __slots__ = ("_kept", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        """How many articles the sets are drawn from."""
        # Keyed by the set's identity: a set of a million articles costs tens of
        # microseconds to hash. The entry holds the set itself, so its identity is not
        # reused meanwhile.
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

"""Which of the letters a to z each value holds, one bit per letter.

A value can only hold a needle's letters in order if it holds every one of them, and a
NumPy test of these bits over a million titles takes a few milliseconds: the costly
in-order test then reads only the titles that pass. Other characters are not kept, so
they never rule a value out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from digest_tui.search.engine import bits

_BLOCK = 16_384
"""Values read per NumPy pass while the bits are built (about 10 MB of scratch each)."""
_A = ord("a")
_LINE_END = ord("\n")


def needle_letters(needle: str) -> int:
    """The bits of the letters a to z that `needle` holds."""
    found = 0
    for char in needle:
        place = ord(char) - _A
        if 0 <= place < 26:
            found |= 1 << place
    return found


class LetterBits:
    """For a fixed list of lower-cased values (without line breaks), the letters each
    holds, as a NumPy array of `uint32`: four bytes per value."""

    __slots__ = ("_held",)

    def __init__(self, values: Sequence[str]) -> None:
        np = bits.numpy_module()
        held = np.zeros(len(values), np.uint32)
        for start in range(0, len(values), _BLOCK):
            block = values[start : start + _BLOCK]
            held[start : start + len(block)] = _held_letters(block)
        self._held = held

    def passing(self, needle: str, among: int | None = None) -> Any:
        """The numbers (a NumPy array, ascending) of the values within `among` that hold
        every letter of `needle`."""
        np = bits.numpy_module()
        wanted = np.uint32(needle_letters(needle))
        held = self._held
        passes = (held & wanted) == wanted
        if among is not None:
            passes &= bits.vector(among, len(held)).view(np.bool_)
        return np.flatnonzero(passes)


def _held_letters(values: Sequence[str]) -> Any:
    """Each value's letter bits: its characters' bits OR-ed between its line ends."""
    np = bits.numpy_module()
    # Each value ends with its own line end, so none is empty for `reduceat`; characters
    # outside ASCII become bytes of 128 and above, which are no letter.
    text = "\n".join(values) + "\n"
    codes = np.frombuffer(text.encode("utf-8", "replace"), np.uint8)
    places = codes - np.uint8(_A)  # letters become 0 to 25, the rest wrap above them
    is_letter = places < 26
    letter_bits = np.left_shift(np.uint32(1), places.astype(np.uint32) * is_letter) * is_letter
    starts = np.flatnonzero(codes == _LINE_END)[:-1] + 1
    return np.bitwise_or.reduceat(letter_bits, np.concatenate(([0], starts)))

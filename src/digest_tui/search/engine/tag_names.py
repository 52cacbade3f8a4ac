"""The packed tags field, answered through its few distinct tag names.

A million articles hold some hundred thousand distinct tag lists but only a few thousand
distinct tags. A needle without the fence character lies inside one tag, and a fenced one
(`fenced_tag`) is one whole tag: testing the names, then picking the lists that hold a
matching name and the articles that hold those lists, replaces a test of every distinct
list (10 to 20 ms a keystroke at a million articles) with one of a few milliseconds.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains

from digest_tui.article_columns import PickedColumn
from digest_tui.search.engine import bits
from digest_tui.search.engine.bits import SetNumbers
from digest_tui.search.engine.haystack import FENCE, FEW_WITH_TOKENS, Haystack
from digest_tui.search.engine.packing import normalise, normalise_all


class TagNames:
    """Each distinct lower-cased tag name and the distinct tag lists holding it.

    A list holding a tag with the fence character in it cannot be read back into its
    names: such lists are kept packed and tested as the plain field tests them.
    """

    __slots__ = ("_codes", "_holders", "_list_count", "_names", "_odd_lists")

    def __init__(
        self, tag_lists: Sequence[Sequence[str]], packed: Sequence[str], codes: Sequence[int]
    ) -> None:
        """`packed[i]` is `tag_lists[i]` as the field holds it; `codes[n]` is article n's
        list's place in both."""
        holders: dict[str, array[int]] = {}
        odd: dict[int, str] = {}
        # Each distinct tag is lower-cased once, not once per list holding it: a million
        # articles' lists hold half a million tags, few of them distinct.
        names_of: dict[str, str] = {}
        for number, tags in enumerate(tag_lists):
            names = [names_of.get(tag) or names_of.setdefault(tag, normalise(tag)) for tag in tags]
            if any(FENCE in name for name in names):
                odd[number] = packed[number]
                continue
            for name in dict.fromkeys(names):
                held = holders.get(name)
                if held is None:
                    held = holders[name] = array("I")
                held.append(number)
        self._names = list(holders)
        self._holders = list(holders.values())
        self._odd_lists = odd
        self._list_count = len(tag_lists)
        self._codes = codes

    def containing(self, needle: str) -> int | None:
        """The articles whose packed tags contain `needle`; None when the needle spans
        more than one tag, which only a scan of the packed lists can tell."""
        inner = needle[1:-1]
        if len(needle) > 2 and needle[0] == needle[-1] == FENCE and FENCE not in inner:
            matched = [name == inner for name in self._names]
        elif FENCE in needle:
            return None
        else:
            matched = list(map(contains, self._names, repeat(needle)))
        np = bits.numpy_module()
        flags = np.zeros(self._list_count, np.uint8)
        for held in compress(self._holders, matched):
            flags[np.frombuffer(held, np.uint32)] = 1
        for number, packed in self._odd_lists.items():
            flags[number] = needle in packed
        return bits.from_distinct_flags(flags.tobytes(), self._codes)


class PackedTags(Haystack):
    """Each article's tags packed as one value (`pack_tags`), lower-cased: a `Haystack`
    that, once its names are indexed (`index_names`), finds a needle through them."""

    __slots__ = ("_lists", "_names")

    def __init__(self, tags: PickedColumn, sets: SetNumbers | None = None) -> None:
        """`tags`: each article's tag list, numbered among the distinct lists."""
        self._lists = tags
        packed = PickedColumn(packed_tags(tags.distinct), tags.base)
        super().__init__(packed, normalised=True, sets=sets)
        self._names: TagNames | None = None

    def index_names(self) -> None:
        """Index the distinct tag names now (from `bits.VECTOR_FROM` articles on: below
        that, a test of every list costs less than a keystroke needs)."""
        if self._names is None and len(self) >= bits.VECTOR_FROM:
            assert self._distinct is not None  # given as a column of distinct lists
            lists = self._lists
            self._names = TagNames(lists.distinct, self._distinct[0], lists.base)

    def _contained(self, needle: str, among: int | None) -> int:
        names = self._names
        # Like a token, a name's articles are read for less than testing a few of them.
        if names is not None and (
            among is None or among.bit_count() * FEW_WITH_TOKENS >= len(self)
        ):
            found = names.containing(needle)
            if found is not None:
                return found if among is None else self._sets.intersection(found, among)
        return super()._contained(needle, among)


def packed_tags(tags: Sequence[Sequence[str]]) -> list[str]:
    """`pack_tags` of each article's normalised tags, computed for all articles at once."""
    joined = normalise_all(list(map((FENCE + FENCE).join, tags)))
    fenced = zip(joined, map(len, tags), strict=True)
    return [f"{FENCE}{value}{FENCE}" if count else "" for value, count in fenced]

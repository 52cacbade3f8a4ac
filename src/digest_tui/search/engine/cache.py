"""The one bounded cache type of the search engine, and the list of every cache it keeps.

Every cache belongs to one `Catalog` (one list of articles): a new list of articles
starts with empty caches, so none needs invalidating while it lives. Each holds answers
that the same question always gets again for that catalog.

=======================  ============================================  ===============
cache (owner)            holds                                         bound
=======================  ============================================  ===============
``word_searches``        the matches of recent plain-word searches     WORD_SEARCHES
(FuzzyMatcher)           by their words; the newest also narrows the
                         next keystroke's search
``field_searches``       recent answers of one text field (per         FIELD_SEARCHES
(Haystack)               field), to narrow a search for a longer
                         needle
``short_answers``        whole-list answers to needles of up to        SHORT_ANSWERS
(Haystack)               three characters (per field)
``body_searches``        article number to rank for recent full-text   BODY_SEARCHES
(Catalog)                queries, by the query the index runs
``set_numbers``          the member numbers of recent sparse article   SET_NUMBERS sets,
(SetNumbers)             sets, keyed by the set's identity             NUMBERS_KEPT
``token_unions``         the articles holding any of a few tokens,     TOKEN_UNIONS
(TokenIndex)             by the tokens (per field): "quant" and
                         "quantu" find the same tokens
``path_sets``            the articles at a frozen set or mapping of    PATH_SETS
(Catalog)                paths, by the collection's identity (the
                         story clusters' paths, asked per keystroke)
=======================  ============================================  ===============
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

WORD_SEARCHES = 24
FIELD_SEARCHES = 6
SHORT_ANSWERS = 24
"""There are few short needles (a query's first letters), and each one scans every value
of the field again."""
BODY_SEARCHES = 32
"""Typing and backspacing repeat the same few body queries, tens of milliseconds each."""
SET_NUMBERS = 16
TOKEN_UNIONS = 4
"""Typing on through a word finds the same tokens keystroke after keystroke; the union
of their articles costs milliseconds a million articles."""
PATH_SETS = 4
"""The clusters' paths are one collection for as long as the clusters stand."""
NUMBERS_KEPT = 150_000
"""At most this many member numbers are kept in all (about 5 MB)."""

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class BoundedCache(Generic[Key, Value]):
    """At most `size` entries, least recently used dropped first; safe from any thread.

    With `weigh`, the entries' weights also add up to at most `most` (the newest entry
    is always kept).
    """

    __slots__ = ("_entries", "_lock", "_most", "_size", "_weigh", "_weight")

    def __init__(
        self, size: int, weigh: Callable[[Value], int] | None = None, most: int = 0
    ) -> None:
        self._entries: OrderedDict[Key, Value] = OrderedDict()
        self._size = size
        self._weigh = weigh
        self._most = most
        self._weight = 0
        self._lock = Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key) -> Value | None:
        """The value kept for `key` (now the most recently used), or None."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Key, value: Value) -> None:
        """Keep `value` for `key` as the most recently used entry."""
        weigh = self._weigh
        with self._lock:
            entries = self._entries
            old = entries.pop(key, None)
            if weigh is not None:
                self._weight += weigh(value) - (0 if old is None else weigh(old))
            entries[key] = value
            while len(entries) > self._size or (
                weigh is not None and self._weight > self._most and len(entries) > 1
            ):
                _key, dropped = entries.popitem(last=False)
                if weigh is not None:
                    self._weight -= weigh(dropped)

    def latest(self) -> Value | None:
        """The most recently used value, or None when empty."""
        with self._lock:
            entries = self._entries
            return entries[next(reversed(entries))] if entries else None

    def newest(self) -> list[tuple[Key, Value]]:
        """Every entry, most recently used first (a copy)."""
        with self._lock:
            return list(reversed(self._entries.items()))

"""What the search core needs from the full-text index and the reader state.

Both are Protocols so that the core depends on neither implementation, and tests can
pass small fakes.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol


class FullTextSearch(Protocol):
    """Ranked keyword search over article bodies (the SQLite FTS5 index implements it)."""

    def search(self, terms: str, limit: int | None = None) -> dict[str, float]:
        """Path to relevance (higher is better) for articles whose body holds all `terms`.

        `terms` is plain words separated by spaces, or one `"quoted phrase"` whose words
        must appear together in that order. Must not raise for any input.
        """
        ...

    def query_of(self, terms: str) -> str | None:
        """What `search(terms)` asks the index, None when it asks nothing (nothing then
        matches): terms asking the same get the same answer, so answers are kept by it.
        Must not raise."""
        ...

    def body_words(self, starting: str) -> list[str]:
        """The distinct words of the indexed text that start with `starting` (lower-case),
        for correcting typos. Must not raise."""
        ...


class ReaderStateView(Protocol):
    """Read, starred and new marks by article path (the state store implements it)."""

    def is_read(self, path: str) -> bool:
        """True when the article was opened or marked read."""
        ...

    def is_starred(self, path: str) -> bool:
        """True when the article carries a star."""
        ...

    def read_paths(self) -> Collection[str]:
        """Every path marked read (a copy, safe to iterate while marks change)."""
        ...

    def is_new(self, path: str) -> bool:
        """True when the article appeared since the previous session."""
        ...

"""A frozen copy of the reader state, safe to hand to another thread or a CLI command."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StateSnapshot:
    """Which paths are read, starred and new at one moment; answers in O(1)."""

    read: frozenset[str] = frozenset()
    starred: frozenset[str] = frozenset()
    new: frozenset[str] = frozenset()

    def is_read(self, path: str) -> bool:
        """True when the article at `path` was marked read."""
        return path in self.read

    def read_paths(self) -> frozenset[str]:
        """Every path marked read."""
        return self.read

    def is_starred(self, path: str) -> bool:
        """True when the article at `path` carries a star."""
        return path in self.starred

    def is_new(self, path: str) -> bool:
        """True when the article at `path` appeared since the previous session."""
        return path in self.new

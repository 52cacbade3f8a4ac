"""What can go wrong with the reader-state store, as exceptions the UI can turn into notices."""

from __future__ import annotations


class StateError(Exception):
    """The reader state could not be read or written (disk full, no permission, ...)."""


class StateBusyError(StateError):
    """Another process held the state database locked for longer than the busy timeout."""

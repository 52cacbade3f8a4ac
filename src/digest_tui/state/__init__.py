"""Reader state (read marks, stars, first sightings, UI values) kept safe in SQLite."""

from digest_tui.state.errors import StateBusyError, StateError
from digest_tui.state.positions import ReadingPosition
from digest_tui.state.reconcile import ReconcileResult
from digest_tui.state.snapshot import StateSnapshot
from digest_tui.state.store import StateStore

__all__ = [
    "ReadingPosition",
    "ReconcileResult",
    "StateBusyError",
    "StateError",
    "StateSnapshot",
    "StateStore",
]

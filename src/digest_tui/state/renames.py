"""Deciding which vanished paths were renamed to which new ones, by title and date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

Identity = tuple[str | None, str | None]
"""(title, date) as stored: what must stay the same for state to follow a rename."""


def match_renames(
    vanished: Mapping[str, Identity], arrived: Mapping[str, Identity]
) -> dict[str, str]:
    """Map each vanished path to the arrived path it was renamed to.

    A pair matches only when its (title, date) is unique on both sides: exactly one
    vanished path and exactly one arrived path carry it. Anything ambiguous stays put,
    because moving read marks to the wrong article is worse than leaving them behind.
    Articles without a title never match.
    """
    vanished_by_identity = _group(vanished)
    arrived_by_identity = _group(arrived)
    moves: dict[str, str] = {}
    for identity, old_paths in vanished_by_identity.items():
        new_paths = arrived_by_identity.get(identity, [])
        if len(old_paths) == 1 and len(new_paths) == 1:
            moves[old_paths[0]] = new_paths[0]
    return moves


def _group(paths: Mapping[str, Identity]) -> dict[Identity, list[str]]:
    groups: dict[Identity, list[str]] = defaultdict(list)
    for path, identity in paths.items():
        if identity[0]:
            groups[identity].append(path)
    return groups

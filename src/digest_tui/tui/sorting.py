"""The sort orders `S` cycles through."""

from __future__ import annotations

from digest_tui.search import SortOrder

SORT_ORDERS: tuple[SortOrder, ...] = (
    SortOrder.NEWEST,
    SortOrder.OLDEST,
    SortOrder.TITLE,
    SortOrder.RELEVANCE,
)


def next_sort(order: SortOrder) -> SortOrder:
    """The order after `order`, wrapping round."""
    position = SORT_ORDERS.index(order) if order in SORT_ORDERS else -1
    return SORT_ORDERS[(position + 1) % len(SORT_ORDERS)]


def sort_named(name: object, default: SortOrder = SortOrder.NEWEST) -> SortOrder:
    """The order called `name` (as remembered in the state store), else `default`."""
    for order in SORT_ORDERS:
        if order.value == name:
            return order
    return default

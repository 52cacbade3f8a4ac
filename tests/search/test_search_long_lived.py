"""The search data a library builds is kept out of the garbage collector's walks.

A full collection walks every tracked object it holds; at a million articles the word
index alone made each one a pause of about 90 ms, landing on random keystrokes.
"""

import gc
import weakref

from digest_tui.model import Article
from digest_tui.search import Library


def _articles(count):
    return [
        Article(
            path=f"{n:05}.md",
            title=f"Kite report {n} from the coast",
            timestamp=float(n),
            tags=(f"tag{n % 40}", "kite flying") if n % 3 else ("robots",),
            description=f"Story {n} about solar kites, word{n} and word{n % 97}",
        )
        for n in range(count)
    ]


def _containers_held_by(root):
    """Every tracked container reachable from `root` through instances and containers
    (not through classes, functions or modules, which reach the whole program)."""
    skipped = (type, type(gc), type(_articles))
    seen = {id(root)}
    found = []
    pending = [root]
    while pending:
        for held in gc.get_referents(pending.pop()):
            if id(held) in seen or isinstance(held, skipped) or not gc.is_tracked(held):
                continue
            seen.add(id(held))
            found.append(held)
            pending.append(held)
    return found


def test_prepared_and_word_indexed_search_data_is_never_walked_by_a_collection():
    library = Library.of(_articles(3000))
    library.prepare()
    library.index_words()
    held = _containers_held_by(library)
    assert len(held) > 100  # the token index, its holders, the fields' value lists
    walked = {id(obj) for obj in gc.get_objects()}  # frozen objects are not listed
    assert [type(obj).__name__ for obj in held if id(obj) in walked] == []


class _Node:
    """An object that can hold itself: a reference cycle only the collector frees."""


def test_garbage_left_before_the_search_data_was_built_is_freed_not_frozen():
    held = _Node()
    held.itself = held
    gone = weakref.ref(held)
    gc.collect()  # the cycle, still referenced, moves to the oldest generation
    del held  # garbage now, which only a full collection would find
    library = Library.of(_articles(500))
    library.prepare()
    try:
        assert gone() is None  # a freeze would have kept it for as long as the process runs
    finally:
        gc.unfreeze()

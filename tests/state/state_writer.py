"""A writer process for the durability tests: changes reader state and reports each change.

Usage: python state_writer.py DB_FILE SEED KEY_PREFIX KEY_COUNT CHANGES MODE [GO_FILE]

MODE "mixed" sets and toggles read marks and stars; before each change it prints
`intent <kind> <key> <value>` and after the store has committed it prints
`done <kind> <key> <value>`, each line flushed at once. MODE "toggle" only toggles
(values cannot be predicted when another process shares the keys) and prints `done`
lines. CHANGES = 0 means run until killed. Prints `ready` once the store is open, then
waits for GO_FILE to exist (if given) so that several writers start changing together.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from digest_tui.state import StateStore

KINDS = ("read", "star")


def _report(*fields: object) -> None:
    sys.stdout.write(" ".join(str(field) for field in fields) + "\n")
    sys.stdout.flush()


def _mixed_change(store: StateStore, rng: random.Random, kind: str, key: str) -> None:
    current = store.is_read(key) if kind == "read" else store.is_starred(key)
    if rng.random() < 0.5:
        value = not current
        _report("intent", kind, key, int(value))
        done = store.toggle_read(key) if kind == "read" else store.toggle_star(key)
    else:
        value = rng.random() < 0.5
        _report("intent", kind, key, int(value))
        if kind == "read":
            store.mark_read(key, value)
        else:
            store.mark_starred(key, value)
        done = value
    _report("done", kind, key, int(done))


def _toggle_change(store: StateStore, kind: str, key: str) -> None:
    done = store.toggle_read(key) if kind == "read" else store.toggle_star(key)
    _report("done", kind, key, int(done))


def main(argv: list[str]) -> None:
    """Run the writer loop described in the module docstring."""
    db_file, seed, prefix, key_count, changes, mode, *go_file = argv
    rng = random.Random(int(seed))
    store = StateStore.open(Path(db_file))
    _report("ready")
    while go_file and not Path(go_file[0]).exists():
        time.sleep(0.001)
    made = 0
    while int(changes) == 0 or made < int(changes):
        kind = rng.choice(KINDS)
        key = f"{prefix}{rng.randrange(int(key_count))}.md"
        if mode == "toggle":
            _toggle_change(store, kind, key)
        else:
            _mixed_change(store, rng, kind, key)
        made += 1
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])

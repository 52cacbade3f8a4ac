"""What every row needs to know about the run: the corpus, repeats and scratch folders."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import CORPORA_DIR


@dataclass(frozen=True, slots=True)
class Context:
    """One corpus size being measured."""

    label: str
    count: int
    folder: Path
    repeat: int
    first: bool = True
    """True for the first size of the run (size-independent rows run only then)."""

    @property
    def warm_cache(self) -> Path:
        """A cache folder kept between runs, filled by the first row that indexes this size."""
        folder = CORPORA_DIR / "cache" / self.label
        folder.mkdir(parents=True, exist_ok=True)
        return folder


@contextmanager
def fresh_cache() -> Iterator[Path]:
    """An empty cache folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def reset(folder: Path) -> Path:
    """`folder`, emptied (created when missing)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder

"""The raw-read floor: walk the folder and read every Markdown file's bytes, no parsing."""

from __future__ import annotations

import os
import sys
import time

from benchmarks.timing import emit


def read_all(root: str) -> tuple[int, int]:
    """Files and bytes read under `root`."""
    files = total = 0
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.name.endswith(".md"):
                    with open(entry.path, "rb") as handle:
                        total += len(handle.read())
                    files += 1
    return files, total


def main() -> None:
    start = time.perf_counter()
    files, total = read_all(sys.argv[1])
    emit({"seconds": time.perf_counter() - start, "files": files, "bytes": total})


if __name__ == "__main__":
    main()

"""One command-line run from outside: wall seconds and the process's peak memory.

Run in a fresh interpreter, so the peak resident size of its children is that of the one
command it ran.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from benchmarks.timing import emit


def main() -> None:
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    emit({"seconds": seconds, "peak_mb": peak_kb / 1024})


if __name__ == "__main__":
    main()

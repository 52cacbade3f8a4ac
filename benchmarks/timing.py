"""Summary statistics, repeated timing, and probes run in fresh subprocesses."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Stats:
    """Median, p95, min and max of a set of samples (same unit as the samples)."""

    median: float
    p95: float
    min: float
    max: float
    n: int

    def as_dict(self) -> dict[str, float]:
        """The figures, for JSON output."""
        return asdict(self)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of `samples` (`fraction` 0.95 for p95)."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summarize(samples: Sequence[float]) -> Stats:
    """Stats over `samples`; raises ValueError when there are none."""
    if not samples:
        raise ValueError("no samples")
    return Stats(
        median=statistics.median(samples),
        p95=percentile(samples, 0.95),
        min=min(samples),
        max=max(samples),
        n=len(samples),
    )


def time_calls(work: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of `repeat` calls of `work`."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return samples


def wall_time(
    command: Sequence[str],
    stdin: bytes | None = None,
    timeout: float = 600,
    env: dict[str, str] | None = None,
) -> float:
    """Seconds from spawning `command` to its exit (its output is discarded)."""
    start = time.perf_counter()
    subprocess.run(
        command,
        input=stdin,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )
    return time.perf_counter() - start


def probe_env(cache_dir: Path, data_dir: Path | None = None) -> dict[str, str]:
    """The environment for a probe: our own cache and data folders, never the user's."""
    env = dict(os.environ)
    env["DIGEST_TUI_CACHE_DIR"] = str(cache_dir)
    env["DIGEST_TUI_DATA_DIR"] = str(data_dir or cache_dir / "data")
    env["DIGEST_TUI_CONFIG"] = str(cache_dir / "config.toml")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def run_probe(name: str, args: Sequence[str], env: dict[str, str], timeout: float = 1800) -> dict:
    """Run `benchmarks.probes.<name>` in a fresh interpreter; return the JSON it prints last.

    Raises RuntimeError with the probe's error output when it fails.
    """
    command = [sys.executable, "-m", f"benchmarks.probes.{name}", *args]
    done = subprocess.run(
        command, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-6:]
        raise RuntimeError(f"probe {name} failed ({done.returncode}): " + " | ".join(tail))
    return json.loads(lines[-1])


def emit(result: dict) -> None:
    """Print a probe's result as one JSON line (what `run_probe` reads)."""
    print(json.dumps(result), flush=True)

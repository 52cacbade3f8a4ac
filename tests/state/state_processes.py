"""Start the state writer process and read back what it reported (shared by the tests)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import digest_tui

WRITER = Path(__file__).with_name("state_writer.py")
Change = tuple[str, str]
"""(kind, key): kind is "read" or "star"."""


def start_writer(
    db_file: Path,
    log: Path,
    *,
    seed: int,
    prefix: str,
    keys: int,
    changes: int,
    mode: str,
    go_file: Path | None = None,
) -> subprocess.Popen[bytes]:
    """Start the writer with its stdout going to `log` (a file cannot fill up and block)."""
    env = dict(os.environ)
    source_root = str(Path(digest_tui.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, env.get("PYTHONPATH")]))
    args = [str(db_file), str(seed), prefix, str(keys), str(changes), mode]
    if go_file is not None:
        args.append(str(go_file))
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, str(WRITER), *args], stdout=out, env=env)


def wait_until_ready(process: subprocess.Popen[bytes], log: Path, limit: float = 20.0) -> None:
    """Block until the writer has opened the store (or fail if it died first)."""
    deadline = time.monotonic() + limit
    while not log.read_bytes().startswith(b"ready\n"):
        if process.poll() is not None:
            raise AssertionError(f"writer exited early with {process.returncode}")
        if time.monotonic() > deadline:
            raise AssertionError("writer did not open the store")
        time.sleep(0.005)


def reported_lines(log: Path) -> list[list[str]]:
    """Complete lines the writer reported; a line cut off by the kill is dropped."""
    text = log.read_text()
    complete = text[: text.rfind("\n") + 1]
    return [line.split() for line in complete.splitlines() if line != "ready"]

"""Worker processes die with the command that started them, however it is stopped.

Before, killing `digest-tui` during a cold index of a folder big enough for the process
pool left its workers blocked on their pipes for good.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import write_posts

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds workers in /proc"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker processes"),
]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running or sleeping; a zombie nobody reaped (PID 1 in a container) is dead."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(process: subprocess.Popen, count: int, drain: int | None = None) -> set[int]:
    """The process's children once there are `count`; `drain` is a terminal to keep reading
    (a full terminal would block the process writing to it)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= count:
            return workers
        if drain is not None and select.select([drain], [], [], 0)[0]:
            os.read(drain, 65536)
        time.sleep(0.01)
    pytest.fail("the command never started its worker processes")


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_workers_exit_when_the_command_is_killed_mid_index(tmp_path: Path, signum) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 3000)
    command = [sys.executable, "-m", "digest_tui", "check", str(posts)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers = _wait_for_workers(process, 2)
    process.send_signal(signum)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
    if signum != signal.SIGKILL:
        # It stopped cleanly, not killed by the signal.
        assert process.returncode == 128 + signum, process.stderr.read()
    # Whatever it committed is a cache the next run finishes from.
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "3000 articles, 0 problems, 0 warnings"


# Runs `digest-tui check FOLDER` with SIGTERM sent to itself at the worst moment: the
# pool's worker processes are forked, the thread that tells them to stop is not started.
STOPPED_AS_THE_POOL_STARTS = """
import os, signal, sys
from concurrent.futures import ProcessPoolExecutor

launch = ProcessPoolExecutor._launch_processes


def launch_then_stop(self):
    launch(self)
    os.kill(os.getpid(), signal.SIGTERM)


ProcessPoolExecutor._launch_processes = launch_then_stop
from digest_tui.cli.main import main

sys.argv = ["digest-tui", "check", sys.argv[1]]
raise SystemExit(main())
"""


def test_a_command_stopped_as_its_workers_start_still_ends(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 3000)
    command = [sys.executable, "-c", STOPPED_AS_THE_POOL_STARTS, str(posts)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        workers = _children(process.pid)
        process.kill()
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        pytest.fail("the command never ended: its workers were never told to stop")
    assert process.returncode == 128 + signal.SIGTERM, process.stderr.read()
    assert not [pid for pid in _children(process.pid) if _alive(pid)]


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGHUP])
def test_workers_exit_when_the_reader_is_killed_mid_index(tmp_path: Path, signum) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 3000)
    controller, terminal = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color"}
    reader = subprocess.Popen(
        [sys.executable, "-m", "digest_tui", str(posts)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    try:
        workers = _wait_for_workers(reader, 2, drain=controller)
        reader.send_signal(signum)
        reader.wait(timeout=30)
    finally:
        if reader.poll() is None:
            reader.kill()
        os.close(controller)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]

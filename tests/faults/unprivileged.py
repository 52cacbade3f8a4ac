"""Running the CLI as a user that permissions apply to, even when the tests run as root.

Root ignores file modes, so a read-only folder means nothing to it. The command runs in a
child process that first runs it once as it is (so every module it needs is imported while
the interpreter's files are still readable), then drops to `nobody` and runs it for real.
Folders that user must reach are made under an open temporary folder (`open_folder`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534

_CHILD = """
import contextlib, io, json, os, sys
from digest_tui.cli.main import main
warm_env, env, argv = json.loads(sys.argv[1])
os.environ.update(warm_env)
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(argv)
os.environ.update(env)
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)
sys.exit(main(argv))
""".replace("NOBODY", str(NOBODY))


@contextmanager
def open_folder() -> Iterator[Path]:
    """A temporary folder everyone may enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="digest-tui-perms-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def share(folder: Path) -> None:
    """Let everyone read `folder` and everything in it (files and folders keep their owner)."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def run_cli(argv: list[str], env: dict[str, str], scratch: Path) -> subprocess.CompletedProcess:
    """`digest-tui ARGV` with `env` as an unprivileged user; output as bytes.

    `scratch` is a writable folder for the first, privileged run's cache and state.
    """
    warm_env = {
        "DIGEST_TUI_CACHE_DIR": str(scratch / "warm-cache"),
        "DIGEST_TUI_DATA_DIR": str(scratch / "warm-data"),
        "DIGEST_TUI_CONFIG": str(scratch / "no-config.toml"),
    }
    payload = json.dumps([warm_env, {**warm_env, **env}, argv])
    return subprocess.run([sys.executable, "-c", _CHILD, payload], capture_output=True, timeout=120)

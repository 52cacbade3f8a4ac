"""`show` on a real terminal: styled with escape sequences, as wide as the terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

ARTICLE = """---
title: Styled
---
Some **bold** words and a [link](https://example.org/x).

```python
print("hi")
```
"""


def _run_on_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 72, 0, 0))
    done = subprocess.run(
        [sys.executable, "-m", "digest_tui", *argv],
        stdin=subprocess.DEVNULL,
        stdout=child_fd,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode("utf-8", "replace")


def test_show_on_a_terminal_is_styled_at_the_terminal_width(tmp_path: Path) -> None:
    (tmp_path / "styled.md").write_text(ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env |= {
        "DIGEST_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "DIGEST_TUI_DATA_DIR": str(tmp_path / "data"),
        "DIGEST_TUI_CONFIG": str(tmp_path / "config.toml"),
        "TERM": "xterm-256color",
    }
    out = _run_on_a_terminal(["show", "styled.md", str(tmp_path)], env)
    assert "\x1b[" in out
    assert "**" not in out
    plain = [line for line in out.replace("\r", "").split("\n") if "─" in line]
    assert plain and "─" * 72 in plain[0]


def test_show_on_a_terminal_passes_no_escape_from_the_article(tmp_path: Path) -> None:
    body = "Clip \x1b]52;c;aGk=\x07 clear \x1b[2J <p>html &#27;[2J &#x9b;31m</p>\n"
    (tmp_path / "evil.md").write_text('---\ntitle: "Evil \\e[2J"\n---\n' + body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env |= {
        "DIGEST_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "DIGEST_TUI_DATA_DIR": str(tmp_path / "data"),
        "DIGEST_TUI_CONFIG": str(tmp_path / "config.toml"),
        "TERM": "xterm-256color",
    }
    out = _run_on_a_terminal(["show", "evil.md", str(tmp_path)], env)
    assert "Clip" in out and "clear" in out
    for sequence in ("\x1b]52", "\x1b[2J", "\x9b", "\x07"):
        assert sequence not in out

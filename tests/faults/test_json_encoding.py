"""JSON output is valid UTF-8 even when a file name is not, and the raw name survives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes


def test_undecodable_file_names_give_valid_utf8_json(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    raw_names = [b"caf\xe9.md", b"n\xffme-without-title.md"]
    for raw in raw_names:
        with open(os.fsencode(posts) + b"/" + raw, "wb") as file:
            file.write(b"---\ntitle: Bytes\n---\nbody\n" if b"caf" in raw else b"plain body\n")
    (posts / "plain.md").write_text("---\ntitle: Plain\n---\nbody\n")
    done = subprocess.run(
        [sys.executable, "-m", "digest_tui", "list", str(posts), "--json"],
        capture_output=True,
        env=os.environ,
    )
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout.decode("utf-8"))  # strict: fails on invalid UTF-8
    by_path = {record["path"]: record for record in records}
    assert set(by_path) == {"caf\ufffd.md", "n\ufffdme-without-title.md", "plain.md"}
    assert "path_bytes" not in by_path["plain.md"]
    rebuilt = {unquote_to_bytes(r["path_bytes"]) for r in records if "path_bytes" in r}
    assert rebuilt == set(raw_names)
    assert "\ufffd" in by_path["n\ufffdme-without-title.md"]["title"]  # from the file name

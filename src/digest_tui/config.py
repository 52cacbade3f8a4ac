"""The TOML config file: the default content folder, the theme, following and key rebindings.

```toml
content_dir = "~/notes/digests"
theme = "nord"
watch = false      # do not follow the folder's changes while the reader runs
reading_width = 100  # the reader wraps text at this many columns, centred in a wider pane
full_screen = false  # start with the full-screen reader (`f` toggles and remembers it)

[keys]
search = "ctrl+f"
quit = "q,ctrl+q"

[views]
releases = "tag:release after:2024-01-01"
```

Reading never raises: a missing file means defaults, a broken one means defaults plus
an error message the caller shows. Writing replaces the file atomically.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest_tui.paths import config_file

DEFAULT_READING_WIDTH = 100
MIN_READING_WIDTH = 20


@dataclass(frozen=True, slots=True)
class Config:
    """What the user chose in the config file (every field optional)."""

    content_dir: Path | None = None
    theme: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    """Binding id → key string (comma-separated for several keys), as `App.set_keymap` takes."""
    watch: bool = True
    """Follow the content folder's changes while the reader runs."""
    reading_width: int = DEFAULT_READING_WIDTH
    """Columns the reader's text wraps at; a wider pane centres the text column."""
    full_screen: bool = False
    """The reader fills the terminal (sidebar, search box and list hidden)."""
    views: Mapping[str, str] = field(default_factory=dict)
    """Saved views: a name → a query string in the search box's syntax."""


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """Read the config file; return the config and a list of problems found in it."""
    path = path or config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        return Config(), [f"{path}: cannot read the config file ({error.strerror or error})"]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(), [f"{path}: the config file is not UTF-8 text; using defaults"]
    except tomllib.TOMLDecodeError as error:
        return Config(), [f"{path}: {error}; using defaults"]
    return _config_from(data, path)


def _config_from(data: dict[str, Any], path: Path) -> tuple[Config, list[str]]:
    errors: list[str] = []
    content_dir = _content_dir(data.get("content_dir"), path, errors)
    theme = data.get("theme")
    if theme is not None and not (isinstance(theme, str) and theme.strip()):
        errors.append(f"{path}: theme must be a non-empty string; ignored")
        theme = None
    keys = _keys(data.get("keys", {}), path, errors)
    watch = data.get("watch", True)
    if not isinstance(watch, bool):
        errors.append(f"{path}: watch must be true or false; following the folder")
        watch = True
    reading_width = data.get("reading_width", DEFAULT_READING_WIDTH)
    if type(reading_width) is not int or reading_width < MIN_READING_WIDTH:
        errors.append(
            f"{path}: reading_width must be a whole number of columns, at least "
            f"{MIN_READING_WIDTH}; using {DEFAULT_READING_WIDTH}"
        )
        reading_width = DEFAULT_READING_WIDTH
    full_screen = data.get("full_screen", False)
    if not isinstance(full_screen, bool):
        errors.append(f"{path}: full_screen must be true or false; ignored")
        full_screen = False
    views = _views(data.get("views", {}), path, errors)
    config = Config(content_dir, theme, keys, watch, reading_width, full_screen, views)
    return config, errors


def _content_dir(value: object, path: Path, errors: list[str]) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{path}: content_dir must be a path string; ignored")
        return None
    folder = Path(value).expanduser()
    # A relative folder means relative to the config file, not to wherever the app started.
    return folder if folder.is_absolute() else path.parent / folder


def _keys(value: object, path: Path, errors: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        errors.append(f'{path}: [keys] must be a table of binding id = "key"; ignored')
        return {}
    keys: dict[str, str] = {}
    for binding_id, key in value.items():
        if isinstance(key, str) and key.strip():
            keys[binding_id] = key.strip()
        else:
            errors.append(f"{path}: keys.{binding_id} must be a key name string; ignored")
    return keys


def _views(value: object, path: Path, errors: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        errors.append(f'{path}: [views] must be a table of name = "query"; ignored')
        return {}
    views: dict[str, str] = {}
    for name, query in value.items():
        if isinstance(query, str) and query.strip():
            views[name] = query.strip()
        else:
            errors.append(f"{path}: views.{name} must be a query string; ignored")
    return views


_TABLE_HEADER = re.compile(r"^\s*\[")


def save_theme(theme: str, path: Path | None = None) -> str | None:
    """Remember `theme` in the config file, keeping everything else in it.

    Returns None on success, else a message saying why the file was not written.
    """
    return save_setting("theme", theme, path)


def save_setting(key: str, value: str | bool | int, path: Path | None = None) -> str | None:
    """Set the top-level `key` to `value` in the config file, keeping everything else.

    Returns None on success, else a message saying why the file was not written.
    """
    return _rewrite(path or config_file(), key, lambda text: _with_setting(text, key, value))


def _with_setting(text: str, key: str, value: str | bool | int) -> str:
    """The config text with its top-level `key` line set (added before any table)."""
    line = f"{key} = {json.dumps(value)}"  # JSON strings, booleans and ints are TOML too
    existing_line = re.compile(rf"^\s*{re.escape(key)}\s*=.*$")
    lines = text.splitlines()
    for number, existing in enumerate(lines):
        if _TABLE_HEADER.match(existing):
            lines.insert(number, line)
            break
        if existing_line.match(existing):
            lines[number] = line
            break
    else:
        lines.append(line)
    return "\n".join(lines) + "\n"


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_VIEWS_HEADER = re.compile(r"^\s*\[\s*views\s*\]\s*(#.*)?$")


def save_view(name: str, query: str, path: Path | None = None) -> str | None:
    """Keep `query` in the config file's `[views]` as `name` (replacing a view of that name),
    keeping everything else in the file. Returns None on success, else why it was not saved."""
    return _rewrite(path or config_file(), "view", lambda text: _with_view(text, name, query))


def _rewrite(path: Path, what: str, edit: Callable[[str], str]) -> str | None:
    """Write `edit` of the config file's text (empty when there is no file) atomically.

    Returns None on success, else a message saying why `what` was not saved.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        return f"{path}: {what} not saved, cannot read the config file ({error})"
    try:
        _write_atomically(path, edit(text))
    except OSError as error:
        return f"{path}: {what} not saved ({error.strerror or error})"
    return None


def _toml_string(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes, which TOML shares, plus DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _with_view(text: str, name: str, query: str) -> str:
    """The config text with `name = query` in its `[views]` table (the table added at the
    end when missing); an older line for `name` in that table is replaced."""
    key = name if _BARE_KEY.fullmatch(name) else _toml_string(name)
    line = f"{key} = {_toml_string(query)}"
    lines = text.splitlines()
    start = next((n for n, old in enumerate(lines) if _VIEWS_HEADER.match(old)), None)
    if start is None:
        return "\n".join([*lines, *([""] if lines else []), "[views]", line]) + "\n"
    end = next(
        (n for n in range(start + 1, len(lines)) if _TABLE_HEADER.match(lines[n])), len(lines)
    )
    same = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    kept = [old for old in lines[start + 1 : end] if not same.match(old)]
    lines[start + 1 : end] = [line, *kept]
    return "\n".join(lines) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

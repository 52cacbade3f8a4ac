"""Shared helpers for the app's Pilot tests: a small fixed content folder and an app over it."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import WorkerCancelled, WorkerFailed

from digest_tui.config import Config
from digest_tui.tui.app import DigestApp
from digest_tui.tui.screens.folder_following import FOLLOW_GROUP

TRAP_TITLE = "[@click=app.quit]Trap[/] [bold]x[/]"
TRAP_TAG = "[red]loud[/]"

ARTICLES = {
    "2025/01/solar-kite.md": """---
title: "Solar Kite Sets Altitude Record"
pubDatetime: 2025-01-10T08:00:00Z
tags: [energy, science]
description: "A kite flies higher than ever."
---
**Source:** [Skyline News](https://news.example.com/kite)

## Flight data

The kite climbed for six hours. See [the data](https://example.org/kite-data),
an [editor link](vscode://file/etc/passwd) and the [robots story](kitchen-robots.md).

- first point
- second point
""",
    "2025/01/kitchen-robots.md": """---
title: "Kitchen Robots Kick Off"
pubDatetime: 2025-01-20T08:00:00Z
tags: [robotics, ai]
---
Robots learn to chop onions in a test kitchen.
""",
    "2025/02/inference-chip.md": """---
title: "Low Power Inference Chip"
pubDatetime: 2025-02-03T08:00:00Z
tags: [ai, chips]
---
**Source:** [Chip Wire](https://chips.example.com/low-power)

A new chip runs small models on two watts.
""",
    "2025/02/model-audit.md": """---
title: "Regulator Drafts Model Audit Rules"
pubDatetime: 2025-02-14T08:00:00Z
tags: [ai, policy]
---
The regulator wants audits of large models.
""",
    "2025/03/grid-batteries.md": """---
title: "Neighbourhood Batteries Trial"
pubDatetime: 2025-03-01T08:00:00Z
tags: [energy, climate]
---
Twelve streets get shared batteries.
""",
    "2025/03/trap.md": f"""---
title: '{TRAP_TITLE}'
pubDatetime: 2025-03-05T08:00:00Z
tags: ['{TRAP_TAG}', ai]
---
Body of the trap article.
""",
    "broken.md": """---
title: [unclosed
---
This file's frontmatter is not valid YAML.
""",
}

NEWEST_FIRST = [
    "2025/03/trap.md",
    "2025/03/grid-batteries.md",
    "2025/02/model-audit.md",
    "2025/02/inference-chip.md",
    "2025/01/kitchen-robots.md",
    "2025/01/solar-kite.md",
]


def write_content(folder: Path) -> Path:
    """Write the fixture articles under `folder` and return it."""
    for relative, text in ARTICLES.items():
        file = folder / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return folder


def make_app(content: Path, config: Config | None = None) -> DigestApp:
    """An app over `content` built as the launcher builds it: the index and the state
    store (in the test's user dirs) open in the index worker, after the first frame."""
    return DigestApp.for_folder(content, config or Config())


async def settle(pilot: Pilot) -> None:
    """Wait until the workers (index, filter, open) and the messages they post are done.

    The watcher's worker runs as long as the app and is not waited for.
    """
    for _ in range(8):
        try:
            working = [w for w in pilot.app.workers if w.group != FOLLOW_GROUP]
            if working:  # (an empty list would wait for every worker)
                await pilot.app.workers.wait_for_complete(working)
        except (WorkerCancelled, WorkerFailed):
            continue  # a stale search was cancelled: wait for the others
        await pilot.pause()


# The names and characters a terminal reports for the non-letter keys the tests press.
KEY_CHARACTERS = {
    "space": " ",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
    "at": "@",
    "equals_sign": "=",
    "number_sign": "#",
    "colon": ":",
    "minus": "-",
    "asterisk": "*",
    "exclamation_mark": "!",
    "question_mark": "?",
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "backspace": "\x7f",
}
KEY_NAMES = {character: name for name, character in KEY_CHARACTERS.items()}


def key_event(key: str) -> events.Key:
    """The event a terminal driver posts for `key`, so it meets bindings, focus and screens."""
    character = key if len(key) == 1 else KEY_CHARACTERS.get(key)
    return events.Key(key, character)


def burst(app: DigestApp, keys: str) -> None:
    """Queue `keys` at once, as a terminal delivers a fast typist's or a paste's keys."""
    for character in keys:
        app.post_message(key_event(KEY_NAMES.get(character, character)))


def visible_text(widget: Widget) -> str:
    """The text a user sees in `widget`, one line per row."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def listed_paths(app: DigestApp) -> list[str]:
    """The paths in the article list, in order."""
    return [article.path for article in app.screen.articles.articles]


def shown_notices(app: DigestApp) -> str:
    """The text of every notice on screen."""
    return "\n".join(visible_text(toast) for toast in app.screen.query("Toast"))


def problem_entries(screen: Screen) -> list[str]:
    """The entries of the problems dialog, each one string (its wrapped lines joined)."""
    entries: list[list[str]] = [[]]
    for line in visible_text(screen.query_one("#problems-list")).splitlines():
        if line.strip() and not line.strip("─ "):  # the rule between two entries
            entries.append([])
        elif line.strip():
            entries[-1].append(line.strip())
    return [" ".join(lines) for lines in entries if lines]


def help_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) rows of the help screen, wrapped descriptions joined again."""
    lines = visible_text(screen.query_one("#help-keys Static")).splitlines()
    column = lines[0].index("does")
    rows: list[tuple[str, str]] = []
    for line in lines[1:]:
        key, text = line[:column].strip(), line[column:].strip()
        if key:
            rows.append((key, text))
        elif text and rows:
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {text}")
    return rows

"""Start the reader on a content folder: build the domain objects, then run the app."""

from __future__ import annotations

from pathlib import Path

from digest_tui.config import Config
from digest_tui.index import ArticleIndex
from digest_tui.state import StateError, StateStore


def open_state(content_dir: Path) -> tuple[StateStore | None, list[str]]:
    """The folder's reader state, plus notices; an in-memory store when the file fails."""
    try:
        state = StateStore.for_folder(content_dir)
    except (StateError, OSError) as error:
        notice = f"Reader state unavailable ({error}); changes this session will not be kept"
        return StateStore.ephemeral(), [notice]
    notices = []
    if state.recovered_from is not None:
        notices.append(
            f"The reader state file was unreadable ({state.recovery_reason}); it was moved to "
            f"{state.recovered_from} and a fresh one started"
        )
    return state, notices


def run_reader(content_dir: Path, config: Config) -> int:
    """Open the reader on `content_dir`; return the exit status."""
    from digest_tui.tui.app import DigestApp  # Textual loads only here

    state, notices = open_state(content_dir)
    with ArticleIndex(content_dir) as index:
        app = DigestApp(source=index, config=config, state=state, notices=notices)
        try:
            app.run()
        finally:
            if state is not None:
                state.close()
    return app.return_code or 0

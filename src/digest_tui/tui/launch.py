"""Start the reader on a content folder: build the app, run it, then close what it opened."""

from __future__ import annotations

from pathlib import Path

from digest_tui.config import Config


def run_reader(content_dir: Path, config: Config, open_first: str | None = None) -> int:
    """Open the reader on `content_dir` (with the article at `open_first` open); return the
    exit status.

    The index and the state store open in the app's index worker, after the first frame.
    """
    from digest_tui.tui.app import DigestApp  # Textual loads only here

    app = DigestApp.for_folder(content_dir, config, open_first)
    try:
        app.run()
    finally:
        app.session.close()
    return app.return_code or 0

"""Following a content folder while the reader runs: file-system events, or a rescan."""

from digest_tui.watching.watcher import FolderChanges, FolderWatcher

__all__ = ["FolderChanges", "FolderWatcher"]

"""How article paths and identity hints are written to and read back from SQLite."""

from __future__ import annotations


def encode_path(path: str) -> bytes:
    """The stored key for `path`: its UTF-8 bytes, keeping undecodable file-name bytes."""
    return path.encode("utf-8", "surrogateescape")


def decode_path(stored: bytes | str) -> str:
    """The path for a stored key (the exact inverse of `encode_path`)."""
    if isinstance(stored, str):
        return stored
    return bytes(stored).decode("utf-8", "surrogateescape")


def identity_hint(text: str | None) -> str | None:
    """`text` made storable as SQLite TEXT (lone surrogates become U+FFFD), or None."""
    if text is None:
        return None
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")

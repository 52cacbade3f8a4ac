"""Turn a file's bytes into text: BOMs, UTF-16, legacy encodings and binary detection."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Control characters that never appear in real text files (tab, LF, FF, CR and ESC excluded:
# ESC shows up in pasted terminal output and is stripped later).
_BINARY_CONTROLS = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_BINARY_SAMPLE = 8192
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text from a file, or the reason it is not text."""

    text: str | None
    warning: str | None = None
    error: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes to text with LF line ends.

    UTF-8 (with or without a BOM) is expected; UTF-16 with a BOM is accepted; anything else
    falls back to Windows-1252, then Latin-1, with a warning. NUL bytes outside UTF-16, or
    many control bytes, mean a binary file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        return Decoded(None, error="binary file (contains NUL bytes)")
    if _mostly_controls(data):
        return Decoded(None, error="binary file (mostly control bytes)")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    try:
        text, name = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, name = data.decode("latin-1"), "Latin-1"
    return Decoded(normalise_newlines(text), warning=f"file is not UTF-8; read as {name}")


def plain_utf8(data: bytes) -> str | None:
    """The text `decode_bytes` gives for the common file: UTF-8, no BOM, no CR, not binary.

    None for anything else, which `decode_bytes` then handles (and may warn about).
    """
    if data.startswith(_BOMS) or b"\x00" in data or b"\r" in data or _mostly_controls(data):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_controls(data: bytes) -> bool:
    sample = data[:_BINARY_SAMPLE]
    # Deleting the control bytes counts them far faster than a regular expression would.
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls * 20 > len(sample)


def _decode_utf16(data: bytes) -> Decoded:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return Decoded(None, error="undecodable UTF-16 text")
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        return Decoded(None, error="binary file (contains NUL characters)")
    return Decoded(normalise_newlines(text), warning="file is UTF-16; UTF-8 is expected")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")

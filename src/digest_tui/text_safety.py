"""Make untrusted article text safe to show: no control, escape or bidi-override characters."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL and the C1 block (which includes the 8-bit CSI),
# plus the bidi embedding/override/isolate characters that can reorder what a reader sees.
_UNSAFE_IN_BLOCK = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI sequences (7- and 8-bit), removed whole
    "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\\\|\x9c)"  # OSC: links, clipboard
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
# Lone surrogates come from file names that are not valid UTF-8 (os.fsdecode keeps the bytes
# as surrogates); a terminal cannot encode them, so they become the replacement character.
_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")


def clean_block(text: str) -> str:
    """Strip escape sequences and control characters, keeping newlines and tabs."""
    return _SURROGATES.sub("\ufffd", _UNSAFE_IN_BLOCK.sub("", text))


def clean_line(text: str, limit: int | None = None) -> str:
    """Make a single-line field safe: no controls, line breaks folded to spaces.

    `limit` truncates very long values (with an ellipsis) so one field cannot flood a row.
    """
    cleaned = _LINE_BREAKS.sub(" ", clean_block(text)).strip()
    if limit is not None and len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned

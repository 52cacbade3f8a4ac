"""The argument parsers: the reader (`digest-tui [PATH]`) and the scripting subcommands."""

from __future__ import annotations

import argparse
import difflib
from datetime import date
from pathlib import Path
from typing import NoReturn

from digest_tui import __version__
from digest_tui.cli.errors import UsageError

COMMANDS = ("list", "search", "tags", "facets", "show", "check")
MIN_WIDTH, MAX_WIDTH = 20, 1000


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser that reports a bad argument as one line instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def refuse_mistyped_command(word: str | None) -> None:
    """`digest-tui serach`: a first word that is no path but close to a command is a typo."""
    if not word or Path(word).expanduser().exists() or "/" in word or "." in word:
        return
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    if close:
        raise UsageError(f"{word!r} is not a folder or a command; did you mean {close[0]!r}?")
    raise UsageError(f"{word!r} is not a folder or a command (commands: {', '.join(COMMANDS)})")


def calendar_date(text: str) -> date:
    """Parse a YYYY-MM-DD command-line date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (use YYYY-MM-DD): {text!r}") from None


def positive_int(text: str) -> int:
    """Parse a --limit value."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a non-negative number: {text!r}")
    return value


def width(text: str) -> int:
    """Parse a --width value: a number of columns from 20 to 1000."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not MIN_WIDTH <= value <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(
            f"not a width from {MIN_WIDTH} to {MAX_WIDTH} columns: {text!r}"
        )
    return value


def _add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="content folder (default: $DIGEST_TUI_CONTENT, then content_dir in the config "
        "file, then the bundled sample content)",
    )


def reader_parser() -> OneLineParser:
    """`digest-tui [PATH]`: open the reader."""
    parser = OneLineParser(
        prog="digest-tui",
        description="Read a folder of Markdown digest articles in the terminal. "
        f"Scripting commands: {', '.join(COMMANDS)} (digest-tui COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"digest-tui {__version__}")
    _add_path(parser)
    return parser


def command_parser() -> OneLineParser:
    """`digest-tui COMMAND ...`: the scripting interface."""
    parser = OneLineParser(prog="digest-tui")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    listing = commands.add_parser("list", help="list articles, newest first")
    _add_path(listing)
    listing.add_argument("--tag", action="append", default=[], metavar="T", help="repeatable")
    listing.add_argument("--since", type=calendar_date, metavar="DATE")
    listing.add_argument("--until", type=calendar_date, metavar="DATE")
    listing.add_argument("--query", metavar="Q", help="query, same syntax as the search box")
    listing.add_argument("--view", metavar="NAME", help="a saved view from the config file")
    listing.add_argument("--sort", choices=("newest", "oldest", "title"), default="newest")
    listing.add_argument("--limit", type=positive_int, metavar="N")
    listing.add_argument("--drafts", action="store_true", help="include drafts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    search = commands.add_parser("search", help="search articles, best match first")
    search.add_argument("query", metavar="QUERY")
    _add_path(search)
    search.add_argument("--limit", type=positive_int, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print a JSON array")

    tags = commands.add_parser("tags", help="list tags with article counts")
    _add_path(tags)
    tags.add_argument("--json", action="store_true", help="print a JSON array")

    facets = commands.add_parser(
        "facets", help="list tags, categories, sources and years with article counts"
    )
    _add_path(facets)
    facets.add_argument("--json", action="store_true", help="print a JSON object")

    show = commands.add_parser("show", help="print one article")
    show.add_argument(
        "article", metavar="ARTICLE", help="a path relative to PATH, a file name or a title"
    )
    _add_path(show)
    show.add_argument(
        "--width", type=width, metavar="N", help="columns (default: the terminal's, 100 piped)"
    )
    shown_as = show.add_mutually_exclusive_group()
    shown_as.add_argument("--markdown", action="store_true", help="print metadata and Markdown")
    shown_as.add_argument("--raw", action="store_true", help="print the file as written")

    check = commands.add_parser("check", help="report files that failed or loaded with warnings")
    _add_path(check)
    check.add_argument("--json", action="store_true", help="print a JSON object")
    return parser

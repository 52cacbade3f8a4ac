"""The `digest-tui` entry point."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

from digest_tui.cli import commands
from digest_tui.cli.content import resolve_content_dir, resolve_reader_target
from digest_tui.cli.errors import UsageError
from digest_tui.cli.parser import (
    COMMANDS,
    command_parser,
    reader_parser,
    refuse_mistyped_command,
)
from digest_tui.cli.signals import exit_cleanly_on_termination, termination_status, told_to_stop
from digest_tui.config import load_config

RUNNERS = {
    "list": commands.run_list,
    "search": commands.run_search,
    "tags": commands.run_tags,
    "facets": commands.run_facets,
    "show": commands.run_show,
    "check": commands.run_check,
}


def _run(argv: list[str]) -> int:
    config, config_errors = load_config()
    for message in config_errors:
        print(f"digest-tui: config: {message}", file=sys.stderr)
    if argv and argv[0] in COMMANDS:
        args = command_parser().parse_args(argv)
        if getattr(args, "view", None) is not None:
            args.query = _view_query(args.view, args.query, config.views)
        content_dir = resolve_content_dir(args.path, config)
        exit_cleanly_on_termination()
        return termination_status(RUNNERS[args.command](args, content_dir))
    args = reader_parser().parse_args(argv)
    refuse_mistyped_command(args.path)
    content_dir, article = resolve_reader_target(args.path, config)
    from digest_tui.tui.launch import run_reader  # Textual loads only when the reader opens

    return run_reader(content_dir, config, open_first=article)


def _view_query(name: str, query: str | None, views: Mapping[str, str]) -> str:
    """The saved view's query, followed by `--query`'s terms when both are given."""
    if name not in views:
        known = ", ".join(sorted(views)) or "none are saved"
        raise UsageError(f"no view named {name!r} in the config file (views: {known})")
    return f"{views[name]} {query}" if query else views[name]


def main(argv: Sequence[str] | None = None) -> int:
    """Run digest-tui with `argv` (default: the process arguments); return the exit status."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except UsageError as error:
        print(f"digest-tui: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `digest-tui list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
    except Exception:
        # A SIGTERM that lands while a process pool starts unwinds into the pool's own
        # shutdown, which then fails on its half-started thread: still a requested stop.
        if told_to_stop():
            return termination_status(1)
        raise

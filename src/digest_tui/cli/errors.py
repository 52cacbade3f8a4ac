"""The one exception the CLI turns into a single line on stderr and exit status 2."""


class UsageError(Exception):
    """A bad argument or a missing path: reported as one line, exit status 2."""

"""digest-tui: a terminal reader for folders of Markdown digest articles."""

__version__ = "0.1.0"

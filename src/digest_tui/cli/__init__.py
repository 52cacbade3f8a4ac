"""The command-line interface: the reader's entry point and scripting commands."""

"""The Textual reader: app, screens and widgets (the only package that imports Textual)."""

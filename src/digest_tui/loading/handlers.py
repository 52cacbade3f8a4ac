"""python-frontmatter handlers with our safe YAML loader and stdlib TOML."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import frontmatter
from frontmatter.default_handlers import BaseHandler

from digest_tui.loading.yaml_safe import load_yaml


class SafeYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler with our safe, alias-bounded loader."""

    def load(self, fm: str, **kwargs: object) -> Any:
        """Load YAML text; returns (value, warnings)."""
        return load_yaml(fm)


class StdlibTOMLHandler(BaseHandler):
    """A `+++` TOML handler on stdlib `tomllib` (python-frontmatter's needs the `toml` package)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> Any:
        """Load TOML text; returns (value, warnings)."""
        return tomllib.loads(fm), []

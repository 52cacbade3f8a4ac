"""Parse a frontmatter block into a mapping: a fast path and the python-frontmatter path.

The fast path hands the block found by `fences.split_frontmatter` straight to the safe YAML
loader. The general path lets python-frontmatter's handlers split the text and load it
(with our safe YAML loader and stdlib `tomllib`). Both give the same mapping and body.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from digest_tui.loading.fences import Split, looks_like_yaml, strip_leading_blank_lines
from digest_tui.loading.simple_yaml import parse_simple
from digest_tui.loading.yaml_safe import AliasBombError, load_yaml

_TOML_LINE = re.compile(r"\(?at line (\d+), column \d+\)?")


@dataclass(frozen=True, slots=True)
class Metadata:
    """The frontmatter as a string-keyed mapping, the body, and warnings."""

    values: dict[str, Any]
    body: str
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """Why a frontmatter block could not be read, and the file line when known."""

    reason: str
    line: int | None = None


def read_metadata(split: Split, text: str, *, fast: bool = True) -> Metadata | ParseFailure:
    """Parse the frontmatter of `split` (from the full `text`); never raises for bad input."""
    warnings = [split.warning] if split.warning else []
    if split.kind is None:
        return Metadata({}, split.body, warnings)
    try:
        value, body, found = _parse(split, text, fast)
    except yaml.YAMLError as error:
        if not looks_like_yaml(split.frontmatter):
            # A later `---` rule closed a block whose real closing fence is missing.
            return Metadata({}, text, [*warnings, "frontmatter has no closing fence; read as body"])
        return _yaml_failure(error, split)
    except AliasBombError as error:
        return ParseFailure(str(error), split.first_line)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = split.first_line + int(match.group(1)) - 1 if match else None
        reason = _TOML_LINE.sub("", str(error)).replace("()", "").strip()
        return ParseFailure(f"invalid TOML frontmatter: {reason}", line)
    except RecursionError:
        return ParseFailure("frontmatter is nested too deeply", split.first_line)
    values, shape_warnings = as_string_mapping(value)
    return Metadata(values, body, warnings + found + shape_warnings)


def _yaml_failure(error: yaml.YAMLError, split: Split) -> ParseFailure:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if error.context_mark and mark is not None and mark.line >= split.frontmatter.count("\n"):
            mark = error.context_mark  # "end of stream": point at where the value began
        line = split.first_line + mark.line if mark else None
        return ParseFailure(f"invalid YAML frontmatter: {error.problem or error}", line)
    return ParseFailure(f"invalid YAML frontmatter: {error}")


def _parse(split: Split, text: str, fast: bool) -> tuple[Any, str, list[str]]:
    if split.kind == "json":
        return json.loads(split.frontmatter), split.body, []
    if fast and split.kind == "yaml":
        simple = parse_simple(split.frontmatter)
        if simple is not None:
            return simple, split.body, []
        value, found = load_yaml(split.frontmatter)
        return value, split.body, found
    # python-frontmatter loads only for the files the fast path leaves to it.
    from digest_tui.loading.handlers import SafeYAMLHandler, StdlibTOMLHandler

    handler = SafeYAMLHandler() if split.kind == "yaml" else StdlibTOMLHandler()
    fenced = strip_leading_blank_lines(text)
    block, content = handler.split(fenced)
    # The handler's boundary pattern leaves the opening fence's newline on the block.
    value, found = handler.load(block.removeprefix("\n"))
    return value, strip_leading_blank_lines(content), found


def as_string_mapping(value: Any) -> tuple[dict[str, Any], list[str]]:
    """The frontmatter as a dict with string keys; other shapes give {} and a warning."""
    if value is None:
        return {}, []
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else f"a single {type(value).__name__} value"
        return {}, [f"frontmatter is {kind}, not a mapping; ignored"]
    if all(isinstance(key, str) for key in value):
        return value, []
    fixed = {key if isinstance(key, str) else str(key): item for key, item in value.items()}
    return fixed, ["frontmatter has keys that are not text; read as text"]

"""YAML frontmatter, read safely: no object construction, bounded alias expansion."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from digest_tui.loading.limits import MAX_YAML_NODES

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class AliasBombError(ValueError):
    """The document's aliases would expand beyond the node budget (or loop)."""


class _TolerantLoader(_BaseLoader):
    """A safe loader that keeps timestamps as text and turns unknown tags into plain values."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.unknown_tags: list[str] = []


def _timestamp_as_text(loader: _TolerantLoader, node: ScalarNode) -> str:
    # Keep dates exactly as written so the offset and precision survive.
    return str(loader.construct_scalar(node))


def _plain_value(loader: _TolerantLoader, suffix: str, node: Node) -> Any:
    if node.tag not in loader.unknown_tags:
        loader.unknown_tags.append(node.tag)
    if isinstance(node, ScalarNode):
        return str(loader.construct_scalar(node))
    if isinstance(node, SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return _mapping_value(loader, node)


def _mapping_value(loader: _TolerantLoader, node: Node) -> dict[Any, Any]:
    pairs = loader.construct_pairs(node, deep=True)
    return {_hashable(key): value for key, value in pairs}


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:
        return repr(key)
    return key


_TolerantLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
_TolerantLoader.add_constructor("tag:yaml.org,2002:map", _mapping_value)
_TolerantLoader.add_multi_constructor("", _plain_value)


def load_yaml(text: str) -> tuple[Any, list[str]]:
    """Parse one YAML document; return the value and warnings about unknown tags.

    Raises `yaml.YAMLError` for invalid YAML and `AliasBombError` when aliases would expand
    beyond `MAX_YAML_NODES` nodes. Tags such as `!!python/object` are never executed: their
    value is read as a plain string, list or mapping.
    """
    loader = _TolerantLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        if "*" in text:
            check_expansion(node)
        value = loader.construct_document(node)
        warnings = [
            f"unknown YAML tag {_short(tag)} read as plain text" for tag in loader.unknown_tags
        ]
        return value, warnings
    finally:
        loader.dispose()


def check_expansion(root: Node, budget: int = MAX_YAML_NODES) -> None:
    """Raise AliasBombError if the node graph, with aliases expanded, exceeds `budget`.

    Aliases make the composed graph a DAG whose expansion can be exponential; sizes are
    memoised per node, so the check itself stays linear in the composed graph.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > budget:
                raise AliasBombError(f"YAML aliases expand too far (over {budget:,} nodes)")
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise AliasBombError("YAML aliases refer to themselves")
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")

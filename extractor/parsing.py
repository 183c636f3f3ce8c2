"""tree-sitter setup for TypeScript and TSX; the one place that knows the binding's API."""

from __future__ import annotations

from functools import cache

import tree_sitter_typescript as tst
from tree_sitter import Language, Node, Parser, Tree


@cache
def _language(tsx: bool) -> Language:
    return Language(tst.language_tsx() if tsx else tst.language_typescript())


@cache
def _parser(tsx: bool) -> Parser:
    return Parser(_language(tsx))


def parse_typescript(path: str, source: bytes) -> Tree:
    """Parse with the TSX grammar for `.tsx` files, TypeScript otherwise."""
    return _parser(path.endswith(".tsx")).parse(source)


def node_text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", errors="replace")


def first_error(node: Node) -> Node | None:
    """The first ERROR or MISSING node below `node` in source order, if the tree has one."""
    if not node.has_error:
        return None
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "ERROR" or current.is_missing:
            return current
        stack.extend(reversed([c for c in current.children if c.has_error or c.is_missing]))
    return node


def line_of(node: Node) -> int:
    return node.start_point[0] + 1

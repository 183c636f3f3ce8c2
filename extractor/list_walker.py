"""Walks the code that assembles a tool list and records, per tool, the guards around its reference.

Recognised shapes: array literals, spreads, `tools.push(...)`, `if`/`else`, ternaries, `cond ? [...] : []`,
calls to local list helpers and local const arrays. A tool is referenced by an identifier, a namespace
member (`toolDefinitions.readFileTool`) or a factory call (`await subagentTool()`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from .conditions import ALWAYS, Dnf, GuardReader, dnf_and, dnf_not, dnf_or
from .modules import ModuleIndex
from .parsing import line_of, node_text

_SKIP_CALLS = ("map", "find", "forEach", "get", "debug", "info", "warn", "error", "some")


@dataclass
class ToolRef:
    tool: str
    when: Dnf
    line: int
    order: int


@dataclass
class ListWalk:
    """The tools found in one module's list builders, in first-reference order."""

    module: ModuleIndex
    resolve: Callable[[str], str | None]  # TypeScript name -> tool name, None when not a tool
    guards: GuardReader = field(default_factory=lambda: GuardReader({}))
    refs: dict[str, ToolRef] = field(default_factory=dict)
    unresolved: list[tuple[str, int]] = field(default_factory=list)  # (text, line) that looked like a tool
    _active: set[str] = field(default_factory=set)
    _index_vars: dict[str, str] = field(default_factory=dict)  # `const i = tools.findIndex(...)` -> tool

    # ---- entry points ----
    def walk_decl(self, name: str, when: Dnf = ALWAYS) -> bool:
        decl = self.module.decls.get(name)
        if decl is None or decl.value is None or name in self._active:
            return False
        self._active.add(name)
        try:
            value = decl.value
            body = value.child_by_field_name("body") if "function" in value.type else None
            self._walk(body if body is not None else value, when)
        finally:
            self._active.discard(name)
        return True

    # ---- recording ----
    def _record(self, ts_name: str, node: Node, when: Dnf) -> None:
        tool = self.resolve(ts_name)
        if tool is None:
            if ts_name.endswith("Tool") or ts_name.endswith("Block"):
                self.unresolved.append((ts_name, line_of(node)))
            return
        ref = self.refs.get(tool)
        if ref is None:
            self.refs[tool] = ToolRef(tool, when, line_of(node), len(self.refs))
        else:
            ref.when = dnf_or(ref.when, when)

    def _remove(self, tool_text: str, when: Dnf) -> None:
        """`tools.filter((t) => t.name !== x.name)` or `tools.splice(i, 1)` under `when`: x dropped then."""
        tool = self.resolve(tool_text)
        if tool is not None and tool in self.refs:
            self.refs[tool].when = dnf_and(self.refs[tool].when, dnf_not(when))

    # ---- the walk ----
    def _walk(self, node: Node | None, when: Dnf) -> None:
        if node is None or not when:
            return
        t = node.type
        if t == "identifier":
            self._identifier(node, when)
        elif t == "member_expression":
            prop = node.child_by_field_name("property")
            if prop is not None:
                self._record(node_text(prop), node, when)
        elif t == "call_expression":
            self._call(node, when)
        elif t == "ternary_expression":
            cond = self.guards.read(node.child_by_field_name("condition"))  # type: ignore[arg-type]
            self._walk(node.child_by_field_name("consequence"), dnf_and(when, cond))
            self._walk(node.child_by_field_name("alternative"), dnf_and(when, dnf_not(cond)))
        elif t == "if_statement":
            cond_node = node.child_by_field_name("condition")
            cond = self.guards.read(cond_node) if cond_node is not None else ALWAYS
            if cond_node is not None and any(v in node_text(cond_node) for v in self._index_vars):
                cond = ALWAYS  # `if (i !== -1) tools.splice(i, 1)`: only checks the tool is in the list
            self._walk(node.child_by_field_name("consequence"), dnf_and(when, cond))
            alt = node.child_by_field_name("alternative")
            if alt is not None:
                self._walk(alt, dnf_and(when, dnf_not(cond)))
        elif t in ("lexical_declaration", "variable_declaration"):
            for decl in node.named_children:
                if decl.type != "variable_declarator":
                    continue
                name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if name is None or value is None:
                    continue
                self.guards.aliases[node_text(name)] = value  # later guards may use it
                found = re.search(r"findIndex\(.*===\s*(\w+)\.name", node_text(value), re.S)
                if found:
                    self._index_vars[node_text(name)] = found.group(1)
                if value.type == "array" or (value.type == "identifier" and self._is_local_array(value)):
                    self._walk(value, when)
        elif t in (
            "binary_expression",
            "unary_expression",
            "arrow_function",
            "function_expression",
            "comment",
        ):
            return  # guards and callbacks are not list elements
        else:
            for child in node.named_children:
                self._walk(child, when)

    def _is_local_array(self, node: Node) -> bool:
        decl = self.module.decls.get(node_text(node))
        return decl is not None and decl.value is not None and decl.value.type in ("array", "identifier")

    def _identifier(self, node: Node, when: Dnf) -> None:
        name = node_text(node)
        decl = self.module.decls.get(name)
        if decl is not None and decl.value is not None and decl.value.type in ("array", "identifier"):
            self.walk_decl(name, when)  # a local const list such as BASE_BUILTIN_TOOLS
        else:
            self._record(name, node, when)

    def _call(self, node: Node, when: Dnf) -> None:
        fn = node.child_by_field_name("function")
        args = node.child_by_field_name("arguments")
        if fn is None:
            return
        if fn.type == "member_expression":
            prop = fn.child_by_field_name("property")
            method = node_text(prop) if prop is not None else ""
            if method in ("push", "concat", "unshift"):
                if method == "concat":  # `base.concat(extra)`: both sides are list elements
                    self._walk(fn.child_by_field_name("object"), when)
                if args is not None:
                    for arg in args.named_children:
                        self._walk(arg, when)
                return
            if method == "filter" and args is not None:
                for dropped in re.findall(r"\.name\s*!==?\s*(\w+)\.name", node_text(args)):
                    self._remove(dropped, when)
                return
            if method == "splice" and args is not None and args.named_children:
                index = node_text(args.named_children[0])
                if index in self._index_vars:
                    self._remove(self._index_vars[index], when)
                return
            if method in _SKIP_CALLS:
                return
            self._record(method, node, when)  # toolDefinitions.requestRuleTool(params)
            return
        if fn.type == "identifier":
            name = node_text(fn)
            if self.resolve(name) is None and self.walk_decl(name, when):
                return  # a local list helper: getBaseToolDefinitions()
            self._record(name, node, when)  # a factory: await subagentTool()

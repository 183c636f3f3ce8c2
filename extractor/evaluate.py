"""A small static evaluator for TypeScript values: tool objects to plain data.

Handlers are keyed by tree-sitter `node.type` (griffe's `_node_map` style). Anything that depends on
runtime input (a function parameter, `os.platform()`, `process.cwd()`, an external package) becomes a
`Dynamic` carrying its source text, never a guess; `to_plain` turns those into `<dynamic:...>` markers
and reports where they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tree_sitter import Node

from .gitref import Snapshot
from .interpret import Abort, Interpreter
from .models import dynamic_marker
from .modules import ModuleIndex, build_index, candidate_paths
from .parsing import line_of, node_text


@dataclass(frozen=True)
class Dynamic:
    """A value known only at runtime (or not resolvable statically)."""

    text: str
    unresolved: bool = False  # True: we expected to resolve it and could not (worth a finding)


class DynStr(str):
    """A string with at least one dynamic marker inside."""


@dataclass(frozen=True)
class FunctionValue:
    node: Node
    module: ModuleIndex
    is_async: bool
    closure: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Namespace:
    path: str


class _Undefined:
    def __repr__(self) -> str:
        return "undefined"


UNDEFINED = _Undefined()


class EnumObject(dict[str, Any]):
    """An enum's members by name."""


@dataclass
class ModuleCache:
    """Parsed modules by blob id, shared across snapshots so unchanged files are parsed once."""

    modules: dict[tuple[str, str], ModuleIndex] = field(default_factory=dict)
    parses: int = 0

    def get(self, path: str, blob_id: str, load: Callable[[], bytes]) -> ModuleIndex:
        key = (blob_id, path)
        hit = self.modules.get(key)
        if hit is None:
            hit = build_index(path, load())
            self.modules[key] = hit
            self.parses += 1
        return hit


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE_RE = re.compile(
    r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|\n|\r|\u2028|\u2029|.)", re.S
)


def cook(raw: str) -> str:
    """Apply JavaScript escape rules to the raw text of a string or template fragment."""

    def repl(m: re.Match[str]) -> str:
        esc = m.group(1)
        if esc in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
            return ""  # line continuation
        if esc.startswith("u{"):
            return chr(int(esc[2:-1], 16))
        if esc.startswith("u") and len(esc) == 5:
            return chr(int(esc[1:], 16))
        if esc.startswith("x") and len(esc) == 3:
            return chr(int(esc[1:], 16))
        return _ESCAPES.get(esc, esc)

    cooked = _ESCAPE_RE.sub(repl, raw)
    if any("\ud800" <= ch <= "\udfff" for ch in cooked):
        # JavaScript strings are UTF-16: a `\uD83D\uDE00` pair is one character.
        cooked = cooked.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return cooked


def _js_str(value: Any) -> str | None:
    """JavaScript's String(value) for static values, None when not static."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, list):
        parts = [_js_str(v) if v is not None and v is not UNDEFINED else "" for v in value]
        return None if any(p is None for p in parts) else ",".join(p or "" for p in parts)
    return None


def _concat(parts: list[Any]) -> str:
    dynamic = False
    out = []
    for part in parts:
        if isinstance(part, Dynamic):
            out.append(dynamic_marker(part.text))
            dynamic = True
            continue
        text = _js_str(part)
        if text is None:
            out.append(dynamic_marker(repr(part)))
            dynamic = True
        else:
            out.append(text)
            dynamic = dynamic or isinstance(part, DynStr)
    joined = "".join(out)
    return DynStr(joined) if dynamic else joined


_PURE_STRING_METHODS: dict[str, Callable[..., Any]] = {
    "trim": lambda s: s.strip(),
    "trimEnd": lambda s: s.rstrip(),
    "trimStart": lambda s: s.lstrip(),
    "toLowerCase": lambda s: s.lower(),
    "toUpperCase": lambda s: s.upper(),
}


class Program:
    """Evaluates names and expressions across the TypeScript modules of one snapshot."""

    def __init__(self, snap: Snapshot, cache: ModuleCache | None = None) -> None:
        self.snap = snap
        self.cache = cache or ModuleCache()
        self._values: dict[tuple[str, str], Any] = {}
        self._in_progress: set[tuple[str, str]] = set()
        self.read_paths: dict[str, str] = {}  # path -> blob id of every module read
        self.unresolved: list[tuple[str, int, str]] = []  # (path, line, text)

    # ---- modules ----
    def module(self, path: str) -> ModuleIndex | None:
        blob_id = self.snap.blob_id(path)
        if blob_id is None:
            return None
        self.read_paths[path] = blob_id
        return self.cache.get(path, blob_id, lambda: self.snap.read_bytes(path) or b"")

    def resolve_specifier(self, from_path: str, spec: str) -> str | None:
        for cand in candidate_paths(from_path, spec):
            if self.snap.exists(cand):
                return cand
        return None

    # ---- names ----
    def export_value(self, path: str, name: str, depth: int = 0) -> Any:
        """The value a module exports under `name`, following re-exports and barrels."""
        mod = self.module(path)
        if mod is None or depth > 25:
            return Dynamic(f"{path}:{name}", unresolved=True)
        if name == "*":
            return Namespace(path)
        if name in mod.exports:
            return self.local_value(mod, mod.exports[name])
        if name in mod.reexports:
            spec, orig = mod.reexports[name]
            target = self.resolve_specifier(path, spec)
            if target is None:
                return Dynamic(f"import {orig} from {spec!r}")
            return Namespace(target) if orig == "*" else self.export_value(target, orig, depth + 1)
        for spec in mod.star_exports:
            target = self.resolve_specifier(path, spec)
            if target is None:
                continue
            if self.has_export(target, name, depth + 1):
                return self.export_value(target, name, depth + 1)
        if name in mod.decls:  # not exported, but declared: still the best static answer
            return self.local_value(mod, name)
        return Dynamic(f"{path}:{name}", unresolved=True)

    def has_export(self, path: str, name: str, depth: int = 0) -> bool:
        mod = self.module(path)
        if mod is None or depth > 25:
            return False
        if name in mod.exports or name in mod.reexports:
            return True
        return any(
            (t := self.resolve_specifier(path, s)) is not None and self.has_export(t, name, depth + 1)
            for s in mod.star_exports
        )

    def export_origin(self, path: str, name: str, depth: int = 0) -> tuple[str, str] | None:
        """The (module path, local name) that finally defines an export."""
        mod = self.module(path)
        if mod is None or depth > 25:
            return None
        if name in mod.exports:
            local = mod.exports[name]
            if local in mod.imports:
                return self.import_origin(mod, local, depth + 1)
            return (path, local)
        if name in mod.reexports:
            spec, orig = mod.reexports[name]
            target = self.resolve_specifier(path, spec)
            return self.export_origin(target, orig, depth + 1) if target else None
        for spec in mod.star_exports:
            target = self.resolve_specifier(path, spec)
            if target and self.has_export(target, name, depth + 1):
                return self.export_origin(target, name, depth + 1)
        if name in mod.decls:
            return (path, name)
        return None

    def import_origin(self, mod: ModuleIndex, local: str, depth: int = 0) -> tuple[str, str] | None:
        if local in mod.decls:
            return (mod.path, local)
        if local not in mod.imports:
            return None
        spec, name = mod.imports[local]
        target = self.resolve_specifier(mod.path, spec)
        if target is None or name == "*":
            return None
        return self.export_origin(target, name, depth)

    def local_value(self, mod: ModuleIndex, name: str) -> Any:
        key = (mod.path, name)
        if key in self._values:
            return self._values[key]
        if key in self._in_progress:
            return Dynamic(f"<cycle {name}>", unresolved=True)
        self._in_progress.add(key)
        try:
            value = self._compute_local(mod, name)
        finally:
            self._in_progress.discard(key)
        self._values[key] = value
        return value

    def _compute_local(self, mod: ModuleIndex, name: str) -> Any:
        decl = mod.decls.get(name)
        if decl is not None:
            if decl.kind == "enum":
                return self._enum(mod, decl.value)
            if decl.kind == "function":
                return FunctionValue(decl.node, mod, _is_async(decl.node))
            if decl.kind == "class":
                return Dynamic(f"class {name}")
            if decl.value is None:
                return UNDEFINED
            if decl.kind != "const":
                return Dynamic(name)  # let/var may be reassigned at runtime
            return Evaluator(self, mod).eval(decl.value)
        if name in mod.imports:
            spec, imported = mod.imports[name]
            target = self.resolve_specifier(mod.path, spec)
            if target is None:
                return Dynamic(name)  # an external package: known only at runtime
            if imported == "*":
                return Namespace(target)
            return self.export_value(target, imported)
        return Dynamic(name)

    def _enum(self, mod: ModuleIndex, body: Node | None) -> EnumObject:
        members = EnumObject()
        counter: Any = 0
        if body is None:
            return members
        ev = Evaluator(self, mod)
        for child in body.named_children:
            if child.type == "enum_assignment":
                key = _prop_key(child.child_by_field_name("name"))
                value = ev.eval(child.child_by_field_name("value"))
            elif child.type in ("property_identifier", "string"):
                key = _prop_key(child)
                value = counter
            else:
                continue
            ev.env[key] = value
            members[key] = value
            counter = value + 1 if isinstance(value, int) and not isinstance(value, bool) else UNDEFINED
        return members


def _is_async(node: Node) -> bool:
    return any(c.type == "async" for c in node.children)


def _prop_key(node: Node | None) -> str:
    if node is None:
        return ""
    if node.type == "string":
        return cook(node_text(node)[1:-1])
    return node_text(node)


class Evaluator:
    """Evaluates expressions inside one module with a local environment (function scope)."""

    def __init__(
        self, program: Program, module: ModuleIndex, env: dict[str, Any] | None = None, depth: int = 0
    ) -> None:
        self.program = program
        self.module = module
        self.env: dict[str, Any] = dict(env or {})
        self.depth = depth

    def eval(self, node: Node | None) -> Any:
        if node is None:
            return UNDEFINED
        handler = _HANDLERS.get(node.type)
        if handler is None:
            return Dynamic(node_text(node))
        return handler(self, node)

    def lookup(self, name: str, node: Node) -> Any:
        if name in self.env:
            return self.env[name]
        if name == "undefined":
            return UNDEFINED
        if name in self.module.decls or name in self.module.imports:
            value = self.program.local_value(self.module, name)
            if isinstance(value, Dynamic) and value.unresolved:
                self.program.unresolved.append((self.module.path, line_of(node), name))
            return value
        return Dynamic(name)  # a global such as process, os, JSON

    # ---- functions ----
    def call_function(self, fn: FunctionValue) -> Any:
        """The object a (GetTool-style) function returns, with its parameters as runtime values."""
        node = fn.node
        env: dict[str, Any] = dict(fn.closure)
        params = node.child_by_field_name("parameters") or node.child_by_field_name("parameter")
        if params is not None:
            for ident in _binding_names(params):
                env[ident] = Dynamic(ident)
        ev = Evaluator(self.program, fn.module, env)
        body = node.child_by_field_name("body")
        if body is None:
            return Dynamic(node_text(node))
        if body.type != "statement_block":
            return ev.eval(body)
        return ev.run_block(body)

    def run_block(self, block: Node) -> Any:
        for stmt in block.named_children:
            if stmt.type in ("lexical_declaration", "variable_declaration"):
                for decl in stmt.named_children:
                    if decl.type != "variable_declarator":
                        continue
                    name_node = decl.child_by_field_name("name")
                    value = self.eval(decl.child_by_field_name("value"))
                    if name_node is not None and name_node.type == "identifier":
                        self.env[node_text(name_node)] = value
                    elif name_node is not None:
                        for ident in _binding_names(name_node):
                            self.env[ident] = Dynamic(ident)
            elif stmt.type == "return_statement":
                expr = next((c for c in stmt.named_children), None)
                return self.eval(expr)
            elif stmt.type == "function_declaration":
                name_node = stmt.child_by_field_name("name")
                if name_node is not None:
                    self.env[node_text(name_node)] = FunctionValue(stmt, self.module, _is_async(stmt))
        return Dynamic(node_text(block))


def _binding_names(node: Node) -> Iterator[str]:
    """Identifiers a parameter list or destructuring pattern binds."""
    if node.type in ("identifier", "shorthand_property_identifier_pattern"):
        yield node_text(node)
        return
    if node.type in ("type_annotation", "predefined_type", "type_identifier"):
        return
    for child in node.named_children:
        if child.type == "pair_pattern":
            value = child.child_by_field_name("value")
            if value is not None:
                yield from _binding_names(value)
        elif child.type in ("type_annotation",):
            continue
        elif child.type in ("required_parameter", "optional_parameter"):
            pattern = child.child_by_field_name("pattern")
            if pattern is not None:
                yield from _binding_names(pattern)
        else:
            yield from _binding_names(child)


# ---- handlers by node type ----


def _h_string(ev: Evaluator, node: Node) -> Any:
    return cook(node_text(node)[1:-1])


def _h_template(ev: Evaluator, node: Node) -> Any:
    raw = node_text(node)
    parts: list[Any] = []
    cursor = node.start_byte + 1  # after the opening backtick
    src = ev.module.source
    for child in node.named_children:
        if child.type == "template_substitution":
            parts.append(cook(src[cursor : child.start_byte].decode("utf-8", errors="replace")))
            expr = child.named_children[0] if child.named_children else None
            parts.append(ev.eval(expr))
            cursor = child.end_byte
    tail_end = node.end_byte - 1 if raw.endswith("`") else node.end_byte
    parts.append(cook(src[cursor:tail_end].decode("utf-8", errors="replace")))
    return _concat(parts)


def _h_number(ev: Evaluator, node: Node) -> Any:
    text = node_text(node).replace("_", "")
    try:
        if text.lower().startswith(("0x", "0o", "0b")):
            return int(text, 0)
        value = float(text)
        return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value
    except ValueError:
        return Dynamic(text)


def _h_array(ev: Evaluator, node: Node) -> Any:
    out: list[Any] = []
    for child in node.named_children:
        if child.type == "spread_element":
            inner = ev.eval(child.named_children[0] if child.named_children else None)
            if isinstance(inner, list):
                out.extend(inner)
            else:
                out.append(Dynamic(node_text(child)))
        elif child.type != "comment":
            out.append(ev.eval(child))
    return out


def _h_object(ev: Evaluator, node: Node) -> Any:
    out: dict[str, Any] = {}
    for child in node.named_children:
        if child.type == "pair":
            key_node = child.child_by_field_name("key")
            if key_node is not None and key_node.type == "computed_property_name":
                key_val = ev.eval(key_node.named_children[0] if key_node.named_children else None)
                key = _js_str(key_val)
                if key is None:
                    out[dynamic_marker(node_text(key_node))] = Dynamic(node_text(child))
                    continue
            else:
                key = _prop_key(key_node)
            out[key] = ev.eval(child.child_by_field_name("value"))
        elif child.type == "shorthand_property_identifier":
            name = node_text(child)
            out[name] = ev.lookup(name, child)
        elif child.type == "spread_element":
            inner = ev.eval(child.named_children[0] if child.named_children else None)
            if isinstance(inner, dict):
                out.update(inner)
            else:
                out[dynamic_marker(node_text(child))] = Dynamic(node_text(child))
        elif child.type == "method_definition":
            key = _prop_key(child.child_by_field_name("name"))
            out[key] = FunctionValue(child, ev.module, _is_async(child))
    return out


def _h_identifier(ev: Evaluator, node: Node) -> Any:
    return ev.lookup(node_text(node), node)


def _member(ev: Evaluator, obj: Any, prop: str, node: Node) -> Any:
    if isinstance(obj, Namespace):
        return ev.program.export_value(obj.path, prop)
    if isinstance(obj, dict):
        if prop in obj:
            return obj[prop]
        return UNDEFINED if not isinstance(obj, EnumObject) else Dynamic(node_text(node), unresolved=True)
    if isinstance(obj, list) and prop == "length":
        return len(obj)
    if isinstance(obj, str) and prop == "length":
        return len(obj)
    if isinstance(obj, list) and prop.isdigit():
        idx = int(prop)
        return obj[idx] if idx < len(obj) else UNDEFINED
    return Dynamic(node_text(node))


def _h_member(ev: Evaluator, node: Node) -> Any:
    obj = ev.eval(node.child_by_field_name("object"))
    prop_node = node.child_by_field_name("property")
    if isinstance(obj, Dynamic):
        return Dynamic(node_text(node), unresolved=obj.unresolved)
    return _member(ev, obj, _prop_key(prop_node), node)


def _h_subscript(ev: Evaluator, node: Node) -> Any:
    obj = ev.eval(node.child_by_field_name("object"))
    index = ev.eval(node.child_by_field_name("index"))
    key = _js_str(index)
    if isinstance(obj, Dynamic) or key is None:
        return Dynamic(node_text(node))
    return _member(ev, obj, key, node)


def _h_unwrap_first(ev: Evaluator, node: Node) -> Any:
    # as / satisfies / <T>x / x! / (x) / await x: the value is the first expression child.
    for child in node.named_children:
        if child.type not in ("type_annotation", "type_identifier", "predefined_type", "comment"):
            return ev.eval(child)
    return UNDEFINED


def _h_type_assertion(ev: Evaluator, node: Node) -> Any:
    children = [c for c in node.named_children if c.type != "type_arguments"]
    return ev.eval(children[-1]) if children else UNDEFINED


def _h_binary(ev: Evaluator, node: Node) -> Any:
    op_node = node.child_by_field_name("operator")
    op = node_text(op_node) if op_node is not None else ""
    left = ev.eval(node.child_by_field_name("left"))
    if op in ("||", "??", "&&"):
        if isinstance(left, Dynamic):
            return Dynamic(node_text(node))
        falsy = left in (None, UNDEFINED, False, 0, "") and not isinstance(left, list | dict)
        if op == "||":
            return left if not falsy else ev.eval(node.child_by_field_name("right"))
        if op == "??":
            return left if left not in (None, UNDEFINED) else ev.eval(node.child_by_field_name("right"))
        return ev.eval(node.child_by_field_name("right")) if not falsy else left
    right = ev.eval(node.child_by_field_name("right"))
    if op == "+":
        if isinstance(left, str) or isinstance(right, str):
            return _concat([left, right])
        if _is_num(left) and _is_num(right):
            return left + right
    if _is_num(left) and _is_num(right):
        try:
            return {"-": lambda: left - right, "*": lambda: left * right}[op]()
        except KeyError:
            pass
    if op in ("===", "!==", "==", "!=") and not (isinstance(left, Dynamic) or isinstance(right, Dynamic)):
        equal = left == right
        return equal if op in ("===", "==") else not equal
    return Dynamic(node_text(node))


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _h_unary(ev: Evaluator, node: Node) -> Any:
    op_node = node.child_by_field_name("operator")
    op = node_text(op_node) if op_node is not None else ""
    value = ev.eval(node.child_by_field_name("argument"))
    if isinstance(value, Dynamic):
        return Dynamic(node_text(node))
    if op == "!":
        return value in (None, UNDEFINED, False, 0, "")
    if op == "-" and _is_num(value):
        return -value
    if op == "+" and _is_num(value):
        return value
    return Dynamic(node_text(node))


def _h_ternary(ev: Evaluator, node: Node) -> Any:
    cond = ev.eval(node.child_by_field_name("condition"))
    if isinstance(cond, Dynamic) or not isinstance(cond, bool | int | str | type(None)):
        return Dynamic(node_text(node))
    branch = "consequence" if cond else "alternative"
    return ev.eval(node.child_by_field_name(branch))


def _h_function(ev: Evaluator, node: Node) -> Any:
    return FunctionValue(node, ev.module, _is_async(node), tuple(ev.env.items()))


def _h_call(ev: Evaluator, node: Node) -> Any:
    fn_node = node.child_by_field_name("function")
    args_node = node.child_by_field_name("arguments")
    if fn_node is not None and fn_node.type in ("identifier", "member_expression"):
        callee = ev.eval(fn_node)
        if isinstance(callee, FunctionValue) and not callee.is_async:
            args = [
                ev.eval(a) for a in (args_node.named_children if args_node else []) if a.type != "comment"
            ]
            try:
                result = Interpreter(ev, ev.depth).call(callee, args)
            except Abort:
                return Dynamic(node_text(node))
            # A wholly runtime result is best described by the call itself, as written at the call site.
            return Dynamic(node_text(node)) if isinstance(result, Dynamic) else result
    if fn_node is not None and fn_node.type == "member_expression":
        target = ev.eval(fn_node.child_by_field_name("object"))
        method = _prop_key(fn_node.child_by_field_name("property"))
        args = [ev.eval(a) for a in (args_node.named_children if args_node else []) if a.type != "comment"]
        if (
            isinstance(target, str)
            and not isinstance(target, DynStr)
            and method in _PURE_STRING_METHODS
            and not args
        ):
            return _PURE_STRING_METHODS[method](target)
        if isinstance(target, list) and method == "join" and len(args) <= 1:
            sep = args[0] if args else ","
            if isinstance(sep, str):
                return _concat(_interleave(target, sep))
        is_stringify = isinstance(target, Dynamic) and target.text == "JSON" and method == "stringify"
        if is_stringify and len(args) == 1 and not _contains_dynamic(args[0]):
            return json.dumps(_plain_for_json(args[0]), separators=(",", ":"), ensure_ascii=False)
    return Dynamic(node_text(node))


def _interleave(items: list[Any], sep: str) -> list[Any]:
    out: list[Any] = []
    for i, item in enumerate(items):
        if i:
            out.append(sep)
        out.append("" if item in (None, UNDEFINED) else item)
    return out


def _contains_dynamic(value: Any) -> bool:
    if isinstance(value, Dynamic | DynStr | FunctionValue | Namespace):
        return True
    if isinstance(value, dict):
        return any(_contains_dynamic(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_dynamic(v) for v in value)
    return False


def _plain_for_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain_for_json(v) for k, v in value.items() if v is not UNDEFINED}
    if isinstance(value, list):
        return [None if v is UNDEFINED else _plain_for_json(v) for v in value]
    return value


def _h_literal(value: Any) -> Callable[[Evaluator, Node], Any]:
    return lambda ev, node: value


_HANDLERS: dict[str, Callable[[Evaluator, Node], Any]] = {
    "string": _h_string,
    "template_string": _h_template,
    "number": _h_number,
    "true": _h_literal(True),
    "false": _h_literal(False),
    "null": _h_literal(None),
    "undefined": _h_literal(UNDEFINED),
    "array": _h_array,
    "object": _h_object,
    "identifier": _h_identifier,
    "shorthand_property_identifier": _h_identifier,
    "member_expression": _h_member,
    "subscript_expression": _h_subscript,
    "as_expression": _h_unwrap_first,
    "satisfies_expression": _h_unwrap_first,
    "non_null_expression": _h_unwrap_first,
    "parenthesized_expression": _h_unwrap_first,
    "await_expression": _h_unwrap_first,
    "type_assertion": _h_type_assertion,
    "binary_expression": _h_binary,
    "unary_expression": _h_unary,
    "ternary_expression": _h_ternary,
    "arrow_function": _h_function,
    "function_expression": _h_function,
    "function": _h_function,
    "call_expression": _h_call,
}


# ---- plain data ----


@dataclass
class PlainResult:
    value: Any
    dynamic_paths: list[str]


def to_plain(value: Any, path: str = "") -> PlainResult:
    """JSON-able data from an evaluated value; runtime parts become markers, listed by dotted path."""
    dyn: list[str] = []

    def conv(v: Any, p: str) -> Any:
        if isinstance(v, Dynamic):
            dyn.append(p)
            return dynamic_marker(v.text)
        if isinstance(v, DynStr):
            dyn.append(p)
            return str(v)
        if isinstance(v, FunctionValue):
            dyn.append(p)
            return dynamic_marker(node_text(v.node).split("\n", 1)[0])
        if isinstance(v, Namespace):
            dyn.append(p)
            return dynamic_marker(f"namespace {v.path}")
        if v is UNDEFINED:
            return None
        if isinstance(v, dict):
            return {k: conv(x, f"{p}.{k}" if p else k) for k, x in v.items() if x is not UNDEFINED}
        if isinstance(v, list | tuple):
            return [conv(x, f"{p}[{i}]") for i, x in enumerate(v)]
        return v

    return PlainResult(conv(value, path), dyn)

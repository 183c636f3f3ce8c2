"""A TypeScript module's top-level names: declarations, imports and exports, from its syntax tree.

`ModuleIndex` is built once per blob (cacheable by blob id); `Program` resolves import specifiers
between modules of one snapshot (relative paths with or without `.js`, directories with an index,
and the `core/...` / `src/...` aliases Continue uses).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from tree_sitter import Node

from .parsing import first_error, line_of, node_text, parse_typescript

TS_SUFFIXES = (".ts", ".tsx", ".d.ts")


def _string_value(node: Node | None) -> str | None:
    if node is None or node.type != "string":
        return None
    return node_text(node)[1:-1]


@dataclass
class Declaration:
    name: str
    kind: str  # const | let | var | function | enum | class
    node: Node  # the whole declaration statement (for lines and error checks)
    value: Node | None  # initializer, function node, or enum body


@dataclass
class ModuleIndex:
    path: str
    source: bytes
    root: Node
    decls: dict[str, Declaration] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # local -> (specifier, name | * | default)
    exports: dict[str, str] = field(default_factory=dict)  # exported name -> local name
    reexports: dict[str, tuple[str, str]] = field(default_factory=dict)  # exported -> (specifier, name | *)
    star_exports: list[str] = field(default_factory=list)
    error: Node | None = None

    @property
    def error_line(self) -> int | None:
        return line_of(self.error) if self.error is not None else None


def _add_declaration(index: ModuleIndex, decl: Node, exported: bool) -> None:
    kind = decl.type
    names: list[Declaration] = []
    if kind in ("lexical_declaration", "variable_declaration"):
        keyword = decl.children[0].type if decl.children else "const"
        for child in decl.named_children:
            if child.type != "variable_declarator":
                continue
            name = child.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                names.append(Declaration(node_text(name), keyword, decl, child.child_by_field_name("value")))
    elif kind in ("function_declaration", "generator_function_declaration", "function_signature"):
        name = decl.child_by_field_name("name")
        if name is not None:
            names.append(Declaration(node_text(name), "function", decl, decl))
    elif kind == "enum_declaration":
        name = decl.child_by_field_name("name")
        if name is not None:
            names.append(Declaration(node_text(name), "enum", decl, decl.child_by_field_name("body")))
    elif kind in ("class_declaration", "abstract_class_declaration"):
        name = decl.child_by_field_name("name")
        if name is not None:
            names.append(Declaration(node_text(name), "class", decl, decl))
    for d in names:
        index.decls.setdefault(d.name, d)
        if exported:
            index.exports[d.name] = d.name


def _add_import(index: ModuleIndex, stmt: Node) -> None:
    spec = _string_value(stmt.child_by_field_name("source"))
    if spec is None:
        return
    for clause in stmt.named_children:
        if clause.type != "import_clause":
            continue
        for part in clause.named_children:
            if part.type == "identifier":
                index.imports[node_text(part)] = (spec, "default")
            elif part.type == "namespace_import":
                ident = next((c for c in part.named_children if c.type == "identifier"), None)
                if ident is not None:
                    index.imports[node_text(ident)] = (spec, "*")
            elif part.type == "named_imports":
                for sp in part.named_children:
                    if sp.type != "import_specifier":
                        continue
                    name = sp.child_by_field_name("name")
                    alias = sp.child_by_field_name("alias")
                    if name is not None:
                        local = node_text(alias if alias is not None else name)
                        index.imports[local] = (spec, node_text(name))


def _add_export(index: ModuleIndex, stmt: Node) -> None:
    decl = stmt.child_by_field_name("declaration")
    if decl is not None:
        _add_declaration(index, decl, exported=True)
        return
    spec = _string_value(stmt.child_by_field_name("source"))
    clause = next((c for c in stmt.named_children if c.type == "export_clause"), None)
    if clause is not None:
        for sp in clause.named_children:
            if sp.type != "export_specifier":
                continue
            name = sp.child_by_field_name("name")
            alias = sp.child_by_field_name("alias")
            if name is None:
                continue
            exported = node_text(alias if alias is not None else name)
            if spec is not None:
                index.reexports[exported] = (spec, node_text(name))
            else:
                index.exports[exported] = node_text(name)
        return
    if spec is not None:
        ns = next((c for c in stmt.named_children if c.type == "namespace_export"), None)
        if ns is not None:
            ident = next((c for c in ns.named_children if c.type in ("identifier", "string")), None)
            if ident is not None:
                index.reexports[node_text(ident).strip("'\"")] = (spec, "*")
        else:
            index.star_exports.append(spec)
        return
    value = stmt.child_by_field_name("value")
    if value is not None:
        index.decls.setdefault("default", Declaration("default", "const", stmt, value))
        index.exports["default"] = "default"


def build_index(path: str, source: bytes) -> ModuleIndex:
    tree = parse_typescript(path, source)
    index = ModuleIndex(path=path, source=source, root=tree.root_node, error=first_error(tree.root_node))
    for stmt in tree.root_node.named_children:
        if stmt.type == "import_statement":
            _add_import(index, stmt)
        elif stmt.type == "export_statement":
            _add_export(index, stmt)
        elif stmt.type in (
            "lexical_declaration",
            "variable_declaration",
            "function_declaration",
            "generator_function_declaration",
            "enum_declaration",
            "class_declaration",
            "abstract_class_declaration",
        ):
            _add_declaration(index, stmt, exported=False)
    return index


# Continue imports some modules by a path from a package root rather than relatively.
ALIAS_ROOTS: dict[str, str] = {"core/": "core/", "src/": "extensions/cli/src/"}


def candidate_paths(from_path: str, spec: str) -> list[str]:
    """Repository paths an import specifier may name, in TypeScript's resolution order."""
    if spec.startswith("."):
        base = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), spec))
    else:
        base = None
        for prefix, root in ALIAS_ROOTS.items():
            if spec.startswith(prefix):
                if prefix == "src/" and "extensions/cli/" not in from_path:
                    continue
                base = root + spec[len(prefix) :]
                break
        if base is None:
            return []
    stems = [base]
    for js, ts in ((".js", ""), (".jsx", ""), (".mjs", "")):
        if base.endswith(js):
            stems.insert(0, base[: -len(js)] + ts)
    out: list[str] = []
    for stem in stems:
        if stem.endswith((".ts", ".tsx")):
            out.append(stem)
        out.extend([stem + ".ts", stem + ".tsx", stem + ".d.ts", stem + "/index.ts", stem + "/index.tsx"])
    return out


def declaration_line(decl: Declaration) -> int:
    return line_of(decl.node)


def declaration_has_error(decl: Declaration) -> Node | None:
    return first_error(decl.node)

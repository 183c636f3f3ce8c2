"""The IDE surface: every tool object under core/tools at a ref, whatever that version's layout."""

from __future__ import annotations

import re
from typing import Any

from tree_sitter import Node

from .evaluate import Evaluator, FunctionValue, Program, to_plain
from .models import Finding, SourceLoc, SystemMessageDescription, Tool
from .modules import ModuleIndex, declaration_has_error, declaration_line
from .parsing import line_of, node_text

IDE_TOOLS_DIR = "core/tools"
# Files that hold the lists Continue builds its toolset from.
IDE_LIST_FILES = ("core/tools/index.ts",)
_SKIP_PARTS = ("/implementations/", "/__tests__/", "/__mocks__/", "/systemMessageTools/", "/policies/")
_TEST_RE = re.compile(r"\.(test|spec|vitest)\.tsx?$")
_TOOL_HINT = re.compile(r"\bfunction\s*:")

# Tool-object keys mapped to registry fields; everything else plain goes to `extra`.
IDE_FIELD_MAP = {
    "type": "type",
    "displayTitle": "display_title",
    "wouldLikeTo": "would_like_to",
    "isCurrently": "is_currently",
    "hasAlready": "has_already",
    "readonly": "readonly",
    "isInstant": "is_instant",
    "group": "group",
    "defaultToolPolicy": "default_tool_policy",
    "toolCallIcon": "tool_call_icon",
}


def is_source_file(path: str) -> bool:
    return (
        path.endswith((".ts", ".tsx"))
        and not path.endswith(".d.ts")
        and not _TEST_RE.search(path)
        and not any(part in f"/{path}" for part in _SKIP_PARTS)
    )


def tool_candidate_files(program: Program) -> list[str]:
    return [p for p in program.snap.list_files(IDE_TOOLS_DIR, (".ts", ".tsx")) if is_source_file(p)]


def evaluate_declaration(program: Program, mod: ModuleIndex, name: str) -> tuple[Any, str]:
    """The tool-shaped value of a declaration and how it is defined (object or function)."""
    value = program.local_value(mod, name)
    if isinstance(value, FunctionValue):
        kind = "async function" if value.is_async else "function"
        return Evaluator(program, mod).call_function(value), kind
    return value, "object"


def _is_ide_tool(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("function"), dict) and "name" in value["function"]


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def build_ide_tool(obj: dict[str, Any], export_name: str, source: SourceLoc, defined_by: str) -> Tool:
    plain = to_plain(obj)
    data: dict[str, Any] = plain.value
    fn: dict[str, Any] = data.get("function") or {}
    behaviour = sorted(k for k, v in obj.items() if isinstance(v, FunctionValue))
    behaviour += sorted(f"function.{k}" for k, v in obj["function"].items() if isinstance(v, FunctionValue))
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    smd: SystemMessageDescription | None = None
    smd_text: str | None = None
    for key, val in data.items():
        if key == "function" or isinstance(obj.get(key), FunctionValue):
            continue
        if key in IDE_FIELD_MAP:
            fields[IDE_FIELD_MAP[key]] = val
        elif key == "systemMessageDescription":
            if isinstance(val, dict):
                raw_args = val.get("exampleArgs")
                args = (
                    [tuple(a) for a in raw_args if isinstance(a, list) and len(a) == 2]
                    if isinstance(raw_args, list)
                    else None
                )
                smd = SystemMessageDescription(prefix=str(val.get("prefix", "")), example_args=args)
            elif isinstance(val, str):
                smd_text = val
        else:
            extra[key] = val
    for key, val in fn.items():
        if key not in ("name", "description", "parameters", "strict") and not isinstance(
            obj["function"].get(key), FunctionValue
        ):
            extra[f"function.{key}"] = val
    parameters = fn.get("parameters")
    dynamic_paths = sorted(p for p in plain.dynamic_paths if p.split(".")[0] not in behaviour)
    return Tool(
        surface="ide",
        name=str(fn.get("name")),
        description=_string(fn.get("description")) or "",
        parameters=parameters if isinstance(parameters, dict) else {},
        strict=fn.get("strict") if isinstance(fn.get("strict"), bool) else None,
        source=source,
        export_name=export_name,
        dynamic=bool(dynamic_paths),
        dynamic_paths=dynamic_paths,
        defined_by=defined_by,  # type: ignore[arg-type]
        system_message_description=smd,
        system_message_description_text=smd_text,
        behaviour_fields=behaviour,
        extra=extra,
        **{k: v for k, v in fields.items() if v is not None},
    )


def syntax_finding(mod: ModuleIndex, err: Node, what: str) -> Finding:
    snippet = " ".join(node_text(err).split())[:60]
    return Finding(
        kind="syntax-error",
        message=f"{what}: syntax error near {snippet!r}" if snippet else f"{what}: syntax error",
        source=SourceLoc(path=mod.path, line=line_of(err)),
    )


def extract_ide_tools(program: Program) -> tuple[list[Tool], list[Finding]]:
    tools: list[Tool] = []
    findings: list[Finding] = []
    for path in tool_candidate_files(program):
        mod = program.module(path)
        if mod is None:
            continue
        reported_error = False
        for name, decl in mod.decls.items():
            text = node_text(decl.node)
            if not _TOOL_HINT.search(text):
                continue
            err = declaration_has_error(decl)
            if err is not None:
                findings.append(syntax_finding(mod, err, f"tool {name!r} not extracted"))
                reported_error = True
                continue
            value, defined_by = evaluate_declaration(program, mod, name)
            if not _is_ide_tool(value):
                continue
            loc = SourceLoc(path=path, line=declaration_line(decl))
            tools.append(build_ide_tool(value, name, loc, defined_by))
        if mod.error is not None and not reported_error:
            findings.append(syntax_finding(mod, mod.error, path))
    attach_lists(program, tools, IDE_LIST_FILES)
    return tools, findings


def attach_lists(program: Program, tools: list[Tool], list_files: tuple[str, ...]) -> None:
    """Record which of Continue's tool-list builders reference each tool."""
    by_origin = {(t.source.path, t.export_name): t for t in tools}
    for list_file in list_files:
        mod = program.module(list_file)
        if mod is None:
            continue
        for decl_name, decl in mod.decls.items():
            for origin in _referenced_origins(program, mod, decl.node):
                tool = by_origin.get(origin)
                if tool is not None and decl_name not in tool.in_lists:
                    tool.in_lists.append(decl_name)
    for tool in tools:
        tool.in_lists.sort()


def _referenced_origins(program: Program, mod: ModuleIndex, node: Node) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    stack = [node]
    while stack:
        cur = stack.pop()
        if cur.type == "comment":
            continue
        if cur.type in ("identifier", "shorthand_property_identifier"):
            origin = program.import_origin(mod, node_text(cur))
            if origin is not None:
                found.add(origin)
        elif cur.type == "member_expression":
            obj = cur.child_by_field_name("object")
            prop = cur.child_by_field_name("property")
            if obj is not None and prop is not None and obj.type == "identifier":
                imp = mod.imports.get(node_text(obj))
                if imp is not None and imp[1] == "*":
                    target = program.resolve_specifier(mod.path, imp[0])
                    origin = program.export_origin(target, node_text(prop)) if target else None
                    if origin is not None:
                        found.add(origin)
                        continue
        stack.extend(cur.children)
    return found

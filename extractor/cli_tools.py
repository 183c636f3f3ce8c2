"""The `cn` CLI surface: every tool object under extensions/cli/src/tools at a ref.

CLI tools are `{name, displayName, description, parameters, readonly, isBuiltIn, run, ...}` objects, or
(async) factories returning one (often spreading a `*_TOOL_META` object from another module). Before
v1.4.42 `parameters` was a map `arg -> {type, description, required: bool, items}`; it is normalised to a
JSON schema here and the original is kept in `original_parameters`.
"""

from __future__ import annotations

import re
from typing import Any

from .evaluate import FunctionValue, Program, to_plain
from .ide_tools import attach_lists, evaluate_declaration, is_source_file, syntax_finding
from .models import Finding, SourceLoc, Tool
from .modules import declaration_has_error, declaration_line
from .parsing import node_text

CLI_TOOLS_DIR = "extensions/cli/src/tools"
CLI_LIST_FILES = (
    "extensions/cli/src/tools/index.ts",
    "extensions/cli/src/tools/index.tsx",
    "extensions/cli/src/tools/allBuiltIns.ts",
)
_TOOL_HINT = re.compile(r"\bname\s*:|_TOOL_META\b")
_CLI_FIELD_MAP = {"displayName": "display_name", "readonly": "readonly", "isBuiltIn": "is_built_in"}
_CORE_KEYS = {"name", "description", "parameters"}


def _is_cli_tool(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and "function" not in value
        and isinstance(value.get("name"), str)
        and "description" in value
        and ("parameters" in value or "run" in value)
    )


def is_legacy_parameters(params: Any) -> bool:
    """The pre-JSON-schema shape: every entry an argument description, no schema keywords."""
    if not isinstance(params, dict) or not params:
        return False
    if "properties" in params or params.get("type") == "object":
        return False
    return all(isinstance(v, dict) and "type" in v for v in params.values())


def normalise_parameters(params: dict[str, Any]) -> dict[str, Any]:
    properties = {name: {k: v for k, v in spec.items() if k != "required"} for name, spec in params.items()}
    required = [name for name, spec in params.items() if spec.get("required") is True]
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def build_cli_tool(obj: dict[str, Any], export_name: str, source: SourceLoc, defined_by: str) -> Tool:
    plain = to_plain(obj)
    data: dict[str, Any] = plain.value
    behaviour = sorted(k for k, v in obj.items() if isinstance(v, FunctionValue))
    params = data.get("parameters") if isinstance(data.get("parameters"), dict) else {}
    original = None
    if is_legacy_parameters(params):
        original, params = params, normalise_parameters(params)
    fields = {_CLI_FIELD_MAP[k]: v for k, v in data.items() if k in _CLI_FIELD_MAP and v is not None}
    extra = {
        k: v
        for k, v in data.items()
        if k not in _CORE_KEYS and k not in _CLI_FIELD_MAP and k not in behaviour
    }
    dynamic_paths = sorted(p for p in plain.dynamic_paths if p.split(".")[0] not in behaviour)
    return Tool(
        surface="cli",
        name=data["name"],
        description=data.get("description") if isinstance(data.get("description"), str) else "",
        parameters=params or {},
        original_parameters=original,
        source=source,
        export_name=export_name,
        dynamic=bool(dynamic_paths),
        dynamic_paths=dynamic_paths,
        defined_by=defined_by,  # type: ignore[arg-type]
        behaviour_fields=behaviour,
        extra=extra,
        **fields,
    )


def extract_cli_tools(program: Program) -> tuple[list[Tool], list[Finding]]:
    tools: list[Tool] = []
    findings: list[Finding] = []
    files = [p for p in program.snap.list_files(CLI_TOOLS_DIR, (".ts", ".tsx")) if is_source_file(p)]
    for path in files:
        mod = program.module(path)
        if mod is None:
            continue
        reported_error = False
        for name, decl in mod.decls.items():
            if decl.kind == "class" or not _TOOL_HINT.search(node_text(decl.node)):
                continue
            if name.upper().endswith("_META"):
                continue  # metadata that a factory spreads into the real tool
            err = declaration_has_error(decl)
            if err is not None:
                findings.append(syntax_finding(mod, err, f"tool {name!r} not extracted"))
                reported_error = True
                continue
            value, defined_by = evaluate_declaration(program, mod, name)
            if not _is_cli_tool(value):
                continue
            loc = SourceLoc(path=path, line=declaration_line(decl))
            tools.append(build_cli_tool(value, name, loc, defined_by))
        if mod.error is not None and not reported_error:
            findings.append(syntax_finding(mod, mod.error, path))
    attach_lists(program, tools, CLI_LIST_FILES)
    return tools, findings

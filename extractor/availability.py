"""Registry part: availability rules per tool and the model matchers they refer to.

IDE: core/tools/index.ts list builders (+ the v1.1.58-v1.2.1 GUI edit-tool filter).
CLI: extensions/cli/src/tools/index.ts(x) list builder, then the default permission policies
(plan mode excludes, headless drops "ask" tools) folded in as mode/headless conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from .conditions import GuardReader, dnf_and
from .evaluate import DynStr, Evaluator, FunctionValue, Program
from .list_walker import ListWalk
from .matchers import GUI_STREAM_PATH, all_matchers
from .models import AvailabilityRule, Condition, Finding, Registry, SourceLoc, Surface
from .modules import ModuleIndex
from .parsing import node_text

IDE_INDEX_PATHS = ("core/tools/index.ts",)
IDE_ENTRIES = (
    "getToolsForIde",
    "getBaseToolDefinitions",
    "baseToolDefinitions",
    "allTools",
    "getConfigDependentToolDefinitions",
)
CLI_INDEX_PATHS = ("extensions/cli/src/tools/index.tsx", "extensions/cli/src/tools/index.ts")
CLI_ENTRIES = ("getAllAvailableTools", "getAllBuiltinTools", "BUILTIN_TOOLS")
CLI_POLICY_PATH = "extensions/cli/src/permissions/defaultPolicies.ts"
CLI_PERMISSION_SERVICE_PATH = "extensions/cli/src/services/ToolPermissionService.ts"
CLI_HANDLE_CALLS_PATH = "extensions/cli/src/stream/handleToolCalls.ts"


def extend(program: Program, registry: Registry, surfaces: list[Surface]) -> None:
    registry.model_matchers.extend(all_matchers(program, surfaces))
    if "ide" in surfaces:
        rules = _walk_lists(program, registry, "ide", IDE_INDEX_PATHS, IDE_ENTRIES)
        _apply_gui_edit_filter(program, rules)
        registry.availability.extend(rules)
    if "cli" in surfaces:
        rules = _walk_lists(program, registry, "cli", CLI_INDEX_PATHS, CLI_ENTRIES)
        _apply_cli_policies(program, rules)
        registry.availability.extend(rules)


def _name_resolver(
    program: Program, registry: Registry, surface: Surface, mod: ModuleIndex
) -> Callable[[str], str | None]:
    """TypeScript name -> tool name: the registry's export names first, else the evaluated `name` field."""
    by_export = {t.export_name: t.name for t in registry.tools_for(surface)}
    memo: dict[str, str | None] = {}

    def evaluated(ts_name: str) -> str | None:
        if ts_name not in mod.imports and ts_name not in mod.decls:
            return None
        value = program.local_value(mod, ts_name)
        if isinstance(value, FunctionValue):  # a tool factory: look at what it returns
            value = Evaluator(program, value.module).call_function(value)
        name = value.get("name") if isinstance(value, dict) else None
        return name if isinstance(name, str) and not isinstance(name, DynStr) else None

    def resolve(ts_name: str) -> str | None:
        if ts_name in by_export:
            return by_export[ts_name]
        if ts_name not in memo:
            memo[ts_name] = evaluated(ts_name)
        return memo[ts_name]

    return resolve


def _walk_lists(
    program: Program, registry: Registry, surface: Surface, paths: tuple[str, ...], entries: tuple[str, ...]
) -> list[AvailabilityRule]:
    path = next((p for p in paths if program.snap.exists(p)), None)
    mod = program.module(path) if path else None
    if mod is None or path is None:
        registry.findings.append(
            Finding(kind="missing-file", message=f"no {surface} tool list module: {paths[0]}")
        )
        return []
    functions = {
        name: d.value
        for name, d in mod.decls.items()
        if d.value is not None
        and d.value.type in ("function_declaration", "arrow_function", "function_expression")
    }
    guards = GuardReader({}, _beta_flag_helpers(program), functions)
    walk = ListWalk(mod, _name_resolver(program, registry, surface, mod), guards)
    walked: list[str] = []
    for name in entries:
        if surface == "cli" and walked:
            break  # the CLI's entries are alternatives (later ones are parts of earlier ones)
        if walk.walk_decl(name):
            walked.append(name)
    if not walked:
        registry.findings.append(
            Finding(kind="unresolved", message=f"no list builder ({', '.join(entries)}) in {path}")
        )
    for text, line in walk.unresolved:
        registry.findings.append(
            Finding(
                kind="unresolved",
                message=f"tool list references {text}, which is not a known {surface} tool",
                source=SourceLoc(path=path, line=line),
            )
        )
    return [
        AvailabilityRule(
            surface=surface,
            tool=ref.tool,
            when=ref.when,
            order=ref.order,
            source=SourceLoc(path=path, line=ref.line),
        )
        for ref in sorted(walk.refs.values(), key=lambda r: r.order)
    ]


def _beta_flag_helpers(program: Program) -> dict[str, str]:
    """CLI helpers like isBetaSubagentToolEnabled() -> the argv flag they check."""
    out: dict[str, str] = {}
    for path in ("extensions/cli/src/flags/flags.ts", "extensions/cli/src/tools/index.tsx"):
        mod = program.module(path) if program.snap.exists(path) else None
        if mod is None:
            continue
        for name, decl in mod.decls.items():
            if decl.value is not None and name.startswith("isBeta"):
                m = re.search(r"\"(--beta-[a-z0-9-]+)\"", node_text(decl.value))
                if m:
                    out[name] = m.group(1)
    return out


def _builtin_enum(program: Program) -> dict[str, str]:
    value = program.export_value("core/tools/builtIn.ts", "BuiltInToolNames")
    return {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}


def _apply_gui_edit_filter(program: Program, rules: list[AvailabilityRule]) -> None:
    """v1.1.58-v1.2.1: the GUI keeps one of two edit tools depending on shouldUseFindReplaceEdits(model)."""
    mod = program.module(GUI_STREAM_PATH) if program.snap.exists(GUI_STREAM_PATH) else None
    decl = mod.decls.get("filterToolsForModel") if mod is not None else None
    if decl is None or decl.value is None:
        return
    enum = _builtin_enum(program)
    pattern = r"BuiltInToolNames\.(\w+)\s*\)\s*\{\s*return\s*(!?)shouldUseFindReplace\b"
    for member, bang in re.findall(pattern, node_text(decl.value)):
        tool = enum.get(member)
        for rule in rules:
            if rule.tool == tool:
                cond = Condition(kind="model", arg="ide.shouldUseFindReplaceEdits", negate=bang == "!")
                rule.when = dnf_and(rule.when, [[cond]])


def _policy_pairs(text: str) -> list[tuple[str, str]]:
    return re.findall(r"\{\s*tool:\s*\"([^\"]+)\",\s*permission:\s*\"(\w+)\"", text)


def _first_match(pairs: list[tuple[str, str]], tool: str) -> str | None:
    """Continue's policy lists are first-match-wins; `*` matches any tool."""
    return next((permission for name, permission in pairs if name in (tool, "*")), None)


def _read(program: Program, path: str) -> str | None:
    return program.snap.read_text(path) if program.snap.exists(path) else None


def _decl_text(program: Program, path: str, name: str) -> str | None:
    mod = program.module(path) if program.snap.exists(path) else None
    decl = mod.decls.get(name) if mod is not None else None
    return node_text(decl.value) if decl is not None and decl.value is not None else None


def _plan_policies(program: Program) -> list[tuple[str, str]]:
    """PLAN_MODE_POLICIES (v1.5.34+) or the `case "plan":` list of ToolPermissionService (older)."""
    text = _decl_text(program, CLI_POLICY_PATH, "PLAN_MODE_POLICIES")
    if text is not None:
        return _policy_pairs(text)
    m = re.search(
        r"case \"plan\":(.*?)(?:case \"|default:)", _read(program, CLI_PERMISSION_SERVICE_PATH) or "", re.S
    )
    return _policy_pairs(m.group(1)) if m else []


def _headless_policies(program: Program) -> list[tuple[str, str]]:
    """Default policies as seen headless, when the CLI drops "ask" tools headless (handleToolCalls.ts)."""
    if not re.search(r"\"ask\"\s*&&\s*!isHeadless", _read(program, CLI_HANDLE_CALLS_PATH) or ""):
        return []
    mod = program.module(CLI_POLICY_PATH) if program.snap.exists(CLI_POLICY_PATH) else None
    decl = mod.decls.get("getDefaultToolPolicies") if mod is not None else None
    if decl is not None and decl.value is not None:
        body = decl.value.child_by_field_name("body")
        if body is None:
            return []
        arrays = _arrays(body)
        pairs = _policy_pairs(node_text(arrays[0])) if arrays else []
        # Then what the `if (isHeadless) { ... }` branch pushes (Bash and "*" allowed).
        branch = next((n for n in _nodes(body, "if_statement") if "isHeadless" in _condition_text(n)), None)
        consequence = branch.child_by_field_name("consequence") if branch is not None else None
        return pairs + (_policy_pairs(node_text(consequence)) if consequence is not None else [])
    text = _decl_text(program, CLI_POLICY_PATH, "DEFAULT_TOOL_POLICIES")
    return _policy_pairs(text) if text is not None else []


def _apply_cli_policies(program: Program, rules: list[AvailabilityRule]) -> None:
    plan, headless = _plan_policies(program), _headless_policies(program)
    for rule in rules:
        if plan and _first_match(plan, rule.tool) == "exclude":
            rule.when = dnf_and(rule.when, [[Condition(kind="mode", arg="plan", negate=True)]])
        if headless and _first_match(headless, rule.tool) == "ask":
            rule.when = dnf_and(rule.when, [[Condition(kind="headless", negate=True)]])


def _arrays(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type == "array":
            out.append(n)
            continue
        stack.extend(reversed(n.named_children))
    return out


def _nodes(node: Node, kind: str) -> list[Node]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type == kind:
            out.append(n)
        stack.extend(reversed(n.named_children))
    return out


def _condition_text(node: Node) -> str:
    cond = node.child_by_field_name("condition")
    return node_text(cond) if cond is not None else ""

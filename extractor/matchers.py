"""Model matchers: the model-name rules in Continue's code, read as data and evaluable in Python.

Kinds:
- `regex_groups` (IDE isRecommendedAgentModel): lower-cased name matches every regex of some group.
- `regex_any` (CLI isModelCapable): lower-cased name OR model matches any regex.
- `substring_any` (IDE shouldUseFindReplaceEdits, v1.1.58-v1.2.1 GUI): model contains any substring.
- `provider_table` (IDE PROVIDER_TOOL_SUPPORT): per-provider statements, see provider_table.py.
"""

from __future__ import annotations

import re
from typing import Any

from tree_sitter import Node

from .evaluate import Program
from .models import ModelMatcher, SourceLoc, Surface
from .parsing import line_of, node_text
from .provider_table import compile_provider_table, evaluate_provider, js_regex

TOOL_SUPPORT_PATHS = ("core/llm/toolSupport.ts", "core/llm/autodetect.ts")
CLI_CAPABILITY_PATH = "extensions/cli/src/utils/modelCapability.ts"
GUI_STREAM_PATH = "gui/src/redux/thunks/streamNormalInput.ts"


def _regex_parts(node: Node) -> dict[str, str]:
    pattern = node.child_by_field_name("pattern")
    flags = node.child_by_field_name("flags")
    return {"pattern": node_text(pattern) if pattern else "", "flags": node_text(flags) if flags else ""}


def _descendants(node: Node, kind: str) -> list[Node]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type == kind:
            out.append(n)
        stack.extend(reversed(n.named_children))
    return out


def _function_node(program: Program, path: str, name: str) -> Node | None:
    mod = program.module(path)
    decl = mod.decls.get(name) if mod is not None else None
    return decl.value if decl is not None else None


def recommended_agent_matcher(program: Program) -> ModelMatcher | None:
    for path in TOOL_SUPPORT_PATHS:
        fn = _function_node(program, path, "isRecommendedAgentModel")
        if fn is None:
            continue
        groups = []
        for arr in _descendants(fn, "array"):
            regexes = [c for c in arr.named_children if c.type == "regex"]
            if regexes and len(regexes) == len([c for c in arr.named_children if c.type != "comment"]):
                groups.append([_regex_parts(r) for r in regexes])
        return ModelMatcher(
            id="ide.isRecommendedAgentModel",
            surface="ide",
            kind="regex_groups",
            data={"groups": groups, "lowercase": True, "fields": ["model"]},
            source=SourceLoc(path=path, line=line_of(fn)),
        )
    return None


def cli_capable_matcher(program: Program) -> ModelMatcher | None:
    fn = _function_node(program, CLI_CAPABILITY_PATH, "isModelCapable")
    if fn is None:
        return None
    patterns = [_regex_parts(r) for r in _descendants(fn, "regex")]
    return ModelMatcher(
        id="cli.isModelCapable",
        surface="cli",
        kind="regex_any",
        data={"patterns": patterns, "lowercase": True, "fields": ["name", "model"]},
        source=SourceLoc(path=CLI_CAPABILITY_PATH, line=line_of(fn)),
    )


def find_replace_matcher(program: Program) -> ModelMatcher | None:
    fn = _function_node(program, GUI_STREAM_PATH, "shouldUseFindReplaceEdits")
    if fn is None:
        return None
    subs = re.findall(r"\.includes\(\s*\"([^\"]+)\"\s*\)", node_text(fn))
    return ModelMatcher(
        id="ide.shouldUseFindReplaceEdits",
        surface="ide",
        kind="substring_any",
        data={"substrings": subs, "lowercase": False, "fields": ["model"]},
        source=SourceLoc(path=GUI_STREAM_PATH, line=line_of(fn)),
    )


def provider_table_matcher(program: Program) -> ModelMatcher | None:
    for path in TOOL_SUPPORT_PATHS:
        node = _function_node(program, path, "PROVIDER_TOOL_SUPPORT")
        if node is None:
            continue
        obj = node if node.type == "object" else next(iter(_descendants(node, "object")), None)
        if obj is None:
            continue
        return ModelMatcher(
            id="ide.providerToolSupport",
            surface="ide",
            kind="provider_table",
            data={"providers": compile_provider_table(obj)},
            source=SourceLoc(path=path, line=line_of(node)),
        )
    return None


AUTO_SYSTEM_TOOLS_PATH = "core/config/shouldAutoEnableSystemMessageTools.ts"
SYSTEM_TOOLS_DIR = "core/tools/systemMessageTools"


def system_tools_policy(program: Program) -> ModelMatcher:
    """What the IDE does for a model without native tools: "always" use the text protocol (v1.3.2/v1.2.2+),
    "opt_in" (v1.1.70-v1.2.1: onlyUseSystemMessageTools or OpenRouter non-Claude), or "none" (no tools)."""
    if program.snap.exists(AUTO_SYSTEM_TOOLS_PATH):
        policy, path = "opt_in", AUTO_SYSTEM_TOOLS_PATH
    elif program.snap.list_files(SYSTEM_TOOLS_DIR + "/"):
        policy, path = "always", SYSTEM_TOOLS_DIR
    else:
        policy, path = "none", None
    return ModelMatcher(
        id="ide.systemMessageToolsPolicy",
        surface="ide",
        kind="policy",
        data={"policy": policy},
        source=SourceLoc(path=path, line=1) if path else None,
    )


def all_matchers(program: Program, surfaces: list[Surface]) -> list[ModelMatcher]:
    makers = []
    if "ide" in surfaces:
        makers += [
            recommended_agent_matcher,
            find_replace_matcher,
            provider_table_matcher,
            system_tools_policy,
        ]
    if "cli" in surfaces:
        makers += [cli_capable_matcher]
    return [m for make in makers if (m := make(program)) is not None]


# ---- evaluation ----


def _fields(data: dict[str, Any], model: str, name: str | None) -> list[str]:
    values = {"model": model, "name": name or model}
    out = [values[f] for f in data.get("fields", ["model"])]
    return [v.lower() for v in out] if data.get("lowercase") else out


def _search(rx: dict[str, str], text: str) -> bool:
    flags = re.IGNORECASE if "i" in rx.get("flags", "") else 0
    return re.search(js_regex(rx["pattern"]), text, flags) is not None


def evaluate_matcher(matcher: ModelMatcher, model: str, provider: str | None = None) -> bool | None:
    """True/False as Continue would decide; None when the rule is not statically known."""
    data = matcher.data or {}
    texts = _fields(data, model, None)
    if matcher.kind == "regex_groups":
        return any(all(_search(rx, texts[0]) for rx in group) for group in data["groups"])
    if matcher.kind == "regex_any":
        return any(_search(rx, t) for t in texts for rx in data["patterns"])
    if matcher.kind == "substring_any":
        return any(s in texts[0] for s in data["substrings"])
    if matcher.kind == "provider_table":
        return evaluate_provider(data["providers"], provider or "", model)
    return None

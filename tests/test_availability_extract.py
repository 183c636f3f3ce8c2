"""Availability rules and model matchers extracted from fixture list builders shaped like Continue's."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.extract import extract, registry_json
from extractor.gitref import open_repo
from extractor.matchers import evaluate_matcher
from extractor.models import AvailabilityRule, ModelMatcher, Registry
from tests.helpers import load_tree, make_repo

FIXTURE = Path(__file__).parent / "fixtures" / "availability" / "v1"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = tmp_path_factory.mktemp("availability") / "repo"
    make_repo(root, {"v1.0.0": load_tree(FIXTURE)})
    return extract(open_repo(str(root)), "v1.0.0", ["ide", "cli"])


def _when(rule: AvailabilityRule) -> list[list[str]]:
    return [
        [("!" if c.negate else "") + c.kind + (f":{c.arg}" if c.arg else "") for c in conj]
        for conj in rule.when
    ]


def _rules(reg: Registry, surface: str) -> dict[str, list[list[str]]]:
    return {r.tool: _when(r) for r in sorted(reg.availability, key=lambda r: r.order) if r.surface == surface}


def _matcher(reg: Registry, matcher_id: str) -> ModelMatcher:
    found = [m for m in reg.model_matchers if m.id == matcher_id]
    assert found, f"no matcher {matcher_id}: {[m.id for m in reg.model_matchers]}"
    return found[0]


def test_ide_rules_cover_each_pattern_in_list_order(registry: Registry) -> None:
    rules = _rules(registry, "ide")
    assert list(rules) == [
        "peek",
        "scribble",
        "hush",
        "hunt",
        "web",
        "lab",
        "lab_two",
        "bulk_edit",
        "plain_edit",
        "odd",
    ]
    assert rules["peek"] == [[]]  # in both ternary branches: always
    assert rules["hunt"] == [["!remote"]]  # ternary alternative only
    assert rules["web"] == [["signed_in"]]  # `...(isSignedIn ? [x] : [])`
    assert rules["lab"] == rules["lab_two"] == [["experimental"]]  # push of several under `if`
    assert rules["bulk_edit"] == [["model_set", "model:ide.isRecommendedAgentModel"]]
    assert rules["plain_edit"] == [["!model_set"], ["!model:ide.isRecommendedAgentModel"]]  # the else branch
    assert rules["odd"] == [["unknown:params.someFutureSwitch > 2"]]  # not guessed


def test_rules_carry_source_locations(registry: Registry) -> None:
    by_tool = {r.tool: r for r in registry.availability}
    assert by_tool["bulk_edit"].source is not None
    assert (by_tool["bulk_edit"].source.path, by_tool["bulk_edit"].source.line) == ("core/tools/index.ts", 18)
    assert by_tool["Quit"].source is not None
    assert (by_tool["Quit"].source.path, by_tool["Quit"].source.line) == (
        "extensions/cli/src/tools/index.tsx",
        32,
    )


def test_cli_rules_include_policies_and_factories(registry: Registry) -> None:
    rules = _rules(registry, "cli")
    assert list(rules) == ["Look", "Put", "Grep", "Blame", "FixMany", "Fix", "Quit", "Helper"]
    assert rules["Look"] == [[]]
    assert rules["Put"] == [["!mode:plan", "!headless"]]  # plan excludes it; headless drops "ask" tools
    assert rules["Grep"] == [["ripgrep"]]  # through `const hasRg = await checkIfRipgrepIsInstalled()`
    assert rules["Blame"] == [["agent_id"]]
    assert rules["FixMany"] == [["model:cli.isModelCapable", "!mode:plan", "!headless"]]
    assert rules["Fix"] == [["!model:cli.isModelCapable", "!mode:plan", "!headless"]]
    assert rules["Quit"] == [["headless"]]
    assert rules["Helper"] == [["beta_flag:--beta-helper-tool"]]  # `await helperTool()`, name from its META


@pytest.mark.parametrize(
    ("model", "expected"),
    [("rocket-pro", True), ("Rocket-Max-2", True), ("rocket-mini", False), ("jet-6", True), ("jet-4", False)],
)
def test_recommended_agent_regex_groups(registry: Registry, model: str, expected: bool) -> None:
    assert evaluate_matcher(_matcher(registry, "ide.isRecommendedAgentModel"), model) is expected


@pytest.mark.parametrize(("model", "expected"), [("JET-1", True), ("my-rocket", True), ("car", False)])
def test_cli_capable_regex_any(registry: Registry, model: str, expected: bool) -> None:
    assert evaluate_matcher(_matcher(registry, "cli.isModelCapable"), model) is expected


@pytest.mark.parametrize(
    ("provider", "model", "expected"),
    [
        ("acme", "Rocket-7", True),
        ("acme", "rocket-tiny", False),  # the exclusion comes first
        ("acme", "car", False),
        ("widgets", "hub/gear-2", True),  # last path segment, then an exact list
        ("widgets", "cog-5", True),
        ("widgets", "cog-2", False),
        ("mystery", "anything", None),  # not statically expressible: marked, not guessed
        ("nobody", "rocket-pro", False),  # unknown provider
    ],
)
def test_provider_table(registry: Registry, provider: str, model: str, expected: bool | None) -> None:
    assert evaluate_matcher(_matcher(registry, "ide.providerToolSupport"), model, provider) is expected


def test_unknown_parts_are_recorded_with_source(registry: Registry) -> None:
    table = _matcher(registry, "ide.providerToolSupport").data["providers"]
    assert table["mystery"]["statements"] == [
        {"return": {"op": "unknown", "source": "lookupSomewhere(model)"}}
    ]


def test_registry_json_is_deterministic(registry: Registry, tmp_path: Path) -> None:
    root = tmp_path / "again"
    make_repo(root, {"v1.0.0": load_tree(FIXTURE)})
    again = extract(open_repo(str(root)), "v1.0.0", ["ide", "cli"])
    assert registry_json(again) == registry_json(registry)


# An older CLI shape: tools removed from a full list by `filter`/`splice` under guards, a local predicate
# helper, a DEFAULT_TOOL_POLICIES constant, and plan mode as a `case "plan":` list with a "*" exclude.
OLDER_CLI: dict[str, str | None] = {
    "extensions/cli/src/tools/index.tsx": (
        'import { lookTool, putTool, fixTool, fixManyTool, blameTool } from "./basics.js";\n'
        'import { isModelCapable } from "../utils/modelCapability.js";\n'
        "\n"
        "const ALL = [lookTool, putTool, fixTool, fixManyTool, blameTool];\n"
        "\n"
        "function preferMany(): boolean {\n"
        "  const m = currentModel();\n"
        "  return isModelCapable(m.provider, m.name, m.model);\n"
        "}\n"
        "\n"
        "export function getAllBuiltinTools() {\n"
        "  let tools = [...ALL];\n"
        "  if (preferMany()) {\n"
        "    tools = tools.filter((t) => t.name !== fixTool.name);\n"
        "  }\n"
        '  if (!process.argv.includes("--id")) {\n'
        "    const at = tools.findIndex((t) => t.name === blameTool.name);\n"
        "    if (at !== -1) {\n"
        "      tools.splice(at, 1);\n"
        "    }\n"
        "  }\n"
        "  return tools;\n"
        "}\n"
    ),
    "extensions/cli/src/permissions/defaultPolicies.ts": (
        "export const DEFAULT_TOOL_POLICIES = [\n"
        '  { tool: "Look", permission: "allow" },\n'
        '  { tool: "Blame", permission: "allow" },\n'
        '  { tool: "*", permission: "ask" },\n'
        "];\n"
    ),
    "extensions/cli/src/services/ToolPermissionService.ts": (
        "export class ToolPermissionService {\n"
        "  modePolicies(mode: string) {\n"
        "    switch (mode) {\n"
        '      case "plan":\n'
        '        return [{ tool: "Look", permission: "allow" }, { tool: "*", permission: "exclude" }];\n'
        '      case "auto":\n'
        '        return [{ tool: "*", permission: "allow" }];\n'
        "    }\n"
        "  }\n"
        "}\n"
    ),
}


@pytest.fixture(scope="module")
def older(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = tmp_path_factory.mktemp("older") / "repo"
    make_repo(root, {"v1.0.0": load_tree(FIXTURE), "v1.1.0": OLDER_CLI})
    return extract(open_repo(str(root)), "v1.1.0", ["cli"])


def test_older_cli_removals_helpers_and_policy_lists(older: Registry) -> None:
    rules = _rules(older, "cli")
    assert list(rules) == ["Look", "Put", "Fix", "FixMany", "Blame"]
    assert rules["Look"] == [[]]  # allowed in plan and headless
    assert rules["Put"] == [["!mode:plan", "!headless"]]  # "*" exclude in plan, "*" ask when headless
    assert rules["Fix"] == [
        ["!model:cli.isModelCapable", "!mode:plan", "!headless"]
    ]  # filtered out if capable
    assert rules["Blame"] == [["agent_id", "!mode:plan"]]  # spliced out without --id
    assert [f for f in older.findings if "tool list" in f.message] == []

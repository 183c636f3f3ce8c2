"""CLI (`cn`) surface extraction on fixture repositories: both parameter shapes, factories, lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.extract import extract
from extractor.gitref import open_repo
from extractor.models import Registry
from tests.helpers import make_repo

TOOLS = "extensions/cli/src/tools"

OLD_READ = """import { Tool } from "./types.js";

export const readFileTool: Tool = {
  name: "Read",
  displayName: "Read",
  description: "Read a file at the given path",
  parameters: {
    filepath: { type: "string", description: "The path to read", required: true },
    limit: { type: "number", description: "Max lines", required: false },
    globs: { type: "array", items: { type: "string" }, required: true },
  },
  readonly: true,
  isBuiltIn: true,
  run: async (args: { filepath: string }) => `Content of ${args.filepath}`,
};
"""

NEW_READ = """import { Tool } from "./types.js";

export const readFileTool: Tool = {
  name: "Read",
  displayName: "Read",
  description: "Read a file at the given path",
  parameters: {
    type: "object",
    required: ["filepath"],
    properties: { filepath: { type: "string", description: "The path to read" } },
  },
  readonly: true,
  isBuiltIn: true,
  run: async () => "",
};
"""

BASH = """import { Tool } from "./types.js";

export const runTerminalCommandTool: Tool = {
  name: "Bash",
  displayName: "Bash",
  description: `Run a command in ${process.cwd()}. Use the ${"Read"} tool to read files.`,
  parameters: { type: "object", required: ["command"], properties: { command: { type: "string" } } },
  readonly: false,
  isBuiltIn: true,
  run: async () => "",
};
"""

SUBAGENT_META = """export const SUBAGENT_TOOL_META = {
  name: "Subagent",
  displayName: "Subagent",
  readonly: false,
  isBuiltIn: true,
};
"""

SUBAGENT = """import { SUBAGENT_TOOL_META } from "src/subagent/index.js";
import { Tool } from "./types.js";

export const subagentTool = async (models: string[]): Promise<Tool> => ({
  ...SUBAGENT_TOOL_META,
  description: `Launch a subagent. Available: ${models.join(", ")}`,
  parameters: {
    type: "object",
    required: ["prompt"],
    properties: { prompt: { type: "string" } },
  },
  run: async () => "",
});
"""

INDEX = """import { readFileTool } from "./readFile.js";
import { runTerminalCommandTool } from "./runTerminalCommand.js";
import { subagentTool } from "./subagent.js";

export const BASE_BUILTIN_TOOLS = [readFileTool, runTerminalCommandTool];

export async function getAllAvailableTools(isHeadless: boolean) {
  const tools = [...BASE_BUILTIN_TOOLS];
  tools.push(await subagentTool([]));
  return tools;
}
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "repo"
    return make_repo(
        root,
        {
            "v1.4.29": {
                f"{TOOLS}/readFile.ts": OLD_READ,
                f"{TOOLS}/types.ts": "export interface Tool { name: string }\n",
                f"{TOOLS}/readFile.test.ts": 'export const t = { name: "Nope", description: "", run: 1 };\n',
            },
            "v1.5.0": {
                f"{TOOLS}/readFile.ts": NEW_READ,
                f"{TOOLS}/runTerminalCommand.ts": BASH,
                f"{TOOLS}/subagent.tsx": SUBAGENT,
                "extensions/cli/src/subagent/index.ts": SUBAGENT_META,
                f"{TOOLS}/index.tsx": INDEX,
            },
        },
    )


def _cli(repo: Path, ref: str) -> Registry:
    return extract(open_repo(str(repo)), ref, ["cli"])


def test_legacy_parameter_map_is_normalised_and_kept(repo: Path) -> None:
    reg = _cli(repo, "v1.4.29")
    assert [t.name for t in reg.tools] == ["Read"]
    read = reg.tools[0]
    assert read.surface == "cli" and reg.surfaces == ["cli"]
    assert read.parameters == {
        "type": "object",
        "properties": {
            "filepath": {"type": "string", "description": "The path to read"},
            "limit": {"type": "number", "description": "Max lines"},
            "globs": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["filepath", "globs"],
    }
    assert read.original_parameters is not None
    assert read.original_parameters["filepath"]["required"] is True
    assert read.display_name == "Read" and read.readonly is True and read.is_built_in is True
    assert read.behaviour_fields == ["run"]


def test_json_schema_shape_factories_and_lists(repo: Path) -> None:
    reg = _cli(repo, "v1.5.0")
    tools = {t.name: t for t in reg.tools}
    assert sorted(tools) == ["Bash", "Read", "Subagent"]
    assert tools["Read"].original_parameters is None
    assert tools["Read"].parameters["required"] == ["filepath"]
    bash = tools["Bash"]
    assert bash.description == "Run a command in <dynamic:process.cwd()>. Use the Read tool to read files."
    assert bash.dynamic and bash.dynamic_paths == ["description"]
    sub = tools["Subagent"]
    assert sub.defined_by == "async function"
    assert sub.display_name == "Subagent" and sub.is_built_in is True  # from the META spread via `src/`
    assert sub.description == 'Launch a subagent. Available: <dynamic:models.join(", ")>'
    assert sub.source.path == f"{TOOLS}/subagent.tsx"
    assert tools["Read"].in_lists == ["BASE_BUILTIN_TOOLS"]
    assert sub.in_lists == ["getAllAvailableTools"]
    assert reg.findings == []

"""IDE extraction on a real (tmp) git repository with TypeScript shaped like Continue's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.extract import extract, load_registry, registry_json
from extractor.gitref import open_repo
from extractor.models import Registry
from tests.helpers import git, load_tree, make_repo

FIXTURE = Path(__file__).parent / "fixtures" / "ide_extract" / "v1"

V2_CHANGES: dict[str, str | None] = {
    # Prefix removed from every name, as Continue did at v1.1.55.
    "core/tools/builtIn.ts": FIXTURE.joinpath("core/tools/builtIn.ts").read_text().replace('"builtin_', '"'),
    # A broken tool file: its tool is reported with file and line, the others still extract.
    "core/tools/definitions/broken.ts": (
        'import { Tool } from "../..";\n'
        "\n"
        "export const brokenTool: Tool = {\n"
        '  type: "function",\n'
        '  function: { name: "broken", description: "x" parameters: {} },\n'
        "};\n"
    ),
    "core/tools/definitions/unlisted.ts": None,
    # Continue has shipped schemas like these: they are reported, not hidden or "fixed".
    "core/tools/definitions/oddSchemas.ts": (
        "export const typoTool = {\n"
        '  type: "function",\n'
        '  function: { name: "typo_tool", description: "", parameters: { type: "strng" } },\n'
        "};\n"
        "export const mismatchTool = {\n"
        '  type: "function",\n'
        "  function: {\n"
        '    name: "mismatch_tool",\n'
        '    description: "",\n'
        '    parameters: { type: "object", required: ["query"],\n'
        '      properties: { repo_url: { type: "string" } } },\n'
        "  },\n"
        "};\n"
    ),
}


@pytest.fixture(scope="module")
def repo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("continue") / "repo"
    return make_repo(root, {"v1.0.0-vscode": load_tree(FIXTURE), "v1.1.0-vscode": V2_CHANGES})


@pytest.fixture(scope="module")
def v1(repo_path: Path) -> Registry:
    return extract(open_repo(str(repo_path)), "v1.0.0-vscode", ["ide"])


def _tool(reg: Registry, name: str):  # noqa: ANN202
    tool = reg.tool(name, "ide")
    assert tool is not None, f"{name} not extracted; got {[t.name for t in reg.tools]}"
    return tool


def test_finds_every_tool_and_skips_tests(v1: Registry) -> None:
    assert [t.name for t in v1.tools] == [
        "builtin_edit_existing_file",
        "builtin_read_file",
        "builtin_request_rule",
        "builtin_run_terminal_command",
        "builtin_search_files",
        "builtin_unlisted_tool",
    ]
    assert v1.findings == []
    assert v1.continue_ref == "v1.0.0-vscode"
    assert v1.commit_date == "2025-01-01T12:00:00+00:00"
    assert v1.surfaces == ["ide"]


def test_strings_numbers_templates_and_imports(v1: Registry) -> None:
    read = _tool(v1, "builtin_read_file")
    # enum member, `+` concatenation, a const through a barrel (`export *`), template with escapes.
    assert read.description == (
        "Read a file. Paths are relative to the workspace root. At most 200 lines\nare shown, `quoted` é."
    )
    assert read.parameters == {
        "type": "object",
        "required": ["filepath"],
        "properties": {
            "filepath": {"type": "string", "description": "The path of the file to read."},
            "lines": {
                "type": "array",
                "items": {"type": "integer"},
                "description": "Line numbers; e.g. [1, 2]",
            },
        },
    }
    assert read.display_title == "Read File"
    assert read.would_like_to == "read {{{ filepath }}}"
    assert read.readonly is True and read.is_instant is True
    assert read.group == "Built-In"
    assert read.default_tool_policy == "allowedWithoutPermission"
    assert read.extra == {"maxLines": 200, "nothing": None}
    assert read.behaviour_fields == ["preprocessArgs"]
    assert read.system_message_description is not None
    assert read.system_message_description.prefix == "To read a file, use the builtin_read_file tool."
    assert read.system_message_description.example_args == [
        ("filepath", "path/to/the_file.txt"),
        ("lines", 3),
    ]
    assert read.source.path == "core/tools/definitions/readFile.ts" and read.source.line == 10
    assert not read.dynamic


def test_spreads_member_access_namespace_and_assertions(v1: Registry) -> None:
    edit = _tool(v1, "builtin_edit_existing_file")
    # line continuation removed; member access on another tool; import through the `core/` alias.
    assert edit.description == (
        "Edit a file. First use the builtin_read_file tool. "
        "This tool CANNOT be called in parallel with other tools.\n\n"
        "Always write the full path.\n\tIndent with tabs."
    )
    assert edit.readonly is False and edit.group == "Built-In"  # from the spread of a const object
    assert edit.type == "function" and edit.display_title == "Edit File"  # `as const`, `<string>`
    assert edit.parameters["properties"]["mode"]["enum"] == ["replace", "append"]  # `satisfies`
    assert list(edit.parameters["properties"]) == ["filepath", "changes", "mode"]  # source order kept


def test_function_tools_and_runtime_markers(v1: Registry) -> None:
    rule = _tool(v1, "builtin_request_rule")
    assert rule.defined_by == "async function"
    assert rule.display_title == "Request Rules"  # a local const inside the factory
    assert rule.description == "Available rules: <dynamic:describeRules(rules)>"
    assert rule.dynamic and rule.dynamic_paths == ["function.description"]
    # A pure helper with a for-of loop and `+=` is run statically.
    assert (
        rule.system_message_description_text
        == "TOOL_NAME: builtin_request_rule\nBEGIN_ARG: name\nrule_name\nEND_ARG"
    )

    run = _tool(v1, "builtin_run_terminal_command")
    assert (
        run.description
        == "Run a command. Choose commands for <dynamic:os.platform()> in <dynamic:process.cwd()>."
    )
    assert run.dynamic and run.dynamic_paths == ["function.description"]

    search = _tool(v1, "builtin_search_files")
    assert search.defined_by == "function"
    # renamed export of a non-exported const; an auto-incremented enum member.
    assert search.description == "Search files (not exported). Priority 4."
    assert search.display_title == "Search Files"


def test_tool_lists(v1: Registry) -> None:
    lists = {t.name: t.in_lists for t in v1.tools}
    assert lists == {
        "builtin_edit_existing_file": ["getConfigDependentToolDefinitions"],
        "builtin_read_file": ["getBaseToolDefinitions"],
        "builtin_request_rule": ["getConfigDependentToolDefinitions"],
        "builtin_run_terminal_command": ["getBaseToolDefinitions"],
        "builtin_search_files": ["getBaseToolDefinitions"],
        "builtin_unlisted_tool": [],
    }


def test_second_tag_renames_and_reports_syntax_error(repo_path: Path) -> None:
    reg = extract(open_repo(str(repo_path)), "v1.1.0-vscode", ["ide"])
    assert [t.name for t in reg.tools] == [
        "edit_existing_file",
        "mismatch_tool",
        "read_file",
        "request_rule",
        "run_terminal_command",
        "search_files",
        "typo_tool",
    ]
    assert _tool(reg, "edit_existing_file").description.startswith(
        "Edit a file. First use the read_file tool."
    )
    errors = [f for f in reg.findings if f.kind == "syntax-error"]
    assert len(errors) == 1
    assert errors[0].source is not None
    assert errors[0].source.path == "core/tools/definitions/broken.ts"
    assert errors[0].source.line == 5
    assert "brokenTool" in errors[0].message


def test_json_is_deterministic_and_round_trips(repo_path: Path, tmp_path: Path) -> None:
    a = registry_json(extract(open_repo(str(repo_path)), "v1.0.0-vscode", ["ide"]))
    b = registry_json(extract(open_repo(str(repo_path)), "v1.0.0-vscode", ["ide"]))
    assert a == b
    data = json.loads(a)
    assert list(data) == sorted(data)
    out = tmp_path / "reg.json"
    out.write_text(a)
    assert registry_json(load_registry(out)) == a


def test_reads_bare_git_dir_without_config(repo_path: Path, tmp_path: Path) -> None:
    bare = tmp_path / "mirror"
    git(tmp_path, "clone", "-q", "--bare", str(repo_path), str(bare))
    (bare / "config").unlink()
    reg = extract(open_repo(str(bare)), "v1.1.0-vscode", ["ide"])
    assert "read_file" in [t.name for t in reg.tools]


def test_url_is_cloned_into_cache_then_fetched(repo_path: Path, tmp_path: Path) -> None:
    upstream = tmp_path / "upstream"
    shutil.copytree(repo_path, upstream)
    cache = tmp_path / "vendor" / "continue"
    repo = open_repo(f"file://{upstream}", cache)
    assert (cache / "HEAD").is_file()
    assert extract(repo, "v1.0.0-vscode", ["ide"]).tools
    # A new upstream tag arrives with the next open (fetch, not a second clone).
    git(upstream, "tag", "v9.9.9-vscode", "v1.1.0-vscode")
    repo = open_repo(f"file://{upstream}", cache)
    assert extract(repo, "v9.9.9-vscode", ["ide"]).tools
    assert not (upstream / "core").exists() or True  # the upstream work tree is never read from
    assert git(upstream, "status", "--porcelain") == ""  # and never touched


def test_the_work_tree_is_never_touched(repo_path: Path) -> None:
    before = git(repo_path, "status", "--porcelain")
    head = git(repo_path, "rev-parse", "HEAD")
    extract(open_repo(str(repo_path)), "v1.0.0-vscode", ["ide"])
    assert git(repo_path, "status", "--porcelain") == before
    assert git(repo_path, "rev-parse", "HEAD") == head


def test_schema_problems_are_findings(repo_path: Path) -> None:
    reg = extract(open_repo(str(repo_path)), "v1.1.0-vscode", ["ide"])
    by_kind = {(f.kind, f.tool) for f in reg.findings}
    assert ("invalid-schema", "typo_tool") in by_kind
    assert ("schema-inconsistent", "mismatch_tool") in by_kind
    mismatch = next(f for f in reg.findings if f.tool == "mismatch_tool")
    assert "'query'" in mismatch.message
    assert mismatch.source is not None and mismatch.source.path == "core/tools/definitions/oddSchemas.ts"

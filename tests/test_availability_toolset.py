"""`continue-tools toolset` through click's runner, on registries extracted from fixture repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from continue_tools.cli import cli, run
from extractor.extract import extract, registry_json
from extractor.gitref import open_repo
from tests.helpers import load_tree, make_repo

FIXTURE = Path(__file__).parent / "fixtures" / "availability" / "v1"

# v1.1.0: the text protocol exists (system-message tools), and a GUI filter picks one edit tool by model.
V2_CHANGES: dict[str, str | None] = {
    "core/tools/systemMessageTools/build.ts": "export const build = () => '';\n",
    "core/tools/builtIn.ts": (
        'export enum BuiltInToolNames {\n  Bulk = "bulk_edit",\n  Plain = "plain_edit",\n}\n'
    ),
    "gui/src/redux/thunks/streamNormalInput.ts": (
        'import { BuiltInToolNames } from "core/tools/builtIn";\n'
        "function filterToolsForModel(tools: any[], selectedModel: any) {\n"
        "  const shouldUseFindReplace = shouldUseFindReplaceEdits(selectedModel);\n"
        "  return tools.filter((tool) => {\n"
        "    if (tool.function.name === BuiltInToolNames.Plain) {\n"
        "      return !shouldUseFindReplace;\n"
        "    }\n"
        "    if (tool.function.name === BuiltInToolNames.Bulk) {\n"
        "      return shouldUseFindReplace;\n"
        "    }\n"
        "    return true;\n"
        "  });\n"
        "}\n"
        "function shouldUseFindReplaceEdits({ model }: any): boolean {\n"
        '  return model.includes("widget");\n'
        "}\n"
    ),
}


@pytest.fixture(scope="module")
def registries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("toolset")
    make_repo(base / "repo", {"v1.0.0": load_tree(FIXTURE), "v1.1.0": V2_CHANGES})
    repo = open_repo(str(base / "repo"))
    out = {}
    for tag in ("v1.0.0", "v1.1.0"):
        path = base / f"{tag}.json"
        path.write_text(registry_json(extract(repo, tag, ["ide", "cli"])))
        out[tag] = path
    return out


def _toolset(path: Path, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["toolset", "--registry", str(path), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


IDE_BASE = ["peek", "scribble", "hunt", "web"]


@pytest.mark.parametrize(
    ("args", "tools", "native"),
    [
        # Recommended model, native provider: the multi-edit tool; `hush` is default-disabled.
        (["--model", "rocket-pro", "--provider", "acme"], [*IDE_BASE, "bulk_edit"], True),
        (["--model", "rocket-mini", "--provider", "acme"], [*IDE_BASE, "plain_edit"], True),
        # No native tools and (at v1.0.0) no text protocol: Continue offers nothing.
        (["--model", "rocket-pro", "--provider", "nobody"], [], False),
        (
            ["--model", "rocket-pro", "--provider", "acme", "--remote"],
            ["peek", "scribble", "web", "bulk_edit"],
            True,
        ),
        (
            ["--model", "rocket-pro", "--provider", "acme", "--signed-out"],
            ["peek", "scribble", "hunt", "bulk_edit"],
            True,
        ),
        (
            ["--model", "jet-9", "--provider", "acme", "--experimental"],
            [*IDE_BASE, "lab", "lab_two", "bulk_edit"],
            True,
        ),
        (["--model", "rocket-pro", "--provider", "acme", "--mode", "plan"], ["peek", "hunt", "web"], True),
        (["--model", "rocket-pro", "--provider", "acme", "--mode", "chat"], [], True),
    ],
)
def test_ide_toolset(registries: dict[str, Path], args: list[str], tools: list[str], native: bool) -> None:
    assert _toolset(registries["v1.0.0"], "--surface", "ide", *args) == {
        "tools": tools,
        "native_tools": native,
    }


def test_ide_text_protocol_when_the_version_has_it(registries: dict[str, Path]) -> None:
    args = ["--surface", "ide", "--model", "widget-rocket-pro", "--provider", "nobody"]
    assert _toolset(registries["v1.1.0"], *args) == {"tools": [*IDE_BASE, "bulk_edit"], "native_tools": False}


def test_ide_gui_edit_filter_by_model(registries: dict[str, Path]) -> None:
    # v1.1.0's GUI filter keeps bulk_edit only for "widget" models, plain_edit only for others.
    got = _toolset(registries["v1.1.0"], "--surface", "ide", "--model", "rocket-pro", "--provider", "acme")
    assert got["tools"] == IDE_BASE
    got = _toolset(
        registries["v1.1.0"], "--surface", "ide", "--model", "widget-rocket-pro", "--provider", "acme"
    )
    assert got["tools"] == [*IDE_BASE, "bulk_edit"]
    got = _toolset(registries["v1.1.0"], "--surface", "ide", "--model", "widget-x", "--provider", "acme")
    assert got["tools"] == IDE_BASE  # not recommended (no plain_edit) and not find-replace (no bulk_edit)


@pytest.mark.parametrize(
    ("args", "tools"),
    [
        (["--model", "jet-1"], ["Look", "Put", "Grep", "FixMany"]),
        (["--model", "car"], ["Look", "Put", "Grep", "Fix"]),
        (["--model", "car", "--headless"], ["Look", "Grep", "Quit"]),
        (["--model", "car", "--mode", "plan", "--no-ripgrep"], ["Look"]),
        (
            ["--model", "car", "--agent-id", "--beta", "helper-tool"],
            ["Look", "Put", "Grep", "Blame", "Fix", "Helper"],
        ),
    ],
)
def test_cli_toolset(registries: dict[str, Path], args: list[str], tools: list[str]) -> None:
    assert _toolset(registries["v1.0.0"], "--surface", "cli", *args) == {"tools": tools, "native_tools": True}


def test_table_output_names_protocol_and_unknowns(registries: dict[str, Path]) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "toolset",
            "--registry",
            str(registries["v1.0.0"]),
            "--surface",
            "ide",
            "--model",
            "m",
            "--provider",
            "mystery",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "text tool protocol" in result.output
    assert "unknown:params.someFutureSwitch > 2" in result.output


def test_missing_registry_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.json"
    code = run(["toolset", "--registry", str(missing), "--surface", "ide", "--model", "x"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [f"error: registry file not found: {missing}"]


def test_bad_registry_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code = run(["toolset", "--registry", str(bad), "--surface", "ide", "--model", "x"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("error: ") and str(bad) in err[0]

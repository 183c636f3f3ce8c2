"""The `extract` and `tools` commands: output contract and one-line errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from continue_tools.cli import run
from tests.helpers import load_tree, make_repo

FIXTURE = Path(__file__).parent / "fixtures" / "ide_extract" / "v1"


@pytest.fixture(scope="module")
def repo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "repo"
    broken = {
        "core/tools/definitions/bad.ts": (
            'export const badTool = {\n  function: { name: "bad" description: "x" },\n};\n'
        ),
    }
    return make_repo(root, {"v1.0.0-vscode": load_tree(FIXTURE), "v1.1.0-vscode": broken})


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_to_stdout_matches_contract(repo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(
        ["extract", "--repo", str(repo_path), "--ref", "v1.0.0-vscode", "--surface", "ide"], capsys
    )
    assert code == 0
    data = json.loads(out)
    assert data["continue_ref"] == "v1.0.0-vscode"
    assert len(data["commit"]) == 40
    names = {t["name"] for t in data["tools"]}
    assert "builtin_read_file" in names
    for tool in data["tools"]:
        assert tool["surface"] == "ide"
        assert isinstance(tool["parameters"], dict) and isinstance(tool["description"], str)
    run_tool = next(t for t in data["tools"] if t["name"] == "builtin_run_terminal_command")
    assert "<dynamic:os.platform()>" in run_tool["description"]
    assert "6 tools at v1.0.0-vscode" in err


def test_extract_to_file_and_tools_table(repo_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out_file = tmp_path / "out" / "reg.json"
    code, _, _ = _run(
        ["extract", "--repo", str(repo_path), "--ref", "v1.0.0-vscode", "-o", str(out_file)], capsys
    )
    assert code == 0 and out_file.exists()
    code, out, _ = _run(["tools", str(out_file)], capsys)
    assert code == 0
    assert "builtin_read_file" in out and "filepath*" in out and "getBaseToolDefinitions" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--ref", "v404"], "unknown ref 'v404'"),
        (["--ref", "v1.0.0-vscode", "--repo-override", "not-a-repo"], "not a git repository"),
        (["--ref", "v1.0.0-vscode", "--repo-override", "missing-dir"], "no such file or directory"),
        (["--ref", "v1.0.0-vscode", "--repo-override", "file:///nonexistent/continue.git"], "cannot clone"),
        (["--ref", "v1.0.0-vscode", "--repo-override", "http://127.0.0.1:9/continue.git"], "cannot clone"),
    ],
)
def test_bad_input_is_one_line_and_nonzero(
    repo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    repo = str(repo_path)
    if "--repo-override" in args:
        i = args.index("--repo-override")
        repo = args[i + 1]
        if repo == "not-a-repo":
            (tmp_path / "plain").mkdir()
            repo = str(tmp_path / "plain")
        elif repo == "missing-dir":
            repo = str(tmp_path / "missing")
        args = args[:i] + args[i + 2 :]
    cache = tmp_path / "cache"
    code, out, err = _run(["extract", "--repo", repo, "--cache", str(cache), *args], capsys)
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and expected in lines[0]
    assert "Traceback" not in err


def test_syntax_error_keeps_other_tools(repo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(
        ["extract", "--repo", str(repo_path), "--ref", "v1.1.0-vscode", "--surface", "ide"], capsys
    )
    assert code == 0
    data = json.loads(out)
    assert "builtin_read_file" in {t["name"] for t in data["tools"]}
    assert "bad" not in {t["name"] for t in data["tools"]}
    finding = next(f for f in data["findings"] if f["kind"] == "syntax-error")
    assert finding["source"] == {"path": "core/tools/definitions/bad.ts", "line": 2}
    assert "core/tools/definitions/bad.ts:2" in err


def test_unreadable_registry_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "reg.json"
    bad.write_text('{"tools": 3}')
    code, _, err = _run(["tools", str(bad)], capsys)
    assert code == 2
    assert err.strip().startswith(f"error: {bad}: not a continue-tools registry")
    code, _, err = _run(["tools", str(tmp_path / "none.json")], capsys)
    assert code == 2 and "registry file not found" in err


def test_click_runner_help_lists_commands() -> None:
    from continue_tools.cli import cli

    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output and "tools" in result.output

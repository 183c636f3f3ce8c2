"""A git ref to a Registry, composing git access, parsing and evaluation; JSON dump and load."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import git
import jsonschema
from pydantic import ValidationError

from continue_tools.atomic import atomic_write_text
from continue_tools.errors import UserError

from .evaluate import ModuleCache, Program
from .gitref import Snapshot, snapshot
from .ide_tools import extract_ide_tools
from .models import SURFACES, Finding, Registry, Surface, Tool

ToolExtractor = Callable[[Program], tuple[list[Tool], list[Finding]]]


def _cli_extractor() -> ToolExtractor:
    from .cli_tools import extract_cli_tools

    return extract_cli_tools


def tool_extractor(surface: Surface) -> ToolExtractor:
    return extract_ide_tools if surface == "ide" else _cli_extractor()


def check_schemas(tools: Iterable[Tool]) -> list[Finding]:
    """Every `parameters` must be a valid JSON Schema; Continue's own mistakes are reported, not hidden."""
    findings = []
    for tool in tools:
        try:
            cls = jsonschema.validators.validator_for(
                tool.parameters, default=jsonschema.Draft202012Validator
            )
            cls.check_schema(tool.parameters)
        except jsonschema.SchemaError as exc:
            findings.append(
                Finding(
                    kind="invalid-schema",
                    message=f"parameters of {tool.name} is not a valid JSON Schema: {exc.message}",
                    source=tool.source,
                    tool=tool.name,
                )
            )
            continue
        # Valid JSON Schema, yet unusable: a required argument the schema does not describe
        # (Continue's own toolDefinitions test checks this too).
        props = tool.parameters.get("properties")
        required = tool.parameters.get("required")
        if isinstance(props, dict) and isinstance(required, list):
            for name in required:
                if name not in props:
                    findings.append(
                        Finding(
                            kind="schema-inconsistent",
                            message=f"parameters of {tool.name} require {name!r}, not among its properties",
                            source=tool.source,
                            tool=tool.name,
                        )
                    )
    return findings


def _unresolved_findings(program: Program) -> list[Finding]:
    from .models import SourceLoc

    seen = sorted(set(program.unresolved))
    return [
        Finding(kind="unresolved", message=f"could not resolve {text!r}", source=SourceLoc(path=p, line=ln))
        for p, ln, text in seen
    ]


def _dedupe(tools: list[Tool], findings: list[Finding]) -> list[Tool]:
    """One tool per (surface, name): a listed definition wins over an unlisted one."""
    chosen: dict[tuple[str, str], Tool] = {}
    for tool in sorted(tools, key=lambda t: (not t.in_lists, t.source.path, t.source.line)):
        key = (tool.surface, tool.name)
        if key in chosen:
            first = chosen[key]
            findings.append(
                Finding(
                    kind="duplicate-tool",
                    message=f"{tool.name} is also defined at {first.source.path}:{first.source.line}",
                    source=tool.source,
                    tool=tool.name,
                )
            )
            continue
        chosen[key] = tool
    return list(chosen.values())


def extract_snapshot(
    snap: Snapshot,
    surfaces: Iterable[Surface] = SURFACES,
    cache: ModuleCache | None = None,
) -> Registry:
    program = Program(snap, cache)
    tools: list[Tool] = []
    findings: list[Finding] = []
    present: list[Surface] = []
    for surface in surfaces:
        found, notes = tool_extractor(surface)(program)
        if found or notes:
            present.append(surface)
        tools.extend(found)
        findings.extend(notes)
    tools = _dedupe(tools, findings)
    findings.extend(check_schemas(tools))
    findings.extend(_unresolved_findings(program))
    registry = Registry(
        continue_ref=snap.ref,
        commit=snap.hexsha,
        commit_date=snap.date,
        surfaces=present,
        tools=sorted(tools, key=lambda t: (t.surface, t.name)),
        findings=sorted(
            findings,
            key=lambda f: (
                f.source.path if f.source else "",
                f.source.line if f.source else 0,
                f.kind,
                f.message,
            ),
        ),
    )
    _extend_registry(program, registry, list(surfaces))
    return registry


def _extend_registry(program: Program, registry: Registry, surfaces: list[Surface]) -> None:
    """Registry part two (availability, prompts, text protocol, tool errors), when its modules exist."""
    try:
        from . import registry_parts
    except ImportError:
        return
    registry_parts.extend(program, registry, surfaces)


def extract(repo: git.Repo, ref: str, surfaces: Iterable[Surface] = SURFACES) -> Registry:
    return extract_snapshot(snapshot(repo, ref), surfaces)


# ---- JSON on disk ----


def _sorted(value: Any, keep_order: bool = False) -> Any:
    """Sort mapping keys for stable output, except a schema's `properties` (Continue's order is data)."""
    if isinstance(value, dict):
        items = value.items() if keep_order else sorted(value.items())
        return {k: _sorted(v, keep_order=(k == "properties" and isinstance(v, dict))) for k, v in items}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def registry_json(registry: Registry) -> str:
    data = _sorted(registry.model_dump(mode="json"))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def dump_registry(registry: Registry, path: str | Path) -> None:
    atomic_write_text(path, registry_json(registry))


def load_registry(path: str | Path) -> Registry:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{p}: registry file not found") from None
    except OSError as exc:
        raise UserError(f"{p}: cannot read registry ({exc.strerror})") from None
    try:
        return Registry.model_validate_json(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err.get("loc", ()))
        raise UserError(f"{p}: not a continue-tools registry ({where}: {err.get('msg')})") from None

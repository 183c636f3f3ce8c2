"""`continue-tools toolset`: the tools Continue would offer a model, from a registry's availability rules."""

from __future__ import annotations

import json
from pathlib import Path

import click
from pydantic import ValidationError

from continue_tools.errors import UserError
from extractor.extract import load_registry
from extractor.models import Registry
from extractor.toolset import ToolsetOptions, resolve_toolset


def _load(path: Path) -> Registry:
    if not path.is_file():
        raise UserError(f"registry file not found: {path}")
    try:
        return load_registry(path)
    except (ValidationError, ValueError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UserError(f"{path}: not a registry ({first})") from None


@click.command("toolset")
@click.option("--registry", "registry_path", required=True, type=click.Path(path_type=Path))
@click.option("--surface", type=click.Choice(["ide", "cli"]), required=True)
@click.option("--model", required=True, help="Model name as in the config (e.g. claude-sonnet-4).")
@click.option("--provider", default=None, help="Provider id (anthropic, openai, ollama, ...).")
@click.option("--mode", type=click.Choice(["agent", "plan", "chat"]), default="agent", show_default=True)
@click.option("--experimental", is_flag=True, help="IDE experimental.enableExperimentalTools.")
@click.option("--remote", is_flag=True, help="IDE remote workspace.")
@click.option("--headless", is_flag=True, help="CLI headless (-p).")
@click.option("--signed-in/--signed-out", default=True, show_default=True)
@click.option("--no-ripgrep", is_flag=True, help="CLI: ripgrep not installed.")
@click.option("--agent-id", is_flag=True, help="CLI: started with --id.")
@click.option("--beta", "beta_flags", multiple=True, help="CLI beta flag such as --beta-subagent-tool.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(
    registry_path: Path,
    surface: str,
    model: str,
    provider: str | None,
    mode: str,
    experimental: bool,
    remote: bool,
    headless: bool,
    signed_in: bool,
    no_ripgrep: bool,
    agent_id: bool,
    beta_flags: tuple[str, ...],
    fmt: str,
) -> int:
    """List the tools Continue offers MODEL, in Continue's order, and native calls vs text protocol."""
    registry = _load(registry_path)
    has_rules = any(r.surface == surface for r in registry.availability)
    if surface not in registry.surfaces and not registry.tools_for(surface) and not has_rules:  # type: ignore[arg-type]
        raise UserError(f"{registry_path}: registry has no {surface} surface")
    options = ToolsetOptions(
        surface=surface,  # type: ignore[arg-type]
        model=model,
        provider=provider,
        mode=mode,  # type: ignore[arg-type]
        experimental=experimental,
        remote=remote,
        signed_in=signed_in,
        headless=headless,
        ripgrep=not no_ripgrep,
        agent_id=agent_id,
        beta_flags=frozenset(
            f if f.startswith("--") or not f.islower() else f"--beta-{f}" for f in beta_flags
        ),
    )
    result = resolve_toolset(registry, options)
    if fmt == "json":
        click.echo(json.dumps({"tools": result.tools, "native_tools": result.native_tools}))
        return 0
    protocol = "native tool calls" if result.native_tools else "text tool protocol (system message)"
    click.echo(f"{registry.continue_ref} {surface} {mode} {model} ({provider or 'no provider'}): {protocol}")
    for i, name in enumerate(result.tools, 1):
        click.echo(f"{i:3}  {name}")
    if not result.tools:
        click.echo("  (no tools)")
    for item in result.unresolved:
        click.echo(f"  note: not statically decidable, counted false: {item}")
    return 0

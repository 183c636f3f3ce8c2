"""`continue-tools tools`: a registry as a readable table."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from extractor.extract import load_registry
from extractor.shipped import latest_registry_path


@click.command("tools")
@click.argument("registry", required=False, type=click.Path(path_type=Path))
@click.option("--surface", type=click.Choice(["ide", "cli"]), default=None)
def command(registry: Path | None, surface: str | None) -> int:
    """Show the tools of REGISTRY (default: the newest shipped registry)."""
    path = registry or latest_registry_path(surface or "ide")
    reg = load_registry(path)
    table = Table(title=f"Continue {reg.continue_ref} ({reg.commit[:10]}, {reg.commit_date[:10]})")
    for col in ("surface", "name", "parameters (* required)", "readonly", "lists", "source"):
        table.add_column(col)
    for tool in reg.tools:
        if surface and tool.surface != surface:
            continue
        props = tool.parameters.get("properties") or {}
        required = set(tool.parameters.get("required") or [])
        params = ", ".join(f"{p}{'*' if p in required else ''}" for p in props)
        table.add_row(
            tool.surface,
            tool.name + (" (dynamic)" if tool.dynamic else ""),
            params,
            "" if tool.readonly is None else str(tool.readonly).lower(),
            ", ".join(tool.in_lists),
            f"{tool.source.path}:{tool.source.line}",
        )
    Console(width=200).print(table)
    if reg.findings:
        click.echo(f"{len(reg.findings)} extraction findings (see the registry's `findings`).")
    return 0

"""`continue-tools extract`: a ref of Continue's repository to a registry JSON."""

from __future__ import annotations

from pathlib import Path

import click

from continue_tools.repo_options import load_repo, with_repo
from extractor.extract import dump_registry, extract, registry_json
from extractor.models import SURFACES


@click.command("extract")
@with_repo
@click.option("--ref", required=True, help="Tag, branch or commit to read (no checkout is made).")
@click.option(
    "--surface", type=click.Choice(SURFACES), default=None, help="Only this surface (default: both)."
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None, help="Write here instead of stdout."
)
def command(repo_spec: str, cache_dir: Path, ref: str, surface: str | None, output: Path | None) -> int:
    """Extract Continue's tools at REF into a registry."""
    repo = load_repo(repo_spec, cache_dir)
    registry = extract(repo, ref, [surface] if surface else SURFACES)  # type: ignore[list-item]
    if output is None:
        click.echo(registry_json(registry), nl=False)
    else:
        dump_registry(registry, output)
    for finding in registry.findings:
        if finding.kind in ("syntax-error", "invalid-schema"):
            where = f"{finding.source.path}:{finding.source.line}: " if finding.source else ""
            click.echo(f"warning: {where}{finding.message}", err=True)
    click.echo(f"{len(registry.tools)} tools at {ref} ({registry.commit[:10]})", err=True)
    return 0

"""Shared click options for commands that read Continue's source from git."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import git

from extractor.gitref import open_repo

DEFAULT_CACHE = Path("vendor/continue")

repo_option = click.option(
    "--repo",
    "repo_spec",
    required=True,
    help="Continue repository: a git URL (cloned once into vendor/continue/) or a local path (bare or not).",
)
cache_option = click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_CACHE,
    show_default=True,
    help="Where a URL is cloned.",
)


def with_repo(fn: Callable[..., Any]) -> Callable[..., Any]:
    return repo_option(cache_option(fn))


def load_repo(repo_spec: str, cache_dir: Path) -> git.Repo:
    return open_repo(repo_spec, cache_dir)

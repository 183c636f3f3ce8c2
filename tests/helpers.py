"""Test helpers: small git repositories with TypeScript shaped like Continue's, tagged per version."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

# Pinned author and dates so that fixture commits (and so registries) are byte-identical across runs.
_BASE_ENV = {
    "GIT_AUTHOR_NAME": "Fixture",
    "GIT_AUTHOR_EMAIL": "fixture@example.invalid",
    "GIT_COMMITTER_NAME": "Fixture",
    "GIT_COMMITTER_EMAIL": "fixture@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str, date: str = "2025-01-01T00:00:00+00:00") -> str:
    env = {**os.environ, **_BASE_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def make_repo(root: Path, versions: Mapping[str, Mapping[str, str | None]]) -> Path:
    """A repository with one commit per version, tagged with its name, in the given order.

    Each version maps repo paths to file text; a later version starts from the previous tree, and a
    value of None deletes that path. Commit dates increase by one day per version.
    """
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    for day, (tag, files) in enumerate(versions.items(), start=1):
        for rel, text in files.items():
            path = root / rel
            if text is None:
                if path.exists():
                    git(root, "rm", "-q", rel)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            git(root, "add", rel)
        date = f"2025-01-{day:02d}T12:00:00+00:00"
        git(root, "commit", "-q", "--allow-empty", "-m", tag, date=date)
        git(root, "tag", tag, date=date)
    return root


def load_tree(directory: Path) -> dict[str, str]:
    """Every file under `directory` as {relative posix path: text} (fixture dirs -> make_repo)."""
    return {
        p.relative_to(directory).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def make_repo_from_dirs(root: Path, fixture: Path, tags: list[str]) -> Path:
    """Tags built from `fixture/<tag>/` directories; each version's tree is exactly that directory."""
    versions: dict[str, dict[str, str | None]] = {}
    previous: set[str] = set()
    for tag in tags:
        files = load_tree(fixture / tag)
        version: dict[str, str | None] = dict(files)
        version.update({gone: None for gone in previous - set(files)})
        versions[tag] = version
        previous = set(files)
    return make_repo(root, versions)

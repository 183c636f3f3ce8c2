"""Files of a git repository at any ref, read from git objects: no checkout, the work tree is never touched.

Knows nothing of TypeScript. `open_repo` accepts a URL (cloned once into a cache directory, fetched
later), a repository with a work tree, a bare repository, or a bare git directory with no `config`
file (like a mirror snapshot), which GitPython would otherwise mistake for a work tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import git
from git.exc import BadName, GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from continue_tools.errors import UserError

_URL_RE = re.compile(r"^([a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:)", re.IGNORECASE)


def is_url(spec: str) -> bool:
    return bool(_URL_RE.match(spec))


def _last_line(exc: GitCommandError) -> str:
    text = (exc.stderr or str(exc)).strip().splitlines()
    lines = [ln.strip().removeprefix("stderr:").strip(" '") for ln in text if ln.strip()]
    return lines[-1] if lines else "git failed"


def _is_bare_git_dir(path: Path) -> bool:
    return (path / "HEAD").is_file() and (path / "objects").is_dir() and (path / "refs").is_dir()


def _open_local(path: Path) -> git.Repo:
    if not path.exists():
        raise UserError(f"{path}: no such file or directory")
    if _is_bare_git_dir(path):
        # A bare directory (maybe without `config`): pin GIT_DIR so git never looks elsewhere.
        repo = git.Repo(path)
        repo.git.update_environment(GIT_DIR=str(path.resolve()))
        return repo
    if (path / ".git").exists():
        try:
            return git.Repo(path)
        except (InvalidGitRepositoryError, NoSuchPathError) as exc:
            raise UserError(f"{path}: not a git repository ({exc})") from None
    raise UserError(f"{path}: not a git repository")


def clone_or_fetch(url: str, cache_dir: Path) -> git.Repo:
    """Clone `url` (bare) into `cache_dir` once; later calls fetch branches and tags into it."""
    if _is_bare_git_dir(cache_dir):
        repo = _open_local(cache_dir)
        try:
            repo.git.remote("set-url", "origin", url)
            repo.git.fetch("origin", "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*", "--prune")
        except GitCommandError as exc:
            raise UserError(f"cannot fetch {url}: {_last_line(exc)}") from None
        return repo
    if cache_dir.exists() and any(cache_dir.iterdir()):
        raise UserError(f"{cache_dir}: exists and is not a git clone; remove it or pass another --cache")
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir.with_name(cache_dir.name + ".partial")
    if tmp.exists():
        import shutil

        shutil.rmtree(tmp)
    try:
        git.Repo.clone_from(url, tmp, bare=True, multi_options=["--no-tags"])
        repo = _open_local(tmp)
        repo.git.fetch("origin", "+refs/tags/*:refs/tags/*")
    except GitCommandError as exc:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(f"cannot clone {url}: {_last_line(exc)}") from None
    tmp.rename(cache_dir)
    return _open_local(cache_dir)


def open_repo(spec: str, cache_dir: Path | None = None) -> git.Repo:
    """A git repository from a URL (cached clone) or a local path."""
    if is_url(spec):
        if spec.startswith("file://") and not Path(spec[len("file://") :]).exists():
            raise UserError(f"cannot clone {spec}: no such repository")
        return clone_or_fetch(spec, cache_dir or Path("vendor/continue"))
    return _open_local(Path(spec))


def resolve_commit(repo: git.Repo, ref: str) -> git.Commit:
    """A tag, branch (preferred over a same-named tag, e.g. `main`), full ref or commit id."""
    candidates = [f"refs/heads/{ref}", f"refs/tags/{ref}", f"refs/remotes/origin/{ref}", ref]
    for cand in candidates:
        try:
            obj = repo.rev_parse(f"{cand}^{{commit}}")
        except (BadName, ValueError, GitCommandError, IndexError):
            continue
        if isinstance(obj, git.Commit):
            return obj
    raise UserError(f"unknown ref {ref!r}: no tag, branch or commit of that name")


@dataclass
class TagInfo:
    name: str
    commit: str
    date: str  # committer date, ISO 8601 UTC


def list_tags(repo: git.Repo) -> list[TagInfo]:
    """Every tag with its commit and commit date, oldest commit first (ties by name)."""
    out = repo.git.for_each_ref(
        "refs/tags",
        "--format=%(refname:strip=2)\t%(*objectname)%(objectname)\t%(*committerdate:unix)%(committerdate:unix)",
    )
    tags: list[TagInfo] = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip():
            continue
        name, sha, ts = parts
        sha = sha[:40] if len(sha) >= 40 else sha
        when = datetime.fromtimestamp(int(ts.strip()), tz=UTC).isoformat()
        tags.append(TagInfo(name=name, commit=sha, date=when))
    tags.sort(key=lambda t: (t.date, t.name))
    return tags


def _commit_date(commit: git.Commit) -> str:
    return datetime.fromtimestamp(commit.committed_date, tz=UTC).isoformat()


@dataclass
class Snapshot:
    """The tree of one commit; paths are POSIX, relative to the repository root."""

    repo: git.Repo
    ref: str
    commit: git.Commit
    _blobs: dict[str, git.Blob | None] = field(default_factory=dict)
    _text: dict[str, str] = field(default_factory=dict)

    @property
    def hexsha(self) -> str:
        return self.commit.hexsha

    @property
    def date(self) -> str:
        return _commit_date(self.commit)

    def _blob(self, path: str) -> git.Blob | None:
        if path not in self._blobs:
            try:
                obj = self.commit.tree / path
            except KeyError:
                obj = None
            self._blobs[path] = obj if isinstance(obj, git.Blob) else None
        return self._blobs[path]

    def exists(self, path: str) -> bool:
        return self._blob(path) is not None

    def blob_id(self, path: str) -> str | None:
        blob = self._blob(path)
        return blob.hexsha if blob is not None else None

    def read_bytes(self, path: str) -> bytes | None:
        blob = self._blob(path)
        if blob is None:
            return None
        return blob.data_stream.read()

    def read_text(self, path: str) -> str | None:
        if path not in self._text:
            data = self.read_bytes(path)
            if data is None:
                return None
            self._text[path] = data.decode("utf-8", errors="replace")
        return self._text[path]

    def list_files(self, prefix: str, suffixes: tuple[str, ...] = ()) -> list[str]:
        """Files under directory `prefix` (recursive), sorted; empty when the directory is absent."""
        try:
            tree = self.commit.tree / prefix.rstrip("/") if prefix else self.commit.tree
        except KeyError:
            return []
        if not isinstance(tree, git.Tree):
            return []
        paths = []
        for item in tree.traverse():
            if isinstance(item, git.Blob) and (not suffixes or item.path.endswith(suffixes)):
                self._blobs.setdefault(item.path, item)
                paths.append(item.path)
        return sorted(paths)


def snapshot(repo: git.Repo, ref: str) -> Snapshot:
    return Snapshot(repo=repo, ref=ref, commit=resolve_commit(repo, ref))

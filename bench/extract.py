"""Benchmark: extracting one ref, against the floor of reading the same files with `git archive`.

    python bench/extract.py --repo PATH [--ref v2.0.0-vscode] [--repeat 5]

Both are measured in the same run: the extraction (cold: new module cache each time, surfaces ide+cli)
and `git archive <ref> <every file the extraction read>` into memory. Prints the median of each and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

from extractor.evaluate import ModuleCache, Program
from extractor.extract import extract_snapshot
from extractor.gitref import open_repo, snapshot


def _git_dir(repo_spec: str) -> str:
    path = Path(repo_spec)
    return str(path / ".git") if (path / ".git").exists() else str(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--ref", default="v2.0.0-vscode")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    repo = open_repo(args.repo)

    # Which files does one extraction read? Those are what the floor reads too.
    probe = Program(snapshot(repo, args.ref))
    from extractor.ide_tools import extract_ide_tools

    extract_ide_tools(probe)
    extract_snapshot(snapshot(repo, args.ref))
    files = sorted(probe.read_paths)

    extract_times, archive_times = [], []
    env = {**os.environ, "GIT_DIR": _git_dir(args.repo)}
    for _ in range(args.repeat):
        start = time.perf_counter()
        extract_snapshot(snapshot(repo, args.ref), cache=ModuleCache())
        extract_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        subprocess.run(["git", "archive", args.ref, "--", *files], env=env, check=True, capture_output=True)
        archive_times.append(time.perf_counter() - start)

    ext, arc = statistics.median(extract_times), statistics.median(archive_times)
    print(f"ref {args.ref}: {len(files)} files read by the IDE extraction")
    print(f"extract (cold, both surfaces): median {ext * 1000:.1f} ms over {args.repeat} runs")
    print(f"git archive of the same files: median {arc * 1000:.1f} ms")
    print(f"ratio extract / git archive: {ext / arc:.2f}x")


if __name__ == "__main__":
    main()

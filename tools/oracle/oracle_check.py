"""Cross-check the static IDE extractor against Continue's own TypeScript run under Node.js.

    python tools/oracle/oracle_check.py --repo PATH --ref TAG [--ref TAG ...]

For each tag, `core/` is exported with `git archive` into a temporary directory (no work tree is touched),
every `core/tools/definitions/*.ts` is bundled with esbuild (bare package imports become Proxy stubs) and run
under node; each exported tool object, or the result of calling an exported factory with empty params, is
compared with the registry the extractor produces: name, description, parameters, displayTitle, readonly
and systemMessageDescription. A `<dynamic:...>` marker matches any text. Needs node and npm; esbuild is
installed once into ~/.cache/continue-tools/oracle. Exit 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from extractor.extract import extract
from extractor.gitref import open_repo

HERE = Path(__file__).resolve().parent
CACHE = Path.home() / ".cache" / "continue-tools" / "oracle"


def _ensure_esbuild() -> Path:
    if not (CACHE / "node_modules" / "esbuild").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "init", "-y"], cwd=CACHE, check=True, capture_output=True)
        subprocess.run(["npm", "install", "esbuild@0.24"], cwd=CACHE, check=True, capture_output=True)
    return CACHE / "node_modules"


def _wildcard(text: str) -> re.Pattern[str]:
    parts = re.split(r"<dynamic:.*?>", text, flags=re.S)
    return re.compile("^" + ".*".join(re.escape(p) for p in parts) + "$", re.S)


def _same(ours: Any, theirs: Any) -> bool:
    if isinstance(ours, str) and "<dynamic:" in ours and isinstance(theirs, str):
        return bool(_wildcard(ours).match(theirs))
    return ours == theirs


def run_oracle(git_dir: str, ref: str, node_modules: Path) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="continue-oracle-"))
    try:
        archive = subprocess.run(
            ["git", f"--git-dir={git_dir}", "archive", ref, "core"], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive.stdout, check=True, capture_output=True)
        defs = sorted((tmp / "core/tools/definitions").glob("*.ts"))
        entries = [
            str(p) for p in defs if not re.search(r"\.(test|vitest)\.ts$", p.name) and p.name != "index.ts"
        ]
        env = {**os.environ, "NODE_PATH": str(node_modules)}
        out = subprocess.run(
            ["node", str(HERE / "bundle_tools.js"), str(tmp), *entries],
            capture_output=True,
            text=True,
            env=env,
        )
        return json.loads(out.stdout or "{}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compare(git_dir: str, ref: str, node_modules: Path) -> tuple[int, list[str]]:
    oracle = run_oracle(git_dir, ref, node_modules)
    registry = extract(open_repo(git_dir), ref, ["ide"])
    matched, problems = 0, []
    for tool in registry.tools:
        theirs = oracle.get(tool.name)
        if theirs is None:
            problems.append(f"{tool.name}: not produced by node (bundle failed or factory threw)")
            continue
        fn = theirs["function"]
        checks = [
            ("description", tool.description, fn.get("description", "")),
            ("parameters", tool.parameters, fn.get("parameters")),
            ("displayTitle", tool.display_title, theirs.get("displayTitle")),
            ("readonly", tool.readonly, theirs.get("readonly")),
        ]
        smd = theirs.get("systemMessageDescription")
        ours_smd = tool.system_message_description
        if isinstance(smd, dict):
            args = (
                [list(a) for a in ours_smd.example_args]
                if ours_smd and ours_smd.example_args is not None
                else None
            )
            checks += [("smd.prefix", ours_smd.prefix if ours_smd else None, smd.get("prefix"))]
            checks += [("smd.exampleArgs", args, smd.get("exampleArgs"))]
        elif isinstance(smd, str):
            checks.append(("smd", tool.system_message_description_text, smd))
        bad = [name for name, ours, other in checks if not _same(ours, other)]
        if bad:
            problems.append(f"{tool.name}: differs in {', '.join(bad)}")
        else:
            matched += 1
    names = {t.name for t in registry.tools}
    problems += [f"{k}: only node has it" for k in oracle if k not in names and not k.startswith("__error__")]
    return matched, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", required=True, help="git directory (bare or .git) of Continue")
    ap.add_argument("--ref", action="append", required=True)
    args = ap.parse_args()
    node_modules = _ensure_esbuild()
    failed = False
    for ref in args.ref:
        matched, problems = compare(args.repo, ref, node_modules)
        print(f"{ref}: {matched} tools identical; {len(problems)} not: {'; '.join(problems) or '-'}")
        failed = failed or any("differs" in p or "only node" in p for p in problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

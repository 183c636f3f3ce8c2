"""Where the shipped registries live in `output/`, and which one is the latest per surface."""

from __future__ import annotations

import json
from pathlib import Path

from continue_tools.errors import UserError

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "output"
REGISTRY_DIR = OUTPUT_DIR / "registry"
LATEST_FILE = "LATEST.json"  # {"ide": "<tag>", "cli": "<tag>"}


def registry_path(surface: str, tag: str, root: Path | None = None) -> Path:
    return (root or REGISTRY_DIR) / surface / f"{tag}.json"


def latest_tags(root: Path | None = None) -> dict[str, str]:
    path = (root or REGISTRY_DIR) / LATEST_FILE
    if not path.exists():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, TypeError, ValueError):
        raise UserError(f"{path}: not a JSON object of surface -> tag") from None


def latest_registry_path(surface: str, root: Path | None = None) -> Path:
    tags = latest_tags(root)
    if surface not in tags:
        raise UserError(f"no shipped registry for surface {surface!r} in {(root or REGISTRY_DIR)}")
    return registry_path(surface, tags[surface], root)

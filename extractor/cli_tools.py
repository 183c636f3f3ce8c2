"""The `cn` CLI surface (extensions/cli/src/tools). Filled in by the registry-part-two work."""

from __future__ import annotations

from .evaluate import Program
from .models import Finding, Tool


def extract_cli_tools(program: Program) -> tuple[list[Tool], list[Finding]]:
    return [], []

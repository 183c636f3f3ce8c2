"""Registry part two: fills availability, model matchers, system prompts, text protocol and tool errors.

Each part lives in its own module with `extend(program, registry, surfaces)`; a part whose module is
not there yet is skipped.
"""

from __future__ import annotations

import importlib

from .evaluate import Program
from .models import Registry, Surface

PARTS = ("availability", "prompts", "text_protocol", "tool_errors")


def extend(program: Program, registry: Registry, surfaces: list[Surface]) -> None:
    for part in PARTS:
        try:
            module = importlib.import_module(f"extractor.{part}")
        except ModuleNotFoundError as exc:
            if exc.name == f"extractor.{part}":
                continue
            raise
        module.extend(program, registry, surfaces)

"""Which tools Continue offers in a given situation, evaluated from the registry's availability rules.

PLACEHOLDER API (to be implemented by the availability work): the signature is the contract that the
validator and generator code against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .models import Registry, Surface

Mode = Literal["agent", "plan", "chat"]


@dataclass(frozen=True)
class ToolsetOptions:
    surface: Surface
    model: str | None = None
    provider: str | None = None
    mode: Mode = "agent"
    experimental: bool = False
    remote: bool = False
    signed_in: bool = True
    headless: bool = False
    ripgrep: bool = True
    has_rules: bool = False
    agent_id: bool = False
    beta_flags: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Toolset:
    tools: list[str]  # tool names, in the order Continue builds the list
    native_tools: bool  # False: the model is driven by the text tool protocol in the system prompt


def resolve_toolset(registry: Registry, options: ToolsetOptions) -> Toolset:
    names = [t.name for t in registry.tools_for(options.surface)]
    return Toolset(tools=names, native_tools=True)

"""Which tools Continue offers in a given situation, evaluated from the registry's availability rules.

Order of work, as in Continue: the list builder's rules (conditions on flags and model matchers), then the
per-request mode rules (IDE: chat none, plan keeps read-only tools, default-disabled tools dropped; the
CLI's plan/headless policies are already folded into its rules), then native tool calls vs text protocol.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .matchers import evaluate_matcher
from .models import Condition, ModelMatcher, Registry, Surface

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
    # Conditions that could not be decided statically (each counted as false), as "kind:arg" strings.
    unresolved: list[str] = field(default_factory=list)


class _Context:
    def __init__(self, registry: Registry, options: ToolsetOptions) -> None:
        self.options = options
        self.matchers: dict[str, ModelMatcher] = {
            m.id: m for m in registry.model_matchers if m.surface == options.surface
        }
        self.unresolved: list[str] = []

    def _note(self, text: str) -> None:
        if text not in self.unresolved:
            self.unresolved.append(text)

    def holds(self, c: Condition) -> bool:
        value = self._value(c)
        if value is None:
            self._note(f"{c.kind}:{c.arg}" if c.arg else c.kind)
            return False
        return value != c.negate

    def _value(self, c: Condition) -> bool | None:
        o = self.options
        flags = {
            "always": True,
            "experimental": o.experimental,
            "remote": o.remote,
            "signed_in": o.signed_in,
            "headless": o.headless,
            "ripgrep": o.ripgrep,
            "agent_id": o.agent_id,
            "has_rules": o.has_rules,
            "model_set": bool(o.model),
        }
        if c.kind in flags:
            return flags[c.kind]
        if c.kind == "model_contains":  # `modelName?.includes("claude")`: case-sensitive, as in JS
            return bool(o.model) and (c.arg or "") in (o.model or "")
        if c.kind == "beta_flag":
            return c.arg in o.beta_flags
        if c.kind == "mode":
            return o.mode == c.arg
        if c.kind == "model":
            matcher = self.matchers.get(c.arg or "")
            if matcher is None or not o.model:
                return None if matcher is None else False
            return evaluate_matcher(matcher, o.model, o.provider)
        return None  # "unknown" and kinds this version does not know


def _listed(registry: Registry, ctx: _Context) -> list[str]:
    surface = ctx.options.surface
    rules = sorted((r for r in registry.availability if r.surface == surface), key=lambda r: r.order)
    if not rules:  # no list builder found: every defined tool, and say so
        ctx.unresolved.append("no-availability-rules")
        return [t.name for t in registry.tools_for(surface) if t.in_lists] or [
            t.name for t in registry.tools_for(surface)
        ]
    return [r.tool for r in rules if any(all(ctx.holds(c) for c in conj) for conj in r.when)]


def _ide_mode_filter(registry: Registry, names: list[str], mode: Mode) -> list[str]:
    """gui selectActiveTools: chat none; default-disabled dropped; plan keeps read-only built-ins."""
    if mode == "chat":
        return []
    out = []
    for name in names:
        tool = registry.tool(name, "ide")
        if tool is not None and tool.default_tool_policy == "disabled":
            continue
        if mode == "plan" and not (tool is not None and tool.readonly):
            continue
        out.append(name)
    return out


def _ide_native(ctx: _Context) -> bool | None:
    matcher = ctx.matchers.get("ide.providerToolSupport")
    if matcher is None or not ctx.options.model:
        return False
    value = evaluate_matcher(matcher, ctx.options.model, ctx.options.provider)
    if value is None:
        ctx._note(f"model:ide.providerToolSupport[{ctx.options.provider}]")
    return value


def _ide_text_protocol_allowed(ctx: _Context) -> bool:
    """Whether a model without native tools still gets tools (through the system message)."""
    policy = (
        ctx.matchers.get("ide.systemMessageToolsPolicy")
        or ModelMatcher(id="", surface="ide", kind="policy", data={"policy": "none"})
    ).data["policy"]
    if policy == "always":
        return True
    if policy == "opt_in":
        o = ctx.options
        openrouter_non_claude = o.provider == "openrouter" and "claude" not in (o.model or "").lower()
        return openrouter_non_claude or "onlyUseSystemMessageTools" in o.beta_flags
    return False


def resolve_toolset(registry: Registry, options: ToolsetOptions) -> Toolset:
    ctx = _Context(registry, options)
    names = _listed(registry, ctx)
    if options.surface == "cli":
        # The CLI has no text-protocol fallback: tools always go as native tool calls.
        return Toolset(
            tools=[] if options.mode == "chat" else names, native_tools=True, unresolved=ctx.unresolved
        )
    names = _ide_mode_filter(registry, names, options.mode)
    native = bool(_ide_native(ctx))
    if not native and not _ide_text_protocol_allowed(ctx):
        names = []
    return Toolset(tools=names, native_tools=native, unresolved=ctx.unresolved)

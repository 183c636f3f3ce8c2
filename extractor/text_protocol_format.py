"""Render and parse Continue's text tool protocol (toolCodeblocks framework), as pure functions.

Shapes follow core/tools/systemMessageTools/toolCodeblocks/index.ts and parseSystemToolCall.ts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

FENCE = "```"
# Parser markers are case-insensitive and the underscore is optional (notes §6).
_TOOL_NAME = re.compile(r"^\s*tool_?name:\s*(.*)$", re.IGNORECASE)
_BEGIN_ARG = re.compile(r"^\s*begin_?arg:\s*(.*)$", re.IGNORECASE)
_END_ARG = re.compile(r"^\s*end_?arg\s*$", re.IGNORECASE)


def render_tool_call(name: str, args: Mapping[str, Any]) -> str:
    """A call as Continue replays it in history: values JSON-stringified (convertSystemTools.ts)."""
    parts = [f"{FENCE}tool", f"TOOL_NAME: {name}"]
    for key, value in args.items():
        parts += [f"BEGIN_ARG: {key}", json.dumps(value, ensure_ascii=False), "END_ARG"]
    parts.append(FENCE)
    return "\n".join(parts)


def render_tool_result(name: str, output: str) -> str:
    """The user message carrying a tool's output back to a text-protocol model."""
    return f"Tool output for {name} tool call:\n\n{output}"


def render_tool_definition(tool: Mapping[str, Any]) -> str:
    """The generic tool_definition fence for a tool without its own systemMessageDescription."""
    text = f"{FENCE}tool_definition\nTOOL_NAME: {tool['name']}\n"
    if tool.get("description"):
        text += f"TOOL_DESCRIPTION:\n{tool['description']}\n"
    params = tool.get("parameters") or {}
    required = set(params.get("required") or [])
    for key, spec in (params.get("properties") or {}).items():
        arg_type = spec.get("type", "string")
        text += f"TOOL_ARG: {key} ({arg_type}, {'required' if key in required else 'optional'})\n"
        if spec.get("description"):
            text += f"{spec['description']}\n"
        text += "END_ARG\n"
    return (text + FENCE).strip()


def render_example_call(name: str, example_args: Sequence[Sequence[Any]]) -> str:
    """An example call with raw (not JSON-encoded) example argument values."""
    text = f"{FENCE}tool\nTOOL_NAME: {name}"
    for arg, value in example_args:
        text += f"\nBEGIN_ARG: {arg}\n{value}\nEND_ARG"
    return text + f"\n{FENCE}"


def render_tools_system_block(
    registry_protocol: Mapping[str, Any], tools: Sequence[Mapping[str, Any]]
) -> str:
    """The block appended to the system message: instructions, per-tool entries, rules.

    `registry_protocol` holds `prefix`, `suffix` and `available_tools_line` (TextProtocol.data);
    each tool is a mapping with name/description/parameters and optional `prefix` + `example_args`.
    """
    lines = ["<tool_use_instructions>", registry_protocol.get("prefix", "")]
    lines.append(registry_protocol.get("available_tools_line", "The following tools are available to you:"))
    for tool in tools:
        if tool.get("prefix") is not None:
            lines.append(str(tool["prefix"]).strip())
            lines.append(render_example_call(tool["name"], tool.get("example_args") or []))
        else:
            lines.append(render_tool_definition(tool))
    lines += [registry_protocol.get("suffix", ""), "</tool_use_instructions>"]
    return "\n\n" + "\n".join(lines)


def _parse_value(raw: str) -> Any:
    value = raw.strip()
    candidate = value
    if value.startswith(("[", "{")):
        # Continue escapes raw newlines before JSON.parse for objects/arrays.
        candidate = value.replace("\r", "\\r").replace("\n", "\\n")
    try:
        return json.loads(candidate)
    except ValueError:
        return value


def parse_tool_calls(text: str) -> list[tuple[str, dict[str, Any]]]:
    """Tool calls in model output: ```tool fences or bare `tool_name:` lines, args between markers."""
    calls: list[tuple[str, dict[str, Any]]] = []
    name: str | None = None
    args: dict[str, Any] = {}
    arg: str | None = None
    value_lines: list[str] = []
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if arg is not None:
            if _END_ARG.match(line):
                args[arg] = _parse_value("\n".join(value_lines))
                arg, value_lines = None, []
            else:
                value_lines.append(line)
            continue
        if not in_block:
            if stripped.lower() == f"{FENCE}tool":
                in_block, name, args = True, None, {}
            elif match := _TOOL_NAME.match(line):
                in_block, name, args = True, match.group(1).strip(), {}
            continue
        if match := _TOOL_NAME.match(line):
            name = match.group(1).strip()
        elif match := _BEGIN_ARG.match(line):
            arg = match.group(1).strip()
        elif stripped.startswith(FENCE):
            if name:
                calls.append((name, args))
            in_block, name = False, None
    if in_block and name:  # an unterminated final call still counts, as in Continue's streaming parser
        if arg is not None:
            args[arg] = _parse_value("\n".join(value_lines))
        calls.append((name, args))
    return calls

"""Text tool protocol: records the literal instruction texts of Continue's toolCodeblocks framework.

Only class fields written as plain template literals (no `${}`) are read, so nothing is guessed.
"""

from __future__ import annotations

import re

from .evaluate import Program, cook
from .models import Registry, SourceLoc, Surface, TextProtocol

FRAMEWORK_PATH = "core/tools/systemMessageTools/toolCodeblocks/index.ts"
# field name -> registry key; `exampleDynamic*` show the generic definition and call shapes.
FIELDS = {
    "systemMessagePrefix": "prefix",
    "systemMessageSuffix": "suffix",
    "exampleDynamicToolDefinition": "example_tool_definition",
    "exampleDynamicToolCall": "example_tool_call",
}
_FIELD_RE = re.compile(
    r"^\s*(\w+)\s*=\s*`((?:[^`\\$]|\\.|\$(?!\{))*)`(\.trim\(\))?", re.MULTILINE | re.DOTALL
)


def extend(program: Program, registry: Registry, surfaces: list[Surface]) -> None:
    if "ide" not in surfaces:
        return
    text = program.snap.read_text(FRAMEWORK_PATH)
    if text is None:
        return
    data: dict[str, object] = {
        "call_fence": "```tool",
        "result_prefix_template": "Tool output for {name} tool call:\n\n",
    }
    locations: dict[str, dict[str, object]] = {}
    for match in _FIELD_RE.finditer(text):
        key = FIELDS.get(match.group(1))
        if key is None:
            continue
        value = cook(match.group(2))
        data[key] = value.strip() if match.group(3) else value
        line = text.count("\n", 0, match.start(1)) + 1
        locations[key] = {"path": FRAMEWORK_PATH, "line": line}
    if "prefix" not in data:
        return
    data["sources"] = locations
    line = int(locations["prefix"]["line"])  # type: ignore[call-overload]
    registry.text_protocol.append(
        TextProtocol(surface="ide", data=data, source=SourceLoc(path=FRAMEWORK_PATH, line=line))
    )

"""Default IDE system messages per mode, resolved by the static evaluator (templates, imports)."""

from __future__ import annotations

from .evaluate import Program, to_plain
from .models import Registry, SourceLoc, Surface, SystemPrompt

IDE_PROMPTS_PATH = "core/llm/defaultSystemMessages.ts"
IDE_PROMPTS = {
    "ide.chat": "DEFAULT_CHAT_SYSTEM_MESSAGE",
    "ide.agent": "DEFAULT_AGENT_SYSTEM_MESSAGE",
    "ide.plan": "DEFAULT_PLAN_SYSTEM_MESSAGE",
}


def _decl_line(text: str, name: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"export const {name}"):
            return number
    return None


def extend(program: Program, registry: Registry, surfaces: list[Surface]) -> None:
    if "ide" not in surfaces:
        return
    text = program.snap.read_text(IDE_PROMPTS_PATH)
    if text is None:
        return
    for prompt_id, name in IDE_PROMPTS.items():
        value = to_plain(program.export_value(IDE_PROMPTS_PATH, name)).value
        line = _decl_line(text, name)
        if not isinstance(value, str) or line is None:
            continue  # not a statically known string: record nothing rather than guess
        registry.system_prompts.append(
            SystemPrompt(
                surface="ide",
                id=prompt_id,
                text=value,
                dynamic="<dynamic:" in value,
                source=SourceLoc(path=IDE_PROMPTS_PATH, line=line),
            )
        )

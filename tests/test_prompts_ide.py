from pathlib import Path

from extractor.extract import extract
from extractor.gitref import open_repo
from tests.helpers import make_repo

PROMPTS = """import { RULES } from "./rules";

export const SHARED = `Shared part.`;

export const DEFAULT_CHAT_SYSTEM_MESSAGE = `\\
<role>
Chat. ${SHARED}
</role>`;

export const DEFAULT_AGENT_SYSTEM_MESSAGE = `Agent. ${RULES}`;

export const DEFAULT_PLAN_SYSTEM_MESSAGE = "Plan only." + " Read-only.";
"""
RULES = 'export const RULES = "Use tools.";\n'


def test_ide_prompts_resolve_templates_and_imports(tmp_path: Path) -> None:
    tree = {"core/llm/defaultSystemMessages.ts": PROMPTS, "core/llm/rules.ts": RULES}
    repo = make_repo(tmp_path, {"v1.0.0": tree})
    registry = extract(open_repo(str(repo)), "v1.0.0", ["ide"])
    prompts = {p.id: p for p in registry.system_prompts}
    assert prompts["ide.chat"].text == "<role>\nChat. Shared part.\n</role>"
    assert prompts["ide.agent"].text == "Agent. Use tools."
    assert prompts["ide.plan"].text == "Plan only. Read-only."
    assert prompts["ide.chat"].source is not None and prompts["ide.chat"].source.line == 5
    assert not prompts["ide.agent"].dynamic

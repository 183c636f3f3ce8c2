from pathlib import Path

from extractor.extract import extract
from extractor.gitref import open_repo
from tests.helpers import make_repo

FRAMEWORK = """export class Framework {
  systemMessagePrefix = `Use tools.

Line \\`two\\`.`;

  systemMessageSuffix = `RULES:
1. One call.`;

  exampleDynamicToolCall = `
\\`\\`\\`tool
TOOL_NAME: x
\\`\\`\\``.trim();
}
"""


def test_text_protocol_literals_recorded(tmp_path: Path) -> None:
    repo = make_repo(
        tmp_path, {"v1.0.0": {"core/tools/systemMessageTools/toolCodeblocks/index.ts": FRAMEWORK}}
    )
    registry = extract(open_repo(str(repo)), "v1.0.0", ["ide"])
    [protocol] = registry.text_protocol
    assert protocol.data["prefix"] == "Use tools.\n\nLine `two`."
    assert protocol.data["suffix"] == "RULES:\n1. One call."
    assert protocol.data["example_tool_call"] == "```tool\nTOOL_NAME: x\n```"
    assert protocol.source is not None and protocol.source.line == 2

from hypothesis import given
from hypothesis import strategies as st

from extractor.text_protocol_format import (
    parse_tool_calls,
    render_tool_call,
    render_tool_definition,
    render_tool_result,
    render_tools_system_block,
)

_keys = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)
_values = st.one_of(
    st.integers(),
    st.booleans(),
    st.text(min_size=1).filter(lambda s: s.strip() == s and s),
    st.lists(st.integers()),
)


@given(st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True), st.dictionaries(_keys, _values, max_size=4))
def test_render_parse_round_trip(name: str, args: dict) -> None:
    assert parse_tool_calls("Let me look.\n" + render_tool_call(name, args)) == [(name, args)]


def test_render_tool_call_shape() -> None:
    assert render_tool_call("read_file", {"filepath": "a.py"}) == (
        '```tool\nTOOL_NAME: read_file\nBEGIN_ARG: filepath\n"a.py"\nEND_ARG\n```'
    )
    assert render_tool_result("ls", "x") == "Tool output for ls tool call:\n\nx"


def test_parse_case_insensitive_multiline_and_json() -> None:
    text = (
        "```tool\ntool_name: edit\nbegin_arg: body\nline one\nline two\nend_arg\nBeginArg: n\n3\nENDARG\n```"
    )
    text = text.replace("BeginArg", "Begin_Arg").replace("ENDARG", "END_ARG")
    assert parse_tool_calls(text) == [("edit", {"body": "line one\nline two", "n": 3})]


def test_parse_bare_tool_name_and_json_object_with_raw_newline() -> None:
    text = 'ok\nTOOL_NAME: run\nBEGIN_ARG: opts\n{"cmd": "a\nb"}\nEND_ARG\n'
    assert parse_tool_calls(text) == [("run", {"opts": {"cmd": "a\nb"}})]


def test_parse_ignores_plain_text() -> None:
    assert parse_tool_calls("no calls here\n```python\nx = 1\n```") == []


def test_system_block_uses_prefix_or_definition() -> None:
    tools = [
        {"name": "ls", "prefix": "To list files:", "example_args": [["dirPath", "src"]]},
        {
            "name": "grep",
            "description": "Search.",
            "parameters": {
                "properties": {"query": {"type": "string", "description": "Q"}},
                "required": ["query"],
            },
        },
    ]
    block = render_tools_system_block({"prefix": "PRE", "suffix": "SUF"}, tools)
    assert block.startswith("\n\n<tool_use_instructions>\nPRE\n")
    assert "To list files:\n```tool\nTOOL_NAME: ls\nBEGIN_ARG: dirPath\nsrc\nEND_ARG\n```" in block
    assert render_tool_definition(tools[1]) in block
    assert "TOOL_ARG: query (string, required)\nQ\nEND_ARG" in block
    assert block.endswith("SUF\n</tool_use_instructions>")

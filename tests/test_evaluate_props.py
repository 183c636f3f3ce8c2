"""Property tests: the evaluator reads JavaScript literals exactly as JavaScript does."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluate import Evaluator, Program, cook
from extractor.modules import build_index

# Source text never holds NUL or lone surrogates; everything else is fair game.
chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
texts = st.text(chars, max_size=40)

# JSON is a subset of JavaScript: any JSON value is a valid TS expression with the same meaning.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | texts,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(chars, max_size=8), children, max_size=4),
    max_leaves=12,
)


class _NoSnapshot:
    """Expressions here never import anything."""

    def blob_id(self, path: str) -> None:
        return None

    def exists(self, path: str) -> bool:
        return False


def _eval_const(source: str) -> object:
    mod = build_index("x.ts", f"export const value = {source};\n".encode())
    program = Program(_NoSnapshot())  # type: ignore[arg-type]
    return Evaluator(program, mod).eval(mod.decls["value"].value)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_json_literals_evaluate_to_themselves(value: object) -> None:
    assert _eval_const(json.dumps(value)) == value
    assert _eval_const(json.dumps(value, ensure_ascii=False)) == value


@settings(max_examples=150, deadline=None)
@given(st.text(chars, max_size=60))
def test_template_literal_round_trip(text: str) -> None:
    # Escape what a template literal treats specially; the evaluator must give the text back.
    escaped = text.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${").replace("\r", "\\r")
    assert _eval_const(f"`{escaped}`") == text


def test_cook_line_continuations_and_escapes() -> None:
    assert cook("a\\\n   b") == "a   b"
    assert cook("\\x41\\u0042\\u{1F600}\\t\\'") == "AB\U0001f600\t'"
    assert _eval_const("`x ${1 + 2} ${'y' + `z`}`") == "x 3 yz"
    assert _eval_const('["a", "b"].join("-")') == "a-b"
    assert _eval_const("({ a: 1, ...{ b: 2 }, ['c' + 1]: 3 })") == {"a": 1, "b": 2, "c1": 3}

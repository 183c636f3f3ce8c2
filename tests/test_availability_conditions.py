"""Guard expressions to conditions in DNF, on small TypeScript snippets."""

from __future__ import annotations

import pytest

from extractor.conditions import GuardReader, dnf_not, dnf_or
from extractor.models import Condition
from extractor.parsing import parse_typescript


def _guard(expr: str) -> list[list[str]]:
    tree = parse_typescript("g.ts", f"if ({expr}) {{}}".encode())
    cond = tree.root_node.named_children[0].child_by_field_name("condition")
    assert cond is not None
    dnf = GuardReader({}).read(cond)
    return [
        [("!" if c.negate else "") + c.kind + (f":{c.arg}" if c.arg else "") for c in conj] for conj in dnf
    ]


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("isRemote", [["remote"]]),
        ("!isRemote", [["!remote"]]),
        ("enableExperimentalTools && isSignedIn", [["experimental", "signed_in"]]),
        (
            'modelName?.includes("big") || modelName?.includes("huge")',
            [["model_contains:big"], ["model_contains:huge"]],
        ),
        (
            '!(isHeadless || process.argv.includes("--beta-x-tool"))',
            [["!headless", "!beta_flag:--beta-x-tool"]],
        ),
        ("someCounter > 3", [["unknown:someCounter > 3"]]),
        ("true", [[]]),
    ],
)
def test_guard_to_dnf(expr: str, expected: list[list[str]]) -> None:
    assert _guard(expr) == expected


def test_complementary_alternatives_merge_to_always() -> None:
    remote = [[Condition(kind="remote")]]
    assert dnf_or(remote, dnf_not(remote)) == [[]]
    exp = Condition(kind="experimental")
    both = dnf_or([[exp, Condition(kind="remote")]], [[exp, Condition(kind="remote", negate=True)]])
    assert both == [[exp]]


def test_contradiction_is_dropped() -> None:
    assert dnf_not([[Condition(kind="remote")], [Condition(kind="remote", negate=True)]]) == []

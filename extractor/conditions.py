"""Conditions in disjunctive normal form, and the map from Continue's guard expressions to them.

A guard such as `modelName && isRecommendedAgentModel(modelName)` becomes `[[model_set, model(...)]]`;
an `else` branch is its negation. Whatever is not recognised becomes kind "unknown" with its source text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from .models import Condition
from .parsing import node_text

Dnf = list[list[Condition]]  # any of (all of conditions)

ALWAYS: Dnf = [[]]
NEVER: Dnf = []


def dnf_and(a: Dnf, b: Dnf) -> Dnf:
    return _dedupe([x + y for x in a for y in b])


def dnf_or(a: Dnf, b: Dnf) -> Dnf:
    return _dedupe(a + b)


def dnf_not(a: Dnf) -> Dnf:
    # not (c1 or c2) = not c1 and not c2; not (x and y) = not x or not y
    result: Dnf = ALWAYS
    for conj in a:
        result = dnf_and(result, [[_flip(c)] for c in conj])
    return result


def _flip(c: Condition) -> Condition:
    return c.model_copy(update={"negate": not c.negate})


def _dedupe(d: Dnf) -> Dnf:
    out: Dnf = []
    seen: set[str] = set()
    if any(not conj for conj in d):
        return [[]]  # one alternative needs nothing: always
    for conj in d:
        uniq: list[Condition] = []
        keys: set[tuple[str, str | None, bool]] = set()
        for c in conj:
            key = (c.kind, c.arg, c.negate)
            if key not in keys:
                keys.add(key)
                uniq.append(c)
        if any((c.kind, c.arg, not c.negate) in keys for c in uniq):
            continue  # x and not x: never true
        sig = repr(sorted(keys, key=repr))
        if sig not in seen:
            seen.add(sig)
            out.append(uniq)
    return _merge_complements(out)


def _merge_complements(d: Dnf) -> Dnf:
    """(X and c) or (X and not c) is X: keeps `[[remote], [!remote]]` from hiding an unconditional tool."""
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(d):
            for j, b in enumerate(d):
                if i >= j or len(a) != len(b):
                    continue
                ka = {(c.kind, c.arg, c.negate) for c in a}
                kb = {(c.kind, c.arg, c.negate) for c in b}
                diff_a, diff_b = ka - kb, kb - ka
                if len(diff_a) == 1 and len(diff_b) == 1:
                    (k1, a1, n1), (k2, a2, n2) = next(iter(diff_a)), next(iter(diff_b))
                    if (k1, a1) == (k2, a2) and n1 != n2:
                        merged = [c for c in a if (c.kind, c.arg, c.negate) in kb]
                        if not merged:
                            return [[]]
                        d = [x for k, x in enumerate(d) if k not in (i, j)] + [merged]
                        changed = True
                        break
            if changed:
                break
    return d


# Atom recognisers over the (normalised) source text of a guard: first match wins.
# The value is a Condition factory taking the regex match.
ATOMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Condition]]] = [
    (
        re.compile(r"isRecommendedAgentModel\b"),
        lambda m: Condition(kind="model", arg="ide.isRecommendedAgentModel"),
    ),
    (
        re.compile(r"shouldUseFindReplaceEdits\b"),
        lambda m: Condition(kind="model", arg="ide.shouldUseFindReplaceEdits"),
    ),
    (re.compile(r"isModelCapable\b"), lambda m: Condition(kind="model", arg="cli.isModelCapable")),
    (
        re.compile(r"^(?:params\.)?modelName\??\.includes\(\"([^\"]+)\"\)$"),
        lambda m: Condition(kind="model_contains", arg=m.group(1)),
    ),
    (re.compile(r"[Ee]xperimental"), lambda m: Condition(kind="experimental")),
    (re.compile(r"isWorkspaceRemote|\bisRemote\b"), lambda m: Condition(kind="remote")),
    (re.compile(r"isSignedIn"), lambda m: Condition(kind="signed_in")),
    (re.compile(r"isHeadless|headless"), lambda m: Condition(kind="headless")),
    (re.compile(r"[Rr]ipgrep"), lambda m: Condition(kind="ripgrep")),
    (re.compile(r"AgentId|agentId|\"--id\""), lambda m: Condition(kind="agent_id")),
    (re.compile(r"\"(--beta-[a-z0-9-]+)\""), lambda m: Condition(kind="beta_flag", arg=m.group(1))),
    (
        re.compile(r"\bisBeta(\w+)Enabled\b"),
        lambda m: Condition(kind="beta_flag", arg=_kebab_flag(m.group(1))),
    ),
    (re.compile(r"rules\.length|hasRules"), lambda m: Condition(kind="has_rules")),
    (re.compile(r"^modelName$|^params\.modelName$"), lambda m: Condition(kind="model_set")),
]


def _kebab_flag(camel: str) -> str:
    return "--beta-" + re.sub(r"(?<!^)(?=[A-Z])", "-", camel).lower()


def atom_condition(text: str) -> Condition:
    norm = " ".join(text.split())
    for pattern, make in ATOMS:
        m = pattern.search(norm)
        if m:
            return make(m)
    return Condition(kind="unknown", arg=norm)


class GuardReader:
    """Turns a guard expression node into DNF, resolving local `const x = <expr>` aliases first."""

    def __init__(
        self,
        aliases: dict[str, Node],
        beta_flags: dict[str, str] | None = None,
        functions: dict[str, Node] | None = None,
    ) -> None:
        self.aliases = aliases
        self.beta_flags = beta_flags or {}  # helper function name -> flag it reads from argv
        self.functions = functions or {}  # local helper name -> its function node

    def read(self, node: Node) -> Dnf:
        t = node.type
        if t == "parenthesized_expression":
            inner = node.named_children[-1]
            return self.read(inner)
        if t == "unary_expression" and node_text(node).startswith("!"):
            arg = node.child_by_field_name("argument")
            if arg is not None:
                return dnf_not(self.read(arg))
        if t == "binary_expression":
            op = node.child_by_field_name("operator")
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if op is not None and left is not None and right is not None:
                if op.type == "&&":
                    return dnf_and(self.read(left), self.read(right))
                if op.type == "||":
                    return dnf_or(self.read(left), self.read(right))
        if t == "await_expression" and node.named_children:
            return self.read(node.named_children[-1])
        if t == "identifier" and node_text(node) in self.aliases:
            alias = self.aliases[node_text(node)]
            saved = self.aliases
            self.aliases = {k: v for k, v in saved.items() if k != node_text(node)}  # no cycles
            try:
                return self.read(alias)
            finally:
                self.aliases = saved
        if t == "call_expression":
            fn = node.child_by_field_name("function")
            if fn is not None and node_text(fn) in self.beta_flags:
                return [[Condition(kind="beta_flag", arg=self.beta_flags[node_text(fn)])]]
            atom = atom_condition(node_text(node))
            helper = self.functions.get(node_text(fn)) if fn is not None else None
            if atom.kind == "unknown" and helper is not None:
                # A local predicate such as shouldExcludeEditTool(): classify by what its body checks.
                inner = atom_condition(node_text(helper))
                return [[inner if inner.kind != "unknown" else atom]]
            return [[atom]]
        if t == "true":
            return ALWAYS
        if t == "false":
            return NEVER
        return [[atom_condition(node_text(node))]]

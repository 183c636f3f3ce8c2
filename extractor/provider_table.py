"""Compiles Continue's per-provider native tool support functions (PROVIDER_TOOL_SUPPORT) to data.

Each provider's `(model) => boolean` becomes a list of statements over string tests:
`{"if": pred, "then": [...], "else": [...]}`, `{"return": pred}` or `{"unknown": source}`. A predicate is
`{"op": includes|startsWith|endsWith|equals|regex|in|any|and|or|not|const|provider|unknown, ...}`;
`subject` is the list of transforms applied to the model name (lower, replace, substring, last_segment).
`evaluate_provider` runs it; anything unknown on the taken path gives None (not knowable statically).
"""

from __future__ import annotations

import re
from typing import Any

from tree_sitter import Node

from .parsing import node_text

Json = dict[str, Any]
ITEM = "$item"  # stands for the element in `list.some((x) => ...)` and `for (const x of list)`


class _Scope:
    def __init__(self, param: str) -> None:
        self.subjects: dict[str, list[Any]] = {param: []}
        self.arrays: dict[str, list[str]] = {}
        self.providers: dict[str, str] = {}  # local name -> provider whose function it holds
        self.item: str | None = None


def _string(node: Node) -> str | None:
    if node.type == "string":
        return node_text(node)[1:-1]
    return None


def _strings(node: Node, scope: _Scope) -> list[str] | None:
    if node.type == "identifier" and node_text(node) in scope.arrays:
        return scope.arrays[node_text(node)]
    if node.type != "array":
        return None
    out = [_string(c) for c in node.named_children if c.type != "comment"]
    return None if any(s is None for s in out) else [s for s in out if s is not None]


def _regex(node: Node) -> tuple[str, str] | None:
    if node.type != "regex":
        return None
    pattern = node.child_by_field_name("pattern")
    flags = node.child_by_field_name("flags")
    return (node_text(pattern) if pattern else "", node_text(flags) if flags else "")


def _subject(node: Node, scope: _Scope) -> list[Any] | None:
    t = node.type
    if t == "identifier":
        name = node_text(node)
        return list(scope.subjects[name]) if name in scope.subjects else None
    if t == "parenthesized_expression":
        return _subject(node.named_children[-1], scope)
    if t == "call_expression":
        fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        if fn is None or fn.type != "member_expression" or args is None:
            return None
        obj, prop = fn.child_by_field_name("object"), fn.child_by_field_name("property")
        base = _subject(obj, scope) if obj is not None else None
        method = node_text(prop) if prop is not None else ""
        argv = [a for a in args.named_children if a.type != "comment"]
        if base is None:
            return None
        if method == "toLowerCase" and not argv:
            return base + ["lower"]
        if method == "replace" and len(argv) == 2 and _regex(argv[0]) and _string(argv[1]) is not None:
            pat, flags = _regex(argv[0])  # type: ignore[misc]
            return base + [["replace", pat, flags, _string(argv[1])]]
        if method == "substring" and len(argv) == 1 and argv[0].type == "number":
            return base + [["substring", int(node_text(argv[0]))]]
    return None


def _pred(node: Node, scope: _Scope) -> Json:
    t = node.type
    text = " ".join(node_text(node).split())
    if t == "parenthesized_expression":
        return _pred(node.named_children[-1], scope)
    if t in ("true", "false"):
        return {"op": "const", "value": t == "true"}
    if t == "unary_expression":
        arg = node.child_by_field_name("argument")
        if arg is not None and text.startswith("!!"):
            inner = arg.child_by_field_name("argument")
            return _pred(inner, scope) if inner is not None else {"op": "unknown", "source": text}
        if arg is not None and text.startswith("!"):
            return {"op": "not", "arg": _pred(arg, scope)}
    if t == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and left is not None and right is not None:
            if op.type in ("&&", "||"):
                return {
                    "op": "and" if op.type == "&&" else "or",
                    "args": [_pred(left, scope), _pred(right, scope)],
                }
            if op.type in ("===", "!==", "==", "!="):
                subj, value = _subject(left, scope), _value_arg(right, scope)
                if subj is not None and value is not None:
                    test: Json = {"op": "equals", "subject": subj, "value": value}
                    return test if op.type in ("===", "==") else {"op": "not", "arg": test}
    if t == "call_expression":
        return _call_pred(node, scope, text)
    return {"op": "unknown", "source": text}


def _value_arg(node: Node, scope: _Scope) -> str | None:
    if node.type == "identifier" and node_text(node) == scope.item:
        return ITEM
    return _string(node)


def _call_pred(node: Node, scope: _Scope, text: str) -> Json:
    fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    argv = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    if fn is not None and fn.type == "identifier" and node_text(fn) in scope.providers and len(argv) == 1:
        subj = _subject(argv[0], scope)
        if subj is not None:
            return {"op": "provider", "provider": scope.providers[node_text(fn)], "subject": subj}
    if fn is None or fn.type != "member_expression":
        return {"op": "unknown", "source": text}
    obj, prop = fn.child_by_field_name("object"), fn.child_by_field_name("property")
    method = node_text(prop) if prop is not None else ""
    if obj is None:
        return {"op": "unknown", "source": text}
    subj = _subject(obj, scope)
    if subj is not None and method in ("includes", "startsWith", "endsWith") and len(argv) == 1:
        value = _value_arg(argv[0], scope)
        if value is not None:
            return {"op": method, "subject": subj, "value": value}
    if subj is not None and method == "match" and len(argv) == 1 and _regex(argv[0]):
        pat, flags = _regex(argv[0])  # type: ignore[misc]
        return {"op": "regex", "subject": subj, "pattern": pat, "flags": flags}
    if method == "test" and _regex(obj) and len(argv) == 1 and (s := _subject(argv[0], scope)) is not None:
        pat, flags = _regex(obj)  # type: ignore[misc]
        return {"op": "regex", "subject": s, "pattern": pat, "flags": flags}
    values = _strings(obj, scope)
    if values is not None and method == "includes" and len(argv) == 1:
        s = _subject(argv[0], scope)
        if s is not None:
            return {"op": "in", "subject": s, "values": values}
    if (
        values is not None
        and method in ("some", "every")
        and len(argv) == 1
        and argv[0].type == "arrow_function"
    ):
        body = argv[0].child_by_field_name("body")
        params = argv[0].child_by_field_name("parameters") or argv[0].child_by_field_name("parameter")
        names = [node_text(p) for p in _param_names(params)] if params is not None else []
        if body is not None and len(names) == 1 and body.type != "statement_block":
            saved, scope.item = scope.item, names[0]
            try:
                inner = _pred(body, scope)
            finally:
                scope.item = saved
            return {"op": "any" if method == "some" else "all", "values": values, "pred": inner}
    return {"op": "unknown", "source": text}


def _param_names(params: Node) -> list[Node]:
    if params.type == "identifier":
        return [params]
    out = []
    for p in params.named_children:
        target = p.child_by_field_name("pattern") if p.type != "identifier" else p
        if target is not None and target.type == "identifier":
            out.append(target)
    return out


def _statements(block: Node, scope: _Scope) -> list[Json]:
    if block.type.endswith("_statement"):
        return _statement(block, scope, [])  # `if (x) return true;` without braces
    if block.type != "statement_block":
        return [{"return": _pred(block, scope)}]  # an arrow function's expression body
    out: list[Json] = []
    children = [c for c in block.named_children if c.type != "comment"]
    for i, stmt in enumerate(children):
        out.extend(_statement(stmt, scope, children[i + 1 :]))
    return out


def _statement(stmt: Node, scope: _Scope, rest: list[Node]) -> list[Json]:
    t = stmt.type
    text = " ".join(node_text(stmt).split())
    if t == "lexical_declaration":
        for decl in stmt.named_children:
            name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            if name is None or value is None:
                continue
            var = node_text(name)
            if (subj := _subject(value, scope)) is not None:
                scope.subjects[var] = subj
            elif (arr := _strings(value, scope)) is not None:
                scope.arrays[var] = arr
            elif m := re.fullmatch(
                r"PROVIDER_TOOL_SUPPORT\[\"(\w+)\"\]|PROVIDER_TOOL_SUPPORT\.(\w+)", node_text(value)
            ):
                scope.providers[var] = m.group(1) or m.group(2)
        return []  # a declaration we cannot read only matters if used; uses then read as unknown
    if t == "return_statement":
        value = stmt.named_children[0] if stmt.named_children else None
        return [{"return": _pred(value, scope) if value is not None else {"op": "const", "value": False}}]
    if t == "if_statement":
        cond = stmt.child_by_field_name("condition")
        cons, alt = stmt.child_by_field_name("consequence"), stmt.child_by_field_name("alternative")
        if cond is not None and cons is not None and _last_segment_assignment(stmt, scope):
            return []
        entry: Json = {"if": _pred(cond, scope) if cond is not None else {"op": "unknown", "source": text}}
        entry["then"] = _statements(cons, scope) if cons is not None else []
        if alt is not None:
            alt_body = alt.named_children[-1]
            entry["else"] = (
                _statements(alt_body, scope)
                if alt_body.type == "statement_block"
                else _statement(alt_body, scope, rest)
            )
        return [entry]
    if t == "for_in_statement":
        return _for_of(stmt, scope, text)
    if t == "statement_block":
        return _statements(stmt, scope)
    return [{"unknown": text}]


def _for_of(stmt: Node, scope: _Scope, text: str) -> list[Json]:
    left, right, body = (stmt.child_by_field_name(f) for f in ("left", "right", "body"))
    values = _strings(right, scope) if right is not None else None
    if left is None or values is None or body is None:
        return [{"unknown": text}]
    inner = (
        [c for c in body.named_children if c.type != "comment"] if body.type == "statement_block" else [body]
    )
    if len(inner) != 1 or inner[0].type != "if_statement":
        return [{"unknown": text}]
    cond, cons = inner[0].child_by_field_name("condition"), inner[0].child_by_field_name("consequence")
    if cond is None or cons is None:
        return [{"unknown": text}]
    saved, scope.item = scope.item, node_text(left)
    try:
        pred = _pred(cond, scope)
    finally:
        scope.item = saved
    return [{"if": {"op": "any", "values": values, "pred": pred}, "then": _statements(cons, scope)}]


def _last_segment_assignment(stmt: Node, scope: _Scope) -> bool:
    """`if (m.includes("/")) { parts = m.split("/"); x = parts[parts.length - 1] } else { x = m }`."""
    text = node_text(stmt)
    if "return" in text or '.split("/")' not in text or "length - 1" not in text:
        return False
    m = re.search(r"else\s*{\s*(\w+)\s*=\s*(\w+)\s*;?\s*}", text)
    if not m or m.group(2) not in scope.subjects:
        return False
    scope.subjects[m.group(1)] = scope.subjects[m.group(2)] + [["last_segment", "/"]]
    return True


def compile_provider_table(obj: Node) -> dict[str, Any]:
    """`{provider: (model) => {...}}` to `{provider: {"statements": [...], "line": n}}`."""
    table: dict[str, Any] = {}
    for pair in obj.named_children:
        if pair.type != "pair":
            continue
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if key is None or value is None:
            continue
        name = node_text(key).strip("\"'")
        params = value.child_by_field_name("parameters") or value.child_by_field_name("parameter")
        body = value.child_by_field_name("body")
        names = _param_names(params) if params is not None else []
        if value.type != "arrow_function" or body is None or len(names) != 1:
            table[name] = {"statements": [{"unknown": " ".join(node_text(value).split())}], "line": 0}
            continue
        scope = _Scope(node_text(names[0]))
        table[name] = {"statements": _statements(body, scope), "line": value.start_point[0] + 1}
    return table


# ---- evaluation ----


def _apply(subject: list[Any], model: str) -> str:
    s = model
    for step in subject:
        if step == "lower":
            s = s.lower()
        elif step[0] == "replace":
            _, pat, flags, repl = step
            s = re.sub(js_regex(pat), repl, s, count=0 if "g" in flags else 1)
        elif step[0] == "substring":
            s = s[step[1] :]
        elif step[0] == "last_segment":
            s = s.split(step[1])[-1]
    return s


def js_regex(pattern: str) -> str:
    """JS regex source to Python: the patterns Continue uses differ only in `\\/`."""
    return pattern.replace("\\/", "/")


def _and(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _or(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def eval_pred(pred: Json, model: str, table: dict[str, Any], item: str | None = None) -> bool | None:
    op = pred["op"]
    if op == "const":
        return bool(pred["value"])
    if op in ("and", "or"):
        vals = [eval_pred(a, model, table, item) for a in pred["args"]]
        return _and(vals) if op == "and" else _or(vals)
    if op == "not":
        v = eval_pred(pred["arg"], model, table, item)
        return None if v is None else not v
    if op in ("any", "all"):
        vals = [eval_pred(pred["pred"], model, table, v) for v in pred["values"]]
        return _or(vals) if op == "any" else _and(vals)
    if op == "provider":
        return evaluate_provider(table, pred["provider"], _apply(pred["subject"], model))
    if op == "unknown":
        return None
    s = _apply(pred["subject"], model)
    value = item if pred.get("value") == ITEM else pred.get("value")
    if op == "includes":
        return value in s
    if op == "startsWith":
        return s.startswith(value)
    if op == "endsWith":
        return s.endswith(value)
    if op == "equals":
        return s == value
    if op == "in":
        return s in pred["values"]
    if op == "regex":
        flags = re.IGNORECASE if "i" in pred.get("flags", "") else 0
        return re.search(js_regex(pred["pattern"]), s, flags) is not None
    return None


def _run(stmts: list[Json], model: str, table: dict[str, Any]) -> tuple[bool, bool | None]:
    """(returned?, value) after running statements."""
    for stmt in stmts:
        if "unknown" in stmt:
            return True, None
        if "return" in stmt:
            return True, eval_pred(stmt["return"], model, table)
        cond = eval_pred(stmt["if"], model, table)
        if cond is None:
            return True, None
        done, value = _run(stmt["then"] if cond else stmt.get("else", []), model, table)
        if done:
            return True, value
    return False, None


def evaluate_provider(table: dict[str, Any], provider: str, model: str) -> bool | None:
    """Continue's answer for (provider, model): unknown provider is False; None when not static."""
    entry = table.get(provider)
    if entry is None:
        return False
    done, value = _run(entry["statements"], model, table)
    return value if done else False  # falling off the end returns undefined, read as false

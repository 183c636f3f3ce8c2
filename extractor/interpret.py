"""Runs a small, pure helper function with static arguments (e.g. a string builder used in a tool).

Only straight-line code is executed: const/let, assignment and `+=` to locals, `for ... of` over a
static array, `if` on a static condition, `push` onto a local array, `return`. Anything else, or any
control flow that depends on a runtime value, aborts: the call then stays a `Dynamic` (never a guess).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tree_sitter import Node

from .parsing import node_text

if TYPE_CHECKING:
    from .evaluate import Evaluator, FunctionValue

MAX_STEPS = 5_000
MAX_DEPTH = 8


class Abort(Exception):
    """The function cannot be evaluated statically."""


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


def _truthy(value: Any) -> bool:
    from .evaluate import UNDEFINED, Dynamic, DynStr

    if isinstance(value, Dynamic | DynStr):
        raise Abort("condition depends on runtime input")
    return value not in (None, UNDEFINED, False, 0, "") or isinstance(value, list | dict)


class Interpreter:
    def __init__(self, caller: Evaluator, depth: int) -> None:
        self.caller = caller
        self.depth = depth
        self.steps = 0

    def call(self, fn: FunctionValue, args: list[Any]) -> Any:
        from .evaluate import UNDEFINED, Evaluator

        if self.depth > MAX_DEPTH:
            raise Abort("call depth")
        ev = Evaluator(self.caller.program, fn.module, dict(fn.closure), depth=self.depth + 1)
        params = fn.node.child_by_field_name("parameters")
        if params is None:
            single = fn.node.child_by_field_name("parameter")  # `x => ...`
            if single is not None:
                ev.env[node_text(single)] = args[0] if args else UNDEFINED
        else:
            position = 0
            for param in params.named_children:
                if param.type not in ("required_parameter", "optional_parameter"):
                    if param.type == "comment":
                        continue
                    raise Abort(f"parameter {param.type}")
                pattern = param.child_by_field_name("pattern")
                value = args[position] if position < len(args) else UNDEFINED
                if value is UNDEFINED and param.child_by_field_name("value") is not None:
                    value = ev.eval(param.child_by_field_name("value"))
                self._bind(ev, pattern, value)
                position += 1
        body = fn.node.child_by_field_name("body")
        if body is None:
            raise Abort("no body")
        if body.type != "statement_block":
            return ev.eval(body)
        try:
            self._block(ev, body)
        except _Return as ret:
            return ret.value
        return UNDEFINED

    def _bind(self, ev: Evaluator, pattern: Node | None, value: Any) -> None:
        if pattern is None:
            raise Abort("pattern")
        if pattern.type == "identifier":
            ev.env[node_text(pattern)] = value
        elif pattern.type == "array_pattern" and isinstance(value, list | tuple):
            names = [c for c in pattern.named_children if c.type != "comment"]
            for i, name in enumerate(names):
                from .evaluate import UNDEFINED

                self._bind(ev, name, value[i] if i < len(value) else UNDEFINED)
        else:
            raise Abort(f"binding {pattern.type}")

    def _block(self, ev: Evaluator, block: Node) -> None:
        for stmt in block.named_children:
            self._stmt(ev, stmt)

    def _stmt(self, ev: Evaluator, stmt: Node) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Abort("too many steps")
        kind = stmt.type
        if kind == "comment" or kind == "empty_statement":
            return
        if kind in ("lexical_declaration", "variable_declaration"):
            for decl in stmt.named_children:
                if decl.type == "variable_declarator":
                    from .evaluate import UNDEFINED

                    value_node = decl.child_by_field_name("value")
                    value = ev.eval(value_node) if value_node is not None else UNDEFINED
                    self._bind(ev, decl.child_by_field_name("name"), value)
            return
        if kind == "return_statement":
            expr = next(iter(stmt.named_children), None)
            from .evaluate import UNDEFINED

            raise _Return(ev.eval(expr) if expr is not None else UNDEFINED)
        if kind == "statement_block":
            self._block(ev, stmt)
            return
        if kind == "if_statement":
            cond = ev.eval(stmt.child_by_field_name("condition"))
            if _truthy(cond):
                self._stmt(ev, stmt.child_by_field_name("consequence"))
            else:
                alt = stmt.child_by_field_name("alternative")
                if alt is not None:
                    for child in alt.named_children:
                        self._stmt(ev, child)
            return
        if kind == "for_in_statement":
            self._for_of(ev, stmt)
            return
        if kind == "expression_statement":
            self._expression(ev, stmt.named_children[0] if stmt.named_children else None)
            return
        raise Abort(f"statement {kind}")

    def _for_of(self, ev: Evaluator, stmt: Node) -> None:
        operator = stmt.child_by_field_name("operator")
        if operator is None or node_text(operator) != "of":
            raise Abort("for-in")
        items = ev.eval(stmt.child_by_field_name("right"))
        if not isinstance(items, list):
            raise Abort("loop over a runtime value")
        body = stmt.child_by_field_name("body")
        for item in items:
            self._bind(ev, stmt.child_by_field_name("left"), item)
            self._stmt(ev, body)

    def _expression(self, ev: Evaluator, expr: Node | None) -> None:
        from .evaluate import _concat, _is_num

        if expr is None:
            return
        if expr.type in ("assignment_expression", "augmented_assignment_expression"):
            left = expr.child_by_field_name("left")
            if left is None or left.type != "identifier" or node_text(left) not in ev.env:
                raise Abort("assignment to a non-local")
            name = node_text(left)
            value = ev.eval(expr.child_by_field_name("right"))
            if expr.type == "augmented_assignment_expression":
                op = node_text(expr.child_by_field_name("operator"))
                current = ev.env[name]
                if op != "+=":
                    raise Abort(f"operator {op}")
                if isinstance(current, str) or isinstance(value, str):
                    value = _concat([current, value])
                elif _is_num(current) and _is_num(value):
                    value = current + value
                else:
                    raise Abort("+= on runtime values")
            ev.env[name] = value
            return
        if expr.type == "call_expression":
            fn = expr.child_by_field_name("function")
            if fn is not None and fn.type == "member_expression":
                target = fn.child_by_field_name("object")
                prop = fn.child_by_field_name("property")
                if (
                    target is not None
                    and target.type == "identifier"
                    and prop is not None
                    and node_text(prop) == "push"
                    and isinstance(ev.env.get(node_text(target)), list)
                ):
                    args = expr.child_by_field_name("arguments")
                    values = [
                        ev.eval(a) for a in (args.named_children if args else []) if a.type != "comment"
                    ]
                    ev.env[node_text(target)] = [*ev.env[node_text(target)], *values]
                    return
        raise Abort(f"expression {expr.type}")

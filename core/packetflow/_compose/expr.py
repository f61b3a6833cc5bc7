"""The safe expression language for conditions in JSON/YAML plans.

``"tier == 'premium' and amount < 1000"``: comparisons, ``and``/``or``/``not``, ``in``,
arithmetic on numbers, literals, and attribute/index access on blackboard values. There are no
function calls, no comprehensions, no dunder or underscore attributes and no ``eval``: the text is
parsed with :mod:`ast`, checked against a whitelist, and compiled into nested closures.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel

from ..errors import ContractViolationError, MalformedError

__all__ = ["Expression", "compile_expression"]

MAX_LENGTH = 1000
MAX_NODES = 200

_Eval = Callable[[Mapping[str, Any]], Any]

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}
_ARITH: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.FloorDiv: operator.floordiv,
}
_LITERAL_NAMES = {"true": True, "false": False, "null": None, "none": None}


class Expression:
    """A compiled condition. ``names`` are the blackboard keys it reads (for plan validation)."""

    __slots__ = ("_fn", "names", "source")

    def __init__(self, source: str, fn: _Eval, names: frozenset[str]) -> None:
        self.source = source
        self.names = names
        self._fn = fn

    def __call__(self, env: Mapping[str, Any]) -> bool:
        """Evaluate against the blackboard ``env``; the result's truthiness decides."""
        try:
            return bool(self._fn(env))
        except _Missing as missing:
            raise ContractViolationError(
                f"condition {self.source!r}: {missing.args[0]!r} is not on the blackboard",
                details={"condition": self.source, "missing": missing.args[0]},
            ) from None
        except (TypeError, ValueError, ZeroDivisionError, IndexError, KeyError) as exc:
            raise ContractViolationError(
                f"condition {self.source!r} cannot be evaluated: {exc}",
                details={"condition": self.source},
            ) from None

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


class _Missing(Exception):
    pass


def compile_expression(source: str) -> Expression:
    """Parse and compile ``source``.

    Raises:
        MalformedError: E400 naming the rejected construct (calls, dunders, lambdas, ...).
    """
    if not isinstance(source, str):
        raise MalformedError(f"condition {source!r}: must be a string")
    if len(source) > MAX_LENGTH:
        raise MalformedError(f"condition of {len(source)} characters: the limit is {MAX_LENGTH}")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise MalformedError(f"condition {source!r}: not a valid expression ({exc.msg})") from None
    if sum(1 for _ in ast.walk(tree)) > MAX_NODES:
        raise MalformedError(f"condition {source!r}: more than {MAX_NODES} syntax nodes")
    names: set[str] = set()
    fn = _Compiler(source, names).compile(tree.body)
    return Expression(source, fn, frozenset(names))


class _Compiler:
    def __init__(self, source: str, names: set[str]) -> None:
        self.source = source
        self.names = names

    def reject(self, what: str) -> MalformedError:
        return MalformedError(
            f"condition {self.source!r}: {what} is not allowed; conditions may only compare, "
            "combine and read blackboard values",
            details={"condition": self.source},
        )

    def compile(self, node: ast.expr) -> _Eval:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise self.reject(_describe(node))
        fn: _Eval = method(node)
        return fn

    def _Constant(self, node: ast.Constant) -> _Eval:
        value = node.value
        if not isinstance(value, str | int | float | bool | type(None)):
            raise self.reject(f"the literal {value!r}")
        return lambda env: value

    def _Name(self, node: ast.Name) -> _Eval:
        key = node.id
        if key.lower() in _LITERAL_NAMES:
            value = _LITERAL_NAMES[key.lower()]
            return lambda env: value
        if key.startswith("_"):
            raise self.reject(f"the name {key!r} (leading underscore)")
        self.names.add(key)

        def load(env: Mapping[str, Any]) -> Any:
            try:
                return env[key]
            except KeyError:
                raise _Missing(key) from None

        return load

    def _Attribute(self, node: ast.Attribute) -> _Eval:
        attr = node.attr
        if attr.startswith("_"):
            raise self.reject(f"the attribute {attr!r} (leading underscore)")
        base = self.compile(node.value)
        return lambda env: _member(base(env), attr)

    def _Subscript(self, node: ast.Subscript) -> _Eval:
        if isinstance(node.slice, ast.Slice):
            raise self.reject("slicing")
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value[:1] == "_":
            raise self.reject(f"the key {key.value!r} (leading underscore)")
        base, index = self.compile(node.value), self.compile(node.slice)

        def item(env: Mapping[str, Any]) -> Any:
            key = index(env)
            if isinstance(key, str) and key.startswith("_"):
                raise TypeError(f"key {key!r} (leading underscore) is not readable")
            return _member(base(env), key)

        return item

    def _BoolOp(self, node: ast.BoolOp) -> _Eval:
        parts = [self.compile(v) for v in node.values]
        if isinstance(node.op, ast.And):
            return lambda env: all(p(env) for p in parts)
        return lambda env: any(p(env) for p in parts)

    def _UnaryOp(self, node: ast.UnaryOp) -> _Eval:
        operand = self.compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda env: not operand(env)
        if isinstance(node.op, ast.USub):
            return lambda env: -_number(operand(env))
        if isinstance(node.op, ast.UAdd):
            return lambda env: +_number(operand(env))
        raise self.reject(_describe(node.op))

    def _BinOp(self, node: ast.BinOp) -> _Eval:
        op = _ARITH.get(type(node.op))
        if op is None:
            raise self.reject(f"the operator {_describe(node.op)}")
        left, right = self.compile(node.left), self.compile(node.right)
        # Numbers only: "'x' * 10**9" must not be able to allocate gigabytes.
        return lambda env: op(_number(left(env)), _number(right(env)))

    def _Compare(self, node: ast.Compare) -> _Eval:
        ops = [_COMPARE[type(op)] for op in node.ops]
        terms = [self.compile(node.left), *(self.compile(c) for c in node.comparators)]

        def compare(env: Mapping[str, Any]) -> bool:
            left = terms[0](env)
            for op, term in zip(ops, terms[1:], strict=True):
                right = term(env)
                if not op(left, right):
                    return False
                left = right
            return True

        return compare

    def _List(self, node: ast.List) -> _Eval:
        items = [self.compile(e) for e in node.elts]
        return lambda env: [i(env) for i in items]

    def _Tuple(self, node: ast.Tuple) -> _Eval:
        items = [self.compile(e) for e in node.elts]
        return lambda env: tuple(i(env) for i in items)


def _member(value: Any, key: Any) -> Any:
    if isinstance(value, Mapping):
        return value[key]
    if isinstance(value, BaseModel) and isinstance(key, str) and key in type(value).model_fields:
        return getattr(value, key)
    if isinstance(value, list | tuple | str) and isinstance(key, int):
        return value[key]
    raise TypeError(f"{type(value).__name__} has no readable member {key!r}")


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"arithmetic needs numbers, got {type(value).__name__}")
    return value


def _describe(node: ast.AST) -> str:
    return {
        "Call": "a function call",
        "Lambda": "a lambda",
        "ListComp": "a comprehension",
        "SetComp": "a comprehension",
        "DictComp": "a comprehension",
        "GeneratorExp": "a generator",
        "NamedExpr": "an assignment",
        "Await": "await",
        "Pow": "'**'",
    }.get(type(node).__name__, f"the construct {type(node).__name__!r}")

"""Static compatibility between a producer's field type and a consumer's field type.

Deliberately forgiving where Python typing cannot decide (``Any``, type variables, literals,
custom types) and strict where a mismatch is certain (``str`` into ``float``, ``list`` into
``dict``): plan validation must never reject a plan that would run.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

__all__ = ["is_assignable", "type_name"]

_NUMERIC_WIDENING = {(int, float), (int, complex), (float, complex)}


def _strip(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _union_members(tp: Any) -> tuple[Any, ...] | None:
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return get_args(tp)
    return None


def is_assignable(src: Any, dst: Any) -> bool:
    """Whether a value of static type ``src`` can be given where ``dst`` is expected."""
    src, dst = _strip(src), _strip(dst)
    if src is Any or dst is Any or dst is object or src == dst:
        return True
    if (members := _union_members(src)) is not None:
        return all(is_assignable(m, dst) for m in members)
    if (members := _union_members(dst)) is not None:
        return any(is_assignable(src, m) for m in members)
    if get_origin(src) is Literal:
        return all(is_assignable(type(v), dst) for v in get_args(src))
    if get_origin(dst) is Literal:
        return is_assignable(src, Union[tuple(type(v) for v in get_args(dst))])  # noqa: UP007
    src_origin, dst_origin = get_origin(src) or src, get_origin(dst) or dst
    if not isinstance(src_origin, type) or not isinstance(dst_origin, type):
        return True  # TypeVars, NewTypes, forward refs: cannot decide statically
    if (src_origin, dst_origin) in _NUMERIC_WIDENING:
        return True
    if src_origin is bool and dst_origin in (int, float):
        return False  # a flag fed into a number is almost certainly a wiring mistake
    if _is_model(src_origin) and dst_origin in (dict, Mapping):
        return True  # models travel as dicts on the blackboard
    if _is_model(dst_origin) and src_origin in (dict, Mapping):
        return True  # validated into the model at the consumer
    if not issubclass(src_origin, dst_origin):
        # Sequence-like conversions pydantic performs (tuple -> list) are fine.
        return (
            issubclass(src_origin, Sequence)
            and dst_origin in (list, tuple, Sequence)
            and not (issubclass(src_origin, str | bytes))
        )
    src_args, dst_args = get_args(src), get_args(dst)
    if not src_args or not dst_args or len(src_args) != len(dst_args):
        return True
    return all(is_assignable(s, d) for s, d in zip(src_args, dst_args, strict=True))


def _is_model(tp: type) -> bool:
    return any(base.__name__ == "BaseModel" for base in tp.__mro__)


def type_name(tp: Any) -> str:
    """A readable name for error messages (``list[str]``, ``int | None``)."""
    tp = _strip(tp)
    if tp is Any:
        return "Any"
    if isinstance(tp, type) and not get_args(tp):
        return tp.__name__
    return str(tp).replace("typing.", "")

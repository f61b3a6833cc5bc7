"""Frozen copies of results: what the cache holds for a result made of plain containers and
immutable values, and how a hit copies it.

Why not JSON for every result: rebuilding a typed result through its output model on every hit
costs more than the rest of the hit, and JSON loses Python types a run returns (a tuple, a
``datetime`` of a model dumped in Python mode). A *snapshot* is the result itself, copied when
it is stored: every ``dict`` and ``list`` is new, every leaf is a value no caller can change
(the exact types in ``_IMMUTABLE``, ``Enum`` members, and tuples of those, which stay shared).
A hit copies the containers again, so a caller that mutates its result never reaches the cache,
and the cache never holds an object a caller has. Anything else in a result (a ``set``, a
custom object, a ``str`` subclass) makes it no snapshot; the cache then stores it as JSON
(:class:`~.keys.ResultCodec`).
"""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid
from typing import Any

__all__ = ["copy", "snapshot"]

# Exact types whose instances cannot be changed in place (bool is a subclass of int, listed
# because the check is on the exact type).
_IMMUTABLE: frozenset[type] = frozenset(
    {
        str,
        int,
        float,
        bool,
        type(None),
        bytes,
        decimal.Decimal,
        uuid.UUID,
        datetime.datetime,
        datetime.date,
        datetime.time,
        datetime.timedelta,
    }
)
_MAX_DEPTH = 64  # deeper results are stored as JSON (no unbounded recursion on the hot path)


class _NotFrozen(Exception):
    """A value with no immutable form: the result is stored as JSON instead."""


def snapshot(result: dict[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """A copy of ``result`` that shares nothing mutable with it, and whether it is *flat* (no
    nested ``dict``/``list``: a hit is then one ``dict.copy()``); ``None`` when some value in
    it has no immutable form."""
    flat = True
    for value in result.values():
        if type(value) not in _IMMUTABLE:
            flat = False
            break
    if flat:
        return result.copy(), True
    try:
        return _freeze(result, 0), False
    except _NotFrozen:
        return None


def copy(value: Any) -> Any:
    """A copy of a snapshot: new containers, shared immutable leaves."""
    kind = type(value)
    if kind is dict:
        return {key: copy(item) for key, item in value.items()}
    if kind is list:
        return [copy(item) for item in value]
    return value


def _freeze(value: Any, depth: int) -> Any:
    kind = type(value)
    if kind in _IMMUTABLE:
        return value
    if depth >= _MAX_DEPTH:
        raise _NotFrozen
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) not in _IMMUTABLE:
                raise _NotFrozen
            out[key] = _freeze(item, depth + 1)
        return out
    if kind is list:
        return [_freeze(item, depth + 1) for item in value]
    if kind is tuple:
        for item in value:
            if _freeze(item, depth + 1) is not item:  # a list or dict inside: not immutable
                raise _NotFrozen
        return value
    if isinstance(value, enum.Enum):
        return value  # members are singletons: a run returns the same object
    raise _NotFrozen

"""Values made safe to send: whatever an error or a hook put in them, they serialise as JSON.

The error-reply path uses it (``PacketFlowError.to_wire``, the wire codec's ``error_reply``):
a reply to a failure must not fail in turn, so what goes into it is converted first.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import to_jsonable_python

__all__ = ["jsonable"]


def jsonable(value: Any) -> Any:
    """``value`` in JSON types: ``None`` becomes ``{}``, an object JSON cannot hold becomes its
    ``repr``, and a value that cannot be converted at all (a circular reference) becomes
    ``{"unserialisable": <type name>}``. Never raises."""
    if value is None:
        return {}
    try:
        return to_jsonable_python(value, fallback=repr)
    except (ValueError, TypeError, RecursionError):
        return {"unserialisable": type(value).__name__}

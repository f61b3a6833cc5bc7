"""Contracts for tools of external MCP servers, built from their JSON Schemas.

The input schema becomes a pydantic model — one field per top-level property with a plain JSON
type, required as the schema says, other keys passed through — so a mounted tool validates its
payload (E422 with field errors) before anything is sent and plan validation knows its field
types. The output schema becomes a model the same way (every field optional: a server may omit
what it does not compute). The exact remote schemas are kept for discovery and for serving the
tool again over MCP.
"""

from __future__ import annotations

import keyword
from typing import Any, TypeGuard

from pydantic import BaseModel, ConfigDict, create_model

from .._capabilities.contract import Contract

__all__ = ["RemoteContract", "model_from_schema"]

_OPEN = ConfigDict(extra="allow", protected_namespaces=())
_SCALARS: dict[str, Any] = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": bool,
    "array": list[Any],
    "object": dict[str, Any],
    "null": type(None),
}
_RESERVED = frozenset(dir(BaseModel))


def _python_type(schema: Any) -> Any:
    """The Python type for a property schema: plain JSON types (or a list of them); ``Any``
    for everything richer (refs, combinators), which the remote server validates itself."""
    if not isinstance(schema, dict):
        return Any
    kind = schema.get("type")
    if isinstance(kind, str) and kind in _SCALARS:
        if kind == "array" and isinstance(items := schema.get("items"), dict):
            item = _python_type(items)
            return list[item] if item is not Any else list[Any]  # type: ignore[valid-type]
        return _SCALARS[kind]
    if isinstance(kind, list) and kind and all(k in _SCALARS for k in kind):
        union: Any = _SCALARS[kind[0]]
        for other in kind[1:]:
            union = union | _SCALARS[other]
        return union
    return Any


def _usable(name: str) -> bool:
    return (
        name.isidentifier()
        and not keyword.iskeyword(name)
        and not name.startswith("_")
        and name not in _RESERVED
    )


def model_from_schema(
    model_name: str, schema: dict[str, Any], *, all_optional: bool = False
) -> type[BaseModel]:
    """A pydantic model for an object ``schema`` (extra keys allowed)."""
    properties = schema.get("properties")
    required = set(schema.get("required") or ()) if not all_optional else set()
    fields: dict[str, Any] = {}
    if isinstance(properties, dict):
        for name, prop in properties.items():
            if not isinstance(name, str) or not _usable(name):
                continue  # kept as an extra key, unvalidated here
            tp = _python_type(prop)
            if name in required:
                fields[name] = (tp, ...)
            else:
                default = prop.get("default") if isinstance(prop, dict) else None
                fields[name] = (tp | None if tp is not Any else Any, default)
    model: type[BaseModel] = create_model(model_name, __config__=_OPEN, **fields)
    return model


class RemoteContract(Contract):
    """A :class:`Contract` whose JSON Schemas are the remote server's own."""

    __slots__ = ("_remote_input", "_remote_output")

    def __init__(
        self, name: str, input_schema: dict[str, Any], output_schema: dict[str, Any] | None
    ) -> None:
        base = "".join(part.title() for part in _words(name)) or "Remote"
        input_model = model_from_schema(f"{base}Input", input_schema)
        output_model = (
            model_from_schema(f"{base}Output", output_schema, all_optional=True)
            if _is_object(output_schema)
            else None
        )
        super().__init__(
            input_model,
            output_model,
            requires=tuple(k for k in input_schema.get("required") or () if isinstance(k, str)),
        )
        self._remote_input = input_schema
        self._remote_output = output_schema if _is_object(output_schema) else None

    @property
    def input_schema(self) -> dict[str, Any]:
        return self._remote_input

    @property
    def output_schema(self) -> dict[str, Any]:
        if self._remote_output is not None:
            return self._remote_output
        return super().output_schema


def _is_object(schema: dict[str, Any] | None) -> TypeGuard[dict[str, Any]]:
    return isinstance(schema, dict) and schema.get("type") == "object"


def _words(name: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in name).split() if w]

"""Elicitation forms from pydantic models, as MCP's ``elicitation/create`` wants them.

MCP asks for a flat object of primitive fields (string, number, integer, boolean) and enums.
The schema is the model's JSON Schema with optional fields' ``null`` dropped (as the SDK's own
renderer does), enum classes inlined (pydantic puts them in ``$defs``) and SEP-1330's enum
shapes applied; SEP-1034 defaults come from the fields' defaults:

- ``Literal["a", "b"]`` or an ``Enum``: untitled single-select (``enum``);
- :func:`titled` ``({"a": "Alpha", ...})``: titled single-select (``oneOf`` of const/title);
- ``Literal[...]`` with ``Field(json_schema_extra={"enumNames": [...]})``: the legacy titled
  form (``enumNames``);
- ``list[Literal[...]]``: untitled multi-select (``items.enum``); ``list[titled(...)]``: titled
  multi-select (``items.anyOf``).

The user's answer is validated into the model; one that does not fit is E422 for the
capability (with one entry per field).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError, WithJsonSchema
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .._field_errors import field_errors
from ..errors import ContractViolationError

__all__ = ["form_schema", "parse_answer", "titled"]

M = TypeVar("M", bound=BaseModel)


def titled(options: Mapping[str, str]) -> Any:
    """A string choice whose options have display titles (SEP-1330 titled enums)::

        class Pick(BaseModel):
            size: titled({"s": "Small", "l": "Large"}) = "s"
            extras: list[titled({"cheese": "Extra cheese", "olives": "Olives"})] = []

    Validates like ``Literal["s", "l"]``.
    """
    if not options:
        raise ValueError("titled(): give at least one option")
    values = tuple(options)
    schema = {
        "type": "string",
        "oneOf": [{"const": value, "title": title} for value, title in options.items()],
    }
    return Annotated[Literal[values], WithJsonSchema(schema)]


def form_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The ``requestedSchema`` for ``model``.

    Raises:
        TypeError: a field is not a primitive or an enum (nested models, free lists...); the
            message names the field.
    """
    source = model.model_json_schema(schema_generator=_FormSchema)
    definitions = source.get("$defs", {})
    properties: dict[str, Any] = {}
    for name, prop in (source.get("properties") or {}).items():
        shaped = _enum_shapes(_inline(prop, definitions))
        _check(model, name, shaped)
        properties[name] = shaped
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if source.get("required"):
        out["required"] = list(source["required"])
    return out


def parse_answer(model: type[M], content: Mapping[str, Any] | None, subject: str) -> M:
    """The user's accepted answer as ``model``.

    Raises:
        ContractViolationError: E422 with one entry per field that does not fit.
    """
    try:
        return model.model_validate(dict(content or {}))
    except ValidationError as exc:
        raise ContractViolationError(
            f"{subject}: the user's answer does not fit {model.__name__}; ask again or handle "
            "the error",
            details=field_errors(exc),
        ) from None


class _FormSchema(GenerateJsonSchema):
    """MCP forms have no ``null``: ``T | None`` is ``T`` (optional by leaving it out of
    ``required``), and a ``None`` default is no default."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        result = super().default_schema(schema)
        if result.get("default") is None:
            result.pop("default", None)
        return result


_PRIMITIVES = frozenset({"string", "number", "integer", "boolean"})


def _check(model: type[BaseModel], name: str, prop: Mapping[str, Any]) -> None:
    kind = prop.get("type")
    items = prop.get("items")
    if kind in _PRIMITIVES:
        return
    if kind == "array" and isinstance(items, dict) and ("enum" in items or "anyOf" in items):
        return
    raise TypeError(
        f"elicitation form {model.__name__}: field {name!r} renders as {dict(prop)!r}; MCP "
        "forms hold strings, numbers, integers, booleans and enums (Literal, Enum, titled(), "
        "or a list of them for multi-select)"
    )


def _inline(schema: dict[str, Any], definitions: Mapping[str, Any]) -> dict[str, Any]:
    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                target = copy.deepcopy(definitions.get(ref.removeprefix("#/$defs/"), {}))
                target.pop("title", None)
                rest = {k: resolve(v) for k, v in node.items() if k != "$ref"}
                return {**resolve(target), **rest}
            return {k: resolve(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


def _enum_shapes(prop: dict[str, Any]) -> dict[str, Any]:
    """SEP-1330's multi-select shapes: titled options as ``items.anyOf`` (no ``type``)."""
    items = prop.get("items")
    if prop.get("type") == "array" and isinstance(items, dict) and "oneOf" in items:
        prop = {**prop, "items": {"anyOf": items["oneOf"]}}
    return prop

"""Contracts: what a capability requires and provides, validated in one place.

A contract is derived from pydantic type hints (input model → ``requires`` + JSON Schema, output
model → ``provides`` + JSON Schema) or declared with explicit key lists for untyped payloads. A
return annotation that is not a model (``-> int``, ``-> list[Item]``) gets a generated output
model with one field, ``result`` (the MCP SDK's convention): the payload is ``{"result": value}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, get_origin

from pydantic import BaseModel, PydanticUserError, ValidationError, create_model

from .._field_errors import field_errors
from .._lowlevel import dumper, validator
from ..errors import ContractViolationError

__all__ = ["RESULT", "Contract", "is_mapping", "output_model_for"]

RESULT = "result"
"""The one field of a generated output model: a ``-> int`` capability answers ``{"result": 3}``."""

_ANY_OBJECT_SCHEMA: dict[str, Any] = {"type": "object", "additionalProperties": True}


class Contract:
    """The typed interface of a capability.

    Args:
        input_model: the pydantic model payloads are validated against, or ``None`` for an
            untyped mapping whose required keys are ``requires``.
        output_model: the model results must satisfy, or ``None`` for a mapping that must hold
            the ``provides`` keys.
        requires: required input keys (derived from ``input_model`` when omitted).
        provides: output keys (derived from ``output_model`` when omitted).
        wraps_result: ``output_model`` is generated (see :func:`output_model_for`); results
            are the value of its ``result`` field.
    """

    __slots__ = (
        "_dump_output",
        "_input_schema",
        "_input_types",
        "_output_schema",
        "_output_types",
        "_validate_input",
        "_validate_output",
        "input_model",
        "output_model",
        "provides",
        "requires",
        "wraps_result",
    )

    def __init__(
        self,
        input_model: type[BaseModel] | None = None,
        output_model: type[BaseModel] | None = None,
        *,
        requires: tuple[str, ...] | None = None,
        provides: tuple[str, ...] | None = None,
        wraps_result: bool = False,
    ) -> None:
        self.input_model = input_model
        self.output_model = output_model
        # The output model was generated around a plain return annotation: the function's
        # value is the model's ``result`` field.
        self.wraps_result = wraps_result
        if requires is None:
            requires = (
                tuple(n for n, f in input_model.model_fields.items() if f.is_required())
                if input_model is not None
                else ()
            )
        if provides is None:
            provides = tuple(output_model.model_fields) if output_model is not None else ()
        self.requires = requires
        self.provides = provides
        self._input_schema: dict[str, Any] | None = None
        self._output_schema: dict[str, Any] | None = None
        # Plan validation reads these for every step: computed once (models do not change).
        self._input_types: dict[str, Any] | None = None
        self._output_types: dict[str, Any] | None = None
        # The models' validators and serializer, resolved on first use (a model with forward
        # references gets its real validator only once they resolve).
        self._validate_input: Callable[[Any], Any] | None = None
        self._validate_output: Callable[[Any], Any] | None = None
        self._dump_output: Callable[[Any], dict[str, Any]] | None = None

    # -- introspection ---------------------------------------------------------------------

    @property
    def input_schema(self) -> dict[str, Any]:
        """JSON Schema of the input (an object schema, as MCP's ``inputSchema`` requires)."""
        if self._input_schema is None:
            self._input_schema = _schema(self.input_model, self.requires)
        return self._input_schema

    @property
    def output_schema(self) -> dict[str, Any]:
        """JSON Schema of the output."""
        if self._output_schema is None:
            self._output_schema = _schema(self.output_model, self.provides)
        return self._output_schema

    def input_types(self) -> dict[str, Any]:
        """Input field name → annotation (``Any`` for untyped keys); used by plan validation.
        Computed once and shared: read it, do not change it."""
        if self._input_types is None:
            if self.input_model is not None:
                fields = self.input_model.model_fields
                self._input_types = {n: f.annotation for n, f in fields.items()}
            else:
                self._input_types = dict.fromkeys(self.requires, Any)
        return self._input_types

    def output_types(self) -> dict[str, Any]:
        """Output field name → annotation (``Any`` for untyped keys)."""
        if self._output_types is None:
            if self.output_model is not None:
                fields = self.output_model.model_fields
                self._output_types = {n: f.annotation for n, f in fields.items()}
            else:
                self._output_types = dict.fromkeys(self.provides, Any)
        return self._output_types

    def to_dict(self) -> dict[str, Any]:
        """The contract as discovery results show it."""
        return {
            "requires": list(self.requires),
            "provides": list(self.provides),
            "input_schema": self.input_schema,
            "output_schema": self.output_schema,
        }

    # -- validation (the hot path) -----------------------------------------------------------

    def parse_input(self, payload: Any, subject: str) -> Any:
        """Validate ``payload``; returns the input model instance (or the mapping if untyped).

        Raises:
            ContractViolationError: E422 with one ``details`` entry per offending field.
        """
        model = self.input_model
        if model is not None:
            if type(payload) is model:
                return payload
            validate = self._validate_input
            if validate is None:
                validate = self._validate_input = validator(model)
            try:
                return validate(payload)
            except ValidationError as exc:
                raise ContractViolationError(
                    f"{subject}: payload does not match {model.__name__}; fix the listed fields",
                    details=field_errors(exc),
                ) from None
        if type(payload) is not dict and not isinstance(payload, Mapping):  # (an ABC check)
            raise ContractViolationError(
                f"{subject}: payload must be an object, got {type(payload).__name__}",
                details=[{"field": "(root)", "message": "expected an object", "type": "dict_type"}],
            )
        missing = [key for key in self.requires if key not in payload]
        if missing:
            raise ContractViolationError(
                f"{subject}: payload is missing required keys {missing!r}",
                details=[
                    {"field": key, "message": "Field required", "type": "missing"}
                    for key in missing
                ],
            )
        return payload

    def dump_output(self, value: Any, subject: str) -> dict[str, Any]:
        """Check a result against the output contract and return it as a plain dict.

        Raises:
            ContractViolationError: E422 with ``type == "output_contract"``: the capability broke
                its own promise, which is a bug in the capability.
        """
        model = self.output_model
        if model is not None:
            # An instance of the model was validated when it was built.
            if type(value) is not model:
                if self.wraps_result:
                    value = {RESULT: value}
                validate = self._validate_output
                if validate is None:
                    validate = self._validate_output = validator(model)
                try:
                    value = validate(value)
                except ValidationError as exc:
                    raise _output_violation(
                        f"{subject}: result does not match {model.__name__}", field_errors(exc)
                    ) from None
            dump = self._dump_output
            if dump is None:
                dump = self._dump_output = dumper(model)
            return dump(value)
        if type(value) is not dict:  # (the checks below are ABC checks: slow)
            if isinstance(value, BaseModel):
                value = value.model_dump()
            if not isinstance(value, Mapping):
                raise _output_violation(
                    f"{subject}: result must be an object, got {type(value).__name__}",
                    [{"field": "(root)", "message": "expected an object", "type": "dict_type"}],
                )
        missing = [key for key in self.provides if key not in value]
        if missing:
            raise _output_violation(
                f"{subject}: result is missing promised keys {missing!r}",
                [{"field": key, "message": "Field required", "type": "missing"} for key in missing],
            )
        return dict(value)


def output_model_for(annotation: Any, owner: str) -> type[BaseModel] | None:
    """The output model a return annotation gives, or ``None`` for an untyped mapping.

    A pydantic model is its own output model. No annotation, ``Any`` and mappings
    (``dict[str, Any]``) stay untyped (their keys are ``provides=``). Anything else pydantic
    can validate and describe (``int``, ``str``, ``None``, ``list[Item]``, ``A | B``, a
    dataclass...) is wrapped in a generated model ``<Owner>Output`` with one field, ``result``.

    Raises:
        TypeError: pydantic cannot validate or describe the annotation, so no call could ever
            succeed; raised when the capability is declared rather than on every call.
    """
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if annotation is Any or is_mapping(annotation):
        return None
    name = "".join(part.title() for part in owner.split("_")) + "Output"
    try:
        model = create_model(name, result=(annotation, ...))  # the field named RESULT
        model.model_json_schema()  # built once here: discovery and MCP need it
    except (PydanticUserError, TypeError, ValueError) as exc:
        raise TypeError(
            f"capability {owner!r}: return annotation {annotation!r} cannot be served "
            f"({type(exc).__name__}: {str(exc).splitlines()[0]}); return a pydantic model, a "
            "mapping, or a JSON-compatible type such as int, str or list[Item]"
        ) from exc
    return model


def is_mapping(annotation: Any) -> bool:
    """Whether ``annotation`` is a mapping type (``dict``, ``dict[str, int]``, ``Mapping``...)."""
    origin = get_origin(annotation) or annotation
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _output_violation(message: str, details: list[dict[str, Any]]) -> ContractViolationError:
    return ContractViolationError(
        f"{message}; this is a bug in the capability", details=details, type="output_contract"
    )


def _schema(model: type[BaseModel] | None, keys: tuple[str, ...]) -> dict[str, Any]:
    if model is not None:
        return model.model_json_schema()
    if not keys:
        return dict(_ANY_OBJECT_SCHEMA)
    return {**_ANY_OBJECT_SCHEMA, "properties": {k: {} for k in keys}, "required": list(keys)}

"""Plans and compositions as JSON or YAML documents.

Loading validates the document against the plan models (E400 with the offending location),
compiles every condition with the safe expression language (unsafe text is E400 at load time)
and bounds the document's size and depth.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticSerializationError

from .._field_errors import field_errors
from ..errors import MalformedError
from .composition import Composition
from .plan import Plan, PlanNode

__all__ = ["dump_composition", "dump_plan", "load_composition", "load_plan"]

MAX_DEPTH = 64
MAX_NODES = 10_000

Format = Literal["json", "yaml"]
_PLAN: TypeAdapter[PlanNode] = TypeAdapter(Plan)


def load_plan(document: str | bytes | Mapping[str, Any], *, format: Format = "json") -> PlanNode:
    """Parse a plan from JSON/YAML text or an already-decoded mapping.

    Raises:
        MalformedError: E400 for bad syntax, unknown node types or fields, unsafe conditions,
            or a document deeper than 64 levels / larger than 10,000 values.
    """
    data = _decode(document, format)
    _check_shape(data)
    try:
        return _PLAN.validate_python(data)
    except ValidationError as exc:
        raise MalformedError(
            f"plan document is invalid: {exc.error_count()} problem(s), first at "
            f"{'.'.join(map(str, exc.errors()[0]['loc'])) or '(root)'}",
            details=field_errors(exc),
        ) from None


def dump_plan(plan: PlanNode, *, format: Format = "json", indent: int | None = 2) -> str:
    """Serialise ``plan`` (defaults omitted). Python-callable conditions cannot be dumped (E400)."""
    return _encode(_plan_data(plan), format, indent)


def load_composition(
    document: str | bytes | Mapping[str, Any], *, format: Format = "json"
) -> Composition:
    """Load ``{"name", "plan", "intent"?, "tags"?, "version"?, "input"?, "output"?,
    "timeout"?, "idempotent"?, "examples"?, "keywords"?}`` into a :class:`Composition`."""
    data = _decode(document, format)
    if not isinstance(data, Mapping) or "name" not in data or "plan" not in data:
        raise MalformedError("composition document: expected an object with 'name' and 'plan'")
    options = {k: v for k, v in data.items() if k not in ("name", "plan")}
    unknown = set(options) - {
        "intent",
        "tags",
        "version",
        "input",
        "output",
        "timeout",
        "idempotent",
        "examples",
        "keywords",
    }
    if unknown:
        raise MalformedError(f"composition document: unknown fields {sorted(unknown)!r}")
    return Composition(str(data["name"]), load_plan(data["plan"]), **options)


def dump_composition(
    composition: Composition, *, format: Format = "json", indent: int | None = 2
) -> str:
    """Serialise a composition (its ``input`` must be a key list, not a model)."""
    if isinstance(composition.input, type):
        raise MalformedError(
            f"composition {composition.name!r}: an input model cannot be serialised; "
            "declare input as a list of keys"
        )
    data: dict[str, Any] = {"name": composition.name, "intent": composition.intent}
    for key in ("tags", "input", "output"):
        if (value := getattr(composition, key)) is not None:
            data[key] = list(value)
    for key in ("examples", "keywords"):
        if value := getattr(composition, key):
            data[key] = list(value)
    data.update(version=composition.version, idempotent=composition.idempotent)
    if composition.timeout is not None:
        data["timeout"] = composition.timeout
    data["plan"] = _plan_data(composition.plan)
    return _encode(data, format, indent)


def _plan_data(plan: PlanNode) -> Any:
    try:
        return _PLAN.dump_python(
            plan, mode="json", by_alias=True, exclude_defaults=True, exclude_none=True
        )
    except PydanticSerializationError as exc:
        raise MalformedError(f"plan cannot be serialised: {exc}") from None


def _decode(document: str | bytes | Mapping[str, Any], format: Format) -> Any:
    if isinstance(document, Mapping):
        return document
    try:
        if format == "yaml":
            return _yaml().safe_load(document)
        return json.loads(document)
    except (ValueError, RecursionError) as exc:
        raise MalformedError(f"plan document is not valid {format.upper()}: {exc}") from None
    except Exception as exc:  # yaml.YAMLError and friends
        if type(exc).__module__.startswith("yaml"):
            raise MalformedError(f"plan document is not valid YAML: {exc}") from None
        raise


def _encode(data: Any, format: Format, indent: int | None) -> str:
    if format == "yaml":
        text: str = _yaml().safe_dump(data, sort_keys=False)
        return text
    return json.dumps(data, indent=indent)


def _yaml() -> Any:
    try:
        import yaml
    except ImportError:
        raise MalformedError(
            "YAML plans need PyYAML; install it with: pip install 'packetflow[yaml]'"
        ) from None
    return yaml


def _check_shape(data: Any) -> None:
    """Reject documents too deep or too large before pydantic walks them."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH or count > MAX_NODES:
            raise MalformedError(
                f"plan document exceeds the limits ({MAX_DEPTH} levels, {MAX_NODES} values)"
            )
        if isinstance(value, Mapping):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)

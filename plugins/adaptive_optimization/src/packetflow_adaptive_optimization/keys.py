"""Cache keys and stored results: the canonical JSON of a validated payload in, the result
as a snapshot or JSON bytes out (so a hit hands every caller a fresh copy and the cache knows
its size).

Canonical means: the payload validated by the capability's input model, dumped in the model's
field order with its defaults filled in (``{"user_id": "42"}`` and ``{"user_id": "42",
"operations": ["normalize"]}`` are one key when ``operations`` defaults to that); the keys of an
untyped payload sorted. Nested mappings keep their order: two orders of one nested mapping are
two entries (a miss, never a wrong hit).
"""

from __future__ import annotations

from typing import Any, Literal

import pydantic_core
from pydantic import BaseModel, ValidationError

import packetflow as pf

from .snapshot import copy, snapshot

__all__ = ["FLAT", "JSON", "NESTED", "KeyMaker", "ResultCodec", "Stored", "Unkeyable"]


class Unkeyable(Exception):
    """A payload or result that cannot be cached: ``reason`` is ``"unhashable"``,
    ``"oversized"`` or ``"not_roundtrip"``."""

    def __init__(self, reason: Literal["unhashable", "oversized", "not_roundtrip"], why: str):
        super().__init__(why)
        self.reason = reason


class KeyMaker:
    """Builds the canonical payload JSON of one capability's requests."""

    __slots__ = ("_dump", "_model", "_python", "_sorted", "_validate", "limit")

    def __init__(self, cap: pf.Capability, limit: int) -> None:
        model = cap.contract.input_model
        self.limit = limit
        self._model = model
        # Extra keys of an open model dump in arrival order: sort them like an untyped payload.
        self._sorted = model is None or model.model_config.get("extra") == "allow"
        if model is not None:  # bound once: the hot path calls them on every request
            self._validate = model.__pydantic_validator__.validate_python
            self._dump = model.__pydantic_serializer__.to_json
            self._python = model.__pydantic_serializer__.to_python

    def payload(self, payload: Any) -> bytes:
        """The canonical JSON of ``payload``.

        Raises:
            ValidationError: the payload does not fit the input model (the execution will say
                so with E422; nothing to cache).
            Unkeyable: it cannot be serialised, or its JSON exceeds the limit.
        """
        try:
            if self._model is None:
                if not isinstance(payload, dict):
                    raise Unkeyable("unhashable", f"payload is a {type(payload).__name__}")
                raw = pydantic_core.to_json({k: payload[k] for k in sorted(payload)})
            else:
                model = self._validate(payload)
                if self._sorted:
                    raw = self._canonical(model)
                else:
                    raw = self._dump(model)
                    # A model dumps NaN/inf floats as null: only then take the exact (slower)
                    # path, so that NaN and None never share a key.
                    if b"null" in raw:
                        raw = self._canonical(model)
        except pydantic_core.PydanticSerializationError as exc:
            raise Unkeyable("unhashable", str(exc)) from None
        except TypeError as exc:  # e.g. keys that do not sort
            raise Unkeyable("unhashable", str(exc)) from None
        if len(raw) > self.limit:
            raise Unkeyable("oversized", f"canonical payload is {len(raw)} bytes > {self.limit}")
        return raw

    def _canonical(self, model: BaseModel) -> bytes:
        """The exact form: NaN and inf spelled out, the keys of an open model sorted."""
        data = self._python(model)
        if self._sorted:
            data = {k: data[k] for k in sorted(data)}
        return pydantic_core.to_json(data, inf_nan_mode="constants")


VERIFIED_STORES = 16  # typed results checked to come back equal before they are trusted

# How a result is stored (``Stored.kind``): a snapshot without nested containers (a hit is one
# ``dict.copy()``), a nested snapshot (the containers are copied), or JSON bytes.
FLAT, NESTED, JSON = range(3)


class Stored:
    """One stored result: its form (``value``, of ``kind``) and its size in bytes (its JSON:
    what ``max_entry_bytes``/``max_bytes`` count). In the cache it is also the entry: its
    ``key`` and when it ``expires`` (set by :meth:`~.cache.ResultCache.put`); ``answers``
    holds the ``Respond`` decisions a flat snapshot answers with (a hit, a shared result),
    each built on first use: the chain copies a ``Respond``'s payload, so one serves all."""

    __slots__ = ("answers", "expires", "key", "kind", "size", "value")

    def __init__(self, value: Any, kind: int, size: int) -> None:
        self.value = value
        self.kind = kind
        self.size = size
        self.key: Any = None
        self.expires = 0.0
        self.answers: list[pf.Respond | None] | None = None


class ResultCodec:
    """Stores one capability's results and hands out fresh copies.

    A result made of plain containers and immutable values is kept as a snapshot
    (:mod:`.snapshot`): a hit returns exactly what the run returned, in new containers. Any
    other result is stored as JSON and rebuilt exactly: through the output model when there is
    one (a hit returns the same Python types a run does), as plain JSON otherwise; one that
    would not come back equal is refused. Untyped JSON results are checked every time; typed
    ones, whose shape the model fixes, for the first ``VERIFIED_STORES`` (per capability
    version: the codec lives as long as its policy)."""

    __slots__ = ("_checks", "_model", "limit")

    def __init__(self, cap: pf.Capability, limit: int) -> None:
        self._model = cap.contract.output_model
        self.limit = limit
        # -1: check every result (untyped, or a model with loosely typed fields)
        self._checks = VERIFIED_STORES if _strict(self._model) else -1

    def encode(self, payload: dict[str, Any]) -> Stored:
        """The stored form of ``payload`` (it shares nothing mutable with ``payload``).

        Raises:
            Unkeyable: not serialisable, too large, or it would not come back equal.
        """
        frozen = snapshot(payload)
        if frozen is not None:
            value, flat = frozen
            try:  # every snapshot leaf has a JSON form: its size is what the bounds count
                size = len(pydantic_core.to_json(value))
            except pydantic_core.PydanticSerializationError:  # bytes that are not UTF-8
                size = len(pydantic_core.to_json(value, bytes_mode="base64"))
            if size > self.limit:
                raise _oversized(size, self.limit)
            return Stored(value, FLAT if flat else NESTED, size)
        try:
            raw = pydantic_core.to_json(payload, inf_nan_mode="constants")
        except pydantic_core.PydanticSerializationError as exc:
            raise Unkeyable("unhashable", str(exc)) from None
        if len(raw) > self.limit:
            raise _oversized(len(raw), self.limit)
        if self._checks:
            try:
                same = self._from_json(raw) == payload
            except ValidationError:
                same = False
            if not same:
                raise Unkeyable("not_roundtrip", "the result does not come back equal from JSON")
            if self._checks > 0:
                self._checks -= 1
        return Stored(raw, JSON, len(raw))

    def decode(self, stored: Stored) -> dict[str, Any]:
        """A fresh copy of a stored result."""
        kind = stored.kind
        if kind == FLAT:
            out: dict[str, Any] = stored.value.copy()
            return out
        if kind == NESTED:
            nested: dict[str, Any] = copy(stored.value)
            return nested
        return self._from_json(stored.value)

    def _from_json(self, raw: bytes) -> dict[str, Any]:
        model = self._model
        if model is None:
            data: dict[str, Any] = pydantic_core.from_json(raw)
            return data
        rebuilt = model.__pydantic_validator__.validate_json(raw)
        out: dict[str, Any] = model.__pydantic_serializer__.to_python(rebuilt)
        return out


def _oversized(size: int, limit: int) -> Unkeyable:
    return Unkeyable("oversized", f"result is {size} bytes > {limit}")


def _strict(model: type[BaseModel] | None) -> bool:
    """Whether a model fixes the JSON round trip of every field (no ``Any``/``object``)."""
    if model is None:
        return False
    return not any(
        field.annotation is object or "Any" in repr(field.annotation)
        for field in model.model_fields.values()
    )

"""The wire codec: text (or bytes) in, message models out, and back. No I/O.

The server, the Python client and the MCP tunnel all parse and build messages here, so the
limits and the error shapes are the same everywhere. Every failure is a typed error:

- :class:`~packetflow.errors.MalformedError` (E400): not UTF-8, not JSON, not an object,
  unknown or missing ``type``, wrong field types, non-standard constants (``NaN``);
- :class:`~packetflow.errors.TooLargeError` (E413): above ``max_bytes``, nested deeper than
  ``max_depth`` or holding a string (or key) longer than ``max_string``.

When the offending message carried a usable string ``id``, the error's ``details["id"]`` holds
it so the reply can answer that id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import from_json

from .._jsonable import jsonable
from .._lowlevel import dump_json
from ..errors import MalformedError, PacketFlowError, TooLargeError
from .messages import MAX_ID, PROTOCOL_VERSION, CapabilityError, ErrorBody, Message

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "check_limits",
    "decode",
    "encode",
    "error_reply",
    "parse_object",
]

_ADAPTER: TypeAdapter[Message] = TypeAdapter(Message)
# What TypeAdapter.validate_json calls, without its keyword plumbing (every message goes here).
_VALIDATE_JSON = _ADAPTER.validator.validate_json


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits. Sizes count characters of a text frame or bytes of a binary frame (as
    trio-websocket measures ``max_message_size``).

    Attributes:
        max_bytes: the largest message accepted.
        max_depth: the deepest nesting of objects and arrays (the message itself is depth 1).
        max_string: the longest string value or object key.
    """

    max_bytes: int = 1 << 20
    max_depth: int = 32
    max_string: int = 256 * 1024

    def __post_init__(self) -> None:
        if min(self.max_bytes, self.max_depth, self.max_string) < 1:
            raise ValueError(f"{self!r}: every limit must be >= 1")

    def to_wire(self) -> dict[str, int]:
        """The limits as the ``welcome`` message advertises them."""
        return {
            "max_message_bytes": self.max_bytes,
            "max_depth": self.max_depth,
            "max_string": self.max_string,
        }


DEFAULT_LIMITS = Limits()


def decode(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> Message:
    """Parse one wire message.

    Raises:
        MalformedError: E400, see the module docstring.
        TooLargeError: E413, see the module docstring.
    """
    text = _text(data, limits)
    # The precise checks parse the JSON a second time, so they only run when the cheap scans
    # say a limit could be hit (or a non-standard constant is present); the usual small
    # message goes straight to pydantic's JSON parser.
    if _needs_inspection(text, limits):
        _inspect(text, limits)
    try:
        message: Message = _VALIDATE_JSON(text)
    except ValidationError as exc:
        raise _malformed(exc, text) from None
    return message


def parse_object(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Parse one message into a plain dict with the same limits as :func:`decode`, without
    building its model: for a peer that only routes messages by ``type`` and ``id`` (the
    client reading its node's replies).

    Raises:
        MalformedError: E400, not a JSON object with a string ``type``.
        TooLargeError: E413, see the module docstring.
    """
    text = _text(data, limits)
    # pydantic-core's parser refuses NaN and the infinities itself here, so only the size
    # scans run first; whatever it refuses, _inspect reads and words (the client parses every
    # reply).
    if len(text) > limits.max_string or text.count("{") + text.count("[") > limits.max_depth:
        obj = _inspect(text, limits)
    else:
        try:
            obj = from_json(text, allow_inf_nan=False, cache_strings="keys")
        except ValueError:
            obj = _inspect(text, limits)
    if not isinstance(obj, dict) or not isinstance(obj.get("type"), str):
        raise MalformedError(
            "message must be a JSON object with a string 'type'", details={"id": _id_of(obj)}
        )
    return obj


def check_limits(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Hold any JSON document to the wire's input limits without building anything (the MCP
    streamable HTTP endpoint checks request bodies with it).

    Raises:
        MalformedError: E400, not UTF-8 (or, when it had to be parsed, not standard JSON).
        TooLargeError: E413, see the module docstring.
    """
    text = _text(data, limits)
    if _needs_inspection(text, limits):
        _inspect(text, limits)


def encode(message: Any) -> str:
    """Serialize a message model (``None`` fields are left out; payload values are kept)."""
    # model_dump_json(exclude_none=True) without its keyword plumbing (~40% of the cost).
    return dump_json(message, exclude_none=True)


def error_reply(exc: PacketFlowError, id: object, capability_id: object = None) -> CapabilityError:
    """The ``capability_error`` answering message ``id`` with ``exc``: the one place that builds
    error replies (server, client-side tunnel, module chain).

    It cannot fail, whatever the peer sent: it copies only values of the types a reply holds
    (an ``id`` that is not a string of at most 256 characters becomes ``""``, a
    ``capability_id`` that is not a string is left out), the body comes from
    :meth:`~packetflow.errors.PacketFlowError.to_wire` (always JSON), and ``exc.metadata``
    (what response hooks added) is converted to JSON types.
    """
    metadata = getattr(exc, "metadata", None)
    return CapabilityError(
        id=id if isinstance(id, str) and len(id) <= MAX_ID else "",
        capability_id=capability_id if isinstance(capability_id, str) else None,
        metadata=jsonable(metadata) if isinstance(metadata, dict) and metadata else {},
        error=ErrorBody(**exc.to_wire()),
    )


def _text(data: str | bytes, limits: Limits) -> str:
    if len(data) > limits.max_bytes:
        raise TooLargeError(
            f"message of {len(data)} bytes: above the limit of {limits.max_bytes}; "
            "send smaller payloads",
            details={"limit": "max_bytes", "max": limits.max_bytes},
        )
    if isinstance(data, str):
        return data
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedError(
            "message is not UTF-8 text; send JSON as UTF-8", details={"id": None}
        ) from None


def _needs_inspection(text: str, limits: Limits) -> bool:
    return (
        len(text) > limits.max_string
        or text.count("{") + text.count("[") > limits.max_depth
        or "NaN" in text
        or "Infinity" in text
    )


def _reject_constant(name: str) -> Any:
    raise MalformedError(
        f"message contains {name}: not valid JSON; send numbers as finite values or strings"
    )


def _loads_lenient(text: str) -> Any:
    """``text`` parsed with NaN and the infinities read as ``None``; ``None`` when it is not
    JSON even so."""
    try:
        return json.loads(text, parse_constant=lambda _: None)
    except (ValueError, RecursionError):
        return None


def _inspect(text: str, limits: Limits) -> Any:
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except MalformedError as exc:
        # The error path only: parse again with the constants read as null, to answer the
        # message's id when it has a readable one.
        exc.details = {"id": _id_of(_loads_lenient(text))}
        raise
    except RecursionError:
        raise _too_deep(limits, None) from None
    except ValueError as exc:  # JSONDecodeError
        raise MalformedError(
            f"message is not valid JSON: {exc}; send one JSON object per message",
            details={"id": None},
        ) from None
    msg_id = _id_of(obj)
    # Iterative walk: a deep message must not hit Python's recursion limit here.
    stack: list[tuple[Any, int, str]] = [(obj, 1, "")]
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, dict):
            if depth > limits.max_depth:
                raise _too_deep(limits, msg_id, path)
            for key, item in value.items():
                if len(key) > limits.max_string:
                    raise _too_long(limits, msg_id, path or "(root)")
                stack.append((item, depth + 1, f"{path}.{key}" if path else key))
        elif isinstance(value, list):
            if depth > limits.max_depth:
                raise _too_deep(limits, msg_id, path)
            stack.extend((item, depth + 1, f"{path}[{i}]") for i, item in enumerate(value))
        elif isinstance(value, str) and len(value) > limits.max_string:
            raise _too_long(limits, msg_id, path)
    return obj


def _too_deep(limits: Limits, msg_id: str | None, path: str | None = None) -> TooLargeError:
    return TooLargeError(
        f"message nests deeper than {limits.max_depth} levels"
        + (f" at {path!r}" if path else "")
        + "; flatten the payload",
        details={"id": msg_id, "limit": "max_depth", "max": limits.max_depth, "field": path},
    )


def _too_long(limits: Limits, msg_id: str | None, path: str) -> TooLargeError:
    return TooLargeError(
        f"string at {path!r} is longer than {limits.max_string} characters; shorten it",
        details={"id": msg_id, "limit": "max_string", "max": limits.max_string, "field": path},
    )


def _id_of(obj: Any) -> str | None:
    if isinstance(obj, dict):
        msg_id = obj.get("id")
        if isinstance(msg_id, str) and len(msg_id) <= MAX_ID:
            return msg_id
    return None


def _malformed(exc: ValidationError, text: str) -> MalformedError:
    errors = exc.errors(include_url=False, include_input=False)
    try:
        msg_id = _id_of(json.loads(text))  # the error path only: recover the id to answer
    except (ValueError, RecursionError):
        msg_id = None
    first = errors[0]
    kind = first["type"]
    if kind == "json_invalid":
        message = f"message is not valid JSON: {first['msg']}; send one JSON object per message"
    elif kind == "string_unicode":
        message = "message is not valid Unicode text; send JSON as UTF-8"
    elif kind in ("dict_type", "model_type") and not first["loc"]:
        message = "message must be a JSON object; send one JSON object per message"
    elif kind == "union_tag_not_found":
        message = "message has no 'type'; every message names its type (e.g. 'hello')"
    elif kind == "union_tag_invalid":
        tag = first.get("ctx", {}).get("tag")
        message = (
            f"message type {tag!r} is unknown in protocol {PROTOCOL_VERSION}; "
            "see the message table of the wire protocol"
        )
    else:
        tag = first["loc"][0] if first["loc"] else "message"
        message = f"{tag!r} message has invalid fields; fix the fields listed in details"
    fields = [
        {
            # The first location element is the union tag (the message type): drop it.
            "field": ".".join(str(part) for part in err["loc"][1:]) or "(root)",
            "message": err["msg"],
            "type": err["type"],
        }
        for err in errors
    ]
    return MalformedError(message, details={"id": msg_id, "errors": fields})

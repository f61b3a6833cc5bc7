"""The PacketFlow error hierarchy: one class per wire error code.

Every layer (Python API, wire protocol, MCP ``data``) reports failures with the same table, so a
caller can ``except packetflow.errors.NotFoundError`` whether the capability ran in-process or on
a node across the network::

    PacketFlowError                      (base; never raised directly)
    ├── MalformedError             E400  malformed input: not JSON, wrong types, unknown type
    ├── UnauthenticatedError       E401  no or invalid token, or a request before ``hello``
    ├── ForbiddenError             E403  scopes or ``authorize=`` do not cover the target
    ├── NotFoundError              E404  unknown capability, actor or channel
    ├── DeadlineExceededError      E408  request, step, module hook or actor deadline passed
    ├── ConflictError              E409  duplicate in-flight id; actor ownership conflict
    ├── TooLargeError              E413  message above the negotiated size limit
    ├── ContractViolationError     E422  input/output fails its model
    │   └── PlanValidationError    E422  a composition plan fails validation (type "plan_invalid")
    ├── RateLimitedError           E429  per-token or per-capability limit (``retry_after_ms``)
    ├── ExecutionFailedError       E500  the capability raised (cause kept, never sent)
    ├── ModuleFailedError          E502  a fail-closed module failed
    ├── UnavailableError           E503  draining, circuit open, dependency down
    └── VersionUnsupportedError    E600  no common protocol version

``error.to_wire()`` gives the ``{code, type, message, details, retry_after_ms?}`` object of a
``capability_error`` (the one builder of that object: the wire, MCP ``data`` and the HTTP
endpoints all use it); :func:`from_wire` turns it back into the right class.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar

from ._jsonable import jsonable

__all__ = [
    "ConflictError",
    "ContractViolationError",
    "DeadlineExceededError",
    "ExecutionFailedError",
    "ForbiddenError",
    "MalformedError",
    "ModuleFailedError",
    "NotFoundError",
    "PacketFlowError",
    "PlanValidationError",
    "RateLimitedError",
    "TooLargeError",
    "UnauthenticatedError",
    "UnavailableError",
    "VersionUnsupportedError",
    "error_class",
    "from_wire",
]


class PacketFlowError(Exception):
    """Base of every PacketFlow error.

    Attributes:
        code: the wire code, e.g. ``"E404"``.
        type: the machine-readable kind, e.g. ``"not_found"`` (a subclass may refine it per
            instance, e.g. ``"output_contract"`` for an E422 raised on a capability's output).
        message: one line for humans: ``<subject>: <what is wrong>; <how to fix>``.
        details: JSON-serialisable structured data (field errors, node paths...); an empty
            dict when there is nothing to say.
        retry_after_ms: when set, how long the caller should wait before retrying.
        metadata: the ``metadata`` of the ``capability_error`` carrying this error: what
            response hooks added (and ``modules``, the modules that acted), as on a response.
    """

    code: ClassVar[str] = "E000"
    default_type: ClassVar[str] = "error"

    def __init__(
        self,
        message: str,
        *,
        details: Any = None,
        type: str | None = None,
        retry_after_ms: int | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = {} if details is None else details
        self.type = type or self.default_type
        self.retry_after_ms = retry_after_ms
        self.metadata: dict[str, Any] = {} if metadata is None else dict(metadata)

    def to_wire(self) -> dict[str, Any]:
        """The ``error`` object of a ``capability_error`` message.

        It never raises and is always JSON-serialisable: ``details`` is ``{}`` when unset and
        is converted to JSON types (an object JSON cannot hold becomes its ``repr``), and a
        ``retry_after_ms`` that is not a finite non-negative number is left out. Answering a
        failure must not fail in turn.
        """
        wire: dict[str, Any] = {
            "code": str(self.code),
            "type": str(self.type),
            "message": str(self.message),
            "details": jsonable(self.details),
        }
        retry = _milliseconds(self.retry_after_ms)
        if retry is not None:
            wire["retry_after_ms"] = retry
        return wire

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code} {self.type}: {self.message!r})"


class MalformedError(PacketFlowError):
    """E400: not JSON, not an object, wrong field types, unknown ``type``, unsafe expression."""

    code = "E400"
    default_type = "malformed"


class UnauthenticatedError(PacketFlowError):
    """E401: no or invalid token, or a request before ``hello``."""

    code = "E401"
    default_type = "unauthenticated"


class ForbiddenError(PacketFlowError):
    """E403: the caller's scopes or the capability's ``authorize=`` deny the call."""

    code = "E403"
    default_type = "forbidden"


class NotFoundError(PacketFlowError):
    """E404: unknown capability, actor or channel."""

    code = "E404"
    default_type = "not_found"


class DeadlineExceededError(PacketFlowError):
    """E408: a request, step, module hook or actor deadline passed."""

    code = "E408"
    default_type = "timeout"


class ConflictError(PacketFlowError):
    """E409: duplicate in-flight id on one connection; actor ownership conflict."""

    code = "E409"
    default_type = "conflict"


class TooLargeError(PacketFlowError):
    """E413: a message above the negotiated size limit."""

    code = "E413"
    default_type = "too_large"


class ContractViolationError(PacketFlowError):
    """E422: a payload fails the input model (``details`` lists each field) or an output fails
    the output model (``type == "output_contract"``)."""

    code = "E422"
    default_type = "contract_violation"


class PlanValidationError(ContractViolationError):
    """E422 raised before a plan runs; ``details`` lists ``{path, problem, message}`` entries."""

    default_type = "plan_invalid"


class RateLimitedError(PacketFlowError):
    """E429: a per-token or per-capability limit was hit; ``retry_after_ms`` says when to retry."""

    code = "E429"
    default_type = "rate_limited"


class ExecutionFailedError(PacketFlowError):
    """E500: the capability raised. The cause stays on ``__cause__`` for logs; the message sent
    to clients never includes a traceback."""

    code = "E500"
    default_type = "execution_failed"


class ModuleFailedError(PacketFlowError):
    """E502: a module failed and its policy is fail-closed."""

    code = "E502"
    default_type = "module_failed"


class UnavailableError(PacketFlowError):
    """E503: node draining, circuit open, dependency down; ``retry_after_ms`` may be set."""

    code = "E503"
    default_type = "unavailable"


class VersionUnsupportedError(PacketFlowError):
    """E600: no protocol version in common."""

    code = "E600"
    default_type = "version_unsupported"


_BY_CODE: dict[str, type[PacketFlowError]] = {
    cls.code: cls
    for cls in (
        MalformedError,
        UnauthenticatedError,
        ForbiddenError,
        NotFoundError,
        DeadlineExceededError,
        ConflictError,
        TooLargeError,
        ContractViolationError,
        RateLimitedError,
        ExecutionFailedError,
        ModuleFailedError,
        UnavailableError,
        VersionUnsupportedError,
    )
}


def error_class(code: str) -> type[PacketFlowError]:
    """The class for a wire code; raises ``KeyError`` naming an unknown code."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"error code {code!r} is not in the PacketFlow table") from None


def from_wire(
    error: Mapping[str, Any], metadata: Mapping[str, Any] | None = None
) -> PacketFlowError:
    """Rebuild a typed error from its wire form (unknown codes become ``PacketFlowError``).

    Args:
        error: the ``error`` object of a ``capability_error``.
        metadata: that message's ``metadata`` (kept on the error's ``metadata``); a value that
            is not an object is ignored, as is a ``retry_after_ms`` that is not a number.
    """
    cls = _BY_CODE.get(str(error.get("code")), PacketFlowError)
    exc = cls(
        str(error.get("message", "")),
        details=error.get("details"),
        type=error.get("type"),
        retry_after_ms=_milliseconds(error.get("retry_after_ms")),
        metadata=metadata if isinstance(metadata, Mapping) else None,
    )
    if cls is PacketFlowError:
        exc.code = str(error.get("code", "E000"))  # type: ignore[misc]
    if error_type := error.get("type"):
        exc.type = str(error_type)
    return exc


def _milliseconds(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return int(value)

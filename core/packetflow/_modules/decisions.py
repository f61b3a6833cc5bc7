"""Typed hook decisions (SPEC 5.1): what a hook returns instead of the seed's bare tuples.

``None`` means :class:`Continue`. Each decision checks its argument when it is built, so a
module that builds a bad one fails inside its own hook, where the failure is counted against it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from .._compose.plan import PlanNode
from .._wire.messages import (
    CapabilityError,
    CapabilityResponse,
    RequestEnvelope,
)
from ..errors import PacketFlowError, error_class

__all__ = [
    "Annotate",
    "CompositionDecision",
    "Continue",
    "Decision",
    "Defer",
    "Fail",
    "Intercept",
    "Optimize",
    "RequestDecision",
    "Respond",
    "ResponseDecision",
    "Transform",
]


_OUTCOMES = (CapabilityResponse, CapabilityError)
_RESPONDS = (CapabilityResponse, Mapping)
# What Annotate's ``fields`` may not name: the declared fields of any request or outcome.
_DECLARED = frozenset(
    name
    for model in (RequestEnvelope, CapabilityResponse, CapabilityError)
    for name in model.model_fields
)


@dataclass(frozen=True, slots=True)
class Continue:
    """Go on unchanged (the same as returning ``None``)."""


@dataclass(frozen=True, slots=True)
class Intercept:
    """Replace the request; the chain goes on with the new one (request hooks only)."""

    request: RequestEnvelope

    def __post_init__(self) -> None:
        if not isinstance(self.request, RequestEnvelope):
            raise TypeError(
                f"Intercept(request={self.request!r}): expected a request model such as "
                "pf.CapabilityRequest; build it with request.evolve(...)"
            )


@dataclass(frozen=True, slots=True)
class Annotate:
    """Add to the message instead of replacing it (request and response hooks): ``metadata``
    keys merged into its ``metadata``, ``fields`` set as extra top-level fields (what later
    modules and the execution see, such as a request's ``spatial_context``).

    ``Annotate(metadata={"cache_hit": True})`` is what ``Transform(response.evolve(metadata=
    {**response.metadata, "cache_hit": True}))`` says, without the copy: the chain writes the
    keys into a message it built for this request (a request from ``node.call`` or a
    composition step, a response from the execution) and copies any other once, so a hook
    that keeps a message it was given should keep a copy. A new ``metadata["timeout_ms"]`` is
    the deadline the request executes under, as with ``Intercept``.
    """

    metadata: Mapping[str, Any] | None = None
    fields: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        metadata, fields = self.metadata, self.fields
        # ``type() is dict`` first: the Mapping ABC check costs several times it.
        if metadata is not None and type(metadata) is not dict:
            _mapping("Annotate(metadata", metadata)
        if fields is not None:
            if type(fields) is not dict:
                _mapping("Annotate(fields", fields)
            if not _DECLARED.isdisjoint(fields):
                declared = sorted(_DECLARED.intersection(fields))
                raise TypeError(
                    f"Annotate(fields=...): {declared!r} are declared message fields; replace "
                    "the message with Intercept(request.evolve(...)) or Transform(...) instead"
                )


def _mapping(argument: str, given: object) -> None:
    """Refuse ``given`` for ``argument`` (``"Annotate(metadata"``) unless it is a mapping."""
    if not isinstance(given, Mapping):
        raise TypeError(f"{argument}={given!r}): expected a mapping")


@dataclass(frozen=True, slots=True)
class Respond:
    """Short-circuit with a ready response (request hooks only): the capability and the later
    request hooks do not run; the response hooks do.

    ``response`` is a whole ``pf.CapabilityResponse``, or a payload mapping: the chain then
    builds the response for the request (its ``id`` and ``capability_id``) from a copy of the
    payload, with ``metadata`` if given (``Respond(hit, metadata={"cache_hit": True})``). The
    payload form is the cheaper one: the chain builds the response without validating what
    it just put together.
    """

    response: CapabilityResponse | Mapping[str, Any]
    metadata: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        response = self.response
        # ``type() is dict`` first: isinstance against the Mapping ABC costs several times it.
        if type(response) is not dict and not isinstance(response, _RESPONDS):
            raise TypeError(
                f"Respond(response={response!r}): expected a pf.CapabilityResponse or a "
                "payload mapping"
            )
        metadata = self.metadata
        if metadata is None:
            return
        if isinstance(response, CapabilityResponse):
            raise TypeError(
                "Respond(response, metadata=...): metadata goes with a payload mapping; a whole "
                "response carries its own (response.evolve(metadata={...}))"
            )
        if type(metadata) is not dict:
            _mapping("Respond(metadata", metadata)


@dataclass(frozen=True, slots=True)
class Fail:
    """Refuse with an error from the PacketFlow table (request and composition hooks);
    ``retry_after_ms`` tells the caller when to try again (E429, E503)."""

    code: str
    message: str
    details: Any = field(default=None)
    retry_after_ms: int | None = None

    def __post_init__(self) -> None:
        try:
            error_class(self.code)
        except KeyError:
            raise ValueError(
                f"Fail(code={self.code!r}): not a PacketFlow error code; use one of E400..E600 "
                "from packetflow.errors"
            ) from None

    def to_error(self) -> PacketFlowError:
        """The typed exception this decision stands for."""
        return error_class(self.code)(
            self.message, details=self.details, retry_after_ms=self.retry_after_ms
        )


@dataclass(frozen=True, slots=True)
class Defer:
    """Decide later (request hooks): the chain awaits ``awaitable`` under the hook's own
    deadline, and what it returns (``None`` or a decision) is the hook's decision.

    For a plain ``def`` hook that usually answers at once but sometimes must wait (an
    admission queue, a single-flight lead): it stays a sync hook, so its chain runs without
    the cancel scope an ``async def`` hook needs, and only the waits pay for one::

        def packetflow_handle_request(self, request, context):
            if self.gate.try_enter():
                return None
            return pf.Defer(self.wait_for_slot(request))
    """

    awaitable: Awaitable[Any]

    def __post_init__(self) -> None:
        if not inspect.isawaitable(self.awaitable):
            raise TypeError(
                f"Defer(awaitable={self.awaitable!r}): expected an awaitable, e.g. the "
                "coroutine of an async method (self.wait(request), not self.wait)"
            )


@dataclass(frozen=True, slots=True)
class Optimize:
    """Replace the composition plan (composition hooks only); it is validated before use."""

    plan: PlanNode

    def __post_init__(self) -> None:
        if not isinstance(self.plan, PlanNode):
            raise TypeError(
                f"Optimize(plan={self.plan!r}): expected a plan node (pf.pipeline(...), "
                "pf.load_plan(...))"
            )


@dataclass(frozen=True, slots=True)
class Transform:
    """Replace the outcome (response hooks only): a response, or a ``capability_error``."""

    response: CapabilityResponse | CapabilityError

    def __post_init__(self) -> None:
        # A tuple, not ``A | B``: isinstance with a union object costs ~3x (on every Transform).
        if not isinstance(self.response, _OUTCOMES):
            raise TypeError(
                f"Transform(response={self.response!r}): expected a pf.CapabilityResponse or "
                "a pf.CapabilityError"
            )


RequestDecision: TypeAlias = Continue | Intercept | Annotate | Respond | Fail | Defer
"""What ``packetflow_handle_request`` may return (besides ``None``)."""

CompositionDecision: TypeAlias = Continue | Optimize | Fail
"""What ``packetflow_handle_composition`` may return (besides ``None``)."""

ResponseDecision: TypeAlias = Continue | Transform | Annotate
"""What ``packetflow_handle_response`` may return (besides ``None``)."""

Decision: TypeAlias = (
    Continue | Intercept | Annotate | Respond | Fail | Defer | Optimize | Transform
)
"""Any decision."""

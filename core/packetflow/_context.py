"""The request context that travels with every call, step, actor message and wire request."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

from ._field_errors import field_errors
from ._lowlevel import construct, copy_with, set_field, set_private
from ._services import (
    LOG_LEVELS,
    Elicitation,
    LogLevel,
    Sampled,
    SampleRequest,
    messages_for_sampling,
    services_of,
)
from .errors import MalformedError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._node import Node
    from ._rich import ContentBlock, Message

M = TypeVar("M", bound=BaseModel)

__all__ = ["CompositionState", "Context", "new_trace_id"]

# A W3C-sized (32 hex) trace id: a random per-process prefix (its top bit set, so every id
# has 32 digits) plus a counter, as one integer. Unique within a process, unguessable across
# processes, and ~10x cheaper than uuid4 on the call hot path.
_TRACE_BASE = (int.from_bytes(os.urandom(8)) | 1 << 63) << 64
_TRACE_COUNTER = itertools.count(1)
_now = time.time
# Field values of an empty context: copied (with its own ``roles``) for each new one.
_EMPTY_STATE: dict[str, Any] = dict.fromkeys(
    ("user_id", "session_id", "trace_id", "timestamp", "roles", "composition")
)


def new_trace_id() -> str:
    """A fresh 32-hex-digit trace id."""
    return hex(_TRACE_BASE + next(_TRACE_COUNTER))[2:]


@dataclass(slots=True)
class CompositionState:
    """Where a running composition is; readable by capabilities as ``ctx.composition``.

    A plain dataclass rather than a model: the engine updates it on every step.
    """

    type: str
    total_steps: int
    current_step: str | None = None
    steps_completed: int = 0
    step_results: dict[str, Any] = field(default_factory=dict)


class Context(BaseModel):
    """Who is calling and under which trace; extra keys are kept (modules add their own).

    Capabilities receive it as their second argument. In-process calls build one from the
    ``context=`` mapping; the wire protocol carries the same model.
    """

    model_config = ConfigDict(extra="allow")

    user_id: str | None = None
    session_id: str | None = None
    trace_id: str | None = None
    timestamp: float | None = None
    roles: list[str] = []
    composition: CompositionState | None = None

    _node: object | None = PrivateAttr(default=None)
    # The caller's client services (``_services.attach_services``): copied by child(), never
    # serialised; absent means nobody but Python logging can serve ctx.log and friends.
    _services: Any = PrivateAttr(default=None)

    @classmethod
    def create(
        cls, context: Context | Mapping[str, Any] | None, node: object | None = None
    ) -> Context:
        """A context for one request: validated from a mapping, with a trace id and timestamp.

        ``node`` is the ``packetflow.Node`` running the request (what :attr:`node` returns).
        Typed ``object`` so that the layers below the node (actors, MCP), which see it through
        their own small ``Protocol``, can attach it; only the node and those layers attach one.
        """
        if context is None:
            # The in-process hot path: an empty context with a new trace, built without
            # validation (a quarter of the cost of ``Context()``); tests/test_context.py
            # checks it equals the validated form.
            state = _EMPTY_STATE.copy()
            state["trace_id"] = hex(_TRACE_BASE + next(_TRACE_COUNTER))[2:]
            state["timestamp"] = _now()
            state["roles"] = []
            return construct(
                cls, state, {"trace_id", "timestamp"}, {}, {"_node": node, "_services": None}
            )
        if isinstance(context, Context):
            ctx = context
            if ctx.trace_id is None:
                set_field(ctx, "trace_id", new_trace_id())  # a wire request's, usually
        else:
            try:
                ctx = cls.model_validate(context)
            except ValidationError as exc:
                raise MalformedError(
                    "context: wrong field types; fix the listed fields",
                    details=field_errors(exc),
                ) from None
            if ctx.trace_id is None:
                ctx.trace_id = new_trace_id()
            if ctx.timestamp is None:
                ctx.timestamp = time.time()
        set_private(ctx, "_node", node)
        return ctx

    @classmethod
    def empty(cls) -> Context:
        """What ``Context()`` builds, without validation: the context of a wire request that
        carries none (the codec's default). ``tests/test_context.py`` checks the two are equal."""
        state = _EMPTY_STATE.copy()
        state["roles"] = []
        return construct(cls, state, set(), {}, {"_node": None, "_services": None})

    def child(self, **updates: Any) -> Context:
        """A shallow copy for a nested execution (same trace, same node), e.g. the steps of a
        composition; ``updates`` must be field names."""
        return copy_with(self, updates)

    @property
    def node(self) -> Node:
        """The node running this request; raises ``RuntimeError`` outside of one."""
        if self._node is None:
            raise RuntimeError("this context is not attached to a running node")
        return cast("Node", self._node)

    def publish(self, channel: str, payload: dict[str, Any]) -> None:
        """Publish ``payload`` on ``channel`` of the node running this request (never blocks)."""
        self.node.channels.publish(channel, payload)

    # -- talking to the client (MCP): thin delegates to ``_services`` ----------

    async def log(self, level: LogLevel, message: str, **data: Any) -> None:
        """Send a log line to the calling client (MCP ``notifications/message``, filtered by
        the client's ``logging/setLevel``); elsewhere it goes to the ``packetflow.capability``
        Python logger. ``data`` travels with the message as structured fields.

        Raises:
            ValueError: ``level`` is not one of debug, info, notice, warning, error, critical,
                alert, emergency.
        """
        if level not in LOG_LEVELS:
            raise ValueError(f"ctx.log: level {level!r} must be one of {list(LOG_LEVELS)!r}")
        await services_of(self).log(level, message, data)

    async def progress(
        self, done: float, total: float | None = None, message: str | None = None
    ) -> None:
        """Report progress to the calling client (MCP ``notifications/progress``, when the
        client asked for progress); a no-op elsewhere. ``done`` should only grow."""
        await services_of(self).progress(done, total, message)

    async def sample(
        self,
        messages: str | Message | ContentBlock | Sequence[str | Message | ContentBlock],
        *,
        max_tokens: int = 512,
        system: str | None = None,
        temperature: float | None = None,
        stop: Sequence[str] = (),
        models: Sequence[str] = (),
        metadata: dict[str, Any] | None = None,
    ) -> Sampled:
        """Ask the calling client's model for a completion (MCP ``sampling/createMessage``).

        Args:
            messages: the conversation (a ``str`` is one user message).
            max_tokens: the most tokens to generate.
            system: a system prompt.
            temperature: sampling temperature.
            stop: stop sequences.
            models: model name hints, in order of preference.
            metadata: passed through to the client's model provider.

        Raises:
            UnavailableError: E503 when the caller cannot sample (not an MCP client, or one
                that does not declare the sampling capability, or it refused).
            DeadlineExceededError: E408 when the capability's deadline passes first.
        """
        request = SampleRequest(
            messages_for_sampling(messages),
            max_tokens=max_tokens,
            system=system,
            temperature=temperature,
            stop=tuple(stop),
            models=tuple(models),
            metadata=dict(metadata or {}),
        )
        return await services_of(self).sample(request)

    async def elicit(self, message: str, schema: type[M]) -> Elicitation[M]:
        """Ask the calling client's user for input shaped by ``schema`` (MCP
        ``elicitation/create``): a flat pydantic model of strings, numbers, booleans and
        enums (``Literal``, ``Enum``, lists of them for multi-select), defaults included.

        Returns:
            ``Elicitation(action="accept", data=schema(...))``, or ``decline`` / ``cancel``.

        Raises:
            UnavailableError: E503 when the caller cannot elicit.
            ContractViolationError: E422 when the user's answer does not fit ``schema``.
            DeadlineExceededError: E408 when the capability's deadline passes first.
        """
        return await services_of(self).elicit(message, schema)

"""What a capability can ask of the client that called it: log lines, progress, an LLM
completion (sampling) and the user's input (elicitation).

Capabilities use them through :class:`~packetflow.Context` (``await ctx.log(...)``,
``ctx.progress``, ``ctx.sample``, ``ctx.elicit``); the transport that received the call
attaches the :class:`ClientServices` that can deliver them. An MCP tool call attaches the MCP
session's (:mod:`packetflow._mcp.services`); everywhere else (in-process calls, the wire, a
composition run by the node) :data:`NO_CLIENT` answers: log lines go to the Python logger
``packetflow.capability``, progress is dropped, and sampling or elicitation raise E503 because
nobody can answer them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict

from ._lowlevel import set_private
from ._rich import Content, ContentBlock, Message
from .errors import UnavailableError

if TYPE_CHECKING:
    from ._context import Context

__all__ = [
    "LOG_LEVELS",
    "NO_CLIENT",
    "ClientServices",
    "Elicitation",
    "LogLevel",
    "SampleRequest",
    "Sampled",
    "attach_services",
    "messages_for_sampling",
    "services_of",
]

LogLevel: TypeAlias = Literal[
    "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"
]
LOG_LEVELS: tuple[LogLevel, ...] = (
    "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency",
)  # fmt: skip
"""Syslog severities (RFC 5424), least severe first: MCP's logging levels."""

_PYTHON_LEVELS = {
    "debug": logging.DEBUG, "info": logging.INFO, "notice": logging.INFO,
    "warning": logging.WARNING, "error": logging.ERROR, "critical": logging.CRITICAL,
    "alert": logging.CRITICAL, "emergency": logging.CRITICAL,
}  # fmt: skip

M = TypeVar("M", bound=BaseModel)

capability_log = logging.getLogger("packetflow.capability")


@dataclass(frozen=True, slots=True)
class SampleRequest:
    """What ``ctx.sample`` asks the client's model for."""

    messages: tuple[Message, ...]
    max_tokens: int = 512
    system: str | None = None
    temperature: float | None = None
    stop: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)


class Sampled(BaseModel):
    """The client model's answer to ``ctx.sample``."""

    model_config = ConfigDict(frozen=True)

    role: Literal["user", "assistant"] = "assistant"
    content: Content
    model: str
    stop_reason: str | None = None

    @property
    def text(self) -> str | None:
        """The answer's text, for a text answer."""
        content = self.content
        return content.text if content.type == "text" else None


class Elicitation(BaseModel, Generic[M]):
    """The user's answer to ``ctx.elicit``: ``accept`` with ``data`` (validated into the
    model), ``decline`` or ``cancel`` (no data)."""

    model_config = ConfigDict(frozen=True)

    action: Literal["accept", "decline", "cancel"]
    data: M | None = None

    @property
    def accepted(self) -> bool:
        return self.action == "accept"


class ClientServices(Protocol):
    """What the caller's transport can do for a running capability."""

    async def log(self, level: LogLevel, message: str, data: dict[str, Any]) -> None: ...

    async def progress(self, done: float, total: float | None, message: str | None) -> None: ...

    async def sample(self, request: SampleRequest) -> Sampled: ...

    async def elicit(self, message: str, schema: type[M]) -> Elicitation[M]: ...


class _NoClient:
    """The services of a caller that is not an MCP client."""

    async def log(self, level: LogLevel, message: str, data: dict[str, Any]) -> None:
        capability_log.log(_PYTHON_LEVELS[level], "%s %s", message, data or "")

    async def progress(self, done: float, total: float | None, message: str | None) -> None:
        return None

    async def sample(self, request: SampleRequest) -> Sampled:
        raise _no_client("ctx.sample", "sampling")

    async def elicit(self, message: str, schema: type[M]) -> Elicitation[M]:
        raise _no_client("ctx.elicit", "elicitation")


def _no_client(call: str, feature: str) -> UnavailableError:
    return UnavailableError(
        f"{call}: this call did not come from an MCP client, so there is nobody to ask; call "
        f"the capability as an MCP tool from a client that supports {feature}, or catch "
        "UnavailableError and go on without it",
        details={"feature": feature},
    )


NO_CLIENT: ClientServices = _NoClient()

_KEY = "_services"  # in the context's private attributes: copied by child(), never serialised


def attach_services(ctx: Context, services: ClientServices) -> None:
    """Give the capabilities that run under ``ctx`` (and its children) these services."""
    set_private(ctx, _KEY, services)


def services_of(ctx: Context) -> ClientServices:
    """The services attached to ``ctx``, or :data:`NO_CLIENT`."""
    private = ctx.__pydantic_private__  # a read: contexts built without it have no entry
    found = private.get(_KEY) if private is not None else None
    return NO_CLIENT if found is None else found


def messages_for_sampling(
    messages: str | Message | ContentBlock | Sequence[Any],
) -> tuple[Message, ...]:
    """``ctx.sample``'s ``messages`` as :class:`Message` s (a ``str`` or block is one user
    message)."""
    items = (
        messages if isinstance(messages, Sequence) and not isinstance(messages, str) else [messages]
    )
    out: list[Message] = []
    for item in items:
        if isinstance(item, Message):
            out.append(item)
        elif isinstance(item, (str, ContentBlock)):
            out.append(Message(item))
        else:
            raise TypeError(
                f"ctx.sample: message {item!r:.60} is not a str, a content block or a Message"
            )
    if not out:
        raise ValueError("ctx.sample: messages must not be empty")
    return tuple(out)

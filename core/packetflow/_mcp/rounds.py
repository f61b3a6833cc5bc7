"""Sampling and elicitation on 2026-07-28: multi-round-trip tool calls (SEP-2322).

That protocol has no requests from server to client. A tool that needs the client's model or
user answers ``InputRequiredResult`` instead — the requests and an opaque ``request_state`` —
and the client calls the tool again with the answers (the SDK client does this by itself).

PacketFlow keeps the capability running across those rounds, so its code runs once: a
2026-07-28 call to a tool whose capability takes a context runs in the server's nursery; when
it awaits ``ctx.sample`` or ``ctx.elicit``, the requests waiting at that moment go back as one
``InputRequiredResult``, and the retry hands them their answers and waits for the next round
or the result. Log lines and progress go out on the round in flight.

Bounds: at most ``max_calls`` calls between rounds (beyond: E429; finished calls whose result
nobody fetched go first); a capability waits for an answer at most its own deadline or
:data:`~packetflow._mcp.services.CLIENT_WAIT` (E408), after which its call ends.
``request_state`` is an unguessable token, valid for the caller that started the call only.
A client that cancels a round cancels the capability.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import trio
from mcp.shared.exceptions import MCPError
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    CreateMessageRequest,
    CreateMessageResult,
    ElicitRequest,
    ElicitRequestFormParams,
    ElicitResult,
    InputRequest,
    InputRequiredResult,
)
from pydantic import BaseModel, ValidationError

from .._services import Elicitation, LogLevel, Sampled, SampleRequest
from ..errors import RateLimitedError
from .content import block_from_mcp
from .elicitation import form_schema
from .services import (
    ELICITATION,
    SAMPLING,
    McpServices,
    client_wait,
    elicitation_failed,
    elicitation_of,
    sampling_failed,
    sampling_params,
)

__all__ = ["InputRounds", "RoundServices"]

M = TypeVar("M", bound=BaseModel)

Runner = Callable[["RoundServices"], Awaitable[CallToolResult]]


class _Slot:
    __slots__ = ("answer", "event")

    def __init__(self) -> None:
        self.event = trio.Event()
        self.answer: Any = None


class _Call:
    """One tool call between rounds."""

    def __init__(self, token: str, owner: str | None, services: McpServices) -> None:
        self.token = token
        self.owner = owner
        self.current = services  # the round in flight: log lines and progress go there
        self.asked: dict[str, InputRequest] = {}  # not yet sent to the client
        self.waiting: dict[str, _Slot] = {}  # sent, not yet answered
        self.changed = trio.Event()
        self.result: CallToolResult | None = None
        self.scope = trio.CancelScope()
        self.seq = 0

    async def ask(self, request: InputRequest, call: str) -> Any:
        self.seq += 1
        key = f"{request.method.split('/')[0]}-{self.seq}"
        slot = self.waiting[key] = _Slot()
        self.asked[key] = request
        self.changed.set()
        try:
            with client_wait(call, self.current.tool):
                await slot.event.wait()
        finally:
            self.waiting.pop(key, None)
            self.asked.pop(key, None)
        return slot.answer


class RoundServices:
    """The client services of a call that spans rounds."""

    __slots__ = ("_call",)

    def __init__(self, call: _Call) -> None:
        self._call = call

    async def log(self, level: LogLevel, message: str, data: dict[str, Any]) -> None:
        await self._call.current.log(level, message, data)

    async def progress(self, done: float, total: float | None, message: str | None) -> None:
        await self._call.current.progress(done, total, message)

    async def sample(self, request: SampleRequest) -> Sampled:
        call = self._call
        call.current.require_declared(SAMPLING, "sampling", "ctx.sample")
        ask = CreateMessageRequest(params=sampling_params(request))
        answer = await call.ask(ask, "ctx.sample")
        try:
            result = CreateMessageResult.model_validate(_dumped(answer))
            content = block_from_mcp(result.content)
        except (ValidationError, TypeError) as exc:
            raise sampling_failed(call.current.tool, exc) from exc
        return Sampled(
            role=result.role, content=content, model=result.model, stop_reason=result.stop_reason
        )

    async def elicit(self, message: str, schema: type[M]) -> Elicitation[M]:
        call = self._call
        call.current.require_declared(ELICITATION, "elicitation", "ctx.elicit")
        params = ElicitRequestFormParams(message=message, requested_schema=form_schema(schema))
        answer = await call.ask(ElicitRequest(params=params), "ctx.elicit")
        try:
            result = ElicitResult.model_validate(_dumped(answer))
        except ValidationError as exc:
            raise elicitation_failed(call.current.tool, exc) from exc
        return elicitation_of(schema, result, call.current.tool)


class InputRounds:
    """The calls between rounds, and the tasks running them.

    Args:
        max_calls: calls between rounds at once (beyond: E429).
    """

    def __init__(self, *, max_calls: int = 256) -> None:
        self.max_calls = max_calls
        self._calls: dict[str, _Call] = {}
        self._nursery: trio.Nursery | None = None

    def __len__(self) -> int:
        return len(self._calls)

    @property
    def serving(self) -> bool:
        return self._nursery is not None

    async def serve(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        """Run the calls' tasks until cancelled."""
        async with trio.open_nursery() as nursery:
            self._nursery = nursery
            try:
                task_status.started()
                await trio.sleep_forever()
            finally:
                self._nursery = None
                self._calls.clear()
                nursery.cancel_scope.cancel()

    async def start(
        self, run: Runner, services: McpServices, owner: str | None
    ) -> CallToolResult | InputRequiredResult:
        """Run a call; its result, or the first round of input it needs.

        Raises:
            RateLimitedError: E429, ``max_calls`` calls are between rounds.
        """
        nursery = self._nursery
        assert nursery is not None, "start() needs serve() running"
        if len(self._calls) >= self.max_calls:
            self._evict()
        call = _Call(secrets.token_urlsafe(24), owner, services)
        self._calls[call.token] = call
        nursery.start_soon(self._run, call, run)
        return await self._round(call)

    async def resume(
        self, token: str, answers: dict[str, Any] | None, services: McpServices, owner: str | None
    ) -> CallToolResult | InputRequiredResult:
        """Hand a call the client's answers; its result, or the next round.

        Raises:
            MCPError: -32602 for a ``request_state`` that is unknown, expired or another
                caller's.
        """
        call = self._calls.get(token)
        if call is None or call.owner != owner or call.current.tool != services.tool:
            raise MCPError(
                INVALID_PARAMS,
                "requestState is unknown or expired (the call ended, or waited too long for "
                "the answers); call the tool again",
            )
        call.current = services
        for key, answer in (answers or {}).items():
            slot = call.waiting.get(key)
            if slot is not None and not slot.event.is_set():
                slot.answer = answer
                slot.event.set()
        return await self._round(call)

    async def _run(self, call: _Call, run: Runner) -> None:
        try:
            with call.scope:
                call.result = await run(RoundServices(call))
        finally:
            call.changed.set()
            if call.result is None:  # cancelled: nothing left to fetch
                self._calls.pop(call.token, None)

    async def _round(self, call: _Call) -> CallToolResult | InputRequiredResult:
        try:
            while True:
                if call.result is not None:
                    self._calls.pop(call.token, None)
                    return call.result
                if call.asked:
                    requests = dict(call.asked)
                    call.asked.clear()
                    return InputRequiredResult(input_requests=requests, request_state=call.token)
                if call.token not in self._calls:  # cancelled while we waited
                    raise MCPError(INVALID_PARAMS, "the call was cancelled")
                await call.changed.wait()
                call.changed = trio.Event()
        except trio.Cancelled:
            call.scope.cancel()  # the client gave up this round: the capability stops too
            self._calls.pop(call.token, None)
            raise

    def _evict(self) -> None:
        finished = [token for token, call in self._calls.items() if call.result is not None]
        if not finished:
            raise RateLimitedError(
                f"tool calls awaiting the client's input: limit of {self.max_calls} reached; "
                "answer or abandon some first",
                retry_after_ms=1000,
            )
        del self._calls[finished[0]]


def _dumped(answer: Any) -> Any:
    if isinstance(answer, BaseModel):
        return answer.model_dump(by_alias=True, exclude_none=True)
    return answer

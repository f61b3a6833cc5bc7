"""One live actor: its instance, metadata and — only while it has work — its mailbox and worker.

An idle live actor is just this object and its state: no task, no channel (so thousands of
idle actors cost little). The first message creates a bounded trio memory channel (the
mailbox) and starts a worker, a transient child of the actor system's supervisor; the worker
handles one message at a time and ends when the mailbox is empty.

For every message the worker runs ``handle``, commits the new state (and the log entry) to
the store, and only then replies. When ``handle`` raises, the sender gets the error and the
actor goes back to its last committed state: a :class:`~packetflow.errors.PacketFlowError` is
a deliberate refusal (passed through as is); any other exception is a crash (E500) and the
worker is restarted by the supervisor, unless the actor crashed more than ``max_restarts``
times within ``restart_period`` — then it is ``failed`` and its senders get E503.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import trio
from pydantic import BaseModel

from .._context import Context
from .._lowlevel import dump_json, maybe_buffered
from ..errors import (
    DeadlineExceededError,
    ExecutionFailedError,
    PacketFlowError,
    RateLimitedError,
    UnavailableError,
)
from .actor import Actor, ActorType
from .reply import Reply
from .store import ActorRecord, ActorStore, Commit, HistoryEntry, StoreError

CommitListener: TypeAlias = "Callable[[str, str], None]"
"""``listener(actor type, actor_id)``, called after each committed message or tick."""

if TYPE_CHECKING:
    from .._supervisor import Child, Supervisor

__all__ = ["ActorCell", "CellStatus", "Item"]

log = logging.getLogger("packetflow.actors")

CellStatus: TypeAlias = Literal["idle", "active", "restarting", "stopping", "failed"]

Item: TypeAlias = tuple[bool, Any, Context, Reply | None]
"""A mailbox item: (is a tick, message, context, reply slot or None for ticks)."""

LINGER_ROUNDS = 2
"""Scheduling rounds a worker waits on an empty mailbox before it ends."""

_dumps = partial(json.dumps, separators=(",", ":"), default=str)


class ActorCell:
    """A live actor (see the module docstring)."""

    __slots__ = (
        "actor_id",
        "child",
        "committed",
        "crashes",
        "created_at",
        "dirty",
        "idle_timeout",
        "inbox",
        "instance",
        "last_active",
        "last_message_at",
        "mailbox",
        "message_count",
        "next_seq",
        "owner",
        "status",
        "store",
        "type",
    )

    def __init__(
        self,
        atype: ActorType,
        store: ActorStore,
        instance: Actor[Any],
        record: ActorRecord | None,
        owner: str | None,
        idle_timeout: float | None,
        committed: list[CommitListener] | None = None,
    ) -> None:
        self.type = atype
        # Told (type name, actor id) after every commit: the system's listeners (MCP resource
        # subscriptions follow actor state this way).
        self.committed: list[CommitListener] = [] if committed is None else committed
        self.store = store
        self.actor_id = instance.actor_id
        self.instance = instance
        if record is None:
            self.created_at = time.time()
            self.last_message_at: float | None = None
            self.message_count = 0
            self.next_seq = 1
            self.owner = owner
        else:
            self._restore_metadata(record)
        self.status: CellStatus = "idle"
        self.mailbox: trio.MemorySendChannel[Item] | None = None
        self.inbox: trio.MemoryReceiveChannel[Item] | None = None
        self.child: Child | None = None  # the worker, while there is one
        self.crashes: list[float] | None = None
        self.dirty = False  # the instance may hold uncommitted changes: reload before use
        self.idle_timeout = idle_timeout
        self.last_active = trio.current_time()

    def __repr__(self) -> str:
        return f"<ActorCell {self.type.name!r}/{self.actor_id!r} {self.status}>"

    def _restore_metadata(self, record: ActorRecord) -> None:
        self.created_at = record.created_at
        self.last_message_at = record.last_message_at
        self.message_count = record.message_count
        self.next_seq = record.next_seq
        self.owner = record.owner

    # -- sending -------------------------------------------------------------------------------

    def deliver(self, item: Item, workers: Supervisor) -> None:
        """Queue ``item``, starting the mailbox and a worker if the actor has none.

        The worker ends soon after the mailbox runs empty (see :meth:`_next`): a busy
        actor keeps one worker, an idle one has no task and no channel.

        Raises:
            UnavailableError: E503, the actor is ``failed`` or stopping.
            RateLimitedError: E429, the mailbox is full.
        """
        if self.status == "failed" or self.status == "stopping":
            raise self._unavailable()
        mailbox = self.mailbox
        if mailbox is None:
            mailbox, self.inbox = trio.open_memory_channel[Item](self.type.mailbox_size)
            self.mailbox = mailbox
            name = f"{self.type.name}/{self.actor_id}"
            self.child = workers.start_child(
                name, partial(self._serve, workers, name), restart="transient"
            )
        try:
            mailbox.send_nowait(item)
        except trio.WouldBlock:
            raise RateLimitedError(
                f"{self.type.subject} {self.actor_id!r}: mailbox full "
                f"({self.type.mailbox_size} messages waiting); retry later",
                retry_after_ms=100,
            ) from None
        if self.status == "idle":
            self.status = "active"

    def close_mailbox(self) -> None:
        """Take no more messages; a waiting worker handles what is queued, then ends."""
        if self.mailbox is not None:
            self.mailbox.close()

    def _unavailable(self) -> UnavailableError:
        if self.status == "failed":
            return UnavailableError(
                f"{self.type.subject} {self.actor_id!r} is failed: it crashed more than "
                f"{self.type.max_restarts} times in {self.type.restart_period:g}s; stop it "
                "(node.actors.stop) to reset it",
                details={"status": "failed"},
            )
        return UnavailableError(
            f"{self.type.subject} {self.actor_id!r} is stopping", retry_after_ms=100
        )

    # -- the worker ----------------------------------------------------------------------------

    async def _serve(self, workers: Supervisor, name: str) -> None:
        restart = False
        try:
            if self.dirty:
                await self.reload()
            if self.status == "restarting":
                self.status = "active"
            while (item := await self._next()) is not None:
                await self._process(item)
        except Exception:
            if self.status == "active":
                self.status = "restarting"
                restart = True
                raise  # the supervisor logs it and restarts this worker
            # failed (too many crashes) or stopping: end here, no restart
        except BaseException:
            # Cancelled: the node is stopping or the actor system is restarting.
            self.dirty = True
            if self.status != "failed" and self.status != "stopping":
                self.status = "idle"
            raise
        finally:
            if not restart:
                self.abandon(
                    self._unavailable()
                    if self.status in ("failed", "stopping")
                    else UnavailableError(f"{self.type.subject} {self.actor_id!r} was cancelled")
                )
                self.child = None
                workers.children.pop(name, None)  # the supervisor's table: live workers only
        if self.status != "failed" and self.status != "stopping":
            self.status = "idle"

    async def _next(self) -> Item | None:
        """The next message, or ``None`` when the worker should end: the mailbox stayed
        empty for ``LINGER_ROUNDS`` scheduling rounds, was closed, or the actor is stopping
        or failed.

        Lingering a couple of rounds (not seconds) lets a sender awaiting each reply in a loop
        reuse this worker, while an actor that went quiet has no task left almost at once.
        """
        inbox = self.inbox
        if inbox is None:
            return None
        rounds = LINGER_ROUNDS
        while inbox is self.inbox and (self.status == "active" or self.status == "idle"):
            if maybe_buffered(inbox):  # usually empty here: skip the WouldBlock it would raise
                try:
                    return inbox.receive_nowait()
                except trio.WouldBlock:
                    pass
                except trio.EndOfChannel:
                    return None
            if not rounds:
                return None
            rounds -= 1
            self.status = "idle"
            await trio.lowlevel.checkpoint()
        return None

    def abandon(self, error: PacketFlowError) -> None:
        """Fail every queued message with ``error`` and drop the mailbox."""
        inbox, self.mailbox, self.inbox = self.inbox, None, None
        if inbox is None:
            return
        while True:
            try:
                reply = inbox.receive_nowait()[3]
            except (trio.WouldBlock, trio.EndOfChannel, trio.ClosedResourceError):
                break
            if reply is not None:
                reply.fail(error)
        inbox.close()

    async def _process(self, item: Item) -> None:
        is_tick, msg, ctx, reply = item
        if reply is not None and reply.abandoned:
            return  # the sender gave up before we started: nobody to answer
        try:
            await self._apply(is_tick, msg, ctx, reply)
        except BaseException:
            # Cancelled mid-message (node stopping): it was not acknowledged, and says so.
            if reply is not None:
                reply.fail(
                    UnavailableError(
                        f"{self.type.subject} {self.actor_id!r}: the node stopped before the "
                        "message was applied",
                        retry_after_ms=1000,
                    )
                )
            raise

    async def _apply(self, is_tick: bool, msg: Any, ctx: Context, reply: Reply | None) -> None:
        """Handle, commit, reply: the reply never goes out before the commit."""
        atype = self.type
        try:
            if is_tick:
                await self.instance.tick(ctx)
                result, out = None, {}
            else:
                result = await self._handle(msg, ctx)
                out = atype.contract.dump_output(result, atype.subject)
            commit = self._commit(is_tick, msg, result, out, ctx)
        except PacketFlowError as exc:
            # A deliberate refusal (or a reply breaking the contract): the sender gets it as
            # is and the actor forgets whatever handle changed.
            if reply is not None:
                reply.fail(exc)
            await self.reload()
            return
        except Exception as exc:
            self._crashed(exc, reply, ctx)
            raise
        try:
            await self.store.commit(commit)
        except StoreError as exc:
            if reply is not None:
                reply.fail(
                    UnavailableError(
                        f"{atype.subject} {self.actor_id!r}: the state could not be saved "
                        "(see the node log); the message was not applied",
                        retry_after_ms=1000,
                    )
                )
            self._crashed(exc, None, ctx)
            raise
        for listener in self.committed:
            listener(atype.name, self.actor_id)
        if reply is not None:
            reply.set(out)
        if not is_tick:
            self.last_active = trio.current_time()

    async def _handle(self, msg: Any, ctx: Context) -> Any:
        atype = self.type
        if atype.timeout is None:
            return await self.instance.handle(msg, ctx)
        with trio.move_on_after(atype.timeout):
            return await self.instance.handle(msg, ctx)
        raise DeadlineExceededError(
            f"{atype.subject} {self.actor_id!r}: handle took more than {atype.timeout:g}s",
            details={"timeout_s": atype.timeout},
        )

    def _commit(
        self, is_tick: bool, msg: Any, result: Any, out: dict[str, Any], ctx: Context
    ) -> Commit:
        atype = self.type
        entry = None
        if not is_tick:
            now = time.time()
            self.message_count += 1
            self.last_message_at = now
            if atype.history != 0:
                message = dump_json(msg) if isinstance(msg, BaseModel) else _dumps(msg)
                # A reply that is its output model dumps itself faster than json.dumps.
                reply = (
                    dump_json(result)
                    if type(result) is atype.contract.output_model
                    else _dumps(out)
                )
                entry = HistoryEntry(self.next_seq, now, message, reply, ctx.user_id)
                self.next_seq += 1
        record = ActorRecord(
            atype.name, self.actor_id, dump_json(self.instance.state), self.created_at,
            self.last_message_at, self.message_count, self.owner, False, self.next_seq,
        )  # fmt: skip
        return Commit(record, entry, atype.history)

    def _crashed(self, exc: Exception, reply: Reply | None, ctx: Context) -> None:
        atype = self.type
        self.dirty = True
        if reply is not None:
            error = ExecutionFailedError(
                f"{atype.subject} {self.actor_id!r} failed; the cause is in the node log under "
                f"trace_id {ctx.trace_id}",
                details={"trace_id": ctx.trace_id, "actor_id": self.actor_id},
            )
            error.__cause__ = exc
            reply.fail(error)
        now = trio.current_time()
        crashes = [t for t in (self.crashes or ()) if now - t <= atype.restart_period]
        crashes.append(now)
        self.crashes = crashes
        if len(crashes) > atype.max_restarts:
            self.status = "failed"
            log.error(
                "%s %r failed: %d crashes within %gs (trace_id=%s)",
                atype.subject, self.actor_id, len(crashes), atype.restart_period, ctx.trace_id,
                exc_info=exc,
            )  # fmt: skip
            self.abandon(self._unavailable())

    async def reload(self) -> None:
        """Go back to the last committed state (or the initial one if nothing was committed)."""
        atype = self.type
        record = await self.store.load(atype.name, self.actor_id)
        state = None if record is None else atype.state_model.model_validate_json(record.state)
        self.instance = atype.instance(self.actor_id, state)
        if record is not None:
            self._restore_metadata(record)
        else:
            self.message_count, self.last_message_at, self.next_seq = 0, None, 1
        self.dirty = False

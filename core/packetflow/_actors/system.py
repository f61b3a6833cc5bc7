"""``node.actors``: the actor types and live actors of one node.

Messages reach actors through ``node.dispatch`` as ``actor_message`` requests — from the wire,
MCP or :meth:`ActorSystem.send` alike — so the module chain sees every one of them (with its
``actor_id``). The request handler validates the message against the actor's contract, finds
or creates the live actor (:class:`~packetflow._actors.cell.ActorCell`) and waits for its
reply.

Supervision tree: the actor system runs as a permanent child (``actors``) of the node's
supervisor; inside it, its own :class:`~packetflow._supervisor.Supervisor` restarts crashed
actor workers (transient children). Each actor also has its own crash budget
(``max_restarts`` in ``restart_period``), so an actor crashing in a loop ends ``failed``
without using up the restart budget of its neighbours; a crash storm across many actors
exceeds the actor supervisor's intensity, which escalates and restarts the whole actor system.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

import trio
from pydantic import BaseModel

from .._context import Context
from .._supervisor import Child, Supervisor
from .._wire.messages import ActorMessage, ActorOptions
from ..errors import (
    ConflictError,
    DeadlineExceededError,
    MalformedError,
    NotFoundError,
    RateLimitedError,
    UnavailableError,
)
from .actor import ActorType, actor_type
from .cell import ActorCell, CommitListener
from .info import ActorInfo
from .memory_store import MemoryStore
from .passivation import Passivation
from .queries import ActorQueries
from .reply import Reply
from .request import CREATE, NO_CREATE, actor_message
from .roster import Roster
from .statistics import ActorSystemStatistics
from .store import ActorStore
from .stores import Stores

if TYPE_CHECKING:
    from .host import ActorNode

__all__ = ["ActorSystem"]

log = logging.getLogger("packetflow.actors")


class ActorSystem:
    """The actor registry of a node (``node.actors``).

    Attributes:
        max_actors: live actors this node holds at most; creating one more is E429.
        max_actors_per_user: live actors created by one ``user_id`` at most (E429).
        drain_timeout: seconds the node waits, when stopping, for actors to finish the
            messages already in their mailboxes.
        worker_max_restarts / worker_restart_period: the intensity of the supervisor of all
            actor workers of the node (a crash storm across actors); beyond it the whole actor
            system restarts under the node's supervisor. Each actor's own budget is
            ``max_restarts`` / ``restart_period`` of its ``@actor``.
    """

    worker_max_restarts = 1000
    worker_restart_period = 10.0

    def __init__(
        self,
        node: ActorNode,
        *,
        max_actors: int = 100_000,
        max_actors_per_user: int = 10_000,
        drain_timeout: float = 5.0,
    ) -> None:
        self._node = node
        self.drain_timeout = drain_timeout
        self._types: dict[str, ActorType] = {}
        self._live = Roster(node.name, max_actors, max_actors_per_user)
        self._passivation = Passivation(self._live)
        self._stores = Stores(node.name, node.data_dir)
        self._nursery: trio.Nursery | None = None
        self._workers: Supervisor | None = None
        self._runner: Child | None = None
        self._closing = False
        self._admin_registered = False
        self._committed: list[CommitListener] = []  # shared with every cell
        self._queries = ActorQueries(self._types, self._type, self._store, self._live)
        node.add_request_handler("actor_message", self.handle_request)

    def __repr__(self) -> str:
        return f"<ActorSystem types={sorted(self._types)} live={len(self._live)}>"

    def on_commit(self, listener: CommitListener) -> Callable[[], None]:
        """Call ``listener(actor type, actor_id)`` after every committed message or tick (the
        new state is durable by then); returns the function that stops it. Listeners run in
        the actor's task, so they must not block (MCP resource subscriptions hand the news to
        their own tasks)."""
        self._committed.append(listener)

        def remove() -> None:
            if listener in self._committed:
                self._committed.remove(listener)

        return remove

    def __len__(self) -> int:
        """How many actors are live (in memory) on this node."""
        return len(self._live)

    @property
    def max_actors(self) -> int:
        return self._live.max_actors

    @max_actors.setter
    def max_actors(self, value: int) -> None:
        self._live.max_actors = value

    @property
    def max_passivated_memory(self) -> int:
        """Passivated ``persistence="memory"`` actors remembered at most (default 10,000);
        beyond it the one passivated longest ago is forgotten, as if stopped."""
        return self._stores.memory.max_passivated

    @max_passivated_memory.setter
    def max_passivated_memory(self, value: int) -> None:
        self._stores.memory.max_passivated = value

    @property
    def max_actors_per_user(self) -> int:
        return self._live.max_actors_per_user

    @max_actors_per_user.setter
    def max_actors_per_user(self, value: int) -> None:
        self._live.max_actors_per_user = value

    # -- registration ----------------------------------------------------------------------

    def register(self, cls: object) -> ActorType:
        """Register an ``@actor`` class (``node.register`` calls this for actor classes).

        Raises:
            ConflictError: E409 when the name is taken by a capability or another actor.
        """
        atype = actor_type(cls)
        if atype is None:
            raise TypeError(f"cannot register {cls!r}: decorate it with @packetflow.actor")
        if atype.name in self._types:
            raise ConflictError(f"actor {atype.name!r} is already registered")
        self._node.registry.add(atype.capability)  # E409 if a capability has the name
        self._types[atype.name] = atype
        self._live.add_type(atype)
        self._stores.prepare(atype)
        if atype.tick_interval is not None and self._nursery is not None:
            self._nursery.start_soon(self._tick, atype)
        if not self._admin_registered:
            from .admin import admin_capabilities

            self._node.register(admin_capabilities(self))
            self._admin_registered = True
        return atype

    def add_store(self, store: ActorStore) -> None:
        """Serve ``persistence=store.name`` from ``store`` (e.g. a cluster store, or SQLite
        with other options); add it before the node starts."""
        if self._nursery is not None:
            raise RuntimeError("add actor stores before the node starts")
        self._stores.add(store)

    def types(self) -> builtins.list[ActorType]:
        """The registered actor types, by name."""
        return [self._types[name] for name in sorted(self._types)]

    def _type(self, capability: str | None) -> ActorType:
        atype = self._types.get(capability or "")
        if atype is None:
            known = ", ".join(sorted(self._types)) or "none"
            raise NotFoundError(
                f"actor {capability!r} is not registered on node {self._node.name!r} "
                f"(actors: {known}); register the class with node.register"
            )
        return atype

    # -- lifecycle (a node Component) ------------------------------------------------------

    async def open(self, node: ActorNode, nursery: trio.Nursery) -> None:
        self._closing = False
        ready = trio.Event()
        self._runner = node.supervisor.start_child(
            "actors", partial(self._serve, ready), restart="permanent"
        )
        await ready.wait()

    async def _serve(self, ready: trio.Event) -> None:
        try:
            async with trio.open_nursery() as nursery:
                self._nursery = nursery
                self._workers = Supervisor(
                    "actors", nursery, max_restarts=self.worker_max_restarts,
                    period=self.worker_restart_period, escalate=True,
                )  # fmt: skip
                self._stores.forget_opened()  # their writer tasks died with the old nursery
                nursery.start_soon(self._passivation.sweep)
                for atype in self._types.values():
                    if atype.tick_interval is not None:
                        nursery.start_soon(self._tick, atype)
                ready.set()
                await trio.sleep_forever()
        finally:
            self._nursery = None
            self._workers = None
            self._abandon_all(f"node {self._node.name!r}: the actor system is restarting")

    async def close(self) -> None:
        """Let live actors finish what is in their mailboxes (within ``drain_timeout``), then
        fail the rest, flush and close the stores."""
        self._closing = True
        for cell in self._live:
            cell.close_mailbox()  # workers finish what is queued, then end
        with trio.move_on_after(self.drain_timeout):
            for cell in list(self._live):
                if cell.child is not None:
                    await cell.child.wait_stopped()
        self._abandon_all(f"node {self._node.name!r} is stopping")
        if self._runner is not None:  # workers still busy past the drain timeout end here
            self._runner.cancel()
            await self._runner.wait_stopped()
            self._runner = None
        await self._stores.close()
        for cell in list(self._live):
            self._passivation.passivate(cell)

    def _abandon_all(self, reason: str) -> None:
        error = UnavailableError(reason, retry_after_ms=1000)
        for cell in self._live:
            if cell.mailbox is not None:
                cell.abandon(error)
                cell.child = None
                cell.dirty = True
                if cell.status != "failed":
                    cell.status = "idle"

    async def _store(self, atype: ActorType) -> ActorStore:
        return await self._stores.get(atype, None if self._closing else self._nursery)

    # -- messages --------------------------------------------------------------------------

    async def send(
        self,
        capability: str,
        actor_id: str,
        message: Mapping[str, Any] | BaseModel | None = None,
        *,
        create_if_missing: bool = True,
        context: Context | Mapping[str, Any] | None = None,
        timeout: float | None = None,
        idle_timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send ``message`` to actor ``(capability, actor_id)`` and return its reply.

        The message goes through ``node.dispatch`` as an ``actor_message``, so modules see it.

        Args:
            create_if_missing: create the actor (or resume a stopped one) if needed; when
                false, an unknown actor is E404.
            context: who is sending (``user_id`` owns a created actor), trace id...
            timeout: seconds to wait for the reply (E408; the message may still be handled).
            idle_timeout: overrides the type's idle timeout for an actor created now.

        Raises:
            PacketFlowError: E404 unknown actor, E422 contract, E429 mailbox full or too many
                actors, E500 the actor crashed, E503 failed actor or stopping node, E408.
        """
        if isinstance(message, BaseModel):
            payload: Any = message.model_dump()
        else:
            payload = {} if message is None else message
        if idle_timeout is None:
            options = CREATE if create_if_missing else NO_CREATE
        else:
            options = ActorOptions(create_if_missing=create_if_missing, idle_timeout_s=idle_timeout)
        ctx = Context.create(context, self._node)
        request = actor_message(capability, actor_id, payload, ctx, options)
        return await self._node.dispatch_payload(request, ctx, timeout=timeout)

    async def handle_request(
        self, request: ActorMessage, ctx: Context, timeout: float | None
    ) -> dict[str, Any]:
        """The node's handler for ``actor_message`` requests (after the module chain)."""
        atype = self._type(request.capability_id)
        if atype.authorize is not None:
            atype.capability.check_authorized(ctx)
        msg = atype.contract.parse_input(request.payload, atype.subject)
        cell = self._live.get(atype.name, request.actor_id)
        if cell is None:
            cell = await self._activate(atype, request.actor_id, request.actor_options, ctx)
        workers = self._workers
        if workers is None or self._closing:
            raise UnavailableError(
                f"node {self._node.name!r}: actors are stopping", retry_after_ms=1000
            )
        reply = Reply()
        cell.deliver((False, msg, ctx, reply), workers)
        result: dict[str, Any]
        if timeout is None:
            result = await reply.wait()
            return result
        with trio.move_on_after(timeout):
            result = await reply.wait()
            return result
        raise DeadlineExceededError(
            f"{atype.subject} {request.actor_id!r}: no reply within {timeout:g}s",
            details={"timeout_s": timeout},
        )

    async def _activate(
        self, atype: ActorType, actor_id: str, options: ActorOptions, ctx: Context
    ) -> ActorCell:
        if self._closing or self._workers is None:
            raise UnavailableError(
                f"node {self._node.name!r}: actors are not running", retry_after_ms=1000
            )
        if options.persistence is not None and options.persistence != atype.persistence:
            raise MalformedError(
                f"actor_options.persistence {options.persistence!r} does not match "
                f"{atype.subject} (persistence {atype.persistence!r}); omit it or fix it"
            )
        store = await self._store(atype)
        record = await store.load(atype.name, actor_id)
        cell = self._live.get(atype.name, actor_id)
        if cell is not None:  # another sender activated it while we were loading
            return cell
        if (record is None or record.stopped) and not options.create_if_missing:
            raise NotFoundError(
                f"{atype.subject} {actor_id!r} does not exist"
                + (" (stopped)" if record is not None else "")
                + "; send with create_if_missing=True to create it"
            )
        owner = record.owner if record is not None else ctx.user_id
        self._live.admit(owner)
        state = None if record is None else atype.state_model.model_validate_json(record.state)
        idle_timeout = atype.idle_timeout
        if options.idle_timeout_s is not None:
            idle_timeout = options.idle_timeout_s
        cell = ActorCell(
            atype, store, atype.instance(actor_id, state), record, owner, idle_timeout,
            self._committed,
        )  # fmt: skip
        self._live.add(cell)
        if isinstance(store, MemoryStore):
            store.activated(atype.name, actor_id)  # live: its record is not evictable
        return cell

    # -- passivation and ticks -------------------------------------------------------------

    def passivate_idle(self) -> int:
        """Passivate every idle actor past its ``idle_timeout``; returns how many.

        Passivating is forgetting the live actor: its state is already committed, and the
        next message restores it from the store. Runs periodically on its own."""
        return self._passivation.idle()

    async def _tick(self, atype: ActorType) -> None:
        assert atype.tick_interval is not None
        while True:
            await trio.sleep(atype.tick_interval)
            workers = self._workers
            if workers is None or self._closing:
                continue
            ctx = Context.create(None, self._node)
            for cell in self._live.of_type(atype.name):
                # A busy actor whose mailbox is full skips this tick; the next one comes.
                if cell.status in ("idle", "active"):
                    with contextlib.suppress(RateLimitedError, UnavailableError):
                        cell.deliver((True, None, ctx, None), workers)

    # -- inspection and control ------------------------------------------------------------

    async def get_state(self, capability: str, actor_id: str) -> BaseModel:
        """The actor's last committed state (a copy).

        Raises:
            NotFoundError: E404 for an unknown, never-committed or stopped actor.
        """
        return await self._queries.get_state(capability, actor_id)

    async def list(
        self, capability: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> builtins.list[ActorInfo]:
        """Actors (live and persisted) with their metadata, ordered by capability and id."""
        return await self._queries.list(capability, limit=limit, offset=offset)

    async def stop(self, capability: str, actor_id: str, reason: str = "stopped") -> None:
        """Stop an actor: the message being handled finishes, queued ones get E503, then it
        leaves memory. Durable state is kept (a later message with ``create_if_missing``
        resumes it); ``memory`` actors are forgotten.

        Raises:
            NotFoundError: E404 if the actor does not exist or is already stopped.
        """
        atype = self._type(capability)
        store = await self._store(atype)
        cell = self._live.get(atype.name, actor_id)
        if cell is None:
            record = await store.load(atype.name, actor_id)
            if record is None or record.stopped:
                raise NotFoundError(f"{atype.subject} {actor_id!r} is not running")
        else:
            cell.status = "stopping"
            cell.close_mailbox()
            child = cell.child
            if child is not None:
                with trio.move_on_after(self.drain_timeout):
                    await child.wait_stopped()
                child.cancel()
                await child.wait_stopped()
            cell.abandon(UnavailableError(f"{atype.subject} {actor_id!r} was stopped: {reason}"))
            self._live.forget(cell)
        await store.mark_stopped(atype.name, actor_id, reason)
        log.info("%s %r stopped: %s", atype.subject, actor_id, reason)

    async def history(
        self,
        capability: str,
        actor_id: str,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """A page of the actor's conversation log, oldest first: the newest ``limit``
        entries with ``seq < before`` / ``seq > after``. Page back with
        ``before=page[0]["seq"]``."""
        return await self._queries.history(
            capability, actor_id, limit=limit, before=before, after=after
        )

    async def search(
        self,
        query: str,
        *,
        capability: str | None = None,
        actor_id: str | None = None,
        limit: int = 20,
    ) -> builtins.list[dict[str, Any]]:
        """Full-text search over conversation logs: every word and every ``"quoted phrase"``
        of ``query`` must occur. Best matches first.

        Raises:
            MalformedError: E400 when ``query`` has no words.
        """
        return await self._queries.search(
            query, capability=capability, actor_id=actor_id, limit=limit
        )

    def statistics(self) -> ActorSystemStatistics:
        """Live actors by type and status, messages waiting in their mailboxes by type,
        passivations by type, and the stores' counters (a frozen snapshot)."""
        by_type: dict[str, dict[str, int]] = {name: {} for name in self._types}
        mailbox = {name: {"waiting": 0, "deepest": 0} for name in self._types}
        for cell in self._live:
            name = cell.type.name
            counts = by_type[name]
            counts[cell.status] = counts.get(cell.status, 0) + 1
            if cell.mailbox is not None:
                depth = cell.mailbox.statistics().current_buffer_used
                box = mailbox[name]
                box["waiting"] += depth
                box["deepest"] = max(box["deepest"], depth)
        return ActorSystemStatistics(
            live=len(self._live),
            types=by_type,
            mailbox=mailbox,
            passivations=dict(self._passivation.counts),
            stores=self._stores.statistics(),
        )

"""The node: one process hosting capabilities, compositions and (later) modules, actors and
transports under one trio nursery."""

from __future__ import annotations

import dataclasses
import logging
import math
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

import trio

from ._actors.actor import actor_type
from ._actors.system import ActorSystem
from ._capabilities.capability import Capability
from ._capabilities.effects import AuditLog, Effect, Metric, Metrics, Notify
from ._capabilities.events import EventBus
from ._capabilities.executor import Executor
from ._capabilities.stats import CapabilityStatistics
from ._channels import Channels
from ._compose.breaker import BreakerBoard
from ._compose.composition import Composition
from ._compose.engine import Engine, ExecutionGraph
from ._compose.plan import PlanNode
from ._compose.runners import compile_plan
from ._compose.validate import PlanAnalysis, validate
from ._content.catalog import Prompts, Resources
from ._content.prompt import Prompt
from ._content.resource import Resource
from ._context import Context
from ._local_messages import capability_response
from ._modules.host import ModuleHost
from ._modules.runtime import ModuleRuntime
from ._registry import Registry, RegistryChange
from ._serving import serve_node
from ._statistics import NodeStatistics
from ._supervisor import Supervisor
from ._tracing import TracingSwitch
from ._wire.config import ServerConfig
from ._wire.messages import ActorMessage, CapabilityRequest, CapabilityResponse, McpRequest
from ._wire.server import WireServer
from .errors import ConflictError, MalformedError, NotFoundError, UnavailableError

if TYPE_CHECKING:
    from ._mcp.mount import McpMount

__all__ = ["Component", "Node", "open_node"]

log = logging.getLogger("packetflow.node")

REGISTRY_CHANNEL = "packetflow.registry.changed"

NodeState = Literal["idle", "starting", "running", "stopping", "stopped"]

Request: TypeAlias = CapabilityRequest | ActorMessage | McpRequest
RequestHandler: TypeAlias = "Callable[[Any, Context, float | None], Awaitable[dict[str, Any]]]"


class Component(Protocol):
    """A part of the node with a lifecycle (module host, actor system, transports...).

    ``open`` runs when the node starts (in registration order) and may start background tasks
    in ``nursery``; ``close`` runs when it stops (in reverse order), shielded from cancellation.
    """

    async def open(self, node: Node, nursery: trio.Nursery) -> None: ...

    async def close(self) -> None: ...


class Node:
    """A PacketFlow node.

    Configure it at import time (so ``--app pkg.mod:node`` can find it), then run it with
    ``async with node.started():`` or :func:`open_node`.

    Args:
        name: the node's name (logs, ``welcome`` messages, cluster membership).
        data_dir: where durable state lives (actors' SQLite file...); created on first use.
    """

    def __init__(
        self, name: str = "packetflow", *, data_dir: str | os.PathLike[str] = ".packetflow"
    ) -> None:
        self.name = name
        self.node_id = f"{name}-{os.urandom(4).hex()}"
        self.data_dir = Path(data_dir)
        self.registry = Registry()
        self.channels = Channels()
        self.events = EventBus()
        self.metrics = Metrics()
        self.breakers = BreakerBoard()
        self._executor = Executor(self, self.events)
        self.engine = Engine(
            self.registry, self._executor, self.channels, self.events, self.breakers
        )
        self._compositions: dict[str, Composition] = {}
        # Effect kinds by name: the built-ins plus those modules contribute.
        self.effect_kinds: dict[str, type[Effect]] = {
            kind.kind: kind for kind in (AuditLog, Metric, Notify)
        }
        # The modules open first so that module capabilities exist before compositions are
        # validated, and close last. Users manage them through node.modules; the node's
        # request paths go through the chain directly.
        self._modules = ModuleRuntime(self)
        self._chains = self._modules.chains
        self.modules: ModuleHost = self._modules.host
        self._components: list[Component] = [self._modules]
        self._nursery: trio.Nursery | None = None
        self._supervisor: Supervisor | None = None
        # Request type -> what executes it once the module chain has let it through.
        self._request_handlers: dict[str, RequestHandler] = {
            "capability_request": self._execute_capability_request
        }
        self.state: NodeState = "idle"
        self.registry.on_change(self._publish_change)
        self.actors = ActorSystem(self)
        """The actor registry: ``send``, ``get_state``, ``list``, ``stop``, ``history``..."""
        self._components.append(self.actors)
        self.prompts = Prompts()
        """The ``@prompt`` s served to MCP clients."""
        self.resources = Resources()
        """The ``@resource`` s served to MCP clients; ``updated(uri)`` notifies subscribers."""
        # OpenTelemetry spans when the otel extra is installed and configured (else a no-op).
        self._components.append(TracingSwitch(_instrument))

    def __repr__(self) -> str:
        return f"<Node {self.name!r} {self.state} capabilities={len(self.registry)}>"

    # -- registration ----------------------------------------------------------------------

    def register(
        self,
        *items: Capability
        | Composition
        | Prompt
        | Resource
        | type
        | Iterable[Capability | Composition | Prompt | Resource],
    ) -> None:
        """Register capabilities, compositions, ``@actor`` classes, ``@prompt`` s and
        ``@resource`` s (or iterables of them).

        Compositions registered before the node starts are validated when it starts, once
        every capability (including those contributed by modules) is known; after that they
        are validated immediately.

        Raises:
            ConflictError: E409 when a name is already registered.
            PlanValidationError: E422 when a composition's plan is invalid (node running).
        """
        for item in items:
            if isinstance(item, Capability):
                self.registry.add(item)
            elif isinstance(item, Composition):
                self._register_composition(item)
            elif isinstance(item, Prompt):
                self.prompts.add(item)
            elif isinstance(item, Resource):
                self.resources.add(item)
            elif actor_type(item) is not None:
                self.actors.register(item)
            elif isinstance(item, Iterable):
                self.register(*item)
            else:
                raise TypeError(
                    f"cannot register {item!r}: expected a capability, a composition, an "
                    "actor class, a prompt or a resource; decorate functions with "
                    "@packetflow.capability (or @packetflow.prompt, @packetflow.resource) and "
                    "Actor subclasses with @packetflow.actor"
                )

    def _register_composition(self, comp: Composition) -> None:
        if comp.name in self.registry or comp.name in self._compositions:
            raise ConflictError(
                f"capability {comp.name!r} is already registered; unregister it first"
            )
        if self.state == "running":
            self.registry.add(comp.to_capability(self.engine))
        self._compositions[comp.name] = comp

    def unregister(self, name: str) -> None:
        """Remove a capability or composition; raises E404 if unknown."""
        if name in self._compositions and name not in self.registry:
            del self._compositions[name]
            return
        self._compositions.pop(name, None)
        self.registry.remove(name)
        self._executor.forget(name)

    def mount_mcp(
        self,
        name: str,
        *,
        command: Sequence[str] | None = None,
        url: str | None = None,
        **options: Any,
    ) -> McpMount:
        """Import the tools of an external MCP server as capabilities ``<name>.<tool>``
        (needs ``pip install 'packetflow[mcp]'``).

        Give ``command`` (a stdio server to launch) or ``url`` (streamable HTTP). Before the
        node starts, the mount connects when it starts; on a running node it connects now
        (``await mount.wait_ready()`` waits for the tools). While the server is down its tools
        answer E503; they recover when it is back. ``options`` are those of
        :class:`packetflow.mcp.McpMount` (``env=``, ``headers=``, ``call_timeout=``...).
        """
        from ._mcp.mount import McpMount

        mount = McpMount(self, name, command=command, url=url, **options)
        if self.state == "running":
            mount.start(self.nursery)
        else:
            self.add_component(mount)
        return mount

    def add_component(self, component: Component) -> None:
        """Attach a lifecycle component; it opens with the node (or now, if running)."""
        if self.state not in ("idle", "stopped"):
            raise RuntimeError("add components before the node starts")
        self._components.append(component)

    # -- lifecycle -------------------------------------------------------------------------

    @asynccontextmanager
    async def started(self) -> AsyncIterator[Node]:
        """Run the node for the duration of the ``async with`` block.

        Raises:
            BaseException: what the block raised, as itself: this is the one place the
                node's nursery's exception group is unwrapped, so ``except ValueError``
                around the block works as it reads.
            BaseExceptionGroup: a failure of the node itself: at start-up (an invalid
                composition, a component's ``open``, e.g. a port in use) or in one of its
                background tasks (possibly together with the block's own error): catch
                those with ``except*``.
        """
        if self.state not in ("idle", "stopped"):
            raise RuntimeError(f"node {self.name!r} is already {self.state}")
        self.state = "starting"
        opened: list[Component] = []
        # What the block raised: if the group the nursery raises holds only that, it comes
        # out as itself (trio's strict groups would wrap even the block's own ``raise``,
        # which no caller expects from an ``async with``).
        raised: BaseException | None = None
        try:
            async with trio.open_nursery() as nursery:
                self._nursery = nursery
                self._supervisor = Supervisor(self.name, nursery)
                try:
                    for component in self._components:
                        await component.open(self, nursery)
                        opened.append(component)
                    for comp in self._compositions.values():
                        if comp.name not in self.registry:
                            self.registry.add(comp.to_capability(self.engine))
                    self.state = "running"
                    log.info(
                        "node %s running with %d capabilities", self.node_id, len(self.registry)
                    )
                    try:
                        yield self
                    except BaseException as exc:
                        raised = exc
                        raise
                finally:
                    self.state = "stopping"
                    with trio.CancelScope(shield=True):
                        for component in reversed(opened):
                            try:
                                await component.close()
                            except Exception:
                                log.exception(
                                    "node %s: component %r failed to close", self.name, component
                                )
                    nursery.cancel_scope.cancel()
        except BaseExceptionGroup as group:
            if raised is None or group.exceptions != (raised,):
                raise
            own = raised  # re-raised below, outside this handler, so it is not chained to group
        else:
            return
        finally:
            self._nursery = None
            self._supervisor = None
            self.state = "stopped"
        raise own

    @property
    def nursery(self) -> trio.Nursery:
        """The node's nursery, for components' background tasks (only while running)."""
        if self._nursery is None:
            raise RuntimeError(f"node {self.name!r} is not running")
        return self._nursery

    @property
    def supervisor(self) -> Supervisor:
        """The node's root supervisor (one_for_one); components start supervised children
        here (connections, actors, module restarts). Only while running."""
        if self._supervisor is None:
            raise RuntimeError(f"node {self.name!r} is not running")
        return self._supervisor

    def add_request_handler(self, type: str, handler: RequestHandler) -> None:
        """Route requests of wire ``type`` (e.g. ``"actor_message"``) to ``handler(request,
        ctx, timeout) -> payload`` after the module chain."""
        self._request_handlers[type] = handler

    def request_handler(self, type: str) -> RequestHandler | None:
        """The handler of wire ``type`` requests, if one is installed."""
        return self._request_handlers.get(type)

    async def serve(
        self,
        host: str = "127.0.0.1",
        port: int = 8765,
        *,
        config: ServerConfig | None = None,
        http_port: int | None = None,
        shutdown_signals: Sequence[int] = (),
        task_status: trio.TaskStatus[WireServer] = trio.TASK_STATUS_IGNORED,
    ) -> None:
        """Serve this node over WebSocket until cancelled (trio ``serve_*`` style); the node is
        started for the duration if it is not running. ``await nursery.start(node.serve, ...)``
        returns the :class:`~packetflow.WireServer` (its ``url``, ``port``, ``shutdown()``).
        With the ``mcp`` extra, ``mcp_request`` messages reach the node's MCP server.

        With ``http_port`` (or ``ServerConfig(http_port=...)``) the node also serves its HTTP
        port on the same host (``server.http_url``): ``/metrics``, ``/healthz``, ``/readyz``,
        the dashboard at ``/`` (the ``http`` extra) and MCP streamable HTTP at ``/mcp``
        (``server.mcp_url``, the ``mcp`` extra), with the same tokens, scopes, rate limits and
        shutdown.

        Args:
            host / port: where to listen (port 0 picks a free port).
            config: auth, limits, heartbeats; default :meth:`ServerConfig.from_env`.
            http_port: the HTTP port (0: any); overrides ``config.http_port``.
            shutdown_signals: signals that start a graceful shutdown (drain, then close 1001).

        Raises:
            PermissionError: a non-loopback ``host`` without a token secret (see
                ``ServerConfig.insecure_dev``).
            ImportError: an HTTP port without the ``http`` extra (the message says what to
                install).
        """
        config = config if config is not None else ServerConfig.from_env()
        if http_port is not None:
            config = dataclasses.replace(config, http_port=http_port, mcp_http_port=None)
        await serve_node(
            self,
            host,
            port,
            config=config,
            shutdown_signals=shutdown_signals,
            task_status=task_status,
        )

    # -- calling ---------------------------------------------------------------------------

    async def call(
        self,
        name: str | None = None,
        payload: Mapping[str, Any] | Any = None,
        *,
        intent: str | None = None,
        context: Context | Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Run capability or composition ``name`` in-process and return its output.

        Without ``name``, ``intent`` (natural language) says what to do and a planner module
        (``nl_planning``) chooses the capabilities; ``payload`` then holds values the text
        refers to.

        Raises:
            PacketFlowError: the typed error (E404 unknown, E422 contract, E408 timeout, ...).
        """
        if self.state != "running":
            raise UnavailableError(
                f"node {self.name!r} is {self.state}; call inside 'async with node.started()'"
            )
        if name is None and not intent:
            raise TypeError("node.call() needs a capability name or intent='what to do'")
        if self._chains.active:  # every request goes through the module chain
            ctx = Context.create(context, self)
            return await self._chains.call(name, payload, ctx, timeout, self._respond, intent)
        if name is None:
            raise NotFoundError(
                f"intent {intent!r}: no planner module is active to choose a capability; "
                "install one (pip install packetflow-module-nl-planning) or name the capability"
            )
        cap = self.registry.lookup(name) or self.registry.get(name)  # get() raises E404
        ctx = Context.create(context, self)
        return await self._executor.execute(cap, {} if payload is None else payload, ctx, timeout)

    async def dispatch(
        self,
        request: Request,
        context: Context | Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> CapabilityResponse:
        """Run a wire-shaped request and return the response model.

        This is the one entry point of every transport (WebSocket, MCP, in-process clients):
        the module chain wraps it. ``timeout`` defaults to ``metadata.timeout_ms``.

        Raises:
            PacketFlowError: the typed error; transports turn it into a ``capability_error``.
        """
        if self.state != "running":
            raise UnavailableError(f"node {self.name!r} is {self.state}; it cannot take requests")
        ctx = Context.create(request.context if context is None else context, self)
        if timeout is None and (timeout_ms := request.metadata.get("timeout_ms")) is not None:
            try:
                timeout = float(timeout_ms) / 1000
            except (TypeError, ValueError, OverflowError):
                timeout = math.nan
            if not timeout >= 0:  # NaN too: the peer sent something other than a duration
                raise _not_a_deadline(timeout_ms)
        if self._chains.active:
            return await self._chains.handle(request, ctx, timeout, self._respond)
        return await self._respond(request, ctx, timeout)

    async def dispatch_payload(
        self,
        request: Request,
        context: Context | Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """What :meth:`dispatch` answers, its payload alone, for in-process senders
        (``node.actors.send``). With no module active the request's handler runs directly and
        no response model is built, as ``node.call`` runs a capability.

        Raises:
            PacketFlowError: as :meth:`dispatch`.
        """
        handler = self._request_handlers.get(request.type)
        if (
            self._chains.active
            or handler is None
            or self.state != "running"
            or (timeout is None and "timeout_ms" in request.metadata)
        ):
            return (await self.dispatch(request, context, timeout=timeout)).payload
        ctx = Context.create(request.context if context is None else context, self)
        payload: dict[str, Any] = await handler(request, ctx, timeout)
        return payload

    async def _respond(
        self, request: Request, ctx: Context, timeout: float | None
    ) -> CapabilityResponse:
        """Execute a request the module chain let through (the handler for its type)."""
        handler = self._request_handlers.get(request.type)
        if handler is None:
            raise NotFoundError(f"request type {request.type!r}: no handler on node {self.name!r}")
        started = time.perf_counter()
        payload = await handler(request, ctx, timeout)
        elapsed_ms = (time.perf_counter() - started) * 1000
        return capability_response(
            request.id, request.capability_id, payload, {"execution_time_ms": elapsed_ms}
        )

    def _execute_capability_request(
        self, request: CapabilityRequest, ctx: Context, timeout: float | None
    ) -> Awaitable[dict[str, Any]]:
        # A plain function returning the executor's coroutine (a request handler is called,
        # then awaited): one coroutine fewer on every capability request.
        if not request.capability_id:
            raise NotFoundError(
                "capability_request without capability_id: name a capability, or install a "
                "planner module (nl_planning) to resolve intents"
            )
        cap = self.registry.get(request.capability_id)
        return self._executor.execute(cap, request.payload, ctx, timeout)

    async def run(
        self,
        plan: PlanNode,
        payload: Mapping[str, Any] | None = None,
        *,
        context: Context | Mapping[str, Any] | None = None,
        name: str = "adhoc",
    ) -> dict[str, Any]:
        """Validate and run an unregistered plan on ``payload``; returns the whole blackboard.

        Raises:
            PlanValidationError: E422 with the offending node paths, before anything runs.
        """
        if self.state != "running":
            raise UnavailableError(f"node {self.name!r} is {self.state}; start it first")
        bb = dict(payload or {})
        ctx = Context.create(context, self)
        analysis = self.validate(plan, inputs=bb)
        if self.engine.rewrite is not None:  # composition hooks may optimize the plan
            checked: dict[int, PlanAnalysis] = {}

            def check(candidate: PlanNode) -> None:
                checked[id(candidate)] = self.validate(candidate, inputs=bb)

            plan = await self.engine.rewrite(plan, ctx, name, check)
            analysis = checked.get(id(plan), analysis)
        runner = compile_plan(plan, self.registry.lookup)
        return await self.engine.execute(runner, analysis.steps, bb, ctx, name=name, kind=plan.type)

    def validate(
        self,
        plan: PlanNode,
        inputs: Mapping[str, Any] | Iterable[str] | None = None,
        *,
        dataflow: bool = False,
    ) -> PlanAnalysis:
        """Check ``plan`` against this node's registry.

        Args:
            plan: the plan to check.
            inputs: the request keys (a payload or key names); ``None`` infers them (every key
                read before it is written).
            dataflow: also record, for every node path, the keys its subtree may read and
                write (:attr:`PlanAnalysis.dataflow`, for optimizers).

        Raises:
            PlanValidationError: E422; ``details`` lists ``{path, problem, message}`` per issue.
        """
        keys: Any = list(inputs) if isinstance(inputs, Mapping) else inputs
        return validate(plan, self.registry.lookup, keys, dataflow=dataflow)

    def composition(self, name: str) -> Composition:
        """The registered composition ``name`` (its plan and options); raises E404 if ``name``
        is not a composition of this node."""
        comp = self._compositions.get(name)
        if comp is None:
            raise NotFoundError(
                f"composition {name!r} is not registered on node {self.name!r}; registered: "
                f"{', '.join(sorted(self._compositions)) or 'none'}"
            )
        return comp

    # -- introspection ---------------------------------------------------------------------

    def statistics(self) -> NodeStatistics:
        """A frozen snapshot of the node: capabilities, modules, actors, channels (see
        :class:`~packetflow.NodeStatistics`)."""
        return NodeStatistics(
            state=self.state,
            capabilities=self._executor.statistics(),
            modules=self.modules.statistics(),
            actors=self.actors.statistics(),
            channels=self.channels.statistics(),
            effect_failures=self._executor.effect_failures,
        )

    def stats(self) -> dict[str, CapabilityStatistics]:
        """The ``capabilities`` part of :meth:`statistics`, alone: capability name -> count,
        errors, p50/p99/max latency (ms)."""
        return self._executor.statistics()

    @property
    def executions(self) -> list[ExecutionGraph]:
        """The execution graphs of the most recent composition runs (oldest first, bounded)."""
        return list(self.engine.executions)

    def _publish_change(self, change: RegistryChange) -> None:
        self.channels.publish(
            REGISTRY_CHANNEL,
            {
                "action": change.action,
                "name": change.name,
                "kind": change.kind,
                "generation": change.generation,
            },
        )


@asynccontextmanager
async def open_node(name: str = "packetflow", **options: Any) -> AsyncIterator[Node]:
    """Create a :class:`Node` and run it for the ``async with`` block."""
    node = Node(name, **options)
    async with node.started():
        yield node


def _not_a_deadline(timeout_ms: object) -> MalformedError:
    """E400 for a request's ``metadata.timeout_ms`` (sent by the peer, of any JSON type) that
    is not a non-negative number of milliseconds."""
    return MalformedError(
        f"metadata.timeout_ms {timeout_ms!r}: not a number of milliseconds; send a "
        "non-negative number (or leave it out for no deadline)",
        details={"field": "metadata.timeout_ms"},
    )


def _instrument(node: Node) -> Callable[[], None]:
    """OpenTelemetry spans on ``node`` (imported only when tracing; the ``otel`` extra)."""
    from ._otel.instrument import instrument

    return instrument(node)

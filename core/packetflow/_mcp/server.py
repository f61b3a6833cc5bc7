"""The node's MCP server: the official SDK's low-level ``Server`` whose tools are the registry.

Every ``tools/call`` becomes a ``capability_request`` run through ``node.dispatch`` — the one
entry point of every transport, so the module chain applies exactly as on the wire — with a
context that says who is calling (:class:`~packetflow._mcp.auth.Caller`). Before that, the
caller's token is checked like the wire checks it: the tool against its ``cap:`` scopes, an
actor (its tool or its resources) against its ``actor:`` scopes (listings show only what it may
reach), and one request taken from its rate limit (:data:`~packetflow._mcp.auth.Admission`):
the rules of :mod:`.access`. An actor type's tool sends an ``actor_message`` (:mod:`.actors`).
Outcomes become results (:mod:`.results`, rich ones content blocks: :mod:`.content`),
compositions report progress per step (:mod:`.progress`), registry changes notify clients
(:mod:`.changes`), and the capability can log, report progress, sample and elicit through its
context (:mod:`.services`). Besides tools it serves the node's prompts (:mod:`.prompts`), its
resources and templates (:mod:`.app_resources`) and actors as resources (:mod:`.resources`),
subscriptions to them (:mod:`.subscriptions`), completions (:mod:`.completions`) and
``logging/setLevel``. The node's management capabilities (``packetflow.*``) are offered only
when ``management`` is set (stdio leaves it off unless ``--admin``). Prompts and resources are
checked against ``cap:`` scopes by name, as tools are. One :class:`McpServer` serves any number
of connections over stdio, streamable HTTP and the wire tunnel at once.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

import trio
from mcp.server import Server
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel.server import NotificationOptions
from mcp.server.models import InitializationOptions
from mcp.shared._stream_protocols import ReadStream, WriteStream
from mcp.shared.exceptions import MCPError
from mcp.shared.message import SessionMessage
from mcp.types import (
    INVALID_PARAMS,
    CallToolRequestParams,
    CallToolResult,
    CompleteRequestParams,
    CompleteResult,
    EmptyResult,
    GetPromptRequestParams,
    GetPromptResult,
    InputRequiredResult,
    ListPromptsResult,
    ListResourcesResult,
    ListResourceTemplatesResult,
    ListToolsResult,
    NotificationParams,
    PaginatedRequestParams,
    ReadResourceRequestParams,
    ReadResourceResult,
    SetLevelRequestParams,
    SubscribeRequestParams,
    UnsubscribeRequestParams,
)
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

from .._auth.principal import RESERVED_PREFIX
from .._auth.principal import Principal as TokenPrincipal
from .._capabilities.capability import Capability
from .._context import Context
from .._local_messages import capability_request
from .._services import attach_services
from .._version import __version__
from .._wire.messages import ActorMessage, CapabilityRequest
from ..errors import ExecutionFailedError, ForbiddenError, NotFoundError, PacketFlowError
from .access import Access, actor_visible
from .actors import actor_address, reaches
from .app_resources import AppResources
from .auth import (
    LOCAL,
    Admission,
    Authorizer,
    Caller,
    token_scopes,
)
from .changes import ChangeFeed
from .completions import ActorCompleter, complete
from .content import rich_result
from .progress import report_steps
from .prompts import PromptCatalog
from .resources import SCHEME, ActorDirectory, ActorResources, actor_uri, parse_actor_uri
from .results import error_result, rpc_error, tool_result
from .rounds import InputRounds, RoundServices
from .services import McpServices, set_log_level
from .subscriptions import ResourceSubscriptions
from .tools import ToolCatalog

if TYPE_CHECKING:
    from .host import McpNode

__all__ = ["McpServer", "running"]

log = logging.getLogger("packetflow.mcp")

Ctx = ServerRequestContext[Any, Any]


class McpServer:
    """Serves a node's capabilities and compositions as MCP tools (and its actors as resources).

    Args:
        node: the node whose registry is served.
        name: the server name clients see (default: the node's name).
        instructions: text clients may show a model about how to use the tools.
        authorize: the :class:`~packetflow._mcp.auth.Authorizer` consulted before every call
            and listing (default: :func:`~packetflow._mcp.auth.token_scopes`, the wire's scope
            rules for tokens of the node's authority; local callers may do everything).
        admit: charges each request of an authenticated caller to its rate limit (the wire
            server's ``TokenLimiter.admit`` when served by ``node.serve``); ``None``: no limit.
        actors: where actor resources come from (default: ``node.actors``).
        resources: serve actors as resources at all.
        caller: the caller on transports without authentication (stdio, in-memory).
        management: offer the node's management capabilities (``packetflow.*``) as tools;
            off, they are neither listed nor callable (E403) whatever the caller. Tokens need
            the ``admin`` scope for them either way.
        page_size: tools per ``tools/list`` page.
    """

    def __init__(
        self,
        node: McpNode,
        *,
        name: str | None = None,
        instructions: str | None = None,
        authorize: Authorizer | None = None,
        admit: Admission | None = None,
        actors: ActorDirectory | None = None,
        resources: bool = True,
        caller: Caller = LOCAL,
        management: bool = True,
        page_size: int = 500,
    ) -> None:
        self.node = node
        self.catalog = ToolCatalog(node.registry, page_size=page_size)
        self.access = Access(authorize or token_scopes, admit, caller, management, self.catalog)
        directory: ActorDirectory = node.actors if actors is None else actors
        self.resources = ActorResources(directory) if resources else None
        self.app_resources = AppResources(node.resources)
        self.prompts = PromptCatalog(node.prompts)
        self.changes = ChangeFeed(resources=self.resources is not None)
        self.subscriptions = ResourceSubscriptions(self.changes.bus)
        self.rounds = InputRounds()
        resource_handlers: dict[str, Any] = {}
        if self.resources is not None:
            resource_handlers = {
                "on_list_resources": self._list_resources,
                "on_list_resource_templates": self._list_resource_templates,
                "on_read_resource": self._read_resource,
                "on_subscribe_resource": self._subscribe,
                "on_unsubscribe_resource": self._unsubscribe,
            }
        self.lowlevel: Server[Any] = _Announcing(
            NotificationOptions(
                prompts_changed=True,
                tools_changed=True,
                resources_changed=self.resources is not None,
            ),
            name or node.name,
            version=__version__,
            instructions=instructions
            or f"PacketFlow node {node.name!r}: each tool is a typed capability or composition.",
            get_tool_input_schema=self.catalog.input_schema,
            on_list_tools=self._list_tools,
            on_call_tool=self._call_tool,
            on_subscriptions_listen=self.changes.listen,
            on_list_prompts=self._list_prompts,
            on_get_prompt=self._get_prompt,
            on_completion=self._complete,
            **resource_handlers,
        )
        # Registered by method rather than with ``on_set_logging_level=``, which warns that
        # 2026-07-28 dropped it: handshake-era clients still use it.
        self.lowlevel.add_request_handler(
            "logging/setLevel", SetLevelRequestParams, self._set_log_level
        )
        self.lowlevel.add_notification_handler(
            "notifications/initialized", NotificationParams, self.changes.on_initialized
        )
        self.init_options: InitializationOptions = self.lowlevel.create_initialization_options()

    def __repr__(self) -> str:
        return f"<McpServer {self.lowlevel.name!r} node={self.node.name!r}>"

    # -- running -----------------------------------------------------------------------------

    @asynccontextmanager
    async def serving(self) -> AsyncIterator[McpServer]:
        """Keep the node running for the block, clients told about changes of its tools,
        prompts and resources, and subscribers about updated resources (``node.resources
        .updated(uri)``, and every committed actor state)."""
        node = self.node
        updated = self.subscriptions.updated
        async with running(node), trio.open_nursery() as nursery:
            nursery.start_soon(self.changes.follow, node.channels)
            nursery.start_soon(self.changes.follow_content, node.prompts, node.resources)
            await nursery.start(self.subscriptions.serve)
            await nursery.start(self.rounds.serve)
            stops = [
                node.resources.on_updated(updated),
                node.actors.on_commit(lambda cap, actor_id: updated(actor_uri(cap, actor_id))),
            ]
            try:
                yield self
            finally:
                for stop in stops:
                    stop()
                nursery.cancel_scope.cancel()

    async def run(
        self,
        read_stream: ReadStream[SessionMessage | Exception],
        write_stream: WriteStream[SessionMessage],
    ) -> None:
        """Serve one connection over a stream pair (either protocol era) until it closes."""
        await self.lowlevel.run(read_stream, write_stream, self.init_options)

    # -- tools -------------------------------------------------------------------------------

    async def _list_tools(self, ctx: Ctx, params: PaginatedRequestParams | None) -> ListToolsResult:
        cursor = params.cursor if params is not None else None
        caller = self.access.caller_of(ctx)
        try:
            self.access.charge(caller)
        except PacketFlowError as exc:
            raise rpc_error(exc) from None
        # Discovery shows only what the caller may call, as the wire's discover does.
        tools, cursor = self.catalog.page(cursor, self.access.tools_visible(caller.principal))
        return ListToolsResult(tools=tools, next_cursor=cursor)

    async def _call_tool(
        self, ctx: Ctx, params: CallToolRequestParams
    ) -> CallToolResult | InputRequiredResult:
        name = params.name
        caller = self.access.caller_of(ctx)
        if params.request_state is not None:  # 2026-07-28: the next round of a call
            try:
                self.access.charge(caller)
            except PacketFlowError as exc:
                return error_result(exc)
            services = McpServices(ctx, name)
            owner = _owner(caller)
            return await self.rounds.resume(
                params.request_state, params.input_responses, services, owner
            )
        cap = self.node.registry.lookup(name)
        if cap is not None and cap.kind == "actor":
            return await self._call_actor(ctx, caller, cap, params.arguments or {})
        try:
            if not self.access.management and name.startswith(RESERVED_PREFIX):
                raise _unmanaged(name)
            # Scopes before telling whether it exists, as on the wire: a tool outside the
            # token's scopes is E403 whether or not it exists, so probing names reveals nothing.
            self.access.authorize(caller.principal, "cap", name)
            self.access.charge(caller)
        except PacketFlowError as exc:
            return error_result(exc)
        if cap is None:
            error = NotFoundError(f"tool {name!r} is not served by node {self.node.name!r}")
            raise MCPError(INVALID_PARAMS, f"Unknown tool: {name}", data=error.to_wire())
        pf_ctx = caller.context()
        request = capability_request(name, params.arguments or {}, pf_ctx, id=str(ctx.request_id))
        return await self._run(ctx, caller, name, request, pf_ctx, cap.kind == "composition")

    async def _run(
        self,
        ctx: Ctx,
        caller: Caller,
        name: str,
        request: CapabilityRequest | ActorMessage,
        pf_ctx: Context,
        composition: bool,
    ) -> CallToolResult | InputRequiredResult:
        """Dispatch with the call's client services; on 2026-07-28, a tool that may sample or
        elicit runs across rounds (:mod:`.rounds`)."""
        services = McpServices(ctx, name)
        if (
            ctx.protocol_version in MODERN_PROTOCOL_VERSIONS
            and name in self.catalog.contextual()
            and self.rounds.serving
        ):
            run = partial(self._run_rounds, request, pf_ctx, composition)
            return await self.rounds.start(run, services, _owner(caller))
        attach_services(pf_ctx, services)
        if not composition:
            return await self._dispatch(request, pf_ctx)
        async with report_steps(self.node.events, pf_ctx.trace_id, ctx.session.report_progress):
            return await self._dispatch(request, pf_ctx)

    async def _run_rounds(
        self,
        request: CapabilityRequest | ActorMessage,
        pf_ctx: Context,
        composition: bool,
        services: RoundServices,
    ) -> CallToolResult:
        attach_services(pf_ctx, services)
        if not composition:
            return await self._dispatch(request, pf_ctx)
        async with report_steps(self.node.events, pf_ctx.trace_id, services.progress):
            return await self._dispatch(request, pf_ctx)

    async def _call_actor(
        self, ctx: Ctx, caller: Caller, cap: Capability, arguments: dict[str, Any]
    ) -> CallToolResult | InputRequiredResult:
        """One turn of a conversation: an ``actor_message`` to ``(cap, arguments.actor_id)``."""
        name, principal = cap.name, caller.principal
        try:
            if (
                isinstance(principal, TokenPrincipal)
                and self.access.authorize is token_scopes
                and not reaches(principal, name)
            ):  # E403 before E422: probing names with bad arguments reveals nothing
                self.access.authorize(principal, "actor", name)
            actor_id, message = actor_address(cap, arguments)
            self.access.authorize(principal, "actor", name, f"{name}/{actor_id}")
            self.access.charge(caller)
        except PacketFlowError as exc:
            return error_result(exc)
        pf_ctx = caller.context()
        request = ActorMessage(
            id=str(ctx.request_id),
            capability_id=name,
            actor_id=actor_id,
            payload=message,
            context=pf_ctx,
        )
        return await self._run(ctx, caller, name, request, pf_ctx, False)

    async def _dispatch(
        self, request: CapabilityRequest | ActorMessage, ctx: Context
    ) -> CallToolResult:
        try:
            response = await self.node.dispatch(request, ctx)
        except PacketFlowError as exc:
            return error_result(exc)
        except Exception as exc:  # a bug below dispatch: the client gets E500, the log the cause
            log.error("mcp: tool %r failed (trace_id=%s)", request.capability_id, ctx.trace_id,
                      exc_info=exc)  # fmt: skip
            return error_result(
                ExecutionFailedError(
                    f"tool {request.capability_id!r} failed; the cause is in the node log under "
                    f"trace_id {ctx.trace_id}",
                    details={"trace_id": ctx.trace_id},
                )
            )
        if request.capability_id in self.catalog.rich():
            return rich_result(response.payload)
        return tool_result(response.payload)

    # -- resources ---------------------------------------------------------------------------

    async def _list_resources(
        self, ctx: Ctx, params: PaginatedRequestParams | None
    ) -> ListResourcesResult:
        assert self.resources is not None
        caller = self.access.caller_of(ctx)
        cursor = params.cursor if params is not None else None
        try:
            self.access.charge(caller)
            visible = self.access.visible(caller.principal, "actor")
            page = await self.resources.list(
                cursor, None if visible is None else partial(actor_visible, visible)
            )
        except PacketFlowError as exc:
            raise rpc_error(exc) from None
        if cursor is None:  # the node's own resources open the first page
            page.resources[:0] = self.app_resources.listed(
                self.access.visible(caller.principal, "cap")
            )
        return page

    async def _list_resource_templates(
        self, ctx: Ctx, params: PaginatedRequestParams | None
    ) -> ListResourceTemplatesResult:
        visible = self.access.visible(self.access.caller_of(ctx).principal, "cap")
        actors = ActorResources.templates()
        actors.resource_templates[:0] = self.app_resources.templates(visible)
        return actors

    async def _read_resource(
        self, ctx: Ctx, params: ReadResourceRequestParams
    ) -> ReadResourceResult:
        assert self.resources is not None
        caller = self.access.caller_of(ctx)
        uri = params.uri
        try:
            if not uri.startswith(SCHEME):
                self.access.charge(caller)
                return await self.app_resources.read(
                    uri,
                    Context.create(caller.context(), self.node),
                    partial(self.access.authorize, caller.principal, "cap"),
                )
            target = parse_actor_uri(uri)
            self.access.authorize(
                caller.principal,
                "actor",
                target.capability,
                f"{target.capability}/{target.actor_id}",
            )
            self.access.charge(caller)
            return await self.resources.read(target)
        except PacketFlowError as exc:
            raise rpc_error(exc) from None

    async def _subscribe(self, ctx: Ctx, params: SubscribeRequestParams) -> EmptyResult:
        try:
            self.access.charge(self.access.caller_of(ctx))
            self.subscriptions.subscribe(ctx, params.uri)
        except PacketFlowError as exc:
            raise rpc_error(exc) from None
        return EmptyResult()

    async def _unsubscribe(self, ctx: Ctx, params: UnsubscribeRequestParams) -> EmptyResult:
        self.subscriptions.unsubscribe(ctx, params.uri)
        return EmptyResult()

    # -- prompts, completions, logging -------------------------------------------------------

    async def _list_prompts(
        self, ctx: Ctx, params: PaginatedRequestParams | None
    ) -> ListPromptsResult:
        caller = self.access.caller_of(ctx)
        try:
            self.access.charge(caller)
        except PacketFlowError as exc:
            raise rpc_error(exc) from None
        return self.prompts.list(self.access.visible(caller.principal, "cap"))

    async def _get_prompt(self, ctx: Ctx, params: GetPromptRequestParams) -> GetPromptResult:
        caller = self.access.caller_of(ctx)
        try:
            self.access.authorize(caller.principal, "cap", params.name)
            self.access.charge(caller)
            pf_ctx = Context.create(caller.context(), self.node)
            return await self.prompts.get(params.name, params.arguments, pf_ctx)
        except PacketFlowError as exc:
            raise rpc_error(exc) from None

    async def _complete(self, ctx: Ctx, params: CompleteRequestParams) -> CompleteResult:
        caller = self.access.caller_of(ctx)
        actors: ActorCompleter | None = None
        if self.resources is not None:  # the actor templates complete from the node's actors
            principal = caller.principal
            visible = self.access.visible(principal, "actor")
            actors = partial(
                self.resources.complete,
                types=self.catalog.actors(),
                reachable=self.access.actor_types_visible(principal),
                visible=None if visible is None else partial(actor_visible, visible),
            )
        try:
            self.access.charge(caller)
            authorize = partial(self.access.authorize, caller.principal, "cap")
            return await complete(params, self.node.prompts, self.node.resources, actors, authorize)
        except PacketFlowError as exc:
            raise rpc_error(exc) from None

    async def _set_log_level(self, ctx: Ctx, params: SetLevelRequestParams) -> EmptyResult:
        set_log_level(ctx, params.level)
        return EmptyResult()


class _Announcing(Server[Any]):
    """The SDK server, announcing the list-changed notifications this server sends on every
    transport: the streamable HTTP session manager and the in-memory transport build their
    initialization options without arguments."""

    def __init__(self, notifications: NotificationOptions, *args: Any, **kwargs: Any) -> None:
        self._notifications = notifications
        super().__init__(*args, **kwargs)

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
        extensions: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        return super().create_initialization_options(
            notification_options or self._notifications, experimental_capabilities, extensions
        )


def _owner(caller: Caller) -> str | None:
    principal = caller.principal
    return None if principal is None else principal.sub


def _unmanaged(name: str) -> ForbiddenError:
    return ForbiddenError(
        f"tool {name!r} is part of the node's management API, which this MCP server does not "
        "offer; over stdio start it with 'packetflow mcp --admin' (McpServer(management=True))",
        details={"management": False},
    )


@asynccontextmanager
async def running(node: McpNode) -> AsyncIterator[McpNode]:
    """The node, started for the block unless it is already running."""
    if node.state == "running":
        yield node
        return
    async with node.started():
        yield node

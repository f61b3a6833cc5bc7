"""PacketFlow: typed capabilities, compositions, actors and pluggable modules on trio.

The public surface. Implementation lives in private modules; import from here::

    import packetflow as pf

    @pf.capability(intent="Say hello")
    async def hello(inp: HelloIn, ctx: pf.Context) -> HelloOut: ...

    async with pf.open_node("demo") as node:
        node.register(hello)
        await node.call("hello", {"name": "Ada"})
"""

from . import errors
from ._actors.actor import Actor, ActorType, actor
from ._actors.info import ActorInfo
from ._actors.statistics import (
    ActorSystemStatistics,
    MemoryStoreStatistics,
    SqliteStoreStatistics,
)
from ._actors.system import ActorSystem
from ._auth.current import current_principal
from ._auth.principal import Principal
from ._auth.tokens import TokenAuthority
from ._capabilities.capability import Capability, capability
from ._capabilities.contract import Contract
from ._capabilities.effects import AuditLog, Effect, Metric, Metrics, Notify, Outcome
from ._capabilities.events import EventBus, ExecutionEvent
from ._capabilities.stats import CapabilityStatistics
from ._channels import (
    ChannelEvent,
    Channels,
    ChannelStatistics,
    Subscription,
    SubscriptionStatistics,
)
from ._client.actor import RemoteActor
from ._client.client import Client, open_client
from ._client.subscription import ClientSubscription
from ._compose.builders import (
    conditional,
    event_driven,
    exponential,
    loop,
    map_reduce,
    parallel,
    pipeline,
    retry,
    sequence,
    step,
    transition,
    when,
)
from ._compose.composition import Composition, composition
from ._compose.engine import ExecutionGraph, StepRecord
from ._compose.plan import (
    Backoff,
    CircuitBreaker,
    Conditional,
    EventDriven,
    Loop,
    MapReduce,
    Parallel,
    Pipeline,
    Plan,
    PlanNode,
    Retry,
    Step,
    Transition,
    When,
)
from ._compose.serialize import dump_composition, dump_plan, load_composition, load_plan
from ._compose.validate import NodeIO, PlanAnalysis
from ._content.catalog import Prompts, Resources
from ._content.prompt import Prompt, prompt
from ._content.resource import Resource, resource
from ._context import CompositionState, Context
from ._metrics import MetricFamily
from ._modules.decisions import (
    Annotate,
    Continue,
    Decision,
    Defer,
    Fail,
    Intercept,
    Optimize,
    Respond,
    Transform,
)
from ._modules.host import ModuleHost
from ._modules.module import Module, ModuleConfig
from ._modules.slot import ModuleHostStatistics, ModuleInfo
from ._node import Component, Node, open_node
from ._ratelimit import RateLimit
from ._registry import Registry, RegistryChange
from ._statistics import NodeStatistics
from ._supervisor import ChildStatistics, SupervisorStatistics
from ._version import __version__
from ._wire.codec import Limits
from ._wire.config import ServerConfig
from ._wire.messages import CapabilityError, CapabilityRequest, CapabilityResponse
from ._wire.server import WireServer
from .errors import PacketFlowError
from .hookspecs import hookimpl

__all__ = [
    "Actor",
    "ActorInfo",
    "ActorSystem",
    "ActorSystemStatistics",
    "ActorType",
    "Annotate",
    "AuditLog",
    "Backoff",
    "Capability",
    "CapabilityError",
    "CapabilityRequest",
    "CapabilityResponse",
    "CapabilityStatistics",
    "ChannelEvent",
    "ChannelStatistics",
    "Channels",
    "ChildStatistics",
    "CircuitBreaker",
    "Client",
    "ClientSubscription",
    "Component",
    "Composition",
    "CompositionState",
    "Conditional",
    "Context",
    "Continue",
    "Contract",
    "Decision",
    "Defer",
    "Effect",
    "EventBus",
    "EventDriven",
    "ExecutionEvent",
    "ExecutionGraph",
    "Fail",
    "Intercept",
    "Limits",
    "Loop",
    "MapReduce",
    "MemoryStoreStatistics",
    "Metric",
    "MetricFamily",
    "Metrics",
    "Module",
    "ModuleConfig",
    "ModuleHost",
    "ModuleHostStatistics",
    "ModuleInfo",
    "Node",
    "NodeIO",
    "NodeStatistics",
    "Notify",
    "Optimize",
    "Outcome",
    "PacketFlowError",
    "Parallel",
    "Pipeline",
    "Plan",
    "PlanAnalysis",
    "PlanNode",
    "Principal",
    "Prompt",
    "Prompts",
    "RateLimit",
    "Registry",
    "RegistryChange",
    "RemoteActor",
    "Resource",
    "Resources",
    "Respond",
    "Retry",
    "ServerConfig",
    "SqliteStoreStatistics",
    "Step",
    "StepRecord",
    "Subscription",
    "SubscriptionStatistics",
    "SupervisorStatistics",
    "TokenAuthority",
    "Transform",
    "Transition",
    "When",
    "WireServer",
    "__version__",
    "actor",
    "capability",
    "composition",
    "conditional",
    "current_principal",
    "dump_composition",
    "dump_plan",
    "errors",
    "event_driven",
    "exponential",
    "hookimpl",
    "load_composition",
    "load_plan",
    "loop",
    "map_reduce",
    "open_client",
    "open_node",
    "parallel",
    "pipeline",
    "prompt",
    "resource",
    "retry",
    "sequence",
    "step",
    "transition",
    "when",
]

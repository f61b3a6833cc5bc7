"""What ``node.statistics()`` returns, and where every part of it comes from.

Introspection follows trio: each object with counters has a ``statistics()`` method returning
a frozen, typed snapshot (a new object per call; nothing in it changes afterwards):

- ``node.statistics()`` -> :class:`NodeStatistics` (all of the below that a node owns);
- ``node.stats()`` -> its ``capabilities`` part: capability name -> ``CapabilityStatistics``;
- ``node.modules.statistics()`` -> ``ModuleHostStatistics``;
- ``node.actors.statistics()`` -> ``ActorSystemStatistics`` (with each store's counters);
- ``node.channels.statistics()`` -> ``ChannelStatistics``;
- ``node.supervisor.statistics()`` -> ``SupervisorStatistics`` (while the node runs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._actors.statistics import ActorSystemStatistics
    from ._capabilities.stats import CapabilityStatistics
    from ._channels import ChannelStatistics
    from ._modules.slot import ModuleHostStatistics

__all__ = ["NodeStatistics"]


@dataclass(frozen=True, slots=True)
class NodeStatistics:
    """``node.statistics()``: one snapshot of a node.

    Attributes:
        state: the node's lifecycle state (``idle``, ``running``, ``stopped``...).
        capabilities: capability name -> count, errors and p50/p99/max latency (ms), for every
            capability that has run at least once.
        modules: the module host (see ``ModuleHostStatistics``).
        actors: live actors and their stores (see ``ActorSystemStatistics``).
        channels: pub/sub subscriptions and drops (see ``ChannelStatistics``).
        effect_failures: declared effects that raised so far (each is logged).
    """

    state: str
    capabilities: Mapping[str, CapabilityStatistics]
    modules: ModuleHostStatistics
    actors: ActorSystemStatistics
    channels: ChannelStatistics
    effect_failures: int

"""``/metrics``: the node in the Prometheus text format.

Everything is read at scrape time from counters the components keep anyway (``statistics()``
of the wire server, actors and channels; the executor's windows; the module slots; the
composition counters), so a node pays per call only for its latency histogram, and only
while it serves metrics. Modules add their own families through ``packetflow_collect_metrics``.

Labels are bounded: capability, composition, module and actor type names (registered, so few),
error codes (a fixed table) and statuses; never a request, trace, actor or session id.

Every section is isolated: a collector that raises (a module's, or one of ours) is left out of
that scrape and counted in ``packetflow_metrics_collector_errors_total{collector=...}``; the
scrape itself never fails for it.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)

from .._actors.statistics import MemoryStoreStatistics
from .._capabilities.stats import BUCKETS
from .._metrics import MAX_MODULE_SAMPLES, MetricFamily
from .._version import __version__
from .exposition import CapabilityExposition, floatToGoString

if TYPE_CHECKING:
    from .._node import Node
    from .._wire.server import WireServer

__all__ = ["CONTENT_TYPE", "NodeMetrics"]

log = logging.getLogger("packetflow.http.metrics")

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
HOOK = "packetflow_collect_metrics"
_LE = [floatToGoString(bound) for bound in BUCKETS] + ["+Inf"]


class NodeMetrics:
    """The metrics of one served node; :meth:`scrape` renders them.

    Creating it turns on the latency histograms of capabilities and composition steps.

    Args:
        node: the node (running).
        wire: its wire server, for connection and admission figures (``None``: not served).
    """

    def __init__(self, node: Node, wire: WireServer | None = None) -> None:
        self.node = node
        self.wire = wire
        self.collector_errors: dict[str, int] = {}
        self.dropped_samples: dict[str, int] = {}
        self._capabilities = CapabilityExposition()
        self._registry = CollectorRegistry(auto_describe=False)
        self._registry.register(self)
        node._executor.keep_histograms()
        node.engine.counters.histograms = True

    def scrape(self) -> bytes:
        """The whole exposition (never raises for a failing collector)."""
        try:
            head = self._capabilities.render(self.node._executor.windows())
        except Exception:
            self._failed("capabilities")
            head = ""
        return head.encode() + generate_latest(self._registry)

    # -- the prometheus_client collector protocol ------------------------------------------

    def collect(self) -> Iterator[Metric]:
        sections: list[tuple[str, Callable[[], Iterable[Metric]]]] = [
            ("node", self._node_families),
            ("modules", self._module_families),
            ("actors", self._actor_families),
            ("wire", self._wire_families),
            ("channels", self._channel_families),
            ("compositions", self._composition_families),
        ]
        sections += [(name, _module_collector(name, hook, self)) for name, hook in self._hooks()]
        for name, section in sections:
            try:
                families = list(section())  # all or nothing: a half-built section is left out
            except Exception:
                self._failed(name)
                continue
            yield from families
        yield from self._self_families()

    def _hooks(self) -> list[tuple[str, Callable[..., Any]]]:
        try:
            return self.node.modules.implementations(HOOK)
        except Exception:
            self._failed("modules")
            return []

    def _failed(self, collector: str) -> None:
        self.collector_errors[collector] = self.collector_errors.get(collector, 0) + 1
        log.warning(
            "metrics: collector %r failed; left out of this scrape", collector, exc_info=True
        )

    # -- sections --------------------------------------------------------------------------

    def _node_families(self) -> Iterator[Metric]:
        info = GaugeMetricFamily(
            "packetflow_node_info", "The node (value 1).", labels=["node", "version"]
        )
        info.add_metric([self.node.name, __version__], 1)
        yield info
        yield GaugeMetricFamily(
            "packetflow_node_capabilities",
            "Capabilities and compositions registered.",
            value=len(self.node.registry),
        )

    def _module_families(self) -> Iterator[Metric]:
        calls = _counter("packetflow_module_hook_calls", "Hook calls per module.", "module")
        errors = _counter("packetflow_module_hook_errors", "Hook calls that raised.", "module")
        timeouts = _counter(
            "packetflow_module_hook_timeouts",
            "Hook calls past the module's hook_timeout.",
            "module",
        )
        restarts = _counter("packetflow_module_restarts", "Restarts after quarantine.", "module")
        status = GaugeMetricFamily(
            "packetflow_module_status",
            "Each module's current status (value 1 on the status it is in).",
            labels=["module", "status"],
        )
        latency = GaugeMetricFamily(
            "packetflow_module_hook_latency_seconds",
            "Hook latency per module over its recent calls (p50, p99).",
            labels=["module", "quantile"],
        )
        for info in self.node.modules.list_all():
            calls.add_metric([info.name], info.calls)
            errors.add_metric([info.name], info.errors)
            timeouts.add_metric([info.name], info.timeouts)
            restarts.add_metric([info.name], info.restarts)
            status.add_metric([info.name, info.status], 1)
            latency.add_metric([info.name, "0.5"], info.p50_ms / 1000)
            latency.add_metric([info.name, "0.99"], info.p99_ms / 1000)
        yield from (calls, errors, timeouts, restarts, status, latency)

    def _actor_families(self) -> Iterator[Metric]:
        stats = self.node.actors.statistics()
        live = GaugeMetricFamily(
            "packetflow_actors_live",
            "Actors in memory, by type and status (active, idle, restarting, failed...).",
            labels=["type", "status"],
        )
        for name, counts in sorted(stats.types.items()):
            for status, n in sorted(counts.items()):
                live.add_metric([name, status], n)
        passivations = _counter(
            "packetflow_actor_passivations",
            "Actors passivated (state persisted, memory freed) after their idle timeout.",
            "type",
        )
        for name, n in sorted(stats.passivations.items()):
            passivations.add_metric([name], n)
        passivated = GaugeMetricFamily(
            "packetflow_actors_passivated",
            "Passivated actors a memory store remembers.",
            labels=["store"],
        )
        for store, figures in sorted(stats.stores.items()):
            if isinstance(figures, MemoryStoreStatistics):
                passivated.add_metric([store], figures.passivated)
        waiting = GaugeMetricFamily(
            "packetflow_actor_mailbox_messages",
            "Messages waiting in actors' mailboxes, by type.",
            labels=["type"],
        )
        deepest = GaugeMetricFamily(
            "packetflow_actor_mailbox_depth_max",
            "The fullest mailbox of each actor type.",
            labels=["type"],
        )
        for name, box in sorted(stats.mailbox.items()):
            waiting.add_metric([name], box["waiting"])
            deepest.add_metric([name], box["deepest"])
        yield from (live, passivations, passivated, waiting, deepest)

    def _wire_families(self) -> Iterator[Metric]:
        if self.wire is None:
            return
        stats = self.wire.statistics()
        yield GaugeMetricFamily(
            "packetflow_wire_connections",
            "Open WebSocket connections.",
            value=stats["connections"],
        )
        yield GaugeMetricFamily(
            "packetflow_wire_requests_in_flight",
            "Wire requests running now.",
            value=stats["active_requests"],
        )
        yield CounterMetricFamily(
            "packetflow_wire_connections_accepted",
            "Connections accepted.",
            value=stats["accepted"],
        )
        refused = _counter(
            "packetflow_wire_refused",
            "Messages refused before running, by code (E429: in-flight or token rate limit).",
            "code",
        )
        for code, n in sorted(stats.get("refused", {}).items()):
            refused.add_metric([code], n)
        yield refused
        yield GaugeMetricFamily(
            "packetflow_wire_draining", "1 while the node drains.", value=int(stats["draining"])
        )

    def _channel_families(self) -> Iterator[Metric]:
        stats = self.node.channels.statistics()
        yield GaugeMetricFamily(
            "packetflow_channel_subscriptions",
            "Live channel subscriptions.",
            value=stats.subscriptions,
        )
        yield CounterMetricFamily(
            "packetflow_channel_events_published", "Events published.", value=stats.published
        )
        yield CounterMetricFamily(
            "packetflow_channel_events_dropped",
            "Events dropped by full subscriber buffers (drop-oldest).",
            value=stats.dropped,
        )

    def _composition_families(self) -> Iterator[Metric]:
        runs = CounterMetricFamily(
            "packetflow_composition_runs",
            "Composition runs by composition and outcome.",
            labels=["composition", "status"],
        )
        steps = HistogramMetricFamily(
            "packetflow_composition_step_duration_seconds",
            "Latency of composition steps, by composition, in seconds.",
            labels=["composition"],
        )
        for name, counts in sorted(self.node.engine.counters.by_name.items()):
            runs.add_metric([name, "ok"], counts.ok)
            runs.add_metric([name, "error"], counts.error)
            cumulative, running = [], 0
            for le, n in zip(_LE, counts.step_buckets, strict=True):
                running += n
                cumulative.append((le, running))
            steps.add_metric([name], cumulative, counts.step_total)
        yield from (runs, steps)

    def _self_families(self) -> Iterator[Metric]:
        errors = _counter(
            "packetflow_metrics_collector_errors",
            "Scrapes that left a collector out because it raised (a module's or the node's).",
            "collector",
        )
        for name, n in sorted(self.collector_errors.items()):
            errors.add_metric([name], n)
        dropped = _counter(
            "packetflow_metrics_samples_dropped",
            f"Module samples dropped beyond {MAX_MODULE_SAMPLES} per family and scrape.",
            "collector",
        )
        for name, n in sorted(self.dropped_samples.items()):
            dropped.add_metric([name], n)
        yield from (errors, dropped)


def _counter(name: str, documentation: str, label: str) -> CounterMetricFamily:
    return CounterMetricFamily(name, documentation, labels=[label])


def _module_collector(
    module: str, hook: Callable[..., Any], metrics: NodeMetrics
) -> Callable[[], Iterable[Metric]]:
    """A section calling one module's ``packetflow_collect_metrics``."""

    def collect() -> list[Metric]:
        result = hook()
        if inspect.isawaitable(result):
            close = getattr(result, "close", None)
            if close is not None:
                close()  # never awaited: no "coroutine was never awaited" warning
            raise TypeError(f"module {module!r}: {HOOK} must be a plain def, not async")
        return [_converted(module, family, metrics) for family in result]

    return collect


def _converted(module: str, family: object, metrics: NodeMetrics) -> Metric:
    if not isinstance(family, MetricFamily):
        raise TypeError(f"module {module!r}: {HOOK} returned {family!r}, not a MetricFamily")
    prefix = f"packetflow_{re.sub(r'[^a-zA-Z0-9_]', '_', module)}_"
    name = family.name if family.name.startswith(prefix) else prefix + family.name
    labels = list(family.label_names)
    metric: GaugeMetricFamily | CounterMetricFamily
    if family.kind == "counter":
        metric = CounterMetricFamily(name, family.help, labels=labels)
    else:
        metric = GaugeMetricFamily(name, family.help, labels=labels)
    samples = family.samples
    if len(samples) > MAX_MODULE_SAMPLES:
        metrics.dropped_samples[module] = (
            metrics.dropped_samples.get(module, 0) + len(samples) - MAX_MODULE_SAMPLES
        )
        samples = samples[:MAX_MODULE_SAMPLES]
    for sample_labels, value in samples:
        metric.add_metric([str(sample_labels[k]) for k in labels], float(value))
    return metric

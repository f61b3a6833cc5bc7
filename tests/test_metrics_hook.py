"""``packetflow_collect_metrics``: modules report their own families to ``/metrics``; a
collector that raises, is async, or returns something else is skipped and counted, and the
scrape goes on; samples beyond the bound are dropped and counted."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

import packetflow as pf
from packetflow._http.metrics import NodeMetrics
from packetflow._metrics import MAX_MODULE_SAMPLES


class Zones(pf.Module):
    name = "zones"

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        return [
            pf.MetricFamily(
                "zone_load",
                "Requests executing per zone.",
                samples=[({"zone": "ai"}, 2), ({"zone": "storage"}, 0)],
            ),
            pf.MetricFamily("packetflow_zones_ticks", "Physics ticks.", "counter", [({}, 7)]),
        ]


class Broken(pf.Module):
    name = "broken"

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        raise RuntimeError("the collector broke")


class Awaiting(pf.Module):
    name = "awaiting"

    @pf.hookimpl
    async def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        return []


class Wrong(pf.Module):
    name = "wrong"

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[object]:
        return [{"name": "not a family"}]


class Flood(pf.Module):
    name = "flood"

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        samples = [({"shard": str(i)}, 1.0) for i in range(MAX_MODULE_SAMPLES + 5)]
        return [pf.MetricFamily("shards", "One per shard.", samples=samples)]


@pytest.fixture
async def metrics() -> AsyncIterator[NodeMetrics]:
    node = pf.Node("metrics-hook")
    for module in (Zones, Broken, Awaiting, Wrong, Flood):
        node.modules.register(module)
    async with node.started():
        yield NodeMetrics(node)


def parsed(metrics: NodeMetrics) -> dict[str, list[tuple[dict[str, str], float]]]:
    families: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(metrics.scrape().decode()):
        for sample in family.samples:
            families.setdefault(sample.name, []).append((sample.labels, sample.value))
    return families


async def test_a_module_family_is_exported_under_its_prefix(metrics: NodeMetrics) -> None:
    families = parsed(metrics)
    assert sorted(families["packetflow_zones_zone_load"], key=str) == [
        ({"zone": "ai"}, 2.0),
        ({"zone": "storage"}, 0.0),
    ]
    assert families["packetflow_zones_ticks_total"] == [({}, 7.0)]


async def test_failing_collectors_are_skipped_and_counted(metrics: NodeMetrics) -> None:
    for _ in range(2):
        families = parsed(metrics)
    errors = {
        labels["collector"]: v
        for labels, v in families["packetflow_metrics_collector_errors_total"]
    }
    assert errors == {"broken": 2.0, "awaiting": 2.0, "wrong": 2.0}
    assert not any(name.startswith(("packetflow_broken", "packetflow_wrong")) for name in families)
    # the rest of the scrape is whole: the node's own families and the good module's
    assert "packetflow_module_status" in families
    assert "packetflow_zones_zone_load" in families


async def test_samples_beyond_the_bound_are_dropped_and_counted(metrics: NodeMetrics) -> None:
    families = parsed(metrics)
    assert len(families["packetflow_flood_shards"]) == MAX_MODULE_SAMPLES
    assert families["packetflow_metrics_samples_dropped_total"] == [({"collector": "flood"}, 5.0)]


def test_a_family_checks_its_name_kind_and_labels() -> None:
    with pytest.raises(ValueError, match="use letters"):
        pf.MetricFamily("zone load", "x")
    with pytest.raises(ValueError, match="is not gauge or counter"):
        pf.MetricFamily("x", "x", "summary")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="different label names"):
        pf.MetricFamily("x", "x", samples=[({"a": "1"}, 1), ({"b": "1"}, 1)])

"""``/metrics`` over HTTP, parsed with ``prometheus_client.parser``: what each component
contributes, label cardinality, and the fast capability writer's equivalence with the
library's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import trio
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily
from prometheus_client.parser import text_string_to_metric_families

import packetflow as pf
from packetflow._capabilities.stats import BUCKETS, LatencyWindow
from packetflow._http.exposition import CapabilityExposition, count_text, floatToGoString
from tests.http.conftest import ADMIN, AUTHORITY, Served, serve

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


async def scrape(served: Served) -> Samples:
    response = await served.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[sample.name, tuple(sorted(sample.labels.items()))] = sample.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[name, tuple(sorted(labels.items()))]


async def test_capability_calls_errors_by_code_and_latency(served: Served) -> None:
    node = served.node
    for _ in range(3):
        await node.call("greet", {"name": "ada"})
    for code in ("E500", "E500", "E503"):
        with pytest.raises(pf.PacketFlowError):
            await node.call("work", {"fail": code})
    samples = await scrape(served)
    assert value(samples, "packetflow_capability_calls_total", capability="greet") == 3
    assert value(samples, "packetflow_capability_calls_total", capability="work") == 3
    assert value(samples, "packetflow_capability_errors_total", capability="work", code="E500") == 2
    assert value(samples, "packetflow_capability_errors_total", capability="work", code="E503") == 1
    assert ("packetflow_capability_errors_total", (("capability", "greet"),)) not in samples
    count = value(samples, "packetflow_capability_duration_seconds_count", capability="greet")
    inf = value(
        samples, "packetflow_capability_duration_seconds_bucket", capability="greet", le="+Inf"
    )
    assert count == inf == 3
    assert value(samples, "packetflow_capability_duration_seconds_sum", capability="greet") > 0


async def test_modules_compositions_channels_and_the_module_family(served: Served) -> None:
    node = served.node
    await node.call("greet_then_work", {"name": "ada", "ms": 0})
    sub = node.channels.subscribe("orders.*", buffer=1)
    for n in range(3):
        node.channels.publish("orders.created", {"n": n})
    samples = await scrape(served)
    sub.close()
    assert value(samples, "packetflow_module_status", module="watcher", status="active") == 1
    assert value(samples, "packetflow_module_hook_calls_total", module="watcher") >= 1
    assert value(samples, "packetflow_module_hook_errors_total", module="watcher") == 0
    assert value(samples, "packetflow_module_hook_timeouts_total", module="watcher") == 0
    assert value(samples, "packetflow_watcher_requests_seen_total") >= 1
    runs = value(
        samples, "packetflow_composition_runs_total", composition="greet_then_work", status="ok"
    )
    assert runs == 1
    steps = value(
        samples, "packetflow_composition_step_duration_seconds_count", composition="greet_then_work"
    )
    assert steps == 2
    assert value(samples, "packetflow_channel_events_dropped_total") == 2
    assert value(samples, "packetflow_channel_subscriptions") >= 1  # the MCP follower too


async def test_actors_live_and_mailbox(served: Served) -> None:
    await served.node.actors.send("counter", "c1", {"n": 2})
    samples = await scrape(served)
    assert value(samples, "packetflow_actors_live", type="counter", status="idle") == 1
    assert value(samples, "packetflow_actor_mailbox_messages", type="counter") == 0


async def test_wire_connections_in_flight_and_refusals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACKETFLOW_TEST_DATA", str(tmp_path / "data"))
    async with (
        serve(tmp_path, max_in_flight=1) as served,
        pf.open_client(served.server.url, token=ADMIN) as client,
    ):
        started = trio.Event()
        errors: list[pf.PacketFlowError] = []

        async def slow() -> None:
            started.set()
            await client.call("work", {"ms": 300})

        async with trio.open_nursery() as nursery:
            nursery.start_soon(slow)
            await started.wait()
            while served.server.active_requests == 0:  # until the node holds it
                await trio.lowlevel.checkpoint()
            samples = await scrape(served)
            try:
                await client.call("greet", {})
            except pf.PacketFlowError as exc:
                errors.append(exc)
        assert [e.code for e in errors] == ["E429"]
        after = await scrape(served)
    assert value(samples, "packetflow_wire_connections") == 1
    assert value(samples, "packetflow_wire_requests_in_flight") == 1
    assert value(after, "packetflow_wire_refused_total", code="E429") == 1
    assert value(after, "packetflow_wire_connections_accepted_total") == 1


ALLOWED_LABELS = {
    "capability",
    "code",
    "le",
    "module",
    "status",
    "quantile",
    "type",
    "store",
    "composition",
    "collector",
    "node",
    "version",
}


async def test_labels_are_names_and_codes_never_ids(served: Served) -> None:
    node = served.node
    for i in range(20):
        await node.call("greet", {"name": f"user-{i}"}, context={"user_id": f"u{i}"})
        await node.actors.send("counter", f"actor-{i}", {"n": 1})
    response = await served.get("/metrics")
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            assert set(sample.labels) <= ALLOWED_LABELS, sample
            assert not any("actor-" in v or "user-" in v for v in sample.labels.values())


def test_the_capability_writer_matches_prometheus_client() -> None:
    windows: dict[str, LatencyWindow] = {}
    for name, seconds, codes in [
        ("plain", [0.0004, 0.02, 3.0], []),
        ('odd"name\\with\nstuff', [0.3], ["E422", "E422", "E500"]),
        ("no.histogram", [0.1], ["E408"]),
    ]:
        window = LatencyWindow(histogram=name != "no.histogram")
        for s in seconds:
            window.record(s)
        for code in codes:
            window.record(0.001, code)
        windows[name] = window

    class Library:
        def collect(self):  # type: ignore[no-untyped-def]
            calls = CounterMetricFamily(
                "packetflow_capability_calls",
                "Executions per capability (successful or not).",
                labels=["capability"],
            )
            errors = CounterMetricFamily(
                "packetflow_capability_errors",
                "Failed executions per capability and PacketFlow error code.",
                labels=["capability", "code"],
            )
            duration = HistogramMetricFamily(
                "packetflow_capability_duration_seconds",
                "Execution latency per capability, in seconds.",
                labels=["capability"],
            )
            for name, w in sorted(windows.items()):
                calls.add_metric([name], w.count)
                for code, n in sorted(w.codes.items()):
                    errors.add_metric([name, code], n)
                if w.buckets is not None:
                    running, buckets = 0, []
                    for bound, n in zip([*BUCKETS, float("inf")], w.buckets, strict=True):
                        running += n
                        le = "+Inf" if bound == float("inf") else str(bound)
                        buckets.append((le, running))
                    duration.add_metric([name], buckets, w.total)
            yield from (calls, errors, duration)

    registry = CollectorRegistry()
    registry.register(Library())
    expected = generate_latest(registry).decode()
    writer = CapabilityExposition()
    assert writer.render(windows) == expected
    assert writer.render(windows) == expected  # the cached lines too
    windows["plain"].record(0.5)
    assert writer.render(windows) != expected  # a change is seen


@pytest.mark.parametrize(
    "n", [0, 1, 7, 42, 999, 1_000, 123_456, 999_999, 1_000_000, 1_234_567, 10**12, 10**17]
)
def test_counts_are_written_as_prometheus_client_writes_them(n: int) -> None:
    assert count_text(n) == floatToGoString(n)


async def test_metrics_on_a_node_without_a_secret_need_no_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACKETFLOW_TEST_DATA", str(tmp_path / "data"))
    async with serve(tmp_path, authority=None) as served:
        assert (await served.get("/metrics", token=None)).status_code == 200
    assert AUTHORITY is not None


async def test_installed_modules_add_zone_loads_and_the_cache_hit_ratio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packetflow_adaptive_optimization.module import AdaptiveOptimizationModule
    from packetflow_spatial_arena.module import SpatialArenaModule

    monkeypatch.setenv("PACKETFLOW_TEST_DATA", str(tmp_path / "data"))
    async with serve(tmp_path) as served:
        node = served.node
        node.modules.register(SpatialArenaModule, config={"tick_s": 3600})
        node.modules.register(AdaptiveOptimizationModule)
        await node.modules.wait_ready("spatial_arena")
        await node.modules.wait_ready("adaptive_optimization")
        await node.call("greet", {})
        samples = await scrape(served)
        arena = (await served.get("/api/arena")).json()
        optimizer = (await served.get("/api/optimizer")).json()
    loads = {
        labels: v
        for (name, labels), v in samples.items()
        if name == "packetflow_spatial_arena_zone_load"
    }
    assert loads and all(v == 0 for v in loads.values())
    assert ("packetflow_adaptive_optimization_cache_hit_ratio", ()) in samples
    assert arena["svg"].startswith("<svg") and arena["zones"]
    assert {p["composition"] for p in optimizer["predictions"]} >= {"fan_out"}

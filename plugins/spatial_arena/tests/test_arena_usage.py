"""The co-usage table: edges from consecutive completions in a trace, decay, and the bounds
(observations, traces, edges) with their overflow policies."""

from __future__ import annotations

from packetflow_spatial_arena import CoUsage


def table(**limits: int | float) -> CoUsage:
    options = {"max_edges": 100, "decay": 1.0, "max_traces": 100, "max_observations": 100}
    return CoUsage(**{**options, **limits})  # type: ignore[arg-type]


def test_consecutive_completions_in_a_trace_are_co_used() -> None:
    usage = table()
    for cap in ("a", "b", "c"):
        usage.observe("t1", cap)
    usage.observe("t2", "a")
    usage.observe("t2", "a")  # the same capability twice is no edge
    assert usage.tick() == 5
    assert usage.view == (("a", "b", 1.0), ("b", "c", 1.0))


def test_weights_decay_and_fade_out() -> None:
    usage = table(decay=0.5)
    usage.observe("t", "a")
    usage.observe("t", "b")
    usage.tick()
    assert usage.view == (("a", "b", 0.5),)
    for _ in range(10):
        usage.tick()
    assert usage.view == ()


def test_only_the_strongest_edges_are_kept() -> None:
    usage = table(max_edges=2)
    for i, (a, b) in enumerate([("a", "b"), ("a", "b"), ("c", "d"), ("e", "f"), ("e", "f")]):
        usage.observe(f"t{i}", a)
        usage.observe(f"t{i}", b)
    usage.tick()
    assert [(a, b) for a, b, _ in usage.view] == [("a", "b"), ("e", "f")]
    assert usage.evicted_edges == 1


def test_observations_and_traces_are_bounded() -> None:
    usage = table(max_observations=3, max_traces=2)
    for i in range(5):
        usage.observe(f"t{i}", "x")
    assert len(usage.observations) == 3 and usage.dropped_observations == 2
    usage.tick()
    assert len(usage._last) == 2  # the least recently seen traces are forgotten


def test_an_unregistered_capability_loses_its_edges() -> None:
    usage = table()
    usage.observe("t", "a")
    usage.observe("t", "b")
    usage.tick()
    usage.forget("b")
    usage.tick()
    assert usage.view == ()

"""The result cache: only idempotent capabilities, keyed by the validated payload, expiry that
expires, bounds, invalidation (asked for and automatic), and the payloads it refuses."""

from __future__ import annotations

import datetime
import logging
from typing import Any

import pytest
import trio
from adaptive_kit import Calls, Num, Optimize
from pydantic import BaseModel

import packetflow as pf


class Out(BaseModel):
    items: list[int]


class Anything(BaseModel):
    value: Any = None


async def hit(node: pf.Node, cap: str, payload: dict[str, Any], **ctx: Any) -> bool:
    reply = await node.dispatch(pf.CapabilityRequest(capability_id=cap, payload=payload), ctx)
    return bool(reply.metadata.get("cache_hit"))


async def test_an_idempotent_result_is_served_from_the_cache(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    await optimize()
    assert await module_node.call("double", {"n": 4}) == {"doubled": 8}
    assert not await hit(module_node, "double", {"n": 5})
    # the validated payload is the key: a default spelled out is the same request
    assert await hit(module_node, "double", {"n": 5, "scale": 1})
    assert await hit(module_node, "double", {"n": 4})
    assert double == [{"n": 4, "scale": 1}, {"n": 5, "scale": 1}]


async def test_a_hit_is_a_fresh_copy(module_node: pf.Node, optimize: Optimize) -> None:
    @pf.capability(idempotent=True)
    async def listing(inp: Num) -> Out:
        return Out(items=[inp.n])

    module_node.register(listing)
    await optimize()
    first = await module_node.call("listing", {"n": 1})
    first["items"].append(99)  # a caller mutating its result cannot reach the cache
    assert await module_node.call("listing", {"n": 1}) == {"items": [1]}


async def test_a_non_idempotent_capability_is_never_cached_whatever_the_config(
    module_node: pf.Node, optimize: Optimize, counter: Calls
) -> None:
    module = await optimize(cache=["*", "b*"])
    for _ in range(3):
        assert not await hit(module_node, "bump", {"n": 1})
    assert len(counter) == 3
    assert module.stats("bump")["capabilities"]["bump"]["reason"] == "not idempotent"


async def test_a_config_naming_a_non_idempotent_capability_does_not_start(
    module_node: pf.Node, optimize: Optimize, counter: Calls
) -> None:
    with pytest.raises(pf.errors.ModuleFailedError, match=r"config\.cache lists 'bump', which is"):
        await optimize(cache=["bump"])


async def test_errors_are_never_cached(module_node: pf.Node, optimize: Optimize) -> None:
    attempts: list[int] = []

    @pf.capability(idempotent=True)
    async def flaky(inp: Num) -> Num:
        attempts.append(inp.n)
        if len(attempts) == 1:
            raise RuntimeError("first call fails")
        return inp

    module_node.register(flaky)
    await optimize()
    with pytest.raises(pf.errors.ExecutionFailedError):
        await module_node.call("flaky", {"n": 1})
    assert not await hit(module_node, "flaky", {"n": 1})  # ran again
    assert await hit(module_node, "flaky", {"n": 1})
    assert attempts == [1, 1]


async def test_expiry_expires(
    module_node: pf.Node, optimize: Optimize, double: Calls, autojump_clock: Any
) -> None:
    module = await optimize(ttl=60)
    await module_node.call("double", {"n": 1})
    await trio.sleep(59)
    assert await hit(module_node, "double", {"n": 1})
    await trio.sleep(2)  # past the TTL: a read is a miss, whatever the sweep did
    assert not await hit(module_node, "double", {"n": 1})
    await module_node.call("double", {"n": 2})
    await trio.sleep(61)
    assert module.tracker.cache.sweep() + module.tracker.cache.expirations >= 2
    assert len(module.tracker.cache) == 0  # swept without being read


async def test_the_cache_is_bounded_least_recently_used_first(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    module = await optimize(max_entries=2)
    for n in (1, 2):
        await module_node.call("double", {"n": n})
    assert await hit(module_node, "double", {"n": 1})  # 1 is now the most recent
    await module_node.call("double", {"n": 3})  # evicts 2
    assert await hit(module_node, "double", {"n": 1})
    assert not await hit(module_node, "double", {"n": 2})
    cache = module.tracker.cache
    assert len(cache) == 2 and cache.evictions == 2


async def test_invalidate_by_capability_key_or_all(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    await optimize()
    for n in (1, 2, 3):
        await module_node.call("double", {"n": n})
    stats = await module_node.call("adaptive_optimization.stats", {"entries": 10})
    key = next(e["key"] for e in stats["entries"])
    out = await module_node.call("adaptive_optimization.invalidate", {"key": key})
    assert out == {"invalidated": 1}
    out = await module_node.call("adaptive_optimization.invalidate", {"capability": "double"})
    assert out == {"invalidated": 2}
    assert not await hit(module_node, "double", {"n": 1})
    assert await module_node.call("adaptive_optimization.invalidate", {}) == {"invalidated": 1}
    with pytest.raises(pf.errors.ContractViolationError):
        await module_node.call("adaptive_optimization.invalidate", {"capabilty": "typo"})


async def test_re_registration_and_a_new_version_invalidate(
    module_node: pf.Node, optimize: Optimize
) -> None:
    def make(version: str, factor: int) -> pf.Capability:
        @pf.capability(name="scale", idempotent=True, version=version)
        async def scale(inp: Num) -> Num:
            return Num(n=inp.n * factor)

        return scale

    module_node.register(make("1.0", 2))
    await optimize()
    assert await module_node.call("scale", {"n": 1}) == {"n": 2, "scale": 1}
    module_node.unregister("scale")
    module_node.register(make("1.0", 3))  # same version, new body: re-registration
    assert await module_node.call("scale", {"n": 1}) == {"n": 3, "scale": 1}
    module_node.registry.add(make("2.0", 4), replace=True)  # a version change in place
    assert await module_node.call("scale", {"n": 1}) == {"n": 4, "scale": 1}


async def test_context_keys_separate_callers(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    await optimize(context_keys=["user_id"])
    assert not await hit(module_node, "double", {"n": 1}, user_id="alice")
    assert not await hit(module_node, "double", {"n": 1}, user_id="bob")
    assert await hit(module_node, "double", {"n": 1}, user_id="alice")


async def test_authorization_is_never_bypassed_by_a_hit(
    module_node: pf.Node, optimize: Optimize
) -> None:
    @pf.capability(idempotent=True, authorize=["admin"])
    async def secret(inp: Num) -> Num:
        return inp

    module_node.register(secret)
    await optimize()
    assert not await hit(module_node, "secret", {"n": 1}, roles=["admin"])
    with pytest.raises(pf.errors.ForbiddenError):
        await hit(module_node, "secret", {"n": 1}, roles=["guest"])
    assert await hit(module_node, "secret", {"n": 1}, roles=["admin"])


async def test_unhashable_and_oversized_payloads_are_not_cached_counted_and_logged_once(
    module_node: pf.Node, optimize: Optimize, caplog: pytest.LogCaptureFixture
) -> None:
    @pf.capability(idempotent=True)
    async def echo_any(inp: Anything) -> Anything:
        return Anything(value=repr(inp.value)[:10])

    module_node.register(echo_any)
    module = await optimize(max_key_bytes=64)
    with caplog.at_level(logging.WARNING, logger="packetflow.adaptive_optimization"):
        for _ in range(2):
            await module_node.call("echo_any", {"value": object()})  # no JSON form
            await module_node.call("echo_any", {"value": "x" * 100})  # > max_key_bytes
    assert module.stats()["not_cached"] == {"unhashable": 2, "oversized": 2}
    warnings = [r.getMessage() for r in caplog.records if "not cached" in r.getMessage()]
    assert len(warnings) == 2  # once per capability and reason
    assert not await hit(module_node, "echo_any", {"value": "x" * 100})
    assert await module_node.call("echo_any", {"value": "ok"}) == {"value": "'ok'"}
    assert await hit(module_node, "echo_any", {"value": "ok"})


async def test_results_that_would_not_come_back_equal_are_not_cached(
    module_node: pf.Node, optimize: Optimize
) -> None:
    @pf.capability(idempotent=True, requires=(), provides=("tags",))
    async def tags(payload: dict[str, Any]) -> dict[str, Any]:
        return {"tags": {"a"}}  # a set: no snapshot, and JSON brings a list back

    module_node.register(tags)
    module = await optimize()
    for _ in range(2):
        assert await module_node.call("tags", {}) == {"tags": {"a"}}
    assert module.stats()["not_cached"] == {"not_roundtrip": 2}


async def test_a_hit_keeps_the_python_types_of_a_run(
    module_node: pf.Node, optimize: Optimize
) -> None:
    when = datetime.datetime(2026, 1, 2, 3, 4, 5)

    @pf.capability(idempotent=True, requires=(), provides=("pair", "rows", "when"))
    async def shaped(payload: dict[str, Any]) -> dict[str, Any]:
        return {"pair": (1, "x"), "rows": [{"n": 1}], "when": when}

    module_node.register(shaped)
    module = await optimize()
    first = await module_node.call("shaped", {})
    first["rows"][0]["n"] = 99  # the leader's caller mutates its result after the store
    first["rows"].append({"n": 2})
    again = await module_node.call("shaped", {})
    assert again == {"pair": (1, "x"), "rows": [{"n": 1}], "when": when}
    assert type(again["pair"]) is tuple and type(again["when"]) is datetime.datetime
    again["rows"][0]["n"] = 7  # nor can a hit's caller
    assert (await module_node.call("shaped", {}))["rows"] == [{"n": 1}]
    assert module.tracker.cache.hits == 2 and module.stats()["not_cached"] == {}


async def test_a_flat_result_mutated_by_its_caller_stays_cached_as_it_ran(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    await optimize()
    first = await module_node.call("double", {"n": 3})
    first["doubled"] = -1
    hit_result = await module_node.call("double", {"n": 3})
    hit_result["extra"] = True
    assert await module_node.call("double", {"n": 3}) == {"doubled": 6}
    # every hit answers with one decision: its response's payload and metadata are its own
    request = pf.CapabilityRequest(capability_id="double", payload={"n": 3})
    reply = await module_node.dispatch(request)
    reply.payload["doubled"], reply.metadata["cache_hit"] = -2, False
    again = await module_node.dispatch(request)
    assert (again.payload, again.metadata["cache_hit"]) == ({"doubled": 6}, True)
    assert len(double) == 1


async def test_composition_steps_are_cached_too(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    await optimize()
    module_node.register(pf.composition("twice", pf.pipeline(pf.step("double"))))
    assert await module_node.call("twice", {"n": 2}) == {"doubled": 4}
    assert await hit(module_node, "double", {"n": 2})  # the step's result, stored
    await module_node.call("twice", {"n": 2})
    assert len(double) == 1


async def test_with_min_latency_only_slow_or_remote_capabilities_are_cached(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    async def fetch(inp: Num, ctx: pf.Context) -> Num:
        return inp

    remote = pf.Capability(
        "mounted.fetch", fetch, pf.Contract(Num, Num), idempotent=True, kind="remote"
    )
    module_node.register(remote)
    module = await optimize(min_latency_ms=1000)
    for _ in range(2):
        await module_node.call("double", {"n": 1})  # 10 ms: below the threshold
        await module_node.call("mounted.fetch", {"n": 1})
    stats = module.stats()["capabilities"]
    assert stats["double"]["cached"] is False and "min_latency_ms" in stats["double"]["reason"]
    assert stats["mounted.fetch"]["cached"] is True
    assert stats["mounted.fetch"]["hits"] == 1
    assert len(double) == 2

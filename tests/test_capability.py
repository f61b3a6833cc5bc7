"""Capabilities: contracts from type hints, validation, deadlines, errors, auth, limits."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
from typing import Any

import pytest
import trio
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow import errors


class TransformIn(BaseModel):
    user_id: str
    operations: list[str] = ["normalize"]


class TransformOut(BaseModel):
    user: dict[str, str]


@pf.capability(intent="Normalize a user's profile", tags=["users"], version="1.2.0")
async def user_transform(inp: TransformIn, ctx: pf.Context) -> TransformOut:
    return TransformOut(user={"id": inp.user_id, "ops": ",".join(inp.operations)})


def test_contract_comes_from_the_type_hints() -> None:
    cap = user_transform
    assert isinstance(cap, pf.Capability)
    assert (cap.name, cap.intent, cap.tags, cap.version) == (
        "user_transform",
        "Normalize a user's profile",
        ("users",),
        "1.2.0",
    )
    assert cap.contract.requires == ("user_id",)
    assert cap.contract.provides == ("user",)
    assert cap.contract.input_schema == TransformIn.model_json_schema()
    assert cap.contract.output_schema == TransformOut.model_json_schema()
    described = cap.describe()
    assert described["input_schema"]["required"] == ["user_id"]
    assert described["kind"] == "function"


async def test_decorated_function_stays_directly_callable() -> None:
    out = await user_transform(TransformIn(user_id="7"), pf.Context())
    assert out == TransformOut(user={"id": "7", "ops": "normalize"})


async def test_call_validates_input_and_returns_a_dict(node: pf.Node) -> None:
    node.register(user_transform)
    out = await node.call("user_transform", {"user_id": "42", "operations": ["a", "b"]})
    assert out == {"user": {"id": "42", "ops": "a,b"}}


async def test_invalid_input_is_e422_with_one_entry_per_field(node: pf.Node) -> None:
    node.register(user_transform)
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("user_transform", {"operations": "not-a-list"})
    assert info.value.code == "E422"
    assert info.value.type == "contract_violation"
    fields = {entry["field"]: entry["type"] for entry in info.value.details}
    assert fields == {"user_id": "missing", "operations": "list_type"}


async def test_output_breaking_the_contract_is_e422_output_contract(node: pf.Node) -> None:
    @pf.capability
    async def liar(inp: TransformIn) -> TransformOut:
        return {"user": "not a dict"}  # type: ignore[return-value]

    node.register(liar)
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("liar", {"user_id": "1"})
    assert info.value.type == "output_contract"
    assert info.value.details[0]["field"] == "user"


async def test_timeout_is_e408(node: pf.Node, autojump_clock: trio.testing.MockClock) -> None:
    @pf.capability(timeout=2.0)
    async def slow(inp: TransformIn) -> TransformOut:
        await trio.sleep(10)
        raise AssertionError("not reached")

    node.register(slow)
    with pytest.raises(errors.DeadlineExceededError) as info:
        await node.call("slow", {"user_id": "1"})
    assert info.value.details == {"timeout_s": 2.0}
    assert trio.current_time() == pytest.approx(2.0)


async def test_call_timeout_tightens_the_capability_timeout(
    node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    @pf.capability(timeout=5.0)
    async def slow(inp: TransformIn) -> TransformOut:
        await trio.sleep(10)
        raise AssertionError("not reached")

    node.register(slow)
    with pytest.raises(errors.DeadlineExceededError):
        await node.call("slow", {"user_id": "1"}, timeout=0.5)
    assert trio.current_time() == pytest.approx(0.5)


async def test_exception_becomes_e500_without_leaking_the_cause(node: pf.Node) -> None:
    @pf.capability
    async def broken(inp: TransformIn) -> TransformOut:
        raise KeyError("secret-database-password")

    node.register(broken)
    with pytest.raises(errors.ExecutionFailedError) as info:
        await node.call("broken", {"user_id": "1"}, context={"trace_id": "t-1"})
    exc = info.value
    assert isinstance(exc.__cause__, KeyError)  # kept for logs
    wire = repr(exc.to_wire())
    assert "secret" not in wire and "KeyError" not in wire and "Traceback" not in wire
    assert exc.details == {"trace_id": "t-1"}


async def test_sync_functions_run_in_a_worker_thread(node: pf.Node) -> None:
    trio_thread = threading.get_ident()

    @pf.capability(provides=["thread"])
    def blocking(user_id: str) -> dict[str, Any]:
        return {"thread": threading.get_ident()}

    node.register(blocking)
    out = await node.call("blocking", {"user_id": "1"})
    assert out["thread"] != trio_thread


async def test_field_style_and_untyped_capabilities(node: pf.Node) -> None:
    @pf.capability
    async def add(a: int, b: int = 2) -> dict[str, int]:
        return {"sum": a + b}

    @pf.capability(requires=["x"], provides=["y"])
    async def untyped(payload: dict[str, Any]) -> dict[str, Any]:
        return {"y": payload["x"] * 2}

    node.register(add, untyped)
    assert add.contract.requires == ("a",)
    assert await node.call("add", {"a": 1}) == {"sum": 3}
    assert await node.call("untyped", {"x": 4}) == {"y": 8}
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("untyped", {"z": 1})
    assert info.value.details == [{"field": "x", "message": "Field required", "type": "missing"}]
    with pytest.raises(errors.ContractViolationError):
        await node.call("add", {"a": "not a number"})


async def test_untyped_output_must_hold_provides(node: pf.Node) -> None:
    @pf.capability(provides=["y"])
    async def forgetful(payload: dict[str, Any]) -> dict[str, Any]:
        return {"z": 1}

    node.register(forgetful)
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("forgetful", {})
    assert info.value.type == "output_contract"


async def test_authorize_by_role_and_by_predicate(node: pf.Node) -> None:
    @pf.capability(authorize=["admin"])
    async def admin_only(inp: TransformIn) -> TransformOut:
        return TransformOut(user={})

    @pf.capability(authorize=lambda ctx: ctx.user_id == "alice")
    async def alice_only(inp: TransformIn) -> TransformOut:
        return TransformOut(user={})

    node.register(admin_only, alice_only)
    payload = {"user_id": "1"}
    assert await node.call("admin_only", payload, context={"roles": ["admin"]}) == {"user": {}}
    with pytest.raises(errors.ForbiddenError, match="requires one of the roles"):
        await node.call("admin_only", payload, context={"user_id": "bob", "roles": ["user"]})
    assert await node.call("alice_only", payload, context={"user_id": "alice"}) == {"user": {}}
    with pytest.raises(errors.ForbiddenError):
        await node.call("alice_only", payload, context={"user_id": "mallory"})


async def test_rate_limit_is_e429_with_retry_after(
    node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    @pf.capability(rate_limit="2/s")
    async def limited(inp: TransformIn) -> TransformOut:
        return TransformOut(user={})

    node.register(limited)
    payload = {"user_id": "1"}
    await node.call("limited", payload)
    await node.call("limited", payload)
    with pytest.raises(errors.RateLimitedError) as info:
        await node.call("limited", payload)
    assert info.value.retry_after_ms == 500
    await trio.sleep(0.5)
    await node.call("limited", payload)


def test_bad_rate_limit_and_timeout_are_rejected_at_declaration() -> None:
    with pytest.raises(ValueError, match=r"expected '<count>/<s\|min\|h>'"):
        pf.capability(rate_limit="lots")(user_transform.fn)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout must be positive"):
        pf.capability(timeout=0)(user_transform.fn)  # type: ignore[arg-type]
    assert pf.RateLimit.parse("10/min") == pf.RateLimit(rate=10.0, per=60.0)


async def test_stats_count_errors_and_percentiles(node: pf.Node) -> None:
    @pf.capability
    async def sometimes(inp: TransformIn) -> TransformOut:
        if inp.user_id == "bad":
            raise RuntimeError("no")
        return TransformOut(user={})

    node.register(sometimes)
    for user in ["a", "b", "bad", "c"]:
        with contextlib.suppress(errors.ExecutionFailedError):
            await node.call("sometimes", {"user_id": user})
    stats = node.stats()["sometimes"]
    assert (stats.count, stats.errors) == (4, 1)
    assert 0 < stats.p50_ms <= stats.p99_ms <= stats.max_ms


async def test_effects_audit_metric_notify(node: pf.Node, caplog: pytest.LogCaptureFixture) -> None:
    @pf.capability(
        effects=[
            pf.AuditLog(level="warning"),
            pf.Metric("counter", "transforms"),
            pf.Metric("histogram", "transform_ms"),
            pf.Notify("users.transformed"),
        ]
    )
    async def audited(inp: TransformIn, ctx: pf.Context) -> TransformOut:
        return TransformOut(user={"id": inp.user_id})

    node.register(audited)
    with node.channels.subscribe("users.*") as sub:
        await node.call("audited", {"user_id": "9"}, context={"user_id": "alice"})
        event = sub.receive_nowait()
    assert event is not None
    assert event.channel == "users.transformed"
    assert event.payload == {"capability": "audited", "result": {"user": {"id": "9"}}}
    assert node.metrics.counters["transforms"] == 1
    assert node.metrics.histogram("transform_ms")["count"] == 1
    audit = [r for r in caplog.records if r.name == "packetflow.audit"]
    assert len(audit) == 1
    assert "capability=audited user=alice" in audit[0].getMessage()
    assert "outcome=ok" in audit[0].getMessage()


async def test_a_failing_effect_never_fails_the_call(node: pf.Node) -> None:
    class Exploding(pf.Effect):
        kind = "exploding"

        def apply(self, outcome: pf.Outcome, node: pf.Node) -> None:
            raise RuntimeError("effect bug")

    @pf.capability(effects=[Exploding()])
    async def fine(inp: TransformIn) -> TransformOut:
        return TransformOut(user={})

    node.register(fine)
    assert await node.call("fine", {"user_id": "1"}) == {"user": {}}
    assert node._executor.effect_failures == 1


async def test_async_effects_see_failures(node: pf.Node) -> None:
    seen: list[pf.Outcome] = []

    class Record(pf.Effect):
        kind = "record"

        async def apply(self, outcome: pf.Outcome, node: pf.Node) -> None:
            await trio.lowlevel.checkpoint()
            seen.append(outcome)

    @pf.capability(effects=[Record()])
    async def fails(inp: TransformIn) -> TransformOut:
        raise errors.ConflictError("taken")

    node.register(fails)
    with pytest.raises(errors.ConflictError):
        await node.call("fails", {"user_id": "1"})
    assert len(seen) == 1
    assert not seen[0].ok
    assert seen[0].error is not None and seen[0].error.code == "E409"


async def test_observability_events(node: pf.Node) -> None:
    events: list[pf.ExecutionEvent] = []
    unsubscribe = node.events.subscribe(events.append)
    node.register(user_transform)
    await node.call("user_transform", {"user_id": "1"}, context={"trace_id": "trace-1"})
    with pytest.raises(errors.ContractViolationError):
        await node.call("user_transform", {}, context={"trace_id": "trace-2"})
    unsubscribe()
    await node.call("user_transform", {"user_id": "1"})
    assert [(e.kind, e.trace_id, e.error_code) for e in events] == [
        ("start", "trace-1", None),
        ("stop", "trace-1", None),
        ("start", "trace-2", None),
        ("error", "trace-2", "E422"),
    ]
    assert all(e.duration_ms is not None for e in events if e.kind != "start")


def test_non_effects_are_rejected() -> None:
    with pytest.raises(TypeError, match="is not an Effect"):
        pf.capability(effects=["audit"])(user_transform.fn)  # type: ignore[list-item]


def test_planner_and_optimizer_hints_are_kept_and_described() -> None:
    @pf.capability(
        intent="Get the weather forecast for a city",
        examples=["will it rain in Oslo tomorrow", "weather in Paris"],
        keywords=["umbrella"],
        reorderable=True,
    )
    async def forecast(city: str) -> dict[str, Any]:
        return {"city": city}

    assert forecast.examples == ("will it rain in Oslo tomorrow", "weather in Paris")
    assert forecast.keywords == ("umbrella",)
    assert forecast.reorderable and not forecast.idempotent
    described = forecast.describe()
    assert described["examples"] == list(forecast.examples)
    assert described["keywords"] == ["umbrella"]
    # idempotent implies reorderable: a cacheable step can also run out of order
    assert pf.capability(idempotent=True)(user_transform.fn).reorderable


@pytest.mark.parametrize(
    ("option", "value"),
    [("examples", "one string"), ("keywords", [""]), ("examples", [3])],
    ids=["string-not-list", "empty-entry", "not-a-string"],
)
def test_bad_examples_and_keywords_are_rejected_at_declaration(option: str, value: Any) -> None:
    with pytest.raises(TypeError, match=option):
        pf.capability(**{option: value})(user_transform.fn)


class Item(BaseModel):
    sku: str


@dataclasses.dataclass
class Point:
    x: int
    y: int


async def test_plain_return_annotations_are_answered_as_result(node: pf.Node) -> None:
    """SPEC 2: ``-> int``/``-> str``/``-> list[X]`` get a generated model with one field."""

    @pf.capability
    async def add(a: int, b: int) -> int:
        return a + b

    @pf.capability
    def greet(name: str) -> str:  # sync: runs in a worker thread
        return f"hello {name}"

    @pf.capability(name="catalog")
    async def items(n: int) -> list[Item]:
        return [Item(sku=f"s{i}") for i in range(n)]

    @pf.capability
    async def point(x: int) -> Point:
        return Point(x, x * 2)

    @pf.capability
    async def nothing(x: int) -> None:
        return None

    node.register(add, greet, items, point, nothing)
    assert await node.call("add", {"a": 1, "b": 2}) == {"result": 3}
    assert await node.call("greet", {"name": "ada"}) == {"result": "hello ada"}
    assert await node.call("catalog", {"n": 2}) == {"result": [{"sku": "s0"}, {"sku": "s1"}]}
    assert await node.call("point", {"x": 2}) == {"result": {"x": 2, "y": 4}}
    assert await node.call("nothing", {"x": 1}) == {"result": None}
    assert add.contract.provides == ("result",)
    assert add.contract.output_types() == {"result": int}
    schema = items.contract.output_schema
    assert schema["title"] == "CatalogOutput"
    assert schema["required"] == ["result"]
    assert schema["properties"]["result"]["type"] == "array"


async def test_a_wrong_plain_result_is_an_output_contract_error(node: pf.Node) -> None:
    @pf.capability
    async def count(a: int) -> int:
        return "many"  # type: ignore[return-value]

    node.register(count)
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("count", {"a": 1})
    assert info.value.type == "output_contract"
    assert info.value.details[0]["field"] == "result"


@pytest.mark.parametrize(
    "annotation", [dict, dict[str, Any], Any], ids=["dict", "dict-str-any", "any"]
)
def test_mappings_and_any_stay_untyped(annotation: Any) -> None:
    async def fn(a: int) -> Any:
        return {"a": a}

    fn.__annotations__["return"] = annotation
    cap = pf.capability(provides=["a"])(fn)
    assert (cap.contract.output_model, cap.contract.provides) == (None, ("a",))


def test_a_return_annotation_the_node_cannot_serve_is_refused_at_declaration() -> None:
    with pytest.raises(TypeError, match=r"capability 'sock': return annotation .*socket.*"):

        @pf.capability
        async def sock(a: int) -> socket.socket:
            raise NotImplementedError

    with pytest.raises(TypeError, match="provides= names the keys of an untyped"):

        @pf.capability(provides=["n"])
        async def both(a: int) -> int:
            return a


async def test_mcp_tools_carry_the_generated_output_schema(node: pf.Node) -> None:
    import mcp

    from packetflow.mcp import McpServer

    @pf.capability
    async def add(a: int, b: int) -> int:
        return a + b

    node.register(add)
    server = McpServer(node)
    async with server.serving(), mcp.Client(server.lowlevel) as client:
        [tool] = [t for t in (await client.list_tools()).tools if t.name == "add"]
        assert tool.output_schema == add.contract.output_schema
        result = await client.call_tool("add", {"a": 2, "b": 3})
        assert not result.is_error
        assert result.structured_content == {"result": 5}

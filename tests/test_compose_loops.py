"""loop and map_reduce."""

from __future__ import annotations

from typing import Any

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow import errors

from .kit import tracker


async def test_loop_iterates_in_order_and_emits(kit_node: pf.Node) -> None:
    plan = pf.loop(over="numbers", as_="value", body=pf.step("double"), emit=["doubled"])
    out = await kit_node.run(plan, {"numbers": [1, 2, 3]})
    assert out["all_doubled"] == [2, 4, 6]
    assert (out["processed_count"], out["errors_count"]) == (3, 0)
    assert "value" not in out  # the loop variable does not leak


async def test_loop_break_when(kit_node: pf.Node) -> None:
    plan = pf.loop(
        over="numbers",
        as_="value",
        body=pf.step("double"),
        break_when="doubled >= 6",
        emit=["doubled"],
    )
    out = await kit_node.run(plan, {"numbers": [1, 2, 3, 4, 5]})
    assert out["all_doubled"] == [2, 4, 6]
    assert out["processed_count"] == 3


@pytest.mark.parametrize(
    ("on_error", "processed", "errors_count", "emitted"),
    [("skip", 2, 2, [0, 4]), ("break", 1, 1, [0])],
    ids=["skip", "break"],
)
async def test_loop_on_error(
    kit_node: pf.Node, on_error: Any, processed: int, errors_count: int, emitted: list[int]
) -> None:
    plan = pf.loop(
        over="numbers",
        as_="value",
        body=pf.step("even_only"),
        on_error=on_error,
        emit=["doubled"],
    )
    out = await kit_node.run(plan, {"numbers": [0, 1, 2, 3]})
    assert (out["processed_count"], out["errors_count"]) == (processed, errors_count)
    assert out["all_doubled"] == emitted


async def test_loop_on_error_fail_raises_with_the_path(kit_node: pf.Node) -> None:
    plan = pf.loop(over="numbers", as_="value", body=pf.step("even_only"))
    with pytest.raises(errors.ContractViolationError) as info:
        await kit_node.run(plan, {"numbers": [0, 1]})
    assert info.value.details == {"path": "loop.body.step"}


async def test_loop_delay_and_max_iterations(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    plan = pf.loop(over="numbers", as_="value", body=pf.step("inc"), delay=2.0, max_iterations=3)
    out = await kit_node.run(plan, {"numbers": [1, 2, 3, 4, 5]})
    assert out["processed_count"] == 3
    assert trio.current_time() == pytest.approx(4.0)  # delays between iterations only


async def test_loop_over_a_non_list_is_e422(kit_node: pf.Node) -> None:
    plan = pf.loop(over="numbers", as_="value", body=pf.step("inc"))
    with pytest.raises(errors.ContractViolationError, match="must be a list"):
        await kit_node.run(plan, {"numbers": "123"})


async def test_map_reduce_honours_max_concurrency(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    labels = [f"job{i}" for i in range(10)]
    plan = pf.map_reduce(
        over="labels",
        as_="label",
        map=pf.step("sleepy", from_=["seconds", "label"]),
        emit=["done"],
        max_concurrency=3,
    )
    out = await kit_node.run(plan, {"labels": labels, "seconds": 1.0})
    assert tracker.peak == 3
    assert out["all_done"] == labels  # item order, not completion order
    assert trio.current_time() == pytest.approx(4.0)  # ceil(10 / 3) waves of 1 s


async def test_map_reduce_chunks_and_reduces(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    @pf.capability(provides=["total"])
    async def total(payload: dict[str, Any]) -> dict[str, Any]:
        return {"total": sum(payload["all_doubled"])}

    kit_node.register(total)
    plan = pf.map_reduce(
        over="numbers",
        as_="value",
        map=pf.step("double"),
        emit=["doubled"],
        reduce=pf.step("total", from_=["all_doubled"]),
        chunk_size=2,
    )
    out = await kit_node.run(plan, {"numbers": [1, 2, 3, 4, 5]})
    assert out["all_doubled"] == [2, 4, 6, 8, 10]
    assert out["total"] == 30


async def test_map_reduce_chunk_bounds_concurrency(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    plan = pf.map_reduce(
        over="labels",
        as_="label",
        map=pf.step("sleepy", from_=["seconds", "label"]),
        emit=["done"],
        max_concurrency=10,
        chunk_size=4,
    )
    await kit_node.run(plan, {"labels": [str(i) for i in range(10)], "seconds": 1.0})
    assert tracker.peak == 4
    assert trio.current_time() == pytest.approx(3.0)  # chunks of 4, 4, 2


async def test_map_reduce_failure_fails_fast(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    plan = pf.map_reduce(over="numbers", as_="value", map=pf.step("even_only"), emit=["doubled"])
    with pytest.raises(errors.ContractViolationError) as info:
        await kit_node.run(plan, {"numbers": [2, 4, 5, 6]})
    assert info.value.details == {"path": "map_reduce.map.step"}

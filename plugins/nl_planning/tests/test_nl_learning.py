"""Learning from outcomes: feedback (and runs that succeed) move a phrasing's evidence towards
a capability, in a bounded store persisted in SQLite under the node's data dir; the plan
cache is bounded, keyed by text, date and registry version, and invalidated on change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning import Evidence, NlPlanningModule
from packetflow_nl_planning.cache import PlanCache, normalize_key


class NoteIn(BaseModel):
    text: str = Field(description="what to keep")


class Ack(BaseModel):
    ok: bool = True


# Two capabilities an ambiguous phrasing fits equally: "jot down ..." could be either.
@pf.capability(intent="Save a note to the notebook", tags=["notes"])
async def save_note(inp: NoteIn) -> Ack:
    return Ack()


@pf.capability(intent="Add an item to the to-do list", tags=["tasks"])
async def add_task(inp: NoteIn) -> Ack:
    return Ack()


def _node(data_dir: Path) -> pf.Node:
    node = pf.Node("learning", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.configure({})
    node.register(save_note, add_task)
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    return node


async def _chosen(node: pf.Node, text: str) -> str:
    out = await node.call("nl_planning.plan", {"text": text, "today": "2026-03-04"})
    name: str = out["steps"][0]["capability"]
    return name


async def test_feedback_corrects_a_phrasing_and_survives_a_restart(tmp_path: Path) -> None:
    text = "jot down 'call the bank'"
    node = _node(tmp_path / "data")
    async with node.started():
        first = await _chosen(node, text)
        assert first == "save_note"  # the planner's own pick for this phrasing
        out = await node.call(
            "nl_planning.feedback", {"text": text, "capability": "add_task", "correct": True}
        )
        assert out["capability"] == "add_task" and out["score"] > 0
        assert await _chosen(node, text) == "add_task"
        # The same phrasing with another value is the same phrasing.
        assert await _chosen(node, "jot down 'buy milk'") == "add_task"
    assert (tmp_path / "data" / "nl_planning" / "evidence.db").is_file()
    restarted = _node(tmp_path / "data")
    async with restarted.started():
        assert await _chosen(restarted, text) == "add_task"
        await restarted.call(
            "nl_planning.feedback", {"text": text, "capability": "add_task", "correct": False}
        )
        assert await _chosen(restarted, text) == "save_note"


async def test_feedback_for_an_unknown_capability_is_e404(tmp_path: Path) -> None:
    node = _node(tmp_path / "data")
    async with node.started():
        with pytest.raises(pf.errors.NotFoundError, match="nope"):
            await node.call(
                "nl_planning.feedback", {"text": "jot it", "capability": "nope", "correct": True}
            )


def test_the_evidence_store_is_bounded_least_recently_updated_first(tmp_path: Path) -> None:
    store = Evidence(tmp_path / "e.db", limit=3)
    for i in range(5):
        store.record(f"phrase {i}", "cap", 1.0)
    store.record("phrase 2", "cap", 1.0)  # touched again: kept
    assert len(store) == 3
    store.flush()
    store.close()
    reopened = Evidence(tmp_path / "e.db", limit=3)
    assert reopened.boost("phrase 0", "cap") == 0.0
    assert reopened.boost("phrase 2", "cap") > reopened.boost("phrase 4", "cap") > 0.0
    reopened.close()


def test_the_plan_cache_is_a_bounded_lru() -> None:
    cache = PlanCache(2)
    cache.put("a", {"v": 1})
    cache.put("b", {"v": 2})
    assert cache.get("a") == {"v": 1}  # a is now the most recent
    cache.put("c", {"v": 3})
    assert cache.get("b") is None and cache.get("c") == {"v": 3}
    got = cache.get("a")
    assert got == {"v": 1}
    got["v"] = 99  # callers get copies
    assert cache.get("a") == {"v": 1}
    assert normalize_key("  Refund ORDER 12!  ") == normalize_key("refund order 12")


async def test_the_module_caches_plans_and_a_registry_change_clears_them(
    module_node: pf.Node, register_module: Any
) -> None:
    module_node.register(save_note)
    module: NlPlanningModule = await register_module(NlPlanningModule)
    cache = module.planning.cache
    await module_node.call("nl_planning.plan", {"text": "jot down 'x'", "today": "2026-03-04"})
    await module_node.call("nl_planning.plan", {"text": "Jot down 'x'!", "today": "2026-03-04"})
    assert cache.hits == 1 and len(cache) == 1
    module_node.register(add_task)
    assert len(cache) == 0


async def test_a_plan_that_runs_to_the_end_is_weak_evidence(tmp_path: Path) -> None:
    node = _node(tmp_path / "data")
    async with node.started():
        module = node.modules.instance("nl_planning")
        [key] = module.planning.offline.keys("jot down 'call the bank'")
        assert module.evidence.boost(key, "save_note") == 0.0
        await node.call(intent="jot down 'call the bank'")  # through handle_response
        weak = module.evidence.boost(key, "save_note")
        assert 0.0 < weak < 0.2
        await node.call(
            "nl_planning.feedback",
            {"text": "jot down 'x'", "capability": "save_note", "correct": True},
        )
        assert module.evidence.boost(key, "save_note") > 2 * weak  # feedback counts far more

"""Validation before execution: problems are reported with the offending node's path."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow import errors


class Signup(BaseModel):
    email: str
    country: str


class Account(BaseModel):
    account_id: str


class RiskIn(BaseModel):
    email: str
    velocity: float


class Risk(BaseModel):
    risk: float
    label: str


class ReviewIn(BaseModel):
    account_id: str
    risk: float


class Review(BaseModel):
    decision: str


class Labels(BaseModel):
    labels: list[str]


@pf.capability
async def create_account(inp: Signup) -> Account:
    return Account(account_id="a1")


@pf.capability
async def score_risk(inp: RiskIn) -> Risk:
    return Risk(risk=0.1, label="low")


@pf.capability
async def review(inp: ReviewIn) -> Review:
    return Review(decision="ok")


@pytest.fixture
async def vnode(node: pf.Node) -> pf.Node:
    node.register(create_account, score_risk, review)
    return node


def problems(exc: pytest.ExceptionInfo[errors.PlanValidationError]) -> list[tuple[str, str]]:
    return [(d["path"], d["problem"]) for d in exc.value.details]


async def test_type_mismatch_names_the_nested_node(vnode: pf.Node) -> None:
    plan = pf.pipeline(
        pf.step("create_account"),
        pf.step("create_account", to=["account_id->velocity"]),  # writes a str as "velocity"
        pf.parallel({"risk": pf.step("score_risk"), "account": pf.step("create_account")}),
    )
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(plan, inputs=["email", "country"])
    assert problems(info) == [("pipeline[2].parallel.branch['risk'].step", "type_mismatch")]
    message = info.value.details[0]["message"]
    assert "expects 'velocity' as float" in message and "produces str" in message
    assert info.value.code == "E422"
    assert str(info.value).startswith("plan is invalid at pipeline[2].parallel.branch['risk'].step")


async def test_unknown_capability_and_missing_keys(vnode: pf.Node) -> None:
    plan = pf.pipeline(
        pf.step("create_acount"),
        pf.conditional(
            pf.when("risk > 0.5", pf.step("review")),
            otherwise=pf.step("score_risk", from_=["email", "speed->velocity"]),
        ),
    )
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(plan, inputs=["email", "country"])
    assert problems(info) == [
        ("pipeline[0].step", "unknown_capability"),
        ("pipeline[1].conditional.when[0]", "missing_key"),
        ("pipeline[1].conditional.when[0].step", "missing_key"),  # account_id
        ("pipeline[1].conditional.when[0].step", "missing_key"),  # risk
        ("pipeline[1].conditional.otherwise.step", "missing_key"),  # speed
    ]


async def test_unknown_fields_and_conflicting_writes(vnode: pf.Node) -> None:
    plan = pf.pipeline(
        pf.step("create_account", from_=["email", "country", "nope->colour"], to=["missing"]),
        pf.parallel(pf.step("score_risk"), pf.step("score_risk", to=["risk"])),
    )
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(plan, inputs={"email": str, "country": str, "nope": str, "velocity": float})
    assert problems(info) == [
        ("pipeline[0].step", "unknown_field"),
        ("pipeline[0].step", "unknown_field"),
        ("pipeline[1].parallel.branch['score_risk_1'].step", "conflicting_write"),
    ]


async def test_definite_writes_through_branches(vnode: pf.Node) -> None:
    # A key written by only one conditional arm is not available afterwards...
    only_one_arm = pf.pipeline(
        pf.conditional(pf.when("country == 'NL'", pf.step("create_account"))),
        pf.step("review", from_=["account_id", "velocity->risk"]),
    )
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(only_one_arm, inputs={"email": str, "country": str, "velocity": float})
    assert problems(info) == [("pipeline[1].step", "missing_key")]
    # ...but one written by every arm is.
    every_arm = pf.pipeline(
        pf.conditional(
            pf.when("country == 'NL'", pf.step("create_account")),
            otherwise=pf.step("create_account"),
        ),
        pf.step("review", from_=["account_id", "velocity->risk"]),
    )
    vnode.validate(every_arm, inputs={"email": str, "country": str, "velocity": float})


async def test_nothing_runs_when_validation_fails(vnode: pf.Node) -> None:
    calls: list[Any] = []

    @pf.capability
    async def spy(inp: Signup) -> Account:
        calls.append(inp)
        return Account(account_id="x")

    vnode.register(spy)
    with pytest.raises(errors.PlanValidationError):
        await vnode.run(
            pf.pipeline(pf.step("spy"), pf.step("ghost")), {"email": "e", "country": "c"}
        )
    assert calls == []


async def test_loop_and_map_reduce_scopes(vnode: pf.Node) -> None:
    plan = pf.pipeline(
        pf.map_reduce(
            over="signups",
            as_="email",
            map=pf.step("create_account", from_=["email", "country"]),
            emit=["account_id", "ghost"],
        ),
        pf.loop(
            over="all_account_id",
            as_="account_id",
            body=pf.step("review", from_=["account_id", "risk"]),
            break_when="decision == 'stop' and unknown_key",
        ),
    )
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(plan, inputs={"signups": list[str], "country": str, "risk": float})
    assert problems(info) == [
        ("pipeline[0].map_reduce", "missing_key"),
        ("pipeline[1].loop", "missing_key"),
    ]


async def test_registering_an_invalid_composition(vnode: pf.Node) -> None:
    bad = pf.composition("bad", pf.step("ghost"))
    with pytest.raises(errors.PlanValidationError, match="'ghost' is not registered"):
        vnode.register(bad)
    assert "bad" not in vnode.registry


async def test_invalid_composition_fails_node_start() -> None:
    node = pf.Node("t")
    node.register(pf.composition("bad", pf.step("ghost")))
    with pytest.RaisesGroup(errors.PlanValidationError, flatten_subgroups=True):
        async with node.started():
            pass
    assert node.state == "stopped"


async def test_composition_inputs_are_inferred_or_declared(vnode: pf.Node) -> None:
    inferred = pf.composition(
        "inferred", pf.pipeline(pf.step("create_account"), pf.step("score_risk"))
    )
    vnode.register(inferred)
    schema = vnode.registry.get("inferred").contract.input_schema
    assert schema["required"] == ["email", "country", "velocity"]
    assert schema["properties"]["velocity"]["type"] == "number"
    declared = pf.composition("declared", pf.step("score_risk"), input=["email"])
    with pytest.raises(errors.PlanValidationError, match="reads 'velocity'"):
        vnode.register(declared)


async def test_what_a_node_puts_in_scope_ends_with_it(vnode: pf.Node) -> None:
    # The walk keeps one scope and undoes each node's additions when the node ends: a loop
    # variable shadows a key only inside the loop, an item key is gone after its map_reduce,
    # and parallel branches never see each other's writes.
    @pf.capability
    async def list_labels(inp: Signup) -> Labels:
        return Labels(labels=[])

    vnode.register(list_labels)
    plan = pf.pipeline(
        pf.step("create_account"),
        pf.step("score_risk"),  # risk: float
        pf.step("list_labels"),
        pf.loop(over="labels", as_="risk", body=pf.step("review")),  # risk: str in the loop
        pf.step("review"),  # the float again
        pf.map_reduce(
            over="labels",
            as_="nickname",
            map=pf.step("create_account", from_=["nickname->email", "country"]),
            emit=["account_id"],
        ),
        pf.step("create_account", from_=["nickname->email", "country"]),
        pf.parallel(
            {
                "a": pf.step("create_account", to=["account_id->fresh"]),
                "b": pf.step("review", from_=["fresh->account_id", "risk"]),
            }
        ),
    )
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(plan, inputs=["email", "country", "velocity"])
    assert problems(info) == [
        ("pipeline[3].loop.body.step", "type_mismatch"),
        ("pipeline[6].step", "missing_key"),
        ("pipeline[7].parallel.branch['b'].step", "missing_key"),
    ]


async def test_a_long_pipeline_sees_every_earlier_write(vnode: pf.Node) -> None:
    # Each step writes its own key and the last reads the first: the scope carries them all.
    steps = [pf.step("create_account", to=[f"account_id->a{i}"]) for i in range(300)]
    plan = pf.pipeline(*steps, pf.step("review", from_=["a0->account_id", "velocity->risk"]))
    analysis = vnode.validate(plan, inputs={"email": str, "country": str, "velocity": float})
    assert analysis.steps == 301
    assert list(analysis.outputs) == [*(f"a{i}" for i in range(300)), "decision"]


async def test_revalidating_sees_a_replaced_capability(vnode: pf.Node) -> None:
    # What a step's validation finds is kept per (step, capability): replacing the capability
    # under the same name is seen by the next validation of the very same plan.
    step = pf.step("review")
    plan = pf.pipeline(pf.step("create_account"), step)
    inputs = {"email": str, "country": str, "risk": float}
    assert list(vnode.validate(plan, inputs=inputs).outputs) == ["account_id", "decision"]

    @pf.capability(name="review")
    async def strict_review(inp: RiskIn) -> Review:
        return Review(decision="ok")

    vnode.unregister("review")
    vnode.register(strict_review)
    with pytest.raises(errors.PlanValidationError) as info:
        vnode.validate(plan, inputs=inputs)
    assert problems(info) == [("pipeline[1].step", "missing_key")]  # velocity


async def test_an_analysis_is_the_callers_to_change(vnode: pf.Node) -> None:
    plan = pf.step("create_account")
    first = vnode.validate(plan, inputs=["email", "country"])
    first.outputs.clear()
    first.dataflow.clear()
    again = vnode.validate(plan, inputs=["email", "country"], dataflow=True)
    assert list(again.outputs) == ["account_id"]
    assert again.dataflow["step"].writes == frozenset({"account_id"})


def test_step_facts_kept_are_bounded() -> None:
    from packetflow._compose.stepfacts import _FACTS, MAX_STEP_FACTS, step_facts

    for _ in range(MAX_STEP_FACTS + 10):
        step_facts(pf.step("create_account"), create_account)
    assert 0 < len(_FACTS) <= MAX_STEP_FACTS

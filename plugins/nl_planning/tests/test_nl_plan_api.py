"""``nl_planning.plan`` and ``nl_planning.explain`` as SPEC 5.5 pins them: steps, plan JSON,
confidence, explanation; E404 naming the closest candidates; bad input as typed errors; the
plan checked by the L3 validator."""

from __future__ import annotations

from typing import Any

import pytest
from small_registry import TODAY, plan

import packetflow as pf


async def test_a_request_becomes_steps_with_params_and_a_valid_plan(
    module_node: pf.Node, planning: Any
) -> None:
    out = await plan(module_node, "what's the weather in Oslo tomorrow, in fahrenheit")
    assert out["steps"] == [
        {
            "capability": "get_forecast",
            "params": {"city": "Oslo", "date": "2026-03-05", "units": "imperial"},
        }
    ]
    assert 0.0 < out["confidence"] <= 1.0
    assert "get_forecast" in out["explanation"]
    node_plan = pf.load_plan(out["plan"])
    inputs = {f"s1.{k}": v for k, v in out["steps"][0]["params"].items()}
    analysis = module_node.validate(node_plan, inputs=list(inputs))
    assert analysis.steps == 1


async def test_values_are_normalised_to_the_schema(module_node: pf.Node, planning: Any) -> None:
    out = await plan(
        module_node, "please give me my money back for order #7345901, 15 euros, don't notify them"
    )
    [step] = out["steps"]
    assert step == {
        "capability": "refund_order",
        "params": {"order_id": "7345901", "amount": 15, "currency": "EUR", "notify": False},
    }
    out = await plan(module_node, "how much to send a 750 g parcel to Norway")
    assert out["steps"][0]["params"] == {"weight_kg": 0.75, "destination": "Norway"}


async def test_compound_requests_wire_what_only_an_earlier_step_gives(
    module_node: pf.Node, planning: Any
) -> None:
    out = await plan(module_node, "look up Ada Lovelace and then email her saying 'lunch at noon?'")
    assert [s["capability"] for s in out["steps"]] == ["find_contact", "send_email"]
    assert out["steps"][1]["params"] == {"body": "lunch at noon?"}
    second = out["plan"]["steps"][1]
    assert "s1.email->to" in second["from"]  # wired from the contact's output, not a guess
    result = await module_node.call(intent="look up Ada Lovelace and then email her saying 'hi'")
    assert result == {"message_id": "m-1", "to": "ada@example.org"}


async def test_references_resolve_to_literals(module_node: pf.Node, planning: Any) -> None:
    out = await plan(
        module_node, "my email is ada@x.org. send an email to the address I just gave you saying hi"
    )
    assert out["steps"] == [
        {"capability": "send_email", "params": {"to": "ada@x.org", "body": "hi"}}
    ]
    out = await plan(
        module_node,
        "revenue for last month and then revenue for the same period",
        max_steps=2,
    )
    first, second = (s["params"] for s in out["steps"])
    assert first == second == {"start": "2026-02-01", "end": "2026-02-28"}


@pytest.mark.parametrize(
    "text",
    [
        "unfollow @ada",  # the opposite of follow_user
        "update the forecast for Oslo",  # get_forecast only reads
        "delete order 7345901",  # refund_order does something else to an order
        "what's the capital of Peru?",  # nothing fits at all
        "order 7345901",  # a bare noun phrase never changes or refunds anything
    ],
    ids=["opposite", "read-only", "other-action", "nothing", "bare-noun"],
)
async def test_refusals_name_the_closest_candidates(
    module_node: pf.Node, planning: Any, text: str
) -> None:
    with pytest.raises(pf.errors.NotFoundError) as caught:
        await plan(module_node, text)
    details = caught.value.details
    assert details["candidates"], "a refusal names the closest candidates"
    assert "closest" in caught.value.message
    if text.startswith("unfollow"):
        follow = next(c for c in details["candidates"] if c["capability"] == "follow_user")
        assert follow["action_matches"] is False
        assert "opposite" in follow["reason"]


async def test_explain_shows_scores_and_which_words_filled_which_field(
    module_node: pf.Node, planning: Any
) -> None:
    out = await module_node.call(
        "nl_planning.explain", {"text": "refund order 7345901", "today": TODAY}
    )
    [candidates] = out["candidates"]
    assert candidates[0]["capability"] == "refund_order"
    assert {"score", "lexical", "semantic", "argument_fit", "action_matches"} <= set(candidates[0])
    assert out["filled"] == [{"order_id": "7345901"}]


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"text": ""}, "E400"),
        ({"text": "   "}, "E400"),
        ({"text": "refund order 7345901 " * 200}, "E413"),
        ({"text": "refund order 7345901", "today": "next tuesday"}, "E422"),
        ({"text": "refund order 7345901", "today": "2026-02-30"}, "E422"),
        ({"text": "refund order 7345901", "max_steps": 0}, "E422"),
        ({"text": "refund order 7345901", "max_steps": 11}, "E422"),
        ({"text": "refund order 7345901", "max_steps": "many"}, "E422"),
    ],
    ids=[
        "empty",
        "blank",
        "huge",
        "today-words",
        "today-invalid",
        "steps-0",
        "steps-11",
        "steps-words",
    ],
)
async def test_bad_input_gets_a_typed_error(
    module_node: pf.Node, planning: Any, payload: dict[str, Any], code: str
) -> None:
    with pytest.raises(pf.errors.PacketFlowError) as caught:
        await module_node.call("nl_planning.plan", payload)
    assert caught.value.code == code
    assert await plan(module_node, "refund order 7345901")  # still serving


async def test_a_missing_required_value_is_e422_naming_it(
    module_node: pf.Node, planning: Any
) -> None:
    with pytest.raises(pf.errors.ContractViolationError) as caught:
        await plan(module_node, "refund my last order please")
    assert "order_id" in caught.value.message


async def test_more_steps_than_max_steps_is_e422(module_node: pf.Node, planning: Any) -> None:
    text = "refund order 7345901 and then follow @ada and then email bob@x.org saying hi"
    assert len((await plan(module_node, text))["steps"]) == 3
    with pytest.raises(pf.errors.ContractViolationError, match="max_steps"):
        await plan(module_node, text, max_steps=2)

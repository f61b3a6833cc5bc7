"""Plans as JSON/YAML documents: round trips and load-time checks."""

from __future__ import annotations

import json
from typing import Any

import pytest
import trio.testing

import packetflow as pf
from packetflow import errors


def every_node_type() -> pf.PlanNode:
    return pf.pipeline(
        pf.step("inc", timeout=5),
        pf.parallel({"d": pf.step("double"), "t": pf.step("to_text")}, partial_failure="continue"),
        pf.conditional(
            pf.when("doubled > 3 and 'n=' in text", pf.step("score")),
            otherwise=pf.step("to_text", to=["text->fallback"]),
        ),
        pf.loop(
            over="numbers",
            as_="value",
            body=pf.step("double"),
            emit=["doubled"],
            break_when="doubled >= 6",
            on_error="skip",
        ),
        pf.retry(
            pf.step("inc", to=["value->retried"]),
            max_attempts=2,
            backoff=pf.exponential(0.5, 2.0, jitter=0.0),
            retry_on=["E503"],
            circuit_breaker=pf.CircuitBreaker(failure_threshold=2, recovery_timeout=1.0),
            fallback=pf.step("double"),
        ),
        pf.map_reduce(
            over="numbers",
            as_="value",
            map=pf.step("inc"),
            emit=["value"],
            max_concurrency=2,
            chunk_size=2,
        ),
        pf.event_driven(
            states=["a", "b"], initial="a", on={"go": {"a": (pf.step("inc"), "b")}}, final=["b"]
        ),
    )


async def test_json_round_trip_runs_identically(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    plan = every_node_type()
    text = pf.dump_plan(plan)
    loaded = pf.load_plan(text)
    assert loaded == plan
    assert pf.dump_plan(loaded) == text
    payload = {"value": 1, "numbers": [1, 2, 3, 4], "events": ["go"]}
    first = await kit_node.run(plan, dict(payload))
    second = await kit_node.run(loaded, dict(payload))
    assert first == second
    assert first["all_value"] == [2, 3, 4, 5] and first["state"] == "b"


def test_yaml_round_trip() -> None:
    plan = every_node_type()
    text = pf.dump_plan(plan, format="yaml")
    assert text.startswith("type: pipeline")
    assert pf.load_plan(text, format="yaml") == plan


def test_dumps_are_compact_and_use_json_names() -> None:
    data = json.loads(
        pf.dump_plan(pf.loop(over="xs", as_="x", body=pf.step("inc", from_=["x->value"])))
    )
    assert data == {
        "type": "loop",
        "over": "xs",
        "as": "x",
        "body": {"type": "step", "cap": "inc", "from": ["x->value"]},
    }


def test_callable_conditions_cannot_be_dumped() -> None:
    plan = pf.conditional(pf.when(lambda bb: True, pf.step("inc")))
    with pytest.raises(errors.MalformedError, match="cannot be serialised"):
        pf.dump_plan(plan)


BAD_DOCUMENTS = [
    ("not json", "{nope", "not valid JSON"),
    ("unknown type", '{"type": "teleport"}', "invalid"),
    ("unknown field", '{"type": "step", "cap": "x", "colour": 1}', "invalid"),
    ("bad rename", '{"type": "step", "cap": "x", "from": ["a->"]}', "invalid"),
    (
        "bad retry code",
        '{"type": "retry", "body": {"type": "step", "cap": "x"}, "retry_on": ["E999"]}',
        "E999",
    ),
    ("negative timeout", '{"type": "step", "cap": "x", "timeout": -1}', "invalid"),
    (
        "too deep",
        '{"type": "pipeline", "steps": [' * 40 + '{"type": "step", "cap": "x"}' + "]}" * 40,
        "limits",
    ),
]


@pytest.mark.parametrize(
    ("document", "match"), [(d[1], d[2]) for d in BAD_DOCUMENTS], ids=[d[0] for d in BAD_DOCUMENTS]
)
def test_bad_documents_are_e400(document: str, match: str) -> None:
    with pytest.raises((errors.MalformedError, KeyError), match=match):
        pf.load_plan(document)


def test_load_errors_carry_field_details() -> None:
    with pytest.raises(errors.MalformedError) as info:
        pf.load_plan({"type": "pipeline", "steps": [{"type": "step"}]})
    assert info.value.code == "E400"
    assert any("cap" in entry["field"] for entry in info.value.details)


async def test_composition_documents(kit_node: pf.Node) -> None:
    comp = pf.composition(
        "doubler",
        pf.step("double"),
        intent="Double it",
        input=["value"],
        output=["doubled"],
        timeout=3.0,
    )
    text = pf.dump_composition(comp)
    loaded = pf.load_composition(text)
    assert (loaded.name, loaded.intent, loaded.input, loaded.output, loaded.timeout) == (
        "doubler",
        "Double it",
        ("value",),
        ("doubled",),
        3.0,
    )
    kit_node.register(loaded)
    assert await kit_node.call("doubler", {"value": 4}) == {"doubled": 8}
    with pytest.raises(errors.MalformedError, match="unknown fields"):
        pf.load_composition({"name": "x", "plan": {"type": "step", "cap": "inc"}, "owner": "me"})
    document: dict[str, Any] = {"plan": {}}
    with pytest.raises(errors.MalformedError, match="'name' and 'plan'"):
        pf.load_composition(document)


def test_composition_examples_and_keywords_round_trip() -> None:
    comp = pf.composition(
        "greet_twice",
        pf.pipeline(pf.step("a"), pf.step("b")),
        examples=["say hi twice"],
        keywords=["greeting"],
    )
    loaded = pf.load_composition(pf.dump_composition(comp))
    assert (loaded.examples, loaded.keywords) == (("say hi twice",), ("greeting",))

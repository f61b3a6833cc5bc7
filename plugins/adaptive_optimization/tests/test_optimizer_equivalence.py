"""Proof of identical results: random pipelines over pure capabilities (random dataflow,
renames, nesting, reorderable or not) produce the same blackboard rewritten as written; and
the onboarding example gives the same answers with the module as without it."""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass
from typing import Any

import trio
import trio.testing
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, create_model

import packetflow as pf
from packetflow_adaptive_optimization import Rewriter

KEYS = ("a", "b", "c", "d", "e", "f")
INPUTS = {"a": 3, "b": 5}


@dataclass(frozen=True)
class Spec:
    """A pure capability: ``writes[i] = f(reads)``, after ``delay`` (virtual) seconds."""

    index: int
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    reorderable: bool
    delay: float


def build(spec: Spec) -> pf.Capability:
    fields: dict[str, Any] = {f"i_{k}": (int, ...) for k in spec.reads}
    inp: type[BaseModel] = create_model(f"In{spec.index}", **fields)
    out: type[BaseModel] = create_model(
        f"Out{spec.index}", **{f"o_{k}": (int, ...) for k in spec.writes}
    )

    async def run(payload: Any) -> Any:
        await trio.sleep(spec.delay)  # completion order varies with the delays
        values = [getattr(payload, f"i_{k}") for k in spec.reads]
        seed = sum((i + 3) * v for i, v in enumerate(values)) * 31 + spec.index
        return out(**{f"o_{k}": (seed * (j + 7)) % 100_003 for j, k in enumerate(spec.writes)})

    run.__annotations__ = {"payload": inp, "return": out}
    return pf.capability(name=f"cap{spec.index}", reorderable=spec.reorderable)(run)


specs = st.builds(
    Spec,
    index=st.just(0),
    reads=st.lists(st.sampled_from(KEYS), max_size=2, unique=True).map(tuple),
    writes=st.lists(st.sampled_from(KEYS), min_size=1, max_size=2, unique=True).map(tuple),
    reorderable=st.booleans(),
    delay=st.sampled_from([0.0, 0.001, 0.005, 0.02]),
)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[Spec], pf.PlanNode]:
    caps = [
        Spec(i, s.reads, s.writes, s.reorderable, s.delay)
        for i, s in enumerate(draw(st.lists(specs, min_size=2, max_size=6)))
    ]
    available = set(INPUTS)

    def step() -> pf.Step:
        spec = draw(st.sampled_from(caps))
        # every input field comes from a key that is definitely on the blackboard (renamed)
        sources = [draw(st.sampled_from(sorted(available))) for _ in spec.reads]
        dests = [draw(st.sampled_from(KEYS)) for _ in spec.writes]
        available.update(dests)
        return pf.step(
            f"cap{spec.index}",
            from_=[f"{src}->i_{k}" for src, k in zip(sources, spec.reads, strict=True)],
            to=[f"o_{k}->{dest}" for k, dest in zip(spec.writes, dests, strict=True)],
        )

    def sequence(depth: int) -> list[pf.PlanNode]:
        nodes: list[pf.PlanNode] = []
        for _ in range(draw(st.integers(1, 5))):
            if depth < 2 and draw(st.integers(0, 5)) == 0:
                nodes.append(pf.pipeline(*sequence(depth + 1)))  # nesting
            else:
                nodes.append(step())
        return nodes

    return caps, pf.pipeline(*sequence(0))


async def _both(caps: list[Spec], plan: pf.PlanNode) -> tuple[Any, Any, pf.PlanNode]:
    node = pf.Node("equivalence", data_dir=tempfile.mkdtemp(prefix="pf-eq-"))
    node.modules.autoload = False
    node.modules.configure({})
    node.register(*(build(spec) for spec in caps))
    async with node.started():
        rewriter = Rewriter(node, lambda name: None, lambda: 0, max_cached=8)
        rewritten = rewriter.rewrite(plan).plan
        assert rewriter.invalid == 0
        before = await node.run(plan, INPUTS)
        after = await node.run(rewritten, INPUTS)
    return before, after, rewritten


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_a_rewritten_plan_leaves_the_same_blackboard(scenario: tuple[list[Spec], Any]) -> None:
    caps, plan = scenario
    clock = trio.testing.MockClock(autojump_threshold=0)
    before, after, rewritten = trio.run(_both, caps, plan, clock=clock)
    event("rewritten" if rewritten is not plan else "unchanged")
    assert after == before


def test_the_generator_produces_plans_the_rewriter_changes() -> None:
    # A fixed scenario of the generator's kind: two reorderable steps reading only inputs.
    caps = [Spec(0, ("a",), ("c",), True, 0.01), Spec(1, ("b",), ("d",), True, 0.02)]
    plan = pf.pipeline(
        pf.step("cap0", from_=["a->i_a"], to=["o_c->c"]),
        pf.pipeline(pf.step("cap1", from_=["b->i_b"], to=["o_d->d"])),
    )
    before, after, rewritten = trio.run(
        _both, caps, plan, clock=trio.testing.MockClock(autojump_threshold=0)
    )
    assert after == before
    assert isinstance(rewritten, pf.Pipeline) and isinstance(rewritten.steps[0], pf.Parallel)


async def test_the_onboarding_example_answers_the_same_with_the_module(tmp_path: Any) -> None:
    from packetflow.examples import onboarding
    from packetflow_adaptive_optimization import AdaptiveOptimizationModule

    signups = [
        {"email": "Grace@Example.org", "name": "Grace", "country": "US"},
        {"email": "eve@tempmail.dev", "name": "Eve", "country": "ZZ"},
        {"email": "ada@example.org", "name": "Ada", "country": "GB"},
    ]

    async def answers(with_module: bool) -> list[dict[str, Any]]:
        node = pf.Node("onboarding", data_dir=tmp_path / str(with_module))
        node.modules.autoload = False
        node.modules.configure({})
        if with_module:
            node.modules.register(AdaptiveOptimizationModule)
        node.register(
            *(
                getattr(onboarding, name)
                for name in ("validate_email", "check_existing_user", "create_account",
                             "score_risk", "manual_review", "auto_approve",
                             "send_welcome_email", "queue_welcome_email")
            )
        )  # fmt: skip
        node.register(onboarding.user_onboarding)
        onboarding.mailer.attempts.clear()
        onboarding._ids = itertools.count(1001)  # account ids: the same sequence on both nodes
        out = []
        async with node.started():
            for signup in signups * 2:  # twice: the second round meets a warm cache
                try:
                    result = await node.call("user_onboarding", signup)
                except pf.PacketFlowError as exc:
                    result = {"error": exc.code}
                out.append(result)
        return out

    assert await answers(True) == await answers(False)

"""Compositions: a named plan that registers and runs like any capability.

Its contract is derived from its steps: the input model has one field per key the plan reads
from the request (typed like its first consumer), the output model one per key it writes
(typed like its producer), unless ``input=``/``output=`` say otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, create_model

from .._capabilities.capability import Capability
from .._capabilities.contract import Contract
from .._context import Context
from .._lowlevel import dumper
from ..errors import PlanValidationError
from .compiled import Substitute, Substitutes
from .plan import Pipeline, PlanNode, Step
from .runners import Runner, compile_plan
from .validate import PlanAnalysis, validate

if TYPE_CHECKING:
    from .engine import Engine, Rewrite

__all__ = ["Composition", "composition"]

_OPEN = ConfigDict(extra="allow", protected_namespaces=())


class Composition:
    """A plan with a name and capability options; ``node.register(composition)`` makes it a
    capability (``kind == "composition"``)."""

    def __init__(
        self,
        name: str,
        plan: PlanNode,
        *,
        intent: str = "",
        tags: Iterable[str] = (),
        version: str = "0.1.0",
        input: type[BaseModel] | Iterable[str] | None = None,
        output: Iterable[str] | None = None,
        timeout: float | None = None,
        idempotent: bool = False,
        examples: Iterable[str] = (),
        keywords: Iterable[str] = (),
    ) -> None:
        if not isinstance(plan, PlanNode):
            raise TypeError(f"composition {name!r}: plan must be a plan node, got {plan!r}")
        self.name = name
        self.plan = plan
        self.intent = intent
        self.tags = tuple(tags)
        self.version = version
        self.input = input if input is None or isinstance(input, type) else tuple(input)
        self.output = tuple(output) if output is not None else None
        self.timeout = timeout
        self.idempotent = idempotent
        self.examples = tuple(examples)
        self.keywords = tuple(keywords)

    def __repr__(self) -> str:
        return f"<Composition {self.name!r} {self.plan.type}>"

    def analyze(self, engine: Engine) -> PlanAnalysis:
        """Validate the plan against the engine's registry (raises E422 with node paths)."""
        return validate(self.plan, engine.lookup, self._inputs())

    def _inputs(self) -> Any:
        if self.input is None:
            return None
        if isinstance(self.input, type):
            return {n: f.annotation for n, f in self.input.model_fields.items()}
        return self.input

    def to_capability(self, engine: Engine) -> Capability:
        """Validate and build the capability that runs this composition on ``engine``."""
        analysis = self.analyze(engine)
        contract = self._contract(analysis)
        output_keys = tuple(contract.provides)
        compiled: list[tuple[int, Runner, int, bool]] = []
        linear = _linear(self.plan)
        promised = contract.output_types()  # one per output key (read, never changed)

        def current() -> tuple[Runner, int, bool]:
            generation = engine.registry.generation
            if not compiled or compiled[0][0] != generation:
                # The registry changed since the last run: validate and compile again.
                found = self.analyze(engine)
                # A linear plan's result is made of values that its steps' output contracts
                # (or this composition's input contract) checked and dumped as they were
                # written, with the types the output model promises: checking them again cost
                # as much as a step. Any other plan (a conditional's arms may write other
                # types), a key the plan may not write, a value of an untyped step (returned
                # as it was, not dumped) or a capability re-registered with another type is
                # checked against the contract.
                checked = linear and all(
                    key in found.outputs and tp is not Any and found.outputs[key].type == tp
                    for key, tp in promised.items()
                )
                runner = compile_plan(self.plan, engine.lookup)
                compiled[:] = [(generation, runner, found.steps, checked)]
            _, runner, steps, checked = compiled[0]
            return runner, steps, checked

        def check(plan: PlanNode) -> PlanAnalysis:
            # A rewritten plan must still be valid and still write every output this
            # composition's contract promises.
            found = validate(plan, engine.lookup, self._inputs())
            missing = [key for key in analysis.outputs if key in output_keys]
            missing = [key for key in missing if key not in found.outputs]
            if missing:
                raise PlanValidationError(
                    f"composition {self.name!r}: the rewritten plan no longer writes "
                    f"{missing!r}; keep every output of the original plan",
                    details=[{"path": "", "problem": "missing_output", "keys": missing}],
                )
            return found

        # Plans modules substituted, validated and compiled once (bounded, per generation).
        substitutes = Substitutes(lambda: engine.registry.generation)

        async def rewritten(
            rewrite: Rewrite, ctx: Context, runner: Runner, steps: int
        ) -> tuple[Runner, int]:
            accepted: dict[int, Substitute] = {}

            def keep(plan: PlanNode) -> None:
                accepted[id(plan)] = substitutes.accept(plan, check)

            plan = await rewrite(self.plan, ctx, self.name, keep)
            if plan is self.plan:
                return runner, steps
            chosen = accepted[id(plan)]
            return chosen.runner(engine.lookup), chosen.analysis.steps

        name, kind = self.name, self.plan.type
        input_model = contract.input_model
        # The input as the blackboard: the model dumped (extra keys kept; ~5x dict(model)),
        # by its serializer itself for the contract's own model (the common case), bound at
        # the first run: a declared model's forward references resolve by then.
        dump_input: Callable[[Any], dict[str, Any]] | None = None

        async def run(inp: Any, ctx: Context) -> dict[str, Any]:
            nonlocal dump_input
            runner, steps, checked = current()
            if engine.rewrite is not None:  # composition hooks of the module chain
                original = runner
                runner, steps = await rewritten(engine.rewrite, ctx, runner, steps)
                checked = checked and runner is original
            if type(inp) is input_model:
                if dump_input is None:
                    dump_input = dumper(input_model)
                bb = dump_input(inp)
            else:
                bb = inp.model_dump() if isinstance(inp, BaseModel) else dict(inp)
            await engine.execute(runner, steps, bb, ctx, name=name, kind=kind)
            out = {}
            for key in output_keys:  # a loop: a comprehension is a call in Python 3.11
                if key in bb:
                    out[key] = bb[key]
            # The capability checks its own output (``checks_output``): see current().
            return out if checked else contract.dump_output(out, capability.subject)

        capability = Capability(
            self.name,
            run,
            contract,
            intent=self.intent,
            tags=self.tags,
            version=self.version,
            timeout=self.timeout,
            idempotent=self.idempotent,
            examples=self.examples,
            keywords=self.keywords,
            kind="composition",
            checks_output=True,
        )
        return capability

    def _contract(self, analysis: PlanAnalysis) -> Contract:
        base = self.name.title().replace("_", "").replace(".", "")
        if isinstance(self.input, type):
            input_model = self.input
        else:
            inputs: dict[str, Any] = {key: (tp, ...) for key, tp in analysis.inputs.items()}
            input_model = create_model(f"{base}Input", __config__=_OPEN, **inputs)
        keys = self.output if self.output is not None else tuple(analysis.outputs)
        # A requested key the plan does not always write (a conditional arm) is optional.
        outputs: dict[str, Any] = {
            key: (analysis.outputs[key].type, ...) if key in analysis.outputs else (Any, None)
            for key in keys
        }
        output_model = create_model(f"{base}Output", __config__=_OPEN, **outputs)
        return Contract(input_model, output_model)


def _linear(plan: PlanNode) -> bool:
    """Whether ``plan`` is steps in a row (pipelines of pipelines included): what each key
    holds at the end is what its last writer wrote, as the static analysis types it."""
    if isinstance(plan, Step):
        return True
    return isinstance(plan, Pipeline) and all(_linear(child) for child in plan.steps)


def composition(
    name: str,
    plan: PlanNode,
    *,
    intent: str = "",
    tags: Iterable[str] = (),
    version: str = "0.1.0",
    input: type[BaseModel] | Iterable[str] | None = None,
    output: Iterable[str] | None = None,
    timeout: float | None = None,
    idempotent: bool = False,
    examples: Iterable[str] = (),
    keywords: Iterable[str] = (),
) -> Composition:
    """Name a plan so it can be registered, discovered and called like a capability.

    Args:
        name: the capability name.
        plan: the plan tree.
        intent, tags, version, timeout, idempotent, examples, keywords: as for
            :func:`~packetflow.capability`.
        input: the request model, or the list of request keys. When omitted, every key the
            plan reads before writing it is an input; when given, reading any other unwritten
            key is a validation error.
        output: the keys returned (default: every key the plan definitely writes).
    """
    return Composition(
        name,
        plan,
        intent=intent,
        tags=tags,
        version=version,
        input=input,
        output=output,
        timeout=timeout,
        idempotent=idempotent,
        examples=examples,
        keywords=keywords,
    )

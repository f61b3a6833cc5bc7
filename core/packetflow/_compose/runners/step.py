"""The ``step`` runner: one capability call, with its key mappings resolved once."""

from __future__ import annotations

from ...errors import NotFoundError, PacketFlowError
from ..engine import MAX_GRAPH_RECORDS, Run, annotate, now
from ..plan import Step, split_rename
from .base import Blackboard, Lookup, Runner, missing

__all__ = ["StepRunner"]


class StepRunner(Runner):
    __slots__ = ("cap", "fields", "inputs", "outputs", "path", "timeout")

    def __init__(self, node: Step, lookup: Lookup, path: str) -> None:
        cap = lookup(node.cap)
        if cap is None:
            raise NotFoundError(f"{path}: capability {node.cap!r} is not registered")
        self.cap = cap
        self.path = path
        self.timeout = node.timeout
        self.inputs = tuple(split_rename(e) for e in node.from_) if node.from_ is not None else None
        model = cap.contract.input_model
        # An untyped capability that declares no keys sees the whole blackboard.
        self.fields: tuple[str, ...] | None = (
            tuple(model.model_fields) if model is not None else (cap.contract.requires or None)
        )
        self.outputs = tuple(split_rename(e) for e in node.to) if node.to is not None else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        if self.inputs is None:
            fields = self.fields
            if fields is None:
                payload = dict(bb)
            else:  # a loop, not a comprehension: that is a function call in Python 3.11
                payload = {}
                for key in fields:
                    if key in bb:
                        payload[key] = bb[key]
        else:
            payload = {}
            for src, dest in self.inputs:
                if src not in bb:
                    raise missing(self.path, src, "input")
                payload[dest] = bb[src]
        state = run.state
        state.current_step = self.path
        started = now()
        try:
            if run.steps is None:
                out = await run.executor.execute(self.cap, payload, run.ctx, self.timeout)
            else:  # a module sees every step (admission control, caching)
                out = await run.steps(self.cap, payload, run.ctx, self.timeout, self.path)
        except PacketFlowError as err:
            run.record(self.path, self.cap.name, started, err)
            annotate(err, self.path)
            raise
        if self.outputs is None:
            bb.update(out)
        else:
            for src, dest in self.outputs:
                if src not in out:
                    raise missing(self.path, src, "output")
                bb[dest] = out[src]
        state.steps_completed += 1
        state.step_results[self.path] = out
        if run.events.active:
            run.record(self.path, self.cap.name, started)
        else:  # run.record(...), inlined: one call less per step
            raw = run.graph.raw
            if len(raw) < MAX_GRAPH_RECORDS:
                raw.append((self.path, self.cap.name, started, now(), None))
            else:
                run.graph.dropped += 1

"""Static validation of a plan against a registry, before anything runs.

Walks the plan with the set of blackboard keys that are *definitely* written at each point
(request inputs plus outputs of earlier nodes) and reports, with the node's path
(``pipeline[2].parallel.branch['risk'].step``): unknown capabilities, keys nothing produces,
fields a capability does not have, and producer/consumer type mismatches. The same walk
derives a composition's contract (its inputs and outputs) and, on request, the dataflow of every
node (:class:`NodeIO`: the keys its subtree may read and write), which optimizers use to tell
which nodes are independent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .._capabilities.capability import Capability
from ..errors import PlanValidationError
from .analysis import OPEN, Binding, Issue, NodeIO, PlanAnalysis
from .plan import (
    Conditional,
    EventDriven,
    Loop,
    MapReduce,
    Parallel,
    Pipeline,
    PlanNode,
    Retry,
    Step,
    split_rename,
)
from .stepfacts import step_facts
from .typecheck import is_assignable, type_name

__all__ = ["OPEN", "Binding", "Issue", "NodeIO", "PlanAnalysis", "analyze", "validate"]

Lookup = Callable[[str], Capability | None]


def validate(
    plan: PlanNode,
    lookup: Lookup,
    inputs: Mapping[str, Any] | Iterable[str] | None = None,
    *,
    dataflow: bool = False,
) -> PlanAnalysis:
    """Analyse ``plan`` and raise if it has problems.

    Raises:
        PlanValidationError: E422; ``details`` lists ``{path, problem, message}`` per issue.
    """
    analysis = analyze(plan, lookup, inputs, dataflow=dataflow)
    if analysis.issues:
        first = analysis.issues[0]
        more = f" (and {len(analysis.issues) - 1} more)" if len(analysis.issues) > 1 else ""
        raise PlanValidationError(
            f"plan is invalid at {first.path}: {first.message}{more}",
            details=[issue.to_dict() for issue in analysis.issues],
        )
    return analysis


def analyze(
    plan: PlanNode,
    lookup: Lookup,
    inputs: Mapping[str, Any] | Iterable[str] | None = None,
    *,
    dataflow: bool = False,
) -> PlanAnalysis:
    """Walk ``plan``. With ``inputs=None`` the request keys are inferred (every key read before
    it is written); otherwise reading a key that is neither an input nor written earlier is an
    issue. With ``dataflow``, also fill :attr:`PlanAnalysis.dataflow`."""
    walker = _Walker(lookup, inputs, dataflow)
    writes = dict(walker.node(plan, plan.type))  # a copy: a step's writes are shared
    writes.pop(OPEN, None)
    walker.analysis.outputs = writes
    return walker.analysis


class _Walker:
    """One walk over a plan, depth first.

    The keys in scope live in one dict, changed in place: a node binds what its children may
    see (a pipeline's earlier outputs, a loop's item) and unbinds it when it is done, using an
    undo log. Copying the scope for every child instead made a pipeline of n steps that write
    their own keys cost O(n²).
    """

    def __init__(
        self,
        lookup: Lookup,
        inputs: Mapping[str, Any] | Iterable[str] | None,
        dataflow: bool = False,
    ) -> None:
        self.lookup = lookup
        self.analysis = PlanAnalysis()
        self.infer = inputs is None
        # Request keys named without a type (``input=["email", ...]``) take the type of their
        # first consumer, as inferred inputs do.
        self.untyped: frozenset[str] = frozenset()
        self.typed: set[str] = set()
        # With dataflow: one (reads, writes, capabilities) per node being walked, innermost
        # last; a finished node's sets are recorded and merged into its parent's.
        self.io: list[tuple[set[str], set[str], set[str]]] | None = [] if dataflow else None
        if inputs is None:
            self.root_scope: dict[str, Binding] = {}
        elif isinstance(inputs, Mapping):
            self.root_scope = {k: Binding(t, "request input") for k, t in inputs.items()}
        else:
            self.root_scope = {k: Binding(Any, "request input") for k in inputs}
            self.untyped = frozenset(self.root_scope)
        self.analysis.inputs = {k: b.type for k, b in self.root_scope.items()}
        self.scope = dict(self.root_scope)
        # (key, the binding it had before, or None) per bind, newest last.
        self.undo: list[tuple[str, Binding | None]] = []

    def bind(self, bindings: Mapping[str, Binding]) -> int:
        """Put ``bindings`` in scope; returns the mark :meth:`unbind` goes back to."""
        mark = len(self.undo)
        scope, undo = self.scope, self.undo
        for key, binding in bindings.items():
            undo.append((key, scope.get(key)))
            scope[key] = binding
        return mark

    def unbind(self, mark: int) -> None:
        """Undo every :meth:`bind` since ``mark``."""
        scope, undo = self.scope, self.undo
        while len(undo) > mark:
            key, previous = undo.pop()
            if previous is None:
                del scope[key]
            else:
                scope[key] = previous

    def issue(self, path: str, problem: str, message: str) -> None:
        self.analysis.issues.append(Issue(path, problem, message))

    def need(self, key: str, expected: Any, reader: str, path: str) -> None:
        """``reader`` at ``path`` reads ``key`` expecting ``expected``."""
        if self.io:
            self.io[-1][0].add(key)
        self.judge(key, expected, reader, path)

    def judge(self, key: str, expected: Any, reader: str, path: str) -> None:
        """Whether the scope gives ``key`` as ``expected`` (an issue if not); no dataflow."""
        scope = self.scope
        binding = scope.get(key)
        if binding is None and OPEN in scope:
            return
        if key in self.untyped and binding is not None and binding is self.root_scope[key]:
            # The request's value, not yet overwritten by a step.
            if key not in self.typed:  # its first consumer types it
                self.typed.add(key)
                self.analysis.inputs[key] = expected
                return
            binding = Binding(self.analysis.inputs[key], "request input")
        if binding is None and self.infer:
            known = self.analysis.inputs.get(key)
            if known is None:
                self.analysis.inputs[key] = expected
                return
            binding = Binding(known, "request input")
        if binding is None:
            self.issue(
                path,
                "missing_key",
                f"{reader} reads {key!r}, which no earlier node produces and the request does "
                "not provide",
            )
        elif not is_assignable(binding.type, expected):
            self.issue(
                path,
                "type_mismatch",
                f"{reader} expects {key!r} as {type_name(expected)}, but {binding.origin} "
                f"produces {type_name(binding.type)}",
            )

    def condition(self, cond: object, what: str, path: str) -> None:
        # Expressions know the keys they read; Python callables are opaque.
        if self.io and not hasattr(cond, "names"):
            self.io[-1][0].add(OPEN)
        for name in sorted(getattr(cond, "names", ())):
            self.need(name, Any, what, path)

    # -- one method per node type; each returns the keys it definitely writes ----------------

    def node(self, node: PlanNode, path: str) -> dict[str, Binding]:
        method = _METHODS[type(node)]
        if self.io is None or method is _Walker._step:  # a step records its own dataflow
            return method(self, node, path)
        self.io.append((set(), set(), set()))
        writes = method(self, node, path)
        reads, written, caps = self.io.pop()
        written.update(writes)
        self.analysis.dataflow[path] = NodeIO(frozenset(reads), frozenset(written), frozenset(caps))
        if self.io:
            parent = self.io[-1]
            parent[0].update(reads)
            parent[1].update(written)
            parent[2].update(caps)
        return writes

    def child(
        self, node: PlanNode, path: str, extra: Mapping[str, Binding] | None = None
    ) -> dict[str, Binding]:
        """Walk the child ``node`` of the node at ``path``, with ``extra`` in scope."""
        if not extra:
            return self.node(node, f"{path}.{node.type}")
        mark = self.bind(extra)
        writes = self.node(node, f"{path}.{node.type}")
        self.unbind(mark)
        return writes

    def _step(self, node: Step, path: str) -> dict[str, Binding]:
        self.analysis.steps += 1
        cap = self.lookup(node.cap)
        facts = step_facts(node, cap)
        io = self.io
        if io is not None:
            self.analysis.dataflow[path] = NodeIO(facts.reads, facts.may_write, facts.capabilities)
            if io:
                parent = io[-1]
                parent[0].update(facts.reads)
                parent[1].update(facts.may_write)
                parent[2].update(facts.capabilities)
        reader = facts.reader
        for is_read, first, second in facts.checks:
            if is_read:
                self.judge(first, second, reader, path)
            else:
                self.issue(path, first, second)
        if cap is None:
            return {split_rename(e)[1]: Binding(Any, path) for e in node.to or ()}
        return facts.writes

    def _pipeline(self, node: Pipeline, path: str) -> dict[str, Binding]:
        writes: dict[str, Binding] = {}
        scope, undo = self.scope, self.undo
        mark = len(undo)
        for index, child in enumerate(node.steps):
            child_path = f"{path}[{index}].{child.type}"
            if type(child) is Step:  # the common case, without the dispatch
                written = self._step(child, child_path)
            else:
                written = self.node(child, child_path)
            for key, binding in written.items():  # later steps see what earlier ones wrote
                undo.append((key, scope.get(key)))
                scope[key] = binding
            writes.update(written)
        self.unbind(mark)
        return writes

    def _parallel(self, node: Parallel, path: str) -> dict[str, Binding]:
        writes: dict[str, Binding] = {}
        writers: dict[str, str] = {}
        for name, branch in node.branches.items():
            branch_path = f"{path}.branch[{name!r}]"
            written = self.child(branch, branch_path)
            if node.combine == "by_branch":
                writes[name] = Binding(dict[str, Any], branch_path)
                continue
            for key, binding in written.items():
                if key in writers:
                    self.issue(
                        f"{branch_path}.{branch.type}",
                        "conflicting_write",
                        f"branches {writers[key]!r} and {name!r} both write {key!r}; rename one "
                        "output or use combine='by_branch'",
                    )
                writers[key] = name
                writes[key] = binding
        if node.partial_failure == "continue":
            writes["parallel_errors"] = Binding(dict[str, Any], path)
        return writes

    def _conditional(self, node: Conditional, path: str) -> dict[str, Binding]:
        arms: list[dict[str, Binding]] = []
        for index, arm in enumerate(node.branches):
            arm_path = f"{path}.when[{index}]"
            self.condition(arm.predicate, "condition", arm_path)
            arms.append(self.child(arm.then, arm_path))
        if node.otherwise is None:
            return {}
        arms.append(self.child(node.otherwise, f"{path}.otherwise"))
        return _definite(arms)

    def _item(self, over: str, reader: str, path: str) -> Any:
        self.need(over, list[Any], reader, path)
        binding = self.scope.get(over)
        args = getattr(binding.type, "__args__", None) if binding else None
        return args[0] if args else Any

    def _loop(self, node: Loop, path: str) -> dict[str, Binding]:
        item = {node.as_: Binding(self._item(node.over, "loop", path), f"{path} item")}
        body = self.child(node.body, f"{path}.body", item)
        if node.break_when is not None:
            mark = self.bind(item)
            self.bind(body)
            self.condition(node.break_predicate, "break_when", path)
            self.unbind(mark)
        writes = {
            "processed_count": Binding(int, path),
            "errors_count": Binding(int, path),
        }
        writes.update(self._emit(node.emit, body, path))
        return writes

    def _emit(self, keys: list[str], written: dict[str, Binding], path: str) -> dict[str, Binding]:
        out = {}
        for key in keys:
            if key not in written:
                self.issue(path, "missing_key", f"emit key {key!r} is not written by the body")
            tp = written[key].type if key in written else Any
            out[f"all_{key}"] = Binding(list[tp], path)  # type: ignore[valid-type]
        return out

    def _retry(self, node: Retry, path: str) -> dict[str, Binding]:
        body = self.child(node.body, f"{path}.body")
        arms = [body]
        if node.fallback is not None:
            arms.append(self.child(node.fallback, f"{path}.fallback"))
        return {**_definite(arms), "retry_metadata": Binding(dict[str, Any], path)}

    def _mapreduce(self, node: MapReduce, path: str) -> dict[str, Binding]:
        item = {node.as_: Binding(self._item(node.over, "map_reduce", path), f"{path} item")}
        mapped = self.child(node.map, f"{path}.map", item)
        writes = self._emit(node.emit, mapped, path)
        if node.reduce is not None:
            writes.update(self.child(node.reduce, f"{path}.reduce", writes))
        return writes

    def _eventdriven(self, node: EventDriven, path: str) -> dict[str, Binding]:
        if self.io:  # events arrive from the request or a channel: any key, in any order
            self.io[-1][0].add(OPEN)
            self.io[-1][1].add(OPEN)
        state = {"state": Binding(str, path)}
        if node.determine_state is not None:
            self.child(node.determine_state, f"{path}.determine_state")
        handler_scope = {
            **state,
            "event": Binding(Any, f"{path} event"),
            "event_payload": Binding(dict[str, Any], f"{path} event"),
        }
        for event, by_state in node.on.items():
            for from_state, transition in by_state.items():
                if transition.run is not None:
                    self.child(
                        transition.run, f"{path}.on[{event!r}][{from_state!r}]", handler_scope
                    )
        writes = {**state, "transitions": Binding(list[dict[str, Any]], path)}
        if node.finalize is not None:
            writes.update(self.child(node.finalize, f"{path}.finalize", writes))
        return writes


_Method = Callable[[_Walker, Any, str], dict[str, Binding]]

# Node type -> its walker method: one dict lookup per node instead of building a name.
_METHODS: dict[type[PlanNode], _Method] = {
    Step: _Walker._step,
    Pipeline: _Walker._pipeline,
    Parallel: _Walker._parallel,
    Conditional: _Walker._conditional,
    Loop: _Walker._loop,
    MapReduce: _Walker._mapreduce,
    Retry: _Walker._retry,
    EventDriven: _Walker._eventdriven,
}


def _definite(arms: list[dict[str, Binding]]) -> dict[str, Binding]:
    """Keys written on every arm (types from the first arm that writes them)."""
    common = set(arms[0]).intersection(*arms[1:])
    return {key: arms[0][key] for key in arms[0] if key in common}

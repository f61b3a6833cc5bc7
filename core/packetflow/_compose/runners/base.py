"""The runner base class and what every runner shares."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..._capabilities.capability import Capability
from ...errors import ContractViolationError, ExecutionFailedError, PacketFlowError
from ..engine import Run, annotate
from ..plan import PlanNode

__all__ = [
    "ABSENT",
    "Blackboard",
    "Lookup",
    "Predicate",
    "Runner",
    "check",
    "guarded",
    "missing",
    "sub",
]

Blackboard = dict[str, Any]
Lookup = Callable[[str], Capability | None]
Predicate = Callable[[Mapping[str, Any]], bool]
ABSENT = object()


class Runner:
    """A compiled plan node; ``run`` reads and writes the blackboard in place."""

    path: str

    async def run(self, run: Run, bb: Blackboard) -> None:
        raise NotImplementedError


def compile_at(node: PlanNode, lookup: Lookup, path: str) -> Runner:
    """Compile ``node`` as the plan node at ``path``."""
    from . import compile_plan  # the registry of runner types imports this module

    return compile_plan(node, lookup, path)


def sub(node: PlanNode, lookup: Lookup, path: str) -> Runner:
    """Compile the child ``node`` of the runner at ``path``."""
    return compile_at(node, lookup, f"{path}.{node.type}")


def missing(path: str, key: str, what: str) -> ContractViolationError:
    return ContractViolationError(
        f"{path}: {what} {key!r} is not on the blackboard (did the node producing it fail?)",
        details={"path": path, "missing": key},
    )


async def guarded(
    runner: Runner,
    run: Run,
    bb: Blackboard,
    errors: dict[Any, PacketFlowError],
    key: Any,
    on_error: Callable[[], None] | None = None,
) -> bool:
    """Run one branch inside a nursery, turning its PacketFlowError into a recorded result so
    expected failures never surface as exception groups."""
    try:
        await runner.run(run, bb)
    except PacketFlowError as err:
        errors[key] = err
        if on_error is not None:
            on_error()
        return False
    return True


def check(predicate: Predicate, bb: Blackboard, path: str) -> bool:
    try:
        return bool(predicate(bb))
    except PacketFlowError as err:
        raise annotate(err, path) from None
    except Exception as exc:
        raise ExecutionFailedError(
            f"{path}: the condition raised {type(exc).__name__}", details={"path": path}
        ) from exc

"""The chain: an immutable, priority-sorted snapshot of the active modules' hooks (SPEC 5.2,
5.3); :mod:`.dispatch` runs it.

The hot path never goes through pluggy: a :class:`Chain` holds, per hook, a tuple of *links*
``(callable, is_async, timeout, slot)`` sorted once when it is built. The host builds a new chain
on every register/unregister/quarantine and swaps it in with one assignment; a request keeps
the chain it started with (``inflight`` counts it, so a retired chain knows when the last
request using it is done).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import trio

from .._wire.messages import CapabilityError, CapabilityResponse
from .decisions import Fail
from .discovery import label
from .slot import ModuleSlot
from .tracing import Tracer, traced

if TYPE_CHECKING:
    from .._context import Context
    from ..errors import PacketFlowError

__all__ = ["HOOK_OF", "Chain", "Failure", "FaultHandler", "HookKind", "Link", "Links", "Outcome"]


HookKind = Literal["request", "composition", "response"]
Failure = Literal["error", "timeout", "invalid"]
Outcome: TypeAlias = CapabilityResponse | CapabilityError
Link: TypeAlias = tuple[Callable[[Any, "Context"], Any], bool, float, ModuleSlot]
Links: TypeAlias = tuple[tuple[Link, ...], bool]  # the links, and whether any is async
FaultHandler: TypeAlias = Callable[
    [ModuleSlot, str, Failure, "BaseException | None", "Context"], "PacketFlowError | None"
]
"""``(slot, hook, failure, exception, context) -> error``: counts the failure against the
module (maybe quarantining it) and returns the error to answer with when it is fail-closed."""

HOOK_OF: dict[HookKind, str] = {
    "request": "packetflow_handle_request",
    "composition": "packetflow_handle_composition",
    "response": "packetflow_handle_response",
}
_KINDS: tuple[HookKind, ...] = ("request", "composition", "response")
_SCOPE_CACHE = 4096  # (kind, capability) -> filtered links; cleared when full


class Chain:
    """One immutable snapshot of the hook chains.

    Args:
        slots: the active modules (their ``hooks`` filled in).
        fault: called for every failure; see :data:`FaultHandler`.
        trace: when given, every hook is wrapped to report each call to it (tracing costs
            nothing when off: the wrappers exist only in a traced chain).
    """

    __slots__ = (
        "_cache",
        "closed",
        "drained",
        "every",
        "fault",
        "inflight",
        "instances",
        "retired",
        "scoped",
        "slots",
        "step_links",
        "steps",
    )

    def __init__(
        self,
        slots: Iterable[ModuleSlot],
        fault: FaultHandler,
        *,
        trace: Tracer | None = None,
        closed: Iterable[ModuleSlot] = (),
    ) -> None:
        ordered = sorted(slots, key=lambda slot: slot.sort_key)
        self.slots: tuple[ModuleSlot, ...] = tuple(ordered)
        self.instances = tuple(slot.instance for slot in ordered)
        self.fault = fault
        # Fail-closed modules that are out (quarantined, failed, failed to load) stand in the
        # chain as guards refusing what they cover: serving around them would, say, answer
        # requests that a compliance module can no longer audit.
        self.closed: tuple[ModuleSlot, ...] = tuple(closed)
        everyone = sorted((*ordered, *self.closed), key=lambda slot: slot.sort_key)
        links: dict[HookKind, Links] = {}
        for kind in _KINDS:
            hook = HOOK_OF[kind]
            chain = [
                _guard(slot) if slot in self.closed else _link(slot, hook, trace)
                for slot in everyone
                if (slot in self.closed and kind != "response") or hook in slot.hooks
            ]
            if kind == "response":  # responses unwind in the exact reverse order (onion order)
                chain.reverse()
            links[kind] = _links(chain)
        self.every = links  # kind -> every link of that chain (see links() for scoping)
        # Unscoped chains (the usual case) skip the only/exclude filtering altogether.
        self.scoped = any(slot.policy is not None and slot.policy.scoped for slot in everyone)
        # The request and response links of the modules that also see composition steps.
        self.step_links: dict[HookKind, Links] = {
            kind: _links([link for link in links[kind][0] if _sees_steps(link[3])])
            for kind in ("request", "response")
        }
        self.steps = bool(self.step_links["request"][0] or self.step_links["response"][0])
        self._cache: dict[tuple[HookKind, str | None, bool], Links] = {}
        self.inflight = 0
        self.retired = False
        self.drained: trio.Event | None = None

    def __bool__(self) -> bool:
        return bool(self.slots or self.closed)

    def has(self, kind: HookKind) -> bool:
        """Whether any module implements the ``kind`` hook."""
        return bool(self.every[kind][0])

    def order(self, kind: HookKind) -> list[str]:
        """Module names in the order their ``kind`` hooks run."""
        return [link[3].name for link in self.every[kind][0]]

    def links(self, kind: HookKind, capability: str | None, step: bool = False) -> Links:
        """The links that apply to ``capability`` (``only``/``exclude`` globs), and whether
        any of them is async; with ``step``, only those of modules that see composition
        steps (:attr:`packetflow.Module.steps`)."""
        every = self.step_links[kind] if step else self.every[kind]
        if not self.scoped:
            return every
        key = (kind, capability, step)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _SCOPE_CACHE:
                self._cache.clear()
            found = self._cache[key] = _links(
                [
                    link
                    for link in every[0]
                    if link[3].policy is None or link[3].policy.applies_to(capability)
                ]
            )
        return found

    # -- in-flight accounting (the request paths inline enter and leave) -------------------------

    def settle(self) -> None:
        """Set ``drained`` if this retired chain has no request left."""
        if self.inflight == 0 and self.drained is not None:
            self.drained.set()

    def retire(self) -> None:
        """Mark this chain replaced; ``drained`` is set once no request uses it any more."""
        self.retired = True
        self.drained = trio.Event()
        if self.inflight == 0:
            self.drained.set()


def _sees_steps(slot: ModuleSlot) -> bool:
    return slot.cls is not None and bool(getattr(slot.cls, "steps", False))


def _links(links: list[Link]) -> Links:
    return tuple(links), any(link[1] for link in links)


def _guard(slot: ModuleSlot) -> Link:
    """The stand-in of a fail-closed module that is out: refuses every request it covers."""
    who = label(slot.name, slot.origin)

    def refuse(subject: Any, ctx: Context) -> Fail:
        return Fail(
            "E503",
            f"{who} is {slot.status} and fail-closed (on_error = 'fail'): requests it covers "
            f"are refused until it is active again; fix it and run 'packetflow modules enable "
            f"{slot.name}', or set on_error = 'skip' in its [[modules]] entry",
            details={"module": slot.name, "status": slot.status},
        )

    return (refuse, False, math.inf, slot)


def _link(slot: ModuleSlot, hook: str, trace: Tracer | None) -> Link:
    assert slot.policy is not None
    fn = slot.hooks[hook]
    is_async = inspect.iscoroutinefunction(fn)
    if trace is not None:
        fn = traced(fn, is_async, slot.name, hook, trace)
    return (fn, is_async, slot.policy.hook_timeout, slot)

"""The ``event_driven`` runner: a state machine per entity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import ContractViolationError
from ..engine import Run
from ..plan import EventDriven
from .base import Blackboard, Lookup, Runner, sub

__all__ = ["EventDrivenRunner"]


class EventDrivenRunner(Runner):
    def __init__(self, node: EventDriven, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.determine = (
            sub(node.determine_state, lookup, f"{path}.determine_state")
            if node.determine_state
            else None
        )
        self.handlers = {
            event: {
                state: (
                    sub(t.run, lookup, f"{path}.on[{event!r}][{state!r}]") if t.run else None,
                    t.to,
                )
                for state, t in by_state.items()
            }
            for event, by_state in node.on.items()
        }
        self.finalize = sub(node.finalize, lookup, f"{path}.finalize") if node.finalize else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        state = bb.get("state")
        if state is None and self.determine is not None:
            await self.determine.run(run, bb)
            state = bb.get("state")
        bb["state"] = node.initial if state is None else state
        if bb["state"] not in node.states:
            raise ContractViolationError(
                f"{self.path}: state {bb['state']!r} is not one of {node.states!r}",
                details={"path": self.path, "state": bb["state"]},
            )
        transitions: list[dict[str, Any]] = []
        bb["transitions"] = transitions
        if node.channel is None:
            for event in self._request_events(bb):
                if await self._on(run, bb, *_event(event, self.path)):
                    break
        else:
            entity = bb.get("entity_id")
            with run.channels.subscribe(node.channel) as subscription:
                async for message in subscription:
                    if entity is not None and message.payload.get("entity_id", entity) != entity:
                        continue  # another entity's event
                    if await self._on(run, bb, *_event(message.payload, self.path)):
                        break
        if self.finalize is not None:
            await self.finalize.run(run, bb)

    async def _on(self, run: Run, bb: Blackboard, name: str, payload: Any) -> bool:
        """Apply one event; returns whether the machine is done (final state or event cap)."""
        state, transitions = bb["state"], bb["transitions"]
        by_state = self.handlers.get(name, {})
        handler = by_state.get(state) or by_state.get("*")
        if handler is None:
            transitions.append({"event": name, "from": state, "to": state, "handled": False})
        else:
            runner, target = handler
            if runner is not None:
                bb["event"], bb["event_payload"] = name, payload
                await runner.run(run, bb)
            bb["state"] = target or state
            transitions.append({"event": name, "from": state, "to": bb["state"], "handled": True})
        return bb["state"] in self.node.final or len(transitions) >= self.node.max_events

    def _request_events(self, bb: Blackboard) -> list[Any]:
        raw = bb.get("events")
        if raw is None:
            raw = [bb["event"]] if "event" in bb else []
        if not isinstance(raw, list | tuple):
            raise ContractViolationError(
                f"{self.path}: 'events' must be a list", details={"path": self.path}
            )
        return list(raw[: self.node.max_events])


def _event(event: Any, path: str) -> tuple[str, Any]:
    if isinstance(event, str):
        return event, {}
    if isinstance(event, Mapping):
        name = event.get("name", event.get("event"))
        if isinstance(name, str):
            return name, event.get("payload", {})
    raise ContractViolationError(
        f"{path}: an event must be a name or an object with 'name'", details={"path": path}
    )

"""Module instances: create, start, bind, unbind and stop them (for the module runtime, and
for isolation, which restarts a quarantined module with a fresh instance)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import trio

from .._capabilities.capability import Capability
from .._capabilities.effects import Effect
from .._compose.composition import Composition
from ..errors import ConflictError, NotFoundError
from .binding import bind, unbind
from .discovery import label
from .module import Module
from .slot import ModuleSlot

if TYPE_CHECKING:
    import pluggy

    from .owner import ModulesNode

__all__ = ["Instances", "one_line"]

log = logging.getLogger("packetflow.modules")


class Instances:
    """Starting and stopping the instances of a node's modules.

    Attributes:
        start_timeout / stop_timeout: bounds on a module's ``start`` and ``stop``.
    """

    def __init__(self, node: ModulesNode, pm: pluggy.PluginManager) -> None:
        self._node = node
        self._pm = pm
        self.start_timeout = 10.0
        self.stop_timeout = 5.0
        # module name -> (capabilities, effect kinds) its live instance registered
        self._contributed: dict[str, tuple[list[str], list[str]]] = {}

    async def start(self, slot: ModuleSlot) -> bool:
        """Create and start a fresh instance and bind its hooks; False (reason in
        ``slot.load_error``) when it fails. The caller puts it in the chain."""
        assert slot.cls is not None
        try:
            instance = await self.launch(slot, slot.cls)
        except trio.TooSlowError:
            slot.load_error = (
                f"{label(slot.name, slot.origin)} failed to start: start() took longer than "
                f"{self.start_timeout:g}s"
            )
            log.error("%s", slot.load_error)
            return False
        except Exception as exc:
            slot.load_error = (
                f"{label(slot.name, slot.origin)} failed to start: {type(exc).__name__}: "
                f"{one_line(exc)}"
            )
            log.error("%s", slot.load_error, exc_info=exc)
            return False
        try:
            self.attach(slot, instance)
        except Exception as exc:
            self.detach(slot)
            await self.shutdown(slot, instance, "failed_to_start")
            slot.load_error = (
                f"{label(slot.name, slot.origin)} failed to start: registering its "
                f"contributions raised {type(exc).__name__}: {one_line(exc)}"
            )
            log.error("%s", slot.load_error, exc_info=exc)
            return False
        slot.load_error = None
        return True

    async def stop(self, slot: ModuleSlot, reason: str) -> None:
        """Unbind the live instance and call its ``stop(reason)``."""
        instance = self.detach(slot)
        if instance is not None:
            await self.shutdown(slot, instance, reason)

    async def launch(self, slot: ModuleSlot, cls: type[Module]) -> Module:
        """A new instance of ``cls``, started with ``slot``'s config (bounded by
        ``start_timeout``); not yet bound."""
        instance = cls()
        with trio.fail_after(self.start_timeout):
            await instance.start(slot.config, self._node)
        return instance

    def attach(self, slot: ModuleSlot, instance: Module) -> None:
        """Make ``instance`` the live one of ``slot``: bind its hooks, register what it
        contributes (capabilities, effect kinds)."""
        slot.instance = instance
        slot.hooks = bind(self._pm, instance, slot.name)
        caps: list[str] = []
        kinds: list[str] = []
        self._contributed[slot.name] = (caps, kinds)
        if hook := slot.hooks.get("packetflow_register_capabilities"):
            hook(lambda *items: caps.extend(self._register_items(items)))
        if hook := slot.hooks.get("packetflow_register_effects"):
            hook(lambda effect: kinds.append(self._register_effect(slot, effect)))

    def detach(self, slot: ModuleSlot) -> Module | None:
        """Unbind ``slot``'s live instance and withdraw its contributions; returns it."""
        instance, slot.instance, slot.hooks = slot.instance, None, {}
        if instance is not None:
            unbind(self._pm, instance)
        caps, kinds = self._contributed.pop(slot.name, ([], []))
        for cap in caps:
            with contextlib.suppress(NotFoundError):  # already unregistered by hand
                self._node.unregister(cap)
        for kind in kinds:
            self._node.effect_kinds.pop(kind, None)
        return instance

    async def shutdown(self, slot: ModuleSlot, instance: Module, reason: str) -> None:
        """Call ``instance.stop(reason)``, shielded and bounded by ``stop_timeout``."""
        with trio.CancelScope(shield=True), trio.move_on_after(self.stop_timeout) as scope:
            try:
                await instance.stop(reason)
            except Exception:
                log.exception("%s: stop(%r) raised", label(slot.name, slot.origin), reason)
        if scope.cancelled_caught:
            log.error(
                "%s: stop(%r) took longer than %gs; abandoned",
                label(slot.name, slot.origin), reason, self.stop_timeout,
            )  # fmt: skip

    def _register_items(self, items: Iterable[Any]) -> list[str]:
        names: list[str] = []
        for item in items:
            if isinstance(item, Iterable) and not isinstance(item, Capability | Composition):
                names += self._register_items(item)
                continue
            self._node.register(item)
            names.append(item.name)
        return names

    def _register_effect(self, slot: ModuleSlot, effect: type[Effect]) -> str:
        if not (isinstance(effect, type) and issubclass(effect, Effect)):
            raise TypeError(f"module {slot.name!r}: {effect!r} is not an Effect subclass")
        known = self._node.effect_kinds.get(effect.kind)
        if known is not None and known is not effect:
            raise ConflictError(
                f"module {slot.name!r}: effect kind {effect.kind!r} is already {known!r}"
            )
        self._node.effect_kinds[effect.kind] = effect
        return effect.kind


def one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else "(no message)"

"""The module system of one node, behind ``node.modules``: a node
:class:`~packetflow.Component` that discovers, starts, supervises and stops modules (SPEC 5.4).

It is composed of the parts that do the work — :class:`~.instances.Instances` (start and stop
instances), :class:`~.isolation.Isolation` (failure policies, quarantine, restarts) and
:class:`~.chains.Chains` (the chain requests go through) — and holds what they share: the
module slots, the config, the node's nursery. :class:`~.host.ModuleHost` is what users see of
it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import trio

from ..errors import NotFoundError
from .binding import new_plugin_manager
from .chains import Chains
from .config import ModulesConfig, load_config
from .dependencies import start_order
from .discovery import Found, LoadError, find_modules, installed_names, label, load_module_class
from .instances import Instances
from .isolation import Isolation
from .module import Module
from .preparing import prepare_slot, unmatched_entries
from .slot import ModuleSlot, Origin, Status

if TYPE_CHECKING:
    from .host import ModuleHost
    from .owner import ModulesNode

__all__ = ["RUNNING", "ModuleRuntime"]

log = logging.getLogger("packetflow.modules")

RUNNING = ("active", "degraded")
# Out of the chain by failure, not by an operator: fail-closed modules guard the chain then.
_OUT = ("quarantined", "failed", "failed_to_load")


class ModuleRuntime:
    """The modules of ``node``: their slots and lifecycle (see the module docstring).

    Attributes:
        slots: every known module by name.
        found: discovered entry points by module name (for ``enable`` and ``reload``).
        inline: what ``register`` was given per inline module; its ``[[modules]]`` entry is
            merged in when the node starts, so the config in force then is the one applied.
        settled: modules registered while running -> set once they started (or failed to).
        autoload / drain_timeout: see :class:`~.host.ModuleHost`.
    """

    def __init__(self, node: ModulesNode) -> None:
        from .host import ModuleHost

        self.node = node
        self.slots: dict[str, ModuleSlot] = {}
        self.found: dict[str, Found] = {}
        self.inline: dict[str, dict[str, Any]] = {}
        self.unknown: set[str] = set()  # configured names no module answers to
        self.settled: dict[str, trio.Event] = {}
        self.pm = new_plugin_manager()
        self.instances = Instances(node, self.pm)
        self.isolation = Isolation(self)
        self.chains = Chains(node.engine, self.isolation.fault)
        self.nursery: trio.Nursery | None = None
        self.closing = False
        self.autoload = True
        self.drain_timeout = 30.0
        self._config: ModulesConfig | None = None
        self._config_path: Path | None = None
        self._admin_registered = False
        self.host: ModuleHost = ModuleHost(self)

    # -- configuration ----------------------------------------------------------------------

    def configure(self, config: str | os.PathLike[str] | Mapping[str, Any] | None) -> None:
        if config is None or isinstance(config, str | os.PathLike):
            self._config, self._config_path = None, None if config is None else Path(config)
        else:
            self._config, self._config_path = ModulesConfig.from_mapping(config, "config"), None

    @property
    def config(self) -> ModulesConfig:
        """The module config in force (read on first use)."""
        if self._config is None:
            self._config = load_config(self._config_path)
        return self._config

    def prepare(
        self,
        name: str,
        cls: type[Module],
        origin: Origin,
        overrides: Mapping[str, Any],
        *,
        with_file: bool = True,
    ) -> ModuleSlot:
        """Validate a module class with its settings and config into a (stopped) slot; the
        module's ``[[modules]]`` entry is merged under ``overrides`` when ``with_file``."""
        return prepare_slot(name, cls, origin, overrides, self.config if with_file else None)

    def register_admin(self) -> None:
        """Expose management as ``packetflow.modules.*`` capabilities once there is a module."""
        if not self._admin_registered:
            from .admin import admin_capabilities

            self.node.register(admin_capabilities(self.host))
            self._admin_registered = True

    def get(self, name: str) -> ModuleSlot:
        """The slot of module ``name``.

        Raises:
            NotFoundError: E404 when no module of that name is registered.
        """
        slot = self.slots.get(name)
        if slot is None:
            known = ", ".join(sorted(self.slots)) or "none"
            raise NotFoundError(f"module {name!r} is not registered; registered: {known}")
        return slot

    def start_soon(self, slot: ModuleSlot) -> None:
        """Start a module registered while the node runs, in the background."""
        assert self.nursery is not None
        self.register_admin()
        slot.status = "starting"
        self.settled[slot.name] = trio.Event()
        self.nursery.start_soon(self.activate, slot, name=f"module-start/{slot.name}")

    # -- lifecycle (the Component protocol) -------------------------------------------------

    async def open(self, node: ModulesNode, nursery: trio.Nursery) -> None:
        """Discover, load and start modules in dependency order (node start)."""
        config = self.config
        for name in config.disabled:
            if not self.pm.is_blocked(name):
                self.pm.set_blocked(name)
        if self.autoload:
            for found in find_modules(config):
                self._admit(found)
        self._apply_file_to_inline()
        self._report_unknown(config)
        self.nursery = nursery
        startable = {n: s for n, s in self.slots.items() if s.status == "stopped" and s.cls}
        unavailable = {
            n: s.load_error or s.status for n, s in self.slots.items() if n not in startable
        }
        requires = {n: tuple(s.cls.requires_modules) for n, s in startable.items() if s.cls}
        priorities = {n: s.priority for n, s in startable.items()}
        order, blocked = start_order(requires, priorities, unavailable)
        for name, reason in blocked.items():
            slot = self.slots[name]
            slot.status = "failed_to_load"
            slot.load_error = f"{label(name, slot.origin)} cannot start: {reason}"
            log.error("%s", slot.load_error)
        for name in order:
            await self.activate(self.slots[name], swap=False)
        self.swap()
        chain = self.chains.current
        active = chain.order("request") or [s.name for s in chain.slots]
        if self.slots:
            self.register_admin()
            log.info("modules: %d active %s", len(chain.slots), active)

    async def close(self) -> None:
        """Stop every module in reverse start order (node stop)."""
        self.closing = True
        running = [s for s in reversed(list(self.slots.values())) if s.instance is not None]
        for slot in self.slots.values():
            # Quarantined and starting modules too: a recovery waiting out its backoff sees
            # the change and gives up instead of starting an instance on a stopping node.
            if slot.status in ("active", "degraded", "quarantined", "starting"):
                slot.status = "stopped"
        self.swap()
        for slot in running:
            await self.instances.stop(slot, "node_stopping")
        # Discovered modules are found again on the next start; inline ones stay registered.
        gone = [n for n, s in self.slots.items() if s.origin.entry_point is not None]
        for name in [*gone, *self.unknown]:
            self.slots.pop(name, None)
        self.unknown.clear()
        self.found.clear()
        self.nursery = None
        self.closing = False

    def _admit(self, found: Found) -> None:
        """Turn a discovered entry point into a slot: imported only when it is a candidate."""
        if found.name in self.slots:
            log.warning(
                "%s: not loaded, a module named %r is already registered inline",
                found.label, found.name,
            )  # fmt: skip
            return
        self.found[found.name] = found
        if found.state != "candidate":
            self.slots[found.name] = ModuleSlot(
                found.name, None, origin=found.origin, status=found.state, load_error=found.reason
            )
            if found.state == "failed_to_load":
                log.error("%s", found.reason)
            return
        try:
            cls = load_module_class(found)
            slot = self.prepare(found.name, cls, found.origin, {})
        except (LoadError, TypeError, ValueError) as exc:
            reason = str(exc) if isinstance(exc, LoadError) else f"{found.label}: {exc}"
            log.error("%s", reason, exc_info=exc.__cause__)
            slot = ModuleSlot(
                found.name, None, origin=found.origin, status="failed_to_load", load_error=reason
            )
        self.slots[found.name] = slot

    def _apply_file_to_inline(self) -> None:
        """Merge the config file's entries into the inline modules (node start)."""
        for name, slot in list(self.slots.items()):
            inline = slot.origin.entry_point is None and slot.cls is not None
            if not inline or slot.status not in ("stopped", "failed_to_load"):
                continue
            assert slot.cls is not None
            try:
                self.slots[name] = self.prepare(
                    name, slot.cls, slot.origin, self.inline.get(name, {})
                )
            except (TypeError, ValueError) as exc:
                slot.status, slot.load_error = (
                    "failed_to_load",
                    f"{label(name, slot.origin)}: {exc}",
                )
                log.error("%s", slot.load_error)

    def _report_unknown(self, config: ModulesConfig) -> None:
        """A ``[[modules]]`` entry that no installed or registered module answers to is
        reported as that module's start error instead of being silently ignored."""
        if all(name in self.slots for name in config.entries):
            return
        # Installed but not loaded (autoload off, a filter) counts as known: not a typo.
        known = installed_names() | set(self.slots)
        for name, reason in unmatched_entries(config, known).items():
            self.slots[name] = ModuleSlot(name, None, status="failed_to_load", load_error=reason)
            self.unknown.add(name)
            log.error("%s", reason)

    async def activate(self, slot: ModuleSlot, *, swap: bool = True) -> None:
        """Start a registered module (at node start, or registered while running)."""
        try:
            assert slot.cls is not None
            missing = [d for d in slot.cls.requires_modules if self._status(d) not in RUNNING]
            if missing:
                slot.status = "failed_to_load"
                slot.load_error = (
                    f"{label(slot.name, slot.origin)} cannot start: it requires module "
                    f"{missing[0]!r}, which is not active"
                )
                log.error("%s", slot.load_error)
            elif await self.instances.start(slot):
                if self.closing:  # the node began stopping while this module started
                    await self.instances.stop(slot, "node_stopping")
                    slot.status = "stopped"
                    return
                slot.status = "active"
                if swap:
                    self.swap()
            else:
                slot.status = "failed_to_load"
                if swap and self.fails_closed(slot):
                    self.swap()  # its guard takes its place in the chain
        finally:
            event = self.settled.pop(slot.name, None)
            if event is not None:
                event.set()

    def _status(self, name: str) -> str | None:
        slot = self.slots.get(name)
        return None if slot is None else slot.status

    # -- the chain --------------------------------------------------------------------------

    def swap(self) -> None:
        """Build the chain from the active modules and swap it in; requests in flight keep
        the chain they started with."""
        members = [s for s in self.slots.values() if s.status == "active" and s.instance]
        closed = [s for s in self.slots.values() if s.status in _OUT and self.fails_closed(s)]
        self.chains.swap(members, closed)

    def fails_closed(self, slot: ModuleSlot) -> bool:
        """Whether ``slot``'s module is fail-closed: its resolved policy, else its
        ``[[modules]]`` entry, else its class default (a module whose code cannot be imported
        is fail-closed only when its entry says so)."""
        if slot.policy is not None:
            return slot.policy.on_error == "fail"
        entry = self.config.entries.get(slot.name, {}).get("on_error")
        if entry is not None:
            return bool(entry == "fail")
        return slot.cls is not None and slot.cls.on_error == "fail"

    # -- what isolation needs (its Lifecycle protocol) --------------------------------------

    def remove_from_chain(self, slot: ModuleSlot) -> None:
        self.swap()

    def add_to_chain(self, slot: ModuleSlot) -> None:
        slot.status = "active"
        self.swap()

    def spawn_recovery(self, slot: ModuleSlot) -> None:
        nursery = self.nursery
        if nursery is not None:
            nursery.start_soon(self.isolation.recover, slot, name=f"module-recover/{slot.name}")

    async def drain(self, instance: Module) -> None:
        """Wait (at most ``drain_timeout``) until no request still runs with ``instance``."""
        await self.chains.drain(instance, self.drain_timeout)

    async def start_instance(self, slot: ModuleSlot) -> bool:
        return await self.instances.start(slot)

    async def stop_instance(self, slot: ModuleSlot, reason: str) -> None:
        await self.instances.stop(slot, reason)

    # -- taking a module out ------------------------------------------------------------------

    async def take_out(
        self, slot: ModuleSlot, status: Status, reason: str, *, wait: bool = True
    ) -> None:
        """Give ``slot`` its new ``status``, rebuild the chain without it, and stop its
        instance once the requests using it finish (now, or in the background)."""
        was_in_chain = slot.status in RUNNING or slot in self.chains.current.closed
        slot.status = status
        if was_in_chain:
            self.swap()
        instance = slot.instance
        if instance is not None:

            async def stop(slot: ModuleSlot, instance: Module, reason: str) -> None:
                if slot.instance is instance:  # not restarted in the meantime
                    await self.instances.stop(slot, reason)

            await self.retire(stop, slot, instance, reason, wait=wait)

    async def retire(
        self,
        stop: Callable[[ModuleSlot, Module, str], Awaitable[None]],
        slot: ModuleSlot,
        instance: Module,
        reason: str,
        *,
        wait: bool,
    ) -> None:
        """Drain ``instance``'s requests, then ``stop`` it: now, or in the background."""

        async def retire() -> None:
            await self.drain(instance)
            await stop(slot, instance, reason)

        if wait or self.nursery is None:
            await retire()
        else:
            self.nursery.start_soon(retire, name=f"module-retire/{slot.name}")


def now() -> float | None:
    """trio's clock, or ``None`` outside of ``trio.run``."""
    try:
        return trio.current_time()
    except RuntimeError:
        return None

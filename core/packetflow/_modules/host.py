"""The module host: ``node.modules``. A node :class:`~packetflow.Component` that discovers, starts,
supervises and stops modules, keeps the chain, and is the runtime management API (SPEC 5.4)."""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import trio

from .._wire.messages import CapabilityResponse
from ..errors import (
    ConflictError,
    ModuleFailedError,
    NotFoundError,
    UnavailableError,
)
from . import requests
from .binding import new_plugin_manager
from .chain import Chain, HookKind
from .config import ModulesConfig, load_config
from .dependencies import start_order
from .discovery import (
    Found,
    LoadError,
    find_modules,
    installed_names,
    label,
    load_module_class,
)
from .instances import Instances, one_line
from .isolation import Isolation
from .module import Module
from .preparing import prepare_slot, unmatched_entries
from .reloading import reimport
from .requests import Execute
from .slot import ModuleInfo, ModuleSlot, Origin
from .tracing import Tracer, log_tracer

if TYPE_CHECKING:
    from .._capabilities.capability import Capability
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._node import Node
    from .._wire.messages import RequestEnvelope

__all__ = ["TRACE_ENV", "ModuleHost"]

log = logging.getLogger("packetflow.modules")

TRACE_ENV = "PACKETFLOW_TRACE_MODULES"

_RUNNING = ("active", "degraded")
# Out of the chain by failure, not by an operator: fail-closed modules guard the chain then.
_OUT = ("quarantined", "failed", "failed_to_load")
_TRUE = ("1", "true", "yes", "on")


class ModuleHost(Instances):
    """Hosts a node's modules; reachable as ``node.modules``.

    Configure before the node starts (``register``, ``configure``, ``autoload``); manage while
    it runs (``enable``, ``disable``, ``reload``, ``unregister``, ``list_active``).

    Attributes:
        autoload: discover installed modules at start (also off with
            ``PACKETFLOW_DISABLE_MODULE_AUTOLOAD=1``).
        start_timeout / stop_timeout: bounds on a module's ``start`` and ``stop``.
        drain_timeout: how long a stop waits for in-flight requests still using the module.
        active: whether any module is in the chain (the node's fast paths read it).
    """

    def __init__(self, node: Node) -> None:
        self._node = node
        self._slots: dict[str, ModuleSlot] = {}
        self._found: dict[str, Found] = {}
        # What register() was given for each inline module: its [[modules]] entry is merged in
        # when the node starts, so the config in force then (--config...) is the one applied.
        self._inline: dict[str, dict[str, Any]] = {}
        self._unknown: set[str] = set()  # configured names no module answers to
        self._config: ModulesConfig | None = None
        self._config_path: Path | None = None
        self._isolation = Isolation(self)
        self._retired: list[Chain] = []
        self._contributed: dict[str, tuple[list[str], list[str]]] = {}
        self._settled: dict[str, trio.Event] = {}
        self._nursery: trio.Nursery | None = None
        self._closing = False
        self.pm = new_plugin_manager()
        self.chain = Chain((), self._isolation.fault)
        self.active = False
        self.autoload = True
        self.start_timeout = 10.0
        self.stop_timeout = 5.0
        self.drain_timeout = 30.0
        self.tracer: Tracer | None = None
        self._admin_registered = False

    def __repr__(self) -> str:
        return f"<ModuleHost active={self.chain.order('request')!r}>"

    # -- configuration (before start) -------------------------------------------------------

    def configure(self, config: str | os.PathLike[str] | Mapping[str, Any] | None) -> None:
        """Use this config instead of ``$PACKETFLOW_CONFIG`` or ``packetflow.toml`` /
        ``pyproject.toml`` in the working directory: a file path, or the mapping a config file
        would hold. Read when the node starts (the CLI's ``--config`` calls this after the
        app is imported, so it wins over what the app configured)."""
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

    def register(
        self,
        cls: type[Module],
        *,
        config: Mapping[str, Any] | None = None,
        priority: int | None = None,
        name: str | None = None,
        **settings: Any,
    ) -> ModuleInfo:
        """Add a module class (an inline module, or one imported by hand).

        Before the node starts, the module starts with it; while it runs, the module starts in
        the background (``await node.modules.wait_ready(name)`` to wait for it).

        Args:
            cls: a :class:`~packetflow.Module` subclass.
            config: its ``Config`` values (default: its ``[[modules]]`` entry, if any).
            priority: overrides the class default.
            name: overrides ``cls.name``.
            settings: other :class:`ModuleSettings` fields (``on_error``, ``hook_timeout``...).

        Raises:
            TypeError: not a module class, or a hook signature does not fit its hookspec.
            ValueError: bad settings or config (the message names each field).
            ConflictError: E409 when a module of that name is already registered.
        """
        if not (isinstance(cls, type) and issubclass(cls, Module)):
            raise TypeError(f"cannot register {cls!r}: expected a packetflow.Module subclass")
        name = name or cls.name
        if not name:
            raise ValueError(f"module class {cls.__qualname__}: set name = '...' or pass name=")
        existing = self._slots.get(name)
        if existing is not None and existing.status != "failed_to_load":
            raise ConflictError(
                f"module {name!r} is already registered ({existing.status}); unregister it first"
            )
        overrides = dict(settings)
        if config is not None:
            overrides["config"] = dict(config)
        if priority is not None:
            overrides["priority"] = priority
        # Before the node starts only what the code passed is checked (a mistake there is
        # the caller's); the config file's entry joins at start, where a bad entry is that
        # module's start error.
        running = self._nursery is not None
        slot = self._prepare(name, cls, Origin(), overrides, with_file=running)
        self._slots[name] = slot
        self._inline[name] = overrides
        self._unknown.discard(name)
        if self.pm.is_blocked(name):
            slot.status, slot.load_error = "disabled", "listed in disabled"
        elif self._nursery is not None:
            self._register_admin()
            slot.status = "starting"
            self._settled[name] = trio.Event()
            self._nursery.start_soon(self._activate, slot, name=f"module-start/{name}")
        return slot.info()

    def _register_admin(self) -> None:
        """Expose management as ``packetflow.modules.*`` capabilities once there is a module."""
        if not self._admin_registered:
            from .admin import admin_capabilities

            self._node.register(admin_capabilities(self))
            self._admin_registered = True

    # -- lifecycle (the Component protocol) -------------------------------------------------

    async def open(self, node: Node, nursery: trio.Nursery) -> None:
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
        self._nursery = nursery
        startable = {n: s for n, s in self._slots.items() if s.status == "stopped" and s.cls}
        unavailable = {
            n: s.load_error or s.status for n, s in self._slots.items() if n not in startable
        }
        requires = {n: tuple(s.cls.requires_modules) for n, s in startable.items() if s.cls}
        priorities = {n: s.priority for n, s in startable.items()}
        order, blocked = start_order(requires, priorities, unavailable)
        for name, reason in blocked.items():
            slot = self._slots[name]
            slot.status = "failed_to_load"
            slot.load_error = f"{label(name, slot.origin)} cannot start: {reason}"
            log.error("%s", slot.load_error)
        for name in order:
            await self._activate(self._slots[name], swap=False)
        self._swap()
        active = self.chain.order("request") or [s.name for s in self.chain.slots]
        if self._slots:
            self._register_admin()
            log.info("modules: %d active %s", len(self.chain.slots), active)

    async def close(self) -> None:
        """Stop every module in reverse start order (node stop)."""
        self._closing = True
        running = [s for s in reversed(list(self._slots.values())) if s.instance is not None]
        for slot in self._slots.values():
            # Quarantined and starting modules too: a recovery waiting out its backoff sees
            # the change and gives up instead of starting an instance on a stopping node.
            if slot.status in ("active", "degraded", "quarantined", "starting"):
                slot.status = "stopped"
        self._swap()
        for slot in running:
            await self.stop_instance(slot, "node_stopping")
        # Discovered modules are found again on the next start; inline ones stay registered.
        gone = [n for n, s in self._slots.items() if s.origin.entry_point is not None]
        for name in [*gone, *self._unknown]:
            self._slots.pop(name, None)
        self._unknown.clear()
        self._found.clear()
        self._nursery = None
        self._closing = False

    def _admit(self, found: Found) -> None:
        """Turn a discovered entry point into a slot: imported only when it is a candidate."""
        if found.name in self._slots:
            log.warning(
                "%s: not loaded, a module named %r is already registered inline",
                found.label, found.name,
            )  # fmt: skip
            return
        self._found[found.name] = found
        if found.state != "candidate":
            self._slots[found.name] = ModuleSlot(
                found.name, None, origin=found.origin, status=found.state, load_error=found.reason
            )
            if found.state == "failed_to_load":
                log.error("%s", found.reason)
            return
        try:
            cls = load_module_class(found)
            slot = self._prepare(found.name, cls, found.origin, {})
        except (LoadError, TypeError, ValueError) as exc:
            reason = str(exc) if isinstance(exc, LoadError) else f"{found.label}: {exc}"
            log.error("%s", reason, exc_info=exc.__cause__)
            slot = ModuleSlot(
                found.name, None, origin=found.origin, status="failed_to_load", load_error=reason
            )
        self._slots[found.name] = slot

    def _apply_file_to_inline(self) -> None:
        """Merge the config file's entries into the inline modules (node start)."""
        for name, slot in list(self._slots.items()):
            inline = slot.origin.entry_point is None and slot.cls is not None
            if not inline or slot.status not in ("stopped", "failed_to_load"):
                continue
            assert slot.cls is not None
            try:
                self._slots[name] = self._prepare(
                    name, slot.cls, slot.origin, self._inline.get(name, {})
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
        if all(name in self._slots for name in config.entries):
            return
        # Installed but not loaded (autoload off, a filter) counts as known: not a typo.
        known = installed_names() | set(self._slots)
        for name, reason in unmatched_entries(config, known).items():
            self._slots[name] = ModuleSlot(name, None, status="failed_to_load", load_error=reason)
            self._unknown.add(name)
            log.error("%s", reason)

    def _prepare(
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

    async def _activate(self, slot: ModuleSlot, *, swap: bool = True) -> None:
        """Start a registered module (at node start, or registered while running)."""
        try:
            assert slot.cls is not None
            missing = [d for d in slot.cls.requires_modules if self._status(d) not in _RUNNING]
            if missing:
                slot.status = "failed_to_load"
                slot.load_error = (
                    f"{label(slot.name, slot.origin)} cannot start: it requires module "
                    f"{missing[0]!r}, which is not active"
                )
                log.error("%s", slot.load_error)
            elif await self.start_instance(slot):
                if self._closing:  # the node began stopping while this module started
                    await self.stop_instance(slot, "node_stopping")
                    slot.status = "stopped"
                    return
                slot.status = "active"
                if swap:
                    self._swap()
            else:
                slot.status = "failed_to_load"
                if swap and self._fails_closed(slot):
                    self._swap()  # its guard takes its place in the chain
        finally:
            event = self._settled.pop(slot.name, None)
            if event is not None:
                event.set()

    def _status(self, name: str) -> str | None:
        slot = self._slots.get(name)
        return None if slot is None else slot.status

    # -- the chain --------------------------------------------------------------------------

    def _swap(self) -> None:
        """Build the chain from the active modules and swap it in; requests in flight keep
        the chain they started with."""
        members = [s for s in self._slots.values() if s.status == "active" and s.instance]
        trace = self.tracer
        if trace is None and os.environ.get(TRACE_ENV, "").strip().lower() in _TRUE:
            trace = log_tracer
        closed = [s for s in self._slots.values() if s.status in _OUT and self._fails_closed(s)]
        new = Chain(members, self._isolation.fault, trace=trace, closed=closed)
        old, self.chain = self.chain, new
        self.active = bool(new)
        self._node.engine.rewrite = self.compose if new.has("composition") else None
        self._node.engine.steps = self.step if new.steps else None
        if old:
            old.retire()
            self._retired = [
                c for c in self._retired if c.drained is not None and not c.drained.is_set()
            ]
            if old.drained is not None and not old.drained.is_set():
                self._retired.append(old)

    def _fails_closed(self, slot: ModuleSlot) -> bool:
        """Whether ``slot``'s module is fail-closed: its resolved policy, else its
        ``[[modules]]`` entry, else its class default (a module whose code cannot be imported
        is fail-closed only when its entry says so)."""
        if slot.policy is not None:
            return slot.policy.on_error == "fail"
        entry = self.config.entries.get(slot.name, {}).get("on_error")
        if entry is not None:
            return bool(entry == "fail")
        return slot.cls is not None and slot.cls.on_error == "fail"

    def remove_from_chain(self, slot: ModuleSlot) -> None:
        self._swap()

    def add_to_chain(self, slot: ModuleSlot) -> None:
        slot.status = "active"
        self._swap()

    def spawn_recovery(self, slot: ModuleSlot) -> None:
        nursery = self._nursery
        if nursery is not None:
            nursery.start_soon(self._isolation.recover, slot, name=f"module-recover/{slot.name}")

    async def drain(self, instance: Module) -> None:
        """Wait (at most ``drain_timeout``) until no request still runs with ``instance``."""
        with trio.move_on_after(self.drain_timeout):
            for chain in list(self._retired):
                if chain.drained is not None and any(i is instance for i in chain.instances):
                    await chain.drained.wait()

    def set_tracer(self, tracer: Tracer | None) -> None:
        """Report every hook call to ``tracer`` (``None``: stop); takes effect for requests
        that start from now on. ``PACKETFLOW_TRACE_MODULES=1`` logs them instead."""
        self.tracer = tracer
        self._swap()

    def instance(self, name: str) -> Module:
        """The live instance of module ``name`` (E404 if unknown, E503 if not running)."""
        slot = self._get(name)
        if slot.instance is None:
            raise UnavailableError(f"module {name!r} is {slot.status}; it has no live instance")
        return slot.instance

    def shared_state(self, name: str) -> dict[str, Any]:
        """A dict that module ``name``'s instances share for as long as it is registered:
        what a fresh instance (a restart after quarantine, ``enable``, ``reload``) must take
        over from the one before, such as the admission slots its in-flight requests hold.
        ``reload`` re-imports the module's code, so module-level globals cannot carry this.

        Raises:
            NotFoundError: E404 if no module ``name`` is registered.
        """
        return self._get(name).shared

    def implementations(self, hook: str) -> list[tuple[str, Callable[..., Any]]]:
        """``(module name, bound hook)`` of every running module implementing ``hook``, in
        chain order (``/metrics`` calls ``packetflow_collect_metrics`` through this)."""
        return [(s.name, fn) for s in self.chain.slots if (fn := s.hooks.get(hook)) is not None]

    def chain_order(self) -> dict[HookKind, list[str]]:
        """The resolved order of the three chains (module names)."""
        return {kind: self.chain.order(kind) for kind in ("request", "composition", "response")}

    # -- request paths (the chain that is current when a request starts serves all of it) ------

    # Plain functions returning the coroutine: no extra coroutine frame on the hot path.

    def handle(
        self, request: RequestEnvelope, ctx: Context, timeout: float | None, execute: Execute
    ) -> Awaitable[CapabilityResponse]:
        """Run ``request`` through the chain around ``execute`` (``node.dispatch``)."""
        return requests.handle(self.chain, request, ctx, timeout, execute)

    def call(
        self,
        name: str | None,
        payload: Any,
        ctx: Context,
        timeout: float | None,
        execute: Execute,
        intent: str | None = None,
    ) -> Awaitable[dict[str, Any]]:
        """``node.call`` while modules are active: the same chain as a wire request."""
        return requests.call(self.chain, name, payload, ctx, timeout, execute, intent)

    def step(
        self,
        cap: Capability,
        payload: dict[str, Any],
        ctx: Context,
        timeout: float | None,
        path: str,
    ) -> Awaitable[dict[str, Any]]:
        """One composition step through the modules that see steps (``Module.steps``)."""
        engine = self._node.engine
        return requests.step(
            self.chain,
            cap,
            payload,
            ctx,
            timeout,
            path,
            engine.executor.execute,
            engine.registry.get,
        )

    def compose(
        self, plan: PlanNode, ctx: Context, name: str, check: Callable[[PlanNode], object]
    ) -> Awaitable[PlanNode]:
        """Run the composition hooks on ``plan`` before composition ``name`` executes."""
        return requests.compose(self.chain, plan, ctx, name, check)

    # -- runtime management -----------------------------------------------------------------

    def _get(self, name: str) -> ModuleSlot:
        slot = self._slots.get(name)
        if slot is None:
            known = ", ".join(sorted(self._slots)) or "none"
            raise NotFoundError(f"module {name!r} is not registered; registered: {known}")
        return slot

    def info(self, name: str) -> ModuleInfo:
        """The status and counters of module ``name`` (E404 if unknown)."""
        return self._get(name).info(self._now())

    def list_active(self) -> list[ModuleInfo]:
        """The modules in the chain, in request order."""
        now = self._now()
        return [slot.info(now) for slot in self.chain.slots]

    def list_all(self) -> list[ModuleInfo]:
        """Every known module, including ``failed_to_load``, ``disabled`` and ``failed`` ones,
        by priority then name."""
        now = self._now()
        slots = sorted(self._slots.values(), key=lambda s: s.sort_key)
        return [slot.info(now) for slot in slots]

    async def wait_ready(self, name: str) -> ModuleInfo:
        """Wait until a module registered while the node runs has started (or failed to)."""
        event = self._settled.get(name)
        if event is not None:
            await event.wait()
        return self.info(name)

    async def unregister(self, name: str) -> None:
        """Stop module ``name`` (after the requests using it finish) and forget it."""
        slot = self._get(name)
        await self.wait_ready(name)
        await self._take_out(slot, "stopped", "unregistered")
        del self._slots[name]
        self._inline.pop(name, None)

    async def disable(self, name: str, *, wait: bool = True) -> ModuleInfo:
        """Take module ``name`` out of the chain and stop it; ``enable`` brings it back.

        With ``wait=False`` it returns once the module is out of the chain, and the instance
        stops in the background after the requests using it finish (what a request that
        manages modules needs: it runs through the chain itself, so waiting for that chain to
        drain would wait for itself).
        """
        slot = self._get(name)
        await self.wait_ready(name)
        await self._take_out(slot, "disabled", "disabled", wait=wait)
        return slot.info()

    async def enable(self, name: str) -> ModuleInfo:
        """Start module ``name`` again (after ``disable``, or when ``failed``): fresh instance,
        counters and restart budget reset.

        Raises:
            ModuleFailedError: E502 when it cannot start (the reason is in the message).
        """
        slot = self._get(name)
        await self.wait_ready(name)
        if slot.status in _RUNNING:
            return slot.info()
        if slot.cls is None:
            found = self._found.get(name)
            if found is None or found.state == "failed_to_load":
                raise ModuleFailedError(f"module {name!r} cannot be enabled: {slot.load_error}")
            try:
                fresh = self._prepare(name, load_module_class(found), found.origin, {})
            except (LoadError, TypeError, ValueError) as exc:
                slot.status, slot.load_error = "failed_to_load", str(exc)
                raise ModuleFailedError(str(exc)) from exc
            self._slots[name] = slot = fresh
        if slot.instance is not None:  # quarantined: the recovery has not stopped it yet
            await self._take_out(slot, "stopped", "disabled")
        slot.restarts = 0
        slot.failures.clear()
        slot.status = "starting"
        if not await self.start_instance(slot):
            slot.status = "failed"
            raise ModuleFailedError(slot.load_error or f"module {name!r} failed to start")
        self.add_to_chain(slot)
        return slot.info()

    async def reload(self, name: str, *, wait: bool = True) -> ModuleInfo:
        """Re-import module ``name``'s code, start the new instance, swap it in, then stop the
        old one once the requests using it have finished. No request is dropped.

        ``wait=False`` returns once the new instance serves (see :meth:`disable`).

        Raises:
            ModuleFailedError: E502 when the new code does not load or start; the old instance
                keeps serving.
        """
        slot = self._get(name)
        await self.wait_ready(name)
        if slot.cls is None or slot.status not in _RUNNING:
            raise ModuleFailedError(
                f"module {name!r} is {slot.status}, not active; enable it instead of reloading"
            )
        try:
            cls = await reimport(slot.cls, self._found.get(name))
            fresh = self._prepare(name, cls, slot.origin, self._overrides(slot))
            instance = await self._launch(fresh, cls)
        except Exception as exc:
            raise ModuleFailedError(
                f"{label(name, slot.origin)}: reload failed ({type(exc).__name__}: "
                f"{one_line(exc)}); the previous code keeps running"
            ) from exc
        old = self._detach(slot)
        slot.cls, slot.settings, slot.policy, slot.config = (
            cls, fresh.settings, fresh.policy, fresh.config
        )  # fmt: skip
        self._attach(slot, instance)
        self._swap()
        if old is not None:
            await self._retire(self._shutdown, slot, old, "reload", wait=wait)
        return slot.info()

    def _overrides(self, slot: ModuleSlot) -> dict[str, Any]:
        return slot.settings.model_dump(exclude_unset=True, exclude={"name"})

    async def _take_out(
        self, slot: ModuleSlot, status: Any, reason: str, *, wait: bool = True
    ) -> None:
        was_in_chain = slot.status in _RUNNING or slot in self.chain.closed
        slot.status = status
        if was_in_chain:
            self._swap()
        instance = slot.instance
        if instance is not None:

            async def stop(slot: ModuleSlot, instance: Module, reason: str) -> None:
                if slot.instance is instance:  # not restarted in the meantime
                    await self.stop_instance(slot, reason)

            await self._retire(stop, slot, instance, reason, wait=wait)

    async def _retire(
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

        if wait or self._nursery is None:
            await retire()
        else:
            self._nursery.start_soon(retire, name=f"module-retire/{slot.name}")

    def _now(self) -> float | None:
        try:
            return trio.current_time()
        except RuntimeError:
            return None

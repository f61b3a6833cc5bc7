"""``node.modules``: what users manage of a node's modules (SPEC 5.4).

The public surface, all of it:

- before the node starts: :meth:`ModuleHost.configure`, :meth:`~ModuleHost.register` and the
  settings ``autoload``, ``start_timeout``, ``stop_timeout``, ``drain_timeout``;
- while it runs: :meth:`~ModuleHost.register` (starts in the background),
  :meth:`~ModuleHost.wait_ready`, :meth:`~ModuleHost.enable`, :meth:`~ModuleHost.disable`,
  :meth:`~ModuleHost.reload`, :meth:`~ModuleHost.unregister`;
- any time: :meth:`~ModuleHost.info`, :meth:`~ModuleHost.list_active`,
  :meth:`~ModuleHost.list_all`, :meth:`~ModuleHost.chain_order`,
  :meth:`~ModuleHost.statistics`, :attr:`~ModuleHost.active`,
  :meth:`~ModuleHost.set_tracer` / :attr:`~ModuleHost.tracer`,
  :meth:`~ModuleHost.implementations` (what ``/metrics`` collects through); and for modules
  themselves
  :meth:`~ModuleHost.instance` and :meth:`~ModuleHost.shared_state`.

The machinery (the chain, plugin manager, lifecycle and isolation) is the node's private
:class:`~.runtime.ModuleRuntime`, which this object fronts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..errors import ConflictError, ModuleFailedError, UnavailableError
from .chain import HookKind
from .discovery import LoadError, label, load_module_class
from .instances import one_line
from .module import Module
from .reloading import reimport
from .runtime import RUNNING, now
from .slot import ModuleHostStatistics, ModuleInfo, ModuleSlot, Origin
from .tracing import Tracer

if TYPE_CHECKING:
    from .runtime import ModuleRuntime

__all__ = ["ModuleHost"]


class ModuleHost:
    """Hosts a node's modules; reachable as ``node.modules`` (see the module docstring for
    the whole surface).

    Configure before the node starts (``register``, ``configure``, ``autoload``); manage while
    it runs (``enable``, ``disable``, ``reload``, ``unregister``, ``list_active``).
    """

    def __init__(self, runtime: ModuleRuntime) -> None:
        self._runtime = runtime

    def __repr__(self) -> str:
        return f"<ModuleHost active={self._runtime.chains.current.order('request')!r}>"

    # -- settings ---------------------------------------------------------------------------

    @property
    def autoload(self) -> bool:
        """Discover installed modules at start (also off with
        ``PACKETFLOW_DISABLE_MODULE_AUTOLOAD=1``)."""
        return self._runtime.autoload

    @autoload.setter
    def autoload(self, value: bool) -> None:
        self._runtime.autoload = value

    @property
    def start_timeout(self) -> float:
        """Seconds a module's ``start`` may take (then it is ``failed_to_load``)."""
        return self._runtime.instances.start_timeout

    @start_timeout.setter
    def start_timeout(self, value: float) -> None:
        self._runtime.instances.start_timeout = value

    @property
    def stop_timeout(self) -> float:
        """Seconds a module's ``stop`` may take (then it is abandoned, and logged)."""
        return self._runtime.instances.stop_timeout

    @stop_timeout.setter
    def stop_timeout(self, value: float) -> None:
        self._runtime.instances.stop_timeout = value

    @property
    def drain_timeout(self) -> float:
        """Seconds a stop waits for the in-flight requests still using the module."""
        return self._runtime.drain_timeout

    @drain_timeout.setter
    def drain_timeout(self, value: float) -> None:
        self._runtime.drain_timeout = value

    @property
    def active(self) -> bool:
        """Whether any module is in the chain (or guards it, failed and fail-closed)."""
        return self._runtime.chains.active

    # -- configuration (before start) -------------------------------------------------------

    def configure(self, config: str | os.PathLike[str] | Mapping[str, Any] | None) -> None:
        """Use this config instead of ``$PACKETFLOW_CONFIG`` or ``packetflow.toml`` /
        ``pyproject.toml`` in the working directory: a file path, or the mapping a config file
        would hold. Read when the node starts (the CLI's ``--config`` calls this after the
        app is imported, so it wins over what the app configured)."""
        self._runtime.configure(config)

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
        runtime = self._runtime
        existing = runtime.slots.get(name)
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
        running = runtime.nursery is not None
        slot = runtime.prepare(name, cls, Origin(), overrides, with_file=running)
        runtime.slots[name] = slot
        runtime.inline[name] = overrides
        runtime.unknown.discard(name)
        if runtime.pm.is_blocked(name):
            slot.status, slot.load_error = "disabled", "listed in disabled"
        elif running:
            runtime.start_soon(slot)
        return slot.info()

    # -- inspection -------------------------------------------------------------------------

    def info(self, name: str) -> ModuleInfo:
        """The status and counters of module ``name`` (E404 if unknown)."""
        return self._runtime.get(name).info(now())

    def list_active(self) -> list[ModuleInfo]:
        """The modules in the chain, in request order."""
        at = now()
        return [slot.info(at) for slot in self._runtime.chains.current.slots]

    def list_all(self) -> list[ModuleInfo]:
        """Every known module, including ``failed_to_load``, ``disabled`` and ``failed`` ones,
        by priority then name."""
        at = now()
        slots = sorted(self._runtime.slots.values(), key=lambda s: s.sort_key)
        return [slot.info(at) for slot in slots]

    def chain_order(self) -> dict[HookKind, list[str]]:
        """The resolved order of the three chains (module names)."""
        chain = self._runtime.chains.current
        return {kind: chain.order(kind) for kind in ("request", "composition", "response")}

    def statistics(self) -> ModuleHostStatistics:
        """Every module's status and counters, the chain, and requests in flight (a frozen
        snapshot, as trio's ``statistics()`` methods return)."""
        runtime, at = self._runtime, now()
        slots = sorted(runtime.slots.values(), key=lambda s: s.sort_key)
        chain = runtime.chains.current
        return ModuleHostStatistics(
            modules={slot.name: slot.info(at) for slot in slots},
            active=tuple(slot.name for slot in chain.slots),
            requests_in_flight=chain.inflight,
            draining_chains=runtime.chains.draining(),
        )

    @property
    def tracer(self) -> Tracer | None:
        """The hook-call tracer set with :meth:`set_tracer` (``None``: none)."""
        return self._runtime.chains.tracer

    def set_tracer(self, tracer: Tracer | None) -> None:
        """Report every hook call to ``tracer`` (``None``: stop); takes effect for requests
        that start from now on. ``PACKETFLOW_TRACE_MODULES=1`` logs them instead."""
        self._runtime.chains.tracer = tracer
        self._runtime.swap()

    # -- for modules ------------------------------------------------------------------------

    def instance(self, name: str) -> Module:
        """The live instance of module ``name`` (E404 if unknown, E503 if not running)."""
        slot = self._runtime.get(name)
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
        return self._runtime.get(name).shared

    def implementations(self, hook: str) -> list[tuple[str, Callable[..., Any]]]:
        """``(module name, bound hook)`` of every running module implementing ``hook``, in
        chain order (``/metrics`` calls ``packetflow_collect_metrics`` through this)."""
        slots = self._runtime.chains.current.slots
        return [(s.name, fn) for s in slots if (fn := s.hooks.get(hook)) is not None]

    # -- runtime management -----------------------------------------------------------------

    async def wait_ready(self, name: str) -> ModuleInfo:
        """Wait until a module registered while the node runs has started (or failed to)."""
        event = self._runtime.settled.get(name)
        if event is not None:
            await event.wait()
        return self.info(name)

    async def unregister(self, name: str) -> None:
        """Stop module ``name`` (after the requests using it finish) and forget it."""
        runtime = self._runtime
        slot = runtime.get(name)
        await self.wait_ready(name)
        await runtime.take_out(slot, "stopped", "unregistered")
        del runtime.slots[name]
        runtime.inline.pop(name, None)

    async def disable(self, name: str, *, wait: bool = True) -> ModuleInfo:
        """Take module ``name`` out of the chain and stop it; ``enable`` brings it back.

        With ``wait=False`` it returns once the module is out of the chain, and the instance
        stops in the background after the requests using it finish (what a request that
        manages modules needs: it runs through the chain itself, so waiting for that chain to
        drain would wait for itself).
        """
        slot = self._runtime.get(name)
        await self.wait_ready(name)
        await self._runtime.take_out(slot, "disabled", "disabled", wait=wait)
        return slot.info()

    async def enable(self, name: str) -> ModuleInfo:
        """Start module ``name`` again (after ``disable``, or when ``failed``): fresh instance,
        counters and restart budget reset.

        Raises:
            ModuleFailedError: E502 when it cannot start (the reason is in the message).
        """
        runtime = self._runtime
        slot = runtime.get(name)
        await self.wait_ready(name)
        if slot.status in RUNNING:
            return slot.info()
        if slot.cls is None:
            found = runtime.found.get(name)
            if found is None or found.state == "failed_to_load":
                raise ModuleFailedError(f"module {name!r} cannot be enabled: {slot.load_error}")
            try:
                fresh = runtime.prepare(name, load_module_class(found), found.origin, {})
            except (LoadError, TypeError, ValueError) as exc:
                slot.status, slot.load_error = "failed_to_load", str(exc)
                raise ModuleFailedError(str(exc)) from exc
            runtime.slots[name] = slot = fresh
        if slot.instance is not None:  # quarantined: the recovery has not stopped it yet
            await runtime.take_out(slot, "stopped", "disabled")
        slot.restarts = 0
        slot.failures.clear()
        slot.status = "starting"
        if not await runtime.instances.start(slot):
            slot.status = "failed"
            raise ModuleFailedError(slot.load_error or f"module {name!r} failed to start")
        runtime.add_to_chain(slot)
        return slot.info()

    async def reload(self, name: str, *, wait: bool = True) -> ModuleInfo:
        """Re-import module ``name``'s code, start the new instance, swap it in, then stop the
        old one once the requests using it have finished. No request is dropped.

        ``wait=False`` returns once the new instance serves (see :meth:`disable`).

        Raises:
            ModuleFailedError: E502 when the new code does not load or start; the old instance
                keeps serving.
        """
        runtime = self._runtime
        instances = runtime.instances
        slot = runtime.get(name)
        await self.wait_ready(name)
        if slot.cls is None or slot.status not in RUNNING:
            raise ModuleFailedError(
                f"module {name!r} is {slot.status}, not active; enable it instead of reloading"
            )
        try:
            cls = await reimport(slot.cls, runtime.found.get(name))
            fresh = runtime.prepare(name, cls, slot.origin, _overrides(slot))
            instance = await instances.launch(fresh, cls)
        except Exception as exc:
            raise ModuleFailedError(
                f"{label(name, slot.origin)}: reload failed ({type(exc).__name__}: "
                f"{one_line(exc)}); the previous code keeps running"
            ) from exc
        old = instances.detach(slot)
        slot.cls, slot.settings, slot.policy, slot.config = (
            cls, fresh.settings, fresh.policy, fresh.config
        )  # fmt: skip
        instances.attach(slot, instance)
        runtime.swap()
        if old is not None:
            await runtime.retire(instances.shutdown, slot, old, "reload", wait=wait)
        return slot.info()


def _overrides(slot: ModuleSlot) -> dict[str, Any]:
    return slot.settings.model_dump(exclude_unset=True, exclude={"name"})

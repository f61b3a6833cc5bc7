"""Binding a module to the hookspecs: signature validation through pluggy, and turning a live
instance's hookimpls into the plain ``(subject, context)`` callables the chain calls."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pluggy

from .. import hookspecs
from ..hookspecs import HOOKS, PROJECT
from .module import Module
from .suggest import did_you_mean

__all__ = ["SPEC_ARGS", "bind", "new_plugin_manager", "unbind", "validate_class"]

SPEC_ARGS: dict[str, tuple[str, ...]] = {
    hook: tuple(inspect.signature(getattr(hookspecs, hook)).parameters) for hook in HOOKS
}
"""The parameters each hookspec provides, in order."""

_MARKER = PROJECT + "_impl"
_PREFIX = PROJECT + "_"

# pluggy options the chain ignores: it runs every hook in priority order (not pluggy's
# tryfirst/trylast) and calls each one plainly (no generator wrappers).
_UNHONOURED = ("wrapper", "hookwrapper", "tryfirst", "trylast")


def new_plugin_manager() -> pluggy.PluginManager:
    """A plugin manager holding the PacketFlow hookspecs."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def validate_class(cls: type[Module], name: str) -> None:
    """Check every hookimpl of ``cls`` against its hookspec (pluggy's validation).

    Also refuses what pluggy would accept but this host would silently ignore: a
    ``packetflow_*`` method without ``@pf.hookimpl`` (never called), and the hookimpl options
    ``wrapper``, ``hookwrapper``, ``tryfirst`` and ``trylast`` (the chain orders modules by
    priority and calls every hook plainly).

    Raises:
        TypeError: one line naming the module, the method, and what to change.
    """
    for attr in dir(cls):
        impl = inspect.getattr_static(cls, attr, None)
        func = getattr(impl, "__func__", impl)
        _check_method(name, f"{cls.__qualname__}.{attr}", attr, func)
    pm = new_plugin_manager()
    try:
        pm.register(cls, name=name)
    except pluggy.PluginValidationError as exc:
        hook = next((h for h in HOOKS if h in str(exc)), "a hook")
        impl = getattr(cls, hook, None)
        signature = _signature(impl) if impl is not None else "(?)"
        spec = f"({', '.join(SPEC_ARGS.get(hook, ()))})"
        raise TypeError(
            f"module {name!r}: {hook}{signature} does not match the hookspec {hook}{spec}; "
            "a hook may take only the hookspec's parameters (by name)"
        ) from exc


def _check_method(name: str, where: str, attr: str, func: Any) -> None:
    options = getattr(func, _MARKER, None)
    if options is None:
        if attr.startswith(_PREFIX) and callable(func):
            hint = (
                "decorate it with @pf.hookimpl"
                if attr in HOOKS
                else f"the {_PREFIX} prefix is reserved for hooks{did_you_mean(attr, HOOKS)}"
            )
            raise TypeError(
                f"module {name!r}: {where} is not marked @pf.hookimpl, so it would never be "
                f"called; {hint}"
            )
        return
    if attr not in HOOKS:
        raise TypeError(
            f"module {name!r}: {where} is marked @hookimpl but there is no hook {attr!r}"
            f"{did_you_mean(attr, HOOKS)}; the hooks are {', '.join(HOOKS)}"
        )
    unhonoured = [option for option in _UNHONOURED if options.get(option)]
    if unhonoured:
        raise TypeError(
            f"module {name!r}: {where} uses @hookimpl({unhonoured[0]}=True), which PacketFlow "
            "does not honour (modules run in priority order and every hook is called plainly); "
            "drop it and set the module's priority instead"
        )


def bind(pm: pluggy.PluginManager, instance: Module, name: str) -> dict[str, Callable[..., Any]]:
    """Register ``instance`` with ``pm`` and return hook name -> callable.

    Request/composition/response hooks come back as ``(subject, context)`` callables (adapted
    when the method takes fewer parameters or another order); the register hooks as
    ``(register)`` callables.
    """
    pm.register(instance, name=name)
    bound: dict[str, Callable[..., Any]] = {}
    for hook in HOOKS:
        for impl in getattr(pm.hook, hook).get_hookimpls():
            if impl.plugin is instance:
                bound[hook] = _adapt(impl.function, tuple(impl.argnames), SPEC_ARGS[hook])
    return bound


def unbind(pm: pluggy.PluginManager, instance: Module) -> None:
    """Remove ``instance`` from ``pm`` (no-op when it is not registered)."""
    if pm.get_name(instance) is not None:
        pm.unregister(instance)


def _adapt(
    fn: Callable[..., Any], argnames: tuple[str, ...], spec: tuple[str, ...]
) -> Callable[..., Any]:
    if argnames == spec:
        return fn  # the common case: called positionally, no wrapper on the hot path
    if inspect.iscoroutinefunction(fn):

        async def call_async(*args: Any) -> Any:
            given = dict(zip(spec, args, strict=True))
            return await fn(**{arg: given[arg] for arg in argnames})

        return call_async

    def call(*args: Any) -> Any:
        given = dict(zip(spec, args, strict=True))
        return fn(**{arg: given[arg] for arg in argnames})

    return call


def _signature(obj: Any) -> str:
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):
        return "(?)"

"""Entry-point discovery (SPEC 5.4): find modules in the ``packetflow.modules`` group, filter
them *before* importing anything, check core compatibility from distribution metadata, and load
each one in isolation.

Filters, in order: ``PACKETFLOW_DISABLE_MODULE_AUTOLOAD=1`` (nothing is discovered),
``PACKETFLOW_MODULES=a,b`` (an allow-list), ``disabled = [...]`` and ``enabled = false`` in the
config. A module that is filtered out is listed as ``disabled``; one that cannot be used is
``failed_to_load`` with a one-line reason naming its distribution. Neither stops the node.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import importlib_metadata
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from .._version import __version__
from .config import ModulesConfig
from .module import Module
from .slot import Origin

__all__ = [
    "AUTOLOAD_ENV",
    "GROUP",
    "MODULES_ENV",
    "Found",
    "LoadError",
    "autoload_enabled",
    "find_modules",
    "installed_names",
    "load_module_class",
]

GROUP = "packetflow.modules"
AUTOLOAD_ENV = "PACKETFLOW_DISABLE_MODULE_AUTOLOAD"
MODULES_ENV = "PACKETFLOW_MODULES"
_TRUE = frozenset({"1", "true", "yes", "on"})


class LoadError(Exception):
    """A module could not be loaded; the message is the one-line reason users see."""


@dataclass(frozen=True, slots=True)
class Found:
    """One discovered entry point, before import."""

    name: str
    origin: Origin
    entry_point: importlib_metadata.EntryPoint | None
    state: Literal["candidate", "disabled", "failed_to_load"]
    reason: str | None = None

    @property
    def label(self) -> str:
        """``module 'x' (dist 1.0)``: how messages name it."""
        return label(self.name, self.origin)


def label(name: str, origin: Origin) -> str:
    if origin.distribution is None:
        return f"module {name!r}"
    return f"module {name!r} ({origin.distribution} {origin.version})"


def autoload_enabled(env: Mapping[str, str] | None = None) -> bool:
    """False when ``PACKETFLOW_DISABLE_MODULE_AUTOLOAD`` is set to a true value."""
    env = os.environ if env is None else env
    return env.get(AUTOLOAD_ENV, "").strip().lower() not in _TRUE


def _allow_list(env: Mapping[str, str]) -> frozenset[str] | None:
    raw = env.get(MODULES_ENV)
    if raw is None or not raw.strip():
        return None
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def find_modules(config: ModulesConfig, env: Mapping[str, str] | None = None) -> list[Found]:
    """Every module entry point, classified without importing any of them."""
    env = os.environ if env is None else env
    if not autoload_enabled(env):
        return []
    allow = _allow_list(env)
    found: list[Found] = []
    seen: dict[str, Origin] = {}
    points = sorted(
        importlib_metadata.entry_points(group=GROUP),
        key=lambda ep: (ep.name, ep.dist.name if ep.dist else ""),
    )
    for ep in points:
        dist = ep.dist
        origin = Origin(dist.name if dist else None, dist.version if dist else None, ep.value)
        name = ep.name
        if name in seen:
            first = seen[name]
            found.append(
                Found(
                    name, origin, ep, "failed_to_load",
                    f"{label(name, origin)} failed to load: the name is already provided by "
                    f"{first.distribution} {first.version}; uninstall one of them",
                )
            )  # fmt: skip
            continue
        seen[name] = origin
        entry = config.entries.get(name, {})
        if allow is not None and name not in allow:
            found.append(Found(name, origin, ep, "disabled", f"not in {MODULES_ENV}"))
        elif name in config.disabled:
            found.append(Found(name, origin, ep, "disabled", "listed in disabled"))
        elif entry.get("enabled") is False:
            found.append(Found(name, origin, ep, "disabled", "enabled = false in its entry"))
        elif (problem := incompatibility(dist)) is not None:
            found.append(
                Found(name, origin, ep, "failed_to_load",
                      f"{label(name, origin)} failed to load: {problem}")
            )  # fmt: skip
        else:
            found.append(Found(name, origin, ep, "candidate"))
    return found


def installed_names() -> set[str]:
    """The names of every installed module entry point, whatever the filters (metadata only:
    nothing is imported). A ``[[modules]]`` entry naming none of these, nor an inline module,
    is a misspelling or a missing install."""
    return {ep.name for ep in importlib_metadata.entry_points(group=GROUP)}


def incompatibility(dist: importlib_metadata.Distribution | None) -> str | None:
    """Why ``dist`` cannot run on this core, from its ``Requires-Dist`` (no import)."""
    if dist is None:
        return None
    for line in dist.requires or ():
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(req.name) != "packetflow":
            continue
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        if req.specifier and not req.specifier.contains(__version__, prereleases=True):
            return (
                f"it requires packetflow{req.specifier} but this core is {__version__}; "
                f"install a version of {dist.name} that supports it"
            )
    return None


def load_module_class(found: Found) -> type[Module]:
    """Import the entry point and check it is a :class:`~packetflow.Module` subclass.

    Raises:
        LoadError: with the one-line reason (the import's exception type and message).
    """
    assert found.entry_point is not None
    try:
        obj = found.entry_point.load()
    except Exception as exc:
        raise LoadError(
            f"{found.label} failed to load: import raised {type(exc).__name__}: "
            f"{_one_line(exc)}; fix or uninstall {found.origin.distribution}"
        ) from exc
    if not (isinstance(obj, type) and issubclass(obj, Module)):
        raise LoadError(
            f"{found.label} failed to load: entry point {found.origin.entry_point!r} is "
            f"{obj!r}, not a packetflow.Module subclass"
        )
    if obj.name and obj.name != found.name:
        raise LoadError(
            f"{found.label} failed to load: its class says name = {obj.name!r}; the entry-point "
            "name and Module.name must be the same word"
        )
    return obj


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else "(no message)"

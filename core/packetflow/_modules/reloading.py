"""Hot reload (SPEC 5.4): re-import a module's package and return its class afresh.

What is re-imported: the *package* holding the class's module — the module itself when it is a
package (``packetflow_hello:HelloModule``), else its parent package (``packetflow_hello`` for
``packetflow_hello.module:HelloModule``); a single-file top-level module alone — together with
every submodule of that package already imported. They are removed from ``sys.modules`` and
imported again from the files as they are now, so a change in any sibling file
(``packetflow_hello/rules.py``) is picked up, in the order the package's own imports need.
An entry point is then resolved again.

What is not: other packages (``packetflow``, the module's dependencies, an app that imported
names from the module's package keeps the objects it imported), and objects created before:
the old instance, its config and anything it handed out keep their old classes, and the old
code keeps running on the old module objects until the old instance stops.

Importing reads and compiles files, which is blocking I/O: it runs in a worker thread, never on
the event loop. When the new code fails to import, the old modules are put back, so the running
code and later imports see exactly what they saw before.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
from types import ModuleType
from typing import TYPE_CHECKING

import trio

from .discovery import load_module_class
from .module import Module

if TYPE_CHECKING:
    from .discovery import Found

__all__ = ["package_of", "reimport"]

# Reloads in parallel would interleave their edits of sys.modules.
_lock = threading.Lock()


async def reimport(cls: type[Module], found: Found | None) -> type[Module]:
    """The class of ``cls`` as defined by its package's current source (see the module
    docstring), imported in a worker thread.

    A class that cannot be found again by name (defined in a function or in ``__main__``) is
    returned as it is: its instance is still replaced by a fresh one.

    Raises:
        Exception: whatever re-importing raises (a syntax error in the new code...); the old
            modules are back in ``sys.modules`` by then.
    """
    return await trio.to_thread.run_sync(_reimport, cls, found)


def package_of(module: ModuleType) -> str:
    """The name of the package reload re-imports for a class defined in ``module``."""
    name = module.__name__
    spec = module.__spec__
    if spec is None or spec.submodule_search_locations is None:  # not a package itself
        name = module.__package__ or name
    if __name__.startswith(name + "."):
        # A module inside packetflow itself: re-importing the framework would give every
        # running object new classes. Only the module's own code is re-imported.
        return module.__name__
    return name


def _reimport(cls: type[Module], found: Found | None) -> type[Module]:
    module = sys.modules.get(cls.__module__)
    if module is None or cls.__module__ == "__main__" or "<locals>" in cls.__qualname__:
        return cls
    with _lock:
        _import_afresh(package_of(module), cls.__module__)
    if found is not None and found.entry_point is not None:
        return load_module_class(found)
    obj: object = sys.modules[cls.__module__]
    for part in cls.__qualname__.split("."):
        obj = getattr(obj, part)
    if not (isinstance(obj, type) and issubclass(obj, Module)):
        raise TypeError(
            f"{cls.__module__}.{cls.__qualname__} is no longer a packetflow.Module subclass"
        )
    return obj


def _import_afresh(package: str, name: str) -> None:
    """Drop ``package`` and its submodules from ``sys.modules`` and import ``name`` again;
    on failure, put the old modules back."""
    old = _modules_of(package)
    for module_name, module in old.items():
        del sys.modules[module_name]
        _forget_bytecode(module)
    importlib.invalidate_caches()  # new files in the package's directories are found
    try:
        importlib.import_module(name)
    except BaseException:
        for module_name in _modules_of(package):
            del sys.modules[module_name]
        sys.modules.update(old)
        parent, _, child = package.rpartition(".")
        if parent in sys.modules and package in old:  # the import re-pointed parent.child
            setattr(sys.modules[parent], child, old[package])
        raise


def _modules_of(package: str) -> dict[str, ModuleType]:
    prefix = package + "."
    return {
        name: module
        for name, module in list(sys.modules.items())  # a copy: other threads import too
        if name == package or name.startswith(prefix)
    }


def _forget_bytecode(module: ModuleType) -> None:
    # A .pyc is trusted when the source's mtime (in whole seconds) and size match: a file
    # edited within the second of its last compile, keeping its size, would be served stale.
    # Removing the cached file makes the import compile the current source.
    cached = getattr(module, "__cached__", None)
    if isinstance(cached, str) and getattr(module, "__file__", None) != cached:
        with contextlib.suppress(OSError):
            os.remove(cached)

"""Hot reload (SPEC 5.4): re-import a module's code and return its class afresh."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from .discovery import load_module_class
from .module import Module

if TYPE_CHECKING:
    from .discovery import Found

__all__ = ["reimport"]


def reimport(cls: type[Module], found: Found | None) -> type[Module]:
    """The class of ``cls`` as defined by its module's current source.

    The defining module is re-imported with :func:`importlib.reload` (an entry point is then
    resolved again). A class that cannot be found again by name (defined in a function or in
    ``__main__``) is returned as it is: its instance is still replaced by a fresh one.

    As with any :func:`importlib.reload`, the module's globals are replaced in place, so the old
    instance's code sees the new globals too; state that must stay with an instance belongs on
    ``self`` (set in ``start``).

    Raises:
        Exception: whatever re-importing raises (a syntax error in the new code...).
    """
    module = sys.modules.get(cls.__module__)
    if module is None or cls.__module__ == "__main__" or "<locals>" in cls.__qualname__:
        return cls
    importlib.reload(module)
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

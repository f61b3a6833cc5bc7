"""What the module runtime needs of the node that owns it, as a small ``Protocol``.

Modules are layer 3 and the node layer 4 (``tests/test_layers.py``): the runtime names what it
uses -- the composition engine (the chain rewrites plans and wraps steps), ``register`` and
``unregister`` for what modules contribute, and the table of effect kinds -- and
``packetflow.Node`` provides it. Modules themselves receive the whole node in
:meth:`~packetflow.Module.start`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .._capabilities.effects import Effect
    from .._compose.engine import Engine

__all__ = ["ModulesNode"]


class ModulesNode(Protocol):
    """The node a :class:`~packetflow._modules.runtime.ModuleRuntime` runs in
    (``packetflow.Node``)."""

    @property
    def engine(self) -> Engine: ...

    @property
    def effect_kinds(self) -> dict[str, type[Effect]]:
        """Effect kinds by name: the built-ins plus those modules contribute."""
        ...

    def register(self, *items: Any) -> None:
        """Register capabilities, compositions, prompts... (what a module contributes)."""
        ...

    def unregister(self, name: str, /) -> None:
        """Remove a capability or composition; E404 if unknown."""
        ...

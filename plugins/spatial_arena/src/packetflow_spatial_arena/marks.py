"""The decisions the arena's hooks answer with: ``spatial_context`` on a request (a field later
modules and the execution see) and in its response's ``metadata``.

A capability's ``spatial_context`` is built once per move and shared (``Arena.context``), so
the two ``pf.Annotate`` decisions carrying it are too: on the fast path (a free slot, a zone
without effects) a request costs the arena no decision object. The chain writes the
annotation into the messages it owns and copies any other, so sharing one is safe.
"""

from __future__ import annotations

from typing import Any

import packetflow as pf

__all__ = ["Marks", "request_mark", "response_mark"]


def request_mark(spatial: dict[str, Any], metadata: dict[str, Any] | None = None) -> pf.Annotate:
    """The request's decision: ``spatial`` as its ``spatial_context`` (and the metadata keys a
    zone's effects or a queue wait changed)."""
    return pf.Annotate(metadata=metadata or None, fields={"spatial_context": spatial})


def response_mark(spatial: dict[str, Any]) -> pf.Annotate:
    """The response's decision: ``spatial`` in its ``metadata``."""
    return pf.Annotate(metadata={"spatial_context": spatial})


class Marks:
    """The shared decisions of each placed capability, rebuilt when its context is."""

    __slots__ = ("_by_name",)

    def __init__(self) -> None:
        self._by_name: dict[str, tuple[dict[str, Any], pf.Annotate, pf.Annotate]] = {}

    def of(self, name: str, spatial: dict[str, Any]) -> tuple[pf.Annotate, pf.Annotate]:
        found = self._by_name.get(name)
        if found is None or found[0] is not spatial:  # first use, or the context was rebuilt
            found = self._by_name[name] = (spatial, request_mark(spatial), response_mark(spatial))
        return found[1], found[2]

    def forget(self, name: str) -> None:
        self._by_name.pop(name, None)

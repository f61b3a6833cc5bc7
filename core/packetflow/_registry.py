"""The capability registry: every capability and composition with its contract, plus discovery
by name glob, tag, requires/provides keys and free-text intent."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Literal

from ._capabilities.capability import Capability
from ._intent import IntentIndex, tokenize
from .errors import ConflictError, NotFoundError

__all__ = ["Registry", "RegistryChange"]

log = logging.getLogger("packetflow.registry")


@dataclass(frozen=True, slots=True)
class RegistryChange:
    """Published on ``packetflow.registry.changed`` after every register/unregister."""

    action: Literal["registered", "unregistered"]
    name: str
    kind: str
    generation: int


Listener = Callable[[RegistryChange], None]


class Registry:
    """Name → :class:`Capability`, with discovery. ``generation`` increases on every change so
    caches (compiled plans, tool lists) know when to refresh."""

    def __init__(self) -> None:
        self._caps: dict[str, Capability] = {}
        # Kept in step with _caps on every add/remove, so intent search never rescans.
        self._intents = IntentIndex()
        self._listeners: list[Listener] = []
        self.generation = 0

    # -- membership ------------------------------------------------------------------------

    def add(self, cap: Capability, *, replace: bool = False) -> None:
        """Register ``cap``; raises E409 if the name is taken and ``replace`` is false."""
        if cap.name in self._caps and not replace:
            raise ConflictError(
                f"capability {cap.name!r} is already registered; unregister it first or pass "
                "replace=True"
            )
        self._caps[cap.name] = cap
        self._intents.add(cap.name, _document(cap))
        self._changed("registered", cap)

    def remove(self, name: str) -> Capability:
        """Unregister ``name``; raises E404 if unknown."""
        cap = self.get(name)
        del self._caps[name]
        self._intents.remove(name)
        self._changed("unregistered", cap)
        return cap

    def get(self, name: str) -> Capability:
        """The capability called ``name``; raises E404 (with a suggestion) if unknown."""
        cap = self._caps.get(name)
        if cap is None:
            raise NotFoundError(_unknown(name, self._caps))
        return cap

    def lookup(self, name: str) -> Capability | None:
        """The capability called ``name`` or ``None``."""
        return self._caps.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._caps

    def __iter__(self) -> Iterator[Capability]:
        return iter(list(self._caps.values()))

    def __len__(self) -> int:
        return len(self._caps)

    def names(self) -> list[str]:
        return sorted(self._caps)

    # -- discovery -------------------------------------------------------------------------

    def find(
        self,
        *,
        name: str | None = None,
        tag: str | Iterable[str] | None = None,
        requires: Iterable[str] | None = None,
        provides: Iterable[str] | None = None,
        intent: str | None = None,
        limit: int | None = None,
    ) -> list[Capability]:
        """Capabilities matching every given criterion.

        Args:
            name: a glob on the name (``"user_*"``).
            tag: a tag, or several (all must be present).
            requires: keys that must all be among the capability's required inputs.
            provides: keys that must all be among its outputs.
            intent: free text; results are ranked by relevance and non-matches dropped.
            limit: at most this many results.
        """
        tags = {tag} if isinstance(tag, str) else set(tag or ())
        need_in, need_out = set(requires or ()), set(provides or ())

        def matches(cap: Capability) -> bool:
            return (
                (name is None or fnmatchcase(cap.name, name))
                and tags.issubset(cap.tags)
                and need_in.issubset(cap.contract.requires)
                and need_out.issubset(cap.contract.provides)
            )

        if intent:
            # Only capabilities sharing a word with the intent can score above zero.
            scores = self._intents.scores(intent)
            ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
            caps = self._caps
            found = [cap for cap_name, _ in ranked if matches(cap := caps[cap_name])]
        else:
            found = sorted(filter(matches, self._caps.values()), key=lambda cap: cap.name)
        return found[:limit] if limit is not None else found

    # -- change events ---------------------------------------------------------------------

    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(self, action: Literal["registered", "unregistered"], cap: Capability) -> None:
        self.generation += 1
        change = RegistryChange(action, cap.name, cap.kind, self.generation)
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                log.exception("registry listener %r failed", listener)


def _document(cap: Capability) -> list[str]:
    contract = cap.contract
    fields = [*contract.requires, *contract.provides]
    if contract.input_model is not None:
        fields += [
            f"{n} {f.description or ''}" for n, f in contract.input_model.model_fields.items()
        ]
    return tokenize(" ".join([cap.name.replace("_", " "), cap.intent, *cap.tags, *fields]))


def _unknown(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else "; register it or check the name"
    return f"capability {name!r} is not registered{hint}"

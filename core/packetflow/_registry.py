"""The capability registry: every capability and composition with its contract, plus discovery
by name glob, tag, requires/provides keys and free-text intent."""

from __future__ import annotations

import difflib
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Literal

from ._capabilities.capability import Capability
from .errors import ConflictError, NotFoundError

__all__ = ["Registry", "RegistryChange", "tokenize"]

log = logging.getLogger("packetflow.registry")

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    (  # noqa: SIM905 - one readable line of words
        "a an and are as at be by for from i in is it me my of on or please the this to with "
        "can could you would should we our your need want help"
    ).split()
)


def tokenize(text: str) -> list[str]:
    """Lower-cased word stems for intent search (``"Normalizes users"`` → ``normaliz, user``)."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


def _stem(word: str) -> str:
    # A tiny suffix stripper: enough for "users"/"user", "validate"/"validation"/"validating".
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "e", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


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
        self._documents: dict[str, list[str]] = {}
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
        self._documents[cap.name] = _document(cap)
        self._changed("registered", cap)

    def remove(self, name: str) -> Capability:
        """Unregister ``name``; raises E404 if unknown."""
        cap = self.get(name)
        del self._caps[name]
        del self._documents[name]
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
        found = [
            cap
            for cap in self._caps.values()
            if (name is None or fnmatchcase(cap.name, name))
            and tags.issubset(cap.tags)
            and need_in.issubset(cap.contract.requires)
            and need_out.issubset(cap.contract.provides)
        ]
        if intent:
            scored = self._rank(intent, found)
            found = [cap for score, cap in scored if score > 0]
        else:
            found.sort(key=lambda cap: cap.name)
        return found[:limit] if limit is not None else found

    def _rank(self, text: str, caps: list[Capability]) -> list[tuple[float, Capability]]:
        query = set(tokenize(text))
        total = max(1, len(self._documents))
        # Inverse document frequency: words every capability shares ("user") count for less.
        idf = {
            word: math.log(1 + total / (1 + sum(word in doc for doc in self._documents.values())))
            for word in query
        }
        scored = []
        for cap in caps:
            doc = self._documents[cap.name]
            score = sum(idf[word] for word in query if word in doc)
            scored.append((score / math.sqrt(len(doc) or 1), cap))
        scored.sort(key=lambda pair: (-pair[0], pair[1].name))
        return scored

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

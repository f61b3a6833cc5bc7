"""Request policies: required context fields, denied capabilities per role, segregation of
duties. Every refusal names its rule; the module turns it into an E403."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from .config import ComplianceConfig

__all__ = ["Policies", "Refusal"]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request is refused: the rule and a message for the caller."""

    rule: str
    message: str


class Policies:
    """Checks requests against a :class:`ComplianceConfig`.

    Segregation of duties needs memory: who ran a rule's ``first`` capability on which subject.
    A request to ``first`` is remembered as *pending* and becomes a fact only when it succeeds
    (``settle``); both maps are bounded (oldest forgotten first).
    """

    def __init__(self, config: ComplianceConfig) -> None:
        self.config = config
        self._limit = config.remembered_subjects
        self._done: OrderedDict[tuple[str, str], set[str]] = OrderedDict()
        self._pending: OrderedDict[str, list[tuple[str, str, str]]] = OrderedDict()

    def check(
        self, key: str, capability: str | None, payload: dict[str, Any], context: Any
    ) -> Refusal | None:
        """The first rule ``capability`` breaks for this caller, or ``None``."""
        name = capability or ""
        for field in self.config.required_context:
            if getattr(context, field, None) in (None, "", []) and not (
                context.model_extra or {}
            ).get(field):
                return Refusal(
                    "required_context",
                    f"compliance: context field {field!r} is required for every request; "
                    "send it in the request context",
                )
        roles = list(getattr(context, "roles", []) or [])
        for role in roles:
            for glob in self.config.denied.get(role, ()):
                if fnmatchcase(name, glob):
                    return Refusal(
                        f"denied:{role}",
                        f"compliance: role {role!r} may not call {name!r} (denied {glob!r})",
                    )
        user = getattr(context, "user_id", None) or ""
        for rule in self.config.segregation:
            subject = payload.get(rule.subject)
            if subject is None:
                continue
            if fnmatchcase(name, rule.second) and user in self._done.get(
                (rule.name, str(subject)), ()
            ):
                return Refusal(
                    f"segregation:{rule.name}",
                    f"compliance: {user!r} ran {rule.first!r} on {rule.subject} {subject!r} and "
                    f"may not also run {name!r} ({rule.name})",
                )
            if fnmatchcase(name, rule.first):
                self._remember(self._pending, key, [(rule.name, str(subject), user)])
        return None

    def settle(self, key: str, ok: bool) -> list[tuple[str, str, str]]:
        """The request ``key`` finished; returns the first-actions it made facts of."""
        made = self._pending.pop(key, [])
        if not ok:
            return []
        for rule, subject, user in made:
            self.remember(rule, subject, user)
        return made

    def remember(self, rule: str, subject: str, user: str) -> None:
        users = self._done.get((rule, subject))
        if users is None:
            self._remember(self._done, (rule, subject), {user})
        else:
            users.add(user)

    def recall(self, facts: Iterable[tuple[str, str, str]]) -> None:
        """Load first-actions from the audit log (at start)."""
        for rule, subject, user in facts:
            self.remember(rule, subject, user)

    def _remember(self, table: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        table[key] = value
        table.move_to_end(key)
        while len(table) > self._limit:
            table.popitem(last=False)

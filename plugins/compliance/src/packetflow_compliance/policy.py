"""Request policies without memory: required context fields and denied capabilities per role.
Every refusal names its rule; the module turns it into an E403. (Segregation of duties, which
needs the log, is in :mod:`.duties`.)"""

from __future__ import annotations

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
    """Checks requests against a :class:`ComplianceConfig`'s context and role rules."""

    def __init__(self, config: ComplianceConfig) -> None:
        self.config = config

    def check(self, capability: str | None, context: Any) -> Refusal | None:
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
        return None

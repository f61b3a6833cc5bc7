"""The planner interface and what the LLM providers share: the tools offered (the offline
index's best candidates, their input schemas), the prompt, and turning tool calls into steps.

A provider only proposes. Its steps are checked like any plan (names must be registered
capabilities, parameters must fit their schemas, the L3 validator has the last word), and
whenever it fails, times out or proposes something invalid, the offline planner answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from pydantic import ValidationError

from ..index import Profile
from ..plans import PlannedStep

__all__ = ["Planner", "ProviderError", "Tool", "instructions", "steps_from_calls", "tools_for"]

_SAFE = re.compile(r"[^a-zA-Z0-9_-]")


class ProviderError(Exception):
    """A provider could not give a usable plan (HTTP error, garbage, invalid steps)."""


@dataclass(frozen=True, slots=True)
class Tool:
    """A capability offered to a model as a tool (names limited to ``[a-zA-Z0-9_-]{1,64}``)."""

    name: str
    capability: str
    description: str
    schema: dict[str, Any]


class Planner(Protocol):
    """What an LLM provider implements."""

    name: str

    async def propose(
        self, text: str, today: date, max_steps: int, tools: Sequence[Tool]
    ) -> list[tuple[str, dict[str, Any]]]:
        """Tool calls for ``text``, in order: ``[(tool name, arguments)]`` (empty: none fits).

        Raises:
            ProviderError: anything that is not a usable answer.
        """
        ...


def tools_for(profiles: Sequence[Profile]) -> list[Tool]:
    """One tool per capability; names made safe and unique."""
    out: list[Tool] = []
    seen: set[str] = set()
    for profile in profiles:
        base = _SAFE.sub("_", profile.name)[:60] or "tool"
        name, n = base, 1
        while name in seen:
            n += 1
            name = f"{base[:56]}_{n}"
        seen.add(name)
        cap = profile.capability
        schema = dict(cap.contract.input_schema)
        schema.pop("title", None)
        description = cap.intent or profile.name
        if cap.examples:
            description += " Examples: " + "; ".join(cap.examples[:3])
        out.append(Tool(name, profile.name, description[:1000], schema))
    return out


def instructions(today: date, max_steps: int) -> str:
    """The system prompt."""
    return (
        "You turn a user's request into calls of the tools given, in the order they must run. "
        f"Today is {today.isoformat()} ({today.strftime('%A')}). Call at most {max_steps} tools. "
        "Fill only the arguments the request states; resolve relative dates against today "
        "(scheduling looks ahead, reporting looks back; ranges include both ends), write times "
        "as 24-hour HH:MM and convert units to the ones a field names. Leave out an argument "
        "that only an earlier call's result can give. If no tool does what the request asks "
        "(for example it asks for the opposite of what a tool does), call no tool and answer "
        "'none'."
    )


def steps_from_calls(
    calls: Sequence[tuple[str, Any]], tools: Sequence[Tool], profiles: Mapping[str, Profile]
) -> list[PlannedStep]:
    """Steps from a provider's tool calls.

    Raises:
        ProviderError: an unknown tool, arguments that are not an object, unknown fields, or
            values that do not fit the field types.
    """
    by_name = {t.name: t for t in tools}
    steps: list[PlannedStep] = []
    for name, arguments in calls:
        tool = by_name.get(name)
        if tool is None:
            raise ProviderError(f"provider called unknown tool {name!r}")
        if isinstance(arguments, str):
            try:
                arguments = json.loads(arguments or "{}")
            except ValueError as exc:
                raise ProviderError(f"tool {name!r}: arguments are not JSON: {exc}") from None
        if not isinstance(arguments, dict):
            raise ProviderError(f"tool {name!r}: arguments must be an object, got {arguments!r}")
        profile = profiles[tool.capability]
        known = {f.name for f in profile.fields}
        unknown = set(arguments) - known
        if known and unknown:
            raise ProviderError(f"tool {name!r}: unknown arguments {sorted(unknown)!r}")
        _check_types(profile, arguments)
        steps.append(PlannedStep(tool.capability, dict(arguments)))
    return steps


def _check_types(profile: Profile, arguments: dict[str, Any]) -> None:
    model = profile.capability.contract.input_model
    if model is None:
        return
    try:
        model.model_validate(arguments)
    except ValidationError as exc:
        wrong = [e for e in exc.errors() if e["type"] != "missing"]
        if wrong:
            where = ".".join(map(str, wrong[0]["loc"]))
            raise ProviderError(
                f"tool for {profile.name!r}: argument {where!r} is invalid: {wrong[0]['msg']}"
            ) from None

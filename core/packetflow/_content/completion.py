"""Completions for prompt arguments and resource-template parameters (MCP
``completion/complete``): a ``complete=`` callable per argument, or, by default, the values an
enum-like type allows (``Literal[...]``, an ``Enum``, ``bool``) that start with what was typed.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, Literal, TypeAlias, get_args, get_origin

from pydantic import BaseModel

__all__ = ["MAX_COMPLETIONS", "Completer", "Completions", "choices_of"]

MAX_COMPLETIONS = 100
"""Suggestions per answer (MCP's limit); ``has_more`` says when there were more."""

Completer: TypeAlias = Callable[..., "Iterable[str] | Awaitable[Iterable[str]]"]
"""``complete(prefix)`` or ``complete(prefix, arguments)`` (the other arguments already chosen),
sync or async, returning suggestions."""


def choices_of(annotation: Any) -> list[str] | None:
    """The values an enum-like annotation allows, as strings (``None`` for open types)."""
    origin = get_origin(annotation)
    if origin is Literal:
        return [str(value) for value in get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    if annotation is bool:
        return ["true", "false"]
    args = [arg for arg in get_args(annotation) if arg is not type(None)]
    if len(args) == 1 and origin is not None and origin not in (list, dict, tuple, set):
        return choices_of(args[0])  # Optional[Literal[...]], Annotated[Literal[...], ...]
    return None


class Completions:
    """The completers of one prompt or resource template.

    Args:
        subject: names the declaration in errors (``prompt 'greet'``).
        model: the arguments model (enum-like fields complete by default).
        complete: explicit completers by argument name (they win over the defaults).
    """

    def __init__(
        self,
        subject: str,
        model: type[BaseModel] | None,
        complete: Mapping[str, Completer] | None,
    ) -> None:
        fields = model.model_fields if model is not None else {}
        self._choices: dict[str, list[str]] = {}
        for name, info in fields.items():
            choices = choices_of(info.annotation)
            if choices is not None:
                self._choices[name] = choices
        self._completers: dict[str, tuple[Completer, bool]] = {}
        for name, completer in (complete or {}).items():
            if name not in fields:
                raise TypeError(
                    f"{subject}: complete= names {name!r}, which is not one of its arguments "
                    f"{sorted(fields)!r}"
                )
            if not callable(completer):
                raise TypeError(f"{subject}: complete[{name!r}] must be callable")
            self._completers[name] = (completer, _takes_arguments(completer))

    def __contains__(self, argument: str) -> bool:
        return argument in self._completers or argument in self._choices

    async def complete(
        self, argument: str, prefix: str, arguments: Mapping[str, str]
    ) -> tuple[list[str], int]:
        """Up to :data:`MAX_COMPLETIONS` suggestions for ``argument`` and how many there were
        in all (no completer for it: none)."""
        found = self._completers.get(argument)
        if found is not None:
            completer, with_arguments = found
            result = completer(prefix, dict(arguments)) if with_arguments else completer(prefix)
            if inspect.isawaitable(result):
                result = await result
            values = [str(value) for value in result]
        else:
            lowered = prefix.lower()
            values = [v for v in self._choices.get(argument, ()) if v.lower().startswith(lowered)]
        return values[:MAX_COMPLETIONS], len(values)


def _takes_arguments(completer: Completer) -> bool:
    try:
        params = inspect.signature(completer).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature: call it with the prefix
        return False
    positional = [
        p
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
    ]
    return len(positional) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in positional)

"""``@prompt``: a function that turns typed arguments into messages for a model.

::

    @pf.prompt("review", "Ask for a code review")
    async def review(code: str, language: Literal["python", "rust"] = "python") -> str:
        return f"Review this {language} code:\\n{code}"

The arguments come from the type hints (as a capability's do) and are validated on every use
(E422 with one entry per field). A prompt answers with a ``str`` (one user message), a content
block, a :class:`~packetflow._rich.Message`, or a list of those. Register it with
``node.register(review)``; MCP clients see it in ``prompts/list`` and get it with
``prompts/get``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

import trio
from pydantic import ValidationError

from .._capabilities.capability import Capability, capability
from .._rich import ContentBlock, Message
from ..errors import ContractViolationError, DeadlineExceededError
from .completion import Completer, Completions

if TYPE_CHECKING:
    from .._context import Context

__all__ = ["Prompt", "PromptArgument", "messages_of", "prompt"]


@dataclass(frozen=True, slots=True)
class PromptArgument:
    """One argument as clients see it."""

    name: str
    description: str | None
    required: bool


class Prompt:
    """A named prompt template; built by :func:`prompt`.

    Calling the object calls the original function, so it stays unit-testable.
    """

    def __init__(
        self,
        name: str,
        fn: Callable[..., Any],
        *,
        description: str = "",
        title: str | None = None,
        complete: Mapping[str, Completer] | None = None,
        timeout: float | None = None,
    ) -> None:
        self.name = name
        self.subject = f"prompt {name!r}"
        self.fn = fn
        self.description = description or inspect.getdoc(fn) or ""
        self.title = title
        self.timeout = timeout
        # The capability machinery derives the arguments model and calls the function.
        self._cap: Capability = capability(name=name, timeout=timeout)(fn)
        model = self._cap.contract.input_model
        fields = model.model_fields if model is not None else {}
        self.arguments = tuple(
            PromptArgument(key, info.description, info.is_required())
            for key, info in fields.items()
        )
        self.completions = Completions(self.subject, model, complete)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Prompt {self.name!r} arguments={[a.name for a in self.arguments]}>"

    async def render(self, arguments: Mapping[str, Any] | None, ctx: Context) -> list[Message]:
        """The messages for ``arguments`` (validated first).

        Raises:
            ContractViolationError: E422 with one entry per wrong or missing argument, or
                (``type`` "output_contract") when the function answers something that is not
                messages.
            DeadlineExceededError: E408 past ``timeout``.
        """
        cap = self._cap
        inp = cap.contract.parse_input(dict(arguments or {}), self.subject)
        if self.timeout is None:
            value = await cap.handler(inp, ctx)
        else:
            with trio.move_on_after(self.timeout):
                return messages_of(await cap.handler(inp, ctx), self.subject)
            raise DeadlineExceededError(
                f"{self.subject}: no messages within {self.timeout:g}s",
                details={"timeout_s": self.timeout},
            )
        return messages_of(value, self.subject)


def messages_of(value: Any, subject: str) -> list[Message]:
    """A prompt's answer as messages: ``str`` and blocks become user messages."""
    items = value if isinstance(value, (list, tuple)) else [value]
    messages: list[Message] = []
    for item in items:
        try:
            if isinstance(item, Message):
                messages.append(item)
            elif isinstance(item, (str, ContentBlock)):
                messages.append(Message(item))
            else:
                messages.append(Message.model_validate(item))
        except ValidationError:
            raise ContractViolationError(
                f"{subject}: answered {type(item).__name__} {item!r:.80}, which is not a message; "
                "return str, a content block, a Message or a list of them; this is a bug in the "
                "prompt",
                details=[{"field": "(messages)", "message": "not a message", "type": "message"}],
                type="output_contract",
            ) from None
    return messages


@overload
def prompt(fn: Callable[..., Any], /) -> Prompt: ...
@overload
def prompt(
    name: str | None = None,
    description: str = "",
    *,
    title: str | None = None,
    complete: Mapping[str, Completer] | None = None,
    timeout: float | None = None,
) -> Callable[[Callable[..., Any]], Prompt]: ...


def prompt(
    name: str | Callable[..., Any] | None = None,
    description: str = "",
    *,
    title: str | None = None,
    complete: Mapping[str, Completer] | None = None,
    timeout: float | None = None,
) -> Prompt | Callable[[Callable[..., Any]], Prompt]:
    """Declare a prompt from a function (``async def`` or plain ``def``).

    Args:
        name: the prompt's name (default: the function's name).
        description: what it is for (default: the docstring).
        title: a human-friendly name for clients' menus.
        complete: argument name -> completer (``fn(prefix)`` or ``fn(prefix, arguments)``,
            sync or async, returning suggestions) for ``completion/complete``; enum-like
            arguments (``Literal``, ``Enum``, ``bool``) complete from their values by default.
        timeout: seconds before rendering fails with E408.
    """
    if callable(name):
        return Prompt(name.__name__, name)

    def wrap(fn: Callable[..., Any]) -> Prompt:
        return Prompt(
            name or fn.__name__,
            fn,
            description=description,
            title=title,
            complete=complete,
            timeout=timeout,
        )

    return wrap

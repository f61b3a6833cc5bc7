"""``completion/complete``: suggestions for a prompt argument or a resource-template
placeholder, from its ``complete=`` callable or, by default, its enum values; for the actor
templates (``packetflow://actors/{capability}/{actor_id}``), from the node's actors.

An unknown prompt or template is E404 (JSON-RPC -32602 with the error object); an argument
without a completer gets no suggestions (an empty list, as the spec allows). A prompt or
template the caller may not use (its ``cap:`` scopes, by name, as for ``prompts/get`` and
``resources/read``) is E403: its suggestions may say as much as its contents.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import TypeAlias

from mcp.types import CompleteRequestParams, CompleteResult, Completion, PromptReference

from .._content.catalog import Prompts, Resources
from .resources import ACTOR_TEMPLATES

__all__ = ["ActorCompleter", "complete"]

ActorCompleter: TypeAlias = Callable[
    [str, str, Mapping[str, str]], Awaitable[tuple[list[str], int]]
]
"""``(argument, prefix, arguments) -> (values, total)`` for an actor template's placeholder."""


async def complete(
    params: CompleteRequestParams,
    prompts: Prompts,
    resources: Resources,
    actors: ActorCompleter | None = None,
    authorize: Callable[[str], None] | None = None,
) -> CompleteResult:
    """The completion for ``params``; ``actors`` completes the actor templates (``None``
    when the server does not serve actors as resources: they are then unknown templates),
    ``authorize(name)`` checks the prompt's or template's name first.

    Raises:
        NotFoundError: E404 for an unknown prompt or resource template.
        ForbiddenError: E403 from ``authorize``.
    """
    ref = params.ref
    context = params.context.arguments if params.context and params.context.arguments else {}
    argument, prefix = params.argument.name, params.argument.value
    if isinstance(ref, PromptReference):
        if authorize is not None:  # before the lookup, as prompts/get: probing reveals nothing
            authorize(ref.name)
        values, total = await prompts.get(ref.name).completions.complete(argument, prefix, context)
    elif actors is not None and ref.uri in ACTOR_TEMPLATES:
        values, total = await actors(argument, prefix, context)  # filtered by actor: scopes
    else:
        template = resources.template(ref.uri)
        if authorize is not None:
            authorize(template.name)
        values, total = await template.completions.complete(argument, prefix, context)
    return CompleteResult(
        completion=Completion(values=values, total=total, has_more=total > len(values))
    )

"""``completion/complete``: suggestions for a prompt argument or a resource-template
placeholder, from its ``complete=`` callable or, by default, its enum values.

An unknown prompt or template is E404 (JSON-RPC -32602 with the error object); an argument
without a completer gets no suggestions (an empty list, as the spec allows).
"""

from __future__ import annotations

from mcp.types import CompleteRequestParams, CompleteResult, Completion, PromptReference

from .._content.catalog import Prompts, Resources
from .._content.completion import Completions

__all__ = ["complete"]


async def complete(
    params: CompleteRequestParams, prompts: Prompts, resources: Resources
) -> CompleteResult:
    """The completion for ``params``.

    Raises:
        NotFoundError: E404 for an unknown prompt or resource template.
    """
    ref = params.ref
    completions: Completions
    if isinstance(ref, PromptReference):
        completions = prompts.get(ref.name).completions
    else:
        completions = resources.template(ref.uri).completions
    context = params.context.arguments if params.context and params.context.arguments else {}
    values, total = await completions.complete(params.argument.name, params.argument.value, context)
    return CompleteResult(
        completion=Completion(values=values, total=total, has_more=total > len(values))
    )

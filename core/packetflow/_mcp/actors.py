"""Actor types as MCP tools, so an agent can hold a conversation with an actor.

The tool of an actor type takes ``actor_id`` plus the fields of the actor's message model and
answers with its reply (``structuredContent`` per the reply model). Each call is an
``actor_message`` to ``(actor type, actor_id)``, created on first use: the same ``actor_id``
reaches the same actor and its state, turn after turn. Calls are checked against the caller's
``actor:`` scopes, as the wire checks an ``actor_message``; listings show an actor tool to a
token whose ``actor:`` scopes reach at least one actor of the type.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

from .._auth.principal import Principal as TokenPrincipal
from .._capabilities.capability import Capability
from ..errors import ContractViolationError

__all__ = ["ACTOR_ID", "actor_address", "actor_description", "actor_input_schema", "reaches"]

ACTOR_ID = "actor_id"
_MAX_ID = 256  # as the wire's ActorMessage.actor_id
_ID_SCHEMA: dict[str, Any] = {
    "type": "string",
    "minLength": 1,
    "maxLength": _MAX_ID,
    "title": "Actor Id",
    "description": "which actor to talk to: created on first use; the same id continues the "
    "same actor and its state",
}
_WILDCARDS = "*?["


def actor_input_schema(message_schema: dict[str, Any]) -> dict[str, Any]:
    """The tool input schema: ``actor_id`` (required) plus the message model's fields.

    A message model with its own ``actor_id`` field keeps it (the id then is both the address
    and a message field)."""
    properties = dict(message_schema.get("properties") or {})
    required = [key for key in message_schema.get("required") or () if key != ACTOR_ID]
    properties = {ACTOR_ID: properties.get(ACTOR_ID, _ID_SCHEMA), **properties}
    return {**message_schema, "properties": properties, "required": [ACTOR_ID, *required]}


def actor_description(cap: Capability) -> str:
    """The intent, then how addressing works (models read tool descriptions)."""
    how = (
        f"Stateful actor: pass '{ACTOR_ID}' to choose the actor; calls with the same "
        f"'{ACTOR_ID}' continue the same conversation and state."
    )
    return f"{cap.intent}\n\n{how}" if cap.intent else how


def actor_address(cap: Capability, arguments: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Split a call's arguments into the actor id and the message.

    Raises:
        ContractViolationError: E422 naming ``actor_id`` when it is missing or not a string of
            1 to 256 characters.
    """
    actor_id = arguments.get(ACTOR_ID)
    if not isinstance(actor_id, str) or not 0 < len(actor_id) <= _MAX_ID:
        missing = actor_id is None
        problem = "is required" if missing else "must be a string of 1 to 256 characters"
        raise ContractViolationError(
            f"actor {cap.name!r}: {ACTOR_ID!r} {problem}; pass the id of the actor to talk to "
            "(the same id continues its conversation)",
            details=[
                {
                    "field": ACTOR_ID,
                    "message": "Field required" if missing else f"Value {problem}",
                    "type": "missing" if missing else "actor_id",
                }
            ],
        )
    if ACTOR_ID in (cap.contract.input_schema.get("properties") or ()):
        return actor_id, arguments
    return actor_id, {key: value for key, value in arguments.items() if key != ACTOR_ID}


def reaches(principal: TokenPrincipal, capability: str) -> bool:
    """Whether ``principal``'s ``actor:`` scopes could cover some actor of type ``capability``
    (``actor:notebook``, ``actor:notebook/carol-*``, ``actor:*``...).

    For listings only: it may say yes to a glob that in fact covers no id (``actor:note?``);
    each call is then checked exactly, as the wire checks it."""
    if principal.is_admin:
        return True
    prefix = f"{capability}/"
    for scope in principal.scopes:
        kind, _, glob = scope.partition(":")
        if kind != "actor":
            continue
        if fnmatchcase(capability, glob):
            return True
        literal = glob
        for index, char in enumerate(glob):
            if char in _WILDCARDS:
                literal = glob[:index]
                break
        if literal == glob:  # no wildcard: exactly one name
            if glob.startswith(prefix) and len(glob) > len(prefix):
                return True
        elif literal.startswith(prefix) or prefix.startswith(literal):
            return True
    return False

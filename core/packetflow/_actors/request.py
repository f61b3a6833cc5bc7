"""Building the ``actor_message`` that :meth:`ActorSystem.send` puts through the node."""

from __future__ import annotations

from typing import Any

from .._context import Context
from .._lowlevel import construct
from .._wire.messages import PROTOCOL_VERSION, ActorMessage, ActorOptions

__all__ = ["CREATE", "NO_CREATE", "actor_message"]

CREATE = ActorOptions()
NO_CREATE = ActorOptions(create_if_missing=False)

_SENT_FIELDS = frozenset({"capability_id", "actor_id", "payload", "context", "actor_options"})


def actor_message(
    capability: str, actor_id: str, payload: Any, ctx: Context, options: ActorOptions
) -> ActorMessage:
    """``ActorMessage(...)`` without validation, for in-process sends whose parts are already
    typed: a fraction of ``model_construct``'s cost on the ask hot path (it deep-copies every
    default). ``tests/actors/test_dispatch.py`` checks it equals the validated form."""
    state = {
        "version": PROTOCOL_VERSION, "type": "actor_message", "id": "", "metadata": {},
        "intent": None, "capability_id": capability, "payload": payload, "context": ctx,
        "actor_id": actor_id, "actor_options": options,
    }  # fmt: skip
    return construct(ActorMessage, state, set(_SENT_FIELDS), {}, None)

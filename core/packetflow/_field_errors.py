"""pydantic validation errors as the ``details`` of a typed error (E400, E422).

A foundation module (layer 0): contracts, the request context and plan serialization all
report validation failures this way, and the context sits below the capabilities that own
contracts (see ``tests/test_layers.py``).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

__all__ = ["field_errors"]


def field_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """pydantic's errors as wire ``details``: one entry per field, without the offending input
    (it may be large or sensitive)."""
    return [
        {
            "field": ".".join(str(part) for part in err["loc"]) or "(root)",
            "message": err["msg"],
            "type": err["type"],
        }
        for err in exc.errors(include_url=False, include_input=False)
    ]

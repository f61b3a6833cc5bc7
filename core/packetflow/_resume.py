"""Finishing a coroutine whose first step was run by hand.

Two hot paths start a coroutine with ``coro.send(None)`` instead of awaiting it, to learn
whether it completes without blocking: the module chain (a hook that blocks gets its deadline)
and the wire connection (a request that blocks hands reading to another task). When it did
block, :func:`resume` is the rest of ``await coro``: it passes each trap the coroutine yields to
trio, and what trio sends back (or throws, e.g. ``Cancelled``) to the coroutine.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Coroutine, Generator
from typing import Any, TypeVar

__all__ = ["resume"]

T = TypeVar("T")


def _direct(step: Callable[[Any], Any], value: Any) -> Any:
    return step(value)


@types.coroutine
def resume(
    coro: Coroutine[Any, Any, T], trap: Any, run: Callable[..., Any] = _direct
) -> Generator[Any, Any, T]:
    """``await`` the rest of ``coro``, which yielded ``trap`` from its last step; each further
    step runs as ``run(step, value)`` (e.g. ``contextvars.Context.run`` to keep the
    coroutine's own context variables)."""
    step: Callable[[Any], Any]
    while True:
        try:
            sent = yield trap
        except GeneratorExit:
            coro.close()
            raise
        except BaseException as exc:  # e.g. Cancelled: it belongs to coro
            step, value = coro.throw, exc
        else:
            step, value = coro.send, sent
        try:
            trap = run(step, value)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

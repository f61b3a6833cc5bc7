"""Library internals the hot paths rely on, in one room (as trio keeps its own behind
``trio.lowlevel`` and ``_core``).

Everything here goes beneath a library's public API for speed, measured on the paths every
request takes. Each trick:

1. says why it exists and what it relies on (its docstring);
2. is used only when the installed pydantic / trio / trio-websocket are releases it was
   tested with (:data:`FAST_PYDANTIC`, :data:`FAST_TRIO`, :data:`FAST_TRIO_WEBSOCKET`);
   otherwise the same function does the same job through the public API, only slower;
3. has a test in ``tests/test_lowlevel.py`` that runs the trick against the public API and
   fails loudly when a release changes the behaviour it relies on (``pyproject.toml`` pins
   pydantic, trio and trio-websocket to the minor ranges that test covers).

No other module writes ``__dict__`` or ``__pydantic_*__`` attributes into models, calls
``__pydantic_validator__`` / ``__pydantic_serializer__``, or drives a coroutine past its first
step by hand: they call these functions.

Sections (new tricks are appended at the end; the layout stays):

- pydantic: validating and dumping without keyword plumbing;
- pydantic: building, copying and annotating models without validation;
- coroutines and trio: finishing a coroutine whose first step ran by hand, and entering a
  cancel scope around the rest of it;
- trio: looking into a memory channel's buffer;
- trio: one task parked until one reply (a lighter ``trio.Event``);
- trio-websocket: handing each message to a callback (one task switch fewer per message).
"""

from __future__ import annotations

import types
from collections.abc import Awaitable, Callable, Coroutine, Generator, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

import pydantic
import trio
import trio_websocket
from pydantic import BaseModel
from trio_websocket import WebSocketConnection

__all__ = [
    "FAST_PYDANTIC",
    "FAST_TRIO",
    "FAST_TRIO_WEBSOCKET",
    "PYDANTIC_TESTED",
    "TRIO_TESTED",
    "TRIO_WEBSOCKET_TESTED",
    "OneShot",
    "annotate",
    "construct",
    "copy_with",
    "dump_json",
    "dumper",
    "evolve",
    "hand_off_messages",
    "maybe_buffered",
    "nesting",
    "resume",
    "scope_beneath",
    "set_private",
    "validator",
]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


PYDANTIC_TESTED = ((2, 9), (2, 14))
"""The pydantic minor releases ``tests/test_lowlevel.py`` was run against (inclusive)."""

TRIO_TESTED = ((0, 27), (0, 35))
"""The trio minor releases ``tests/test_lowlevel.py`` was run against (inclusive)."""

TRIO_WEBSOCKET_TESTED = ((0, 12), (0, 12))
"""The trio-websocket minor releases ``tests/test_lowlevel.py`` was run against (inclusive)."""

FAST_PYDANTIC = PYDANTIC_TESTED[0] <= _minor(pydantic.VERSION) <= PYDANTIC_TESTED[1]
"""Whether the pydantic tricks are used (else the public API does the same, slower)."""

_CancelStatus: Any
try:
    from trio._core._run import CancelStatus as _CancelStatus
except ImportError:  # pragma: no cover - a trio without it is not a tested release
    _CancelStatus = None

FAST_TRIO = (
    TRIO_TESTED[0] <= _minor(trio.__version__) <= TRIO_TESTED[1] and _CancelStatus is not None
)
"""Whether :func:`nesting` reads trio's cancel status, so that :func:`scope_beneath` can be
used (else callers enter a cancel scope before a coroutine's first step, always correct)."""

FAST_TRIO_WEBSOCKET = (
    TRIO_WEBSOCKET_TESTED[0] <= _minor(trio_websocket.__version__) <= TRIO_WEBSOCKET_TESTED[1]
)
"""Whether :func:`hand_off_messages` hands messages over (else they stay with
``get_message``, as before)."""

_new = object.__new__


# -- pydantic: validating and dumping without keyword plumbing --------------------------------


def validator(model: type[M]) -> Callable[[Any], M]:
    """``model.model_validate`` as one callable, for a model validated on every call.

    Why: ``model_validate`` spends ~0.35 µs per call on keyword handling before it calls the
    core validator; the contract of every capability call validates its input (and output).
    Relies on: ``model.__pydantic_validator__.validate_python(value)`` being what
    ``model_validate(value)`` does with its defaults (no strict, no context). Resolve it when
    the model is first used, not when it is declared: a model with forward references gets
    its real validator only once they resolve.
    """
    if FAST_PYDANTIC:
        return model.__pydantic_validator__.validate_python
    return model.model_validate


def dumper(model: type[BaseModel]) -> Callable[[BaseModel], dict[str, Any]]:
    """``instance.model_dump()`` for instances of ``model``, as one callable.

    Why: the output contract dumps every result; ``model_dump`` spends its time on keyword
    handling. Relies on: ``__pydantic_serializer__.to_python(instance)`` being
    ``model_dump()`` with its defaults.
    """
    if FAST_PYDANTIC:
        return model.__pydantic_serializer__.to_python
    return _model_dump


def _model_dump(instance: BaseModel) -> dict[str, Any]:
    return instance.model_dump()


def dump_json(message: BaseModel, *, exclude_none: bool = False) -> str:
    """``message.model_dump_json(exclude_none=...)``.

    Why: the wire encodes every reply; ~40 % of that is ``model_dump_json``'s keyword
    handling. Relies on: ``__pydantic_serializer__.to_json`` returning the same JSON as bytes.
    """
    if FAST_PYDANTIC:
        raw: bytes = message.__pydantic_serializer__.to_json(message, exclude_none=exclude_none)
        return raw.decode()
    return message.model_dump_json(exclude_none=exclude_none)


# -- pydantic: building, copying and annotating models without validation -----------------------


def construct(
    cls: type[M],
    state: dict[str, Any],
    fields_set: set[str],
    extra: dict[str, Any] | None = None,
    private: dict[str, Any] | None = None,
) -> M:
    """A ``cls`` instance from already-typed parts, without validation.

    Why: ``cls(**state)`` validates what the code just built (a request's context, an actor
    message), and ``model_construct`` deep-copies every default and walks every field; this
    is a fraction of either on the paths every in-process call takes.
    Relies on: a model instance being its ``__dict__`` (every declared field, owned by the
    instance), ``__pydantic_fields_set__``, ``__pydantic_extra__`` (a dict when
    ``extra="allow"``, else ``None``) and ``__pydantic_private__`` (a dict of the private
    attributes, or ``None`` when the model has none) — what ``model_construct`` itself sets.

    Args:
        state: a value for every declared field (this dict becomes the instance's own).
        fields_set: the fields counted as explicitly set (``model_fields_set``).
        extra: extra fields (models with ``extra="allow"``).
        private: private attributes (models that declare some).
    """
    if not FAST_PYDANTIC:
        return _public_construct(cls, state, fields_set, extra, private)
    instance = _new(cls)
    _set_dict(instance, state)
    _set_fields_set(instance, fields_set)
    _set_extra(instance, extra)
    _set_private(instance, private)
    return instance


# The slot descriptors of a model's instance state, set directly: a third cheaper than
# object.__setattr__, which looks each one up on the type first.
_SLOTS = BaseModel.__dict__
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__


def _public_construct(
    cls: type[M],
    state: dict[str, Any],
    fields_set: set[str],
    extra: dict[str, Any] | None,
    private: dict[str, Any] | None,
) -> M:
    instance = cls.model_construct(fields_set, **state, **(extra or {}))
    for name, value in (private or {}).items():
        setattr(instance, name, value)
    return instance


def evolve(model: M, changes: Mapping[str, Any]) -> M:
    """A shallow copy of ``model`` with ``changes``: declared fields, or extra fields (models
    with ``extra="allow"``); the copy shares the private attributes of ``model``.

    Why: ``model_copy(update=...)`` costs several times this, and module hooks copy requests
    and responses on every call (``request.evolve(...)``). Relies on: what :func:`construct`
    relies on (``model_copy`` builds its copy the same way).
    """
    if not FAST_PYDANTIC:
        return model.model_copy(update=dict(changes))
    cls = type(model)
    # ``model_fields`` is a class property since pydantic 2.10 (a descriptor call, a third of
    # this function); the dict it returns is ``__pydantic_fields__``.
    fields = getattr(cls, "__pydantic_fields__", None) or cls.model_fields
    state = model.__dict__.copy()
    had = model.__pydantic_extra__
    extra = dict(had) if had else {}
    for key, value in changes.items():
        if key in fields:
            state[key] = value
        else:
            extra[key] = value
    copy = _new(cls)
    # The slot descriptors, as in construct(): each request a module acts on is copied.
    _set_dict(copy, state)
    _set_extra(copy, extra if had is not None else None)
    _set_fields_set(copy, model.__pydantic_fields_set__ | changes.keys())
    _set_private(copy, model.__pydantic_private__)
    return copy


def copy_with(model: M, updates: Mapping[str, Any]) -> M:
    """A shallow copy of ``model`` with field ``updates``, owning its own extra and private
    dicts (so setting a private attribute on the copy leaves ``model`` alone).

    Why and what it relies on: as :func:`evolve` (a composition step's context is a copy).
    """
    if not FAST_PYDANTIC:
        return model.model_copy(update=dict(updates))  # copies the extra and private dicts
    copy = _new(type(model))
    # The slot descriptors, as in construct(): every composition run copies its context.
    _set_dict(copy, {**model.__dict__, **updates})
    _set_fields_set(copy, model.__pydantic_fields_set__ | updates.keys())
    extra = model.__pydantic_extra__
    _set_extra(copy, dict(extra) if extra is not None else None)
    private = model.__pydantic_private__
    _set_private(copy, dict(private) if private is not None else None)
    return copy


def annotate(
    model: BaseModel, metadata: Mapping[str, Any] | None, fields: Mapping[str, Any] | None
) -> None:
    """Merge ``metadata`` into ``model.metadata`` and set the extra top-level ``fields``, in
    place: ``model.metadata.update(metadata)`` and ``setattr(model, key, value)`` for each
    field, with the fields counted as set as ``setattr`` counts them.

    Why: ``pf.Annotate`` on a message the chain built for its request writes into it instead
    of copying it, and pydantic's ``__setattr__`` for an extra field costs several times the
    dict write. Relies on: extra fields living in the ``__pydantic_extra__`` dict of a model
    with ``extra="allow"``, and ``model_fields_set`` being ``__pydantic_fields_set__``.
    """
    if metadata:
        model.metadata.update(metadata)  # type: ignore[attr-defined]
        model.__pydantic_fields_set__.add("metadata")
    if not fields:
        return
    extra = model.__pydantic_extra__
    if FAST_PYDANTIC and extra is not None:
        extra.update(fields)
        model.__pydantic_fields_set__.update(fields)
    else:
        for key, value in fields.items():
            setattr(model, key, value)


def set_field(model: BaseModel, name: str, value: Any) -> None:
    """``setattr(model, name, value)`` for a declared field of a model that does not validate
    assignments (the context's ``trace_id``, ``session_id``...).

    Why: pydantic's ``__setattr__`` costs ~3x what it does for such a field, and the wire
    sets two or four context fields on every request. Relies on: a field's value living in
    ``__dict__`` and setting it counting it in ``__pydantic_fields_set__`` (what pydantic's
    own handler for a plain field does).
    """
    if FAST_PYDANTIC:
        model.__dict__[name] = value
        model.__pydantic_fields_set__.add(name)
    else:
        setattr(model, name, value)


def set_private(model: BaseModel, name: str, value: Any) -> None:
    """``setattr(model, name, value)`` for a declared private attribute (``_node``).

    Why: pydantic's ``__setattr__`` for a private attribute costs ~10x a dict write, and
    every request's context gets its node. Relies on: private attributes living in the
    ``__pydantic_private__`` dict.
    """
    private = model.__pydantic_private__
    if FAST_PYDANTIC and private is not None:
        private[name] = value
    else:
        setattr(model, name, value)


# -- coroutines and trio ------------------------------------------------------------------------
#
# Two hot paths start a coroutine with ``coro.send(None)`` instead of awaiting it, to learn
# whether it completes without blocking: the module chain (only a hook that blocks pays for
# the cancel scope of its deadline) and the wire connection (only a request that blocks hands
# reading to another task). That first step is the language's coroutine protocol; what follows
# depends on trio: a yielded value is a trap for trio's scheduler, to be passed on unchanged.


def _direct(step: Callable[[Any], Any], value: Any) -> Any:
    return step(value)


@types.coroutine
def resume(
    coro: Coroutine[Any, Any, T], trap: Any, run: Callable[..., Any] = _direct
) -> Generator[Any, Any, T]:
    """``await`` the rest of ``coro``, which yielded ``trap`` from its last step; each further
    step runs as ``run(step, value)`` (e.g. ``contextvars.Context.run`` to keep the
    coroutine's own context variables).

    Relies on: trio's traps being opaque values that the task yields to the scheduler, and
    what the scheduler sends (or throws, e.g. ``Cancelled``) back belonging to that trap.
    """
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


def nesting() -> object | None:
    """The current task's innermost cancel status: taken before a coroutine's first step, it
    is what :func:`scope_beneath` inserts a scope under.

    Relies on: ``Task._cancel_status`` being the innermost cancel status of the task,
    replaced on every scope entry and exit.

    Returns:
        An opaque token, or ``None`` when trio is not a tested release: callers then enter
        the scope before the first step (always correct, ~10 µs per call).
    """
    if not FAST_TRIO:
        return None
    task: Any = trio.lowlevel.current_task()
    return task._cancel_status  # type: ignore[no-any-return]


@contextmanager
def scope_beneath(before: object, deadline: float) -> Iterator[trio.CancelScope]:
    """``with trio.CancelScope(deadline=deadline)`` around the rest of a coroutine whose
    first step ran before the scope existed, ``before`` being :func:`nesting` then.

    Why: a cancel scope costs ~10 µs here, several times a module hook, so the chain runs an
    ``async def`` hook's first step bare and enters a scope for its deadline only when the
    hook blocks. trio's scopes must nest, and a blocked first step usually sits inside a scope
    of its own (``trio.sleep`` has one; so does a nursery): entering the new scope on top of
    it would corrupt the scope stack. So the new scope is put where it would have been had it
    been entered before the first step: beneath the scopes that step left open, above
    ``before``. Everything that step opened (and the tasks of its nurseries) then sees the
    deadline, and the scope catches only its own cancellation, as a normal ``with`` would.

    Relies on: cancel statuses forming a tree through ``CancelStatus.parent`` (the setter
    re-links and recalculates, as ``TaskStatus.started`` uses it); a scope being entered by
    creating its ``CancelStatus`` under the enclosing one and registering its deadline
    (what ``CancelScope.__enter__`` does); and ``CancelScope.__exit__`` closing it once the
    inner scopes are gone. ``tests/test_lowlevel.py`` cuts off ``trio.sleep``, a blocked
    nursery and an outer cancellation through it.
    """
    scope = trio.CancelScope(deadline=deadline)
    task: Any = trio.lowlevel.current_task()
    inner = task._cancel_status
    if inner is before:
        with scope:  # the first step left no scope open: an ordinary scope nests
            yield scope
        return
    top = inner
    while top.parent is not before:  # the outermost scope the first step left open
        top = top.parent
        if top is None:
            raise RuntimeError(f"scope_beneath: {before!r} does not enclose the current task")
    if trio.current_time() >= deadline:
        scope.cancel()
    internals: Any = scope
    with internals._might_change_registered_deadline():
        internals._cancel_status = _CancelStatus(scope=scope, parent=before)
    internals._has_been_entered = True
    top.parent = internals._cancel_status
    try:
        yield scope
    except BaseException as exc:
        if not scope.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        scope.__exit__(None, None, None)


# -- trio: looking into a memory channel's buffer -----------------------------------------------


def maybe_buffered(receive: trio.MemoryReceiveChannel[Any]) -> bool:
    """Whether ``receive.receive_nowait()`` may return an item: ``False`` only when the
    channel's buffer is certainly empty (it would raise ``WouldBlock`` or ``EndOfChannel``).

    Why: an actor's worker looks at its mailbox after every message, and a sender awaiting
    each reply has not sent the next one yet; ``receive_nowait`` on the empty mailbox costs
    an exception raised and caught (~1 µs), ten times this look. Relies on:
    ``MemoryReceiveChannel._state.data`` being the deque of buffered items (what
    ``receive_nowait`` pops from). Without a tested trio it answers ``True``, and
    ``receive_nowait`` decides as before.
    """
    if not FAST_TRIO:
        return True
    state: Any = receive._state
    return bool(state.data)


# -- trio: one task parked until one reply -----------------------------------------------------


class OneShot(Generic[T]):
    """A one-shot reply that one task waits for: a ``trio.Event`` plus its value, for a single
    waiter.

    Why: every call of a :class:`~packetflow.Client` parks on a fresh one until the reader
    task stores its reply. A ``trio.Event`` parks its waiters in a ``ParkingLot`` (an ordered
    dict of tasks, a closure per park) and is an attrs object; remembering the one task and
    rescheduling it directly measured ~0.8 µs of CPU less per wait (a ping-pong of two
    tasks, best of 25; a whole client call is ~100 µs).
    Relies on: the contract of ``trio.lowlevel.wait_task_rescheduled`` (public, but with its
    invariants on the caller): the task sleeps until exactly one ``reschedule(task)`` or
    until it is cancelled, when ``abort_fn`` runs and, returning ``Abort.SUCCEEDED``, must
    make sure nobody reschedules it later. Without a tested trio (:data:`FAST_TRIO`) it
    waits on a ``trio.Event`` created when the first ``wait`` finds no reply yet.

    :meth:`wait` is cancellable and a checkpoint either way. The first :meth:`resolve` wins:
    it stores :attr:`reply` and wakes the waiter, if there is one; later ones are ignored.
    """

    __slots__ = ("_event", "_task", "reply")

    def __init__(self) -> None:
        self.reply: T | None = None
        self._task: trio.lowlevel.Task | None = None
        self._event: trio.Event | None = None

    def resolve(self, reply: T) -> None:
        """Store the first reply and wake the waiting task (now or when it waits)."""
        if self.reply is not None:
            return
        self.reply = reply
        task = self._task
        if task is not None:
            self._task = None
            trio.lowlevel.reschedule(task)
        elif self._event is not None:
            self._event.set()

    async def wait(self) -> None:
        """Wait until a reply is stored (at most one task at a time)."""
        if self.reply is not None:
            await trio.lowlevel.checkpoint()
        elif FAST_TRIO:
            if self._task is not None:
                raise RuntimeError("OneShot.wait: another task is already waiting")
            self._task = trio.lowlevel.current_task()
            await trio.lowlevel.wait_task_rescheduled(self._abort)
        else:
            if self._event is None:
                self._event = trio.Event()
            await self._event.wait()

    def _abort(self, _: Any) -> trio.lowlevel.Abort:
        self._task = None  # cancelled: a reply arriving later must not reschedule the task
        return trio.lowlevel.Abort.SUCCEEDED


# -- trio-websocket: handing each message to a callback ----------------------------------------


class _HandOff:
    """What a :class:`WebSocketConnection` takes for the send side of its message channel:
    ``send`` is the handler itself (no coroutine of its own per message), and closing it
    closes the real channel."""

    __slots__ = ("_channel", "send")

    def __init__(
        self,
        channel: trio.MemorySendChannel[str | bytes],
        handler: Callable[[str | bytes], Awaitable[None]],
    ) -> None:
        self._channel = channel
        self.send = handler

    async def aclose(self) -> None:
        await self._channel.aclose()

    def close(self) -> None:
        self._channel.close()


def hand_off_messages(
    ws: WebSocketConnection, handler: Callable[[str | bytes], Awaitable[None]]
) -> bool:
    """From now on, ``ws``'s own reader task awaits ``handler(message)`` with each complete
    message instead of queueing it for ``ws.get_message()``. Messages queued before still come
    out of ``get_message()``, which raises ``ConnectionClosed`` once the connection closes, as
    before: a task waiting in it learns of the close.

    ``handler`` runs in trio-websocket's reader task, so it must not raise (an exception ends
    the reader task, and with it the connection), and nothing more is read while it waits.

    Why: the client routes every reply by its ``id`` to the call waiting for it. Reading it
    with ``get_message()`` in a task of our own costs a task switch more than the call needs
    (trio-websocket's reader task wakes ours, which wakes the caller): ~7 % of a call's cost
    on one connection, measured in ``bench/bench_wire.py``.
    Relies on: ``WebSocketConnection._handle_message_event`` awaiting
    ``self._send_channel.send(message)`` once per complete message, and the connection being
    closed for its readers by ``self._send_channel.aclose()`` (what ``get_message`` then
    reports as ``ConnectionClosed``).

    Returns:
        Whether the messages go to ``handler`` now; ``False`` when trio-websocket is not a
        tested release (:data:`FAST_TRIO_WEBSOCKET`) or the messages of ``ws`` were already
        handed off: they keep coming out of ``get_message()``.
    """
    internals: Any = ws
    channel = getattr(internals, "_send_channel", None)
    if not FAST_TRIO_WEBSOCKET or not isinstance(channel, trio.MemorySendChannel):
        return False
    internals._send_channel = _HandOff(channel, handler)
    return True

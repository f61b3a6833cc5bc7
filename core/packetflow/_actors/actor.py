"""Declaring actors: the :class:`Actor` base class, the ``@actor`` decorator and the
:class:`ActorType` it attaches to the class."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Generic, TypeVar, get_args, get_origin, get_type_hints, overload

from pydantic import BaseModel

from .._capabilities.capability import Authorize, Capability
from .._capabilities.contract import Contract, output_model_for
from .._context import Context
from ..errors import MalformedError

__all__ = ["MAX_HISTORY", "Actor", "ActorType", "actor", "actor_type"]

S = TypeVar("S", bound=BaseModel)
A = TypeVar("A", bound=type["Actor[Any]"])

PERSISTENCE = ("memory", "sqlite", "distributed")

MAX_HISTORY = 100_000
"""Conversation-log entries one actor keeps at most (``history=None`` means this many)."""


class Actor(Generic[S]):
    """Base class of a stateful actor; the type argument is its state model.

    ::

        @pf.actor(persistence="sqlite", idle_timeout=1800)
        class Counter(pf.Actor[CounterState]):
            async def handle(self, msg: Add, ctx: pf.Context) -> Total:
                self.state.total += msg.n
                return Total(total=self.state.total)

    The node creates one instance per live actor and sets ``actor_id`` and ``state`` before
    the first message. ``handle`` runs for one message at a time; mutate ``self.state`` in
    place or assign a new model. When ``handle`` returns, the state is committed, then the
    reply is sent. When it raises, the sender gets the error and the actor goes back to its
    last committed state. An optional ``async def tick(self, ctx)`` runs every
    ``tick_interval`` seconds while the actor is live (through the mailbox, never alongside
    ``handle``).
    """

    __packetflow_actor__: ClassVar[ActorType]
    actor_id: str
    state: S

    async def handle(self, msg: Any, ctx: Context) -> Any:
        """Handle one message and return the reply (override this)."""
        raise NotImplementedError(f"{type(self).__name__}.handle is not implemented")

    async def tick(self, ctx: Context) -> None:
        """Periodic work every ``tick_interval`` seconds while live (override to use it)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {getattr(self, 'actor_id', '?')!r}>"


class ActorType:
    """Everything the node needs to host one kind of actor (built by :func:`actor`)."""

    def __init__(
        self,
        cls: type[Actor[Any]],
        *,
        name: str,
        state_model: type[BaseModel],
        contract: Contract,
        intent: str,
        tags: tuple[str, ...],
        version: str,
        persistence: str,
        idle_timeout: float | None,
        initial_state: Callable[[str], BaseModel] | None,
        mailbox_size: int,
        max_restarts: int,
        restart_period: float,
        timeout: float | None,
        tick_interval: float | None,
        history: int,
        authorize: Authorize | None,
    ) -> None:
        self.cls = cls
        self.name = name
        self.subject = f"actor {name!r}"
        self.state_model = state_model
        self.contract = contract
        self.intent = intent
        self.tags = tags
        self.version = version
        self.persistence = persistence
        self.idle_timeout = idle_timeout
        self.initial_state = initial_state
        self.mailbox_size = mailbox_size
        self.max_restarts = max_restarts
        self.restart_period = restart_period
        self.timeout = timeout
        self.tick_interval = tick_interval
        self.history = history
        self.authorize = authorize
        self.capability = Capability(
            name,
            _not_a_function(name),
            contract,
            intent=intent,
            tags=tags,
            version=version,
            timeout=timeout,
            authorize=authorize,
            kind="actor",
        )

    def __repr__(self) -> str:
        return f"<ActorType {self.name!r} {self.cls.__qualname__} {self.persistence}>"

    def instance(self, actor_id: str, state: BaseModel | None) -> Actor[Any]:
        """A fresh instance holding ``state`` (or the initial state for ``actor_id``)."""
        inst = self.cls()
        inst.actor_id = actor_id
        if state is None:
            if self.initial_state is not None:
                state = self.initial_state(actor_id)
            else:
                custom = getattr(inst, "initial_state", None)
                state = custom() if callable(custom) else self.state_model()
            if not isinstance(state, self.state_model):
                raise TypeError(
                    f"{self.subject}: initial state is a {type(state).__name__}, expected "
                    f"{self.state_model.__name__}"
                )
        inst.state = state
        return inst

    def describe(self) -> dict[str, Any]:
        """The actor type as discovery and ``node.actors.types()`` show it."""
        return {
            **self.capability.describe(),
            "persistence": self.persistence,
            "idle_timeout": self.idle_timeout,
            "tick_interval": self.tick_interval,
            "history": self.history,
            "state_schema": self.state_model.model_json_schema(),
        }


def _not_a_function(name: str) -> Callable[[Any, Context], Any]:
    async def handler(inp: Any, ctx: Context) -> Any:
        raise MalformedError(
            f"capability {name!r} is an actor: send it an actor_message with an actor_id "
            "(in Python: await node.actors.send(name, actor_id, message))"
        )

    return handler


@overload
def actor(cls: A, /) -> A: ...
@overload
def actor(
    *,
    name: str | None = None,
    intent: str = "",
    tags: Iterable[str] = (),
    version: str = "0.1.0",
    persistence: str = "sqlite",
    idle_timeout: float | None = 300.0,
    initial_state: BaseModel | Callable[[str], BaseModel] | None = None,
    mailbox_size: int = 64,
    max_restarts: int = 3,
    restart_period: float = 60.0,
    timeout: float | None = None,
    tick_interval: float | None = None,
    history: int | None = 1000,
    authorize: Authorize | None = None,
) -> Callable[[A], A]: ...


def actor(
    cls: A | None = None,
    /,
    *,
    name: str | None = None,
    intent: str = "",
    tags: Iterable[str] = (),
    version: str = "0.1.0",
    persistence: str = "sqlite",
    idle_timeout: float | None = 300.0,
    initial_state: BaseModel | Callable[[str], BaseModel] | None = None,
    mailbox_size: int = 64,
    max_restarts: int = 3,
    restart_period: float = 60.0,
    timeout: float | None = None,
    tick_interval: float | None = None,
    history: int | None = 1000,
    authorize: Authorize | None = None,
) -> A | Callable[[A], A]:
    """Declare a stateful actor type on a subclass of ``Actor[StateModel]``.

    The message and reply models come from ``handle``'s type hints and form the actor's
    contract (validated like a capability's). Register the class with ``node.register``.

    Args:
        name: the actor capability's name (default: the class name in snake_case).
        intent: what it does, in words (discovery, planners).
        tags: free labels for discovery.
        version: the actor type's own version.
        persistence: ``"sqlite"`` (durable, one file in the node's data dir), ``"memory"``
            (this process only) or ``"distributed"`` (a cluster store, when one is added).
        idle_timeout: seconds without messages before the actor is passivated (state saved,
            RAM freed); ``None`` keeps it live until stopped.
        initial_state: the state of a new actor: a model instance (copied per actor) or a
            callable ``(actor_id) -> state``. Default: an ``initial_state(self)`` method when
            the class has one, else the state model with its defaults.
        mailbox_size: messages that may wait for one actor; beyond it senders get E429.
        max_restarts / restart_period: an actor that crashes more than ``max_restarts`` times
            within ``restart_period`` seconds is ``failed`` (E503) until stopped.
        timeout: seconds one ``handle`` may take (E408, the state goes back to its last commit).
        tick_interval: run the class's ``async def tick(self, ctx)`` this often while live.
        history: keep this many conversation-log entries per actor (oldest dropped first);
            ``0`` disables the log; at most ``MAX_HISTORY`` (100,000), which ``None`` means.
        authorize: roles or a predicate on the context (E403 when denied).
    """

    def wrap(klass: A) -> A:
        klass.__packetflow_actor__ = _build(
            klass,
            name=name,
            intent=intent,
            tags=tuple(tags),
            version=version,
            persistence=persistence,
            idle_timeout=idle_timeout,
            initial_state=initial_state,
            mailbox_size=mailbox_size,
            max_restarts=max_restarts,
            restart_period=restart_period,
            timeout=timeout,
            tick_interval=tick_interval,
            history=history,
            authorize=authorize,
        )
        return klass

    return wrap(cls) if cls is not None else wrap


def actor_type(obj: object) -> ActorType | None:
    """The :class:`ActorType` of a class decorated with ``@actor``, else ``None``."""
    if isinstance(obj, type) and issubclass(obj, Actor):
        spec = obj.__dict__.get("__packetflow_actor__")
        return spec if isinstance(spec, ActorType) else None
    return None


def _build(
    cls: type[Actor[Any]],
    *,
    name: str | None,
    initial_state: BaseModel | Callable[[str], BaseModel] | None,
    persistence: str,
    idle_timeout: float | None,
    mailbox_size: int,
    max_restarts: int,
    restart_period: float,
    timeout: float | None,
    tick_interval: float | None,
    history: int | None,
    **options: Any,
) -> ActorType:
    label = f"actor class {cls.__qualname__!r}"
    if not (isinstance(cls, type) and issubclass(cls, Actor)):
        raise TypeError(f"@actor decorates subclasses of packetflow.Actor, not {cls!r}")
    if persistence not in PERSISTENCE:
        raise ValueError(
            f"{label}: persistence must be one of {PERSISTENCE!r}, not {persistence!r}"
        )
    for option, value in (("idle_timeout", idle_timeout), ("timeout", timeout),
                          ("tick_interval", tick_interval)):  # fmt: skip
        if value is not None and value <= 0:
            raise ValueError(f"{label}: {option} must be positive or None, got {value!r}")
    if mailbox_size < 1 or max_restarts < 0 or restart_period <= 0:
        raise ValueError(
            f"{label}: mailbox_size must be >= 1, max_restarts >= 0 and restart_period > 0"
        )
    history = _history(history, label)
    has_tick = cls.tick is not Actor.tick
    if has_tick and not inspect.iscoroutinefunction(cls.tick):
        raise TypeError(f"{label}: tick must be 'async def tick(self, ctx)'")
    if has_tick != (tick_interval is not None):
        raise ValueError(
            f"{label}: a periodic tick needs both an 'async def tick(self, ctx)' method and "
            "tick_interval=; give both or neither"
        )
    if cls.handle is Actor.handle:
        raise TypeError(f"{label}: define 'async def handle(self, msg, ctx)'")
    if not inspect.iscoroutinefunction(cls.handle):
        raise TypeError(f"{label}: handle must be 'async def'")
    state_model = _state_model(cls, label)
    name = name or _snake(cls.__name__)
    return ActorType(
        cls,
        name=name,
        state_model=state_model,
        contract=_contract(cls, name, label),
        persistence=persistence,
        idle_timeout=idle_timeout,
        initial_state=_initial(initial_state, state_model, label),
        mailbox_size=mailbox_size,
        max_restarts=max_restarts,
        restart_period=restart_period,
        timeout=timeout,
        tick_interval=tick_interval,
        history=history,
        intent=options.pop("intent") or inspect.getdoc(cls) or "",
        **options,
    )


def _history(value: int | None, label: str) -> int:
    # Every log is bounded (SPEC 8): None, once "keep everything", is the largest allowed.
    if value is None:
        return MAX_HISTORY
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_HISTORY:
        raise ValueError(
            f"{label}: history must be >= 0 and <= {MAX_HISTORY} (None means {MAX_HISTORY}), "
            f"got {value!r}; give how many conversation-log entries each actor keeps"
        )
    return value


def _state_model(cls: type, label: str) -> type[BaseModel]:
    for klass in cls.__mro__:
        for base in getattr(klass, "__orig_bases__", ()):
            origin = get_origin(base)
            if isinstance(origin, type) and issubclass(origin, Actor):
                args = get_args(base)
                if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
                    return args[0]
    raise TypeError(
        f"{label}: declare its state model as the type argument, e.g. "
        f"'class {cls.__name__}(packetflow.Actor[MyState])' with MyState a pydantic model"
    )


def _contract(cls: type[Actor[Any]], name: str, label: str) -> Contract:
    try:
        hints = get_type_hints(cls.handle)
    except NameError as exc:
        raise TypeError(
            f"{label}: cannot resolve the type hints of handle ({exc}); define the message "
            "and reply models at module level"
        ) from exc
    params = list(inspect.signature(cls.handle).parameters)[1:]  # skip self
    msg_hint = hints.get(params[0]) if params else None
    reply_hint = hints.get("return")
    input_model = msg_hint if _is_model(msg_hint) else None
    # A plain reply annotation (-> int, -> list[str]) answers {"result": value}, as for
    # capabilities; one pydantic cannot serve is refused here, not on every message.
    output_model = output_model_for(reply_hint, name) if "return" in hints else None
    wraps = output_model is not None and output_model is not reply_hint
    return Contract(input_model, output_model, wraps_result=wraps)


def _is_model(hint: object) -> bool:
    return isinstance(hint, type) and issubclass(hint, BaseModel)


def _initial(
    value: BaseModel | Callable[[str], BaseModel] | None, model: type[BaseModel], label: str
) -> Callable[[str], BaseModel] | None:
    if value is None:
        return None
    if isinstance(value, BaseModel):
        if not isinstance(value, model):
            raise TypeError(
                f"{label}: initial_state is a {type(value).__name__}, expected {model.__name__}"
            )
        template = value
        return lambda actor_id: template.model_copy(deep=True)
    if callable(value):
        return value
    raise TypeError(f"{label}: initial_state must be a {model.__name__} or a callable")


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()

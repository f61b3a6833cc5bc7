"""The ``@capability`` decorator and the :class:`Capability` it produces."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Literal, TypeAlias, get_type_hints, overload

import trio
from pydantic import BaseModel, create_model

from .._context import Context
from .._ratelimit import RateLimit
from ..errors import ForbiddenError
from .contract import Contract, is_mapping, output_model_for
from .effects import Effect

__all__ = ["Authorize", "Capability", "Handler", "capability", "context_parameter"]

Handler: TypeAlias = Callable[[Any, Context], Awaitable[Any]]
"""A normalised capability body: ``(validated input, context) -> result``."""

Authorize: TypeAlias = Sequence[str] | Callable[[Context], bool]
"""Roles (any one of them in ``ctx.roles`` grants access) or a predicate on the context."""

CapabilityKind: TypeAlias = Literal["function", "composition", "actor", "remote"]


class Capability:
    """A named, typed, discoverable unit of work.

    Built by :func:`capability` (functions) or by the node for compositions; everything the
    node needs to run, validate, limit and describe the unit lives here. Calling the object
    directly calls the original function, so decorated functions stay unit-testable.
    """

    def __init__(
        self,
        name: str,
        handler: Handler,
        contract: Contract,
        *,
        intent: str = "",
        tags: Iterable[str] = (),
        version: str = "0.1.0",
        timeout: float | None = None,
        idempotent: bool = False,
        reorderable: bool = False,
        examples: Iterable[str] = (),
        keywords: Iterable[str] = (),
        authorize: Authorize | None = None,
        effects: Iterable[Effect] = (),
        rate_limit: str | RateLimit | None = None,
        kind: CapabilityKind = "function",
        fn: Callable[..., Any] | None = None,
        checks_output: bool = False,
    ) -> None:
        if not name or not isinstance(name, str):
            raise ValueError(f"capability name {name!r}: must be a non-empty string")
        if timeout is not None and timeout <= 0:
            raise ValueError(f"capability {name!r}: timeout must be positive, got {timeout!r}")
        self.name = name
        self.subject = f"capability {name!r}"  # error-message prefix, built once
        self.handler = handler
        self.contract = contract
        self.intent = intent
        self.tags = tuple(tags)
        self.version = version
        self.timeout = timeout
        self.idempotent = idempotent
        # Safe to run in another order than the plan's (or concurrently with its neighbours):
        # optimizers may reorder idempotent or reorderable steps that share no data.
        self.reorderable = reorderable or idempotent
        # How users ask for it: planners and discovery rank with these when present.
        self.examples = _strings(name, "examples", examples)
        self.keywords = _strings(name, "keywords", keywords)
        self.authorize = authorize
        self.effects = tuple(effects)
        for effect in self.effects:
            if not isinstance(effect, Effect):
                raise TypeError(f"capability {name!r}: effect {effect!r} is not an Effect")
        self.rate_limit = RateLimit.parse(rate_limit) if rate_limit is not None else None
        self.kind = kind
        self.fn = fn
        # The handler returns a plain dict it has checked against the output contract itself
        # (compositions do: most of their results need no second check), so the executor
        # does not.
        self.checks_output = checks_output

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.fn is None:
            raise TypeError(f"capability {self.name!r} has no function to call directly")
        return self.fn(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Capability {self.name!r} {self.kind} v{self.version}>"

    def check_authorized(self, ctx: Context) -> None:
        """Apply ``authorize=``; raises E403 when the context is not allowed."""
        rule = self.authorize
        if rule is None:
            return
        allowed = rule(ctx) if callable(rule) else any(role in ctx.roles for role in rule)
        if not allowed:
            raise ForbiddenError(
                f"capability {self.name!r}: caller {ctx.user_id!r} is not authorized"
                + ("" if callable(rule) else f"; requires one of the roles {list(rule)!r}")
            )

    def describe(self) -> dict[str, Any]:
        """The registry/discovery view: name, intent, tags, options and contract."""
        return {
            "name": self.name,
            "kind": self.kind,
            "intent": self.intent,
            "tags": list(self.tags),
            "version": self.version,
            "idempotent": self.idempotent,
            "reorderable": self.reorderable,
            "examples": list(self.examples),
            "keywords": list(self.keywords),
            "timeout": self.timeout,
            "effects": [effect.kind for effect in self.effects],
            **self.contract.to_dict(),
        }


@overload
def capability(fn: Callable[..., Any], /) -> Capability: ...
@overload
def capability(
    *,
    name: str | None = None,
    intent: str = "",
    tags: Iterable[str] = (),
    version: str = "0.1.0",
    timeout: float | None = None,
    idempotent: bool = False,
    reorderable: bool = False,
    examples: Iterable[str] = (),
    keywords: Iterable[str] = (),
    authorize: Authorize | None = None,
    effects: Iterable[Effect] = (),
    rate_limit: str | RateLimit | None = None,
    requires: Iterable[str] | None = None,
    provides: Iterable[str] | None = None,
) -> Callable[[Callable[..., Any]], Capability]: ...


def capability(
    fn: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    intent: str = "",
    tags: Iterable[str] = (),
    version: str = "0.1.0",
    timeout: float | None = None,
    idempotent: bool = False,
    reorderable: bool = False,
    examples: Iterable[str] = (),
    keywords: Iterable[str] = (),
    authorize: Authorize | None = None,
    effects: Iterable[Effect] = (),
    rate_limit: str | RateLimit | None = None,
    requires: Iterable[str] | None = None,
    provides: Iterable[str] | None = None,
) -> Capability | Callable[[Callable[..., Any]], Capability]:
    """Declare a capability from a function (``async def`` or plain ``def``).

    The contract comes from the type hints: a pydantic model as the first parameter is the
    input (any other typed parameters become the fields of a generated input model); a
    parameter annotated :class:`Context` receives the context; a pydantic model return
    annotation is the output, and any other annotation pydantic can describe (``-> int``,
    ``-> list[Item]``) is answered as ``{"result": value}``. Untyped payloads (no return
    annotation, ``Any`` or a mapping) declare ``requires=``/``provides=`` key lists.
    Plain functions run in a worker thread so they never block the node.

    Args:
        name: registry name (default: the function's name).
        intent: what it does, in words; used by discovery and planners.
        tags: free labels for discovery.
        version: the capability's own version.
        timeout: seconds before the call fails with E408.
        idempotent: safe to cache and to retry (and so to reorder).
        reorderable: safe to run out of plan order or beside its neighbours, without being
            cacheable (optimizers parallelise such steps when they share no data).
        examples: requests as users phrase them ("what's the weather in Oslo"); planners
            (``nl_planning``) learn the capability from them.
        keywords: extra words users say for it (synonyms, product names) for planners.
        authorize: roles or a predicate on the context (E403 when denied).
        effects: :class:`Effect` instances run after each execution.
        rate_limit: e.g. ``"100/s"``; beyond it calls fail with E429.
        requires: required input keys when the input is an untyped mapping.
        provides: output keys when the output is an untyped mapping.
    """

    def wrap(func: Callable[..., Any]) -> Capability:
        cap_name = name or func.__name__
        handler, contract = _introspect(
            func,
            cap_name,
            tuple(requires) if requires is not None else None,
            tuple(provides) if provides is not None else None,
        )
        return Capability(
            cap_name,
            handler,
            contract,
            intent=intent or inspect.getdoc(func) or "",
            tags=tags,
            version=version,
            timeout=timeout,
            idempotent=idempotent,
            reorderable=reorderable,
            examples=examples,
            keywords=keywords,
            authorize=authorize,
            effects=effects,
            rate_limit=rate_limit,
            fn=func,
        )

    return wrap(fn) if fn is not None else wrap


def _strings(name: str, option: str, values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError(f"capability {name!r}: {option} must be a list of strings, not a string")
    out = tuple(values)
    for value in out:
        if not isinstance(value, str) or not value.strip():
            raise TypeError(f"capability {name!r}: {option} entries must be non-empty strings")
    return out


def context_parameter(func: Callable[..., Any], hints: dict[str, Any] | None = None) -> str | None:
    """The parameter of ``func`` that receives the :class:`Context`: the one annotated
    ``Context``, else an unannotated ``ctx`` / ``context``; ``None`` when it takes none."""
    hints = get_type_hints(func) if hints is None else hints
    params = list(inspect.signature(func).parameters.values())
    found = [p for p in params if hints.get(p.name) is Context]
    if not found:
        found = [p for p in params if p.name in ("ctx", "context") and p.name not in hints]
    return found[0].name if found else None


def _introspect(
    func: Callable[..., Any],
    name: str,
    requires: tuple[str, ...] | None,
    provides: tuple[str, ...] | None,
) -> tuple[Handler, Contract]:
    """Derive the contract from ``func``'s hints and build a normalised async handler."""
    hints = get_type_hints(func)
    params = list(inspect.signature(func).parameters.values())
    ctx_name = context_parameter(func, hints)
    data_params = [p for p in params if p.name != ctx_name]

    input_model: type[BaseModel] | None = None
    style: Literal["model", "fields", "mapping", "none"]
    first = hints.get(data_params[0].name) if data_params else None
    if len(data_params) == 1 and isinstance(first, type) and issubclass(first, BaseModel):
        input_model, style = first, "model"
    elif len(data_params) == 1 and is_mapping(first):
        style = "mapping"
    elif data_params and requires is None and all(p.name in hints for p in data_params):
        input_model, style = _fields_model(func, data_params, hints), "fields"
    elif data_params:
        style = "mapping"
    else:
        style = "none"

    output_model = output_model_for(hints["return"], name) if "return" in hints else None
    wraps = output_model is not None and output_model is not hints["return"]
    if wraps and provides is not None:
        raise TypeError(
            f"capability {name!r}: provides= names the keys of an untyped (mapping) result, "
            f"but it returns {hints['return']!r} (answered as {{'result': ...}}); drop "
            "provides= or annotate the return as a mapping"
        )
    contract = Contract(
        input_model, output_model, requires=requires, provides=provides, wraps_result=wraps
    )
    return _handler(func, style, ctx_name), contract


def _fields_model(
    func: Callable[..., Any], params: list[inspect.Parameter], hints: dict[str, Any]
) -> type[BaseModel]:
    fields: dict[str, Any] = {
        p.name: (hints[p.name], ... if p.default is inspect.Parameter.empty else p.default)
        for p in params
    }
    model_name = "".join(part.title() for part in func.__name__.split("_")) + "Input"
    return create_model(model_name, **fields)


def _handler(
    func: Callable[..., Any],
    style: Literal["model", "fields", "mapping", "none"],
    ctx_name: str | None,
) -> Handler:
    def arguments(inp: Any, ctx: Context) -> tuple[tuple[Any, ...], dict[str, Any]]:
        kwargs: dict[str, Any] = dict(inp) if style == "fields" else {}
        if ctx_name is not None:
            kwargs[ctx_name] = ctx
        return ((inp,) if style in ("model", "mapping") else ()), kwargs

    if not inspect.iscoroutinefunction(func):

        async def run_in_thread(inp: Any, ctx: Context) -> Any:
            args, kwargs = arguments(inp, ctx)
            return await trio.to_thread.run_sync(functools.partial(func, *args, **kwargs))

        return run_in_thread

    # The common shapes get a direct call: this is the capability hot path.
    if style == "model" and ctx_name is not None:
        positional = list(inspect.signature(func).parameters)
        if positional.index(ctx_name) == 1:
            return func  # already (inp, ctx)
    if style in ("model", "mapping") and ctx_name is None:
        return lambda inp, ctx: func(inp)

    def call(inp: Any, ctx: Context) -> Awaitable[Any]:
        args, kwargs = arguments(inp, ctx)
        return func(*args, **kwargs)  # type: ignore[no-any-return]

    return call

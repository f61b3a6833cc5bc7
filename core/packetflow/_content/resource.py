"""``@resource``: data a client can read by URI, static or from a URI template.

::

    @pf.resource("docs://readme", mime_type="text/markdown")
    async def readme() -> str: ...

    @pf.resource("orders://{order_id}/status")
    async def order_status(order_id: int) -> OrderStatus: ...

A template's ``{name}`` placeholders (RFC 6570 level 1: each matches one path segment) are
the function's parameters, validated like a capability's input (E422 per field). The function
answers ``str`` (text), ``bytes`` (binary), a pydantic model / dict / list (JSON text) or
:class:`~packetflow._rich.EmbeddedResource` blocks (several contents at once).
Register it with ``node.register(...)``; ``node.resources.updated(uri)`` tells subscribed
clients that it changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import unquote

import trio
from pydantic import BaseModel

from .._capabilities.capability import Capability, capability
from .._rich import EmbeddedResource, to_base64
from ..errors import ContractViolationError, DeadlineExceededError
from .completion import Completer, Completions

if TYPE_CHECKING:
    from .._context import Context

__all__ = ["Resource", "resource"]

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_JSON = "application/json"


class Resource:
    """A static resource (``uri``) or a resource template; built by :func:`resource`."""

    def __init__(
        self,
        uri: str,
        fn: Callable[..., Any],
        *,
        name: str | None = None,
        description: str = "",
        title: str | None = None,
        mime_type: str | None = None,
        complete: Mapping[str, Completer] | None = None,
        timeout: float | None = None,
    ) -> None:
        if not isinstance(uri, str) or "://" not in uri:
            raise ValueError(f"resource {uri!r}: expected a URI such as 'scheme://path'")
        self.uri = uri
        self.name = name or fn.__name__
        self.subject = f"resource {uri!r}"
        self.fn = fn
        self.description = description or _docstring(fn)
        self.title = title
        self.mime_type = mime_type
        self.timeout = timeout
        self.parameters = tuple(_PLACEHOLDER.findall(uri))
        self._cap: Capability = capability(name=self.name, timeout=timeout)(fn)
        model = self._cap.contract.input_model
        fields = tuple(model.model_fields) if model is not None else ()
        if set(fields) != set(self.parameters):
            raise TypeError(
                f"{self.subject}: the function's parameters {list(fields)!r} must be the "
                f"template's placeholders {list(self.parameters)!r}"
            )
        self._pattern = _compile(uri) if self.parameters else None
        self.completions = Completions(self.subject, model, complete)

    @property
    def is_template(self) -> bool:
        return self._pattern is not None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(*args, **kwargs)

    def __repr__(self) -> str:
        kind = "template" if self.is_template else "resource"
        return f"<Resource {kind} {self.uri!r}>"

    def match(self, uri: str) -> dict[str, str] | None:
        """The placeholder values if ``uri`` is this resource (or an instance of the
        template), else ``None``."""
        if self._pattern is None:
            return {} if uri == self.uri else None
        found = self._pattern.fullmatch(uri)
        if found is None:
            return None
        return {key: unquote(value) for key, value in found.groupdict().items()}

    async def read(
        self, uri: str, values: Mapping[str, str], ctx: Context
    ) -> list[EmbeddedResource]:
        """The contents at ``uri`` (``values``: its placeholders, from :meth:`match`).

        Raises:
            ContractViolationError: E422 for placeholder values of the wrong type, or (``type``
                "output_contract") for an answer that is no resource content.
            DeadlineExceededError: E408 past ``timeout``.
        """
        cap = self._cap
        inp = cap.contract.parse_input(dict(values), self.subject)
        if self.timeout is None:
            value = await cap.handler(inp, ctx)
        else:
            with trio.move_on_after(self.timeout):
                return self._contents(uri, await cap.handler(inp, ctx))
            raise DeadlineExceededError(
                f"{self.subject}: no contents within {self.timeout:g}s",
                details={"timeout_s": self.timeout},
            )
        return self._contents(uri, value)

    def _contents(self, uri: str, value: Any) -> list[EmbeddedResource]:
        mime = self.mime_type
        if isinstance(value, EmbeddedResource):
            return [value]
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, EmbeddedResource) for v in value)
        ):
            return list(value)
        if isinstance(value, str):
            return [EmbeddedResource(uri, text=value, mime_type=mime or "text/plain")]
        if isinstance(value, (bytes, bytearray, memoryview)):
            blob = to_base64(value)
            return [EmbeddedResource(uri, blob=blob, mime_type=mime or "application/octet-stream")]
        try:
            if isinstance(value, BaseModel):
                text = value.model_dump_json()
            else:
                text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            raise ContractViolationError(
                f"{self.subject}: answered {type(value).__name__}, which is no resource content; "
                "return str, bytes, a pydantic model, JSON data or EmbeddedResource blocks; this "
                "is a bug in the resource",
                details=[
                    {"field": "(contents)", "message": "not resource content", "type": "contents"}
                ],
                type="output_contract",
            ) from None
        return [EmbeddedResource(uri, text=text, mime_type=mime or _JSON)]


def _compile(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    last = 0
    for found in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : found.start()]))
        parts.append(f"(?P<{found.group(1)}>[^/?#]+)")
        last = found.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts))


def _docstring(fn: Callable[..., Any]) -> str:
    doc = fn.__doc__
    return (doc or "").strip().split("\n\n")[0]


@overload
def resource(
    uri: str,
    /,
    *,
    name: str | None = ...,
    description: str = ...,
    title: str | None = ...,
    mime_type: str | None = ...,
    complete: Mapping[str, Completer] | None = ...,
    timeout: float | None = ...,
) -> Callable[[Callable[..., Any]], Resource]: ...
@overload
def resource(uri: str, fn: Callable[..., Any], /) -> Resource: ...


def resource(
    uri: str,
    fn: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    description: str = "",
    title: str | None = None,
    mime_type: str | None = None,
    complete: Mapping[str, Completer] | None = None,
    timeout: float | None = None,
) -> Resource | Callable[[Callable[..., Any]], Resource]:
    """Declare a resource (or a resource template, when ``uri`` has ``{placeholders}``).

    Args:
        uri: ``scheme://path`` (static) or ``scheme://path/{name}/more`` (a template whose
            placeholders are the function's parameters).
        name: the resource's name (default: the function's name).
        description: what it holds (default: the docstring's first paragraph).
        title: a human-friendly name.
        mime_type: the contents' type (default: ``text/plain`` for ``str``,
            ``application/octet-stream`` for ``bytes``, ``application/json`` otherwise).
        complete: placeholder name -> completer for ``completion/complete`` (enum-like
            placeholders complete from their values by default).
        timeout: seconds before a read fails with E408.
    """

    def wrap(func: Callable[..., Any]) -> Resource:
        return Resource(
            uri,
            func,
            name=name,
            description=description,
            title=title,
            mime_type=mime_type,
            complete=complete,
            timeout=timeout,
        )

    return wrap(fn) if fn is not None else wrap

"""The node's prompts (``node.prompts``) and resources (``node.resources``).

Both are small registries with change listeners (the MCP server turns changes into
list-changed notifications). ``node.resources.updated(uri)`` is how an application says a
resource's contents changed: every update listener (each MCP server serving the node) is told
at once, without blocking the caller; subscribed clients then get
``notifications/resources/updated``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from ..errors import ConflictError, NotFoundError
from .prompt import Prompt
from .resource import Resource

__all__ = ["Prompts", "Resources"]

log = logging.getLogger("packetflow.content")

Listener = Callable[[], None]
UpdateListener = Callable[[str], None]


class _Listeners:
    """Synchronous callbacks, each isolated from the others (one that raises is logged)."""

    def __init__(self) -> None:
        self._items: dict[object, Callable[..., None]] = {}

    def add(self, listener: Callable[..., None]) -> Callable[[], None]:
        token = object()
        self._items[token] = listener

        def remove() -> None:
            self._items.pop(token, None)

        return remove

    def __call__(self, *args: object) -> None:
        for listener in list(self._items.values()):
            try:
                listener(*args)
            except Exception:
                log.exception("content listener %r failed", listener)


class Prompts:
    """The node's prompts, by name."""

    def __init__(self) -> None:
        self._prompts: dict[str, Prompt] = {}
        self._changed = _Listeners()

    def __len__(self) -> int:
        return len(self._prompts)

    def __iter__(self) -> Iterator[Prompt]:
        return iter(sorted(self._prompts.values(), key=lambda p: p.name))

    def __contains__(self, name: object) -> bool:
        return name in self._prompts

    def add(self, prompt: Prompt) -> None:
        """Add a prompt (``node.register`` does this).

        Raises:
            ConflictError: E409 when the name is taken.
        """
        if prompt.name in self._prompts:
            raise ConflictError(f"prompt {prompt.name!r} is already registered; remove it first")
        self._prompts[prompt.name] = prompt
        self._changed()

    def remove(self, name: str) -> None:
        """Remove a prompt; E404 if unknown."""
        self.get(name)
        del self._prompts[name]
        self._changed()

    def get(self, name: str) -> Prompt:
        """The prompt called ``name``.

        Raises:
            NotFoundError: E404, with the known names.
        """
        found = self._prompts.get(name)
        if found is None:
            raise NotFoundError(
                f"prompt {name!r} is not registered; known prompts: {sorted(self._prompts)!r}"
            )
        return found

    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener()`` after every add/remove; returns the function that stops it."""
        return self._changed.add(listener)


class Resources:
    """The node's resources and resource templates, by URI (or template)."""

    def __init__(self) -> None:
        self._static: dict[str, Resource] = {}
        self._templates: dict[str, Resource] = {}
        self._changed = _Listeners()
        self._updated = _Listeners()

    def __len__(self) -> int:
        return len(self._static) + len(self._templates)

    def __iter__(self) -> Iterator[Resource]:
        yield from self.static()
        yield from self.templates()

    def static(self) -> list[Resource]:
        """The static resources, by URI."""
        return [self._static[uri] for uri in sorted(self._static)]

    def templates(self) -> list[Resource]:
        """The resource templates, by template."""
        return [self._templates[uri] for uri in sorted(self._templates)]

    def add(self, resource: Resource) -> None:
        """Add a resource or template (``node.register`` does this).

        Raises:
            ConflictError: E409 when the URI (or template) is taken.
        """
        table = self._templates if resource.is_template else self._static
        if resource.uri in table:
            raise ConflictError(f"resource {resource.uri!r} is already registered; remove it first")
        table[resource.uri] = resource
        self._changed()

    def remove(self, uri: str) -> None:
        """Remove the resource (or template) registered under ``uri``; E404 if unknown."""
        for table in (self._static, self._templates):
            if uri in table:
                del table[uri]
                self._changed()
                return
        raise NotFoundError(f"resource {uri!r} is not registered")

    def resolve(self, uri: str) -> tuple[Resource, dict[str, str]] | None:
        """The resource serving ``uri`` and its placeholder values: a static resource first,
        then the first template (in template order) that matches."""
        found = self._static.get(uri)
        if found is not None:
            return found, {}
        for template in self.templates():
            values = template.match(uri)
            if values is not None:
                return template, values
        return None

    def template(self, uri_template: str) -> Resource:
        """The template registered as ``uri_template`` (for completions).

        Raises:
            NotFoundError: E404.
        """
        found = self._templates.get(uri_template)
        if found is None:
            raise NotFoundError(f"resource template {uri_template!r} is not registered")
        return found

    def updated(self, uri: str) -> None:
        """Say that the contents at ``uri`` changed: clients subscribed to it get
        ``notifications/resources/updated`` (never blocks; the caller goes on at once)."""
        self._updated(uri)

    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener()`` after every add/remove; returns the function that stops it."""
        return self._changed.add(listener)

    def on_updated(self, listener: UpdateListener) -> Callable[[], None]:
        """Call ``listener(uri)`` on every :meth:`updated`; returns the function that stops it."""
        return self._updated.add(listener)

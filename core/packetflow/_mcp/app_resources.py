"""The node's ``@resource`` s (``node.resources``) as MCP resources and resource templates.

Static resources are listed by ``resources/list`` (before the actors' resources) and
templates by ``resources/templates/list``; ``resources/read`` serves a static URI, else the
first template that matches it. A template read with placeholder values of the wrong type is
JSON-RPC -32602 with the E422 error object.
"""

from __future__ import annotations

from collections.abc import Callable

from mcp.types import ReadResourceResult, Resource, ResourceTemplate

from .._content.catalog import Resources
from .._context import Context
from ..errors import NotFoundError
from .content import resource_contents

__all__ = ["AppResources"]


class AppResources:
    """Serves ``node.resources``."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def listed(self, visible: Callable[[str], bool] | None = None) -> list[Resource]:
        return [
            Resource(
                uri=r.uri,
                name=r.name,
                title=r.title,
                description=r.description or None,
                mime_type=r.mime_type,
            )
            for r in self.resources.static()
            if visible is None or visible(r.name)
        ]

    def templates(self, visible: Callable[[str], bool] | None = None) -> list[ResourceTemplate]:
        return [
            ResourceTemplate(
                uri_template=r.uri,
                name=r.name,
                title=r.title,
                description=r.description or None,
                mime_type=r.mime_type,
            )
            for r in self.resources.templates()
            if visible is None or visible(r.name)
        ]

    async def read(
        self, uri: str, ctx: Context, authorize: Callable[[str], None] | None = None
    ) -> ReadResourceResult:
        """The contents at ``uri``.

        Raises:
            NotFoundError: E404 when no resource or template serves ``uri``.
            ContractViolationError: E422 for template values of the wrong type.
        """
        found = self.resources.resolve(uri)
        if found is None:
            raise NotFoundError(
                f"resource {uri!r} is not served by this node; list the resources and "
                "templates to see what is"
            )
        resource, values = found
        if authorize is not None:
            authorize(resource.name)
        contents = await resource.read(uri, values, ctx)
        return ReadResourceResult(contents=[resource_contents(block) for block in contents])

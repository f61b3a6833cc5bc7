"""Module management as capabilities (SPEC 5.4: "also exposed to admin tokens over the wire").

``packetflow.modules.list|chain|enable|disable|reload`` are registered once the node has a
module. Names under ``packetflow.`` are the node's management API: over the wire and MCP only
tokens with the ``admin`` scope reach them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from .._capabilities.capability import Capability, capability

if TYPE_CHECKING:
    from .host import ModuleHost

__all__ = ["ADMIN_PREFIX", "admin_capabilities"]

ADMIN_PREFIX = "packetflow.modules."
_TAGS = ("packetflow", "modules", "admin")


class NoInput(BaseModel):
    pass


class ModulesOut(BaseModel):
    modules: list[dict[str, Any]]


class ChainOut(BaseModel):
    request: list[str]
    composition: list[str]
    response: list[str]


class ModuleRef(BaseModel):
    name: str = Field(min_length=1, max_length=200, description="the module's name")


class ModuleOut(BaseModel):
    module: dict[str, Any]


def admin_capabilities(host: ModuleHost) -> list[Capability]:
    """The management operations of ``host`` as capabilities."""

    @capability(name=ADMIN_PREFIX + "list", intent="List modules with status and counters",
                tags=_TAGS)  # fmt: skip
    async def list_modules(inp: NoInput) -> ModulesOut:
        return ModulesOut(modules=[info.to_dict() for info in host.list_all()])

    @capability(name=ADMIN_PREFIX + "chain", intent="The resolved order of the hook chains",
                tags=_TAGS)  # fmt: skip
    async def module_chain(inp: NoInput) -> ChainOut:
        return ChainOut.model_validate(host.chain_order())

    @capability(name=ADMIN_PREFIX + "enable", intent="Enable a module", tags=_TAGS)
    async def enable(inp: ModuleRef) -> ModuleOut:
        return ModuleOut(module=(await host.enable(inp.name)).to_dict())

    @capability(name=ADMIN_PREFIX + "disable", intent="Disable a module", tags=_TAGS)
    async def disable(inp: ModuleRef) -> ModuleOut:
        # This request runs through the chain: do not wait for that chain to drain.
        return ModuleOut(module=(await host.disable(inp.name, wait=False)).to_dict())

    @capability(name=ADMIN_PREFIX + "reload", intent="Re-import a module's code and swap it in",
                tags=_TAGS)  # fmt: skip
    async def reload(inp: ModuleRef) -> ModuleOut:
        return ModuleOut(module=(await host.reload(inp.name, wait=False)).to_dict())

    return [list_modules, module_chain, enable, disable, reload]

"""The pytest plugin of the module SDK (entry point ``pytest11``): fixtures for module tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from .._modules.module import Module
from .._node import Node
from ..errors import ModuleFailedError
from ._fakes import FakeCapabilities
from ._recorder import ChainRecorder

__all__ = ["chain_recorder", "fake_capabilities", "module_node", "register_module"]

RegisterModule = Callable[..., Awaitable[Module]]


@pytest.fixture
async def module_node(tmp_path: Path) -> AsyncIterator[Node]:
    """A started node for module tests: autoload off (only the modules a test registers run),
    data dir under ``tmp_path``."""
    node = Node("module-test", data_dir=tmp_path / "packetflow-data")
    node.modules.autoload = False
    node.modules.configure({})  # ignore any packetflow.toml in the working directory
    async with node.started():
        yield node


@pytest.fixture
def register_module(module_node: Node) -> RegisterModule:
    """``await register_module(Cls, config=..., priority=..., **settings)``: register a module
    on ``module_node``, wait for it to start, and return its live instance.

    Raises ``ModuleFailedError`` (with the reason) when the module does not start.
    """

    async def register(
        cls: type[Module], *, config: Mapping[str, Any] | None = None, **settings: Any
    ) -> Module:
        info = module_node.modules.register(cls, config=config, **settings)
        info = await module_node.modules.wait_ready(info.name)
        if info.status not in ("active", "degraded"):
            raise ModuleFailedError(f"module {info.name!r} did not start: {info.error}")
        return module_node.modules.instance(info.name)

    return register


@pytest.fixture
def chain_recorder(module_node: Node) -> Iterator[ChainRecorder]:
    """Records which module decided what, in which order, on ``module_node``."""
    recorder = ChainRecorder().attach(module_node)
    yield recorder
    recorder.detach()


@pytest.fixture
def fake_capabilities(module_node: Node) -> FakeCapabilities:
    """``echo`` and ``fail`` registered on ``module_node``; ``.add(name, result=, error=,
    delay=, gate=)`` for more; ``.calls[name]`` lists the payloads each received."""
    return FakeCapabilities(module_node)

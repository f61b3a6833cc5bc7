"""The module SDK: what a module author needs to test a module (SPEC 5.4).

Installed as a pytest plugin (entry point ``pytest11``), so its fixtures are available in any
test suite once ``packetflow`` is installed:

- ``module_node``: a started node with module autoload off and its data dir in ``tmp_path``;
- ``register_module``: ``await register_module(MyModule, config={...})`` registers a module on
  ``module_node``, waits for it to start and returns the live instance;
- ``chain_recorder``: records which module decided what, in which order;
- ``fake_capabilities``: an ``echo`` and a ``fail`` capability, and ``add(...)`` for more.

For application tests of client code, :func:`open_memory_client` connects a real
:class:`~packetflow.Client` to a node in the same process without a socket (as httpx's
``MockTransport``).

Every module's tests should also subclass :class:`ModuleConformance`::

    from packetflow.testing import ModuleConformance

    class TestHelloConformance(ModuleConformance):
        module = HelloModule
        config = {"tag": "hi"}
"""

from __future__ import annotations

from ._conformance import ModuleConformance
from ._fakes import FakeCapabilities, fake_capability
from ._memory import open_memory_client
from ._recorder import ChainRecorder, HookCall

__all__ = [
    "ChainRecorder",
    "FakeCapabilities",
    "HookCall",
    "ModuleConformance",
    "fake_capability",
    "open_memory_client",
]

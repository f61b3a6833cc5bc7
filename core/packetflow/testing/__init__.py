"""The module SDK: what a module author needs to test a module (SPEC 5.4).

Installed as a pytest plugin (entry point ``pytest11``), so its fixtures are available in any
test suite once ``packetflow`` is installed:

- ``module_node``: a started node with module autoload off and its data dir in ``tmp_path``;
- ``register_module``: ``await register_module(MyModule, config={...})`` registers a module on
  ``module_node``, waits for it to start and returns the live instance;
- ``chain_recorder``: records which module decided what, in which order;
- ``fake_capabilities``: an ``echo`` and a ``fail`` capability, and ``add(...)`` for more.

Every module's tests should also subclass :class:`ModuleConformance`::

    from packetflow.testing import ModuleConformance

    class TestHelloConformance(ModuleConformance):
        module = HelloModule
        config = {"tag": "hi"}
"""

from __future__ import annotations

from ._conformance import ModuleConformance
from ._fakes import FakeCapabilities, fake_capability
from ._recorder import ChainRecorder, HookCall

__all__ = [
    "ChainRecorder",
    "FakeCapabilities",
    "HookCall",
    "ModuleConformance",
    "fake_capability",
]

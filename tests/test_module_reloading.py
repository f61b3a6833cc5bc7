"""Hot reload re-imports the module's whole package, off the event loop (``_modules/reloading``):
a real package on disk whose sibling file changes between loads."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trio

import packetflow as pf
from packetflow._modules.reloading import package_of
from packetflow.testing import FakeCapabilities

MODULE = """
import threading

import packetflow as pf

from .rules import answer

IMPORTED_IN = threading.get_ident()


class Answering(pf.Module):
    name = "answering"

    @pf.hookimpl
    def packetflow_handle_response(self, response):
        payload = {**response.payload, "answer": answer()}
        return pf.Transform(response.model_copy(update={"payload": payload}))
"""


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``answering_pkg/`` on ``sys.path``: the module in ``module.py``, what it answers in
    its sibling ``rules.py``."""
    root = tmp_path / "answering_pkg"
    root.mkdir()
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "module.py").write_text(MODULE, encoding="utf-8")
    (root / "rules.py").write_text("def answer():\n    return 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    for name in [n for n in sys.modules if n.partition(".")[0] == "answering_pkg"]:
        del sys.modules[name]


async def _write(path: Path, text: str) -> None:
    await trio.Path(path).write_text(text, encoding="utf-8")


async def test_reload_re_imports_the_package_in_a_worker_thread(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    package: Path,
) -> None:
    module = importlib.import_module("answering_pkg.module")
    old_rules = sys.modules["answering_pkg.rules"]
    await register_module(module.Answering)
    assert (await module_node.call("echo", {}))["answer"] == 1

    # Same size, same second: only the source tells the versions apart (not the .pyc).
    await _write(package / "rules.py", "def answer():\n    return 2\n")
    await module_node.modules.reload("answering")

    assert (await module_node.call("echo", {}))["answer"] == 2  # the sibling file's new code
    fresh = sys.modules["answering_pkg.module"]
    assert fresh is not module
    imported_in = fresh.IMPORTED_IN
    assert imported_in != threading.get_ident()  # a worker thread, not the event loop's
    assert sys.modules["answering_pkg.rules"] is not old_rules
    assert old_rules.answer() == 1  # objects created before keep their old code
    assert sys.modules["packetflow"] is pf  # other packages are not re-imported


async def test_a_failed_reload_puts_the_old_package_back(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    package: Path,
) -> None:
    module = importlib.import_module("answering_pkg.module")
    old = {name: sys.modules[name] for name in ("answering_pkg", "answering_pkg.rules")}
    await register_module(module.Answering)

    await _write(package / "rules.py", "def answer(:\n")
    with pytest.raises(pf.errors.ModuleFailedError, match=r"reload failed \(SyntaxError"):
        await module_node.modules.reload("answering")
    assert (await module_node.call("echo", {}))["answer"] == 1  # the old code keeps serving
    assert sys.modules["answering_pkg.module"] is module
    assert all(sys.modules[name] is mod for name, mod in old.items())

    # Fixed, with a new file in the package: found without restarting anything.
    await _write(package / "numbers.py", "THREE = 3\n")
    rules = "from .numbers import THREE\n\n\ndef answer():\n    return THREE\n"
    await _write(package / "rules.py", rules)
    await module_node.modules.reload("answering")
    assert (await module_node.call("echo", {}))["answer"] == 3


@pytest.mark.parametrize(
    ("name", "package_name"),
    [
        ("email.mime.text", "email.mime"),
        ("email", "email"),
        ("json.decoder", "json"),
        ("packetflow._modules.reloading", "packetflow._modules.reloading"),
    ],
    ids=["submodule", "package", "private-submodule", "inside-packetflow"],
)
def test_the_package_reload_re_imports(name: str, package_name: str) -> None:
    assert package_of(importlib.import_module(name)) == package_name

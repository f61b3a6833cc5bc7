"""Entry-point discovery: isolated loads, filters applied before import, compatibility from
metadata, requires_modules order, static config errors, and `packetflow modules list`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import packetflow as pf

FIXTURES = Path(__file__).parent / "fixtures"
Install = Callable[..., None]


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The broken fixture package, really built and installed by pip into its own directory
    (offline: no build isolation, hatchling comes with the test extras)."""
    site = tmp_path_factory.mktemp("broken-site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(site), str(FIXTURES / "broken_module")],
        check=True, capture_output=True,
    )  # fmt: skip
    return site


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An importable directory for fake installed distributions; autoload on."""
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    monkeypatch.delenv("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", raising=False)
    monkeypatch.delenv("PACKETFLOW_MODULES", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray packetflow.toml
    yield path
    for name in [m for m in sys.modules if m.startswith("fake_")]:
        del sys.modules[name]


@pytest.fixture
def install(site: Path) -> Install:
    """Lay out a distribution as an installer does: the package and its .dist-info."""

    def install(
        name: str, source: str, *, requires: str = "packetflow>=0.1", version: str = "1.0.0"
    ) -> None:
        package = site / f"fake_{name}"
        package.mkdir()
        (package / "__init__.py").write_text(source, encoding="utf-8")
        info = site / f"packetflow_module_{name}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: packetflow-module-{name.replace('_', '-')}\n"
            f"Version: {version}\nRequires-Dist: {requires}\n",
            encoding="utf-8",
        )
        (info / "entry_points.txt").write_text(
            f"[packetflow.modules]\n{name} = fake_{name}:Plugin\n", encoding="utf-8"
        )

    return install


def plugin(name: str, *, priority: int = 100, extra: str = "") -> str:
    return (
        "import os\nimport packetflow as pf\n"
        f"os.environ['FAKE_IMPORTED_{name.upper()}'] = '1'\n"
        f"class Plugin(pf.Module):\n    name = {name!r}\n    priority = {priority}\n{extra}"
        "    @pf.hookimpl\n    def packetflow_handle_request(self, request, context):\n"
        "        return None\n"
    )


@pf.capability(requires=(), provides=())
async def ping(payload: dict[str, Any]) -> dict[str, Any]:
    return {"pong": True}


async def started(**config: Any) -> tuple[pf.Node, dict[str, pf.ModuleInfo]]:
    node = pf.Node("discovery")
    node.modules.configure(config)
    node.register(ping)
    return node, {}


def statuses(node: pf.Node) -> dict[str, str]:
    """Statuses of this file's fake modules (modules installed in the env are left out)."""
    return {
        info.name: info.status
        for info in node.modules.list_all()
        if info.distribution is None or info.version == "1.0.0"
    }


async def test_a_broken_package_is_failed_to_load_and_the_node_serves(
    broken_site: Path, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(broken_site))
    node, _ = await started()
    async with node.started():
        [info] = [i for i in node.modules.list_all() if i.name == "broken"]
        assert info.status == "failed_to_load"
        assert info.distribution == "packetflow-module-broken"
        assert info.version == "0.0.1"
        assert info.error is not None
        assert "\n" not in info.error
        assert "packetflow-module-broken 0.0.1" in info.error
        assert "RuntimeError: packetflow_broken cannot be imported" in info.error
        assert await node.call("ping", {}) == {"pong": True}


def _cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "packetflow._cli", *args],
        env=env, cwd=cwd, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_cli_lists_the_broken_package_and_hides_it_when_autoload_is_off(
    broken_site: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(broken_site), *sys.path])}
    env.pop("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", None)
    done = _cli("modules", "list", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = {entry["name"]: entry for entry in json.loads(done.stdout)}
    assert listed["broken"]["status"] == "failed_to_load"
    assert listed["broken"]["distribution"] == "packetflow-module-broken"
    assert "cannot be imported" in listed["broken"]["error"]

    env["PACKETFLOW_DISABLE_MODULE_AUTOLOAD"] = "1"
    done = _cli("modules", "list", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "broken" not in {entry["name"] for entry in json.loads(done.stdout)}


async def test_filters_apply_before_import(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("alpha", "beta", "gamma"):
        install(name, plugin(name))
        monkeypatch.delenv(f"FAKE_IMPORTED_{name.upper()}", raising=False)
    monkeypatch.setenv("PACKETFLOW_MODULES", "alpha,beta")
    node, _ = await started(disabled=["beta"])
    async with node.started():
        assert statuses(node) == {"alpha": "active", "beta": "disabled", "gamma": "disabled"}
        assert node.modules.info("beta").error == "listed in disabled"
        assert node.modules.info("gamma").error == "not in PACKETFLOW_MODULES"
        assert node.modules.info("alpha").distribution == "packetflow-module-alpha"
    assert os.environ.get("FAKE_IMPORTED_ALPHA") == "1"
    assert "FAKE_IMPORTED_BETA" not in os.environ
    assert "FAKE_IMPORTED_GAMMA" not in os.environ


async def test_autoload_off_discovers_nothing(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    install("alpha", plugin("alpha"))
    monkeypatch.setenv("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", "1")
    node, _ = await started()
    async with node.started():
        assert statuses(node) == {}


async def test_an_incompatible_core_range_is_reported_from_metadata(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    install("old", plugin("old"), requires="packetflow<0.1")
    monkeypatch.delenv("FAKE_IMPORTED_OLD", raising=False)
    node, _ = await started()
    async with node.started():
        info = node.modules.info("old")
        assert info.status == "failed_to_load"
        assert "requires packetflow<0.1 but this core is" in (info.error or "")
    assert "FAKE_IMPORTED_OLD" not in os.environ  # judged without importing it


async def test_requires_modules_start_in_topological_order(
    install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_log = (
        "    async def start(self, config, node):\n        node.started_modules.append(self.name)\n"
    )
    install("base", plugin("base", priority=900, extra=start_log))
    install(
        "top",
        plugin("top", priority=1, extra=start_log + "    requires_modules = ['base']\n"),
    )
    install(
        "orphan",
        plugin("orphan", extra="    requires_modules = ['missing']\n"),
    )
    monkeypatch.setenv("PACKETFLOW_MODULES", "base,top,orphan")
    node, _ = await started()
    node.started_modules = []  # type: ignore[attr-defined]
    async with node.started():
        assert node.started_modules == ["base", "top"]  # type: ignore[attr-defined]
        assert node.modules.chain_order()["request"] == ["top", "base"]  # priority still rules
        orphan = node.modules.info("orphan")
        assert orphan.status == "failed_to_load"
        assert "requires module 'missing', which is not installed" in (orphan.error or "")


async def test_bad_config_is_a_clear_error_of_that_module_only(install: Install) -> None:
    config = "from pydantic import BaseModel\nclass Config(BaseModel):\n    zones: int\n"
    install("strict", config + plugin("strict", extra="    Config = Config\n"))
    install("fine", plugin("fine"))
    node, _ = await started(modules=[{"name": "strict", "config": {"zones": "many"}}])
    async with node.started():
        info = node.modules.info("strict")
        assert info.status == "failed_to_load"
        assert "bad config for module 'strict'" in (info.error or "")
        assert "field 'zones'" in (info.error or "")
        assert node.modules.info("fine").status == "active"
        assert await node.call("ping", {}) == {"pong": True}


async def test_config_file_sets_priority_and_policy(
    install: Install, site: Path, tmp_path: Path
) -> None:
    install("alpha", plugin("alpha"))
    (tmp_path / "packetflow.toml").write_text(
        '[[modules]]\nname = "alpha"\npriority = 7\non_error = "fail"\n', encoding="utf-8"
    )
    node = pf.Node("discovery")
    async with node.started():
        assert node.modules.info("alpha").priority == 7


async def test_a_module_that_fails_to_start_is_failed_to_load(install: Install) -> None:
    crash = "    async def start(self, config, node):\n        raise OSError('disk full')\n"
    install("crashy", plugin("crashy", extra=crash))
    node, _ = await started()
    async with node.started():
        info = node.modules.info("crashy")
        assert info.status == "failed_to_load"
        assert "failed to start: OSError: disk full" in (info.error or "")

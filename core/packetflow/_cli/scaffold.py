"""``packetflow module new NAME``: generate a complete module package that passes its tests."""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from packaging.version import Version

from .._version import __version__

__all__ = ["package_files", "package_root", "register"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def register(commands: Any) -> None:
    parser = commands.add_parser("module", help="create module packages")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = sub.add_parser("new", help="generate a module package (pyproject, code, tests)")
    new.add_argument("name", help="the module's name, a snake_case word (e.g. rate_guard)")
    new.add_argument(
        "--dir",
        help="create DIR/NAME/ (default: plugins/NAME/ at the root of the PacketFlow "
        "repository, ./packetflow-module-NAME/ anywhere else)",
    )
    new.set_defaults(handler=_new)


def _in_packetflow_repository(cwd: Path) -> bool:
    """Whether ``cwd`` is the root of PacketFlow's own repository (first-party modules live
    in its ``plugins/``); a user's project gets a package folder of its own instead."""
    try:
        project = tomllib.loads((cwd / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return project.get("project", {}).get("name") == "packetflow" and (cwd / "plugins").is_dir()


def package_root(name: str, directory: str | None, cwd: Path) -> Path:
    """Where ``packetflow module new NAME`` writes the package."""
    if directory is not None:
        return Path(directory) / name
    if _in_packetflow_repository(cwd):
        return Path("plugins") / name
    return Path(_distribution(name))


def _distribution(name: str) -> str:
    return f"packetflow-module-{name.replace('_', '-')}"


def _new(args: argparse.Namespace) -> int:
    name: str = args.name
    if not _NAME.match(name):
        print(
            f"error: module name {name!r} must be a snake_case word (a-z, 0-9, _), "
            "e.g. 'rate_guard'",
            file=sys.stderr,
        )
        return 2
    root = package_root(name, args.dir, Path.cwd())
    if root.exists():
        print(f"error: {str(root)!r} already exists; choose another name or --dir", file=sys.stderr)
        return 2
    for relative, text in package_files(name).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"created {root}/ (distribution {_distribution(name)})")
    print(f"  pip install -e '{root}[test]' && pytest {root}/tests")
    return 0


def _core_range() -> str:
    """The core versions a new module supports: this minor series while the core is 0.x."""
    version = Version(__version__)
    major, minor = version.major, version.minor
    if major == 0:
        return f">={major}.{minor},<{major}.{minor + 1}"
    return f">={major}.{minor},<{major + 1}"


def package_files(name: str) -> dict[str, str]:
    """The generated package: relative path -> content."""
    dist = _distribution(name)
    package = f"packetflow_{name}"
    cls = "".join(part.title() for part in name.split("_")) + "Module"
    config = cls.removesuffix("Module") + "Config"
    return {
        "pyproject.toml": _PYPROJECT.format(dist=dist, package=package, name=name, cls=cls,
                                            core=_core_range()),
        "README.md": _README.format(dist=dist, name=name, cls=cls),
        f"src/{package}/__init__.py": _INIT.format(name=name, cls=cls, config=config),
        f"src/{package}/module.py": _MODULE.format(name=name, cls=cls, config=config),
        f"src/{package}/py.typed": "",
        f"tests/test_{name}.py": _TESTS.format(name=name, cls=cls, package=package),
    }  # fmt: skip


_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.25"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "A PacketFlow module: {name}"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["packetflow{core}"]

[project.optional-dependencies]
test = ["pytest>=8.3", "pytest-trio>=0.8"]

[project.entry-points."packetflow.modules"]
{name} = "{package}:{cls}"

[tool.hatch.build.targets.wheel]
packages = ["src/{package}"]

[tool.pytest.ini_options]
addopts = ["--strict-markers", "--strict-config"]
trio_mode = true
testpaths = ["tests"]
xfail_strict = true
filterwarnings = ["error"]
"""

_README = """\
# {dist}

A [PacketFlow](https://pypi.org/project/packetflow/) module. Install it next to a node and it
is discovered through its entry point (`packetflow.modules` → `{name}`):

```sh
pip install {dist}
packetflow modules list
```

Configure it in `packetflow.toml`:

```toml
[[modules]]
name = "{name}"
priority = 500
config = {{ tag = "{name}" }}
```

Develop: `pip install -e '.[test]' && pytest`. The tests include PacketFlow's conformance
suite (`packetflow.testing.ModuleConformance`).
"""

_INIT = '''\
"""The {name} PacketFlow module."""

from __future__ import annotations

from .module import {cls}, {config}

__all__ = ["{cls}", "{config}"]
'''

_MODULE = '''\
"""{cls}: marks every request it sees and counts the outcomes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

import packetflow as pf


class {config}(BaseModel):
    """The module's settings (the ``config`` table of its ``[[modules]]`` entry)."""

    tag: str = "{name}"


class {cls}(pf.Module):
    """Adds ``metadata[tag] = True`` to every request and counts responses and errors."""

    name = "{name}"
    priority = 500
    Config = {config}

    async def start(self, config: {config}, node: pf.Node) -> None:
        self.tag = config.tag
        self.responses = 0
        self.errors = 0

    async def stop(self, reason: str) -> None:
        pass

    @pf.hookimpl
    def packetflow_handle_request(
        self, request: pf.CapabilityRequest, context: pf.Context
    ) -> pf.Annotate:
        return pf.Annotate(metadata={{self.tag: True}})

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: pf.Context) -> None:
        if isinstance(response, pf.CapabilityError):
            self.errors += 1
        else:
            self.responses += 1
'''

_TESTS = '''\
"""Tests of the {name} module: its behaviour, its installation, and the conformance suite."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any

import pytest

import packetflow as pf
from packetflow.testing import ChainRecorder, FakeCapabilities, ModuleConformance
from {package} import {cls}


class Test{cls}Conformance(ModuleConformance):
    module = {cls}
    config = {{"tag": "checked"}}


def test_the_entry_point_is_installed() -> None:
    [point] = [ep for ep in entry_points(group="packetflow.modules") if ep.name == "{name}"]
    assert point.load() is {cls}


async def test_it_marks_requests_and_counts_outcomes(
    module_node: pf.Node,
    register_module: Any,
    chain_recorder: ChainRecorder,
    fake_capabilities: FakeCapabilities,
) -> None:
    module = await register_module({cls}, config={{"tag": "seen"}})
    await module_node.call("echo", {{"x": 1}})
    with pytest.raises(pf.PacketFlowError):
        await module_node.call("fail", {{}})
    assert (module.responses, module.errors) == (1, 1)
    assert chain_recorder.decisions("{name}")[0] == ("{name}", "request", "Annotate")
'''

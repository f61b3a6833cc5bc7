"""Loading the user's node from ``--app MODULE:ATTR``."""

from __future__ import annotations

import importlib
import os
import sys

from .._node import Node

__all__ = ["AppError", "load_app"]


class AppError(Exception):
    """``--app`` does not name a node; the message says how to fix it."""


def load_app(spec: str) -> Node:
    """Import ``MODULE:ATTR`` (the current directory is importable) and return the node.

    ``ATTR`` may be a :class:`~packetflow.Node` or a zero-argument callable returning one.
    """
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise AppError(f"--app {spec!r}: expected 'package.module:attribute', e.g. 'myapp:node'")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise AppError(f"--app {spec!r}: cannot import {module_name!r}: {exc}") from exc
    try:
        target = getattr(module, attr)
    except AttributeError:
        raise AppError(
            f"--app {spec!r}: module {module_name!r} has no attribute {attr!r}"
        ) from None
    if callable(target) and not isinstance(target, Node):
        target = target()
    if not isinstance(target, Node):
        raise AppError(
            f"--app {spec!r}: {attr!r} is a {type(target).__name__}, not a packetflow.Node"
        )
    return target

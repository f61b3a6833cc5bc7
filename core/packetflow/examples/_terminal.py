"""How the examples print section titles: bold on a terminal, plain text when the output is
a file or a pipe or when ``NO_COLOR`` is set (https://no-color.org)."""

from __future__ import annotations

import os
import sys

__all__ = ["styled", "title"]


def styled() -> bool:
    """Whether stdout takes ANSI styles: a terminal, and ``NO_COLOR`` unset or empty."""
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def title(text: str) -> None:
    """Print a section title (``== text``) after a blank line."""
    print(f"\n\033[1m== {text}\033[0m" if styled() else f"\n== {text}")

"""Path fields: a field named for a file or a folder (``path``, ``file``, ``folder``) takes a
word shaped like one - with a slash ("/reports/q3.pdf", "~/notes") or a file extension
("budget.xlsx") - verbatim; a field with no such word is filled as free text."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..schema import FieldSpec

__all__ = ["PATH_WORDS", "fill_path"]

PATH_WORDS = frozenset(("path", "file", "filename", "filepath", "folder", "directory", "dir"))
_PATH = re.compile(
    r"(?<![\w@/.])(?:~|\.{1,2})?/[\w.\-/]*[\w\-]"  # /reports/q3.pdf, ~/notes, ./build
    r"|(?<![\w@/.])[\w\-]+(?:/[\w\-]+)*\.[A-Za-z][A-Za-z0-9]{0,4}(?![\w@.])"  # budget.xlsx
)


def fill_path(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The first free path-shaped word of the clause (never part of an email or a URL)."""
    start, end = scope.span
    taken = [(m.start, m.end) for m in scope.mentions.items if m.kind in ("email", "url")]
    for match in _PATH.finditer(scope.text, start, end):
        a, b = match.span()
        if any(x < b and a < y for x, y in taken) or not scope.free(a, b):
            continue
        scope.claim(a, b)
        scope.last_kind = "path"
        return match.group(), match.group()
    return None

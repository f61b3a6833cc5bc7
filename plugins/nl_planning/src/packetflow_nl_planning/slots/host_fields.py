"""Host fields: a field for a machine or a domain (``format`` hostname / ipv4 / ipv6, or named
``host``, ``hostname``, ``domain``, ``ip``, ``server``) takes a word shaped like one - an IPv4
address ("10.0.0.5") or a dotted domain name ("shop.example.com") - never the words around it;
a field with no such word is filled as free text."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..schema import FieldSpec

__all__ = ["HOST_FORMATS", "HOST_WORDS", "fill_host"]

HOST_FORMATS = frozenset(("hostname", "idn-hostname", "ipv4", "ipv6"))
HOST_WORDS = frozenset(("host", "hostname", "domain", "ip", "server"))
_HOST = re.compile(
    r"(?<![\w.@/-])(?:(?:\d{1,3}\.){3}\d{1,3}"  # 10.0.0.5
    r"|(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63})(?![\w@/-]|\.\w)"
)


def fill_host(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The first free host-shaped word of the clause (not part of an email or a URL)."""
    start, end = scope.span
    # A bare domain is read as a link too ("shop.example.com"): it is this field's value;
    # a part of a longer link or of an e-mail never is.
    taken = [
        (m.start, m.end)
        for m in scope.mentions.items
        if m.kind == "email" or (m.kind == "url" and "/" in scope.text[m.start : m.end])
    ]
    for match in _HOST.finditer(scope.text, start, end):
        a, b = match.span()
        if any(x < b and a < y for x, y in taken) or not scope.free(a, b):
            continue
        for m in scope.mentions.items:
            if m.kind == "url" and (m.start, m.end) == (a, b):
                scope.take(m)
        if not any(c.isdigit() for c in match.group()) and "." not in match.group():
            continue
        scope.claim(a, b)
        scope.last_kind = "host"
        return match.group(), match.group()
    return None

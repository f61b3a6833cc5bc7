"""The plan cache: a bounded LRU of finished plans (and refusals).

Keyed by the normalised text (case, spacing and end punctuation ignored), ``today``,
``max_steps``, the registry version, the evidence version and the caller's scopes; the module
also clears it on every registry change event. Overflow policy: the least recently used plan
is dropped. A cached plan is a frozen copy: callers get their own dicts.
"""

from __future__ import annotations

import copy
import re
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

__all__ = ["PlanCache", "normalize_key"]

_SPACE = re.compile(r"\s+")


def normalize_key(text: str) -> str:
    """The text as the cache sees it: "  Refund order 12! " and "refund order 12" are one."""
    return _SPACE.sub(" ", text.strip().lower()).rstrip(" .!?")


class PlanCache:
    """LRU of ``key -> value``; ``size`` 0 disables it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> Any | None:
        """A copy of the cached value, or ``None``."""
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return copy.deepcopy(found)

    def put(self, key: Hashable, value: Any) -> None:
        if self.size <= 0:
            return
        self._items[key] = copy.deepcopy(value)
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

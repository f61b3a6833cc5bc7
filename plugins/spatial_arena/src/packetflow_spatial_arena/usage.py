"""Co-usage: which capabilities work together, as a bounded table of weighted edges.

Two capabilities are *co-used* when one completes right after the other in the same trace:
consecutive steps of one composition run (they share the run's trace id), or consecutive
calls a client makes under one ``trace_id``. Every completed request is one *observation*.

Bounds and overflow policies (all counted, never unbounded):

- observations wait for the next tick in a ring of ``max_observations``; when it is full the
  oldest is dropped (``dropped_observations``);
- the last capability of at most ``max_traces`` traces is remembered; the least recently
  seen trace is forgotten first;
- at most ``max_edges`` edges are kept: every tick multiplies each weight by ``edge_decay``,
  drops edges that fell below ``MIN_WEIGHT``, and then, if still too many, evicts the weakest
  (ties: the pair that sorts last).

Only :meth:`CoUsage.tick` touches the edges, and it runs in the physics worker thread; the
event loop only appends observations (``collections.deque`` appends are thread-safe) and
reads the published :attr:`CoUsage.view`.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict, deque
from collections.abc import Iterable

__all__ = ["MIN_WEIGHT", "CoUsage", "Edge"]

MIN_WEIGHT = 0.01
Edge = tuple[str, str, float]


class CoUsage:
    """The co-usage table (see the module docstring for its bounds)."""

    def __init__(
        self, *, max_edges: int, decay: float, max_traces: int, max_observations: int
    ) -> None:
        self.max_edges = max_edges
        self.decay = decay
        self.max_traces = max_traces
        self.observations: deque[tuple[str, str]] = deque(maxlen=max_observations)
        self.dropped_observations = 0
        self.evicted_edges = 0
        self.edges: dict[tuple[str, str], float] = {}
        self._last: OrderedDict[str, str] = OrderedDict()
        self._forget: deque[str] = deque()
        self.view: tuple[Edge, ...] = ()

    def observe(self, trace_id: str, capability: str) -> None:
        """Record one completed request (the event loop's hot path: an append)."""
        observations = self.observations
        if len(observations) == observations.maxlen:
            self.dropped_observations += 1
        observations.append((trace_id, capability))

    def forget(self, name: str) -> None:
        """Drop ``name``'s edges at the next tick (it was unregistered)."""
        self._forget.append(name)

    def load(self, edges: Iterable[Edge]) -> None:
        """Restore persisted edges (before the first tick)."""
        for a, b, weight in edges:
            if a != b and weight >= MIN_WEIGHT:
                self.edges[(a, b) if a < b else (b, a)] = float(weight)
        self._bound()
        self.view = self.top()

    def tick(self) -> int:
        """Take in the waiting observations, decay, bound; returns how many were taken."""
        taken = 0
        edges, last = self.edges, self._last
        while self._forget:
            gone = self._forget.popleft()
            for pair in [p for p in edges if gone in p]:
                del edges[pair]
        observations = self.observations
        while observations:
            try:
                trace, cap = observations.popleft()
            except IndexError:  # drained by a concurrent tick (never happens; be safe)
                break
            taken += 1
            previous = last.get(trace)
            if previous is not None:
                last.move_to_end(trace)
                if previous != cap:
                    pair = (previous, cap) if previous < cap else (cap, previous)
                    edges[pair] = edges.get(pair, 0.0) + 1.0
            elif len(last) >= self.max_traces:
                last.popitem(last=False)
            last[trace] = cap
        if self.decay < 1.0:
            for pair, weight in list(edges.items()):
                weight *= self.decay
                if weight < MIN_WEIGHT:
                    del edges[pair]
                else:
                    edges[pair] = weight
        self._bound()
        self.view = self.top()
        return taken

    def _bound(self) -> None:
        extra = len(self.edges) - self.max_edges
        if extra > 0:
            weakest = heapq.nsmallest(
                extra, self.edges.items(), key=lambda item: (item[1], _reverse(item[0]))
            )
            for pair, _ in weakest:
                del self.edges[pair]
            self.evicted_edges += extra

    def top(self, limit: int | None = None) -> tuple[Edge, ...]:
        """Edges by weight, strongest first (ties by name)."""
        ordered = sorted(self.edges.items(), key=lambda item: (-item[1], item[0]))
        if limit is not None:
            ordered = ordered[:limit]
        return tuple((a, b, w) for (a, b), w in ordered)


def _reverse(pair: tuple[str, str]) -> tuple[int, ...]:
    # Among equal weights evict the pair that sorts last: negate the code points.
    return tuple(-ord(ch) for ch in pair[0] + "\0" + pair[1])

"""Co-usage: which capabilities work together, as a bounded table of weighted edges.

Two capabilities are *co-used* when one completes right after the other: consecutive steps
of one composition run, or consecutive calls a client makes under one ``trace_id`` (the
module keys steps by their run, so a composition is not tied to its own last step). Every
completed request is one *observation*.

Bounds and overflow policies (all counted, never unbounded):

- observations wait for the next tick in a ring of ``max_observations``; when it is full the
  oldest is dropped (``dropped_observations``);
- the last capability of at most ``max_traces`` traces is remembered; the least recently
  seen trace is forgotten first;
- at most ``max_edges`` edges are kept: every tick multiplies each weight by ``edge_decay``,
  edges that fell below ``MIN_WEIGHT`` are dropped, and beyond ``max_edges`` the weakest are
  evicted (ties: the pair that sorts last; ``evicted_edges``).

Decay is lazy: weights are stored divided by a running ``scale`` that each tick multiplies
by ``edge_decay``, so a quiet tick costs O(1) instead of a pass over every edge (the stored
values are renormalised, and faded edges swept, every ``SWEEP_EVERY`` ticks).

Only :meth:`CoUsage.tick` touches the edges, and it runs in the physics worker thread; the
event loop only appends observations (``collections.deque`` appends are thread-safe) and
reads the published :attr:`CoUsage.view`.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict, deque
from collections.abc import Iterable

__all__ = ["MIN_WEIGHT", "SWEEP_EVERY", "CoUsage", "Edge"]

MIN_WEIGHT = 0.01
SWEEP_EVERY = 32
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
        self.observed = 0  # appended so far (dropped = observed - taken - waiting)
        self.taken = 0
        self.evicted_edges = 0
        self.version = 0  # changes whenever the set of edges or their proportions change
        self._edges: dict[tuple[str, str], float] = {}  # pair -> weight / scale
        self._scale = 1.0
        self._ticks = 0
        self._last: OrderedDict[str, str] = OrderedDict()
        self._forget: deque[str] = deque()
        # The edges in order as of the last change, and the scale they were taken at.
        self.ordered: tuple[Edge, ...] = ()
        self._ordered_scale = 1.0

    @property
    def view(self) -> tuple[Edge, ...]:
        """The edges with their current weights, strongest first (ties by name)."""
        factor = self._scale / self._ordered_scale
        if factor == 1.0:
            return self.ordered
        # edges that faded since the last sweep are no longer shown
        return tuple((a, b, w * factor) for a, b, w in self.ordered if w * factor >= MIN_WEIGHT)

    @property
    def dropped_observations(self) -> int:
        return max(0, self.observed - self.taken - len(self.observations))

    def observe(self, trace_id: str, capability: str) -> None:
        """Record one completed request (the event loop's hot path: an append)."""
        self.observed += 1
        self.observations.append((trace_id, capability))

    def forget(self, name: str) -> None:
        """Drop ``name``'s edges at the next tick (it was unregistered)."""
        self._forget.append(name)

    def load(self, edges: Iterable[Edge]) -> None:
        """Restore persisted edges (before the first tick)."""
        for a, b, weight in edges:
            if a != b and weight >= MIN_WEIGHT:
                self._edges[(a, b) if a < b else (b, a)] = float(weight) / self._scale
        self._bound()
        self._publish()

    def weights(self) -> dict[tuple[str, str], float]:
        """The current weights (for tests and inspection; the tick uses :attr:`view`)."""
        return {pair: stored * self._scale for pair, stored in self._edges.items()}

    def tick(self) -> int:
        """Take in the waiting observations, decay, bound; returns how many were taken."""
        changed = False
        edges, last = self._edges, self._last
        while self._forget:
            gone = self._forget.popleft()
            for pair in [p for p in edges if gone in p]:
                del edges[pair]
                changed = True
        taken = 0
        unit = 1.0 / self._scale
        observations = self.observations
        while observations:
            trace, cap = observations.popleft()
            taken += 1
            previous = last.get(trace)
            if previous is not None:
                last.move_to_end(trace)
                if previous != cap:
                    pair = (previous, cap) if previous < cap else (cap, previous)
                    edges[pair] = edges.get(pair, 0.0) + unit
                    changed = True
            elif len(last) >= self.max_traces:
                last.popitem(last=False)
            last[trace] = cap
        self.taken += taken
        self._scale *= self.decay
        self._ticks += 1
        if self._ticks % SWEEP_EVERY == 0 or self._scale < 1e-12:
            changed |= self._sweep()
        if changed:
            self._bound()
            self._publish()
        return taken

    def _sweep(self) -> bool:
        """Renormalise the stored weights and drop the faded edges."""
        scale, edges = self._scale, self._edges
        faded = [pair for pair, stored in edges.items() if stored * scale < MIN_WEIGHT]
        for pair in faded:
            del edges[pair]
        for pair in edges:
            edges[pair] *= scale
        self._scale = 1.0
        self._ordered_scale /= scale  # keeps view = ordered x (scale / ordered_scale) true
        return bool(faded)

    def _bound(self) -> bool:
        extra = len(self._edges) - self.max_edges
        if extra <= 0:
            return False
        weakest = heapq.nsmallest(
            extra, self._edges.items(), key=lambda item: (item[1], _reverse(item[0]))
        )
        for pair, _ in weakest:
            del self._edges[pair]
        self.evicted_edges += extra
        return True

    def _publish(self) -> None:
        """Refresh :attr:`ordered` after a change. A tick that only decays needs nothing:
        every weight shrinks by the same factor, so the order and the proportions the
        physics uses stay (:attr:`view` applies the factor when read)."""
        scale = self._scale
        ordered = sorted(self._edges.items(), key=lambda item: (-item[1], item[0]))
        self.ordered = tuple((a, b, stored * scale) for (a, b), stored in ordered)
        self._ordered_scale = scale
        self.version += 1


def _reverse(pair: tuple[str, str]) -> tuple[int, ...]:
    # Among equal weights evict the pair that sorts last: negate the code points.
    return tuple(-ord(ch) for ch in pair[0] + "\0" + pair[1])

"""The request path: what the module's request and response hooks do for every request and
composition step. Kept lean; this is what the cache benchmarks measure.

Each request the module sees gets a pending entry on a per-task stack (a request, its steps
and nested calls run in one trio task and unwind in order; the request id cannot pair them,
in-process requests all have id ``""``). The response hook pops it, records the outcome in the
history, and stores a result / lands a single-flight leader.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeAlias

import pydantic_core
import trio
from pydantic import ValidationError

import packetflow as pf

from .cache import CacheKey, ResultCache
from .config import OptimizationConfig
from .flights import Flight, Flights
from .hints import OWN_PREFIX
from .history import History
from .keys import FLAT, Stored, Unkeyable
from .models import Models
from .policy import Policy

__all__ = ["Tracker"]

log = logging.getLogger("packetflow.adaptive_optimization")

MAX_PENDING = 100_000  # tasks with a request in progress; beyond, the oldest is forgotten
FOLD_BATCH = 512  # new records that wake the model fold early

PLAIN, HIT, LEADER, MISS, FOLLOWER = range(5)

# A pending entry is a list (building one costs a tenth of an object's __init__, and there is
# one per request): [name, version, started, step, inflight, kind, key, hash]. A leader's
# entry is also its single-flight token.
NAME, VERSION, STARTED, STEP, INFLIGHT, KIND, KEY, HASH = range(8)
Pending: TypeAlias = list[Any]

# The metadata of an answer from the cache: a hit, or a leader's result shared by single-flight.
HIT, SHARED = 0, 1
_ANSWERS = ({"cache_hit": True}, {"cache_hit": True, "single_flight": True})


class Tracker:
    """The hot path of the module, shared by its hooks and its capabilities."""

    def __init__(
        self,
        node: pf.Node,
        config: OptimizationConfig,
        models: Models,
        on_fold_due: Callable[[], None],
    ) -> None:
        self.node = node
        self.config = config
        self.models = models
        self.history = History(config.history_size)
        self.cache = ResultCache(config.ttl, config.max_entries, config.max_bytes)
        self.flights = Flights(limit=MAX_PENDING)
        self.policies: dict[str | None, Policy | None] = {}
        self.pending: dict[object, list[Pending]] = {}
        self.inflight: dict[str, int] = {}
        self.refused: dict[str, int] = {}  # reason -> payloads/results not cached
        self._warned: set[tuple[str, str]] = set()
        self._fold_due = on_fold_due
        self._lookup = node.registry.lookup
        self._context_keys = tuple(config.context_keys)
        # trio.current_time() looks the clock up on every call; the clock of a run is fixed
        # (a MockClock in tests is this same object).
        self._now = trio.lowlevel.current_clock().current_time
        self._task = trio.lowlevel.current_task

    # -- policies ----------------------------------------------------------------------------

    def policy(self, name: str | None) -> Policy | None:
        """The policy of capability ``name`` (``None``: unknown, nothing to do)."""
        if name in self.policies:
            return self.policies[name]
        cap = self._lookup(name) if name else None
        found = None
        if cap is not None and not cap.name.startswith(OWN_PREFIX):
            cluster = getattr(self.node, "cluster", None)
            found = Policy(cap, self.config, self.models.get(cap.name), cluster)
        if len(self.policies) > 4 * self.config.max_models:
            self.policies.clear()
        self.policies[name] = found
        return found

    def forget(self, name: str | None = None) -> None:
        """Drop decided policies (all, or one capability's: it was registered again)."""
        if name is None:
            self.policies.clear()
        else:
            self.policies.pop(name, None)

    def refresh(self, names: set[str]) -> None:
        """Decide again for the capabilities whose models changed (every policy when the node
        has a cluster, whose peers change on their own). Keys and codecs are kept: they
        depend on the capability version only."""
        cluster = getattr(self.node, "cluster", None)
        models = self.models
        for name, policy in self.policies.items():
            if policy is not None and (cluster is not None or name in names):
                policy.decide(models.get(policy.cap.name), cluster)

    # -- the request hook ------------------------------------------------------------------------

    def on_request(self, request: Any, context: pf.Context) -> pf.Decision | None:
        name = request.capability_id
        policy = self.policies.get(name, _UNSET)
        if policy is _UNSET:
            policy = self.policy(name)
        if policy is None:
            return None
        now = self._now()
        step = request.metadata.get("step")
        key: CacheKey | None = None
        if policy.cacheable and request.type == "capability_request":
            key = self._key(policy, request, context)
            if key is not None:
                stored = self.cache.get(key, now)
                if stored is not None:  # answered now: recorded now, nothing to pair later
                    self._record(now, name, policy.version, 0.0, "hit", hash(key[2]), context,
                                 step, 0)  # fmt: skip
                    return self._respond(policy, stored, HIT)
        entry: Pending = [name, policy.version, now, step, 0, PLAIN, key,
                          None if key is None else hash(key[2])]  # fmt: skip
        decision = None if key is None else self._miss(policy, request, entry, key)
        inflight = entry[INFLIGHT] = self.inflight.get(name, 0) + 1
        self.inflight[name] = inflight
        task = self._task()
        stack = self.pending.get(task)
        if stack is None:
            if len(self.pending) >= MAX_PENDING:
                self._forget_oldest()
            stack = self.pending[task] = []
        stack.append(entry)
        if decision is None and policy.annotation is not None:
            decision = policy.annotation  # the hints, as top-level fields of the request
        return decision

    def _key(self, policy: Policy, request: Any, context: pf.Context) -> CacheKey | None:
        """The cache key of ``request``; ``None`` when it must not be cached or served from
        the cache (invalid, unkeyable, or not authorized)."""
        assert policy.keys is not None
        try:
            raw = policy.keys.payload(request.payload)
        except ValidationError:
            return None  # the execution answers E422
        except Unkeyable as exc:
            self._refuse(policy.cap.name, exc)
            return None
        cap = policy.cap
        if cap.authorize is not None:
            try:
                cap.check_authorized(context)
            except pf.errors.ForbiddenError:
                return None  # the execution answers E403; never serve it from the cache
        extra = self._context_part(context) if self._context_keys else b""
        return (cap.name, policy.version, raw, extra)

    def _respond(self, policy: Policy, stored: Stored, which: int) -> pf.Respond:
        """Answer with ``stored`` and the metadata ``_ANSWERS[which]`` (a hit, or a result
        shared by single-flight): the chain builds the response for the request from a copy
        of the payload, which is all a flat snapshot needs (so its decision is built once);
        anything else the codec copies or rebuilds first."""
        metadata = _ANSWERS[which]
        if stored.kind != FLAT:
            assert policy.codec is not None
            return pf.Respond(policy.codec.decode(stored), metadata=metadata)
        answers = stored.answers
        if answers is None:
            answers = stored.answers = [None, None]
        answer = answers[which]
        if answer is None:
            answer = answers[which] = pf.Respond(stored.value, metadata=metadata)
        return answer

    def _miss(
        self, policy: Policy, request: Any, entry: Pending, key: CacheKey
    ) -> pf.Decision | None:
        """Not in the cache: lead a flight, follow one in the air, or just run."""
        if not self.config.single_flight:
            entry[KIND] = MISS
            return None
        flights = self.flights
        found = flights.get(key)
        if found is None:
            entry[KIND] = LEADER if flights.lead(key, entry) else MISS
            return None
        flight = flights.follow(key, found)
        if flight is None:
            entry[KIND] = MISS
            return None
        entry[KIND] = FOLLOWER
        # Wait for the leader inside the (plain def) request hook: pf.Defer makes the chain
        # await it under this module's hook deadline, so only followers pay for a wait.
        return pf.Defer(self._follow(flight, request, policy))

    async def _follow(self, flight: Flight, request: Any, policy: Policy) -> pf.Respond | None:
        """A follower: the leader's result (``Respond``), or ``None`` to run itself when the
        leader failed, was cancelled or is slower than ``single_flight_wait`` (never beyond
        the request's own deadline)."""
        wait = self.config.single_flight_wait
        timeout_ms = request.metadata.get("timeout_ms")
        if isinstance(timeout_ms, int | float) and timeout_ms > 0:
            wait = min(wait, timeout_ms / 1000)
        try:
            stored = await flight.wait(wait)
        finally:
            self.flights.unfollow(flight)
        if stored is None or policy.codec is None:
            self.flights.released += 1
            return None
        self.flights.shared += 1
        return self._respond(policy, stored, SHARED)

    def _context_part(self, context: pf.Context) -> bytes:
        values = [getattr(context, key, None) for key in self._context_keys]
        try:
            return pydantic_core.to_json(values)
        except pydantic_core.PydanticSerializationError:
            return repr(values).encode()

    # -- the response hook ----------------------------------------------------------------------

    def on_response(self, response: Any, context: pf.Context) -> pf.Decision | None:
        task = self._task()
        stack = self.pending.get(task)
        if not stack:
            return None
        entry = stack[-1]
        name, kind = entry[NAME], entry[KIND]
        if response.capability_id != name:
            return None  # short-circuited before this module's request hook: not ours
        stack.pop()
        if not stack:
            del self.pending[task]
        left = self.inflight.get(name, 1) - 1
        if left > 0:
            self.inflight[name] = left
        else:
            self.inflight.pop(name, None)
        now = self._now()
        ok = response.type == "capability_response"
        outcome = "ok" if ok else response.error.code
        if kind in (LEADER, MISS):
            self._store(entry, response.payload if ok else None, now)
        elif kind == FOLLOWER and ok and response.metadata.get("single_flight"):
            outcome = "shared"
        self._record(now, name, entry[VERSION], (now - entry[STARTED]) * 1000, outcome,
                     entry[HASH], context, entry[STEP], entry[INFLIGHT])  # fmt: skip
        return None

    def _record(
        self,
        now: float,
        name: str,
        version: str,
        duration_ms: float,
        outcome: str,
        payload_hash: int | None,
        context: pf.Context,
        step: str | None,
        inflight: int,
    ) -> None:
        """One history record (the layout of :data:`~.history.Raw`)."""
        history = self.history
        caller = hash((context.user_id, context.session_id))
        history.raw.append(
            (now, name, version, duration_ms, outcome, payload_hash, caller, step, inflight)
        )
        history.total += 1
        if history.total - history.folded == FOLD_BATCH:  # once per batch, not every record
            self._fold_due()

    def _store(self, entry: Pending, payload: dict[str, Any] | None, now: float) -> None:
        stored: Stored | None = None
        key = entry[KEY]
        if payload is not None and key is not None:
            policy = self.policies.get(entry[NAME])
            codec = policy.codec if policy is not None else None
            # the policy of the version that ran (a re-registration in between forgot it)
            if codec is not None and policy is not None and policy.version == entry[VERSION]:
                try:
                    stored = codec.encode(payload)
                except Unkeyable as exc:
                    self._refuse(entry[NAME], exc)
                else:
                    self.cache.put(key, stored, now)
        if entry[KIND] == LEADER:
            self.flights.land(key, entry, stored)

    def _refuse(self, name: str, exc: Unkeyable) -> None:
        self.refused[exc.reason] = self.refused.get(exc.reason, 0) + 1
        if (name, exc.reason) not in self._warned and len(self._warned) < 10_000:
            self._warned.add((name, exc.reason))
            log.warning(
                "adaptive_optimization: capability %r: not cached (%s): %s; further cases are "
                "only counted (stats: not_cached)", name, exc.reason, exc,
            )  # fmt: skip

    def _forget_oldest(self) -> None:
        task = next(iter(self.pending))
        for entry in self.pending.pop(task):
            if entry[KIND] == LEADER:
                self.flights.land(entry[KEY], entry, None)

    def describe(self) -> dict[str, Any]:
        return {
            "cache": self.cache.describe(),
            "not_cached": dict(self.refused),
            "single_flight": {
                "in_flight": len(self.flights),
                "shared": self.flights.shared,
                "released": self.flights.released,
            },
            "history": {
                "records": len(self.history.raw),
                "capacity": self.history.capacity,
                "total": self.history.total,
                "dropped_before_fold": self.models.dropped_records,
            },
        }


_UNSET: Any = object()

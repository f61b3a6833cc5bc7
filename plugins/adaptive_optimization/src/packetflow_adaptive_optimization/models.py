"""Per-capability cost models learned from the history: latency (EWMA and p50/p95 over a
window of recent durations), error rate, call rate, cache hits and contention. Saved as JSON
under the node's data dir so a restart keeps them.
"""

from __future__ import annotations

import json
import math
import os
import statistics
from collections import OrderedDict, deque
from pathlib import Path
from typing import Any

from .history import Raw

__all__ = ["OVERLOAD", "CapabilityModel", "Models"]

FORMAT = 1
OVERLOAD = frozenset({"E429", "E503"})  # codes meaning "too much at once"
_RATE_WINDOW = 64  # arrivals behind the call rate
_OVERLOAD_SHARE = 0.05  # recent outcomes that are overloads before a capability is contended


class CapabilityModel:
    """What the module knows about one capability (durations in milliseconds)."""

    __slots__ = (
        "_quantiles",
        "arrivals",
        "calls",
        "codes",
        "errors",
        "ewma_ms",
        "hits",
        "last_seen",
        "name",
        "outcomes",
        "overload_inflight",
        "shared",
        "version",
        "window",
    )

    def __init__(self, name: str, version: str, window: int) -> None:
        self.name = name
        self.version = version
        self.calls = 0  # executions (hits and shared results excluded)
        self.errors = 0
        self.hits = 0
        self.shared = 0
        self.ewma_ms: float | None = None
        self.window: deque[float] = deque(maxlen=window)  # successful durations
        self.outcomes: deque[str] = deque(maxlen=window)  # "ok" or a code, executions only
        self.codes: dict[str, int] = {}
        self.arrivals: deque[float] = deque(maxlen=_RATE_WINDOW)
        self.overload_inflight: int | None = None  # lowest concurrency that got an overload
        self.last_seen = 0.0
        self._quantiles: tuple[float, float] | None = None

    def observe(self, raw: Raw, alpha: float) -> None:
        at, _, _, duration, outcome, _, _, _, inflight = raw
        self.last_seen = at
        self.arrivals.append(at)
        if outcome == "hit":
            self.hits += 1
            return
        if outcome == "shared":
            self.shared += 1
            return
        self.calls += 1
        self.outcomes.append(outcome)
        if outcome != "ok":
            self.errors += 1
            self.codes[outcome] = self.codes.get(outcome, 0) + 1
            if outcome in OVERLOAD:
                low = self.overload_inflight
                self.overload_inflight = inflight if low is None else min(low, inflight)
            return
        self.window.append(duration)
        self._quantiles = None
        ewma = self.ewma_ms
        self.ewma_ms = duration if ewma is None else ewma + alpha * (duration - ewma)

    # -- derived figures -----------------------------------------------------------------

    @property
    def samples(self) -> int:
        return len(self.window)

    def quantiles(self) -> tuple[float, float]:
        """(p50, p95) of the recent successful durations (0.0 when none)."""
        if self._quantiles is None:
            data = list(self.window)
            if len(data) < 2:
                value = data[0] if data else 0.0
                self._quantiles = (value, value)
            else:
                cuts = statistics.quantiles(data, n=100, method="inclusive")
                self._quantiles = (cuts[49], cuts[94])
        return self._quantiles

    @property
    def error_rate(self) -> float:
        """Share of the recent executions that failed."""
        if not self.outcomes:
            return 0.0
        return sum(outcome != "ok" for outcome in self.outcomes) / len(self.outcomes)

    @property
    def call_rate(self) -> float:
        """Requests per second over the recent arrivals (0.0 with fewer than two)."""
        if len(self.arrivals) < 2:
            return 0.0
        span = self.arrivals[-1] - self.arrivals[0]
        return (len(self.arrivals) - 1) / span if span > 0 else math.inf

    @property
    def allowed_concurrency(self) -> int | None:
        """How many may run at once without overloading it, when it has been overloaded
        recently (half the lowest concurrency that got E429/E503); ``None`` otherwise."""
        if self.overload_inflight is None or not self.outcomes:
            return None
        overloads = sum(outcome in OVERLOAD for outcome in self.outcomes)
        if overloads / len(self.outcomes) < _OVERLOAD_SHARE:
            return None
        return max(1, self.overload_inflight // 2)

    def describe(self) -> dict[str, Any]:
        p50, p95 = self.quantiles()
        return {
            "version": self.version,
            "calls": self.calls,
            "errors": self.errors,
            "error_rate": round(self.error_rate, 4),
            "codes": dict(self.codes),
            "hits": self.hits,
            "shared": self.shared,
            "call_rate_per_s": round(self.call_rate, 3) if math.isfinite(self.call_rate) else None,
            "ewma_ms": None if self.ewma_ms is None else round(self.ewma_ms, 3),
            "p50_ms": round(p50, 3),
            "p95_ms": round(p95, 3),
            "samples": self.samples,
            "allowed_concurrency": self.allowed_concurrency,
        }

    # -- persistence -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "calls": self.calls,
            "errors": self.errors,
            "hits": self.hits,
            "shared": self.shared,
            "ewma_ms": self.ewma_ms,
            "window": list(self.window),
            "outcomes": list(self.outcomes),
            "codes": self.codes,
            "overload_inflight": self.overload_inflight,
        }

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any], window: int) -> CapabilityModel:
        model = cls(name, str(data["version"]), window)
        model.calls = int(data["calls"])
        model.errors = int(data["errors"])
        model.hits = int(data.get("hits", 0))
        model.shared = int(data.get("shared", 0))
        ewma = data.get("ewma_ms")
        model.ewma_ms = None if ewma is None else float(ewma)
        model.window.extend(float(v) for v in data.get("window", ()))
        model.outcomes.extend(str(v) for v in data.get("outcomes", ()))
        model.codes = {str(k): int(v) for k, v in data.get("codes", {}).items()}
        inflight = data.get("overload_inflight")
        model.overload_inflight = None if inflight is None else int(inflight)
        return model


class Models:
    """Every capability's model, bounded (the least recently seen is dropped first)."""

    def __init__(self, window: int, alpha: float, max_models: int) -> None:
        self.window = window
        self.alpha = alpha
        self.max_models = max_models
        self._models: OrderedDict[str, CapabilityModel] = OrderedDict()
        self.dropped_records = 0
        self.contention_version = 0  # changes whenever some allowed_concurrency changes
        self._contention: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._models)

    def get(self, name: str) -> CapabilityModel | None:
        return self._models.get(name)

    def items(self) -> list[tuple[str, CapabilityModel]]:
        return sorted(self._models.items())

    def fold(self, records: list[Raw], lost: int = 0) -> set[str]:
        """Learn from new history records (``lost``: records overwritten before this fold);
        returns the names of the capabilities whose models changed."""
        self.dropped_records += lost
        models = self._models
        changed: set[str] = set()
        for raw in records:
            name, version = raw[1], raw[2]
            model = models.get(name)
            if model is None or model.version != version:
                # a new capability, or a new version of it: its old costs no longer apply
                model = models[name] = CapabilityModel(name, version, self.window)
                if len(models) > self.max_models:
                    models.popitem(last=False)
            else:
                models.move_to_end(name)
            model.observe(raw, self.alpha)
            changed.add(name)
        self._update_contention()
        return changed

    def _update_contention(self) -> None:
        contention = {
            name: allowed
            for name, model in self._models.items()
            if (allowed := model.allowed_concurrency) is not None
        }
        if contention != self._contention:
            self._contention = contention
            self.contention_version += 1

    def allowed_concurrency(self, name: str) -> int | None:
        return self._contention.get(name)

    # -- persistence -----------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write every model to ``path`` atomically (a temporary file, then a rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "format": FORMAT,
            "models": {name: model.to_dict() for name, model in self._models.items()},
        }
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document), encoding="utf-8")
        os.replace(temporary, path)

    def load(self, path: Path) -> int:
        """Read models saved by :meth:`save`; returns how many were loaded.

        Raises:
            ValueError: the file is not a models document of this format.
        """
        if not path.is_file():
            return 0
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            if document.get("format") != FORMAT:
                raise ValueError(f"format {document.get('format')!r}, expected {FORMAT}")
            models = {
                str(name): CapabilityModel.from_dict(str(name), data, self.window)
                for name, data in document["models"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"models file {str(path)!r} is unreadable: {exc}") from exc
        for name, model in list(models.items())[-self.max_models :]:
            self._models[name] = model
        self._update_contention()
        return len(models)

"""One registered module: its class, resolved policy, live instance, status and counters, and
the :class:`ModuleInfo` snapshot that ``node.modules.list_active()`` and the CLI show (and
:class:`ModuleHostStatistics`, what ``node.modules.statistics()`` returns)."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any, Literal

from ..hookspecs import HOOKS
from .config import ModuleSettings, OnError

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

    from .module import Module

__all__ = [
    "LATENCY_WINDOW",
    "ModuleHostStatistics",
    "ModuleInfo",
    "ModuleSlot",
    "Origin",
    "Policy",
    "Status",
]

Status = Literal[
    "starting",
    "active",
    "degraded",
    "quarantined",
    "failed",
    "stopped",
    "failed_to_load",
    "disabled",
]

LATENCY_WINDOW = 1024  # hook latency samples kept per module (a power of two: see record)
_MASK = LATENCY_WINDOW - 1


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a module comes from: its distribution (``None`` for inline classes)."""

    distribution: str | None = None
    version: str | None = None
    entry_point: str | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    """A module's effective settings: class defaults overridden by its ``[[modules]]`` entry."""

    priority: int
    hook_timeout: float
    on_error: OnError
    only: tuple[str, ...]
    exclude: tuple[str, ...]
    max_failures: int
    failure_window: float
    max_restarts: int
    restart_backoff: float

    @classmethod
    def resolve(cls, module: type[Module], settings: ModuleSettings) -> Policy:
        def pick(key: str) -> Any:
            value = getattr(settings, key)
            return getattr(module, key) if value is None else value

        return cls(
            priority=int(pick("priority")),
            hook_timeout=float(pick("hook_timeout")),
            on_error=pick("on_error"),
            only=tuple(pick("only")),
            exclude=tuple(pick("exclude")),
            max_failures=int(pick("max_failures")),
            failure_window=float(pick("failure_window")),
            max_restarts=int(pick("max_restarts")),
            restart_backoff=float(pick("restart_backoff")),
        )

    @property
    def scoped(self) -> bool:
        return bool(self.only or self.exclude)

    def applies_to(self, capability: str | None) -> bool:
        """Whether the module's hooks run for ``capability`` (``only``/``exclude`` globs)."""
        name = capability or ""
        if self.only and not any(fnmatchcase(name, glob) for glob in self.only):
            return False
        return not any(fnmatchcase(name, glob) for glob in self.exclude)


@dataclass(frozen=True, slots=True)
class ModuleInfo:
    """What ``node.modules.list_active()`` and ``packetflow modules list`` report per module.

    Latencies are in milliseconds over the last :data:`LATENCY_WINDOW` hook calls.
    """

    name: str
    priority: int
    status: Status
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    error: str | None = None
    calls: int = 0
    errors: int = 0
    timeouts: int = 0
    restarts: int = 0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    hook_timeout: float | None = None  # seconds one hook call may take (its resolved policy)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["hooks"] = list(self.hooks)
        return data


@dataclass(frozen=True, slots=True)
class ModuleHostStatistics:
    """``node.modules.statistics()``: a frozen snapshot of the module host.

    Attributes:
        modules: every known module by name (what :meth:`ModuleHost.info` returns: status,
            calls, errors, timeouts, restarts, p50/p99 hook latency).
        active: the modules in the chain, in request order.
        requests_in_flight: requests running through the current chain.
        draining_chains: replaced chains (after a register, reload, disable, quarantine...)
            still serving the requests that started on them.
    """

    modules: Mapping[str, ModuleInfo]
    active: tuple[str, ...]
    requests_in_flight: int
    draining_chains: int


class ModuleSlot:
    """The host's record of one module. The chain's hot path writes only ``calls`` and
    ``samples``; everything else changes on the slow path (failures, lifecycle)."""

    __slots__ = (
        "calls",
        "cls",
        "config",
        "errors",
        "failures",
        "hooks",
        "instance",
        "load_error",
        "name",
        "origin",
        "policy",
        "restart_times",
        "restarts",
        "sampled",
        "samples",
        "settings",
        "shared",
        "status",
        "timeouts",
    )

    def __init__(
        self,
        name: str,
        cls: type[Module] | None,
        *,
        settings: ModuleSettings | None = None,
        policy: Policy | None = None,
        config: BaseModel | None = None,
        origin: Origin = Origin(),
        status: Status = "stopped",
        load_error: str | None = None,
    ) -> None:
        self.name = name
        self.cls = cls
        self.settings = settings or ModuleSettings(name=name)
        self.policy = policy
        self.config = config
        self.origin = origin
        self.status: Status = status
        self.load_error = load_error
        self.instance: Module | None = None
        # hook name -> bound callable of the live instance (filled when it starts)
        self.hooks: dict[str, Callable[..., Any]] = {}
        self.calls = 0
        self.sampled = 0  # samples written so far (the ring's write position)
        self.samples = [0.0] * LATENCY_WINDOW
        self.errors = 0
        self.timeouts = 0
        self.restarts = 0
        self.failures: deque[float] = deque()
        self.restart_times: deque[float] = deque()
        self.shared: dict[str, Any] = {}  # host.shared_state(name): survives new instances

    def __repr__(self) -> str:
        return f"<ModuleSlot {self.name!r} {self.status}>"

    @property
    def priority(self) -> int:
        return self.policy.priority if self.policy is not None else 0

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.priority, self.name)

    def hook_names(self) -> tuple[str, ...]:
        """The hooks the module implements (from the live instance, else from its class)."""
        if self.hooks:
            return tuple(h for h in HOOKS if h in self.hooks)
        if self.cls is None:
            return ()
        return tuple(h for h in HOOKS if _is_hookimpl(getattr(self.cls, h, None)))

    def record(self, seconds: float) -> None:
        """Count one call that took ``seconds`` and keep it as a latency sample."""
        self.samples[self.sampled & _MASK] = seconds
        self.sampled += 1
        self.calls += 1

    def info(self, now: float | None = None) -> ModuleInfo:
        """A snapshot; ``now`` (trio time) first drops failures older than the window."""
        if now is not None and self.policy is not None:
            while self.failures and now - self.failures[0] > self.policy.failure_window:
                self.failures.popleft()
        status = self.status
        if status == "active" and self.failures:
            status = "degraded"  # failures inside the window, not yet quarantined
        window = sorted(self.samples[: min(self.sampled, LATENCY_WINDOW)])
        return ModuleInfo(
            name=self.name,
            priority=self.priority,
            status=status,
            version=self.origin.version,
            distribution=self.origin.distribution,
            hooks=self.hook_names(),
            error=self.load_error,
            calls=self.calls,
            errors=self.errors,
            timeouts=self.timeouts,
            restarts=self.restarts,
            p50_ms=_percentile(window, 0.50) * 1000,
            p99_ms=_percentile(window, 0.99) * 1000,
            hook_timeout=self.policy.hook_timeout if self.policy is not None else None,
        )


def _is_hookimpl(obj: object) -> bool:
    from ..hookspecs import PROJECT

    return obj is not None and hasattr(obj, PROJECT + "_impl")


def _percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

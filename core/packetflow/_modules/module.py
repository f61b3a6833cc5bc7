"""The :class:`Module` base class every PacketFlow module subclasses (SPEC 5.1, 9)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from .config import OnError

__all__ = ["Module", "ModuleConfig"]


class ModuleConfig(BaseModel):
    """The default (empty) ``Config`` of a module: any key given for it is an error."""

    model_config = ConfigDict(extra="forbid")


class Module:
    """Base class of modules: a name, a priority, a ``Config`` model and a lifecycle.

    Subclass it, set ``name`` (the entry-point name) and ``priority``, and mark hook methods
    with ``@pf.hookimpl`` (see :mod:`packetflow.hookspecs`). Every class attribute below is a
    default that a ``[[modules]]`` entry may override (``config`` is validated by ``Config``)::

        class HelloModule(pf.Module):
            name = "hello"
            priority = 150
            Config = HelloConfig

            async def start(self, config: HelloConfig, node: pf.Node) -> None:
                self.tag = config.tag

            @pf.hookimpl
            def packetflow_handle_response(self, response, context):
                return None

    A fresh instance is created for every start (first start, restart after a quarantine,
    ``enable``, ``reload``), so state kept on ``self`` is per run.

    Attributes:
        name: the module's name everywhere a user sees it (config, CLI, logs, errors).
        priority: lower runs first on requests and compositions, last on responses.
        Config: the pydantic model that validates the module's ``config`` table.
        requires_modules: modules that must start before this one.
        hook_timeout: seconds one hook call may take before it counts as a timeout.
        on_error: ``"skip"`` (fail-open: count, log, go on) or ``"fail"`` (fail-closed: E502,
            or E408 for a timeout).
        only / exclude: capability globs the module applies to (empty ``only`` means all).
        max_failures / failure_window: failures (errors and timeouts) within the window that
            quarantine the module.
        max_restarts / restart_backoff: restarts allowed after quarantines before the module
            stays ``failed``, and the first backoff delay (doubling, with jitter).
        steps: when true, the module's request and response hooks also fire for every step
            of a composition, not only for the request that started it (admission control,
            step caching). Such a request has ``metadata["step"]`` (the step's node path) and
            ``context.composition`` set; ``Respond`` answers the step with its payload,
            ``Fail`` fails the step, ``Intercept`` may change its payload.
    """

    name: ClassVar[str] = ""
    priority: ClassVar[int] = 100
    Config: ClassVar[type[BaseModel]] = ModuleConfig
    requires_modules: ClassVar[Sequence[str]] = ()
    hook_timeout: ClassVar[float] = 0.25
    on_error: ClassVar[OnError] = "skip"
    only: ClassVar[Sequence[str]] = ()
    exclude: ClassVar[Sequence[str]] = ()
    max_failures: ClassVar[int] = 5
    failure_window: ClassVar[float] = 60.0
    max_restarts: ClassVar[int] = 3
    restart_backoff: ClassVar[float] = 1.0
    steps: ClassVar[bool] = False

    # ``config`` and ``node`` are typed ``Any`` so that a subclass can annotate them
    # precisely (its ``Config`` model, ``pf.Node``): a narrower parameter type is only a valid
    # override of ``Any``. Naming ``Node`` here would also import the node into layer 3
    # (tests/test_layers.py).
    async def start(self, config: Any, node: Any) -> None:
        """Called once before the module's hooks run; ``config`` is a validated ``Config``
        and ``node`` the ``packetflow.Node`` the module runs in.

        Raising here makes the module ``failed_to_load`` (at node start) or counts as a failed
        restart; the node keeps running either way.
        """

    async def stop(self, reason: str) -> None:
        """Called once when the module stops: ``"node_stopping"``, ``"disabled"``,
        ``"unregistered"``, ``"reload"`` or ``"quarantined"``. Shielded from cancellation and
        bounded by the host's stop timeout."""

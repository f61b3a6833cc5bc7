"""From a module class and its config entry to a ready (stopped) slot, and the config
entries no module answers to. Everything a config file can get wrong about one module is
found here, as that module's error (SPEC 5.4), never as a crash of the node."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from .binding import validate_class
from .config import ModulesConfig, ModuleSettings, describe_errors, unknown_keys
from .module import Module
from .slot import ModuleSlot, Origin, Policy
from .suggest import did_you_mean

__all__ = ["prepare_slot", "unmatched_entries"]


def prepare_slot(
    name: str,
    cls: type[Module],
    origin: Origin,
    overrides: Mapping[str, Any],
    config: ModulesConfig | None,
) -> ModuleSlot:
    """Validate ``cls`` with its settings and ``Config`` into a stopped slot; the module's
    ``[[modules]]`` entry in ``config`` (none when ``None``) is merged under ``overrides``.

    Raises:
        TypeError: a hook that does not fit its hookspec (or that this host would ignore).
        ValueError: a bad setting or config value, or an unknown key (with "did you mean").
    """
    validate_class(cls, name)
    from_file = config.entries.get(name, {}) if config is not None else {}
    where = (config.source or "the config") if config is not None and from_file else "the code"
    entry = {**from_file, **overrides, "name": name}
    try:
        settings = ModuleSettings.model_validate(entry)
    except ValidationError as exc:
        raise ValueError(
            f"bad settings for module {name!r}: {describe_errors(exc, ModuleSettings)}; "
            f"fix its [[modules]] entry in {where}"
        ) from None
    try:
        validated = cls.Config.model_validate(settings.config)
        problem = unknown_keys(cls.Config, settings.config)
    except ValidationError as exc:
        problem = describe_errors(exc, cls.Config)
    if problem is not None:
        raise ValueError(
            f"bad config for module {name!r}: {problem}; fix [[modules]].config in {where}"
        )
    policy = Policy.resolve(cls, settings)
    return ModuleSlot(name, cls, settings=settings, policy=policy, config=validated, origin=origin)


def unmatched_entries(config: ModulesConfig, known: Iterable[str]) -> dict[str, str]:
    """``[[modules]]`` entries naming no module in ``known`` (installed entry points and
    registered modules), each with the reason to report as that module's start error."""
    names = set(known)
    where = config.source or "the config"
    return {
        name: (
            f"module {name!r} is configured in {where} but no module of that name is "
            f"installed or registered{did_you_mean(name, names)}; fix the name, or install "
            f"its package (pip install packetflow-module-{name.replace('_', '-')})"
        )
        for name in config.entries
        if name not in names
    }

"""Static module configuration: ``[[modules]]`` in ``packetflow.toml`` or ``[tool.packetflow]``.

::

    disabled = ["spatial_arena"]          # never imported

    [[modules]]
    name = "nl_planning"
    priority = 100                         # overrides the class default
    on_error = "fail"                      # fail-closed: a failure answers E502
    only = ["user_*"]                      # capability globs it applies to
    config = { planner = "lexical" }       # validated by the module's own Config model

Entries stay raw until their module loads: an entry that does not validate (a wrong type, an
unknown key, an unknown key in its ``config``) is an error of that module alone (it shows as
``failed_to_load``, with "did you mean" for a misspelt key), never a crash of the node. A key at
the top level other than ``disabled`` and ``modules`` makes the file invalid.

Which file: an explicit path (``--config PATH``, ``node.modules.configure(path)``), else
``$PACKETFLOW_CONFIG``, else ``./packetflow.toml``, else ``[tool.packetflow]`` of
``./pyproject.toml``.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import MalformedError
from .suggest import did_you_mean

__all__ = [
    "CONFIG_ENV",
    "TOP_LEVEL_KEYS",
    "ModuleSettings",
    "ModulesConfig",
    "OnError",
    "describe_errors",
    "load_config",
    "unknown_keys",
]

CONFIG_ENV = "PACKETFLOW_CONFIG"
"""The module config file when none is named explicitly (``--config`` wins over it)."""

TOP_LEVEL_KEYS = ("disabled", "modules")

log = logging.getLogger("packetflow.modules")

OnError = Literal["skip", "fail"]


class ModuleSettings(BaseModel):
    """One ``[[modules]]`` entry; every field but ``name`` overrides the class default."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    enabled: bool = True
    priority: int | None = None
    config: dict[str, Any] = {}
    hook_timeout: float | None = Field(default=None, gt=0)
    on_error: OnError | None = None
    only: list[str] | None = None
    exclude: list[str] | None = None
    max_failures: int | None = Field(default=None, ge=1)
    failure_window: float | None = Field(default=None, gt=0)
    max_restarts: int | None = Field(default=None, ge=0)
    restart_backoff: float | None = Field(default=None, ge=0)


@dataclass
class ModulesConfig:
    """The module part of the node's config file.

    Attributes:
        entries: raw ``[[modules]]`` tables by module name (validated when the module loads).
        disabled: names blocked before import.
        source: where it was read from (for error messages), or ``None``.
    """

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    source: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str | None = None) -> ModulesConfig:
        """Build from the top-level table of a config file.

        Raises:
            MalformedError: a key other than ``disabled``/``modules``, or either has the wrong
                shape.
        """
        where = source or "the config"
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                raise MalformedError(
                    f"{where}: unknown key {key!r}{did_you_mean(key, TOP_LEVEL_KEYS)}; the keys "
                    "are 'disabled' (a list of module names) and 'modules' ([[modules]] tables)"
                )
        modules = data.get("modules", [])
        if not isinstance(modules, list):
            raise MalformedError(f"{where}: 'modules' must be an array of tables ([[modules]])")
        entries: dict[str, dict[str, Any]] = {}
        for index, entry in enumerate(modules):
            name = entry.get("name") if isinstance(entry, Mapping) else None
            if not isinstance(name, str) or not name:
                raise MalformedError(
                    f'{where}: [[modules]] entry #{index + 1} has no name; add name = "..."'
                )
            if name in entries:
                raise MalformedError(f"{where}: module {name!r} is configured twice; merge them")
            entries[name] = dict(entry)
        disabled = data.get("disabled", [])
        if not isinstance(disabled, list) or not all(isinstance(n, str) for n in disabled):
            raise MalformedError(f"{where}: 'disabled' must be a list of module names")
        return cls(entries, frozenset(disabled), source)

    def settings(self, name: str) -> ModuleSettings:
        """The validated entry for ``name`` (defaults when it has none).

        Raises:
            ValueError: the entry is invalid; the message names the fields and the file.
        """
        try:
            return ModuleSettings.model_validate(self.entries.get(name, {"name": name}))
        except ValidationError as exc:
            raise ValueError(
                f"bad [[modules]] entry: {describe_errors(exc, ModuleSettings)}; fix it in "
                f"{self.source or 'the config'}"
            ) from None


def describe_errors(exc: ValidationError, model: type[BaseModel] | None = None) -> str:
    """pydantic errors on one line: ``field 'a.b': message, ...``; a key ``model`` forbids is
    ``unknown key 'x' (did you mean 'y'?)``."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        if err["type"] == "extra_forbidden":
            known = _keys(model) if model is not None and len(err["loc"]) == 1 else ()
            parts.append(f"unknown key {where!r}{did_you_mean(where, known)}")
        else:
            parts.append(f"field {where!r}: {err['msg']}")
    return ", ".join(parts)


def unknown_keys(model: type[BaseModel], data: Mapping[str, Any]) -> str | None:
    """The keys of ``data`` that ``model`` would silently drop, described like
    :func:`describe_errors`; ``None`` when there are none.

    pydantic ignores unknown keys by default, so a misspelt option would never take effect
    without a word. A model that wants extras says ``extra="allow"`` (and ``"forbid"`` ones
    are already reported by validation).
    """
    if model.model_config.get("extra", "ignore") != "ignore":
        return None
    known = _keys(model)
    extra = [key for key in data if key not in known]
    if not extra:
        return None
    return ", ".join(f"unknown key {key!r}{did_you_mean(key, known)}" for key in extra)


def _keys(model: type[BaseModel]) -> list[str]:
    keys = []
    for name, info in model.model_fields.items():
        keys.append(name)
        if isinstance(info.alias, str):
            keys.append(info.alias)
        if isinstance(info.validation_alias, str):
            keys.append(info.validation_alias)
    return keys


def load_config(path: str | Path | None = None, cwd: str | Path | None = None) -> ModulesConfig:
    """Read the module config.

    An explicit ``path`` wins (a ``pyproject.toml`` is read at ``[tool.packetflow]``), then
    ``$PACKETFLOW_CONFIG``; otherwise ``packetflow.toml`` in ``cwd`` (default: the working
    directory), then ``[tool.packetflow]`` of ``pyproject.toml`` there; no file means no config.

    Raises:
        MalformedError: the file is missing (when named), is not valid TOML (one line naming
            the file and the position) or its module part has the wrong shape.
    """
    if path is None:
        path = os.environ.get(CONFIG_ENV, "").strip() or None
    if path is not None:
        candidates = [Path(path)]
        if not candidates[0].is_file():
            raise MalformedError(
                f"config file {str(path)!r} does not exist; check the path given with --config, "
                f"node.modules.configure() or ${CONFIG_ENV}"
            )
    else:
        base = Path(cwd) if cwd is not None else Path.cwd()
        candidates = [base / "packetflow.toml", base / "pyproject.toml"]
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise MalformedError(
                f"config file {str(candidate)!r}: {exc}; fix the file there"
            ) from exc
        if candidate.name == "pyproject.toml":
            tool = data.get("tool", {}).get("packetflow")
            if tool is None:
                continue
            return ModulesConfig.from_mapping(tool, f"{candidate} [tool.packetflow]")
        return ModulesConfig.from_mapping(data, str(candidate))
    return ModulesConfig()

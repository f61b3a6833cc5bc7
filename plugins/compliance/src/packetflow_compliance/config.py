"""The compliance module's config (the ``config`` table of its ``[[modules]]`` entry)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["KEY_ENV", "ComplianceConfig", "SegregationRule"]

KEY_ENV = "PACKETFLOW_COMPLIANCE_KEY"


class SegregationRule(BaseModel):
    """Segregation of duties: whoever ran ``first`` on a subject may not run ``second`` on it.

    ``first``/``second`` are capability globs; ``subject`` is the payload key naming the thing
    (``payment_id``).
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    first: str = Field(min_length=1)
    second: str = Field(min_length=1)
    subject: str = Field(min_length=1)


class ComplianceConfig(BaseModel):
    """Settings of the compliance module.

    Attributes:
        audit_db: the SQLite file (default: ``<node data_dir>/compliance/audit.db``).
        required_context: context fields every request must carry (``user_id``...).
        denied: role -> capability globs that role may not call.
        segregation: segregation-of-duties rules.
        max_backlog: records added but not committed yet before requests are refused (E503).
        audit_timeout: seconds an answer waits for its record to be committed (and a request
            for its segregation lookups) before it is replaced by E503; keep it below the
            module's ``hook_timeout`` (10 s).
        lock_timeout: seconds a write waits for another node process's write lock.
        synchronous: SQLite's ``synchronous``: ``"FULL"`` survives a power cut, ``"NORMAL"``
            (faster) a killed process.
    """

    model_config = ConfigDict(extra="forbid")

    audit_db: str | None = None
    required_context: list[str] = []
    denied: dict[str, list[str]] = {}
    segregation: list[SegregationRule] = []
    max_backlog: int = Field(default=10_000, ge=1)
    audit_timeout: float = Field(default=5.0, gt=0)
    lock_timeout: float = Field(default=5.0, ge=0)
    synchronous: Literal["NORMAL", "FULL"] = "FULL"

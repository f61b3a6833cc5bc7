"""The compliance module's config (the ``config`` table of its ``[[modules]]`` entry)."""

from __future__ import annotations

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
        max_backlog: records waiting to be written before requests are refused (E503).
        flush_interval: seconds between writes of the waiting records.
        remembered_subjects: subjects kept for segregation checks (oldest forgotten first).
    """

    model_config = ConfigDict(extra="forbid")

    audit_db: str | None = None
    required_context: list[str] = []
    denied: dict[str, list[str]] = {}
    segregation: list[SegregationRule] = []
    max_backlog: int = Field(default=10_000, ge=1)
    flush_interval: float = Field(default=0.05, gt=0)
    remembered_subjects: int = Field(default=100_000, ge=1)

"""The module's config (the ``config`` table of its ``[[modules]]`` entry)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["NlPlanningConfig"]

_KEY_ENVS = {"anthropic": "ANTHROPIC_API_KEY", "openai": "OPENAI_API_KEY"}


class NlPlanningConfig(BaseModel):
    """Settings of nl_planning; every field has a default (it works with no config at all).

    Attributes:
        planner: ``"offline"`` (the default; ``"lexical"`` is the same) or an LLM provider,
            ``"anthropic"`` (Messages API) or ``"openai"`` (OpenAI-compatible chat
            completions). A provider's plan is validated like any other; the offline planner
            answers whenever the provider fails, times out or returns an invalid plan.
        model / base_url / api_key_env: the provider's model, endpoint and the environment
            variable holding its key (default ``ANTHROPIC_API_KEY`` / ``OPENAI_API_KEY``).
        planning_timeout: seconds a provider may take before the offline planner answers.
        embeddings: rank with the shipped embedding model when its extra is installed.
        max_text: characters of text accepted (longer is E413).
        max_steps_limit: the largest ``max_steps`` a request may ask for.
        cache_size: plans kept in the LRU plan cache (0 turns it off).
        evidence_db: the SQLite file of learned evidence (default
            ``<data_dir>/nl_planning/evidence.db``).
        evidence_limit: phrasings remembered (least recently updated forgotten first).
        country_code: the calling code of phone numbers written without one.
    """

    model_config = ConfigDict(extra="forbid")

    planner: Literal["offline", "lexical", "anthropic", "openai"] = "offline"
    model: str | None = None
    base_url: str | None = None
    api_key_env: str | None = None
    planning_timeout: float = Field(default=5.0, gt=0, le=120)
    max_tokens: int = Field(default=1024, ge=64, le=32_000)
    embeddings: bool = True
    max_text: int = Field(default=2_000, ge=16, le=100_000)
    max_steps_limit: int = Field(default=10, ge=1, le=50)
    cache_size: int = Field(default=1_024, ge=0, le=1_000_000)
    evidence_db: str | None = None
    evidence_limit: int = Field(default=10_000, ge=1, le=10_000_000)
    country_code: str = Field(default="1", pattern=r"^[1-9]\d{0,2}$")

    @model_validator(mode="after")
    def _provider_settings(self) -> NlPlanningConfig:
        if self.planner in _KEY_ENVS and self.api_key_env is None:
            self.api_key_env = _KEY_ENVS[self.planner]
        return self

    @property
    def offline(self) -> bool:
        return self.planner in ("offline", "lexical")

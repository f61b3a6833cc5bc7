"""What a module reports to ``/metrics``: :class:`MetricFamily` values returned by its
``packetflow_collect_metrics`` hook at scrape time.

Plain data, so a module needs no Prometheus library: the node's HTTP server (the ``http``
extra) turns each family into the Prometheus text format, prefixing its name with
``packetflow_<module>_`` so that two modules (or a module and the node) never collide.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["MAX_MODULE_SAMPLES", "MetricFamily"]

MAX_MODULE_SAMPLES = 1000
"""Samples kept per module family and scrape; the rest are dropped and counted (bounded
label cardinality: a module labelling by request or actor id cannot flood the scrape)."""

_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")


@dataclass(frozen=True, slots=True)
class MetricFamily:
    """One metric with its samples, as a module reports it.

    Attributes:
        name: ``[a-zA-Z_][a-zA-Z0-9_]*``; exported as ``packetflow_<module>_<name>``
            (a counter also gets ``_total``).
        help: one line saying what is measured, with its unit.
        kind: ``"gauge"`` (a level: zone load, a ratio) or ``"counter"`` (only grows).
        samples: ``(labels, value)`` pairs; every sample carries the same label names. Keep
            label values few (zones, capabilities), never ids.

    Raises:
        ValueError: a name that Prometheus would refuse, an unknown kind, or samples with
            different label names.
    """

    name: str
    help: str
    kind: Literal["gauge", "counter"] = "gauge"
    samples: Sequence[tuple[Mapping[str, str], float]] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(
                f"metric name {self.name!r}: use letters, digits and '_' (not first a digit)"
            )
        if self.kind not in ("gauge", "counter"):
            raise ValueError(f"metric {self.name!r}: kind {self.kind!r} is not gauge or counter")
        names = {tuple(sorted(labels)) for labels, _ in self.samples}
        if len(names) > 1:
            raise ValueError(
                f"metric {self.name!r}: samples use different label names {sorted(names)!r}; "
                "give every sample the same labels"
            )
        for labels in names:
            for label in labels:
                if not _NAME.match(label) or label.startswith("__"):
                    raise ValueError(f"metric {self.name!r}: label name {label!r} is invalid")

    @property
    def label_names(self) -> tuple[str, ...]:
        """The label names of the samples (sorted)."""
        return tuple(sorted(self.samples[0][0])) if self.samples else ()

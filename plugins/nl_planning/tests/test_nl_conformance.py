"""The module passes the SDK's conformance suite (packetflow.testing.ModuleConformance)."""

from __future__ import annotations

from typing import ClassVar

import packetflow as pf
from packetflow.testing import ModuleConformance
from packetflow_nl_planning import NlPlanningModule


class TestNlPlanningConformance(ModuleConformance):
    module = NlPlanningModule
    requests: ClassVar = [
        pf.CapabilityRequest(id="nl-1", intent="echo this back"),
        pf.CapabilityRequest(id="nl-2", intent="x" * 5000),
        pf.CapabilityRequest(id="nl-3", intent="   "),
        pf.CapabilityRequest(id="nl-4", intent="echo", metadata={"max_steps": "lots"}),
        pf.CapabilityRequest(id="nl-5", intent="echo", metadata={"today": 12}),
    ]

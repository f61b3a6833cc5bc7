"""A tiny app for the CLI tests (``--app tests.apps.sample:node``)."""

from __future__ import annotations

import packetflow as pf
from tests.kit import double, inc

node = pf.Node("sample")
node.register(
    inc, double, pf.composition("inc_then_double", pf.pipeline(pf.step("inc"), pf.step("double")))
)


def make_node() -> pf.Node:
    return node


not_a_node = 42

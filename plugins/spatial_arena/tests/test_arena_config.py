"""Bad zone config is the module's start error naming the key and the fix; the defaults are
the seed's arena."""

from __future__ import annotations

from typing import Any

import pytest

import packetflow as pf
from packetflow_spatial_arena import ArenaConfig, SpatialArenaModule


def test_the_default_is_the_seeds_arena() -> None:
    config = ArenaConfig()
    assert [(z.id, z.capacity, z.specialization) for z in config.zones] == [
        ("processing", 100, "general"),
        ("ai", 20, "intelligence"),
        ("storage", 50, "persistence"),
    ]
    assert [(c.from_, c.to, c.weight) for c in config.connections] == [
        ("processing", "ai", 0.3),
        ("processing", "storage", 0.5),
    ]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            {"zones": [{"id": "ai", "capacity": 0}]},
            "zone 'ai': capacity must be > 0, got 0; give [[modules]].config.zones[0].capacity",
        ),
        (
            {"zones": [{"id": "a", "capacity": 1}, {"id": "b", "capacity": -3}]},
            "zone 'b': capacity must be > 0, got -3",
        ),
        (
            {"zones": [{"id": "a", "capacity": 1}, {"id": "a", "capacity": 2}]},
            "zone id 'a' is used by more than one zone; give each [[modules]].config.zones "
            "entry its own id",
        ),
        (
            {"assign": {"user_*": "gpu"}},
            "assign 'user_*' = 'gpu': no such zone (zones: ai, processing, storage); fix "
            "[[modules]].config.assign",
        ),
        (
            {"connections": [{"from": "ai", "to": "moon"}]},
            "connection 'ai' -> 'moon': no zone 'moon'",
        ),
        ({"zones": []}, "at least one zone is needed"),
        ({"zones": [{"id": "a", "capacity": 1, "timeout_multiplier": 0}]}, "timeout_multiplier"),
        ({"zones": [{"id": "a", "capacity": 1, "center": [500, 1]}]}, "lies outside the arena"),
        ({"zonez": []}, "zonez"),
        ({"max_queue": -1}, "max_queue"),
    ],
    ids=[
        "capacity-zero",
        "capacity-negative",
        "duplicate-ids",
        "unknown-zone-in-assign",
        "unknown-zone-in-connection",
        "no-zones",
        "bad-multiplier",
        "center-outside",
        "unknown-key",
        "negative-queue",
    ],
)
async def test_bad_config_is_a_start_error_naming_the_key(
    module_node: pf.Node, fake_capabilities: Any, config: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match="bad config for module 'spatial_arena'") as caught:
        module_node.modules.register(SpatialArenaModule, config=config)
    assert message in str(caught.value)
    assert "spatial_arena" not in [info.name for info in module_node.modules.list_active()]
    assert await module_node.call("echo", {"still": "serving"}) == {"still": "serving"}


async def test_a_queue_timeout_beyond_the_hook_timeout_does_not_start(
    module_node: pf.Node,
) -> None:
    module_node.modules.register(
        SpatialArenaModule, config={"queue_timeout": 2.0}, hook_timeout=1.0
    )
    info = await module_node.modules.wait_ready("spatial_arena")
    assert info.status == "failed_to_load"
    assert "config.queue_timeout 2s must be below the module's hook_timeout 1s" in (
        info.error or ""
    )

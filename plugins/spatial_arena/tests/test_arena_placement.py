"""Placement from intents, tags and contract fields: deterministic, similar things close, new
capabilities placed incrementally, zones by explicit glob > tags > nearest."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from arena_kit import Start
from pydantic import BaseModel

import packetflow as pf
from packetflow_spatial_arena import Arena, ArenaConfig, ZoneGate


def cap(name: str, intent: str, tags: tuple[str, ...] = (), **options: Any) -> pf.Capability:
    async def body(payload: dict[str, Any]) -> dict[str, Any]:
        return {}

    return pf.capability(
        name=name, intent=intent, tags=list(tags), requires=(), provides=(), **options
    )(body)


CATALOG = [
    cap("invoice_create", "Create an invoice for a customer order", ("billing",)),
    cap("invoice_send", "Send an invoice to the customer by email", ("billing",)),
    cap("invoice_void", "Void an unpaid customer invoice", ("billing",)),
    cap("image_resize", "Resize an image to a thumbnail", ("media",)),
    cap("image_crop", "Crop an image to a region", ("media",)),
    cap("image_rotate", "Rotate an image by an angle", ("media",)),
    cap("weather_today", "Today's weather forecast for a city", ("weather",)),
]


def arena(caps: list[pf.Capability], **config: Any) -> Arena:
    settings = ArenaConfig.model_validate(config)
    world = Arena(settings, {z.id: ZoneGate(z.id, z.capacity, 10) for z in settings.zones})
    world.place_all(caps, None)
    return world


def where(world: Arena, name: str) -> np.ndarray:
    return world.positions[world.index[name]]


def distance(world: Arena, a: str, b: str) -> float:
    return float(np.hypot(*(where(world, a) - where(world, b))))


def test_the_same_registry_and_seed_give_the_same_positions() -> None:
    first, second = arena(CATALOG), arena(list(reversed(CATALOG)))
    assert first.names == second.names
    assert np.array_equal(first.positions, second.positions)
    other_seed = arena(CATALOG, seed=5)
    assert not np.array_equal(first.positions, other_seed.positions)


def test_similar_capabilities_lie_closer_than_unrelated_ones() -> None:
    world = arena(CATALOG, zones=[{"id": "all", "capacity": 10, "radius": 45}])
    within = np.mean(
        [
            distance(world, "invoice_create", "invoice_send"),
            distance(world, "image_crop", "image_rotate"),
        ]
    )
    across = np.mean(
        [
            distance(world, "invoice_create", "image_crop"),
            distance(world, "invoice_send", "image_rotate"),
        ]
    )
    assert within < across


class Address(BaseModel):
    street: str
    postcode: str
    city: str


def test_contract_fields_count_too() -> None:
    async def body(inp: Address) -> dict[str, str]:
        return {}

    geocode = pf.capability(name="geocode", intent="Locate it")(body)
    validate = pf.capability(name="check", intent="Look at it")(body)
    world = arena([*CATALOG, geocode, validate], zones=[{"id": "all", "capacity": 9, "radius": 45}])
    assert distance(world, "geocode", "check") < distance(world, "geocode", "invoice_void")


def test_a_new_capability_lands_near_its_kind_and_nobody_moves() -> None:
    world = arena(CATALOG)
    before = {name: where(world, name).copy() for name in world.names}
    world.add(cap("image_blur", "Blur an image", ("media",)))
    for name, position in before.items():
        assert np.array_equal(where(world, name), position), name
    nearest = [n["name"] for n in world.nearby(world.index["image_blur"])[:3]]
    assert set(nearest) & {"image_resize", "image_crop", "image_rotate"}
    world.remove("image_blur")
    assert "image_blur" not in world.index and "image_blur" not in world.placed
    assert world.names == sorted(before)


def test_zone_assignment_explicit_then_tags_then_nearest() -> None:
    world = arena(
        [
            cap("user_profile", "Read a profile", ("llm",)),  # tag says ai, the glob wins
            cap("summarize", "Summarize a text", ("llm",)),
            cap("archive_put", "Keep a file", ("storage",)),
            cap("misc_thing", "Do something"),
        ],
        assign={"user_*": "processing"},
    )
    zone = {name: world.placed[name].zone.id for name in world.names}
    assert zone["user_profile"] == "processing"
    assert zone["summarize"] == "ai"
    assert zone["archive_put"] == "storage"
    assert world.placed["summarize"].pinned and not world.placed["misc_thing"].pinned
    nearest = world.zones.nearest(where(world, "misc_thing")[None, :])[0]
    assert zone["misc_thing"] == world.zones.zones[nearest].id
    # a pinned capability starts inside its zone
    for name in ("summarize", "archive_put"):
        spec = world.placed[name].zone
        assert np.hypot(*(where(world, name) - np.array(spec.center))) <= spec.radius


async def test_registry_changes_place_and_remove_capabilities(
    module_node: pf.Node, start_arena: Start
) -> None:
    module = await start_arena()
    module_node.register(cap("late_comer", "Arrives after the start"))
    assert "late_comer" in module.arena.placed
    module_node.unregister("late_comer")
    assert "late_comer" not in module.arena.placed
    assert not any(name.startswith("spatial_arena.") for name in module.arena.names)


@pytest.mark.parametrize("n", [0, 1], ids=["empty", "one"])
def test_tiny_registries(n: int) -> None:
    world = arena(CATALOG[:n])
    assert len(world.names) == n

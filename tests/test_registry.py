"""Registry: membership, discovery and change events."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow import errors


class UserIn(BaseModel):
    user_id: str
    locale: str = "en"


class ProfileOut(BaseModel):
    profile: dict[str, str]


class EmailIn(BaseModel):
    email: str = Field(description="address to verify")


class VerdictOut(BaseModel):
    valid: bool


@pf.capability(intent="Fetch a user's profile", tags=["users", "read"])
async def user_profile(inp: UserIn) -> ProfileOut:
    return ProfileOut(profile={})


@pf.capability(intent="Normalize user records", tags=["users"])
async def user_normalize(inp: UserIn) -> ProfileOut:
    return ProfileOut(profile={})


@pf.capability(intent="Check that an email address is deliverable", tags=["email"])
async def email_verify(inp: EmailIn) -> VerdictOut:
    return VerdictOut(valid=True)


@pytest.fixture
def registry() -> pf.Registry:
    registry = pf.Registry()
    for cap in (user_profile, user_normalize, email_verify):
        registry.add(cap)
    return registry


def names(caps: list[pf.Capability]) -> list[str]:
    return [cap.name for cap in caps]


def test_find_by_glob_tag_requires_provides(registry: pf.Registry) -> None:
    assert names(registry.find(name="user_*")) == ["user_normalize", "user_profile"]
    assert names(registry.find(tag="read")) == ["user_profile"]
    assert names(registry.find(tag=["users", "read"])) == ["user_profile"]
    assert names(registry.find(requires=["email"])) == ["email_verify"]
    assert names(registry.find(provides=["profile"])) == ["user_normalize", "user_profile"]
    assert names(registry.find(name="user_*", provides=["valid"])) == []
    assert names(registry.find(limit=1)) == ["email_verify"]


def test_intent_search_ranks_and_drops_non_matches(registry: pf.Registry) -> None:
    assert names(registry.find(intent="please verify this email address")) == ["email_verify"]
    assert names(registry.find(intent="normalizing users"))[0] == "user_normalize"
    assert registry.find(intent="launch the rocket") == []


def test_duplicate_and_unknown_names(registry: pf.Registry) -> None:
    with pytest.raises(errors.ConflictError, match="already registered"):
        registry.add(user_profile)
    registry.add(user_profile, replace=True)
    with pytest.raises(errors.NotFoundError, match="did you mean 'user_profile'"):
        registry.get("user_profil")
    with pytest.raises(errors.NotFoundError):
        registry.remove("nope")
    assert registry.lookup("nope") is None


def test_change_events_and_generation(registry: pf.Registry) -> None:
    changes: list[pf.RegistryChange] = []
    unsubscribe = registry.on_change(changes.append)
    before = registry.generation
    registry.remove("email_verify")
    registry.add(email_verify)
    unsubscribe()
    registry.remove("email_verify")
    assert [(c.action, c.name) for c in changes] == [
        ("unregistered", "email_verify"),
        ("registered", "email_verify"),
    ]
    assert registry.generation == before + 3


async def test_node_publishes_registry_changes_on_a_channel(node: pf.Node) -> None:
    with node.channels.subscribe("packetflow.registry.*") as sub:
        node.register(user_profile)
        node.unregister("user_profile")
        first, second = sub.receive_nowait(), sub.receive_nowait()
    assert first is not None and second is not None
    assert first.channel == "packetflow.registry.changed"
    assert (first.payload["action"], first.payload["name"]) == ("registered", "user_profile")
    assert second.payload["action"] == "unregistered"

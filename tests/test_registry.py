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


def _recomputed(registry: pf.Registry) -> dict[str, frozenset[str]]:
    """The intent index built from scratch from the registered capabilities."""
    from packetflow._registry import _document

    postings: dict[str, set[str]] = {}
    for cap in registry:
        for word in _document(cap):
            postings.setdefault(word, set()).add(cap.name)
    return {word: frozenset(names) for word, names in postings.items()}


def test_intent_index_equals_a_recomputation_after_adds_and_removes(
    registry: pf.Registry,
) -> None:
    index = registry._intents
    assert index.postings() == _recomputed(registry)
    registry.remove("user_profile")
    assert index.postings() == _recomputed(registry)
    assert "read" not in index.postings()  # a word only user_profile had is gone
    registry.add(user_profile)
    registry.add(
        pf.capability(name="user_normalize", intent="Merge duplicate accounts")(user_normalize.fn),
        replace=True,
    )
    assert index.postings() == _recomputed(registry)
    assert "record" not in index.postings()  # the replaced intent's words went with it
    for name in registry.names():
        registry.remove(name)
    assert index.postings() == {} and len(index) == 0


def test_intent_ranking_is_idf_over_the_whole_registry(registry: pf.Registry) -> None:
    # Filters narrow the results, not the statistics: "user" is common to two of three
    # documents wherever the query is asked from.
    ranked = registry.find(intent="user email")
    assert names(ranked) == ["email_verify", "user_normalize", "user_profile"]
    assert names(registry.find(intent="user email", tag="users")) == [
        "user_normalize",
        "user_profile",
    ]
    assert names(registry.find(intent="user email", limit=1)) == ["email_verify"]


def _ranked_by_rescanning(registry: pf.Registry, text: str) -> list[str]:
    """Intent ranking computed the slow way: document frequencies recounted over every
    capability for this one query."""
    import math

    from packetflow._intent import tokenize
    from packetflow._registry import _document

    documents = {cap.name: _document(cap) for cap in registry}
    query = set(tokenize(text))
    total = max(1, len(documents))
    idf = {
        word: math.log(1 + total / (1 + sum(word in doc for doc in documents.values())))
        for word in query
    }
    scored = []
    for name, doc in documents.items():
        score = sum(idf[word] for word in query if word in doc)
        scored.append((score / math.sqrt(len(doc) or 1), name))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [name for score, name in scored if score > 0]


def test_intent_ranking_equals_a_full_rescan_through_adds_and_removes() -> None:
    verbs = ["fetch", "verify", "normalize", "merge", "export", "score", "archive"]
    nouns = ["user", "email", "invoice", "order", "address", "payment", "ticket", "report"]
    registry = pf.Registry()
    for i in range(120):
        verb, noun, other = verbs[i % 7], nouns[i % 8], nouns[(i * 5) % 8]
        cap = pf.capability(
            name=f"{verb}_{noun}_{i}", intent=f"{verb.title()} the {noun} of an {other}"
        )(user_profile.fn)
        registry.add(cap)
    for i in range(0, 120, 7):
        registry.remove(f"{verbs[i % 7]}_{nouns[i % 8]}_{i}")
    queries = ["verify an email address", "merge invoices and orders", "user", "nothing here"]
    for query in queries:
        assert names(registry.find(intent=query)) == _ranked_by_rescanning(registry, query)

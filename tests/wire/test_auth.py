"""Tokens and scopes: issuing, verifying, every refusal over a real socket."""

from __future__ import annotations

import time
from functools import partial

import jwt
import pytest
import trio
from pydantic import BaseModel

import packetflow as pf
from packetflow._auth import principal as principal_module
from packetflow._auth.principal import Principal, TokenLimiter
from packetflow.errors import ForbiddenError, RateLimitedError, UnauthenticatedError

from .conftest import SECRET, Connect

SECURED = pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(authority=pf.TokenAuthority(SECRET))], ids=["secured"]
)


def _expired(authority: pf.TokenAuthority) -> str:
    claims = {"sub": "a", "scopes": ["cap:*"], "iat": 1, "exp": 2, "aud": "packetflow", "jti": "x"}
    return jwt.encode(claims, SECRET, algorithm="HS256")


def _wrong_signature(authority: pf.TokenAuthority) -> str:
    return pf.TokenAuthority("another-secret-" + "x" * 32).issue("a", ["cap:*"])


def _wrong_audience(authority: pf.TokenAuthority) -> str:
    return authority.issue("a", ["cap:*"], audience="other-node")


# Each refused with E401 whose details name the reason.
BAD_TOKENS = [
    (_expired, "expired"),
    (_wrong_signature, "bad_signature"),
    (_wrong_audience, "wrong_audience"),
]


def test_issued_token_round_trips_to_a_principal(authority: pf.TokenAuthority) -> None:
    token = authority.issue(
        "alice", ["cap:user_*", "chan:orders.*"], roles=["ops"], rate_limit="5/s", ttl=60
    )
    principal = authority.verify(token)
    assert principal.sub == "alice"
    assert principal.scopes == ("cap:user_*", "chan:orders.*")
    assert principal.roles == ("ops",)
    assert principal.rate_limit == pf.RateLimit(5, 1.0)
    assert principal.expires_at is not None
    assert principal.expires_at > time.time()
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], audience="packetflow")
    assert set(claims) >= {"sub", "scopes", "exp", "iat", "jti", "aud"}


@pytest.mark.parametrize(
    ("make_token", "reason"),
    [
        *BAD_TOKENS,
        (
            lambda a: jwt.encode({"sub": "a", "aud": "packetflow"}, SECRET, algorithm="HS256"),
            "missing_claim",
        ),
        (lambda a: "not.a.jwt", "invalid"),
    ],
    ids=["expired", "wrong-signature", "wrong-audience", "missing-claims", "garbage"],
)
def test_verify_refuses_bad_tokens_with_e401(
    authority: pf.TokenAuthority, make_token: object, reason: str
) -> None:
    with pytest.raises(UnauthenticatedError) as caught:
        authority.verify(make_token(authority))  # type: ignore[operator]
    assert caught.value.details == {"reason": reason}


def test_short_secrets_and_bad_scopes_are_refused(authority: pf.TokenAuthority) -> None:
    with pytest.raises(ValueError, match="at least 32 bytes"):
        pf.TokenAuthority("short")
    with pytest.raises(ValueError, match="scope 'cap'"):
        authority.issue("a", ["cap"])
    with pytest.raises(ValueError, match="rate limit"):
        authority.issue("a", ["admin"], rate_limit="fast")


def test_authority_from_env(tmp_path: object) -> None:
    assert pf.TokenAuthority.from_env({}) is None
    env_authority = pf.TokenAuthority.from_env(
        {"PACKETFLOW_SECRET": SECRET, "PACKETFLOW_AUDIENCE": "n1"}
    )
    assert env_authority is not None
    assert env_authority.audience == "n1"


def test_eddsa_authority_signs_with_the_private_and_verifies_with_the_public_key() -> None:
    crypto = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.ed25519")
    from cryptography.hazmat.primitives import serialization

    key = crypto.Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    token = pf.TokenAuthority.eddsa(private, audience="partner").issue("org-a", ["cap:*"])
    assert (
        pf.TokenAuthority.eddsa(public_key=public, audience="partner").verify(token).sub == "org-a"
    )


@pytest.mark.parametrize(
    ("scopes", "kind", "names", "allowed"),
    [
        (("cap:user_*",), "cap", ("user_transform",), True),
        (("cap:user_*",), "cap", ("admin_tool",), False),
        (("admin",), "cap", ("anything",), True),
        (
            ("actor:research_assistant",),
            "actor",
            ("research_assistant", "research_assistant/a"),
            True,
        ),
        (
            ("actor:research_assistant/alice-*",),
            "actor",
            ("research_assistant", "research_assistant/bob"),
            False,
        ),
        (
            ("actor:research_assistant/alice-*",),
            "actor",
            ("research_assistant", "research_assistant/alice-1"),
            True,
        ),
        (("chan:orders.*",), "chan", ("orders.created",), True),
        (("chan:orders.*",), "cap", ("orders.created",), False),
        (("future:thing",), "cap", ("thing",), False),
        (("cap:*",), "cap", ("packetflow.actors.stop",), False),
        (("admin",), "cap", ("packetflow.actors.stop",), True),
    ],
    ids=[
        "cap-glob",
        "cap-miss",
        "admin",
        "actor-name",
        "actor-id-miss",
        "actor-id",
        "chan",
        "kind-mismatch",
        "unknown-kind",
        "reserved-needs-admin",
        "reserved-admin",
    ],
)
def test_scope_matching(
    scopes: tuple[str, ...], kind: str, names: tuple[str, ...], allowed: bool
) -> None:
    assert Principal("p", scopes).allows(kind, *names) is allowed


def test_management_capabilities_need_the_admin_scope() -> None:
    with pytest.raises(ForbiddenError, match="needs a token with the 'admin' scope") as info:
        Principal("p", ("cap:*",)).require("cap", "capability", "packetflow.actors.state")
    assert info.value.details["scope_needed"] == "admin"


def test_require_names_the_missing_scope() -> None:
    with pytest.raises(ForbiddenError, match=r"--scope 'cap:x'"):
        Principal("p", ("cap:y",)).require("cap", "capability", "x")


def test_expired_principal_is_refused() -> None:
    Principal("p", (), expires_at=time.time() + 60).check_fresh()
    with pytest.raises(UnauthenticatedError, match="expired"):
        Principal("p", (), expires_at=time.time() - 1).check_fresh()


async def test_token_limiter_is_per_token_and_bounded() -> None:
    limiter = TokenLimiter("2/min", max_tokens=3)
    alice = Principal("alice", (), token_id="t-alice")
    limiter.admit(alice)
    limiter.admit(alice)
    with pytest.raises(RateLimitedError) as caught:
        limiter.admit(alice)
    assert caught.value.retry_after_ms is not None
    assert caught.value.retry_after_ms > 1000
    for n in range(10):
        limiter.admit(Principal(f"p{n}", (), token_id=f"t{n}"))
    assert len(limiter) == 3  # least recently used buckets are forgotten
    own = Principal("fast", (), token_id="t-fast", rate_limit=pf.RateLimit(1000))
    for _ in range(5):
        limiter.admit(own)  # the token's own limit wins over the default


# -- over the wire ---------------------------------------------------------------------------


@SECURED
@pytest.mark.parametrize(
    ("make_token", "reason"), BAD_TOKENS, ids=["expired", "wrong-signature", "wrong-audience"]
)
async def test_bad_tokens_are_refused_at_hello_and_the_connection_can_retry(
    connect: Connect, authority: pf.TokenAuthority, make_token: object, reason: str
) -> None:
    peer = await connect(hello=False)
    refused = await peer.hello(make_token(authority))  # type: ignore[operator]
    assert refused["error"]["code"] == "E401"
    assert refused["error"]["details"]["reason"] == reason
    assert (await peer.call("echo"))["error"]["code"] == "E401"  # still not authenticated
    assert (await peer.hello(authority.issue("a", ["cap:*"])))["type"] == "welcome"
    assert (await peer.call("echo"))["type"] == "capability_response"


@SECURED
async def test_missing_scope_is_refused_with_e403(
    connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(token=authority.issue("a", ["chan:*"]))
    assert (await peer.call("echo"))["error"]["code"] == "E403"
    refused = await peer.request(
        {"type": "actor_message", "capability_id": "assistant", "actor_id": "a-1", "payload": {}}
    )
    assert refused["error"]["code"] == "E403"
    assert refused["error"]["details"]["scope_needed"] == "actor:assistant"
    natural = await peer.request({"type": "capability_request", "intent": "do something"})
    assert natural["error"]["code"] == "E403"
    # The tunnel lets the session in; the MCP server behind it refuses the tool.
    call = {"name": "echo", "arguments": {}}
    tunnel = await peer.request(
        {
            "type": "mcp_request",
            "payload": {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": call},
        }
    )
    assert tunnel["type"] == "mcp_response"
    assert tunnel["payload"]["result"]["isError"] is True
    assert tunnel["payload"]["result"]["content"][0]["text"].startswith("E403 forbidden")


@SECURED
async def test_actor_scope_lets_actor_messages_through_to_dispatch(
    connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(token=authority.issue("a", ["actor:assistant/a-*"]))
    reply = await peer.request(
        {"type": "actor_message", "capability_id": "assistant", "actor_id": "a-1", "payload": {}}
    )
    # Past auth: the node has no actor handler here, so dispatch answers E404.
    assert reply["error"]["code"] == "E404"


class WallClock:
    """Stands in for the ``time`` module where tokens are checked for freshness, so a test
    moves past a token's expiry instead of sleeping until it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = time.time()
        monkeypatch.setattr(principal_module, "time", self)

    def time(self) -> float:
        return self.now


@SECURED
async def test_a_token_expiring_during_the_session_is_refused(
    connect: Connect, authority: pf.TokenAuthority, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = WallClock(monkeypatch)
    token = authority.issue("a", ["cap:*"], ttl=2)  # exp is whole seconds: 1-2 s from now
    peer = await connect(token=token)
    assert (await peer.call("echo"))["type"] == "capability_response"
    expires_at = authority.verify(token).expires_at
    assert expires_at is not None
    clock.now = expires_at  # the token's expiry passes
    expired = await peer.call("echo")
    assert expired["error"]["code"] == "E401"
    assert "expired" in expired["error"]["message"]


@SECURED
async def test_a_subscription_ends_when_its_token_expires(
    served: pf.WireServer, authority: pf.TokenAuthority, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = WallClock(monkeypatch)
    token = authority.issue("a", ["chan:*"], ttl=2)
    expires_at = authority.verify(token).expires_at
    assert expires_at is not None
    async with (
        pf.open_client(served.url, token=token) as client,
        client.subscribe("news") as events,
    ):
        served.node.channels.publish("news", {"n": 1})
        assert (await events.receive()).payload == {"n": 1}
        clock.now = expires_at  # the token's expiry passes
        served.node.channels.publish("news", {"n": 2})
        with pytest.raises(UnauthenticatedError, match="expired"), trio.fail_after(5):
            await events.receive()


class Note(BaseModel):
    text: str


class Count(BaseModel):
    count: int = 0


@pf.actor(persistence="memory")
class Notebook(pf.Actor[Count]):
    async def handle(self, msg: Note, ctx: pf.Context) -> Count:
        self.state.count += 1
        return self.state


async def test_management_capabilities_over_the_wire_need_admin(
    tmp_path: object, authority: pf.TokenAuthority
) -> None:
    node = pf.Node("managed", data_dir=str(tmp_path))
    node.register(Notebook)
    config = pf.ServerConfig(authority=authority)
    async with node.started(), trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(
            partial(node.serve, "127.0.0.1", 0, config=config)
        )
        await node.actors.send("notebook", "n-1", {"text": "secret plans"})
        everything = authority.issue("user", ["cap:*", "actor:*"])
        async with pf.open_client(server.url, token=everything) as client:
            with pytest.raises(ForbiddenError, match="'admin' scope"):
                await client.call(
                    "packetflow.actors.state", {"capability": "notebook", "actor_id": "n-1"}
                )
            found = await client.discover(name="packetflow.*")
            assert found == []
        async with pf.open_client(server.url, token=authority.issue("ops", ["admin"])) as admin:
            state = await admin.call(
                "packetflow.actors.state", {"capability": "notebook", "actor_id": "n-1"}
            )
            assert state["state"] == {"count": 1}
        nursery.cancel_scope.cancel()

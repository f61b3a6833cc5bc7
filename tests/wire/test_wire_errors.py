"""Every error code reachable over the wire, on a real socket: each test asserts the code and
that the connection still works afterwards (or, for the close cases, the close code)."""

from __future__ import annotations

import sys
from typing import Any

import pytest
import trio

import packetflow as pf

from .conftest import SECRET, Connect, Peer, Probe, eventually

SECURED = pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(authority=pf.TokenAuthority(SECRET))], ids=["secured"]
)


async def assert_usable(peer: Peer) -> None:
    reply = await peer.call("echo", {"still": "here"})
    assert reply["type"] == "capability_response", reply
    assert reply["payload"] == {"still": "here"}


def code_of(reply: dict[str, Any]) -> str:
    assert reply["type"] == "capability_error", reply
    return str(reply["error"]["code"])


# -- E400 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "garbage",
    ["not json at all", "[1, 2]", '{"no": "type"}', '{"type": "capability_request", "payload": 3}'],
    ids=["not-json", "not-object", "no-type", "wrong-field-type"],
)
async def test_e400_malformed_message(connect: Connect, garbage: str) -> None:
    peer = await connect()
    await peer.send(garbage)
    reply = await peer.recv()
    assert code_of(reply) == "E400"
    assert reply["error"]["type"] == "malformed"
    await assert_usable(peer)


async def test_e400_unknown_type_answers_the_message_id(connect: Connect) -> None:
    peer = await connect()
    await peer.send({"type": "teleport", "id": "t-1"})
    reply = await peer.recv()
    assert code_of(reply) == "E400"
    assert reply["id"] == "t-1"
    assert "teleport" in reply["error"]["message"]
    await assert_usable(peer)


# -- E401 ------------------------------------------------------------------------------------


async def test_e401_request_before_hello(connect: Connect) -> None:
    peer = await connect(hello=False)
    reply = await peer.call("echo")
    assert code_of(reply) == "E401"
    assert (await peer.hello())["type"] == "welcome"
    await assert_usable(peer)


@SECURED
async def test_e401_hello_without_token_then_with_one(
    connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(hello=False)
    reply = await peer.hello(None)
    assert code_of(reply) == "E401"
    assert reply["error"]["details"]["reason"] == "missing"
    assert (await peer.hello(authority.issue("alice", ["cap:*"])))["type"] == "welcome"
    await assert_usable(peer)


# -- E403 ------------------------------------------------------------------------------------


@SECURED
async def test_e403_scope_does_not_cover_the_capability(
    connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(token=authority.issue("alice", ["cap:echo"]))
    reply = await peer.call("sleepy", {"ms": 0})
    assert code_of(reply) == "E403"
    assert reply["error"]["details"]["scope_needed"] == "cap:sleepy"
    await assert_usable(peer)


@SECURED
async def test_e403_authorize_uses_the_token_roles_not_the_client_context(
    connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(token=authority.issue("alice", ["cap:*"]))
    # The client claims the role in its context; only the token's roles count.
    reply = await peer.call("admin_only", context={"roles": ["admin"]})
    assert code_of(reply) == "E403"
    await assert_usable(peer)
    admin = await connect(token=authority.issue("root", ["cap:*"], roles=["admin"]))
    assert (await admin.call("admin_only"))["payload"] == {"ok": True}


# -- E404 ------------------------------------------------------------------------------------


async def test_e404_unknown_capability(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.call("ech0")
    assert code_of(reply) == "E404"
    assert "did you mean 'echo'" in reply["error"]["message"]
    await assert_usable(peer)


@pytest.fixture
def without_the_mcp_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports of PacketFlow's MCP package fail, as without ``pip install 'packetflow[mcp]'``
    (requested before ``connect``, so the node is served without it)."""
    monkeypatch.setitem(sys.modules, "packetflow._mcp", None)
    monkeypatch.setitem(sys.modules, "packetflow._mcp.wire", None)


async def test_e404_mcp_request_without_the_mcp_extra(
    without_the_mcp_extra: None, connect: Connect
) -> None:
    peer = await connect()
    reply = await peer.request(
        {"type": "mcp_request", "payload": {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}}
    )
    assert code_of(reply) == "E404"
    assert "pip install 'packetflow[mcp]'" in reply["error"]["message"]
    await assert_usable(peer)


async def test_mcp_request_reaches_a_registered_tunnel_handler(
    served: pf.WireServer, connect: Connect
) -> None:
    async def tunnel(request: Any, ctx: pf.Context, timeout: float | None) -> dict[str, Any]:
        return {"jsonrpc": "2.0", "id": request.payload["id"], "result": {"user": ctx.user_id}}

    served.node.add_request_handler("mcp_request", tunnel)
    peer = await connect()
    reply = await peer.request(
        {"type": "mcp_request", "payload": {"jsonrpc": "2.0", "id": 7, "method": "ping"}}
    )
    assert reply["type"] == "mcp_response"
    assert reply["payload"]["id"] == 7


# -- E408 ------------------------------------------------------------------------------------


async def test_e408_request_deadline(connect: Connect, probe: Any) -> None:
    peer = await connect()
    reply = await peer.call("sleepy", {"ms": 5000}, metadata={"timeout_ms": 50})
    assert code_of(reply) == "E408"
    await assert_usable(peer)


# -- E409 ------------------------------------------------------------------------------------


async def test_e409_duplicate_in_flight_id(connect: Connect) -> None:
    peer = await connect()
    first = {
        "type": "capability_request",
        "id": "same",
        "capability_id": "sleepy",
        "payload": {"ms": 200, "tag": 1},
    }
    await peer.send(first)
    await peer.send({**first, "payload": {"ms": 0, "tag": 2}})
    duplicate = await peer.recv()
    assert code_of(duplicate) == "E409"
    assert duplicate["id"] == "same"
    original = await peer.recv()
    assert original["type"] == "capability_response"
    assert original["payload"] == {"tag": 1}
    await assert_usable(peer)


async def test_e409_second_hello(connect: Connect) -> None:
    peer = await connect()
    assert code_of(await peer.hello()) == "E409"
    await assert_usable(peer)


# -- E413 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wire_config",
    [pf.ServerConfig(limits=pf.Limits(max_bytes=4096, max_string=100))],
    ids=["small"],
)
async def test_e413_string_above_the_limit(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.call("echo", {"text": "y" * 200})
    assert code_of(reply) == "E413"
    assert reply["error"]["details"]["limit"] == "max_string"
    await assert_usable(peer)


@pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(limits=pf.Limits(max_bytes=4096))], ids=["small"]
)
async def test_e413_reply_above_the_limit(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.call("big", {"n": 10_000})
    assert code_of(reply) == "E413"
    assert reply["error"]["details"]["size"] > 4096
    await assert_usable(peer)


# -- E422 ------------------------------------------------------------------------------------


async def test_e422_payload_breaks_the_input_contract(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.call("sleepy", {"ms": "soon"})
    assert code_of(reply) == "E422"
    assert reply["error"]["details"][0]["field"] == "ms"
    await assert_usable(peer)


# -- E429 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire_config", [pf.ServerConfig(max_in_flight=2)], ids=["two"])
async def test_e429_in_flight_limit(connect: Connect) -> None:
    peer = await connect()
    for tag in range(3):
        await peer.send(
            {
                "type": "capability_request",
                "id": f"s{tag}",
                "capability_id": "sleepy",
                "payload": {"ms": 100, "tag": tag},
            }
        )
    rejected = await peer.recv()
    assert code_of(rejected) == "E429"
    assert rejected["id"] == "s2"
    assert rejected["error"]["retry_after_ms"] > 0
    replies = {(await peer.recv())["id"] for _ in range(2)}
    assert replies == {"s0", "s1"}
    await assert_usable(peer)


@pytest.mark.parametrize(
    "wire_config",
    [pf.ServerConfig(authority=pf.TokenAuthority(SECRET), token_rate_limit="3/min")],
    ids=["three-per-minute"],
)
async def test_e429_per_token_rate_limit(connect: Connect, authority: pf.TokenAuthority) -> None:
    token = authority.issue("alice", ["cap:*"])
    peer = await connect(token=token)
    for _ in range(3):
        assert (await peer.call("echo"))["type"] == "capability_response"
    limited = await peer.call("echo")
    assert code_of(limited) == "E429"
    assert limited["error"]["retry_after_ms"] > 1000
    # The bucket belongs to the token, not to the connection.
    other = await connect(token=token)
    assert code_of(await other.call("echo")) == "E429"
    fresh = await connect(token=authority.issue("bob", ["cap:*"]))
    await assert_usable(fresh)


# -- E500 ------------------------------------------------------------------------------------


async def test_e500_capability_raised_without_leaking_the_cause(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.call("broken")
    assert code_of(reply) == "E500"
    assert "secret internal detail" not in str(reply)
    assert "Traceback" not in str(reply)
    await assert_usable(peer)


# -- E502 ------------------------------------------------------------------------------------


async def test_e502_fail_closed_module(served: pf.WireServer, connect: Connect) -> None:
    class Crashing(pf.Module):
        name = "crashing"

        @pf.hookimpl
        async def packetflow_handle_request(self, request: Any, context: pf.Context) -> None:
            if request.capability_id == "sleepy":
                raise RuntimeError("module bug")

    served.node.modules.register(Crashing, on_error="fail")
    await served.node.modules.wait_ready("crashing")
    peer = await connect()
    assert code_of(await peer.call("sleepy")) == "E502"
    await assert_usable(peer)


# -- E503 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire_config", [pf.ServerConfig(drain_timeout=5)], ids=["drain5"])
async def test_e503_while_draining_and_in_flight_work_still_answers(
    served: pf.WireServer, connect: Connect, probe: Probe
) -> None:
    peer = await connect()
    probe.gate = trio.Event()  # "slow" stays in flight until the test lets it finish
    await peer.send(
        {
            "type": "capability_request",
            "id": "slow",
            "capability_id": "sleepy",
            "payload": {"ms": 300, "tag": 9},
        }
    )
    await eventually(lambda: probe.running == 1)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(served.shutdown)
        await served.wait_draining()
        refused = await peer.call("echo")
        assert code_of(refused) == "E503"
        assert refused["error"]["retry_after_ms"] > 0
        # The same connection still delivers the in-flight reply, then closes with 1001.
        probe.gate.set()
        finished = await peer.recv()
        assert finished["id"] == "slow"
        assert finished["payload"] == {"tag": 9}
        assert await peer.close_code() == 1001


# -- E600 ------------------------------------------------------------------------------------


async def test_e600_no_common_version(connect: Connect) -> None:
    peer = await connect(hello=False)
    reply = await peer.hello(versions=["0.9", "2.0"])
    assert code_of(reply) == "E600"
    assert reply["error"]["details"]["supported"] == ["1.0"]
    assert (await peer.hello(versions=["2.0", "1.0"]))["version"] == "1.0"
    await assert_usable(peer)


async def test_e600_message_of_another_version(connect: Connect) -> None:
    peer = await connect()
    await peer.send(
        {"version": "2.0", "type": "capability_request", "id": "v2", "capability_id": "echo"}
    )
    assert code_of(await peer.recv()) == "E600"
    await assert_usable(peer)


# -- close codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(limits=pf.Limits(max_bytes=1024))], ids=["1KiB"]
)
async def test_close_1009_message_above_the_size_limit(connect: Connect) -> None:
    peer = await connect()
    await peer.send(
        {
            "type": "capability_request",
            "id": "huge",
            "capability_id": "echo",
            "payload": {"blob": "z" * 5000},
        }
    )
    assert await peer.close_code() == 1009


@pytest.mark.parametrize("wire_config", [pf.ServerConfig(max_malformed=3)], ids=["three"])
async def test_close_1008_repeated_garbage(connect: Connect) -> None:
    peer = await connect()
    for _ in range(10):
        try:
            await peer.send("garbage")
        except Exception:
            break
    assert await peer.close_code() == 1008


@pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(handshake_timeout=0.2)], ids=["fast-handshake"]
)
async def test_close_1008_no_hello_in_time(connect: Connect) -> None:
    peer = await connect(hello=False)
    assert await peer.close_code() == 1008

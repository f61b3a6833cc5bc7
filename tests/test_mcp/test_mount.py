"""Mounting external MCP servers: their tools as capabilities, E503 while they are down,
recovery when they are back."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import trio

pytest.importorskip("mcp")

from pydantic import BaseModel

import packetflow as pf
from packetflow import errors
from packetflow.mcp import McpMount, serve_mcp_http
from tests.apps.mcp_remote import Shouted, Text, make_node

from .conftest import HTTPX_GENERATORS, ROOT, TOKEN, verify_token

REMOTE = [
    sys.executable,
    "-m",
    "packetflow._cli",
    "mcp",
    "--app",
    "tests.apps.mcp_remote:make_node",
]
FAST = {"backoff_base": 0.05, "backoff_max": 0.2, "health_interval": 0.2, "connect_timeout": 20}


class Name(BaseModel):
    name: str


@pf.capability(intent="Greet someone")
async def greet(inp: Name) -> Text:
    return Text(text=f"hello {inp.name}")


def consumer() -> pf.Node:
    node = pf.Node("consumer")
    node.register(
        greet,
        pf.composition("greet_loud", pf.pipeline(pf.step("greet"), pf.step("remote.shout"))),
    )
    return node


async def eventually(check: Callable[[], Any], timeout: float = 20) -> Any:
    with trio.fail_after(timeout):
        while True:
            try:
                result = await check()
            except AssertionError:
                await trio.sleep(0.05)
            else:
                return result


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_stdio_mount_e503_while_down_and_recovery(tmp_path: Path, mode: str) -> None:
    pid_file, down = tmp_path / "pid", tmp_path / "down"
    node = consumer()
    mount = node.mount_mcp(
        "remote",
        command=REMOTE,
        cwd=str(ROOT),
        env={"PACKETFLOW_TEST_PID": str(pid_file), "PACKETFLOW_TEST_DOWN": str(down)},
        mode=mode,
        **FAST,
    )
    async with node.started():
        assert mount.status == "up"
        assert mount.capabilities == ["remote.reserve", "remote.shout"]
        cap = node.registry.get("remote.shout")
        assert cap.kind == "remote"
        assert cap.idempotent
        assert cap.contract.input_schema == Text.model_json_schema()
        assert cap.contract.output_schema == Shouted.model_json_schema()

        assert await node.call("greet_loud", {"name": "ada"}) == {
            "text": "hello ada",
            "shouted": "HELLO ADA!",
        }
        response = await node.dispatch(
            pf.CapabilityRequest(id="1", capability_id="remote.shout", payload={"text": "hi"})
        )
        assert response.payload == {"shouted": "HI!"}
        with pytest.raises(errors.ContractViolationError) as invalid:
            await node.call("remote.shout", {"text": 42})  # checked before it is sent
        assert invalid.value.details[0]["field"] == "text"
        with pytest.raises(errors.ConflictError, match="seat '1A' is taken"):
            await node.call("remote.reserve", {"seat": "1A"})

        down.touch()
        os.kill(int(pid_file.read_text()), signal.SIGKILL)

        async def unavailable() -> errors.UnavailableError:
            try:
                await node.call("remote.shout", {"text": "anyone?"})
            except errors.UnavailableError as exc:
                return exc
            raise AssertionError("still answering")

        error = await eventually(unavailable)
        assert error.retry_after_ms == 200
        assert "remote.shout" in node.registry  # the tools stay, unavailable
        with pytest.raises(errors.UnavailableError):
            await node.call("greet_loud", {"name": "bob"})
        assert mount.status in ("down", "connecting")

        down.unlink()

        async def recovered() -> dict[str, Any]:
            try:
                return await node.call("greet_loud", {"name": "bob"})
            except errors.UnavailableError:
                raise AssertionError("still down") from None

        assert (await eventually(recovered))["shouted"] == "HELLO BOB!"
        assert mount.connects >= 2


@pytest.fixture
async def remote_http() -> Any:
    """A PacketFlow node served over streamable HTTP (the 'external' server), restartable on
    the same port."""

    class Remote:
        def __init__(self, nursery: trio.Nursery) -> None:
            self.node = make_node()
            self.nursery = nursery
            self.scope: trio.CancelScope | None = None
            self.url = ""

        async def start(self, port: int = 0) -> str:
            async def run(task_status: trio.TaskStatus[str]) -> None:
                with trio.CancelScope() as self.scope:
                    await serve_mcp_http(
                        self.node, "127.0.0.1", port, verify_token=verify_token,
                        task_status=task_status,
                    )  # fmt: skip

            self.url = await self.nursery.start(run)
            return self.url

        def stop(self) -> None:
            assert self.scope is not None
            self.scope.cancel()

    async with trio.open_nursery() as nursery:
        remote = Remote(nursery)
        async with remote.node.started():
            await remote.start()
            yield remote
            nursery.cancel_scope.cancel()


@HTTPX_GENERATORS
async def test_url_mount_follows_changes_and_recovers(remote_http: Any) -> None:
    node = pf.Node("consumer")
    async with node.started():
        mount = node.mount_mcp(
            "remote",
            url=remote_http.url,
            headers={"Authorization": f"Bearer {TOKEN}"},
            **{**FAST, "health_interval": 60},  # changes must arrive by notification
        )
        assert isinstance(mount, McpMount)
        assert await mount.wait_ready(20)
        assert await node.call("remote.shout", {"text": "hi"}) == {"shouted": "HI!"}

        @pf.capability(intent="Add numbers")
        async def add(a: int, b: int) -> dict[str, int]:
            return {"sum": a + b}

        remote_http.node.register(add)

        async def mounted() -> None:
            assert "remote.add" in node.registry

        await eventually(mounted)
        assert await node.call("remote.add", {"a": 2, "b": 3}) == {"sum": 5}

        port = int(remote_http.url.rsplit(":", 1)[1].split("/")[0])
        remote_http.stop()

        async def unavailable() -> None:
            with pytest.raises(errors.UnavailableError):
                await node.call("remote.shout", {"text": "anyone?"})

        await eventually(unavailable)
        await remote_http.start(port)

        async def recovered() -> None:
            try:
                assert await node.call("remote.shout", {"text": "back"}) == {"shouted": "BACK!"}
            except errors.UnavailableError:
                raise AssertionError("still down") from None

        await eventually(recovered)
        mount.unmount()
        assert "remote.shout" not in node.registry


async def test_a_wrong_token_keeps_the_mount_down(remote_http: Any) -> None:
    node = pf.Node("consumer")
    mount = node.mount_mcp(
        "remote", url=remote_http.url, headers={"Authorization": "Bearer nope"},
        **{**FAST, "connect_timeout": 2},
    )  # fmt: skip
    async with node.started():
        assert mount.status in ("down", "connecting")
        assert "remote.shout" not in node.registry
        assert mount.last_error is not None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "exactly one of command= or url="),
        ({"command": ["x"], "url": "http://x"}, "exactly one of command= or url="),
        ({"command": "server --flag"}, "command must be a non-empty list"),
        ({"command": ["x"], "call_timeout": 0}, "call_timeout must be positive"),
    ],
    ids=["neither", "both", "string-command", "zero-timeout"],
)
def test_bad_mount_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pf.Node("n").mount_mcp("remote", **options)


def test_names_with_dots_are_refused() -> None:
    with pytest.raises(ValueError, match="without dots"):
        partial(pf.Node("n").mount_mcp, "a.b", command=["x"])()


async def test_a_plain_sdk_server_mounts_too() -> None:
    node = pf.Node("consumer")
    mount = node.mount_mcp(
        "plain", command=[sys.executable, "-m", "tests.apps.plain_mcp_server"], cwd=str(ROOT)
    )
    async with node.started():
        assert mount.capabilities == ["plain.broken", "plain.busy", "plain.echo"]
        echo = node.registry.get("plain.echo")
        assert echo.intent == "Echo a message"
        assert echo.contract.requires == ("message",)
        assert echo.contract.provides == ()
        assert await node.call("plain.echo", {"message": "hi", "times": 2}) == {"text": "hi hi"}
        # keys that are not Python names pass through unvalidated, as the server defines them
        assert await node.call("plain.echo", {"message": "hi", "dash-key": "x"}) == {
            "text": "hi (x)"
        }
        with pytest.raises(errors.ContractViolationError) as invalid:
            await node.call("plain.echo", {"times": "often"})
        assert {d["field"] for d in invalid.value.details} == {"message", "times"}
        with pytest.raises(errors.ExecutionFailedError, match="reported an error: disk full"):
            await node.call("plain.broken", {})
        with pytest.raises(errors.RateLimitedError, match="E429 slow down"):
            await node.call("plain.busy", {})
        plan = pf.pipeline(pf.step("plain.echo", to=["text->shout"]))
        assert (await node.run(plan, {"message": "yo"}))["shout"] == "yo"

"""The LLM providers against local HTTP servers on 127.0.0.1 that speak each API's request and
response format: the Anthropic Messages API (``POST /v1/messages``, ``tool_use`` blocks) and
OpenAI-compatible chat completions (``POST /chat/completions``, ``tool_calls``). A provider's
plan is validated like any other; on an error, a timeout, garbage or an invalid plan the offline
planner answers (logged, never an E500)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from small_registry import CAPABILITIES, TODAY

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule

Reply = Callable[[dict[str, Any]], tuple[int, Any]]


@dataclass
class FakeApi:
    """A local HTTP server; ``reply(body) -> (status, json)`` answers each request."""

    reply: Reply = lambda body: (500, {"error": "no reply set"})
    requests: list[tuple[str, dict[str, str], dict[str, Any]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""


@pytest.fixture
def api() -> Iterator[FakeApi]:
    state = FakeApi()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            state.requests.append(
                (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            status, payload = state.reply(body)
            if status == 0:  # hold the request until the test ends: the planner times out
                state.release.wait(10)
                status, payload = 500, {}
            data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # A short poll: shutdown() waits for the serving loop's next poll (0.5 s by default).
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()
    thread.join()


def _anthropic(calls: list[tuple[str, dict[str, Any]]]) -> Reply:
    def reply(body: dict[str, Any]) -> tuple[int, Any]:
        content = [{"type": "text", "text": "Planning."}]
        content += [
            {"type": "tool_use", "id": f"toolu_{i}", "name": name, "input": args}
            for i, (name, args) in enumerate(calls)
        ]
        return 200, {
            "id": "msg_1", "type": "message", "role": "assistant", "model": body["model"],
            "content": content, "stop_reason": "tool_use", "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 5},
        }  # fmt: skip

    return reply


def _openai(calls: list[tuple[str, dict[str, Any]]]) -> Reply:
    def reply(body: dict[str, Any]) -> tuple[int, Any]:
        tool_calls = [
            {"id": f"call_{i}", "type": "function",
             "function": {"name": name, "arguments": json.dumps(args)}}
            for i, (name, args) in enumerate(calls)
        ]  # fmt: skip
        message = {"role": "assistant", "content": None, "tool_calls": tool_calls}
        return 200, {
            "id": "chatcmpl-1", "object": "chat.completion", "model": body["model"],
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}],
        }  # fmt: skip

    return reply


@pytest.fixture
def planning_timeout() -> float:
    # Long, so that a loaded machine never turns a provider's answer into a fallback; the test
    # of the timeout itself parametrizes a short one.
    return 30.0


@pytest.fixture
async def provider_node(
    module_node: pf.Node, register_module: Any, api: FakeApi, monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest, planning_timeout: float,
) -> pf.Node:  # fmt: skip
    kind = request.param
    monkeypatch.setenv("NL_TEST_KEY", "sk-test-123")
    module_node.register(CAPABILITIES)
    base = api.url if kind == "anthropic" else f"{api.url}/v1"
    await register_module(
        NlPlanningModule,
        config={
            "planner": kind, "base_url": base, "api_key_env": "NL_TEST_KEY", "model": "test-model",
            "planning_timeout": planning_timeout, "cache_size": 0, "embeddings": False,
        },
    )  # fmt: skip
    return module_node


both = pytest.mark.parametrize("provider_node", ["anthropic", "openai"], indirect=True)


def _reply_for(provider_node: pf.Node, calls: list[tuple[str, dict[str, Any]]]) -> Reply:
    module = provider_node.modules.instance("nl_planning")
    return _anthropic(calls) if module.config.planner == "anthropic" else _openai(calls)


@both
async def test_the_provider_plans_in_its_api_format(provider_node: pf.Node, api: FakeApi) -> None:
    api.reply = _reply_for(
        provider_node, [("refund_order", {"order_id": "7345901", "amount": 9.5})]
    )
    out = await provider_node.call(
        "nl_planning.plan", {"text": "give the money back for 7345901, 9.50", "today": TODAY}
    )
    assert out["steps"] == [
        {"capability": "refund_order", "params": {"order_id": "7345901", "amount": 9.5}}
    ]
    assert out["explanation"].startswith(
        provider_node.modules.instance("nl_planning").config.planner
    )
    [(path, headers, body)] = api.requests
    if path == "/v1/messages":
        assert headers["x-api-key"] == "sk-test-123"
        assert headers["anthropic-version"] == "2023-06-01"
        assert body["messages"] == [
            {"role": "user", "content": "give the money back for 7345901, 9.50"}
        ]
        assert body["max_tokens"] > 0 and "2026-03-04" in body["system"]
        tool = next(t for t in body["tools"] if t["name"] == "refund_order")
        assert tool["input_schema"]["properties"]["order_id"]["pattern"] == "^[0-9]{5,8}$"
    else:
        assert path == "/v1/chat/completions"
        assert headers["authorization"] == "Bearer sk-test-123"
        assert body["messages"][0]["role"] == "system"
        tool = next(t for t in body["tools"] if t["function"]["name"] == "refund_order")
        assert tool["type"] == "function" and "parameters" in tool["function"]
    assert body["model"] == "test-model"


@both
async def test_multi_step_provider_plans_are_wired(provider_node: pf.Node, api: FakeApi) -> None:
    calls = [("find_contact", {"name": "Ada Lovelace"}), ("send_email", {"body": "hi"})]
    api.reply = _reply_for(provider_node, calls)
    result = await provider_node.call(intent="find Ada Lovelace and email her saying hi")
    assert result == {"message_id": "m-1", "to": "ada@example.org"}


@pytest.mark.parametrize(
    "reply",
    [
        lambda body: (500, {"type": "error", "error": {"type": "api_error", "message": "boom"}}),
        lambda body: (200, "this is not json"),
        lambda body: (200, {"unexpected": "shape"}),
    ],
    ids=["http-500", "garbage", "wrong-shape"],
)
@both
async def test_the_offline_planner_answers_when_the_provider_fails(
    provider_node: pf.Node, api: FakeApi, reply: Reply, caplog: pytest.LogCaptureFixture
) -> None:
    api.reply = reply
    await _planned_offline(provider_node, caplog)


@pytest.mark.parametrize("planning_timeout", [0.5])
@both
async def test_the_offline_planner_answers_when_the_provider_hangs(
    provider_node: pf.Node, api: FakeApi, caplog: pytest.LogCaptureFixture
) -> None:
    api.reply = lambda body: (0, None)  # hangs past planning_timeout
    await _planned_offline(provider_node, caplog)
    assert "took longer than 0.5s" in caplog.text


async def _planned_offline(node: pf.Node, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="packetflow.nl_planning"):
        out = await node.call("nl_planning.plan", {"text": "refund order 7345901", "today": TODAY})
    assert out["steps"] == [{"capability": "refund_order", "params": {"order_id": "7345901"}}]
    assert "planning offline" in caplog.text


@pytest.mark.parametrize(
    "calls",
    [
        [("no_such_tool", {})],
        [("refund_order", {"order_id": "not-an-id"})],
        [("refund_order", {"order_id": "7345901", "bogus": 1})],
        [("packetflow.modules.list", {})],
    ],
    ids=["unknown-tool", "bad-value", "unknown-field", "management"],
)
@both
async def test_an_invalid_provider_plan_falls_back(
    provider_node: pf.Node, api: FakeApi, calls: list[tuple[str, dict[str, Any]]],
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    api.reply = _reply_for(provider_node, calls)
    with caplog.at_level(logging.WARNING, logger="packetflow.nl_planning"):
        out = await provider_node.call(
            "nl_planning.plan", {"text": "refund order 7345901", "today": TODAY}
        )
    assert out["steps"] == [{"capability": "refund_order", "params": {"order_id": "7345901"}}]
    assert "planning offline" in caplog.text

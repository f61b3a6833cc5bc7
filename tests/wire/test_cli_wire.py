"""The wire commands of the CLI: token, call, capabilities list --url."""

from __future__ import annotations

import json

import pytest
import trio

import packetflow as pf
from packetflow._cli import main

from .conftest import SECRET

SECURED = pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(authority=pf.TokenAuthority(SECRET))], ids=["secured"]
)


async def run_cli(*argv: str) -> int:
    """Run the CLI in a worker thread (it calls trio.run itself)."""
    return await trio.to_thread.run_sync(main, list(argv))


def test_token_create_prints_a_verifiable_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PACKETFLOW_SECRET", SECRET)
    assert (
        main(
            [
                "token",
                "create",
                "--sub",
                "alice",
                "--scope",
                "cap:*",
                "--scope",
                "chan:orders.*",
                "--ttl",
                "60",
            ]
        )
        == 0
    )
    token = capsys.readouterr().out.strip()
    principal = pf.TokenAuthority(SECRET).verify(token)
    assert principal.sub == "alice"
    assert principal.scopes == ("cap:*", "chan:orders.*")


def test_token_create_needs_a_secret_and_valid_scopes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PACKETFLOW_SECRET", raising=False)
    monkeypatch.delenv("PACKETFLOW_SECRET_FILE", raising=False)
    assert main(["token", "create", "--sub", "a", "--scope", "cap:*"]) == 2
    assert "PACKETFLOW_SECRET" in capsys.readouterr().err
    monkeypatch.setenv("PACKETFLOW_SECRET", SECRET)
    assert main(["token", "create", "--sub", "a", "--scope", "everything"]) == 2
    assert "scope 'everything'" in capsys.readouterr().err


def test_token_secret_is_long_enough(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "secret"]) == 0
    pf.TokenAuthority(capsys.readouterr().out.strip())


@SECURED
async def test_call_prints_the_output(
    served: pf.WireServer, authority: pf.TokenAuthority, capsys: pytest.CaptureFixture[str]
) -> None:
    token = authority.issue("cli", ["cap:*"])
    code = await run_cli(
        "call", "echo", "--json", '{"a": 1}', "--url", served.url, "--token", token
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {"a": 1}


@SECURED
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("call", "nope"), "E404 not_found"),
        (("call", "sleepy", "--json", '{"ms": "x"}'), "E422 contract_violation"),
        (("call", "sleepy"), "E403 forbidden"),
    ],
    ids=["E404", "E422", "E403"],
)
async def test_call_failure_prints_the_code_and_exits_non_zero(
    served: pf.WireServer,
    authority: pf.TokenAuthority,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    expected: str,
) -> None:
    scopes = ["cap:nope", "cap:echo"] if expected.startswith("E403") else ["cap:*"]
    token = authority.issue("cli", scopes)
    assert await run_cli(*argv, "--url", served.url, "--token", token) == 1
    assert capsys.readouterr().err.startswith(expected)


@SECURED
async def test_call_without_token_is_e401(
    served: pf.WireServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PACKETFLOW_TOKEN", raising=False)
    assert await run_cli("call", "echo", "--url", served.url, "--token", "") == 1
    assert capsys.readouterr().err.startswith("E401 unauthenticated")


async def test_call_rejects_bad_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "echo", "--json", "{nope"]) == 2
    assert "not valid JSON" in capsys.readouterr().err


@SECURED
async def test_capabilities_list_over_the_network(
    served: pf.WireServer, authority: pf.TokenAuthority, capsys: pytest.CaptureFixture[str]
) -> None:
    token = authority.issue("cli", ["cap:*"])
    assert await run_cli("capabilities", "list", "--url", served.url, "--token", token) == 0
    out = capsys.readouterr().out
    assert "sleepy" in out
    assert "Sleep, then return the tag" in out
    assert (
        await run_cli("capabilities", "list", "--url", served.url, "--token", token, "--json") == 0
    )
    listed = json.loads(capsys.readouterr().out)
    assert {"echo", "sleepy"} <= {entry["name"] for entry in listed}
    assert all("input_schema" in entry for entry in listed)


async def test_unreachable_node_is_e503(capsys: pytest.CaptureFixture[str]) -> None:
    assert await run_cli("call", "echo", "--url", "ws://127.0.0.1:1") == 1
    assert capsys.readouterr().err.startswith("E503 unavailable")


async def test_network_demo_calls_through_the_client_and_receives_an_event(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from packetflow.examples import network, onboarding

    await network.main(onboarding.node)
    out = capsys.readouterr().out
    assert "serving on ws://127.0.0.1:" in out
    assert "call user_onboarding -> acc-" in out
    assert "subscription 'accounts.*' got an event on 'accounts.created'" in out
    assert "50 concurrent calls on one connection" in out
    assert "E403" in out
    assert "closed its connections (1001)" in out

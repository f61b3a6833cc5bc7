"""``packetflow actors send CAP ACTOR_ID --json '{...}'``: message an actor from the command
line, in this process (``--app``) or on a running node (``--url`` with a token)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path

import pytest
import trio

import packetflow as pf
from packetflow._cli import main

APP = textwrap.dedent(
    """
    from pathlib import Path

    from pydantic import BaseModel

    import packetflow as pf


    class Tally(BaseModel):
        words: list[str] = []


    class Word(BaseModel):
        text: str


    class Count(BaseModel):
        count: int
        first: str


    @pf.actor(persistence="sqlite")
    class Counter(pf.Actor[Tally]):
        async def handle(self, msg: Word, ctx: pf.Context) -> Count:
            self.state.words.append(msg.text)
            return Count(count=len(self.state.words), first=self.state.words[0])


    node = pf.Node("send-cli", data_dir=Path(__file__).parent / "data")
    node.register(Counter)
    """
)
SECRET = "send-cli-secret-0123456789-abcdefghijkl"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    module = f"send_app_{request.node.name.replace('[', '_').replace(']', '')}"
    (tmp_path / f"{module}.py").write_text(APP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    return f"{module}:node"


async def run_cli(*argv: str) -> int:
    """The CLI in a worker thread: it calls trio.run itself."""
    return await trio.to_thread.run_sync(main, list(argv))


def test_send_in_process_creates_the_actor_and_its_state_persists(
    app: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["actors", "send", "counter", "c-1", "--json", '{"text": "alpha"}', "--app", app]) == 0
    )
    assert json.loads(capsys.readouterr().out) == {"count": 1, "first": "alpha"}
    # the next run of the command starts the node again: the state comes from its data dir
    assert (
        main(["actors", "send", "counter", "c-1", "--json", '{"text": "beta"}', "--app", app]) == 0
    )
    assert json.loads(capsys.readouterr().out) == {"count": 2, "first": "alpha"}


@pytest.mark.parametrize(
    ("message", "code", "expected"),
    [
        ('{"txt": "x"}', 1, "error: E422 contract_violation: "),
        ("[1]", 2, "error: --json must be a JSON object"),
        ("{oops", 2, "error: --json is not valid JSON"),
    ],
    ids=["contract", "not-object", "not-json"],
)
def test_a_bad_message_is_one_line(
    app: str, capsys: pytest.CaptureFixture[str], message: str, code: int, expected: str
) -> None:
    assert main(["actors", "send", "counter", "c-1", "--json", message, "--app", app]) == code
    err = capsys.readouterr().err
    assert err.startswith(expected)
    assert "Traceback" not in err


@pytest.fixture
async def served(app: str) -> AsyncIterator[str]:
    """The app's node served on 127.0.0.1 (any port) with token auth; yields its URL."""
    from packetflow._cli.app import load_app

    node = load_app(app)
    config = pf.ServerConfig(authority=pf.TokenAuthority(SECRET))
    async with trio.open_nursery() as nursery:
        server = await nursery.start(partial(node.serve, "127.0.0.1", 0, config=config))
        yield server.url
        nursery.cancel_scope.cancel()


async def test_send_over_the_wire_needs_an_actor_scope(
    served: str, capsys: pytest.CaptureFixture[str]
) -> None:
    authority = pf.TokenAuthority(SECRET)
    allowed = authority.issue("ada", ["actor:counter"])
    argv = ["actors", "send", "counter", "c-9", "--json", '{"text": "hi"}', "--url", served]
    assert await run_cli(*argv, "--token", allowed) == 0
    assert json.loads(capsys.readouterr().out) == {"count": 1, "first": "hi"}
    refused = authority.issue("eve", ["cap:*"])
    assert await run_cli(*argv, "--token", refused) == 1
    assert capsys.readouterr().err.startswith("error: E403 forbidden: ")


async def test_send_defaults_to_packetflow_url(
    served: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACKETFLOW_URL", served)
    monkeypatch.setenv("PACKETFLOW_TOKEN", pf.TokenAuthority(SECRET).issue("ada", ["actor:*"]))
    argv = ["actors", "send", "counter", "c-2", "--json", '{"text": "env"}']
    assert await run_cli(*argv) == 0
    assert json.loads(capsys.readouterr().out)["first"] == "env"

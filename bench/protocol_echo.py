"""The raw trio-websocket pair doing the sans-IO protocol's work itself, with none of
packetflow's trio shells: the server handler feeds each message to a ``ServerProtocol``, runs
the request through ``node.dispatch`` inline and sends the protocol's reply; the client builds
each request with ``request_text`` and routes each reply through a ``ClientProtocol`` to the
waiting call. Against ``pf.open_client`` and ``node.serve`` it measures what the shells
(``_wire/connection.py``, ``_client/``) cost on top of the protocol's own work per request.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from typing import Any

import trio
from trio_websocket import WebSocketConnection, WebSocketRequest

import packetflow as pf
from packetflow._auth.principal import Principal
from packetflow._client.session import Slot
from packetflow._tracing import outgoing_context
from packetflow._wire.config import ServerConfig
from packetflow._wire.protocol.client import ClientProtocol, outcome, request_text
from packetflow._wire.protocol.events import Resolve, Run, Send
from packetflow._wire.protocol.server import ServerProtocol

__all__ = ["protocol_client", "protocol_echo"]


class _OpenGate:
    """A wire server's part of the protocol with nothing refused (the bench's one client)."""

    draining = False

    def admit(self, principal: Principal) -> None:
        return None

    def note_refused(self, code: str) -> None:
        return None


def protocol_echo(node: pf.Node) -> Callable[[WebSocketRequest], Awaitable[None]]:
    """A ``serve_websocket`` handler answering each request through the protocol and
    ``node.dispatch``, in the handler's own task."""

    async def handle(request: WebSocketRequest) -> None:
        ws = await request.accept()
        protocol = ServerProtocol(
            ServerConfig(), _OpenGate(), session_id="bench/1", node_id=node.node_id,
            node_name=node.name, now=trio.current_time(),
        )  # fmt: skip
        try:
            while True:
                for output in protocol.receive(await ws.get_message(), trio.current_time()):
                    if isinstance(output, Send):  # the welcome
                        await ws.send_message(output.text)
                    elif isinstance(output, Run):
                        req = output.request
                        text = protocol.reply(req, await node.dispatch(req))
                        protocol.done(req.id)
                        await ws.send_message(text)
                    else:  # the hello's token check: the bench's client has none
                        for welcome in protocol.welcome(output, Principal.anonymous(), 0.0):
                            assert isinstance(welcome, Send)
                            await ws.send_message(welcome.text)
        except Exception:  # the peer went away
            return

    return handle


async def protocol_client(
    ws: WebSocketConnection,
) -> Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]:
    """After the hello, a ``call(capability, payload)`` over ``ws``: it sends the request,
    reads one reply (whichever comes: with many calls in flight, another call's) and routes it
    to its call, then waits for its own."""
    protocol = ClientProtocol("bench", {})
    await ws.send_message(protocol.hello(None, "bench"))
    protocol.receive(await ws.get_message(), trio.current_time())
    ids = itertools.count(1)

    async def call(capability: str, payload: dict[str, Any]) -> dict[str, Any]:
        msg_id = str(next(ids))
        fields = {"capability_id": capability}
        text = request_text(
            "capability_request", msg_id, fields, payload, None, outgoing_context(None), None
        )
        slot = Slot()
        protocol.expect(msg_id, text, slot)
        await ws.send_message(text)
        for output in protocol.receive(await ws.get_message(), trio.current_time()):
            if isinstance(output, Resolve):
                output.waiter.resolve(output.reply)
        await slot.wait()
        protocol.forget(msg_id)
        assert slot.reply is not None
        return outcome(slot.reply)

    return call

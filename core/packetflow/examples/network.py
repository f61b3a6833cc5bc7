"""The onboarding node over the network: served on a free port, called through
``packetflow.Client`` with a token, a subscription receiving the node's events.

``packetflow demo`` runs :func:`main` after the in-process part.
"""

from __future__ import annotations

import importlib.util
import secrets
import time
from functools import partial

import trio

import packetflow as pf

from ._terminal import title
from .onboarding import mailer
from .onboarding import node as onboarding_node


async def main(node: pf.Node = onboarding_node) -> None:
    """Serve ``node`` on 127.0.0.1 (any free port) and use it as a remote client would."""
    mailer.failures = 0  # the onboarding part took the email service down; it is back
    authority = pf.TokenAuthority(secrets.token_urlsafe(32))
    # With the 'http' extra the node also serves its HTTP port: metrics and the dashboard.
    http = importlib.util.find_spec("hypercorn") and importlib.util.find_spec("prometheus_client")
    config = pf.ServerConfig(authority=authority, http_port=0 if http else None)
    async with trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(
            partial(node.serve, "127.0.0.1", 0, config=config)
        )
        title(f"Over the network: {node.name!r} serving on {server.url}")
        if server.http_url is not None:
            print(f"  dashboard at {server.http_url}/ (log in with an admin token)")
        token = authority.issue("demo-client", ["cap:*", "chan:accounts.*"], ttl=300)
        print("  token for 'demo-client' with scopes cap:*, chan:accounts.*")
        async with pf.open_client(server.url, token=token) as client:
            found = await client.discover(tag="risk")
            print(f"  discover(tag='risk'): {[c['name'] for c in found]}")
            print(f"    score_risk requires {found[-1]['requires']}")

            async with client.subscribe("accounts.*") as events:
                payload = {"email": "hopper@example.org", "name": "Grace", "country": "US"}
                out = await client.call("user_onboarding", payload, timeout=10)
                print(f"  call user_onboarding -> {out['account_id']}: {out['decision']}")
                with trio.fail_after(5):
                    event = await events.receive()
                print(f"  subscription 'accounts.*' got an event on {event.channel!r}:")
                print(f"    {event.payload}")

            emails = [f"user{n}@example.org" for n in range(50)]
            started = time.perf_counter()
            checked: list[str] = []
            async with trio.open_nursery() as calls:
                for email in emails:
                    calls.start_soon(_validate, client, email, checked)
            elapsed = (time.perf_counter() - started) * 1000
            print(f"  {len(checked)} concurrent calls on one connection in {elapsed:.1f} ms")

            try:
                await client.call("score_risk", {"email": "x@y.z"})
            except pf.errors.ContractViolationError as exc:
                print(f"  bad input over the wire: {exc.code} {exc.type}, fields "
                      f"{[d['field'] for d in exc.details]}")  # fmt: skip

        intern = authority.issue("intern", ["cap:validate_*"], ttl=300)
        async with pf.open_client(server.url, token=intern) as client:
            try:
                await client.call(
                    "create_account", {"email": "a@b.c", "name": "A", "existing": False}
                )
            except pf.errors.ForbiddenError as exc:
                print(f"  token without the scope: {exc.code} {exc.message}")

        await server.shutdown()
        print("  node drained and closed its connections (1001)")
        nursery.cancel_scope.cancel()


async def _validate(client: pf.Client, email: str, checked: list[str]) -> None:
    out = await client.call("validate_email", {"email": email})
    checked.append(out["email"])


if __name__ == "__main__":
    trio.run(main)

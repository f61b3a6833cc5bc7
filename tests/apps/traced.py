"""Traced nodes for the OpenTelemetry test, each in its own process with the SDK and its
in-memory span exporter; the spans are written to ``$PACKETFLOW_SPANS`` (JSON lines) when
the process exits.

- ``make_edge``: serves ``ask``, which calls ``leaf.greet`` on a mounted MCP server;
- ``make_leaf``: the mounted server (``packetflow mcp --app tests.apps.traced:make_leaf``);
- ``python -m tests.apps.traced URL``: the client, calling ``ask`` under a span of its own.
"""

from __future__ import annotations

import atexit
import json
import os
import sys

import trio
from pydantic import BaseModel

import packetflow as pf

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def configure(service: str) -> None:
    """The SDK with an in-memory exporter; its spans go to ``$PACKETFLOW_SPANS`` at exit."""
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)

    def dump() -> None:
        with open(os.environ["PACKETFLOW_SPANS"], "w", encoding="utf-8") as out:
            for span in exporter.get_finished_spans():
                out.write(
                    json.dumps(
                        {
                            "service": service,
                            "name": span.name,
                            "kind": span.kind.name,
                            "trace_id": f"{span.context.trace_id:032x}",
                            "span_id": f"{span.context.span_id:016x}",
                            "parent_id": f"{span.parent.span_id:016x}" if span.parent else None,
                            "attributes": dict(span.attributes or {}),
                            "status": span.status.status_code.name,
                        }
                    )
                    + "\n"
                )

    atexit.register(dump)


class Name(BaseModel):
    name: str = "world"


class Greeting(BaseModel):
    greeting: str


@pf.capability(intent="Greet someone")
async def greet(inp: Name) -> Greeting:
    return Greeting(greeting=f"hello {inp.name}")


def make_leaf() -> pf.Node:
    configure("leaf")
    node = pf.Node("traced-leaf")
    node.modules.autoload = False
    node.register(greet)
    return node


def make_edge() -> pf.Node:
    configure("edge")
    node = pf.Node("traced-edge")
    node.modules.autoload = False
    env = {**os.environ, "PACKETFLOW_SPANS": os.environ["PACKETFLOW_LEAF_SPANS"]}
    command = [
        sys.executable,
        "-m",
        "packetflow._cli",
        "mcp",
        "--app",
        "tests.apps.traced:make_leaf",
    ]
    mount = node.mount_mcp("leaf", command=command, env=env, cwd=ROOT)

    @pf.capability(intent="Ask the leaf to greet")
    async def ask(inp: Name) -> Greeting:
        await mount.wait_ready()
        out = await node.call("leaf.greet", {"name": inp.name})
        return Greeting(greeting=out["greeting"])

    node.register(ask)
    return node


async def _client(url: str) -> None:
    from opentelemetry import trace

    tracer = trace.get_tracer("traced-client")
    async with pf.open_client(url) as client:
        with tracer.start_as_current_span("client.ask"):
            out = await client.call("ask", {"name": "ada"})
    print(out["greeting"], flush=True)


if __name__ == "__main__":
    configure("client")
    trio.run(_client, sys.argv[1])

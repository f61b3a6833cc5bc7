"""OpenTelemetry across real processes: a client, a node serving it, and an MCP server the
node mounts, each with the SDK's in-memory span exporter. One trace runs through all three,
every span with the right parent; and without the extra nothing of it is imported."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _spans(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_trace_spans_client_node_and_mounted_server(tmp_path: Path) -> None:
    files = {name: tmp_path / f"{name}.jsonl" for name in ("client", "edge", "leaf")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env |= {
        "PACKETFLOW_SPANS": str(files["edge"]),
        "PACKETFLOW_LEAF_SPANS": str(files["leaf"]),
        "PACKETFLOW_DISABLE_MODULE_AUTOLOAD": "1",
    }
    serve = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "packetflow._cli",
            "serve",
            "--app",
            "tests.apps.traced:make_edge",
            "--port",
            "0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert serve.stdout is not None
        line = serve.stdout.readline()  # it prints its address once it listens
        assert "serving on ws://" in line, line + serve.stdout.read()
        url = line.split("serving on ", 1)[1].split()[0]
        client = subprocess.run(
            [sys.executable, "-m", "tests.apps.traced", url],
            cwd=ROOT,
            env=env | {"PACKETFLOW_SPANS": str(files["client"])},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert client.returncode == 0, client.stdout + client.stderr
        assert client.stdout.strip() == "hello ada"
    finally:
        serve.send_signal(signal.SIGINT)  # a graceful stop: the mount closes the leaf
        output, _ = serve.communicate(timeout=120)
    assert serve.returncode == 0, output

    spans = {name: _spans(path) for name, path in files.items()}
    everything = [s for found in spans.values() for s in found]
    root = next(s for s in spans["client"] if s["name"] == "client.ask")
    ours = [s for s in everything if s["name"].startswith(("packetflow.", "client.", "tools/call"))]
    assert {s["trace_id"] for s in ours} == {root["trace_id"]}, "one trace"
    # (the mount's own session traffic, tools/list and the like, are traces of their own)
    spans = {
        name: [s for s in found if s["trace_id"] == root["trace_id"]]
        for name, found in spans.items()
    }

    def one(service: str, name: str) -> dict[str, Any]:
        found = [s for s in spans[service] if s["name"] == name]
        assert len(found) == 1, (name, [s["name"] for s in spans[service]])
        return found[0]

    request = one("edge", "packetflow.request ask")
    assert request["kind"] == "SERVER" and request["parent_id"] == root["span_id"]
    ask = one("edge", "packetflow.capability ask")
    assert ask["parent_id"] == request["span_id"]
    mounted = one("edge", "packetflow.capability leaf.greet")
    assert mounted["parent_id"] == ask["span_id"]
    sent = next(s for s in spans["edge"] if s["name"].startswith("MCP send tools/call"))
    assert sent["parent_id"] == mounted["span_id"]  # the traceparent in _meta comes from here
    served = next(s for s in spans["leaf"] if s["name"] == "tools/call greet")
    assert served["kind"] == "SERVER" and served["parent_id"] == sent["span_id"]
    leaf_request = one("leaf", "packetflow.request greet")
    assert leaf_request["parent_id"] == served["span_id"]
    leaf_greet = one("leaf", "packetflow.capability greet")
    assert leaf_greet["parent_id"] == leaf_request["span_id"]
    assert leaf_greet["attributes"]["packetflow.capability"] == "greet"


def test_without_the_extra_nothing_of_it_is_imported(tmp_path: Path) -> None:
    # An interpreter whose site-packages lacks the opentelemetry distributions: every other
    # entry linked in, those left out (the extra "not installed", for real).
    site = Path(next(p for p in sys.path if p.endswith("site-packages")))
    bare = tmp_path / "site"
    bare.mkdir()
    for entry in site.iterdir():
        if not entry.name.startswith("opentelemetry"):
            (bare / entry.name).symlink_to(entry)
    script = textwrap.dedent("""
        import sys, trio
        import packetflow as pf
        from packetflow import _tracing

        @pf.capability
        async def hello(payload):
            return {"hi": True}

        async def main():
            async with pf.open_node("plain") as node:
                node.register(hello)
                await node.call("hello", {})
                assert _tracing.outgoing_context({"a": 1}) == {"a": 1}

        trio.run(main)
        assert not _tracing.installed()
        loaded = [m for m in sys.modules if m.startswith(("opentelemetry", "packetflow._otel"))]
        assert loaded == [], loaded
        print("clean")
    """)
    done = subprocess.run(
        [sys.executable, "-S", "-c", script],
        cwd=tmp_path,
        env={
            "PYTHONPATH": os.pathsep.join([str(bare), str(ROOT / "core")]),
            "PATH": os.environ.get("PATH", ""),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "clean", done.stdout + done.stderr


@pytest.mark.parametrize("setting", ["0", "off"], ids=["zero", "off"])
def test_packetflow_otel_off_wins(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    from packetflow import _tracing

    monkeypatch.setenv("PACKETFLOW_OTEL", setting)
    assert _tracing.wanted() is False


def test_steps_module_hooks_actor_messages_and_errors_have_spans(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import trio
        import packetflow as pf
        from tests.apps import observed_app, traced

        traced.configure("node")

        async def main():
            node = observed_app.make_node()
            async with node.started():
                await node.call("fan_out", {"ms": 1})
                await node.actors.send("counter", "c1", {"n": 1})
                try:
                    await node.call("work", {"fail": "E500"})
                except pf.PacketFlowError:
                    pass

        trio.run(main)
    """)
    spans_file = tmp_path / "spans.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env | {"PACKETFLOW_SPANS": str(spans_file), "PACKETFLOW_TEST_DATA": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    spans = _spans(spans_file)
    by_id = {s["span_id"]: s for s in spans}

    def parent(span: dict[str, Any]) -> dict[str, Any]:
        return by_id[span["parent_id"]]

    call = next(s for s in spans if s["name"] == "packetflow.call fan_out")
    composition = next(s for s in spans if s["name"] == "packetflow.capability fan_out")
    assert parent(composition) is call
    steps = [s for s in spans if s["name"].startswith("packetflow.step ")]
    assert len(steps) == 4 and all(parent(s) is composition for s in steps)
    assert {s["attributes"]["packetflow.step.path"] for s in steps} >= {
        "pipeline[0].step",
        "pipeline[2].step",
    }
    hook = next(
        s
        for s in spans
        if s["name"] == "packetflow.module watcher request" and s["trace_id"] == call["trace_id"]
    )
    assert parent(hook) is call and hook["attributes"]["packetflow.decision"] == "Continue"
    actor = next(s for s in spans if s["name"] == "packetflow.actor counter")
    assert actor["attributes"]["packetflow.actor.id"] == "c1"
    failed = next(
        s for s in spans if s["name"] == "packetflow.capability work" and s["status"] == "ERROR"
    )
    assert failed["attributes"]["packetflow.error.code"] == "E500"

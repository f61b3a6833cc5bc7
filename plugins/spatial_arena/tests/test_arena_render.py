"""The snapshot and the SVG: readable (zones labelled with their load, capabilities named),
well-formed, and fine for an empty arena."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from arena_kit import Start, untyped

import packetflow as pf
from packetflow_spatial_arena import render_svg

SVG = "{http://www.w3.org/2000/svg}"


async def test_snapshot_and_render_of_an_empty_arena(
    module_node: pf.Node, start_arena: Start
) -> None:
    await start_arena()
    snapshot = await module_node.call("spatial_arena.snapshot", {})
    assert snapshot["capabilities"] == [] and snapshot["edges"] == []
    assert [z["id"] for z in snapshot["zones"]] == ["processing", "ai", "storage"]
    svg = (await module_node.call("spatial_arena.render", {}))["svg"]
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    labels = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert "processing (0/100)" in labels
    assert "0 capabilities" in " ".join(labels)


async def test_the_drawing_names_capabilities_and_shows_load(
    module_node: pf.Node, start_arena: Start
) -> None:
    async def reply(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return {}

    module_node.register(untyped("summarize", reply, tags=["llm"]))
    module_node.register(untyped("store_doc", reply, tags=["storage"]))
    module = await start_arena()
    for i in range(3):
        await module_node.call("summarize", {}, context={"trace_id": f"t{i}"})
        await module_node.call("store_doc", {}, context={"trace_id": f"t{i}"})
    module.arena.tick()
    snapshot = await module_node.call("spatial_arena.snapshot", {"max_edges": 10})
    assert snapshot["edges"] == [{"a": "store_doc", "b": "summarize", "weight": 2.97}]
    ai = next(z for z in snapshot["zones"] if z["id"] == "ai")
    assert (ai["admitted"], ai["in_use"], ai["members"]) == (3, 0, 1)
    svg = render_svg(snapshot, title="test <arena>")
    root = ET.fromstring(svg)
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert {"summarize", "store_doc"} <= set(texts)
    assert root.find(f"{SVG}title").text == "test <arena>"  # type: ignore[union-attr]
    edge_titles = [t.text for t in root.iter(f"{SVG}title")]
    assert "store_doc - summarize: 2.97" in edge_titles

"""The arena as an SVG a person can read, drawn from a snapshot (so the CLI can draw a remote
node's arena too): zones as labelled circles with their load, capabilities as named dots in
their zone's colour, co-usage edges as lines whose width and opacity follow their weight.
No script, no external font or stylesheet: the file renders anywhere, offline.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["render_svg"]

_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")
_PIXELS = 640  # the drawing's width; the arena is scaled to it
_MAX_LABELS = 150  # beyond this many capabilities, only the busiest are named
# A light outline behind a label keeps it readable over lines and dots.
_HALO = ' stroke="#fbfbf8" stroke-width="3" paint-order="stroke" stroke-linejoin="round"'


def render_svg(snapshot: dict[str, Any], *, title: str | None = None) -> str:
    """The SVG text of ``snapshot`` (the output of ``spatial_arena.snapshot``)."""
    size = float(snapshot.get("size") or 100.0)
    scale = _PIXELS / size
    legend = 28 + 18 * len(snapshot.get("zones", []))
    height = _PIXELS + legend
    colour = {z["id"]: _PALETTE[i % len(_PALETTE)] for i, z in enumerate(snapshot["zones"])}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_PIXELS}" height="{height}" '
        f'viewBox="0 0 {_PIXELS} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title or 'PacketFlow spatial arena')}</title>",
        f'<rect width="{_PIXELS}" height="{_PIXELS}" fill="#fbfbf8" stroke="#999"/>',
    ]
    zones = {z["id"]: z for z in snapshot["zones"]}
    titles = []
    for link in snapshot.get("connections", []):
        a, b = zones.get(link["from"]), zones.get(link["to"])
        if a and b:
            (x1, y1), (x2, y2) = _xy(a["center"], scale), _xy(b["center"], scale)
            out.append(
                f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#bbb" '
                f'stroke-dasharray="6 4" stroke-width="{1 + 4 * link["weight"]:.1f}"/>'
            )
    for zone in snapshot["zones"]:
        x, y = _xy(zone["center"], scale)
        fill = colour[zone["id"]]
        out.append(
            f'<circle cx="{x}" cy="{y}" r="{zone["radius"] * scale:.1f}" fill="{fill}" '
            f'fill-opacity="0.10" stroke="{fill}" stroke-width="2"/>'
        )
        top = y - zone["radius"] * scale
        # above the circle, clear of its members; inside it when the arena's edge is near
        label_y = top - 6 if top - 6 >= 14 else top + 16
        titles.append(
            f'<text x="{x}" y="{label_y:.1f}" text-anchor="middle" font-size="13" '
            f'font-weight="bold" fill="{fill}"{_HALO}>{escape(zone["id"])} '
            f"({zone['in_use']}/{zone['capacity']})</text>"
        )
    out.extend(_edges(snapshot, scale))
    caps = snapshot.get("capabilities", [])
    busy = {e["a"] for e in snapshot.get("edges", [])} | {e["b"] for e in snapshot.get("edges", [])}
    named = len(caps) <= _MAX_LABELS
    for cap in caps:
        x, y = _xy(cap["position"], scale)
        fill = colour.get(cap["zone"], "#666")
        stroke = ' stroke="#222" stroke-width="1.2"' if cap.get("pinned") else ""
        out.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{fill}"{stroke}/>')
        if named or cap["name"] in busy:
            out.append(
                f'<text x="{x + 6:.1f}" y="{y + 4:.1f}" fill="#222">{escape(cap["name"])}</text>'
            )
    out.extend(titles)  # zone names last: on top of everything
    out.extend(_legend(snapshot, colour, _PIXELS + 18))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _edges(snapshot: dict[str, Any], scale: float) -> list[str]:
    where = {cap["name"]: cap["position"] for cap in snapshot.get("capabilities", [])}
    edges = snapshot.get("edges", [])
    strongest = max((e["weight"] for e in edges), default=1.0) or 1.0
    lines = []
    for edge in edges:
        if edge["a"] not in where or edge["b"] not in where:
            continue
        (x1, y1), (x2, y2) = _xy(where[edge["a"]], scale), _xy(where[edge["b"]], scale)
        share = edge["weight"] / strongest
        lines.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#555" '
            f'stroke-opacity="{0.2 + 0.6 * share:.2f}" stroke-width="{0.5 + 3.5 * share:.2f}">'
            f"<title>{escape(edge['a'])} - {escape(edge['b'])}: {edge['weight']:.2f}</title></line>"
        )
    return lines


def _legend(snapshot: dict[str, Any], colour: dict[str, str], top: float) -> list[str]:
    lines = [
        f'<text x="8" y="{top:.0f}" fill="#222">{len(snapshot.get("capabilities", []))} '
        f"capabilities, {len(snapshot.get('edges', []))} co-usage edges "
        f"(line width = weight), tick {snapshot.get('ticks', 0)}; ringed dots are pinned</text>"
    ]
    for i, zone in enumerate(snapshot["zones"]):
        y = top + 18 * (i + 1)
        lines.append(
            f'<rect x="8" y="{y - 9:.0f}" width="10" height="10" fill="{colour[zone["id"]]}"/>'
        )
        lines.append(
            f'<text x="24" y="{y:.0f}" fill="#222">{escape(zone["id"])}: '
            f"{escape(zone['specialization'])}, {zone['in_use']}/{zone['capacity']} in use, "
            f"{zone['queued']} queued, {zone['rejected']} rejected, timeout x"
            f"{zone['timeout_multiplier']:g}, priority {zone['priority']}</text>"
        )
    return lines


def _xy(point: Any, scale: float) -> tuple[float, float]:
    return round(float(point[0]) * scale, 1), round(float(point[1]) * scale, 1)

"""Positions and co-usage persisted under the node's data dir, restored on restart.

One JSON file (``<data_dir>/spatial_arena/arena.json``), replaced atomically (written to a
temporary file in the same directory, flushed, then ``os.replace``): a crash mid-write leaves
the previous file. A file that cannot be read or does not look like ours is set aside as
``arena.json.bad`` and the arena starts from a fresh placement (logged, never a crash).
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .usage import Edge

__all__ = ["FORMAT", "ArenaStore", "SavedArena"]

log = logging.getLogger("packetflow.spatial_arena")

FORMAT = 1


@dataclass(slots=True)
class SavedArena:
    """What the file holds."""

    seed: int = 0
    size: float = 100.0
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "seed": self.seed,
            "size": self.size,
            "positions": {
                name: [round(x, 4), round(y, 4)] for name, (x, y) in self.positions.items()
            },
            "edges": [[a, b, round(w, 6)] for a, b, w in self.edges],
        }

    @classmethod
    def from_json(cls, data: Any) -> SavedArena:
        """Parse ``data``; raises ``ValueError`` naming what is wrong."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not an arena file of format {FORMAT}")
        positions: dict[str, tuple[float, float]] = {}
        for name, xy in dict(data.get("positions", {})).items():
            x, y = (float(v) for v in xy)
            if not (math.isfinite(x) and math.isfinite(y)):
                raise ValueError(f"position of {name!r} is not finite")
            positions[str(name)] = (x, y)
        edges = [(str(a), str(b), float(w)) for a, b, w in data.get("edges", [])]
        return cls(int(data.get("seed", 0)), float(data.get("size", 100.0)), positions, edges)


class ArenaStore:
    """Reads and writes one arena file (blocking: call it from a worker thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> SavedArena | None:
        """The saved arena, or ``None`` when there is none (or it was unreadable)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("spatial_arena: cannot read %s (%s); placing afresh", self.path, exc)
            return None
        try:
            return SavedArena.from_json(json.loads(text))
        except (ValueError, TypeError) as exc:
            bad = self.path.with_name(self.path.name + ".bad")
            log.warning(
                "spatial_arena: %s is not a valid arena file (%s); moved to %s, placing afresh",
                self.path, exc, bad,
            )  # fmt: skip
            os.replace(self.path, bad)
            return None

    def save(self, arena: SavedArena) -> None:
        """Write ``arena`` atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".arena-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(arena.to_json(), out, separators=(",", ":"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

"""The scorer of the development evaluation set (``eval/``), four figures reported apart:

- **single-step top-1**: the plan of a ``single`` case has one step, of the expected capability;
- **multi-step sequence exact**: the capabilities of a ``multi`` case's plan, in order;
- **exact params per step**: over every expected step of the non-refusal cases, the step at
  that place has the expected capability, exactly the expected ``params`` and the expected
  ``wired`` sources. Comparison is AST-style (BFCL): a parameter the plan gives with the field's
  default value equals its omission; numbers compare by value (``40 == 40.0``); names and
  places compare case-insensitively (the eval README allows it);
- **refusals**: a ``refusal`` case is answered with E404.

Run it for the failures: ``python plugins/nl_planning/tests/scoring.py`` (from an env with the
module installed), or see ``test_eval.py`` for the floors.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

EVAL = Path(__file__).parent / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))

from registry import make_node  # noqa: E402 (the eval folder joins sys.path first)

__all__ = ["Scores", "cases", "score"]


def cases() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((EVAL / "cases.json").read_text(encoding="utf-8"))
    return data


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Scores:
    single: Tally = field(default_factory=Tally)
    multi: Tally = field(default_factory=Tally)
    params: Tally = field(default_factory=Tally)
    refusals: Tally = field(default_factory=Tally)
    failures: list[str] = field(default_factory=list)

    def table(self) -> str:
        rows = [
            ("single-step top-1 capability", self.single),
            ("multi-step sequence exact", self.multi),
            ("exact params per step", self.params),
            ("refusals (near misses included)", self.refusals),
        ]
        return "\n".join(f"{name:34} {t.rate:7.1%}  ({t.right}/{t.total})" for name, t in rows)


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, int | float | Decimal) and isinstance(got, int | float | Decimal):
        return abs(float(expected) - float(got)) < 1e-6
    if isinstance(expected, str) and isinstance(got, str):
        return expected.casefold() == got.casefold()
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(map(_same, expected, got))
    return bool(expected == got)


def _defaults(node: pf.Node, name: str) -> dict[str, Any]:
    cap = node.registry.get(name)
    props = cap.contract.input_schema.get("properties", {})
    return {k: v["default"] for k, v in props.items() if "default" in v}


def _params_match(
    node: pf.Node, step: dict[str, Any], got: dict[str, Any], wired: dict[str, str]
) -> str | None:
    """``None`` when the planned step matches the expected one, else what differs."""
    expected = step.get("params", {})
    defaults = _defaults(node, step["capability"])
    for key, value in expected.items():
        if key not in got:
            return f"missing {key}={value!r}"
        if not _same(value, got[key]):
            return f"{key}: expected {value!r}, got {got[key]!r}"
    for key, value in got.items():
        if key in expected:
            continue
        if key in defaults and _same(defaults[key], value):
            continue  # stating the default equals leaving it out
        return f"extra {key}={value!r}"
    for key, (index, output) in step.get("wired", {}).items():
        source = wired.get(key)
        if source != f"s{index + 1}.{output}":
            return f"{key} should be wired from step {index + 1}'s {output!r}, got {source!r}"
    return None


def _wired(plan: dict[str, Any]) -> list[dict[str, str]]:
    """Per step, field -> the earlier step's output key it is wired from."""
    out = []
    for k, node in enumerate(plan.get("steps", [plan]), start=1):
        mapping = {}
        for entry in node.get("from", []) or []:
            source, _, dest = entry.partition("->")
            if not source.startswith(f"s{k}."):
                mapping[dest.strip()] = source.strip()
        out.append(mapping)
    return out


async def score(data_dir: Path, selected: list[dict[str, Any]] | None = None) -> Scores:
    """Plan every case with the installed module on the eval registry and score it."""
    from packetflow_nl_planning import NlPlanningModule

    node = make_node(data_dir)
    node.modules.autoload = False
    node.modules.configure({})
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    scores = Scores()
    async with node.started():
        for case in selected or cases():
            await _case(node, case, scores)
    return scores


async def _case(node: pf.Node, case: dict[str, Any], scores: Scores) -> None:
    request = {"text": case["text"], "today": case["today"], "max_steps": 5}
    tag = f"[{case['id']}] {case['text']!r}"
    try:
        out = await node.call("nl_planning.plan", request)
    except pf.errors.PacketFlowError as exc:
        out = None
        error = f"{exc.code}: {exc.message}"
    if case["kind"] == "refusal":
        ok = out is None and error.startswith("E404")
        scores.refusals.add(ok)
        if not ok:
            got = error if out is None else [s["capability"] for s in out["steps"]]
            scores.failures.append(f"{tag}: should refuse, got {got}")
        return
    expected = case["expect"]
    names = [s["capability"] for s in expected]
    got_names = [] if out is None else [s["capability"] for s in out["steps"]]
    tally = scores.single if case["kind"] == "single" else scores.multi
    tally.add(got_names == names)
    if got_names != names:
        scores.failures.append(f"{tag}: expected {names}, got {got_names or error}")
    wired = _wired(out["plan"]) if out is not None else []
    for i, step in enumerate(expected):
        if i >= len(got_names) or got_names[i] != step["capability"]:
            scores.params.add(False)
            continue
        problem = _params_match(node, step, out["steps"][i]["params"], wired[i])  # type: ignore[index]
        scores.params.add(problem is None)
        if problem is not None:
            scores.failures.append(f"{tag}: step {i + 1} {step['capability']}: {problem}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        scores = trio.run(score, Path(tmp))
    for failure in scores.failures:
        print(failure)
    print()
    print(scores.table())


if __name__ == "__main__":
    main()

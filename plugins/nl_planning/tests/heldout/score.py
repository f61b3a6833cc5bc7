"""Scores the installed planner on the held-out set: a measurement, not a test of floors.

Run it from the repository root in an env that has packetflow-module-nl-planning installed::

    .nox/tests/bin/python plugins/nl_planning/tests/heldout/score.py            # report
    .nox/tests/bin/python plugins/nl_planning/tests/heldout/score.py --json out.json
    .nox/tests/bin/python plugins/nl_planning/tests/heldout/score.py --ids h004 h181
    .nox/tests/bin/python plugins/nl_planning/tests/heldout/score.py --half odd --summary

``--set DIR`` scores another set laid out like this one (a ``registry.py`` and a ``cases.json``),
e.g. ``--set plugins/nl_planning/tests/heldout2``.

Each case is planned with ``nl_planning.plan`` on a node holding only the held-out registry
(plan cache off). The report gives, separately: single-step top-1 capability, multi-step
sequence exact, exact params per step, wired inputs, refusals (near misses and off-domain
requests apart) and the p50/p90 latency, then every failure with its text, the expected
steps and what the planner answered. The comparison rules are in ``README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import statistics
import string
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import trio
from pydantic_core import PydanticUndefined

import packetflow as pf

HERE = Path(__file__).resolve().parent
CASES_PATH = HERE / "cases.json"


def load_registry(set_dir: Path = HERE) -> ModuleType:
    """A set's registry module, loaded by path under a name no other test module uses."""
    name = "nl_heldout_registry" if set_dir == HERE else f"nl_{set_dir.name}_registry"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, set_dir / "registry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # pydantic resolves the models' annotations through it
    spec.loader.exec_module(module)
    return module


def load_cases(path: Path = CASES_PATH) -> list[dict[str, Any]]:
    """The cases, in file order."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cases


# --- comparing one planned step with the expected one ----------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _as_float(value: Any) -> float | None:
    if _is_number(value):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def same_value(expected: Any, got: Any) -> bool:
    """Numbers within 0.1 % (or 0.005), strings case- and spacing-insensitive, else equal.

    A number may come back as a numeric string (``Decimal`` fields serialise that way); a
    string expected (an id such as check number ``"4471"``) is compared as a string.
    """
    if _is_number(expected):
        number = _as_float(got)
        return number is not None and math.isclose(
            float(expected), number, rel_tol=1e-3, abs_tol=5e-3
        )
    if isinstance(expected, str) and isinstance(got, str):
        return " ".join(expected.split()).casefold() == " ".join(got.split()).casefold()
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    return bool(expected == got)


def field_defaults(capability: pf.Capability) -> dict[str, Any]:
    """Each input field that has a default, with it (``None`` included)."""
    model = capability.contract.input_model
    assert model is not None
    return {
        name: info.default
        for name, info in model.model_fields.items()
        if info.default is not PydanticUndefined
    }


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _stated(params: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The params minus those that equal their field's default (stating one = omitting it)."""
    return {
        key: value
        for key, value in params.items()
        if not (key in defaults and same_value(_jsonable(defaults[key]), value))
        and not (key in defaults and defaults[key] is None and value is None)
    }


def params_diff(expected: dict[str, Any], got: dict[str, Any], defaults: dict[str, Any]) -> str:
    """'' when the params match, else what differs (missing, extra, wrong values)."""
    want, have = _stated(expected, defaults), _stated(got, defaults)
    problems = [f"missing {k}={want[k]!r}" for k in want if k not in have]
    problems += [f"extra {k}={have[k]!r}" for k in have if k not in want]
    problems += [
        f"{k}: want {want[k]!r} got {have[k]!r}"
        for k in want
        if k in have and not same_value(want[k], have[k])
    ]
    return "; ".join(problems)


def plan_steps(plan: Any) -> list[dict[str, Any]]:
    """The ``step`` nodes of a plan JSON, in order (pipelines and branches walked)."""
    found: list[dict[str, Any]] = []
    if isinstance(plan, dict):
        if plan.get("type") == "step":
            found.append(plan)
        for value in plan.values():
            if isinstance(value, dict | list):
                found.extend(plan_steps(value))
    elif isinstance(plan, list):
        for item in plan:
            found.extend(plan_steps(item))
    return found


def wired_ok(plan: Any, index: int, field_name: str, source: list[Any]) -> bool:
    """Step ``index`` reads ``field_name`` from step ``source[0]``'s output ``source[1]``."""
    steps = plan_steps(plan)
    if index >= len(steps):
        return False
    key = f"s{source[0] + 1}.{source[1]}"
    mappings = steps[index].get("from") or steps[index].get("from_") or []
    return any(
        m == f"{key}->{field_name}" or (m == key and source[1] == field_name) for m in mappings
    )


# --- running and scoring ---------------------------------------------------------------------


@dataclass
class Outcome:
    """What the planner answered for one case."""

    case: dict[str, Any]
    steps: list[dict[str, Any]] | None  # None: an error
    plan: Any
    error: str | None
    ms: float


@dataclass
class Measure:
    """A ratio with the cases that failed it."""

    name: str
    passed: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, ok: bool, failure: str = "") -> None:
        self.total += 1
        self.passed += ok
        if not ok:
            self.failures.append(failure)

    def line(self) -> str:
        pct = 100.0 * self.passed / self.total if self.total else float("nan")
        return f"{self.name:<44} {pct:6.1f} %  ({self.passed}/{self.total})"


@dataclass
class Report:
    """Every measure, the latencies and the outcomes."""

    measures: dict[str, Measure]
    latencies_ms: list[float]
    outcomes: list[Outcome]
    causes: dict[str, Counter[str]] = field(default_factory=dict)
    by_tag: dict[str, tuple[int, int]] = field(default_factory=dict)  # cases entirely right

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p90_ms(self) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]

    def summary(self) -> str:
        lines = []
        for key, measure in self.measures.items():
            lines.append(measure.line())
            if self.causes.get(key):
                lines.append(
                    "    failures: "
                    + ", ".join(f"{n} {c}" for c, n in self.causes[key].most_common())
                )
        lines.append(
            f"{'nl_planning.plan latency':<44} p50 {self.p50_ms:.1f} ms, p90 {self.p90_ms:.1f} ms"
        )
        return "\n".join(lines)

    def tag_table(self) -> str:
        """Cases entirely right (capabilities, params, wiring or refusal) per tag, worst first."""
        rows = sorted(self.by_tag.items(), key=lambda kv: (kv[1][0] / kv[1][1], -kv[1][1]))
        return "\n".join(f"  {tag:<24} {100.0 * p / t:5.1f} %  ({p}/{t})" for tag, (p, t) in rows)

    def text(self) -> str:
        parts = [self.summary(), "", "cases entirely right, per tag:", self.tag_table(), ""]
        for measure in self.measures.values():
            if measure.failures:
                parts.append(f"== {measure.name}: {len(measure.failures)} failures")
                parts.extend(measure.failures)
                parts.append("")
        return "\n".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "measures": {
                k: {"passed": m.passed, "total": m.total, "failures": m.failures}
                for k, m in self.measures.items()
            },
            "causes": {k: dict(v) for k, v in self.causes.items()},
            "by_tag": self.by_tag,
            "p50_ms": self.p50_ms,
            "p90_ms": self.p90_ms,
            "outcomes": [
                {"id": o.case["id"], "steps": o.steps, "error": o.error, "ms": o.ms}
                for o in self.outcomes
            ],
        }


def _show_expected(case: dict[str, Any]) -> str:
    if case["expect"] == "refuse":
        return "refuse (E404)"
    return " | ".join(
        f"{s['capability']}({json.dumps(s['params'], ensure_ascii=False)}"
        + (f" wired={json.dumps(s['wired'])}" if s.get("wired") else "")
        + ")"
        for s in case["expect"]
    )


def _show_got(outcome: Outcome) -> str:
    if outcome.steps is None:
        return f"error {outcome.error}"
    return " | ".join(
        f"{s['capability']}({json.dumps(s.get('params', {}), ensure_ascii=False, default=str)})"
        for s in outcome.steps
    )


def _failure(outcome: Outcome, why: str = "") -> str:
    case = outcome.case
    return (
        f"- {case['id']} [{', '.join(case['tags'])}] {case['text']!r} (today {case['today']})\n"
        f"    expected: {_show_expected(case)}\n"
        f"    got:      {_show_got(outcome)}" + (f"\n    why:      {why}" if why else "")
    )


def _cause(out: Outcome, want: list[str], got: list[str]) -> str:
    """Why a capability sequence is wrong, in one of a few words."""
    if out.steps is None:
        return "refused (E404)" if (out.error or "").startswith("E404") else "error (E422 etc.)"
    if len(got) != len(want):
        return f"{len(got)} steps instead of {len(want)}"
    return "wrong capability"


MEASURES = [
    ("single", "single-step top-1 capability"),
    ("multi", "multi-step sequence exact"),
    ("params", "exact params per step (all expected steps)"),
    ("params_given_cap", "exact params per step (capability right)"),
    ("wired", "wired inputs (step's capability right)"),
    ("refusals", "refusals, all"),
    ("near_miss", "refusals, near misses"),
    ("off_domain", "refusals, off-domain"),
    ("false_refusals", "answerable requests not refused"),
]


def _score_refusal(out: Outcome, m: dict[str, Measure]) -> bool:
    ok = out.steps is None and (out.error or "").startswith("E404")
    m["refusals"].add(ok, _failure(out))
    m["near_miss" if "near_miss" in out.case["tags"] else "off_domain"].add(ok, _failure(out))
    return ok


def _score_plan(
    out: Outcome,
    m: dict[str, Measure],
    causes: dict[str, Counter[str]],
    capabilities: dict[str, pf.Capability],
) -> bool:
    expected, got = out.case["expect"], out.steps or []
    m["false_refusals"].add(out.steps is not None, _failure(out))
    want_caps = [s["capability"] for s in expected]
    got_caps = [s["capability"] for s in got]
    kind = "single" if out.case["kind"] == "single" else "multi"
    m[kind].add(got_caps == want_caps, _failure(out))
    if got_caps != want_caps:
        causes[kind][_cause(out, want_caps, got_caps)] += 1
    all_right = got_caps == want_caps
    for i, step in enumerate(expected):
        cap = step["capability"]
        have = got[i] if i < len(got) else None
        if have is None or have["capability"] != cap:
            m["params"].add(False, _failure(out, f"step {i}: capability not {cap!r}"))
            continue  # params and wiring are judged on steps whose capability is right
        defaults = field_defaults(capabilities[cap])
        diff = params_diff(step["params"], have.get("params", {}), defaults)
        m["params"].add(not diff, _failure(out, f"step {i}: {diff}"))
        m["params_given_cap"].add(not diff, _failure(out, f"step {i}: {diff}"))
        all_right = all_right and not diff
        for name, source in (step.get("wired") or {}).items():
            ok = wired_ok(out.plan, i, name, source)
            m["wired"].add(ok, _failure(out, f"step {i}: {name} <- s{source[0] + 1}.{source[1]}"))
            all_right = all_right and ok
    return all_right


def score(outcomes: list[Outcome], capabilities: dict[str, pf.Capability]) -> Report:
    """Turn the planner's answers into the report's measures (and a pass rate per tag)."""
    m = {key: Measure(title) for key, title in MEASURES}
    causes: dict[str, Counter[str]] = {"single": Counter(), "multi": Counter()}
    by_tag: dict[str, list[int]] = {}
    for out in outcomes:
        if out.case["kind"] == "refuse":
            ok = _score_refusal(out, m)
        else:
            ok = _score_plan(out, m, causes, capabilities)
        for tag in [out.case["kind"], *out.case["tags"]]:
            counts = by_tag.setdefault(tag, [0, 0])
            counts[0] += ok
            counts[1] += 1
    tags = {tag: (passed, total) for tag, (passed, total) in by_tag.items()}
    return Report(m, [o.ms for o in outcomes], outcomes, causes, tags)


async def plan_cases(
    cases: list[dict[str, Any]], data_dir: Path, set_dir: Path = HERE
) -> list[Outcome]:
    """Plan every case on a fresh node (one warm-up call first, not timed)."""
    registry = load_registry(set_dir)
    node = registry.make_node(data_dir)
    outcomes: list[Outcome] = []
    async with node.started():
        # The first plan waits for the embedding model to load; keep that out of the figures.
        with contextlib.suppress(pf.errors.PacketFlowError):
            await node.call("nl_planning.plan", {"text": "renew loan A-0001", "today": None})
        for case in cases:
            payload = {"text": case["text"], "today": case["today"], "max_steps": 5}
            start = time.perf_counter()
            try:
                result = await node.call("nl_planning.plan", payload)
            except pf.errors.PacketFlowError as exc:
                ms = 1000 * (time.perf_counter() - start)
                outcomes.append(Outcome(case, None, None, f"{exc.code} {exc.message}", ms))
                continue
            ms = 1000 * (time.perf_counter() - start)
            outcomes.append(Outcome(case, list(result["steps"]), result.get("plan"), None, ms))
    return outcomes


async def run(
    cases: list[dict[str, Any]] | None = None,
    data_dir: Path | None = None,
    set_dir: Path = HERE,
) -> Report:
    """Plan and score ``cases`` (default: the whole set) of the set in ``set_dir`` (default:
    this one) with the installed planner."""
    registry = load_registry(set_dir)
    chosen = load_cases(set_dir / "cases.json") if cases is None else cases
    capabilities = {c.name: c for c in registry.CAPABILITIES}
    if data_dir is None:
        with tempfile.TemporaryDirectory(prefix="nl-heldout-") as tmp:
            outcomes = await plan_cases(chosen, Path(tmp), set_dir)
    else:
        outcomes = await plan_cases(chosen, data_dir, set_dir)
    return score(outcomes, capabilities)


def in_half(case_id: str, half: str) -> bool:
    """Whether ``case_id`` (the set's letter, ``h``, ``g``, ``k``, ``m``..., and a number) is in
    the ``odd`` or the ``even`` half."""
    number = int(case_id.lstrip(string.ascii_letters))
    return (number % 2 == 1) == (half == "odd")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", nargs="*", help="only these case ids")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument("--summary", action="store_true", help="the measures only")
    parser.add_argument(
        "--half",
        choices=["odd", "even"],
        help="only the odd-numbered ids (tuned on) or the even-numbered ones (the test)",
    )
    parser.add_argument(
        "--set",
        type=Path,
        default=HERE,
        help="the folder of another set (its registry.py and cases.json); default: this one",
    )
    args = parser.parse_args(argv)
    set_dir = args.set.resolve()
    cases = load_cases(set_dir / "cases.json")
    if args.ids:
        cases = [c for c in cases if c["id"] in set(args.ids)]
    if args.half:
        cases = [c for c in cases if in_half(c["id"], args.half)]
    report = trio.run(run, cases, None, set_dir)
    print(report.summary() if args.summary else report.text())
    if args.json:
        args.json.write_text(json.dumps(report.as_dict(), indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

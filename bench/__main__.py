"""Run every ``bench/bench_*.py`` (or those named on the command line) and print the table."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import trio

from .harness import Result, print_table


async def main(selected: list[str]) -> None:
    results: list[Result] = []
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_")
    )  # fmt: skip
    for name in names:
        if selected and not any(s in name for s in selected):
            continue
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} ...", file=sys.stderr)
        results.extend(await module.run())
    print_table(results)


trio.run(main, sys.argv[1:])

"""A node process with the compliance module, for the tests that need real processes.

    python audited_node.py DATA_DIR NAME COUNT WORKERS

Prints ``ready`` once the node runs, waits for a line on stdin, then makes ``COUNT`` calls
(``WORKERS`` at a time, ``COUNT`` 0 means until killed) with ``user_id = NAME-<n>`` and prints
``answered NAME-<n>`` after each call has returned, then ``done``.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import trio

import packetflow as pf
from packetflow_compliance import ComplianceModule


@pf.capability(requires=(), provides=())
async def transfer(payload: dict[str, object]) -> dict[str, object]:
    return {"done": payload.get("n")}


async def main(data_dir: Path, name: str, count: int, workers: int) -> None:
    node = pf.Node(name, data_dir=data_dir)
    node.modules.autoload = False  # only this module, whatever else the env has installed
    node.modules.configure({})
    node.register(transfer)
    numbers = itertools.count() if count == 0 else iter(range(count))

    async def worker() -> None:
        for n in numbers:
            user = f"{name}-{n}"
            await node.call("transfer", {"n": n}, context={"user_id": user})
            print(f"answered {user}", flush=True)

    async with node.started():
        info = node.modules.register(ComplianceModule)
        info = await node.modules.wait_ready(info.name)
        assert info.status == "active", info.error
        print("ready", flush=True)
        await trio.to_thread.run_sync(sys.stdin.readline)
        async with trio.open_nursery() as nursery:
            for _ in range(workers):
                nursery.start_soon(worker)
    print("done", flush=True)


if __name__ == "__main__":
    trio.run(main, Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))

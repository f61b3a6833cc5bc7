"""Durability with SQLite: a node killed with SIGKILL loses no acknowledged message.

A real node runs in a subprocess, prints one line per acknowledged reply, and is killed with
SIGKILL; a new node on the same data dir must serve every actor with the state of its last
acknowledged message.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import trio
from pydantic import BaseModel

import packetflow as pf

VICTIM = textwrap.dedent(
    """
    import sys

    import trio
    from pydantic import BaseModel

    import packetflow as pf


    class Counted(BaseModel):
        count: int = 0


    class Bump(BaseModel):
        pass


    @pf.actor(name="counter", persistence="sqlite")
    class Counter(pf.Actor[Counted]):
        async def handle(self, msg: Bump, ctx: pf.Context) -> Counted:
            self.state.count += 1
            return self.state.model_copy()


    async def main(data_dir: str, actors: int, limit: int) -> None:
        node = pf.Node("victim", data_dir=data_dir)
        node.register(Counter)
        async with node.started():

            async def drive(i: int) -> None:
                count = 0
                while limit == 0 or count < limit:
                    count = (await node.actors.send("counter", f"a{i}", {}))["count"]
                    print(f"ack a{i} {count}", flush=True)

            async with trio.open_nursery() as nursery:
                for i in range(actors):
                    nursery.start_soon(drive, i)
            print("READY", flush=True)
            await trio.sleep_forever()


    trio.run(main, sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    """
)


class Counted(BaseModel):
    count: int = 0


class Bump(BaseModel):
    pass


@pf.actor(name="counter", persistence="sqlite")
class Counter(pf.Actor[Counted]):
    async def handle(self, msg: Bump, ctx: pf.Context) -> Counted:
        self.state.count += 1
        return self.state.model_copy()


async def run_and_kill(tmp_path: Path, actors: int, limit: int, until: int) -> dict[str, int]:
    """Run the victim until ``until`` acks (or READY), SIGKILL it; the last ack per actor."""
    script = tmp_path / "victim.py"
    script.write_text(VICTIM)
    data_dir = tmp_path / "data"
    acked: dict[str, int] = {}
    output = b""
    with trio.fail_after(120):
        process = await trio.lowlevel.open_process(
            [sys.executable, str(script), str(data_dir), str(actors), str(limit)],
            stdout=subprocess.PIPE,
        )
        assert process.stdout is not None
        try:
            while b"READY" not in output and not (until and output.count(b"ack ") >= until):
                chunk = await process.stdout.receive_some()
                assert chunk, f"the victim exited early (code {process.poll()})"
                output += chunk
        finally:
            process.send_signal(signal.SIGKILL)
            await process.wait()
        # What it printed before it died is still in the pipe: every ack counts.
        while chunk := await process.stdout.receive_some():
            output += chunk
    assert process.returncode == -signal.SIGKILL
    for line in output.decode().splitlines():
        if line.startswith("ack "):
            _, actor, count = line.split()
            acked[actor] = int(count)
    return acked


async def persisted(tmp_path: Path, actors: int) -> dict[str, tuple[int, int, int]]:
    """(state count, message_count, history length) per actor, read by a new node."""
    node = pf.Node("survivor", data_dir=tmp_path / "data")
    node.register(Counter)
    found: dict[str, tuple[int, int, int]] = {}
    async with node.started():
        infos = {info.actor_id: info for info in await node.actors.list()}
        for i in range(actors):
            actor = f"a{i}"
            state = await node.actors.get_state("counter", actor)
            assert isinstance(state, Counted)
            history = await node.actors.history("counter", actor, limit=10_000)
            found[actor] = (state.count, infos[actor].message_count, len(history))
    return found


async def test_after_sigkill_every_actor_has_exactly_its_acknowledged_messages(
    tmp_path: Path,
) -> None:
    actors, n = 5, 40
    acked = await run_and_kill(tmp_path, actors, limit=n, until=0)
    assert acked == {f"a{i}": n for i in range(actors)}
    assert await persisted(tmp_path, actors) == {f"a{i}": (n, n, n) for i in range(actors)}


async def test_a_sigkill_mid_stream_loses_no_acknowledged_message(tmp_path: Path) -> None:
    actors = 4
    acked = await run_and_kill(tmp_path, actors, limit=0, until=300)
    found = await persisted(tmp_path, actors)
    for actor, (count, message_count, history) in found.items():
        # Everything acknowledged is there; at most the one message in flight when the
        # process died was committed without its acknowledgement being printed.
        assert acked.get(actor, 0) <= count <= acked.get(actor, 0) + 1
        assert count == message_count == history

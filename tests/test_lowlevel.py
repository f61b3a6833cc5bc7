"""The tricks of ``packetflow._lowlevel``, each against the public API it stands in for.

When one of these fails after a pydantic, trio or trio-websocket upgrade, the trick no longer
holds: fix it or narrow ``PYDANTIC_TESTED`` / ``TRIO_TESTED`` / ``TRIO_WEBSOCKET_TESTED`` (and
the pins in ``pyproject.toml``) so the public-API fallback is used. The fallbacks are checked
here too.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pydantic
import pytest
import trio
import trio.testing
import trio_websocket
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from trio_websocket import ConnectionClosed, WebSocketRequest, serve_websocket

import packetflow as pf
from packetflow import _lowlevel as lowlevel
from packetflow._client.transport import open_websocket


class Item(BaseModel):
    name: str
    qty: int = 1


class Open(BaseModel):
    """A model like the wire's and the context: extra fields allowed, a private attribute."""

    model_config = ConfigDict(extra="allow")

    kind: str = "open"
    tags: list[str] = Field(default_factory=list)
    item: Item | None = None
    _owner: object = PrivateAttr(default=None)


@pytest.fixture(params=[True, False], ids=["trick", "public-api"])
def fast(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run the test with the trick, then with its public-API fallback."""
    monkeypatch.setattr(lowlevel, "FAST_PYDANTIC", request.param)
    return bool(request.param)


def test_the_installed_releases_are_the_tested_ones() -> None:
    # pyproject.toml pins pydantic and trio to PYDANTIC_TESTED / TRIO_TESTED: an install
    # outside them means the pins and this file disagree.
    assert lowlevel.FAST_PYDANTIC, pydantic.VERSION
    assert lowlevel.FAST_TRIO, trio.__version__
    assert lowlevel.FAST_TRIO_WEBSOCKET, trio_websocket.__version__


def _same(a: BaseModel, b: BaseModel) -> None:
    """Everything pydantic and users can observe of two instances is equal."""
    assert type(a) is type(b)
    assert a == b
    assert a.model_dump() == b.model_dump()
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_fields_set == b.model_fields_set
    assert a.model_extra == b.model_extra
    assert a.__pydantic_private__ == b.__pydantic_private__
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a


def test_validator_is_model_validate(fast: bool) -> None:
    validate = lowlevel.validator(Item)
    assert validate({"name": "a", "qty": "2"}) == Item.model_validate({"name": "a", "qty": "2"})
    with pytest.raises(pydantic.ValidationError) as fast_error:
        validate({"qty": "x"})
    with pytest.raises(pydantic.ValidationError) as slow_error:
        Item.model_validate({"qty": "x"})
    assert fast_error.value.errors() == slow_error.value.errors()


def test_dumper_is_model_dump(fast: bool) -> None:
    value = Open(tags=["x"], item=Item(name="a"), note=1)
    assert lowlevel.dumper(Open)(value) == value.model_dump()


def test_dump_json_is_model_dump_json(fast: bool) -> None:
    value = Open(item=None, note=None)
    for exclude_none in (True, False):
        assert lowlevel.dump_json(value, exclude_none=exclude_none) == value.model_dump_json(
            exclude_none=exclude_none
        )


def test_construct_equals_the_validated_model(fast: bool) -> None:
    state = {"kind": "k", "tags": ["a"], "item": Item(name="i")}
    fields_set = {"kind", "tags", "item", "note"}  # extras count as set, as pydantic has it
    built = lowlevel.construct(Open, state, fields_set, {"note": 1}, {"_owner": 7})
    validated = Open(kind="k", tags=["a"], item=Item(name="i"), note=1)
    validated._owner = 7
    _same(built, validated)
    assert built._owner == 7
    built.kind = "changed"  # a normal, mutable model afterwards
    assert built.model_dump()["kind"] == "changed"


def test_construct_without_extras_or_privates(fast: bool) -> None:
    built = lowlevel.construct(Item, {"name": "n", "qty": 3}, {"name", "qty"})
    _same(built, Item(name="n", qty=3))


def test_evolve_equals_model_copy(fast: bool) -> None:
    original = Open(kind="k", tags=["a"], note=1)
    original._owner = "me"
    evolved = lowlevel.evolve(original, {"kind": "new", "extra_field": 2})
    _same(evolved, original.model_copy(update={"kind": "new", "extra_field": 2}))
    assert evolved._owner == "me"
    assert original.kind == "k" and original.model_extra == {"note": 1}  # left alone
    assert evolved.tags is original.tags  # shallow, as model_copy


def test_copy_with_owns_its_private_and_extra_dicts(fast: bool) -> None:
    original = Open(kind="k", note=1)
    original._owner = "me"
    child = lowlevel.copy_with(original, {"kind": "child"})
    _same(child, original.model_copy(update={"kind": "child"}))
    child._owner = "other"
    child.more = 2  # type: ignore[attr-defined]
    assert original._owner == "me"
    assert original.model_extra == {"note": 1}


def test_annotate_is_update_and_setattr(fast: bool) -> None:
    by_hand = pf.CapabilityRequest(id="a", capability_id="x", metadata={"step": "s"})
    by_hand.metadata.update({"zone": "ai"})
    by_hand.spatial_context = {"zone": "ai"}  # type: ignore[attr-defined]
    annotated = pf.CapabilityRequest(id="a", capability_id="x", metadata={"step": "s"})
    lowlevel.annotate(annotated, {"zone": "ai"}, {"spatial_context": {"zone": "ai"}})
    assert annotated == by_hand
    assert annotated.model_fields_set == by_hand.model_fields_set | {"metadata"}
    assert annotated.model_dump() == by_hand.model_dump()
    lowlevel.annotate(annotated, None, None)  # nothing to add: nothing changes
    assert annotated == by_hand


def test_set_field_is_setattr(fast: bool) -> None:
    value, by_hand = Open(note=1), Open(note=1)
    lowlevel.set_field(value, "kind", "set")
    by_hand.kind = "set"
    _same(value, by_hand)
    assert value.model_fields_set == {"kind", "note"}


def test_set_private_is_setattr(fast: bool) -> None:
    value = Open()
    lowlevel.set_private(value, "_owner", 5)
    assert value._owner == 5
    assert value.__pydantic_private__ == {"_owner": 5}


# -- coroutines and trio --------------------------------------------------------------------


async def _blocks_then_returns(gate: trio.Event) -> str:
    await gate.wait()
    return "done"


async def test_resume_finishes_a_coroutine_whose_first_step_ran_by_hand() -> None:
    gate = trio.Event()
    results: list[str] = []

    async def finish() -> None:
        # Both parts in one task: the first step registered this task as the waiter.
        coro = _blocks_then_returns(gate)
        trap = coro.send(None)  # it blocks: waiting for the gate
        results.append(await lowlevel.resume(coro, trap))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(finish)
        await trio.testing.wait_all_tasks_blocked()
        assert results == []
        gate.set()
    assert results == ["done"]


async def test_resume_throws_a_cancellation_into_the_coroutine() -> None:
    seen: list[str] = []

    async def hook() -> None:
        try:
            await trio.sleep_forever()
        except trio.Cancelled:
            seen.append("cancelled")
            raise

    coro = hook()
    trap = coro.send(None)
    with trio.move_on_after(0.01) as scope:
        await lowlevel.resume(coro, trap)
    assert scope.cancelled_caught
    assert seen == ["cancelled"]


async def test_nesting_changes_inside_a_scope_and_comes_back() -> None:
    before = lowlevel.nesting()
    assert before is not None
    with trio.CancelScope():
        assert lowlevel.nesting() is not before
        await trio.lowlevel.checkpoint()
    assert lowlevel.nesting() is before


async def _cut_off(coro: Any, seconds: float) -> tuple[bool, Any]:
    """Run ``coro``'s first step bare, then the rest under a deadline ``seconds`` from its
    start (as the module chain does): (cut off, value)."""
    before = lowlevel.nesting()
    deadline = trio.current_time() + seconds
    try:
        trap = coro.send(None)
    except StopIteration as done:
        return False, done.value
    value = None
    with lowlevel.scope_beneath(before, deadline) as scope:
        value = await lowlevel.resume(coro, trap)
    assert lowlevel.nesting() is before  # the stack is whole again
    return scope.cancelled_caught, value


async def test_scope_beneath_cuts_off_a_sleep_blocked_inside_its_own_scope(
    autojump_clock: trio.testing.MockClock,
) -> None:
    finished: list[bool] = []

    async def hook() -> str:
        await trio.sleep(10)  # trio.sleep's own scope is open while it blocks
        finished.append(True)
        return "late"

    started = trio.current_time()
    assert await _cut_off(hook(), 0.05) == (True, None)
    assert trio.current_time() - started == pytest.approx(0.05)
    assert finished == []


async def test_scope_beneath_with_nothing_open_is_an_ordinary_scope(
    autojump_clock: trio.testing.MockClock,
) -> None:
    gate = trio.Event()

    async def hook() -> str:
        await gate.wait()  # blocks outside any scope of its own
        return "never"

    assert await _cut_off(hook(), 1) == (True, None)


async def test_scope_beneath_reaches_the_tasks_of_a_blocked_nursery(
    autojump_clock: trio.testing.MockClock,
) -> None:
    cancelled: list[str] = []

    async def child() -> None:
        try:
            await trio.sleep_forever()
        except trio.Cancelled:
            cancelled.append("child")
            raise

    async def hook() -> str:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(child)
            await trio.sleep_forever()
        return "never"

    assert await _cut_off(hook(), 1) == (True, None)
    assert cancelled == ["child"]


async def test_scope_beneath_keeps_the_value_and_the_inner_scopes_of_a_quick_hook(
    autojump_clock: trio.testing.MockClock,
) -> None:
    async def hook() -> str:
        with trio.move_on_after(0.01) as own:  # its own timeout fires first: its own business
            await trio.sleep(5)
        assert own.cancelled_caught
        await trio.sleep(0.01)
        return "in time"

    assert await _cut_off(hook(), 1) == (False, "in time")


async def test_scope_beneath_lets_an_outer_cancellation_through(
    autojump_clock: trio.testing.MockClock,
) -> None:
    async def hook() -> str:
        await trio.sleep(10)
        return "never"

    with trio.move_on_after(0.5) as outer:
        await _cut_off(hook(), 5)
    assert outer.cancelled_caught  # not caught by the hook's scope: it belongs to the caller
    assert lowlevel.nesting() is not None


async def test_scope_beneath_with_a_deadline_already_past(
    autojump_clock: trio.testing.MockClock,
) -> None:
    async def hook() -> str:
        await trio.sleep(1)
        return "never"

    started = trio.current_time()
    assert await _cut_off(hook(), 0) == (True, None)
    assert trio.current_time() == started


async def test_a_hook_finishing_without_blocking_needs_no_scope() -> None:
    async def hook() -> str:
        with trio.CancelScope():  # noqa: ASYNC100 - opened and closed without blocking
            pass
        return "at once"

    assert await _cut_off(hook(), 1) == (False, "at once")


async def test_without_a_tested_trio_nesting_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lowlevel, "FAST_TRIO", False)
    assert lowlevel.nesting() is None


def test_models_built_here_are_cheap_to_check(fast: bool) -> None:
    # What every trick must keep: a model that validates again to itself.
    built = lowlevel.construct(Item, {"name": "n", "qty": 1}, {"name"})
    assert Item.model_validate(built.model_dump()) == built


@pytest.mark.parametrize("value", [{"name": "x"}, Item(name="x")], ids=["dict", "model"])
def test_validator_accepts_instances_as_model_validate_does(fast: bool, value: Any) -> None:
    assert lowlevel.validator(Item)(value) == Item.model_validate(value)


# -- trio: looking into a memory channel's buffer --------------------------------------------


async def test_maybe_buffered_says_whether_receive_nowait_has_an_item() -> None:
    send, receive = trio.open_memory_channel[int](4)
    assert not lowlevel.maybe_buffered(receive)
    with pytest.raises(trio.WouldBlock):  # what the look saves its caller
        receive.receive_nowait()
    send.send_nowait(1)
    send.send_nowait(2)
    assert lowlevel.maybe_buffered(receive)
    assert receive.receive_nowait() == 1
    assert lowlevel.maybe_buffered(receive)
    assert receive.receive_nowait() == 2
    assert not lowlevel.maybe_buffered(receive)
    send.send_nowait(3)
    send.close()  # closed with an item left: still buffered, then the end
    assert lowlevel.maybe_buffered(receive)
    assert receive.receive_nowait() == 3
    assert not lowlevel.maybe_buffered(receive)
    with pytest.raises(trio.EndOfChannel):
        receive.receive_nowait()


async def test_without_a_tested_trio_maybe_buffered_leaves_it_to_receive_nowait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lowlevel, "FAST_TRIO", False)
    _, receive = trio.open_memory_channel[int](1)
    assert lowlevel.maybe_buffered(receive)


# -- trio: one task parked until one reply ------------------------------------------------------


@pytest.fixture(params=[True, False], ids=["trick", "public-api"])
def fast_trio(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run the test with the parked task, then with the ``trio.Event`` fallback."""
    monkeypatch.setattr(lowlevel, "FAST_TRIO", request.param)
    return bool(request.param)


async def test_one_shot_wakes_its_waiter_with_the_first_reply(fast_trio: bool) -> None:
    slot = lowlevel.OneShot[str]()
    woken: list[str | None] = []

    async def waiter() -> None:
        await slot.wait()
        woken.append(slot.reply)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(waiter)
        await trio.testing.wait_all_tasks_blocked()
        assert woken == []  # parked, not spinning
        assert (slot._task is not None) is fast_trio  # the trick parked the task itself
        slot.resolve("first")
        slot.resolve("second")  # ignored: the first reply wins
    assert woken == ["first"]
    assert slot.reply == "first"


async def test_one_shot_already_resolved_returns_at_a_checkpoint(fast_trio: bool) -> None:
    slot = lowlevel.OneShot[int]()
    slot.resolve(1)
    await slot.wait()  # returns at once
    with trio.CancelScope() as scope:  # ...but is a checkpoint, as trio.Event.wait is
        scope.cancel()
        await slot.wait()
    assert scope.cancelled_caught


async def test_one_shot_cancelled_waiter_is_never_rescheduled(fast_trio: bool) -> None:
    # The abort contract of wait_task_rescheduled: once the cancelled task is gone, a reply
    # arriving later must not reschedule it (trio would fail the run, or wake a task that
    # is doing something else).
    slot = lowlevel.OneShot[int]()
    after: list[str] = []

    async def waiter(task_status: trio.TaskStatus[trio.CancelScope]) -> None:
        with trio.CancelScope() as scope:
            task_status.started(scope)
            await slot.wait()
        after.append("cancelled" if scope.cancelled_caught else "woken")
        await trio.sleep_forever()  # blocked elsewhere when the late reply comes

    async with trio.open_nursery() as nursery:
        scope = await nursery.start(waiter)
        await trio.testing.wait_all_tasks_blocked()
        scope.cancel()
        await trio.testing.wait_all_tasks_blocked()
        assert after == ["cancelled"]
        slot.resolve(7)  # nobody waits: it is stored, no task is woken
        await trio.testing.wait_all_tasks_blocked()
        assert after == ["cancelled"]
        await slot.wait()  # a later wait sees the reply at once
        nursery.cancel_scope.cancel()
    assert slot.reply == 7


async def test_one_shot_parks_one_task_only() -> None:
    slot = lowlevel.OneShot[int]()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(slot.wait)
        await trio.testing.wait_all_tasks_blocked()
        with pytest.raises(RuntimeError, match="another task is already waiting"):
            await slot.wait()
        slot.resolve(1)


# -- trio-websocket: handing each message to a callback -----------------------------------------

_LATER: list[str | bytes] = ["two", b"three", "x" * 200_000, "four"]


async def _server(request: WebSocketRequest) -> None:
    """Sends "one", waits for "go", sends ``_LATER`` and closes with 4000."""
    ws = await request.accept()
    await ws.send_message("one")
    assert await ws.get_message() == "go"
    for message in _LATER:
        await ws.send_message(message)
    await ws.aclose(4000, "done")


@pytest.fixture(params=[True, False], ids=["trick", "public-api"])
def fast_ws(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run the test with the hand-off, then without it (trio-websocket not a tested release)."""
    monkeypatch.setattr(lowlevel, "FAST_TRIO_WEBSOCKET", request.param)
    return bool(request.param)


async def test_hand_off_messages_gives_every_later_message_to_the_handler(fast_ws: bool) -> None:
    handed: list[str | bytes] = []

    async def handler(message: str | bytes) -> None:
        await trio.lowlevel.checkpoint()  # it may block: the reader task awaits it
        handed.append(message)

    async with trio.open_nursery() as nursery:
        server = await nursery.start(serve_websocket, _server, "127.0.0.1", 0, None)
        url = f"ws://127.0.0.1:{server.port}"
        # Our client's opener: it closes its socket even when the server closes first.
        async with open_websocket(url, max_message_size=1 << 20, connect_timeout=10) as ws:
            assert await ws.get_message() == "one"  # before the hand-off: the public path
            assert lowlevel.hand_off_messages(ws, handler) is fast_ws
            assert lowlevel.hand_off_messages(ws, handler) is False  # only once
            await ws.send_message("go")
            # get_message still reports the close: the messages before it went to the handler
            # (in order, whole), or, without the hand-off, come out of get_message as before.
            read = [] if fast_ws else [await ws.get_message() for _ in _LATER]
            with pytest.raises(ConnectionClosed) as closed:
                await ws.get_message()
            assert closed.value.reason.code == 4000
        nursery.cancel_scope.cancel()
    assert (handed, read) == ((_LATER, []) if fast_ws else ([], _LATER))

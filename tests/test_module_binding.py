"""What a module class may declare: hooks this host would silently ignore are refused when the
module is registered, with one line naming the module and the method."""

from __future__ import annotations

from typing import Any

import pytest

import packetflow as pf


def test_a_hook_method_without_the_marker_is_refused() -> None:
    class Forgetful(pf.Module):
        name = "forgetful"

        def packetflow_handle_request(self, request: Any, context: Any) -> None: ...

    with pytest.raises(TypeError) as caught:
        pf.Node("t").modules.register(Forgetful)
    assert str(caught.value) == (
        "module 'forgetful': test_a_hook_method_without_the_marker_is_refused.<locals>."
        "Forgetful.packetflow_handle_request is not marked @pf.hookimpl, so it would never be "
        "called; decorate it with @pf.hookimpl"
    )


def test_an_unmarked_method_with_the_reserved_prefix_suggests_the_hook() -> None:
    class Typo(pf.Module):
        name = "typo"

        def packetflow_handle_respons(self, response: Any) -> None: ...

    with pytest.raises(TypeError, match="did you mean 'packetflow_handle_response'"):
        pf.Node("t").modules.register(Typo)


def test_a_marked_typo_suggests_the_hook() -> None:
    class Typo(pf.Module):
        name = "typo"

        @pf.hookimpl
        def packetflow_handle_requests(self, request: Any) -> None: ...

    with pytest.raises(TypeError, match="did you mean 'packetflow_handle_request'"):
        pf.Node("t").modules.register(Typo)


@pytest.mark.parametrize(
    "option",
    ["tryfirst", "trylast", "hookwrapper", "wrapper"],
    ids=["tryfirst", "trylast", "hookwrapper", "wrapper"],
)
def test_pluggy_options_the_host_does_not_honour_are_refused(option: str) -> None:
    class Eager(pf.Module):
        name = "eager"

        @pf.hookimpl(**{option: True})
        def packetflow_handle_request(self, request: Any, context: Any) -> Any:
            yield  # a wrapper's shape, so pluggy itself has no complaint

    with pytest.raises(TypeError) as caught:
        pf.Node("t").modules.register(Eager)
    message = str(caught.value)
    assert message.startswith("module 'eager': ")
    assert f"Eager.packetflow_handle_request uses @hookimpl({option}=True)" in message
    assert "set the module's priority instead" in message


def test_plain_helpers_and_marked_hooks_are_fine() -> None:
    class Fine(pf.Module):
        name = "fine"

        def helper(self) -> int:
            return 1

        @pf.hookimpl
        def packetflow_handle_response(self, response: Any) -> None: ...

    info = pf.Node("t").modules.register(Fine)
    assert info.hooks == ("packetflow_handle_response",)

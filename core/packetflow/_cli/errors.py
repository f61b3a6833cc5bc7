"""How a command fails: one line on stderr and an exit code, never a traceback.

Every command runs through :func:`run_command` (the ``packetflow`` entry point), so commands
that installed packages add (``packetflow compliance ...``) get the same treatment:

- :class:`CommandError` (bad arguments, an ``--app`` that is no node): its message, exit 2;
- a :class:`~packetflow.errors.PacketFlowError` (a node refused, a config file is broken):
  ``error: E400 malformed: ...``, exit 1 — also when it arrives wrapped in exception groups
  from the nurseries of a starting node;
- a closed stdout (``packetflow modules list | head``): nothing more is written, exit 141
  (128 + SIGPIPE, what the shell reports for tools killed by the signal);
- Ctrl+C: exit 130.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from ..errors import PacketFlowError

__all__ = ["BROKEN_PIPE", "INTERRUPTED", "CommandError", "run_command"]

BROKEN_PIPE = 141
INTERRUPTED = 130


class CommandError(Exception):
    """A command cannot run as asked; the message says how to fix it.

    Args:
        message: ``<subject>: <what is wrong>; <how to fix>``.
        exit_code: the process exit code (2: a usage error).
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def run_command(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run ``handler(args)`` and turn every expected failure into one line and an exit code."""
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return code
    except KeyboardInterrupt:
        return INTERRUPTED
    except BaseException as exc:
        leaves = _leaves(exc)
        if all(isinstance(leaf, BrokenPipeError) for leaf in leaves):
            return _broken_pipe()
        if len(leaves) == 1 and isinstance(leaves[0], CommandError | PacketFlowError):
            return _report(leaves[0])
        raise


def _leaves(exc: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups; ``[exc]`` for a plain one."""
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for inner in exc.exceptions for leaf in _leaves(inner)]
    return [exc]


def _report(exc: CommandError | PacketFlowError) -> int:
    if isinstance(exc, CommandError):
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"error: {exc.code} {exc.type}: {exc.message}", file=sys.stderr)
    return 1


def _broken_pipe() -> int:
    # The reader went away (``| head``). Python flushes stdout again at exit, which would
    # raise once more: point the descriptor at /dev/null so that flush has somewhere to go.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real descriptor (stdout replaced in-process)
        pass
    return BROKEN_PIPE

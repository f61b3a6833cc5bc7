"""The README's code blocks as tests: collect them (markdown-it-py) and run each one as a
reader would, in a fresh directory with the installed ``packetflow`` on ``PATH``.

- ``python`` blocks run as a script (``python block.py``) and must exit 0.
- ``bash``/``sh`` blocks run command by command, in one shell environment carried from line to
  line (``export`` works across lines). A ``packetflow serve`` line is what a reader leaves
  running in its own terminal: it starts in the background, and the next line runs once the
  server printed its address and the port accepts a connection (no sleeping); at the end it
  gets Ctrl+C (SIGINT) and must drain and exit 0. A line whose comment says ``exits N``
  must exit N (else 0), one whose comment says ``prints "TEXT..."`` must print TEXT.
  ``pip install`` lines are not run: the test environment has every package installed.
- ``json`` and ``toml`` blocks must parse.
- Other blocks (``text``: output shown for reading, usage synopses) are not run.

A block is left out only with a marker on the line(s) before it, which readers of the rendered
page do not see and which must give a reason::

    <!-- readme-test: skip (CI runs these two commands itself) -->

Each block runs in a network namespace of its own where it can (``unshare``), so the fixed
ports the README shows (8765, 8766) never meet another test run's; without namespaces it runs
on the machine's loopback.

``python -m tests.readme_blocks BLOCK.json`` is the runner itself (what the test starts, inside
the namespace); it prints a transcript and exits non-zero on the first failure.
"""

from __future__ import annotations

import fcntl
import json
import os
import queue
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from markdown_it import MarkdownIt

RUN = ("python", "bash", "sh", "json", "toml")
MARKER = re.compile(r"<!--\s*readme-test:\s*(?P<what>[^-]*?)\s*-->", re.S)
SKIP = re.compile(r"skip\s*\((?P<reason>[^)]+)\)")
COMMAND_TIMEOUT = 180.0


@dataclass(frozen=True)
class Block:
    """One fenced code block of a Markdown file."""

    lang: str
    code: str
    line: int  # 1-based line of the opening fence
    section: str  # the heading above it
    marker: str | None = None  # the readme-test marker right before it, if any

    @property
    def skip_reason(self) -> str | None:
        """Why the block is left out (``None``: it runs)."""
        if self.marker is None:
            return None
        match = SKIP.fullmatch(self.marker)
        if match is None:
            raise ValueError(
                f"README line {self.line}: unknown marker {self.marker!r}; "
                "write <!-- readme-test: skip (the reason) -->"
            )
        return match.group("reason").strip()

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.section.lower()).strip("-") or "top"
        return f"{self.lang}-line{self.line}-{slug}"


def collect(path: Path) -> list[Block]:
    """Every fenced block of ``path`` with its language, line, section and marker."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    section, marker, in_heading = "", None, False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "inline":
            if in_heading:
                section = token.content
            marker = None  # prose between a marker and a block cancels the marker
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "html_block" and (found := MARKER.search(token.content)):
            marker = found.group("what")
        elif token.type == "fence":
            assert token.map is not None
            lang = token.info.split()[0] if token.info.strip() else ""
            blocks.append(Block(lang, token.content, token.map[0] + 1, section, marker))
            marker = None
    return blocks


def runnable(blocks: list[Block]) -> list[Block]:
    """The blocks the test runs: a language it knows and no skip marker."""
    return [b for b in blocks if b.lang in RUN and b.skip_reason is None]


# -- running one block (inside its namespace) ------------------------------------------------


def isolated_command(block_file: Path) -> list[str]:
    """The command that runs ``block_file``: in new user and network namespaces when this
    machine allows them (checked by running ``true`` in one), else directly."""
    runner = [sys.executable, "-m", "tests.readme_blocks", str(block_file)]
    unshare = ["unshare", "--user", "--map-root-user", "--net"]
    try:
        probe = subprocess.run([*unshare, "true"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return runner
    return [*unshare, *runner, "--own-network"] if probe.returncode == 0 else runner


def _loopback_up() -> None:
    """Bring ``lo`` up: a new network namespace starts with it down (what ``ip link set lo
    up`` does, without needing iproute2)."""
    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sh", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(sock, siocgifflags, request))[1]
        if not flags & iff_up:
            fcntl.ioctl(sock, siocsifflags, struct.pack("16sh", b"lo", flags | iff_up))


def run_block(block: Block, cwd: Path) -> None:
    """Run ``block`` in ``cwd``; raises AssertionError with a transcript on failure."""
    if block.lang == "python":
        script = cwd / "readme_block.py"
        script.write_text(block.code, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(script)], cwd=cwd, capture_output=True, text=True,
            timeout=COMMAND_TIMEOUT, check=False,
        )  # fmt: skip
        print(done.stdout + done.stderr)
        assert done.returncode == 0, f"the block exited {done.returncode}"
    elif block.lang in ("bash", "sh"):
        Shell(cwd).run(block.code)
    elif block.lang == "json":
        json.loads(block.code)
    elif block.lang == "toml":
        tomllib.loads(block.code)


@dataclass
class Command:
    line: str
    exits: int
    prints: str | None
    background: bool


def commands(code: str) -> list[Command]:
    """The shell block's commands, one per logical line, with what each must do."""
    joined = re.sub(r"\\\n\s*", " ", code)
    found = []
    for raw in joined.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "pip install")):
            continue
        comment = _comment(line)
        exits = re.search(r"\bexits (\d+)", comment)
        prints = re.search(r'\bprints "([^"]+)"', comment)
        found.append(
            Command(
                line,
                int(exits.group(1)) if exits else 0,
                prints.group(1).removesuffix("...") if prints else None,
                bool(re.match(r"packetflow\s+serve\b", line)),
            )
        )
    return found


def _comment(line: str) -> str:
    """The ``# ...`` comment of a shell line: from a ``#`` that starts a word outside quotes."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[index + 1 :]
    return ""


class Shell:
    """A reader's terminal session: commands run one by one in one carried environment."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.state = cwd / ".readme-shell-env"
        self.state.write_text("", encoding="utf-8")
        self.servers: list[tuple[str, subprocess.Popen[str], queue.Queue[str | None]]] = []

    def run(self, code: str) -> None:
        try:
            for command in commands(code):
                if command.background:
                    self._serve(command.line)
                else:
                    self._run(command)
        finally:
            self._stop_servers()

    def _bash(self, line: str, *, keep_env: bool) -> list[str]:
        # One statement per line: the README line may end in a comment.
        save = '\n__rc=$?\nexport -p > "$README_SHELL_ENV"\nexit $__rc' if keep_env else ""
        script = f'set -o pipefail\nsource "$README_SHELL_ENV"\n{line}{save}'
        return ["bash", "-c", script]

    def _env(self) -> dict[str, str]:
        return {**os.environ, "README_SHELL_ENV": str(self.state)}

    def _run(self, command: Command) -> None:
        done = subprocess.run(
            self._bash(command.line, keep_env=True), cwd=self.cwd, env=self._env(),
            capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=False,
        )  # fmt: skip
        output = done.stdout + done.stderr
        print(f"$ {command.line}\n{output}(exit {done.returncode})")
        assert done.returncode == command.exits, (
            f"{command.line!r} exited {done.returncode}, the README says {command.exits}"
        )
        if command.prints is not None:
            assert command.prints in output, f"{command.line!r} did not print {command.prints!r}"

    def _serve(self, line: str) -> None:
        """Start the server in the background; return once its ports accept connections."""
        process = subprocess.Popen(
            self._bash(f"exec {line}", keep_env=False), cwd=self.cwd, env=self._env(),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        lines: queue.Queue[str | None] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
        self.servers.append((line, process, lines))
        wanted = 2 if "--mcp-http" in line or "--http" in line else 1
        addresses: list[str] = []
        print(f"$ {line} &")
        while len(addresses) < wanted:
            # Blocks until the server prints (or exits); the timeout only bounds a hang.
            printed = lines.get(timeout=COMMAND_TIMEOUT)
            assert printed is not None, f"{line!r} exited {process.wait()} before serving"
            print(printed, end="")
            addresses += re.findall(r"(?:ws|http)://([\w.\-]+:\d+)", printed)
        for address in addresses:
            host, _, port = address.rpartition(":")
            socket.create_connection((host, int(port)), timeout=10).close()

    def _stop_servers(self) -> None:
        for line, process, lines in self.servers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in its terminal
            code = process.wait(timeout=COMMAND_TIMEOUT)
            rest = []
            while (printed := lines.get(timeout=COMMAND_TIMEOUT)) is not None:
                rest.append(printed)
            print("".join(rest) + f"({line!r} exit {code})")
            assert code == 0, f"{line!r} exited {code} on Ctrl+C"
            assert "packetflow: stopped" in "".join(rest)


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for printed in stream:
        lines.put(printed)
    lines.put(None)


def main(argv: list[str]) -> int:
    block_file, *flags = argv
    block = Block(**json.loads(Path(block_file).read_text(encoding="utf-8")))
    if "--own-network" in flags:  # started by isolated_command inside a new namespace
        _loopback_up()
    try:
        run_block(block, Path.cwd())
    except AssertionError as exc:
        print(f"FAILED: {exc}")
        return 1
    return 0


def block_json(block: Block) -> str:
    return json.dumps(asdict(block))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Every code block of the README runs as shown (see ``tests/readme_blocks.py`` for the rules:
Python blocks as scripts, shell blocks command by command with ``packetflow serve`` in the
background, JSON and TOML parsed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.readme_blocks import Block, block_json, collect, isolated_command, runnable

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCKS = collect(README)


def reader_env() -> dict[str, str]:
    """A reader's shell: the installed ``packetflow`` first on PATH, none of the test
    session's ``PACKETFLOW_*`` settings (module autoload is on, as after a plain install)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = str(ROOT)  # for the runner module itself (tests.readme_blocks)
    env.pop("NO_COLOR", None)
    return env


@pytest.mark.parametrize("block", runnable(BLOCKS), ids=lambda block: block.id)
def test_readme_block_runs_as_shown(block: Block, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    block_file = tmp_path / "block.json"
    block_file.write_text(block_json(block), encoding="utf-8")
    done = subprocess.run(
        isolated_command(block_file), cwd=work, env=reader_env(), capture_output=True,
        text=True, timeout=600, check=False,
    )  # fmt: skip
    transcript = done.stdout + done.stderr
    assert done.returncode == 0, f"README.md line {block.line} ({block.lang}):\n{transcript}"


def test_the_readme_has_runnable_blocks_of_each_kind() -> None:
    """A collector that finds nothing would pass every README; it must find the quick start."""
    langs = {block.lang for block in runnable(BLOCKS)}
    assert {"python", "bash", "json", "toml"} <= langs
    assert any("packetflow serve" in b.code for b in runnable(BLOCKS) if b.lang == "bash")


def test_every_left_out_block_says_why() -> None:
    """Only a ``<!-- readme-test: skip (reason) -->`` marker leaves a block out; the quick
    start's first block (CI runs those commands itself) is one."""
    left_out = [b for b in BLOCKS if b.marker is not None]
    assert all(b.skip_reason for b in left_out)  # an unknown marker raises here
    assert BLOCKS[0].skip_reason is not None and "nox -s demo" in BLOCKS[0].code


def test_a_marker_applies_only_to_the_block_right_after_it(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n<!-- readme-test: skip (needs a GPU) -->\n```python\nx = 1\n```\n\n"
        "<!-- readme-test: skip (stale) -->\n\nSome prose.\n\n```bash\necho hi\n```\n\n"
        "- a list item:\n\n  ```toml\n  a = 1\n  ```\n",
        encoding="utf-8",
    )
    blocks = collect(page)
    assert [(b.lang, b.skip_reason) for b in blocks] == [
        ("python", "needs a GPU"),
        ("bash", None),
        ("toml", None),
    ]
    assert blocks[0].id == "python-line4-t"

"""Static module config (packetflow.toml, [tool.packetflow]) and requires_modules ordering."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow._modules.config import load_config
from packetflow._modules.dependencies import start_order
from packetflow.errors import MalformedError


def test_packetflow_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.packetflow]\ndisabled = ["b"]\n', encoding="utf-8"
    )
    assert load_config(cwd=tmp_path).disabled == {"b"}
    (tmp_path / "packetflow.toml").write_text(
        'disabled = ["a"]\n[[modules]]\nname = "x"\npriority = 5\n', encoding="utf-8"
    )
    config = load_config(cwd=tmp_path)
    assert config.disabled == {"a"}
    assert config.settings("x").priority == 5
    assert config.settings("unlisted").priority is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("modules = 3", "must be an array of tables"),
        ("[[modules]]\npriority = 1", "has no name"),
        ('[[modules]]\nname = "a"\n[[modules]]\nname = "a"', "configured twice"),
        ("disabled = 'a'", "list of module names"),
        ("[[modules]\n", "packetflow.toml"),
    ],
    ids=["not-array", "no-name", "twice", "disabled-not-list", "bad-toml"],
)
def test_malformed_config_files_are_clear(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "packetflow.toml").write_text(text, encoding="utf-8")
    with pytest.raises(MalformedError, match=message):
        load_config(cwd=tmp_path)


def test_an_invalid_entry_names_the_field_and_the_file(tmp_path: Path) -> None:
    (tmp_path / "packetflow.toml").write_text(
        '[[modules]]\nname = "a"\nhook_timeout = -1\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"field 'hook_timeout'.*packetflow.toml"):
        load_config(cwd=tmp_path).settings("a")


def test_start_order_is_topological_with_priority_tiebreak() -> None:
    order, blocked = start_order(
        {"app": ["db", "cache"], "db": [], "cache": ["db"], "loner": [], "x": ["y"], "y": ["x"]},
        {"app": 1, "db": 50, "cache": 2, "loner": 10},
    )
    assert order == ["loner", "db", "cache", "app"]
    assert set(blocked) == {"x", "y"}
    assert "cycle" in blocked["x"]


def test_start_order_blocks_dependents_of_missing_or_failed_modules() -> None:
    order, blocked = start_order({"a": ["gone"], "b": ["a"], "c": ["bad"]}, {}, {"bad": "boom"})
    assert order == []
    assert "not installed" in blocked["a"]
    assert "cannot start" in blocked["b"]
    assert "failed to load" in blocked["c"]


# -- unknown keys and names are errors, with "did you mean" ------------------------------------


class Hello(pf.Module):
    name = "hello"

    class Config(BaseModel):
        tag: str = "hello"

    async def start(self, config: Any, node: pf.Node) -> None:
        self.tag = config.tag

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> None: ...


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "packetflow.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def started_info(config: Path | dict[str, Any], name: str = "hello") -> pf.ModuleInfo:
    node = pf.Node("t")
    node.modules.register(Hello)
    node.modules.configure(config)
    async with node.started():
        return node.modules.info(name)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('disable = ["a"]', "unknown key 'disable' (did you mean 'disabled'?)"),
        ('[[module]]\nname = "a"', "unknown key 'module' (did you mean 'modules'?)"),
        ("zzz = 1", "unknown key 'zzz'; the keys are 'disabled'"),
    ],
    ids=["disable", "module", "unrelated"],
)
def test_an_unknown_top_level_key_makes_the_file_invalid(
    tmp_path: Path, text: str, message: str
) -> None:
    write(tmp_path, text)
    with pytest.raises(MalformedError, match=re.escape(message)):
        load_config(cwd=tmp_path)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("prioritty = 5", "unknown key 'prioritty' (did you mean 'priority'?)"),
        ("config = { tagg = 'x' }", "unknown key 'tagg' (did you mean 'tag'?)"),
        ("config = { tag = 3 }", "field 'tag': Input should be a valid string"),
    ],
    ids=["entry-key", "config-key", "config-type"],
)
async def test_a_bad_entry_is_that_modules_start_error(
    tmp_path: Path, entry: str, message: str
) -> None:
    path = write(tmp_path, f'[[modules]]\nname = "hello"\n{entry}\n')
    info = await started_info(path)
    assert info.status == "failed_to_load"
    assert info.error is not None
    assert info.error.startswith("module 'hello': bad ")
    assert message in info.error and str(path) in info.error


async def test_a_configured_module_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[[modules]]\nname = "helo"\npriority = 1\n')
    info = await started_info(path, "helo")
    assert info.status == "failed_to_load"
    assert info.error == (
        f"module 'helo' is configured in {path} but no module of that name is installed or "
        "registered (did you mean 'hello'?); fix the name, or install its package (pip install "
        "packetflow-module-helo)"
    )


async def test_a_config_file_is_applied_when_the_node_starts(tmp_path: Path) -> None:
    """The entry joins the inline module at start, so a --config given after the app was
    imported (and its modules registered) is the one in force."""
    node = pf.Node("t")
    node.modules.register(Hello)
    entry = '[[modules]]\nname = "hello"\npriority = 7\nconfig = { tag = "hi" }\n'
    node.modules.configure(write(tmp_path, entry))
    async with node.started():
        assert node.modules.info("hello").priority == 7
        assert node.modules.instance("hello").tag == "hi"


def test_packetflow_config_names_the_file_and_an_explicit_path_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, 'disabled = ["from-cwd"]\n')
    env_file = tmp_path / "env.toml"
    env_file.write_text('disabled = ["from-env"]\n', encoding="utf-8")
    explicit = tmp_path / "explicit.toml"
    explicit.write_text('disabled = ["explicit"]\n', encoding="utf-8")
    assert load_config(cwd=tmp_path).disabled == {"from-cwd"}
    monkeypatch.setenv("PACKETFLOW_CONFIG", str(env_file))
    assert load_config(cwd=tmp_path).disabled == {"from-env"}
    assert load_config(explicit, cwd=tmp_path).disabled == {"explicit"}
    monkeypatch.setenv("PACKETFLOW_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(MalformedError, match=r"missing.toml' does not exist; check the path"):
        load_config(cwd=tmp_path)


CLI_APP = """
import packetflow as pf

class Hello(pf.Module):
    name = "hello"
    priority = 100

    @pf.hookimpl
    def packetflow_handle_response(self, response):
        return None

node = pf.Node("cli-config", data_dir="data")
node.modules.register(Hello)
node.modules.configure({"modules": [{"name": "hello", "priority": 1}]})  # the app's own
"""


def run_cli(cwd: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "PACKETFLOW_CONFIG"}
    return subprocess.run(
        [sys.executable, "-m", "packetflow._cli", *argv],
        cwd=cwd, env={**full, **env}, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def priority_of(result: subprocess.CompletedProcess[str]) -> int:
    assert result.returncode == 0, result.stderr
    [hello] = [m for m in json.loads(result.stdout) if m["name"] == "hello"]
    return int(hello["priority"])


def test_cli_config_flag_wins_over_the_environment_which_wins_over_the_app(
    tmp_path: Path,
) -> None:
    (tmp_path / "cli_config_app.py").write_text(CLI_APP, encoding="utf-8")
    (tmp_path / "env.toml").write_text('[[modules]]\nname = "hello"\npriority = 2\n')
    (tmp_path / "flag.toml").write_text('[[modules]]\nname = "hello"\npriority = 3\n')
    listing = ("modules", "list", "--json", "--app", "cli_config_app:node")
    assert priority_of(run_cli(tmp_path, *listing)) == 1
    assert priority_of(run_cli(tmp_path, *listing, PACKETFLOW_CONFIG="env.toml")) == 2
    flagged = run_cli(tmp_path, *listing, "--config", "flag.toml", PACKETFLOW_CONFIG="env.toml")
    assert priority_of(flagged) == 3


@pytest.mark.parametrize(
    "command",
    [("modules", "list"), ("serve", "--app", "cli_config_app:node", "--port", "0")],
    ids=["modules-list", "serve"],
)
def test_invalid_toml_is_one_line_naming_the_file_and_position(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "cli_config_app.py").write_text(CLI_APP, encoding="utf-8")
    (tmp_path / "broken.toml").write_text('[[modules]\nname = "x"\n', encoding="utf-8")
    result = run_cli(tmp_path, *command, "--config", "broken.toml")
    assert result.returncode == 1
    assert result.stderr == (
        "error: E400 malformed: config file 'broken.toml': Expected ']]' at the end of an "
        "array declaration (at line 1, column 10); fix the file there\n"
    )

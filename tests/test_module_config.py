"""Static module config (packetflow.toml, [tool.packetflow]) and requires_modules ordering."""

from __future__ import annotations

from pathlib import Path

import pytest

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

"""The README's Python example runs as shown and prints what its comments say."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def test_the_readme_example_runs(tmp_path: Path) -> None:
    [code] = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    (tmp_path / "example.py").write_text(code)
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "{'refund_id': 'r-7345901'}"
    assert lines[1] == "[{'capability': 'refund_order', 'params': {'order_id': '7345901'}}]"
    assert lines[2].startswith("E404 ") and "closest: 'refund_order'" in lines[2]

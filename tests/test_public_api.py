"""The import surface: sorted ``__all__`` that matches what is exported."""

from __future__ import annotations

import packetflow as pf


def test_all_is_sorted_and_complete() -> None:
    assert pf.__all__ == sorted(pf.__all__)
    exported = {name for name in dir(pf) if not name.startswith("_")} | {"__version__"}
    # submodules that are imported as a side effect are not part of the surface
    modules = {name for name in exported if type(getattr(pf, name)).__name__ == "module"}
    assert set(pf.__all__) == (exported - modules) | {"errors"}


def test_version_matches_the_distribution() -> None:
    from importlib.metadata import version

    assert pf.__version__ == version("packetflow")

"""The per-capability families of ``/metrics``, written straight to the Prometheus text format
with a cache per capability.

Why not ``prometheus_client.generate_latest`` for these: with 1,000 capabilities they are
~14,000 sample lines, and the library formats each line through several escaping functions
(~280 ms per scrape on our 2-core CI machine; the goal is 20 ms). Here a capability's lines are
formatted once per change of its call count and reused by every scrape until it changes again,
with the library's own number formatting (``floatToGoString``) and the same escaping, so the
output is byte-for-byte what ``generate_latest`` would write for the same families
(``tests/http/test_metrics.py`` checks that through the library's parser and writer). Every
other family of the scrape goes through ``prometheus_client`` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from prometheus_client import utils

from .._capabilities.stats import BUCKETS

if TYPE_CHECKING:
    from .._capabilities.stats import LatencyWindow

__all__ = ["CapabilityExposition", "count_text", "escape_label", "floatToGoString"]

floatToGoString: Callable[[float], str] = utils.floatToGoString  # the library's, typed

CALLS = "packetflow_capability_calls_total"
ERRORS = "packetflow_capability_errors_total"
DURATION = "packetflow_capability_duration_seconds"

_HEADERS = (
    f"# HELP {CALLS} Executions per capability (successful or not).\n# TYPE {CALLS} counter\n",
    f"# HELP {ERRORS} Failed executions per capability and PacketFlow error code.\n"
    f"# TYPE {ERRORS} counter\n",
    f"# HELP {DURATION} Execution latency per capability, in seconds.\n"
    f"# TYPE {DURATION} histogram\n",
)
_LE = [floatToGoString(bound) for bound in BUCKETS] + ["+Inf"]


def count_text(n: int) -> str:
    """``floatToGoString(n)`` for a count, without its float checks for counts of up to six
    digits (``"123.0"``, as ``repr(float(n))`` writes them and Go would): a scrape writes ~16
    counts per capability, half its time when every capability changed.
    ``tests/http/test_metrics.py`` checks the two agree."""
    if type(n) is int and 0 <= n < 1_000_000:
        return f"{n}.0"
    return floatToGoString(n)


def escape_label(value: str) -> str:
    """A label value escaped as the text format (and ``prometheus_client``) escapes it."""
    return value.replace("\\", r"\\").replace("\n", r"\n").replace('"', r"\"")


class CapabilityExposition:
    """Writes the capability families; one instance per served node (it holds the cache).

    The cache is bounded by the executor's windows: entries of capabilities that are gone
    (unregistered, so their window was forgotten) are dropped at the next scrape.
    """

    def __init__(self) -> None:
        # name -> (call count it was built at, had a histogram, (calls, errors, duration) text)
        self._cache: dict[str, tuple[int, bool, tuple[str, str, str]]] = {}

    def render(self, windows: Mapping[str, LatencyWindow]) -> str:
        """The three families for every capability that has run."""
        cache = self._cache
        if len(cache) > len(windows):
            for name in [n for n in cache if n not in windows]:
                del cache[name]
        calls: list[str] = [_HEADERS[0]]
        errors: list[str] = [_HEADERS[1]]
        duration: list[str] = [_HEADERS[2]]
        for name, window in sorted(windows.items()):
            histogram = window.buckets is not None
            hit = cache.get(name)
            if hit is None or hit[0] != window.count or hit[1] != histogram:
                hit = (window.count, histogram, _lines(name, window))
                cache[name] = hit
            text = hit[2]
            calls.append(text[0])
            errors.append(text[1])
            duration.append(text[2])
        return "".join(calls) + "".join(errors) + "".join(duration)


def _lines(name: str, window: LatencyWindow) -> tuple[str, str, str]:
    label = escape_label(name)
    calls = f'{CALLS}{{capability="{label}"}} {count_text(window.count)}\n'
    errors = "".join(
        f'{ERRORS}{{capability="{label}",code="{escape_label(code)}"}} {count_text(n)}\n'
        for code, n in sorted(window.codes.items())
    )
    buckets = window.buckets
    if buckets is None:
        return calls, errors, ""
    out: list[str] = []
    running = 0
    for le, n in zip(_LE, buckets, strict=True):
        running += n
        out.append(f'{DURATION}_bucket{{capability="{label}",le="{le}"}} {count_text(running)}\n')
    out.append(f'{DURATION}_count{{capability="{label}"}} {count_text(running)}\n')
    out.append(f'{DURATION}_sum{{capability="{label}"}} {floatToGoString(window.total)}\n')
    return calls, errors, "".join(out)

"""What a field holds, read from its schema alone (no name or format needed)."""

from __future__ import annotations

import pytest

from packetflow_nl_planning.schema import FieldSpec, pattern_holds
from packetflow_nl_planning.slots import field_kind


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [
        (r"^\+[1-9][0-9]{7,14}$", "phone"),
        (r"^\+\d{8,15}$", "phone"),
        (r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "time"),
        (r"^[A-Z]{2}[0-9]{6}$", None),
        (r"^[a-z0-9-]+$", None),
    ],
    ids=["e164", "e164-short", "hhmm", "an-id", "a-slug"],
)
def test_a_pattern_says_what_it_holds(pattern: str, kind: str | None) -> None:
    assert pattern_holds(pattern) == kind


def test_a_field_with_an_e164_pattern_takes_phone_numbers_whatever_its_name() -> None:
    spec = FieldSpec(name="dest", type="string", required=True, pattern=r"^\+[1-9]\d{7,14}$")
    assert field_kind(spec) == "phone"

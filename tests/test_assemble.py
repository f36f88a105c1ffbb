"""Assembly: what an event learns once its place is known."""

from __future__ import annotations

from sitrep.assemble import abroad
from sitrep.model import Actor, Location


def test_state_forces_abroad_are_external_forces() -> None:
    russia = Actor(name="Military Forces of Russia", kind="state forces", inter=1, country="RU")
    aleppo = Location(name="Aleppo", country="SY", precision=1)
    moved = abroad(russia, aleppo)
    assert moved is not None and (moved.inter, moved.kind) == (8, "external/other forces")
    assert russia.inter == 1  # the dictionary's actor is not changed
    assert abroad(russia, Location(name="Moscow", country="RU")) is russia
    rebels = Actor(name="Rebels (Syria)", kind="rebel groups", inter=2, country="SY")
    assert abroad(rebels, Location(name="Kilis", country="TR")) is rebels
    assert abroad(russia, None) is russia

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


def test_a_crime_story_is_told_by_police_and_courts_and_names_no_armed_side() -> None:
    from sitrep.assemble.crime import crime_story

    assert crime_story("Police said the suspect was booked into the county jail on a murder charge.")
    # one police word is no story; an armed, political or protest side makes it more than crime
    assert not crime_story("Police said two people were shot dead in the market.")
    assert not crime_story("Police said the suspect, a member of a banned militant group, was held without bail.")
    assert not crime_story("Detectives said the suspect had attended the protest before the shooting.")
    # conflict words are read at word starts: "difficult" holds no cult, "couple" no coup, "warrant" no war
    assert crime_story("Detectives said the couple found it difficult; the suspect was held on a warrant in jail.")
    assert not crime_story("Detectives said the suspect belonged to a cult and was held in jail.")


def test_the_violence_of_an_ordinary_crime_story_is_no_event() -> None:
    from sitrep import extract_text

    crime = ("Police shooting ruled justifiable. A county coroner's inquest on Thursday found that a police "
             "officer acted lawfully. Officer Dana Whitfield shot Marcus Lee as the two struggled over a handgun "
             "Lee pulled from his waistband during a traffic stop in March, the district attorney said. Lee, 27, "
             "was wanted on a felony warrant, detectives said.")
    assert extract_text(crime, published="2024-04-12").events == []
    political = ("Gunmen shot dead a ward councillor outside his house in Chatsworth on Tuesday night. Police said "
                 "the suspect fled in a white car. The councillor, a member of the opposition party, had received "
                 "threats, his party said. The suspect is being held without bail.")
    assert [e.code for e in extract_text(political, published="2024-04-12").events] == ["ATTACK"]

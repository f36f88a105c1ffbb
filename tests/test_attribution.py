"""Attribution: the normalised sources a sentence reports its events from."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.events.attribution import sources


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the UK-based Syrian Observatory for Human Rights, there were casualties among rebels.",
            ["Syrian Observatory for Human Rights"],
        ),
        (
            "UN secretary-general Ban Ki-moon told the General Assembly that 500 people had been killed.",
            ["Ban Ki-moon"],
        ),
        ("Three people were killed in the blast, police said.", ["police"]),
        ("State media reported that 12 soldiers were killed in the ambush.", ["state media"]),
        ("A spokesman for the Houthis said the coalition had bombed the market.", ["Houthis"]),
        ("The army claimed it had killed 30 militants in the operation.", ["army"]),
    ],
)
def test_sources(nlp: Any, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert sources(next(iter(doc.sents))) == expected


@pytest.mark.slow
def test_acts_and_claims_of_responsibility_are_not_sources(nlp: Any) -> None:
    doc = nlp("The regime of Bashar al-Assad announced a unilateral ceasefire on Thursday.")
    assert sources(next(iter(doc.sents))) == []
    doc = nlp("The group claimed responsibility for the attack in a statement.")
    assert sources(next(iter(doc.sents))) == []


@pytest.mark.slow
def test_an_accuser_is_a_source_not_the_accused(nlp: Any) -> None:
    doc = nlp("Kyiv accused Russian forces of shelling residential areas of Kharkiv.")
    assert sources(next(iter(doc.sents))) == ["Kyiv"]
    doc = nlp("The Nigerian government blamed Boko Haram for the attack on the village.")
    assert sources(next(iter(doc.sents))) == ["Nigerian government"]
    doc = nlp("Police blamed the crash on bad weather.")
    assert sources(next(iter(doc.sents))) == []

"""Casualty counts: figures, hedges, ranges, sums, subsets, zeros, vague words, tallies."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.events.counts import lexicon, read_counts


def _read(nlp: Any, text: str) -> Any:
    doc = nlp(text)
    return read_counts(next(iter(doc.sents)), 2024)


def test_lexicon_has_acled_quantity_words() -> None:
    lex = lexicon()
    assert lex.quantities[("dozens",)]["value"] == 12
    assert lex.quantities[("hundreds",)]["value"] == 100
    assert lex.quantities[("scores",)]["value"] == 20
    assert lex.quantities[("tens",)]["value"] == 10
    assert lex.quantities[("several",)]["value"] is None
    assert lex.hedges[("as", "many", "as")] == {"low": False, "high": True}
    assert lex.hedges[("at", "least")] == {"low": True, "high": False}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("At least 12 people were killed in the blast.", 12, 12, None),
        ("As many as 30 people died in the raid.", 30, None, 30),
        ("Up to 40 civilians were reported killed.", 40, None, 40),
        ("Nearly 50 people were killed in the fighting.", 50, None, 50),
        ("More than 100 people have been killed in the clashes, the UN said.", 100, 100, None),
        ("Twenty-five people were killed in the attack.", 25, 25, 25),
        ("The explosion killed two hundred and five people.", 205, 205, 205),
        ("Dozens of people were killed when the market was shelled.", 12, 12, None),
        ("Hundreds were killed in the assault on the town.", 100, 100, None),
        ("Scores of villagers were killed by the militia.", 20, 20, None),
        ("Between 10 and 15 fighters died in the fighting.", 10, 10, 15),
        ("The army said it killed 10 to 15 militants.", 10, 10, 15),
        ("Three soldiers and two civilians were killed in the ambush.", 5, 5, 5),
        ("Gunmen killed six people, including two women.", 6, 6, 6),
        ("Eleven people were killed, seven of them children.", 11, 11, 11),
        ("A soldier was killed when his patrol was ambushed.", 1, 1, 1),
        ("A suicide bomber blew himself up, killing nine people.", 10, 10, 10),
        ("No casualties were reported after the explosion.", 0, 0, 0),
        ("The death toll rose to 32 on Tuesday.", 32, 32, 32),
    ],
)
def test_fatalities(nlp: Any, text: str, best: int, low: int | None, high: int | None) -> None:
    got = _read(nlp, text).fatalities
    assert (got.best, got.low, got.high) == (best, low, high)
    assert got.text and got.text in text


@pytest.mark.slow
def test_vague_figures_keep_their_words_without_a_number(nlp: Any) -> None:
    got = _read(nlp, "Several people were killed and many more were injured, witnesses said.")
    assert got.fatalities.best is None and got.fatalities.text
    assert got.injured.best is None and got.injured.text
    got = _read(nlp, "There were casualties among rebels and government forces.")
    assert got.fatalities.best is None and got.fatalities.text == "casualties"


@pytest.mark.slow
def test_injured_are_never_fatalities(nlp: Any) -> None:
    got = _read(nlp, "Dozens of people were wounded in the clashes with police.")
    assert got.fatalities.best is None
    assert got.injured.best == 12
    got = _read(nlp, "The blast killed 25 people and wounded 40 others.")
    assert (got.fatalities.best, got.injured.best) == (25, 40)


@pytest.mark.slow
def test_animals_and_property_do_not_count(nlp: Any) -> None:
    got = _read(nlp, "The raiders killed 30 head of cattle and burned 15 houses.")
    assert got.fatalities.best is None and got.fatalities.text is None


@pytest.mark.slow
def test_historical_deaths_do_not_count(nlp: Any) -> None:
    got = _read(nlp, "In 1994, about 800,000 people were killed in the genocide.")
    assert got.fatalities.best is None
    assert got.tally_fatalities is None


@pytest.mark.slow
def test_running_totals_are_tallies_not_event_counts(nlp: Any) -> None:
    got = _read(
        nlp,
        "As many as 500 people had been killed and nearly 2,000 injured since the government "
        "launched its offensive on September 23.",
    )
    assert got.fatalities.best is None and got.injured.best is None
    assert got.tally_fatalities is not None and got.tally_fatalities.best == 500
    assert got.tally_injured is not None and got.tally_injured.best == 2000
    got = _read(nlp, "Four people were killed on Monday, bringing the number killed since the protests began to 56.")
    assert got.fatalities.best == 4
    assert got.tally_fatalities is not None and got.tally_fatalities.best == 56


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Five people lost their lives when the bus was hit.", 5),
        ("The ambush left three soldiers and a policeman dead.", 4),
        ("Seven members of one family, including two children, died in the shelling.", 7),
        ("Three suicide bombers detonated their vests at the gate, killing 11 guards.", 14),
        ("The attacker killed himself and two guards at the checkpoint.", 3),
        ("Mourners buried the 9 victims of the massacre on Sunday.", 9),
        ("Two men were beaten to death by the crowd.", 2),
        ("Dozens of bodies lay in the street after the raid.", 12),
        ("The clash left four fighters dead on each side.", 8),
        ("The number of people killed in the bombing has risen to 41, police said.", 41),
        ("Police said 8 people died, but the hospital put the number of dead at 11.", 8),
        ("The blast killed nine people: six soldiers and three civilians.", 9),
        ("Divers recovered the bodies of three men and a boy from the lake.", 4),
        ("At least 25 were killed, with some estimates as high as 40.", 25),
        ("The gunman killed five people before turning the gun on himself.", 6),
        ("The dead included two police officers and a teacher.", 3),
    ],
)
def test_fatalities_in_other_words(nlp: Any, text: str, best: int) -> None:
    assert _read(nlp, text).fatalities.best == best


@pytest.mark.slow
def test_injuries_suffered_or_treated_are_injured(nlp: Any) -> None:
    got = _read(nlp, "Nobody died, although four guards suffered minor injuries.")
    assert got.fatalities.best == 0 and got.injured.best == 4
    assert _read(nlp, "Health officials said 22 people were being treated for wounds.").injured.best == 22
    assert _read(nlp, "The blast did not cause any casualties.").fatalities.best == 0


@pytest.mark.slow
def test_other_verbs_keep_their_figures(nlp: Any) -> None:
    got = _read(nlp, "Two people were killed, six wounded and dozens arrested as police broke up the march.")
    assert (got.fatalities.best, got.injured.best) == (2, 6)
    got = _read(nlp, "One soldier was killed and another wounded in the ambush.")
    assert (got.fatalities.best, got.injured.best) == (1, 1)


@pytest.mark.slow
def test_a_superlative_before_a_period_compares_and_does_not_total(nlp: Any) -> None:
    got = _read(nlp, "The bombing killed 31 people, the deadliest attack in the capital since 2017.")
    assert got.fatalities.best == 31 and got.tally_fatalities is None
    got = _read(nlp, "The raid killed 40 soldiers, the army said, the heaviest loss in a single attack this year.")
    assert got.fatalities.best == 40 and got.tally_fatalities is None

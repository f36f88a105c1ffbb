"""The actor dictionary: state forces of every country, armed groups, generic actors."""

from __future__ import annotations

import csv
from importlib import resources

import pycountry
import pytest
import spacy
import yaml
from spacy.tokens import Doc

from sitrep.events.actors import KINDS, article_country, code_phrase, dictionary, kind_of, region_countries
from sitrep.model import Actor

_BLANK = spacy.blank("en")


def _code(text: str, context: str | None = None, place: str | None = None) -> Actor | None:
    """Code a phrase tokenised without a model; its last token is the head."""
    doc: Doc = _BLANK(text)
    return code_phrase(doc, 0, len(doc), doc[-1], context, place)


def test_kinds_follow_acled_inter_codes() -> None:
    assert kind_of(1) == "state forces"
    assert kind_of(7) == "civilians"
    assert kind_of(None) is None
    assert sorted(KINDS) == list(range(1, 9))


def test_every_country_has_military_and_police_forces() -> None:
    lex = dictionary()
    missing = []
    for country in pycountry.countries:
        name = lex.country_label(country.alpha_2)
        actor = _code(f"{name} troops")
        police = _code(f"{name} police")
        military_ok = actor is not None and actor.country == country.alpha_2 and actor.kind == "state forces"
        if not military_ok or police is None or police.name != f"Police Forces of {name}":
            missing.append(name)
    assert not missing


def test_every_demonym_names_state_forces() -> None:
    text = resources.files("sitrep.data").joinpath("demonyms.csv").read_text("utf-8")
    rows = [r for r in csv.reader(line for line in text.splitlines() if not line.startswith("#"))]
    by_form: dict[str, set[str]] = {}
    for iso, form in rows[1:]:
        by_form.setdefault(form, set()).add(iso)
    wrong = []
    for form, isos in by_form.items():
        actor = _code(f"{form} soldiers")
        if actor is None or actor.country not in isos or not (actor.name or "").startswith("Military Forces of"):
            wrong.append(form)
    assert not wrong


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "country"),
    [
        ("Syrian troops", "Military Forces of Syria", "state forces", "SY"),
        ("Russian warplanes", "Military Forces of Russia", "state forces", "RU"),
        ("the Israeli army", "Military Forces of Israel", "state forces", "IL"),
        ("Kenyan police", "Police Forces of Kenya", "state forces", "KE"),
        ("ISIS fighters", "Islamic State", "rebel groups", None),
        ("Daesh", "Islamic State", "rebel groups", None),
        ("al-Shabab militants", "Al Shabaab", "rebel groups", "SO"),
        ("HTS", "Hayat Tahrir al-Sham", "rebel groups", "SY"),
        ("Wagner mercenaries", "Wagner Group", "external/other forces", "RU"),
        ("the RSF", "Rapid Support Forces", "rebel groups", "SD"),
        ("Hezbollah fighters", "Hezbollah", "political militias", "LB"),
        ("the Qassam Brigades", "Hamas", "rebel groups", "PS"),
        ("the Tatmadaw", "Military Forces of Myanmar", "state forces", "MM"),
        ("MONUSCO", None, "external/other forces", "CD"),
        ("Fulani herdsmen", "Fulani Ethnic Militia", "identity militias", "NG"),
    ],
)
def test_known_actors(phrase: str, name: str | None, kind: str, country: str | None) -> None:
    actor = _code(phrase)
    assert actor is not None
    if name is not None:
        assert actor.name == name
    assert actor.kind == kind
    assert actor.country == country
    assert actor.text == phrase


@pytest.mark.parametrize(
    ("phrase", "kind", "name"),
    [
        ("unidentified gunmen", "political militias", "Unidentified Armed Group (Syria)"),
        ("unidentified armed men", "political militias", "Unidentified Armed Group (Syria)"),
        ("militants", "political militias", "Unidentified Armed Group (Syria)"),
        ("unidentified persons", "political militias", "Unidentified Armed Group (Syria)"),
        ("masked men", "political militias", "Unidentified Armed Group (Syria)"),
        ("protesters", "protesters", "Protesters (Chile)"),
        ("rioters", "rioters", "Rioters (Chile)"),
        ("a mob", "rioters", "Rioters (Chile)"),
        ("civilians", "civilians", "Civilians (Chile)"),
        ("villagers", "civilians", "Civilians (Chile)"),
        ("students", "civilians", "Civilians (Chile)"),
        ("journalists", "civilians", "Civilians (Chile)"),
        ("rebels", "rebel groups", "Rebels (Syria)"),
    ],
)
def test_generic_actors_take_the_place_or_article_country(phrase: str, kind: str, name: str) -> None:
    actor = _code(phrase, context="SY", place="CL")
    assert actor is not None
    assert actor.kind == kind
    assert actor.name == name


def test_generic_actor_without_country_drops_the_parenthesis() -> None:
    actor = _code("civilians")
    assert actor is not None and actor.name == "Civilians" and actor.country is None


def test_state_forces_without_a_country_cue_use_the_article_country() -> None:
    actor = _code("government forces", context="YE")
    assert actor is not None and actor.name == "Military Forces of Yemen"


def test_a_demonym_alone_is_people_of_that_country() -> None:
    actor = _code("Palestinians")
    assert actor is not None and actor.name == "Civilians (Palestine)" and actor.kind == "civilians"


def test_things_are_not_actors() -> None:
    assert _code("the town") is None
    assert _code("a humanitarian corridor") is None


def test_short_aliases_match_their_case_only() -> None:
    doc = _BLANK("it is what it is")
    assert [m for m in dictionary().scan(doc, 0, len(doc)) if m.category == "group"] == []
    doc = _BLANK("IS fighters")
    assert dictionary().scan(doc, 0, len(doc))[0].value.name == "Islamic State"


def test_dictionary_covers_two_hundred_non_state_groups_with_aliases() -> None:
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("actors.yaml").read_text("utf-8"))
    non_state = [g for g in raw["groups"] if g["inter"] in (2, 3, 4)]
    assert len(non_state) >= 200
    assert sum(1 for g in non_state if g.get("aliases")) >= 200
    names = [g["name"] for g in raw["groups"]]
    assert len(names) == len(set(names))


def test_article_country_is_the_most_named() -> None:
    doc = _BLANK("Syrian troops entered Aleppo as Syria and its Russian allies said the Syrian army advanced.")
    assert article_country(dictionary().scan(doc, 0, len(doc))) == "SY"


def test_opposition_politicians_are_civilians_not_rebels() -> None:
    actor = _code("opposition leader", "GN")
    assert actor is not None and actor.kind == "civilians" and actor.country == "GN"
    rebels = _code("opposition fighters", "SY")
    assert rebels is not None and rebels.kind == "rebel groups"


def test_a_place_named_for_its_holder_is_no_actor() -> None:
    assert _code("a Houthi-run prison") is None
    assert _code("rebel-held districts", "SY") is None
    assert _code("southern Israel") is None
    held = _code("Houthi fighters")
    assert held is not None and held.name == "Houthis"


def test_the_occupation_alone_names_the_occupier_in_an_occupied_country() -> None:
    gaza = _code("the occupation artillery", "PS", "PS")
    assert gaza is not None and gaza.name == "Military Forces of Israel"
    kherson = _code("the occupiers", "UA", "UA")
    assert kherson is not None and kherson.name == "Military Forces of Russia"
    # a country named in the phrase says whose, and elsewhere the word names no state
    named = _code("the Israeli occupation forces", "PS", "PS")
    assert named is not None and named.name == "Military Forces of Israel"
    assert _code("the occupiers", "NG", "NG") is None


def test_unnamed_forces_in_a_territory_with_no_army_are_the_occupiers() -> None:
    for phrase in ("the warplanes", "the forces", "tanks"):
        actor = _code(phrase, "PS", "PS")
        assert actor is not None and actor.name == "Military Forces of Israel", phrase
    police = _code("the police", "PS", "PS")
    assert police is not None and police.name is not None and "Palestine" in police.name
    named = _code("Palestinian security forces", "PS", "PS")
    assert named is not None and named.name is not None and "Palestine" in named.name
    # elsewhere unnamed forces stay the country's own
    own = _code("the warplanes", "UA", "UA")
    assert own is not None and own.name == "Military Forces of Ukraine"


def test_ethnic_groups_take_the_country_where_they_are() -> None:
    actor = _code("ethnic Albanians", "RS", "RS")
    assert actor is not None and actor.country == "RS"
    nationals = _code("Albanians", "RS")
    assert nationals is not None and nationals.country == "AL"


def test_weapons_name_the_forces_that_fire_them() -> None:
    actor = _code("a Russian missile")
    assert actor is not None and actor.name == "Military Forces of Russia"


def test_regions_tell_their_country_but_plain_words_do_not() -> None:
    regions = region_countries()
    assert regions["Zamfara"] == "NG" and regions["Michoacan"] == "MX"
    assert "Free" not in regions and "Georgia" not in regions


@pytest.mark.slow
def test_a_common_word_in_capitals_is_no_acronym_in_text_set_in_capitals() -> None:
    from sitrep import extract_text

    report = extract_text("THE BLAST WAS CAUSED BY UNIDENTIFIED PERSONS WHO THREW A GRENADE AT A BUS ON MONDAY.")
    assert [e.actor1.name if e.actor1 else None for e in report.events] == ["Unidentified Armed Group"]
    nlp = spacy.blank("en")
    mixed = nlp("Staff of the WHO said the clinic was shelled.")
    assert [m.value for m in dictionary().scan(mixed, 0, len(mixed)) if m.category != "generic"]


@pytest.mark.slow
def test_a_fighter_jet_is_no_rebel_fighter() -> None:
    from sitrep import extract_text

    report = extract_text("A fighter jet dropped bombs on the market in Kafr Nabl on Monday, killing six people.")
    assert [e.actor1.kind if e.actor1 else None for e in report.events] != ["rebel groups"]
    fighters = extract_text("Fighters stormed the village of Kafr Nabl on Monday, killing six people.")
    assert [e.actor1.kind if e.actor1 else None for e in fighters.events] == ["rebel groups"]

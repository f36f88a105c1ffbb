"""Event location: the place tied to the trigger, ACLED geo precision, fallbacks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.assemble.location import known_place, locate_event, precision_of
from sitrep.geo import find_places
from sitrep.geo.gazetteer import Gazetteer, build
from sitrep.ingest import article_from_text
from sitrep.model import Event, Evidence, Location, Place


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.getbasetemp() / "sitrep-geo" / "gazetteer.sqlite"
    return Gazetteer.get(path if path.exists() else build(path))


def _locate(nlp: Any, gaz: Gazetteer, text: str, trigger: str, sentence: str | None = None,
            *, finest: bool = False) -> Location | None:
    art = article_from_text(text, id="t")
    doc = nlp(text)
    places = find_places(doc, art, gaz)
    sent = sentence or text
    s0 = text.index(sent)
    t0 = text.index(trigger, s0)
    event = Event(id="t:0", event_type="", sub_event_type="", code="", status="occurred",
                  evidence=Evidence(s0, s0 + len(sent), trigger, t0, t0 + len(trigger)))
    event.location = locate_event(doc, art, event, places)
    return known_place(doc, art, event, places) if finest else event.location


@pytest.mark.slow
def test_place_under_the_trigger_wins(nlp: Any, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Syrian government forces shelled Homs while officials met in Damascus.", "shelled")
    assert loc is not None and loc.name == "Homs" and loc.precision == 1 and loc.country == "SY"


@pytest.mark.slow
def test_a_place_someone_came_from_is_not_where_it_happened(nlp: Any, gaz: Gazetteer) -> None:
    text = ("Warplanes dealt 40 strikes against the positions of militants who had infiltrated to Homs "
            "province from Iraq.")
    loc = _locate(nlp, gaz, text, "strikes")
    assert loc is not None and loc.country == "SY"
    # under the trigger itself, "from" names the event's place
    loc = _locate(nlp, gaz, "Gunmen abducted 20 pupils from a school in Kankara on Friday.", "abducted")
    assert loc is not None and loc.name == "Kankara"
    # a region they came from is too coarse to stand for where even alone in the sentence: the story's town
    sentence = "A number of terrorists fleeing from the North East were also arrested."
    text = "Troops killed 20 bandits in raids on camps near Kaduna on Sunday. " + sentence
    loc = _locate(nlp, gaz, text, "arrested", sentence)
    assert loc is not None and loc.name == "Kaduna"


@pytest.mark.slow
def test_where_a_statement_was_issued_is_not_where_it_happened(nlp: Any, gaz: Gazetteer) -> None:
    sentence = "According to a statement issued yesterday in Abuja, the troops killed 12 insurgents."
    text = "Insurgents attacked a military base in Gwoza on Sunday. " + sentence
    loc = _locate(nlp, gaz, text, "killed", sentence)
    assert loc is not None and loc.name == "Gwoza"


@pytest.mark.slow
def test_a_place_that_speaks_is_an_actor_not_where_it_happened(nlp: Any, gaz: Gazetteer) -> None:
    text = "The Pentagon said on Tuesday that U.S. aircraft struck an Islamic State convoy near Raqqa."
    loc = _locate(nlp, gaz, text, "struck")
    assert loc is not None and loc.country == "SY"
    # the only other place: the speaker does not become the article's main place either
    loc = _locate(nlp, gaz, "Moscow said Ukrainian drones attacked an oil depot overnight.", "attacked")
    assert loc is None or loc.country != "RU"
    # a capital that calls, describes or rejects speaks for its government too
    sentence = "Government forces used sarin in attacks on the suburbs, which Washington called a red line."
    text = "Rockets hit Zamalka, east of Damascus, before dawn on Wednesday. " + sentence
    loc = _locate(nlp, gaz, text, "attacks", sentence)
    assert loc is not None and loc.country == "SY"
    # but a place that "called in" crews or was "described as" something is the place itself
    loc = _locate(nlp, gaz, "Kharkiv called in emergency crews after a missile strike killed five.", "strike")
    assert loc is not None and loc.name == "Kharkiv"


@pytest.mark.slow
def test_near_and_direction_give_precision_two(nlp: Any, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Clashes erupted near Mosul on Tuesday.", "Clashes")
    assert loc is not None and loc.name == "Mosul" and loc.precision == 2
    loc = _locate(nlp, gaz, "Russian jets struck eastern Aleppo overnight.", "struck")
    assert loc is not None and loc.name == "Aleppo" and loc.precision == 2


@pytest.mark.slow
def test_country_only_gives_precision_three(nlp: Any, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Protesters marched against the government in Yemen.", "marched")
    assert loc is not None and loc.country == "YE" and loc.precision == 3


@pytest.mark.slow
def test_falls_back_to_the_article_main_place(nlp: Any, gaz: Gazetteer) -> None:
    text = "Fighting in Kandahar went on.\nThe clashes killed five people."
    loc = _locate(nlp, gaz, text, "clashes", sentence="The clashes killed five people.")
    assert loc is not None and loc.text == "Kandahar" and loc.geonameid == 1138336


@pytest.mark.slow
def test_no_place_gives_none(nlp: Any, gaz: Gazetteer) -> None:
    assert _locate(nlp, gaz, "The clashes killed five people.", "clashes") is None


def test_precision_codes() -> None:
    town = Place(text="Homs", start=0, end=4, feature_code="PPL", latitude=1.0, longitude=1.0)
    district = Place(text="Jabal", start=0, end=5, feature_code="ADM2", latitude=1.0, longitude=1.0)
    country = Place(text="Syria", start=0, end=5, feature_code="PCLI", latitude=1.0, longitude=1.0)
    demonym = Place(text="Syrian", start=0, end=6, feature_code="PCLI", latitude=1.0, longitude=1.0)
    assert precision_of(town) == 1 and precision_of(town, "near") == 2
    assert precision_of(district) == 2
    assert precision_of(country) == 3 and precision_of(demonym) == 3


def test_module_has_no_state(tmp_path: Path) -> None:
    assert locate_event.__doc__


@pytest.mark.slow
def test_an_unknown_place_under_the_trigger_is_not_replaced(nlp: Any, gaz: Gazetteer) -> None:
    # A district no gazetteer entry holds stays unresolved rather than becoming Aleppo.
    text = "Shelling hit Aleppo again.\nIntense clashes and shelling erupted in the Karm al-Jabal district."
    loc = _locate(nlp, gaz, text, "clashes",
                  sentence="Intense clashes and shelling erupted in the Karm al-Jabal district.")
    assert loc is not None and loc.geonameid is None and loc.latitude is None
    assert loc.text == "Karm al-Jabal"


@pytest.mark.slow
def test_a_district_of_a_city_resolves_with_its_feature_code(nlp: Any, gaz: Gazetteer) -> None:
    text = "Shelling hit Aleppo again.\nIntense clashes and shelling erupted in the Jobar district."
    loc = _locate(nlp, gaz, text, "clashes", sentence="Intense clashes and shelling erupted in the Jobar district.")
    assert loc is not None and loc.name == "Jobar" and loc.feature_code == "PPLX" and loc.country == "SY"
    assert loc.latitude is not None and abs(loc.latitude - 33.53) < 0.1


@pytest.mark.slow
def test_the_dateline_is_where_the_story_was_filed_not_where_it_happened(nlp: Any, gaz: Gazetteer) -> None:
    text = "BEIRUT, April 4 - A chemical attack killed 58 people in Idlib province on Tuesday."
    loc = _locate(nlp, gaz, text, "attack")
    assert loc is not None and loc.country == "SY" and loc.name != "Beirut"
    only = "KABUL, Jan 27 (Reuters) - A suicide bomber killed 95 people on Saturday."
    loc = _locate(nlp, gaz, only, "bomber")
    assert loc is not None and loc.name == "Kabul" and loc.precision == 2


@pytest.mark.slow
def test_a_quoted_place_and_a_country_used_as_a_modifier_do_not_place_the_event(nlp: Any, gaz: Gazetteer) -> None:
    text = 'Gunmen attacked a rally in Mosul.\nThe gunman shouted "Remember Aleppo!" as police opened fire.'
    sentence = 'The gunman shouted "Remember Aleppo!" as police opened fire.'
    loc = _locate(nlp, gaz, text, "opened fire", sentence=sentence)
    assert loc is not None and loc.name == "Mosul"
    text = "Fighting went on in Mosul.\nA U.S. air strike killed four fighters."
    loc = _locate(nlp, gaz, text, "air strike", sentence="A U.S. air strike killed four fighters.")
    assert loc is not None and loc.name == "Mosul"


@pytest.mark.slow
def test_a_place_that_owns_its_outskirts_gives_precision_two(nlp: Any, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Fierce fighting was reported in Homs' suburbs on Friday.", "fighting")
    assert loc is not None and loc.name == "Homs" and loc.precision == 2


@pytest.mark.slow
def test_a_demonym_tells_whose_not_where(nlp: Any, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Turkish jets struck Kurdish positions on Monday, the army said.", "struck")
    assert loc is None  # neither Turkey nor Kurdistan: the text does not say where
    assert _locate(nlp, gaz, "Kurdish fighters attacked Islamic State positions on Monday.", "attacked") is None
    loc = _locate(nlp, gaz, "Syrian troops shelled the town of Saraqib on Monday.", "shelled")
    assert loc is not None and loc.name == "Saraqib"


@pytest.mark.slow
def test_an_unknown_village_takes_the_next_larger_known_place_after_merging(nlp: Any, gaz: Gazetteer) -> None:
    text = ("Gunmen killed 12 people in Zangwalaki village of Borno State on Monday. "
            "Zangwalaki lies near Maiduguri, residents said.")
    first = "Gunmen killed 12 people in Zangwalaki village of Borno State on Monday."
    raw = _locate(nlp, gaz, text, "killed", first)
    # until merging, the unknown name itself keeps the event apart from others
    assert raw is not None and raw.latitude is None and raw.text == "Zangwalaki"
    loc = _locate(nlp, gaz, text, "killed", first, finest=True)
    assert loc is not None and loc.latitude is not None and loc.text == "Zangwalaki"
    assert loc.country == "NG" and loc.precision is not None and loc.precision >= 2


@pytest.mark.slow
def test_a_country_only_sentence_takes_the_articles_own_place(nlp: Any, gaz: Gazetteer) -> None:
    text = ("Soldiers raided the home of the sect leader in Zaria on Saturday, residents of Zaria said. "
            "The Nigerian Army on Monday confirmed it had arrested him in Nigeria.")
    sent = "The Nigerian Army on Monday confirmed it had arrested him in Nigeria."
    assert (raw := _locate(nlp, gaz, text, "arrested", sent)) is not None and raw.name == "Nigeria"
    loc = _locate(nlp, gaz, text, "arrested", sent, finest=True)
    assert loc is not None and loc.name == "Zaria" and loc.via == "main" and loc.precision == 2


@pytest.mark.slow
def test_a_first_level_unit_abroad_does_not_place_an_event(nlp: Any, gaz: Gazetteer) -> None:
    # a Syria story (Aleppo, Syria and Raqqa named) in which "Tokhar" reads as Afghanistan's Takhar
    text = ("Coalition air strikes hit Manbij in Aleppo province, in northern Syria, on Monday, activists in "
            "Raqqa said. The bombing targeted the outskirts of the village of Tokhar at dawn.")
    loc = _locate(nlp, gaz, text, "bombing", text.split(". ")[1])
    # left unread (a vowel-skeleton match far from the story) or read in Syria, never abroad
    assert loc is not None and loc.country in ("SY", None)
    loc = _locate(nlp, gaz, text, "bombing", text.split(". ")[1], finest=True)
    assert loc is not None and loc.country == "SY"


@pytest.mark.slow
def test_a_governorate_named_like_its_capital_is_the_city() -> None:
    from sitrep import extract_text

    city = extract_text("Warplanes struck Raqqa on Monday, killing nine.").places
    province = extract_text("Shelling hit villages in Raqqa province on Monday.").places
    assert [p.feature_code for p in city] == ["PPL"] and [p.feature_code for p in province] == ["ADM1"]


@pytest.mark.slow
def test_an_event_told_at_several_towns_is_one_event_a_town_with_the_toll_shared() -> None:
    from sitrep import extract_text

    text = "Rockets hit the Damascus suburbs of Ain Tarma, Zamalka and Jobar on Wednesday, killing 7 people."
    report = extract_text(text, published="2013-08-22")
    got = [(e.location.name if e.location else None, e.fatalities.best) for e in report.events]
    assert got == [("Ain Tarma", 3), ("Zamalka", 2), ("Jobar", 2)]
    # a town and its province are one place
    one = extract_text("Three militants were killed in a clash with soldiers in Butig, Lanao del Sur on Saturday.")
    assert len(one.events) == 1
    # a stretch of road between two towns is one place
    road = extract_text("Armed men abducted 17 passengers travelling on a bus between Nekemte and Gimbi on Wednesday.",
                        published="2022-07-07")
    assert len([e for e in road.events if e.code == "ABDUCT_DISSAP"]) == 1
    # also when the names modify the noun "between" governs ("between Penjwen and Sulaimani city")
    strike = extract_text("A drone struck a car on the road between Penjwen and Sulaimani city on Monday, "
                          "killing two people inside.", published="2024-07-08")
    assert [e.fatalities.best for e in strike.events] == [2]
    # names in brackets say where the town lies (ACLED-style "Djiguibombo (Bankass, Mopti)"): one event
    wedding = extract_text("On 1 July 2024, JNIM militants attacked a wedding in Djiguibombo (Bankass, Mopti) and "
                           "killed around 40 civilians.", published="2024-07-03")
    assert [e.fatalities.best for e in wedding.events] == [40]
    # countries joined by "and" are two events too; a country and its town are one
    two = extract_text("Militants attacked army posts in Niger and Mali on Sunday, killing 20 soldiers.",
                       published="2023-05-01")
    assert sorted(e.location.country for e in two.events if e.location) == ["ML", "NE"]
    # a town after the first one's country ("in Nairobi, Kenya, and Dar es Salaam, Tanzania") is told too,
    # and a country read as its capital beside that capital is no second event there
    embassies = extract_text("The simultaneous blasts at the U.S. embassies in Nairobi, Kenya, and Dar es Salaam, "
                             "Tanzania, killed 224 people on Friday.", published="1998-08-08")
    assert [e.location.name for e in embassies.events if e.location] == ["Nairobi", "Dar es Salaam"]
    # a street the gazetteer lacks, read as the town of the other street it crosses, is no second place
    crossing = extract_text("A bomb exploded at the intersection of Providencia and Tobalaba avenues in Santiago "
                            "on Monday, wounding one person.", published="2023-05-01")
    assert [e.location.name for e in crossing.events if e.location] == ["Providencia"]
    # but two villages the gazetteer lacks, each standing in as the same town, are two places
    villages = extract_text("KADUNA - Bandits on Tuesday attacked Unguwan Gata and Unguwan Dangana villages in Kajuru "
                            "local government area, killing 12 residents.", published="2023-05-01")
    assert sorted(e.location.text for e in villages.events if e.location) == ["Unguwan Dangana", "Unguwan Gata"]
    capitals = extract_text("The simultaneous bombings at the embassies in Kampala, Uganda, and Kigali, Rwanda, "
                            "killed 14 people on Friday.", published="2023-05-06")
    assert [e.location.name for e in capitals.events if e.location] == ["Kampala", "Kigali"]
    # in a story filed from a third country, "Tanzania" after Dar es Salaam says where that town lies: it is
    # no embassy city of its own, so the town stays a place of the event though its country is named once
    filed = extract_text(
        "WASHINGTON (AP) - U.S. officials on Saturday promised to find those behind the attacks on Americans. "
        "The United States sent FBI agents and U.S. Marines to Kenya. The Friday explosions at U.S. embassies "
        "in Nairobi, Kenya, and Dar-es-Salaam, Tanzania, killed at least 110 people. Eleven Americans died in "
        "Kenya, the U.S. State Department said.", published="1998-08-08")
    assert {"Nairobi", "Dar es Salaam"} <= {e.location.name for e in filed.events if e.location}
    # the act told again with its verb left out ("and 10 in Tanzania"), and a place of a joined object
    gapped = extract_text("Foreign ministers met in Wellington on Friday to discuss terrorism.\n\nThe minister said "
                          "the talks went well.\n\nThe embassy bombings, on Aug. 7, killed 247 people in Kenya and "
                          "10 in Tanzania.", published="1998-08-20")
    assert sorted(e.location.country for e in gapped.events if e.location) == ["KE", "TZ"]
    strikes = extract_text("U.S. forces on Thursday launched cruise missile strikes against camps in Afghanistan "
                           "and a chemical plant in Sudan.", published="1998-08-21")
    assert sorted(e.location.country for e in strikes.events if e.location) == ["AF", "SD"]


@pytest.mark.slow
def test_a_nationality_before_capital_is_the_capital_city(nlp: Any, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "A car bomb exploded in the Somali capital on Friday, killing 12 people.", "exploded")
    assert loc is not None and loc.name == "Mogadishu" and loc.precision == 1
    from sitrep import extract_text

    both = extract_text("Bombs exploded outside the embassies in the Kenyan and Afghan capitals on Friday.",
                        published="2023-05-01")
    assert sorted(e.location.name for e in both.events if e.location) == ["Kabul", "Nairobi"]
    # embassies in a capital are where the country keeps them (Dar es Salaam, not GeoNames' capital Dodoma)
    where = extract_text("Bombs exploded outside the U.S. embassies in the Kenyan and Tanzanian capitals on Friday.",
                         published="1998-08-08")
    assert "Dodoma" not in {p.seat.name for p in where.places if p.seat}
    assert "Dar es Salaam" in {p.seat.name for p in where.places if p.seat}
    # an embassy "in" a country is in its capital
    embassy = extract_text("Protesters stormed the French embassy in Niger on Sunday.", published="2023-07-31")
    assert [e.location.name for e in embassy.events if e.location] == ["Niamey"]
    # a nationality alone still tells whose, not where
    assert _locate(nlp, gaz, "Somali troops shelled the town of Jowhar.", "shelled").name == "Jawhar"


@pytest.mark.slow
def test_the_outlet_someone_told_is_not_a_place(nlp: Any, gaz: Gazetteer) -> None:
    text = ("Fighting broke out in Bahir Dar on Friday. At least 12 people were killed on Saturday in heavy "
            "fighting between Fano militia and the army in Motta town, East Gojjam zone of the Amhara region, "
            "residents and a health official told Addis Standard.")
    loc = _locate(nlp, gaz, text, "fighting", text[text.index("At least"):])
    assert loc is not None and loc.name is not None and loc.name.startswith("Mot")

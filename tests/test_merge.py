"""The article-level step: mentions of one event merge; distinct events stay apart (hand-built mentions)."""

from __future__ import annotations

import pytest

from sitrep.assemble.merge import merge_mentions
from sitrep.events.taxonomy import subtype
from sitrep.ingest import article_from_text
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location

TEXT = "x" * 2000
ARTICLE = article_from_text(TEXT, id="a", published="2020-03-10")


def mention(
    start: int,
    code: str,
    *,
    day: str | None = None,
    place: tuple[str, int, float, float] | None = None,
    killed: int | None = None,
    actor: str | None = None,
    status: str = "occurred",
    sentence: int | None = None,
    trigger: str | None = None,
) -> Event:
    st = subtype(code)
    loc = None
    if place is not None:
        name, gid, lat, lon = place
        loc = Location(name=name, geonameid=gid, latitude=lat, longitude=lon, country="NG", precision=1,
                       text=name, via="sentence")
    when = EventDate(value=day, start=day, end=day, precision=1, text=day) if day else EventDate(
        value="2020-03-10", start="2020-03-04", end="2020-03-10", precision=2, text=None)
    return Event(
        id="", event_type=st.event_type, sub_event_type=st.sub_event_type, code=code, status=status,
        evidence=Evidence(start=start, end=start + 50, trigger=trigger), date=when, location=loc,
        actor1=Actor(name=actor, inter=2) if actor else None,
        fatalities=Count(best=killed, text=str(killed) if killed is not None else None),
        sentence=sentence if sentence is not None else start,
    )


MAIDUGURI = ("Maiduguri", 2331447, 11.84, 13.16)
DAMBOA = ("Damboa", 2345096, 11.15, 12.76)


def test_headline_lead_and_toll_update_are_one_event_with_one_toll() -> None:
    events = merge_mentions(ARTICLE, [
        mention(0, "ATTACK", killed=3),
        mention(100, "ATTACK", day="2020-03-09", place=MAIDUGURI, killed=3, actor="Boko Haram"),
        mention(400, "ATTACK", killed=7),
    ])
    assert len(events) == 1
    event = events[0]
    assert event.fatalities.best == 7  # the risen toll, not 3 + 3 + 7
    assert event.location is not None and event.location.name == "Maiduguri"
    assert event.date is not None and event.date.value == "2020-03-09"
    assert event.actor1 is not None and event.actor1.name == "Boko Haram"
    assert [m.start for m in event.mentions] == [0, 100, 400]


def test_two_villages_or_two_days_stay_two_events() -> None:
    villages = merge_mentions(ARTICLE, [
        mention(0, "ATTACK", day="2020-03-09", place=MAIDUGURI),
        mention(100, "ATTACK", day="2020-03-09", place=DAMBOA),
    ])
    days = merge_mentions(ARTICLE, [
        mention(0, "ATTACK", day="2020-03-08", place=MAIDUGURI),
        mention(100, "ATTACK", day="2020-03-09", place=MAIDUGURI),
    ])
    assert len(villages) == 2
    assert len(days) == 2


def test_clash_and_shelling_in_one_sentence_are_the_clash() -> None:
    events = merge_mentions(ARTICLE, [
        mention(0, "ART_MISS_ATTACK", place=MAIDUGURI, sentence=1),
        mention(10, "ARMED_CLASH", place=MAIDUGURI, sentence=1),
    ])
    assert [e.code for e in events] == ["ARMED_CLASH"]


def test_deaths_told_bare_take_the_weapon_another_mention_names() -> None:
    # "100 terrorists killed in Deir Ezzor" (a clash, from who died) and the air strikes that killed them
    strikes = mention(300, "AIR_STRIKE", day="2020-03-09", place=MAIDUGURI, killed=50, trigger="strikes")
    events = merge_mentions(ARTICLE, [mention(0, "ARMED_CLASH", killed=100, trigger="killed"), strikes])
    assert [(e.code, e.fatalities.best) for e in events] == [("AIR_STRIKE", 100)]
    # a clash told as a clash stays the clash it was shelled in
    events = merge_mentions(ARTICLE, [mention(0, "ARMED_CLASH", killed=100, trigger="clashes"), strikes])
    assert [e.code for e in events] == ["ARMED_CLASH"]


def test_other_event_types_in_other_sentences_stay_apart() -> None:
    events = merge_mentions(ARTICLE, [
        mention(0, "AIR_STRIKE", day="2020-03-09", place=MAIDUGURI),
        mention(200, "ARMED_CLASH", day="2020-03-09", place=MAIDUGURI),
    ])
    assert sorted(e.code for e in events) == ["AIR_STRIKE", "ARMED_CLASH"]


def test_looting_and_burning_by_the_attackers_are_part_of_the_attack() -> None:
    events = merge_mentions(ARTICLE, [
        mention(0, "ATTACK", day="2020-03-09", place=MAIDUGURI, killed=5),
        mention(100, "PROPERTY_DISTRUCT"),  # "The attackers also set fire to houses."
        mention(200, "ATTACK", day="2020-03-09", place=MAIDUGURI, killed=6),  # a later telling
    ])
    assert [e.code for e in events] == ["ATTACK"] and events[0].fatalities.best == 6
    # burning told with its own place and day elsewhere is its own event
    apart = merge_mentions(ARTICLE, [
        mention(0, "ATTACK", day="2020-03-09", place=MAIDUGURI),
        mention(100, "PROPERTY_DISTRUCT", day="2020-03-09", place=DAMBOA),
    ])
    assert sorted(e.code for e in apart) == ["ATTACK", "PROPERTY_DISTRUCT"]


def test_strategic_sub_types_never_merge_across_kinds() -> None:
    events = merge_mentions(ARTICLE, [mention(0, "ARREST"), mention(100, "DISR_WEAP")])
    assert len(events) == 2


def test_claim_lends_its_group_and_is_no_row() -> None:
    events = merge_mentions(ARTICLE, [
        mention(0, "SUIC_BOMB", day="2020-03-09", place=MAIDUGURI, killed=12),
        mention(300, "SUIC_BOMB", actor="ISWAP", status="claimed"),
    ])
    assert len(events) == 1
    assert events[0].status == "occurred"
    assert events[0].actor1 is not None and events[0].actor1.name == "ISWAP"


def test_unnamed_attackers_are_named_by_a_group_never_by_the_forces_they_fought() -> None:
    gunmen = mention(0, "ARMED_CLASH", day="2020-03-09", place=MAIDUGURI, killed=2)
    gunmen.actor1 = Actor(name="Unidentified Armed Group (Nigeria)", inter=3, country="NG")
    gunmen.actor2 = Actor(name="Police Forces of Nigeria", inter=1, country="NG")  # "attacked a police post"
    police = mention(300, "ARMED_CLASH", day="2020-03-09", place=MAIDUGURI)
    police.actor1 = Actor(name="Police Forces of Nigeria", inter=1, country="NG")
    (event,) = merge_mentions(ARTICLE, [gunmen, police])
    assert event.actor1 is not None and event.actor1.inter == 3
    claim = mention(600, "ARMED_CLASH", actor="ISWAP", status="claimed")
    (event,) = merge_mentions(ARTICLE, [gunmen, police, claim])
    assert event.actor1 is not None and event.actor1.name == "ISWAP"
    # with no doer at all, the forces another mention names are the doer ("an air strike ... Russian jets")
    strike, jets = mention(0, "AIR_STRIKE", place=MAIDUGURI), mention(300, "AIR_STRIKE", place=MAIDUGURI)
    jets.actor1 = Actor(name="Military Forces of Nigeria", inter=1, country="NG")
    (event,) = merge_mentions(ARTICLE, [strike, jets])
    assert event.actor1 is not None and event.actor1.inter == 1


def test_an_event_dated_after_publication_is_planned_not_told() -> None:
    later, today = mention(0, "PEACE_PROTEST", day="2020-03-17"), mention(300, "PEACE_PROTEST", day="2020-03-10")
    events = merge_mentions(ARTICLE, [later, today])
    assert [e.status for e in sorted(events, key=lambda e: e.evidence.start)] == ["planned", "occurred"]


def test_unmatched_statuses_stay_as_they_are() -> None:
    events = merge_mentions(ARTICLE, [mention(0, "ATTACK", status="threatened"), mention(1, "ATTACK")])
    assert sorted(e.status for e in events) == ["occurred", "threatened"]


def test_an_event_given_only_a_long_period_is_background_even_without_a_publication_day() -> None:
    since = EventDate(value="2012-09-01", start="2012-09-01", end="2020-03-10", precision=3,
                      text="since September 2012")
    year = EventDate(value="2008-07-01", start="2008-01-01", end="2008-12-31", precision=3, text="In 2008")
    undated = article_from_text(TEXT, id="b")
    for article, when in ((ARTICLE, since), (undated, year)):
        tally = mention(0, "AIR_STRIKE", place=MAIDUGURI)
        tally.date = when
        events = merge_mentions(article, [tally, mention(100, "ATTACK", day="2020-03-09", place=DAMBOA)])
        assert [e.status for e in events] == ["background", "occurred"]


def test_a_mention_dated_only_by_a_long_period_tells_no_event_of_the_group() -> None:
    # "the deadliest since August, when 37 people were killed in a suicide bombing"
    lead = mention(0, "SUIC_BOMB", day="2020-03-09", place=MAIDUGURI, killed=7)
    since = mention(900, "SUIC_BOMB", place=MAIDUGURI, killed=37, actor="Boko Haram")
    since.date = EventDate(value="2019-08-01", start="2019-08-01", end="2020-03-10", precision=3, text="since August")
    events = merge_mentions(ARTICLE, [lead, since])
    assert [(e.status, e.fatalities.best) for e in events] == [("occurred", 7), ("background", 37)]


def test_event_dated_months_before_publication_is_background() -> None:
    events = merge_mentions(ARTICLE, [
        mention(0, "SUIC_BOMB", day="2019-01-27", place=MAIDUGURI),
        mention(100, "ATTACK", day="2020-03-09", place=MAIDUGURI),
    ])
    assert [e.status for e in events] == ["background", "occurred"]


def test_every_mention_is_kept_once() -> None:
    ms = [mention(i * 100, "PEACE_PROTEST") for i in range(5)] + [mention(600, "PROTEST_WITH_INTER")]
    events = merge_mentions(ARTICLE, ms)
    assert len(events) == 1
    assert events[0].code == "PROTEST_WITH_INTER"  # the most severe turn names the demonstration
    assert len(events[0].mentions) == 6


def test_generic_actor_takes_the_event_country_and_arrests_get_police() -> None:
    from sitrep.assemble.sides import settle_sides

    gunmen = mention(0, "ATTACK", place=MAIDUGURI)
    gunmen.actor1 = Actor(name="Unidentified Armed Group (Poland)", inter=3, country="PL")
    settle_sides(gunmen)
    assert gunmen.actor1 is not None and gunmen.actor1.name == "Unidentified Armed Group (Nigeria)"
    # a named actor of a country keeps it wherever it acts: settlers in a Nigerian town stay Israel's
    settlers = mention(0, "ATTACK", place=MAIDUGURI)
    settlers.actor1 = Actor(name="Settlers (Israel)", inter=3, country="IL")
    settle_sides(settlers)
    assert settlers.actor1 is not None and settlers.actor1.name == "Settlers (Israel)"
    arrest = settle_sides(mention(0, "ARREST", place=MAIDUGURI))
    assert arrest.actor1 is not None and (arrest.actor1.name, arrest.actor1.inter) == ("Police Forces of Nigeria", 1)
    threat = settle_sides(mention(0, "ARREST", place=MAIDUGURI, status="threatened"))
    assert threat.actor1 is None


def test_the_one_side_named_in_a_battle_is_its_first_actor() -> None:
    from sitrep.assemble.sides import settle_sides

    # "Three soldiers were killed in clashes with ISWAP fighters": no unnamed group beside ISWAP
    clash = mention(0, "ARMED_CLASH", place=MAIDUGURI)
    clash.actor2 = Actor(name="ISWAP", inter=2)
    settle_sides(clash)
    assert clash.actor1 is not None and clash.actor1.name == "ISWAP" and clash.actor2 is None
    # civilians killed in an attack are its victims, never its doer
    attack = mention(0, "ATTACK", place=MAIDUGURI)
    attack.actor2 = Actor(name="Civilians (Nigeria)", inter=7)
    settle_sides(attack)
    assert attack.actor1 is not None and attack.actor1.inter == 3 and attack.actor2.inter == 7


def test_one_sentence_telling_one_sub_type_at_two_places_stays_two_events() -> None:
    # "rockets hit the suburbs of Ain Tarma and Zamalka": split per place upstream, never re-merged
    events = merge_mentions(ARTICLE, [
        mention(0, "CHEM_WEAP", place=("Ain Tarma", -1, 33.52, 36.35), sentence=1),
        mention(0, "CHEM_WEAP", place=("Zamalka", -2, 33.52, 36.36), sentence=1),
    ])
    assert [e.location.name for e in events if e.location] == ["Ain Tarma", "Zamalka"]


def test_a_time_of_day_alone_names_no_day_and_a_district_holds_its_towns() -> None:
    clock = mention(300, "ATTACK", place=MAIDUGURI)
    clock.date = EventDate(value="2020-03-10", start="2020-03-10", end="2020-03-10", precision=1, text="4 p.m.")
    events = merge_mentions(ARTICLE, [mention(0, "ATTACK", day="2020-03-08", place=MAIDUGURI), clock])
    assert len(events) == 1 and events[0].date is not None and events[0].date.value == "2020-03-08"
    district = Location(name="Maiduguri", geonameid=7, latitude=11.9, longitude=13.1, country="NG", precision=2,
                        admin1="Borno", feature_code="ADM2", text="Maiduguri LGA", via="sentence")
    town = Location(name="Gwange", geonameid=8, latitude=11.83, longitude=13.17, country="NG", precision=1,
                    admin1="Borno", admin2="Maiduguri", feature_code="PPL", text="Gwange", via="sentence")
    first, second = mention(0, "ATTACK", day="2020-03-09"), mention(100, "ATTACK", day="2020-03-09")
    first.location, second.location = district, town
    assert len(merge_mentions(ARTICLE, [first, second])) == 1


def test_an_event_told_once_in_passing_after_the_lead_is_background() -> None:
    # mention() gives no own day unless asked, and sentence = start
    told = mention(0, "ATTACK", day="2020-03-09", place=MAIDUGURI)
    passing = merge_mentions(ARTICLE, [told, mention(900, "ARREST")])
    assert [e.status for e in passing] == ["occurred", "background"]
    # told with its own day, or in the lead, it stays a row
    dated = merge_mentions(ARTICLE, [mention(900, "ARREST", day="2020-03-09"), mention(1, "DISR_WEAP")])
    assert [e.status for e in dated] == ["occurred", "occurred"]


def test_a_sentence_opening_on_the_event_just_told_goes_on_telling_it() -> None:
    first = "A gunman opened fire on police on the Champs-Elysees boulevard Thursday night. "
    text = (first + "The attack left one officer dead before police shot and killed the attacker. "
            + "Ebdi added the latest US air raids had little effect.")
    article = article_from_text(text, id="b", published="2017-04-21")
    day = EventDate(value="2017-04-20", start="2017-04-20", end="2017-04-20", precision=1, text="Thursday night")
    second = text.index("The attack")
    third = text.index("Ebdi")

    def told(code: str, start: int, end: int, sentence: int, place: bool = False) -> Event:
        st = subtype(code)
        loc = Location(name="Paris", geonameid=2988507, latitude=48.85, longitude=2.35, country="FR",
                       precision=1, text="Paris", via="sentence") if place else None
        return Event(id="", event_type=st.event_type, sub_event_type=st.sub_event_type, code=code,
                     status="occurred", evidence=Evidence(start=start, end=end), date=day, location=loc,
                     sentence=sentence)

    clash = told("ARMED_CLASH", 0, len(first) - 1, 0, place=True)
    # the day dating lent the second sentence is not in its words: it tells the same attack
    events = merge_mentions(article, [clash, told("ATTACK", second, third - 1, 1)])
    assert [e.code for e in events] == ["ARMED_CLASH"]
    # a sentence that opens on other events is no reprise, even right after
    events = merge_mentions(article, [clash, told("AIR_STRIKE", third, len(text), 1)])
    assert sorted(e.code for e in events) == ["AIR_STRIKE", "ARMED_CLASH"]


def test_a_town_inside_the_region_told_is_another_place_unless_the_sub_type_is_told_again() -> None:
    # "ISIS killed 50 in an attack on two villages in Hama province ... two people were wounded in
    # ISIS shelling on the nearby town of Salamiyeh" (articles-gold, fakes-1926479016): two rows
    hama = Location(name="Hama", geonameid=170016, latitude=35.2, longitude=37.1, country="SY", precision=3,
                    admin1="Hama", feature_code="ADM1", text="Hama province", via="sentence")
    salamiyeh = Location(name="As Salamiyah", geonameid=172374, latitude=35.01, longitude=37.05, country="SY",
                         precision=1, admin1="Hama", feature_code="PPLA2", text="Salamiyeh", via="sentence")
    attack, shelling = mention(0, "ARMED_CLASH", day="2020-03-09"), mention(300, "ART_MISS_ATTACK", day="2020-03-09")
    attack.location, shelling.location = hama, salamiyeh
    # "troops launched a counteroffensive under the cover of airstrikes": no place or day of its own
    cover = mention(150, "AIR_STRIKE")
    assert [e.code for e in merge_mentions(ARTICLE, [attack, cover, shelling])] == ["ARMED_CLASH", "ART_MISS_ATTACK"]
    again = mention(300, "ARMED_CLASH", day="2020-03-09")
    again.location = salamiyeh
    merged = merge_mentions(ARTICLE, [attack, again])
    assert len(merged) == 1 and merged[0].location is not None and merged[0].location.name == "As Salamiyah"


def test_a_definite_noun_naming_a_sub_type_told_earlier_tells_that_event() -> None:
    # real local news (LGL, 2009): "the fighting" names the three days of fighting told in the lead,
    # whatever day and region its own sentence names
    lead = "Three days of intense fighting between police and insurgents ended Saturday. "
    later = "Underscoring the seriousness of the fighting, state television showed a meeting Friday. "
    other = "A shootout Thursday in Kabardino-Balkaria left four gunmen dead."
    text = lead + later + other
    article = article_from_text(text, id="d", published="2009-03-22")

    def told(code: str, sentence: str, trigger: str, day: str, place: tuple[str, int, float, float]) -> Event:
        st = subtype(code)
        s = text.index(sentence)
        t = text.index(trigger, s)
        name, gid, lat, lon = place
        loc = Location(name=name, geonameid=gid, latitude=lat, longitude=lon, country="RU", precision=3,
                       text=name, via="sentence")
        return Event(id="", event_type=st.event_type, sub_event_type=st.sub_event_type, code=code,
                     status="occurred", evidence=Evidence(start=s, end=s + len(sentence), trigger=trigger,
                                                          trigger_start=t, trigger_end=t + len(trigger)),
                     date=EventDate(value=day, start=day, end=day, precision=1, text=day), location=loc,
                     sentence=text[:s].count(". "))

    dagestan = ("Dagestan", 567293, 42.98, 47.5)
    caucasus = ("Caucasus", -1, 42.5, 44.5)
    events = merge_mentions(article, [told("ARMED_CLASH", lead, "fighting", "2009-03-21", dagestan),
                                      told("ARMED_CLASH", later, "fighting", "2009-03-20", caucasus),
                                      told("ARMED_CLASH", other, "shootout", "2009-03-19", ("Nalchik", 7, 43.5, 43.6))])
    assert len(events) == 2 and len(events[0].mentions) == 2


def test_a_doer_no_actor_dictionary_places_gives_way_to_a_named_or_implied_one() -> None:
    from sitrep.assemble.sides import settle_sides

    # real local news: "DMUG's party activists arrested on March 23" read "DMUG's" as the doer
    arrest = mention(0, "ARREST", place=MAIDUGURI)
    arrest.actor1 = Actor(name="DMUG's", inter=None)
    settled = settle_sides(arrest)
    assert settled.actor1 is not None and settled.actor1.inter == 1 and settled.actor1.name.startswith("Police")
    # a wire dateline read as a subject yields to the side another mention names
    first = mention(0, "ARMED_CLASH", day="2020-03-09", place=MAIDUGURI)
    first.actor1 = Actor(name="MAKHACHKALA", inter=None)
    events = merge_mentions(ARTICLE, [first, mention(100, "ARMED_CLASH", day="2020-03-09", actor="Boko Haram")])
    assert len(events) == 1 and events[0].actor1 is not None and events[0].actor1.name == "Boko Haram"


def test_one_more_of_a_kind_is_another_event() -> None:
    text = ("Unidentified persons threw a grenade at a bus in Guatemala City. Another explosion took place "
            "simultaneously in zone 5 of Guatemala City.")
    article = article_from_text(text, id="m", published="1989-05-10")
    guatemala = Location(name="Guatemala City", geonameid=3598132, latitude=14.64, longitude=-90.51, country="GT",
                         precision=1, text="Guatemala City", via="sentence")

    def told(code: str, trigger: str, sentence: int) -> Event:
        st = subtype(code)
        t = text.index(trigger)
        return Event(id="", event_type=st.event_type, sub_event_type=st.sub_event_type, code=code, status="occurred",
                     evidence=Evidence(start=0, end=len(text), trigger=trigger, trigger_start=t,
                                       trigger_end=t + len(trigger)), location=guatemala, sentence=sentence)

    assert len(merge_mentions(article, [told("GRENADE", "grenade", 0), told("REM_EXPLOS", "explosion", 1)])) == 2


def test_a_retelling_joins_the_event_of_its_own_sub_type() -> None:
    # TR-News (2016): the ambassador shot on Monday, the gunman killed in a shootout in Ankara, and a later
    # sentence with neither day nor place: "the gunman got into a 15-minute shootout with police"
    shot = mention(0, "ATTACK", day="2020-03-09", place=MAIDUGURI)
    shootout = mention(200, "ARMED_CLASH", place=MAIDUGURI)
    events = merge_mentions(ARTICLE, [shot, shootout, mention(900, "ARMED_CLASH")])
    assert [(e.code, len(e.mentions)) for e in events] == [("ATTACK", 1), ("ARMED_CLASH", 2)]


@pytest.mark.slow
def test_an_attack_named_by_its_kind_alone_is_the_bombing_told_that_day_there() -> None:
    from sitrep import extract_text

    text = ("Bombs ripped through a market in Kirkuk on Sunday, witnesses said. "
            "The attacks on Sunday in Kirkuk killed 25 people and injured more than 100.")
    report = extract_text(text, published="2023-05-09")
    assert [e.code for e in report.events if e.status == "occurred"] == ["REM_EXPLOS"]


@pytest.mark.slow
def test_a_headline_s_event_is_the_body_s_first_telling_of_it() -> None:
    from sitrep import extract_text

    # the headline names the state, the body the village inside it: one raid
    raid = ("Bandits kill five in Zamfara village raid\n\nGunmen on Sunday stormed Kwata village in Maru Local "
            "Government Area of Zamfara State, killing five residents, police said. The attackers fled into the "
            "forest.")
    rows = [e for e in extract_text(raid, published="2024-06-04").events if e.status == "occurred"]
    assert [(e.code, e.date.value if e.date else None) for e in rows] == [("ATTACK", "2024-06-02")]
    # a headline of two events joined by "as" keeps them apart from each other
    two = ("Gunmen kill five in Zamfara village as air force strikes bandit camp\n\nGunmen on Sunday stormed "
           "Kwata village in Maru Local Government Area of Zamfara State, killing five residents, police said. "
           "Separately, air force jets struck a bandit camp in Tsafe forest on Monday, the air force said.")
    codes = sorted(e.code for e in extract_text(two, published="2024-06-04").events if e.status == "occurred")
    assert "ATTACK" in codes and "AIR_STRIKE" in codes


def _occurred(text: str, published: str) -> list[Event]:
    from sitrep import extract_text

    return [e for e in extract_text(text, published=published).events if e.status == "occurred"]


@pytest.mark.slow
def test_a_side_of_a_clash_firing_from_the_air_is_the_clash() -> None:
    # CODEBOOK.md: an armed clash during which one side also shells the other is one row
    told = _occurred("MAKHACHKALA, Russia -- Three days of fighting between police and insurgents in a forest in "
                     "Dagestan ended on Saturday with five officers and a dozen militants dead, officials said. "
                     "Clashes are frequent in Dagestan, but the fighting was among the fiercest in months. "
                     "Helicopter gunships fired on the militant positions.", "2009-03-22")
    assert [e.code for e in told] == ["ARMED_CLASH"] and len(told[0].mentions) == 2


@pytest.mark.slow
def test_the_weapons_used_in_the_attack_just_told_are_that_attack() -> None:
    told = _occurred("Two people were killed and 15 injured as government forces attacked the village of Kizil in "
                     "Latakia province on Sunday. According to a local association, tanks, artillery and missiles "
                     "were used in the attack, and several houses were destroyed.", "2015-07-20")
    assert len(told) == 1 and told[0].code == "ART_MISS_ATTACK" and told[0].fatalities.best == 2

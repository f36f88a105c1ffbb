"""De-duplication across articles: ACLED's sameness rule and the merge, on constructed events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.dedup import (
    Mention,
    actors_compatible,
    cluster,
    compatible,
    date_span,
    distance_km,
    merge,
    merge_counts,
)
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location

ALEPPO = Location(
    name="Aleppo", geonameid=170063, latitude=36.20124, longitude=37.16117, country="SY", admin1="Aleppo", precision=1
)
# Al-Bab is about 38 km north-east of Aleppo: another town, too far for precision 1.
AL_BAB = Location(
    name="Al-Bab", geonameid=173213, latitude=36.37051, longitude=37.5157, country="SY", admin1="Aleppo", precision=1
)
# An Aleppo neighbourhood a few km from the city's centre point.
JOBAR = Location(name="Hanano", latitude=36.225, longitude=37.19, country="SY", precision=1)
ALEPPO_REGION = Location(
    name="Aleppo Governorate", latitude=36.25, longitude=37.5, country="SY", admin1="Aleppo", precision=3
)


def day(iso: str, precision: int = 1) -> EventDate:
    return EventDate(value=iso, start=iso, end=iso, precision=precision)


def event(
    eid: str,
    *,
    code: str = "AIR_STRIKE",
    when: EventDate | None = None,
    where: Location | None = ALEPPO,
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    killed: int | None = None,
    low: int | None = None,
    high: int | None = None,
    said: list[str] | None = None,
    status: str = "occurred",
) -> Event:
    sub = {"AIR_STRIKE": "Air/drone strike", "ARMED_CLASH": "Armed clash"}.get(code, code)
    return Event(
        id=eid,
        event_type="Explosions/Remote violence" if code == "AIR_STRIKE" else "Battles",
        sub_event_type=sub,
        code=code,
        status=status,
        evidence=Evidence(start=0, end=10, trigger="strike"),
        date=when if when is not None else day("2016-10-20"),
        location=where,
        actor1=actor1,
        actor2=actor2,
        fatalities=Count(best=killed, low=low, high=high),
        attributed_to=said or [],
        confidence=0.8,
    )


def mention(ev: Event, article: str, outlet: str | None = None, published: str = "2016-10-21") -> Mention:
    return Mention(event=ev, article=article, article_id=article, outlet=outlet or article, published=published)


RUSSIA_AIR = Actor(name="Military Forces of Russia", kind="state forces", inter=8, country="RU")
SYRIA_ARMY = Actor(name="Military Forces of Syria", kind="state forces", inter=1, country="SY")
SYRIA_POLICE = Actor(name="Police Forces of Syria", kind="state forces", inter=1, country="SY")
REBELS = Actor(name="Jaish al-Fatah", kind="rebel group", inter=2, country="SY")
CIVILIANS = Actor(name="Civilians (Syria)", kind="civilians", inter=7, country="SY")
UNKNOWN = Actor(name="Unidentified Armed Group (Syria)", kind="rebel group", inter=2, country="SY")


def test_same_strike_told_by_two_outlets_merges() -> None:
    a = mention(event("a:0", actor1=RUSSIA_AIR, actor2=CIVILIANS), "a")
    b = mention(event("b:0", where=JOBAR, actor1=RUSSIA_AIR), "b")
    assert compatible(a, b)
    assert cluster([a, b]) == [[a, b]]


def test_each_acled_dimension_splits_events() -> None:
    base = mention(event("a:0", actor1=SYRIA_ARMY, actor2=REBELS, code="ARMED_CLASH"), "a")
    other_day = mention(event("b:0", when=day("2016-10-22"), actor1=SYRIA_ARMY, code="ARMED_CLASH"), "b")
    other_town = mention(event("c:0", where=AL_BAB, actor1=SYRIA_ARMY, code="ARMED_CLASH"), "c")
    other_type = mention(event("d:0", actor1=SYRIA_ARMY), "d")
    other_pair = mention(event("e:0", actor1=SYRIA_ARMY, actor2=CIVILIANS, code="ARMED_CLASH"), "e")
    for m in (other_day, other_town, other_type, other_pair):
        assert not compatible(base, m), m.event.id
    assert len(cluster([base, other_day, other_town, other_type, other_pair])) == 5


def test_same_article_never_merges_with_itself() -> None:
    a0 = mention(event("a:0"), "a")
    a1 = mention(event("a:1"), "a")
    assert not compatible(a0, a1)
    assert len(cluster([a0, a1])) == 2


def test_unknown_date_or_location_does_not_merge_across_articles() -> None:
    no_date = mention(event("a:0", when=EventDate()), "a")
    no_place = mention(event("b:0", where=None), "b")
    full = mention(event("c:0"), "c")
    assert date_span(EventDate()) is None
    assert not compatible(no_date, full)
    assert not compatible(no_place, full)
    assert not compatible(no_place, mention(event("d:0", where=None), "d"))


def test_date_precision_widens_the_window() -> None:
    week = EventDate(value="2016-W42", precision=2)
    assert date_span(week) == (date(2016, 10, 17), date(2016, 10, 23))
    # The stub dating stage gives only an end (the publication day) with precision 2.
    stub = (date(2016, 10, 16), date(2016, 10, 22))
    assert date_span(EventDate(value="2016-10-22", end="2016-10-22", precision=2)) == stub
    assert date_span(EventDate(value="2016-10-22", precision=2)) == (date(2016, 10, 19), date(2016, 10, 25))
    assert date_span(EventDate(value="2016-10-22", precision=3)) == (date(2016, 10, 1), date(2016, 10, 31))
    assert date_span(EventDate(value="2016-10", precision=3)) == (date(2016, 10, 1), date(2016, 10, 31))
    exact = mention(event("a:0", when=day("2016-10-20")), "a")
    vague = mention(event("b:0", when=week), "b")
    next_day = mention(event("c:0", when=day("2016-10-21")), "c")
    assert compatible(exact, vague)
    assert not compatible(exact, next_day)


def test_geo_precision_widens_the_radius() -> None:
    assert 30 < distance_km(36.20124, 37.16117, 36.37051, 37.5157) < 45  # Aleppo to Al-Bab
    town = mention(event("a:0", where=AL_BAB), "a")
    region = mention(event("b:0", where=ALEPPO_REGION), "b")
    other_country = Location(name="Kilis", latitude=36.716, longitude=37.115, country="TR", precision=1)
    assert compatible(town, region)
    assert not compatible(town, mention(event("c:0", where=ALEPPO), "c"))
    assert not compatible(mention(event("d:0", where=other_country, when=day("2016-10-20")), "d"), region)


def test_name_only_locations_need_the_same_name() -> None:
    a = mention(event("a:0", where=Location(name="Jobar", country="SY")), "a")
    b = mention(event("b:0", where=Location(name="jobar", country="SY")), "b")
    c = mention(event("c:0", where=Location(name="Douma", country="SY")), "c")
    assert compatible(a, b)
    assert not compatible(a, c)


def test_actor_compatibility() -> None:
    straight = event("a:0", actor1=SYRIA_ARMY, actor2=REBELS)
    swapped = event("b:0", actor1=REBELS, actor2=SYRIA_ARMY)
    police = event("c:0", actor1=SYRIA_POLICE, actor2=UNKNOWN)
    civilians = event("d:0", actor1=SYRIA_ARMY, actor2=CIVILIANS)
    assert actors_compatible(straight, swapped)
    assert actors_compatible(straight, police)  # same inter code and country; unidentified fits any
    assert not actors_compatible(straight, civilians)


def test_factual_and_planned_do_not_merge() -> None:
    a = mention(event("a:0"), "a")
    b = mention(event("b:0", status="planned"), "b")
    assert not compatible(a, b)


def test_complete_link_stops_chains() -> None:
    # b is within reach of a and c, but a and c are 38 km apart: b joins one, c stays apart.
    mid = Location(name="Tadef", latitude=36.29, longitude=37.34, country="SY", precision=1)
    a = mention(event("a:0", where=ALEPPO), "a")
    b = mention(event("b:0", where=mid), "b")
    c = mention(event("c:0", where=AL_BAB), "c")
    groups = cluster([a, b, c])
    assert len(groups) == 2
    assert all(len({m.article for m in g}) == len(g) for g in groups)


def test_fatalities_take_the_conservative_attributed_figure_and_keep_the_range() -> None:
    a = mention(event("a:0", killed=25, said=["Syrian Observatory for Human Rights"]), "a", "Reuters")
    b = mention(event("b:0", killed=12, said=[]), "b", "AFP")
    c = mention(event("c:0", killed=40, low=30, high=45, said=["civil defence"]), "c", "AP")
    merged = merge([a, b, c])
    # The unattributed 12 does not beat the attributed 25; nothing is averaged.
    assert merged.event.fatalities.best == 25
    assert merged.event.fatalities.low == 12
    assert merged.event.fatalities.high == 45
    assert merged.fatalities_disputed
    assert [w.code for w in merged.warnings] == ["fatalities-disagree"]
    assert "25 (Reuters" in merged.warnings[0].message and "12 (AFP" in merged.warnings[0].message


def test_merge_counts_without_disagreement() -> None:
    count, disputed = merge_counts([(Count(best=5, text="five"), True), (Count(best=5), False), (Count(), False)])
    assert (count.best, count.low, count.high, disputed) == (5, 5, 5, False)
    single, disputed = merge_counts([(Count(best=500, low=None, high=None), False)])
    assert (single.best, single.low, single.high, disputed) == (500, None, None, False)
    assert merge_counts([(Count(), True)]) == (Count(), False)


def test_merge_lists_every_report_and_picks_the_most_precise_fields() -> None:
    week = EventDate(value="2016-W42", precision=2)
    a = mention(event("a:0", when=week, where=ALEPPO_REGION), "a", "BBC", "2016-10-22")
    b = mention(event("b:0", where=JOBAR, actor1=RUSSIA_AIR, said=["activists"]), "b", "Reuters", "2016-10-20")
    c = mention(event("c:0", actor2=CIVILIANS), "c", "Reuters", "2016-10-21")
    merged = merge([a, b, c])
    assert merged.event.date is not None and merged.event.date.precision == 1
    assert merged.event.location is not None and merged.event.location.precision == 1
    assert merged.event.actor1 == RUSSIA_AIR and merged.event.actor2 == CIVILIANS
    assert [r.event_id for r in merged.reports] == ["b:0", "c:0", "a:0"]
    assert merged.sources == ["Reuters", "BBC"]
    assert merged.n_sources == 2
    assert (merged.first_report, merged.last_report) == ("2016-10-20", "2016-10-22")
    assert merged.event.attributed_to == ["activists"]
    assert not merged.fatalities_disputed


def test_a_bombing_merges_with_the_suicide_bombing_it_turned_out_to_be() -> None:
    bomb = mention(event("a:0", code="REM_EXPLOS"), "a")
    suicide = mention(event("b:0", code="SUIC_BOMB"), "b")
    grenade = mention(event("c:0", code="GRENADE"), "c")
    assert compatible(bomb, suicide) and compatible(bomb, grenade)
    assert not compatible(suicide, grenade)
    assert merge([bomb, suicide]).event.code == "SUIC_BOMB"
    # Complete link: the grenade fits the bombing but not the suicide bombing.
    assert len(cluster([bomb, suicide, grenade])) == 2


@pytest.mark.slow
def test_eval_gate_on_the_multi_outlet_corpus() -> None:
    from sitrep.eval import check_floors
    from sitrep.eval.dedup import evaluate

    result = evaluate()
    assert result.metrics["true_pairs"] == 44
    floors = Path(__file__).parent / "floors" / "dedup.json"
    assert check_floors(result.metrics, floors) == []


def test_different_names_for_place_and_actor_stay_visible() -> None:
    a = mention(event("a:0", actor1=SYRIA_ARMY), "a", "SANA")
    b = mention(event("b:0", where=JOBAR, actor1=SYRIA_POLICE), "b", "AFP")
    merged = merge([a, b])
    codes = {w.code: w.message for w in merged.warnings}
    assert set(codes) == {"location-disagree", "actor-disagree"}
    assert "Aleppo (SANA)" in codes["location-disagree"] and "Hanano (AFP)" in codes["location-disagree"]
    assert "Police Forces of Syria (AFP)" in codes["actor-disagree"]


def test_a_country_or_region_only_report_merges_with_a_place_inside_it() -> None:
    syria = Location(name="Syria", geonameid=163843, latitude=35.0, longitude=38.0, country="SY", precision=3)
    homs_region = Location(name="Homs", latitude=34.5, longitude=38.3, country="SY", admin1="Homs", precision=3)
    turkey = Location(name="Turkey", geonameid=298795, latitude=39.0, longitude=35.0, country="TR", precision=3)
    town = mention(event("a:0", where=AL_BAB), "a")
    # Al-Bab is some 300 km from Syria's centre point, yet inside Syria.
    assert compatible(town, mention(event("b:0", where=syria), "b"))
    assert not compatible(town, mention(event("c:0", where=homs_region), "c"))
    assert not compatible(town, mention(event("d:0", where=turkey), "d"))


def test_an_uncoded_actor_name_does_not_split_reports() -> None:
    named = event("a:0", actor1=Actor(name="Masood", text="Masood"), actor2=CIVILIANS)
    coded = event("b:0", actor1=UNKNOWN, actor2=CIVILIANS)
    assert actors_compatible(named, coded)
    assert actors_compatible(named, event("c:0", actor1=REBELS, actor2=CIVILIANS))


def test_a_plain_attack_merges_with_the_bombing_it_turned_out_to_be() -> None:
    attack = mention(event("a:0", code="ATTACK", actor2=CIVILIANS), "a")
    bombing = mention(event("b:0", code="SUIC_BOMB", actor2=CIVILIANS), "b")
    clash = mention(event("c:0", code="ARMED_CLASH", actor2=CIVILIANS), "c")
    assert compatible(attack, bombing)
    assert not compatible(attack, clash)

"""ACLED's file conventions, and sitrep's ACLED CSV read the way published ACLED notebooks read ACLED's files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from sitrep import acled
from sitrep.export import ACLED_COLUMNS, export
from sitrep.ingest import article_from_text
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location, Report
from sitrep.store import Store

SHAPE = Path(__file__).parent / "fixtures" / "acled_export_tool_shape.csv"
ACLED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled" / "countries.csv"


def test_every_acled_country_is_in_the_table_with_acled_name_and_region() -> None:
    if not ACLED_DATA.exists():
        pytest.skip("../shared/data/acled is not beside the project")
    with ACLED_DATA.open(encoding="utf-8") as fh:
        theirs = {r["country"]: r["region"] for r in csv.DictReader(fh)}
    ours = {c.name: c.region for c in acled.countries().values()}
    assert ours == theirs


@pytest.mark.parametrize(
    ("iso2", "name", "region", "iso3", "iso"),
    [
        ("PS", "Palestine", "Middle East", "PSE", 275),
        ("CD", "Democratic Republic of Congo", "Middle Africa", "COD", 180),
        ("CZ", "Czech Republic", "Europe", "CZE", 203),
        ("MX", "Mexico", "North America", "MEX", 484),
        ("AF", "Afghanistan", "Caucasus and Central Asia", "AFG", 4),
        ("ZW", "Zimbabwe", "Southern Africa", "ZWE", 716),
        ("XK", "Kosovo", "Europe", "XKX", 0),
    ],
)
def test_countries_are_named_and_placed_as_acled_does(iso2: str, name: str, region: str, iso3: str, iso: int) -> None:
    c = acled.country(iso2.lower())
    assert c is not None
    assert (c.name, c.region, c.iso3, c.iso) == (name, region, iso3, iso)


def test_interaction_and_inter_in_both_styles() -> None:
    assert acled.interaction(7, 1) == 17
    assert acled.interaction(6, None) == 60
    assert acled.inter_value(None, "export-tool") == 0
    assert acled.inter_value(None, "api") == ""
    assert acled.inter_value(1, "api") == "State Forces"
    assert acled.interaction_value(3, 7, "api") == "Political Militias-Civilians"
    assert acled.interaction_value(6, None, "api") == "Sole Protesters"
    assert acled.event_date("2022-12-08", "export-tool") == "8 December 2022"
    assert acled.event_date("2022-12-08", "api") == "2022-12-08"
    with pytest.raises(ValueError, match="export-tool"):
        acled.event_date("2022-12-08", "tool")


@pytest.mark.parametrize(
    ("sub", "inter2", "marked"),
    [
        ("Attack", None, True),
        ("Excessive force against protesters", 6, True),
        ("Air/drone strike", 7, True),
        ("Air/drone strike", 2, False),
        ("Armed clash", 7, False),
        ("Arrests", 7, False),
        ("Looting/property destruction", 7, False),
        ("Peaceful protest", None, False),
    ],
)
def test_civilian_targeting_follows_acled_rule(sub: str, inter2: int | None, marked: bool) -> None:
    assert bool(acled.civilian_targeting(sub, inter2)) is marked


TEXT = "Gunmen killed two farmers in Dogon Noma on Sunday. Protesters marched in Jos. Troops arrested a man."


def _event(code: str, sub: str, etype: str, start: int, end: int, **kw: object) -> Event:
    return Event(
        id=f"a:{code}",
        event_type=etype,
        sub_event_type=sub,
        code=code,
        status="occurred",
        evidence=Evidence(start=start, end=end, trigger="x"),
        date=EventDate(value="2022-12-04", start="2022-12-04", end="2022-12-04", precision=1),
        confidence=0.7,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("acled") / "s.db"
    place = Location(name="Dogon Noma", latitude=9.56, longitude=8.36, country="NG", admin1="Kaduna", precision=1)
    jos = Location(name="Jos", latitude=9.92849, longitude=8.89212, country="NG", admin1="Plateau", precision=1)
    events = [
        _event(
            "ATTACK",
            "Attack",
            "Violence against civilians",
            0,
            50,
            location=place,
            actor1=Actor(name="Unidentified Armed Group (Nigeria)", inter=3, country="NG"),
            actor2=Actor(name="Civilians (Nigeria)", inter=7, country="NG"),
            fatalities=Count(best=2),
        ),
        _event(
            "PEACE_PROTEST",
            "Peaceful protest",
            "Protests",
            51,
            78,
            location=jos,
            actor1=Actor(name="Protesters (Nigeria)", inter=6, country="NG"),
        ),
        # no place: ACLED has no row without a country
        _event(
            "ARREST",
            "Arrests",
            "Strategic developments",
            79,
            103,
            actor1=Actor(name="Military Forces of Nigeria", inter=1, country="NG"),
        ),
    ]
    with Store(path) as store:
        art = article_from_text(TEXT, source="Daily Trust", published="2022-12-05", id="dt-1")
        store.add_report(Report(article=art, events=events))
    return path


def test_export_tool_style_reads_like_an_acled_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = export(db, "acled-csv", out, style="export-tool")
    assert result.written == 2 and result.left_out == {"no country": 1}
    # the reading code of published ACLED notebooks, unchanged
    df = pd.read_csv(out)
    df["event_date"] = pd.to_datetime(df["event_date"], format="%d %B %Y")
    for col in ("inter1", "inter2", "interaction", "iso"):
        df[col] = df[col].astype(int)
    assert list(df.columns) == list(ACLED_COLUMNS)
    attack = df[df.sub_event_type == "Attack"].iloc[0]
    assert (attack.inter1, attack.inter2, attack.interaction, attack.iso) == (3, 7, 37, 566)
    assert attack.event_date == pd.Timestamp("2022-12-04")
    assert attack.event_id_cnty.startswith("NGA") and attack.country == "Nigeria" and attack.region == "Western Africa"
    assert attack.civilian_targeting == "Civilian targeting" and attack.fatalities == 2
    protest = df[df.sub_event_type == "Peaceful protest"].iloc[0]
    assert (protest.inter2, protest.interaction, protest.fatalities) == (0, 60, 0)


def test_api_style_reads_with_iso_dates_and_text_inter_codes(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(db, "acled-csv", out)
    df = pd.read_csv(out, keep_default_na=False)
    df["event_date"] = pd.to_datetime(df["event_date"], format="%Y-%m-%d")
    df["iso"] = df["iso"].astype(int)
    attack = df[df.sub_event_type == "Attack"].iloc[0]
    assert (attack.inter1, attack.inter2) == ("Militia Groups", "Civilians")
    assert attack.interaction == "Political Militias-Civilians"


def _shape(value: str) -> str:
    """A value's shape: digits, letters and the rest, runs folded."""
    return re.sub(r"[a-z]+", "a", re.sub(r"[A-Z]+", "A", re.sub(r"\d+", "9", value)))


def test_value_shapes_match_a_real_acled_export_tool_file(db: Path, tmp_path: Path) -> None:
    with SHAPE.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        theirs = list(reader)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    out = tmp_path / "events.csv"
    export(db, "acled-csv", out, style="export-tool")
    with out.open(newline="", encoding="utf-8") as fh:
        ours = list(csv.DictReader(fh))
    for col in ("event_date", "year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude",
                "longitude", "geo_precision", "fatalities", "timestamp"):
        assert {_shape(r[col]) for r in ours} <= {_shape(r[col]) for r in theirs}, col
    assert {r["tags"] for r in ours} <= {r["tags"] for r in theirs}
    assert {r["disorder_type"] for r in ours} <= {r["disorder_type"] for r in theirs}


def test_hong_kong_is_coded_under_china_and_its_police_are_at_home() -> None:
    from sitrep.acled import country, home_country
    from sitrep.assemble import abroad
    from sitrep.model import Actor, Location

    hk = country("HK")
    assert hk is not None and hk.name == "China" and home_country("mo") == "CN" and home_country("NG") == "NG"
    police = Actor(name="Police Forces of China", inter=1, kind="state forces", country="CN")
    yuen_long = Location(name="Yuen Long", latitude=22.44, longitude=114.02, country="HK", precision=1)
    lagos = Location(name="Lagos", latitude=6.45, longitude=3.39, country="NG", precision=1)
    assert abroad(police, yuen_long) == police
    assert (got := abroad(police, lagos)) is not None and got.inter == 8

"""Exports read back with the libraries a user would use: csv, json, pyarrow."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sitrep.errors import StoreError
from sitrep.export import ACLED_COLUMNS, EXTRA_COLUMNS, export, parquet_schema
from sitrep.ingest import article_from_text
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location, Report
from sitrep.store import Store

MOSUL = Location(
    name="Mosul", geonameid=99072, latitude=36.335, longitude=43.11889, country="IQ", admin1="Nineveh", precision=1
)

BAGHDAD = Location(name="Baghdad", geonameid=98182, latitude=33.34058, longitude=44.40088, country="IQ", precision=1)

STRIKE = "Coalition aircraft struck a car bomb factory in Mosul on Tuesday. Three people were killed, police said."
PROTEST = "Hundreds of students marched in Baghdad on Tuesday to demand jobs. The march ended peacefully."
PLANNED = "Unions said they would hold a strike march in Basra next week."


def _event(text: str, aid: str, code: str, sub: str, etype: str, status: str = "occurred", **kw: object) -> Event:
    end = text.index(".") + 1
    return Event(
        id=f"{aid}:0",
        event_type=etype,
        sub_event_type=sub,
        code=code,
        status=status,
        evidence=Evidence(start=0, end=end, trigger="x"),
        date=EventDate(value="2016-11-08", start="2016-11-08", end="2016-11-08", precision=1),
        confidence=0.7,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "s.db"
    with Store(path) as store:
        a = article_from_text(STRIKE, source="Rudaw", published="2016-11-09", id="rudaw-1")
        strike = _event(
            STRIKE,
            "rudaw-1",
            "AIR_STRIKE",
            "Air/drone strike",
            "Explosions/Remote violence",
            location=MOSUL,
            actor1=Actor(name="Military Forces of the United States", inter=8, country="US"),
            actor2=Actor(name="Civilians (Iraq)", inter=7, country="IQ"),
            fatalities=Count(best=3, text="Three people"),
            attributed_to=["police"],
        )
        store.add_report(Report(article=a, events=[strike]))
        b = article_from_text(PROTEST, source="AFP", published="2016-11-08", id="afp-1")
        marchers = Actor(name="Protesters (Iraq)", inter=6, country="IQ")
        protest = _event(
            PROTEST, "afp-1", "PEACE_PROTEST", "Peaceful protest", "Protests", actor1=marchers, location=BAGHDAD
        )
        store.add_report(Report(article=b, events=[protest]))
        c = article_from_text(PLANNED, source="AFP", published="2016-11-08", id="afp-2")
        planned = _event(PLANNED, "afp-2", "PEACE_PROTEST", "Peaceful protest", "Protests", status="planned")
        store.add_report(Report(article=c, events=[planned]))
    return path


def test_acled_csv_has_acled_columns_in_order(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(db, "acled-csv", out).written == 2  # the planned march is not an ACLED event
    with out.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    assert len(ACLED_COLUMNS) == 31
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert strike["event_id_cnty"].startswith("IRQ")
    assert strike["event_date"] == "2016-11-08" and strike["year"] == "2016"
    assert strike["disorder_type"] == "Political violence"
    assert strike["notes"] == "Coalition aircraft struck a car bomb factory in Mosul on Tuesday."
    assert strike["source"] == "Rudaw"
    assert strike["fatalities"] == "3"
    assert (strike["inter1"], strike["inter2"]) == ("Foreign / Others", "Civilians")
    assert strike["interaction"] == "Civilians-External/Other Forces"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["country"], strike["region"]) == ("368", "Iraq", "Middle East")
    assert (strike["admin1"], strike["location"], strike["geo_precision"]) == ("Nineveh", "Mosul", "1")
    protest = next(r for r in rows if r["sub_event_type"] == "Peaceful protest")
    # No second actor and no figure: ACLED's single-actor interaction, and 0 for fatalities.
    assert protest["actor2"] == "" and protest["fatalities"] == "0"
    assert protest["disorder_type"] == "Demonstrations" and protest["interaction"] == "Sole Protesters"
    assert protest["inter1"] == "Protesters" and protest["inter2"] == ""
    assert protest["tags"] == "crowd size=no report" and protest["civilian_targeting"] == ""


def test_geojson_points_carry_every_field(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert export(db, "geojson", out).written == 3
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    located = [f for f in data["features"] if f["geometry"] is not None]
    assert len(located) == 2
    feat = located[0]
    assert feat["geometry"] == {"type": "Point", "coordinates": [43.11889, 36.335]}
    assert set(ACLED_COLUMNS) | set(EXTRA_COLUMNS) <= set(feat["properties"])
    assert all(not isinstance(v, dict | list) for v in feat["properties"].values())
    statuses = sorted(f["properties"]["status"] for f in data["features"])
    assert statuses == ["occurred", "occurred", "planned"]


def test_parquet_has_the_fixed_schema(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    export(db, "parquet", out)
    table = pq.read_table(out)
    assert table.schema.equals(parquet_schema())
    assert table.num_rows == 3
    rows = table.to_pylist()
    strike = next(r for r in rows if r["code"] == "AIR_STRIKE")
    assert strike["event_date"] == date(2016, 11, 8)
    assert strike["latitude"] == pytest.approx(36.335)
    # An empty store still writes a file with the same schema.
    empty = tmp_path / "empty.db"
    Store(empty).close()
    export(empty, "parquet", tmp_path / "none.parquet")
    assert pq.read_table(tmp_path / "none.parquet").schema.equals(parquet_schema())


def test_jsonl_one_event_a_line_with_its_reports(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(db, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(lines) == 3
    strike = next(x for x in lines if x["code"] == "AIR_STRIKE")
    assert strike["reports"][0]["outlet"] == "Rudaw"
    # an unknown toll is null here (the ACLED file writes 0)
    assert next(x for x in lines if x["code"] == "PEACE_PROTEST")["fatalities"] is None
    assert strike["reports"][0]["attributed_to"] == ["police"]


def test_parquet_needs_a_file(db: Path) -> None:
    with pytest.raises(StoreError, match="--out"):
        export(db, "parquet", None)


def test_reports_export_gives_every_stored_report_valid_against_the_schema(db: Path, tmp_path: Path) -> None:
    import jsonschema

    from sitrep.model import json_schema

    out = tmp_path / "reports.jsonl"
    n = export(db, "reports", out).written
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert n == len(lines) >= 2
    assert len({r["article"]["hash"] for r in lines}) == n
    for report in lines:
        jsonschema.validate(report, json_schema())
        assert Report.from_dict(report).article.hash == report["article"]["hash"]

"""``sitrep query``: filters over the stored events and every output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.ingest import article_from_text
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location, Report
from sitrep.store import Filters, Store, query

# (text, outlet, code, sub-type, type, status, day, place, lat, lon, country, admin1, actor1, killed)
# fmt: off
CASES = [
    ("Troops clashed with rebels near Idlib.", "SANA", "ARMED_CLASH", "Armed clash", "Battles", "occurred",
     "2017-03-01", "Idlib", 35.93, 36.63, "SY", "Idlib", "Military Forces of Syria", 12),
    ("A drone struck a convoy in Marib.", "Al Jazeera", "AIR_STRIKE", "Air/drone strike",
     "Explosions/Remote violence", "occurred", "2017-03-05", "Marib", 15.46, 45.32, "YE", "Marib",
     "Military Forces of the United States", 4),
    ("Thousands marched in Sanaa against the war.", "Reuters", "PEACE_PROTEST", "Peaceful protest", "Protests",
     "occurred", "2017-03-10", "Sanaa", 15.35, 44.21, "YE", "Amanat al Asimah", "Protesters (Yemen)", None),
    ("Rebels threatened to shell Aden.", "AFP", "ART_MISS_ATTACK", "Shelling/artillery/missile attack",
     "Explosions/Remote violence", "threatened", "2017-03-12", "Aden", 12.78, 45.04, "YE", "Aden",
     "Houthi Movement", None),
]
# fmt: on


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "q.db"
    with Store(path) as store:
        for n, (text, outlet, code, sub, etype, status, day, place, lat, lon, cc, adm1, actor, killed) in enumerate(
            CASES
        ):
            art = article_from_text(text, source=outlet, published=day, id=f"a{n}")
            ev = Event(
                id=f"a{n}:0",
                event_type=etype,
                sub_event_type=sub,
                code=code,
                status=status,
                evidence=Evidence(start=0, end=len(text)),
                date=EventDate(value=day, start=day, end=day, precision=1),
                location=Location(name=place, latitude=lat, longitude=lon, country=cc, admin1=adm1, precision=1),
                actor1=Actor(name=actor),
                fatalities=Count(best=killed),
            )
            store.add_report(Report(article=art, events=[ev]))
    return path


def places(rows: list[dict[str, object]]) -> list[object]:
    return [r["place"] for r in rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["Idlib", "Marib", "Sanaa", "Aden"]),
        (Filters(since="2017-03-05", until="2017-03-10"), ["Marib", "Sanaa"]),
        (Filters(country="YE"), ["Marib", "Sanaa", "Aden"]),
        (Filters(country="Yemen"), ["Marib", "Sanaa", "Aden"]),
        (Filters(admin1="idlib"), ["Idlib"]),
        (Filters(bbox=(44.0, 12.0, 46.0, 16.0)), ["Marib", "Sanaa", "Aden"]),
        (Filters(bbox=(44.0, 15.0, 46.0, 16.0)), ["Marib", "Sanaa"]),
        (Filters(event_type="Explosions/Remote violence"), ["Marib", "Aden"]),
        (Filters(sub_event_type="AIR_STRIKE"), ["Marib"]),
        (Filters(sub_event_type="Peaceful protest"), ["Sanaa"]),
        (Filters(actor="houthi"), ["Aden"]),
        (Filters(min_fatalities=5), ["Idlib"]),
        (Filters(status="threatened"), ["Aden"]),
        (Filters(text="convoy"), ["Marib"]),
        (Filters(country="YE", limit=1), ["Marib"]),
    ],
)
def test_filters(db: Path, filters: Filters, expected: list[str]) -> None:
    assert places(query(db, filters)) == expected


def test_rows_carry_report_fields(db: Path) -> None:
    row = query(db, Filters(sub_event_type="ARMED_CLASH"))[0]
    assert row["id"] == "SYR1"
    assert row["source"] == "SANA" and row["n_reports"] == 1 and row["fatalities"] == 12
    assert row["evidence"] == CASES[0][0]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "geojson"])
def test_cli_formats(db: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["query", "--db", str(db), "--country", "YE", "--format", fmt])
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "table":
        assert "Sanaa" in out and "3 stored events (any status)" in out
    elif fmt == "json":
        assert places(json.loads(out)) == ["Marib", "Sanaa", "Aden"]
    elif fmt == "jsonl":
        assert [json.loads(x)["place"] for x in out.splitlines()] == ["Marib", "Sanaa", "Aden"]
    elif fmt == "csv":
        assert [r["place"] for r in csv.DictReader(io.StringIO(out))] == ["Marib", "Sanaa", "Aden"]
    else:
        feats = json.loads(out)["features"]
        assert feats[0]["geometry"]["coordinates"] == [45.32, 15.46]


def test_cli_bad_filters_fail_cleanly(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad_box = runner.invoke(main, ["query", "--db", str(db), "--bbox", "1,2,3"])
    assert bad_box.exit_code == 2 and "WEST,SOUTH,EAST,NORTH" in bad_box.output
    bad_date = runner.invoke(main, ["query", "--db", str(db), "--since", "March"])
    assert bad_date.exit_code == 2

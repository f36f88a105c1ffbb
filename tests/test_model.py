"""The Report contract: round trips, the committed schema, and public names."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

import sitrep
from sitrep import model
from sitrep.model import (
    Actor,
    Article,
    Count,
    Event,
    EventDate,
    Evidence,
    Location,
    Place,
    Report,
    Tally,
    TimeRef,
    Warning,
)

DESIGN_KEYS = {
    "article": {"id", "hash", "title", "published", "source", "url", "language"},
    "event": {
        "id", "event_type", "sub_event_type", "code", "status", "date", "location", "actor1",
        "actor2", "fatalities", "injured", "attributed_to", "evidence", "mentions", "confidence",
    },
    "date": {"value", "start", "end", "precision", "text"},
    # feature_code added to DESIGN.md's location (issue 14): a sea or region is not a town
    "location": {"name", "geonameid", "latitude", "longitude", "country", "admin1", "admin2",
                 "precision", "text", "feature_code"},
    "actor": {"name", "text", "kind", "inter", "country"},
    "count": {"best", "low", "high", "text"},
    "evidence": {"start", "end", "trigger"},
    "place": {"text", "start", "end", "geonameid", "name", "latitude", "longitude", "feature_code",
              "country", "admin1", "score"},
    "time": {"text", "start", "end", "type", "value"},
    "tally": {"fatalities", "injured", "start", "end", "place", "attributed_to", "evidence"},
    "warning": {"code", "start", "end", "message"},
}


def full_report() -> Report:
    article = Article(id="a1", hash="h", title="T", published="2016-10-22", source="IBTimes UK",
                      text="secret text", segments=[(0, 3, "keywords")])
    event = Event(
        id="a1:0", event_type="Strategic developments", sub_event_type="Agreement",
        code="AGREEMENT", status="announced",
        evidence=Evidence(start=612, end=790, trigger="announced a unilateral ceasefire",
                          trigger_start=700, trigger_end=720),
        date=EventDate(value="2016-10-20", start="2016-10-20", end="2016-10-20", precision=1,
                       text="on Thursday"),
        location=Location(name="Aleppo", geonameid=170063, latitude=36.2, longitude=37.16,
                          country="SY", admin1="Aleppo", precision=1, text="Aleppo"),
        actor1=Actor(name="Military Forces of Syria", text="the regime", kind="state forces",
                     inter=1, country="SY", start=5, end=9),
        fatalities=Count(best=5, low=5, high=8, text="five to eight"),
        attributed_to=["Syrian Observatory for Human Rights"], confidence=0.9, sentence=3,
    )
    return Report(
        article=article, events=[event],
        places=[Place(text="Aleppo", start=10, end=16, geonameid=170063, name="Aleppo",
                      latitude=36.2, longitude=37.16, feature_code="PPLA", country="SY",
                      admin1="Aleppo", score=0.97)],
        times=[TimeRef(text="Thursday", start=700, end=708, type="DATE", value="2016-10-20")],
        tallies=[Tally(evidence=Evidence(start=1, end=9), fatalities=500, injured=2000,
                       start="2016-09-23", end="2016-10-22", place="Aleppo",
                       attributed_to=["Ban Ki-moon"])],
        warnings=[Warning(code="weekday-mismatch", message="m", start=1, end=2)],
    )


def test_field_names_are_designs() -> None:
    d = full_report().to_dict()
    assert set(d) == {"article", "events", "places", "times", "tallies", "warnings"}
    ev = d["events"][0]
    assert set(d["article"]) == DESIGN_KEYS["article"]
    assert set(ev) == DESIGN_KEYS["event"]
    assert set(ev["date"]) == DESIGN_KEYS["date"]
    assert set(ev["location"]) == DESIGN_KEYS["location"]
    assert set(ev["actor1"]) == DESIGN_KEYS["actor"]
    assert set(ev["fatalities"]) == DESIGN_KEYS["count"]
    assert set(ev["evidence"]) == DESIGN_KEYS["evidence"]
    assert set(d["places"][0]) == DESIGN_KEYS["place"]
    assert set(d["times"][0]) == DESIGN_KEYS["time"]
    assert set(d["tallies"][0]) == DESIGN_KEYS["tally"]
    assert set(d["tallies"][0]["evidence"]) == DESIGN_KEYS["evidence"]
    assert set(d["warnings"][0]) == DESIGN_KEYS["warning"]


def test_internal_fields_stay_out_of_json() -> None:
    text = json.dumps(full_report().to_dict())
    assert "secret text" not in text
    assert "trigger_start" not in text and "segments" not in text


def test_round_trip() -> None:
    d = full_report().to_dict()
    again = Report.from_dict(json.loads(json.dumps(d)))
    assert again.to_dict() == d
    assert isinstance(again.events[0].date, EventDate)
    assert again.events[0].actor2 is None


def test_committed_schema_is_generated_one() -> None:
    committed = json.loads(
        resources.files("sitrep.data").joinpath("report.schema.json").read_text("utf-8")
    )
    assert committed == json.loads(json.dumps(model.json_schema())), "run `make schema`"


def test_schema_accepts_reports_and_rejects_broken_ones() -> None:
    schema = model.json_schema()
    good = full_report().to_dict()
    jsonschema.validate(good, schema)
    bad = json.loads(json.dumps(good))
    bad["events"][0]["status"] = "rumoured"
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an unknown status must not validate")
    bad = json.loads(json.dumps(good))
    del bad["events"][0]["fatalities"]
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("a missing field must not validate")


def test_public_names_exist() -> None:
    import importlib
    import pkgutil

    modules = [sitrep, model]
    for info in pkgutil.walk_packages(sitrep.__path__, "sitrep."):
        if info.name != "sitrep.__main__":
            modules.append(importlib.import_module(info.name))
    without = [m.__name__ for m in modules if not hasattr(m, "__all__") and m.__name__ != "sitrep.data"]
    assert without == []
    for mod in modules:
        for name in getattr(mod, "__all__", []):
            assert hasattr(mod, name), f"{mod.__name__}.{name}"

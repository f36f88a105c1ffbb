"""The event store: schema, idempotent writes, merging across articles, errors."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from sitrep.errors import InputError, StoreError
from sitrep.ingest import article_from_text
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location, Place, Report, Warning
from sitrep.store import Filters, Store, db_url, error_fingerprint, metadata, query

KABUL = Location(name="Kabul", geonameid=1138958, latitude=34.52813, longitude=69.17233, country="AF", precision=1)


def report(
    text: str,
    *,
    source: str,
    published: str = "2018-01-28",
    killed: int | None = None,
    said: list[str] | None = None,
    where: Location | None = KABUL,
    when: str = "2018-01-27",
) -> Report:
    article = article_from_text(text, source=source, published=published, origin=f"{source}.txt")
    start = text.index("bomb")
    end = text.index(".", start) + 1
    ev = Event(
        id=f"{article.id}:0",
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        code="SUIC_BOMB",
        status="occurred",
        evidence=Evidence(start=0, end=end, trigger="bomb"),
        date=EventDate(value=when, start=when, end=when, precision=1, text="Saturday"),
        location=where,
        actor1=Actor(name="Taliban", kind="rebel group", inter=2, country="AF"),
        fatalities=Count(best=killed),
        attributed_to=said or [],
        confidence=0.9,
    )
    place = Place(text="Kabul", start=text.index("Kabul"), end=text.index("Kabul") + 5, geonameid=1138958)
    return Report(article=article, events=[ev], places=[place], warnings=[Warning(code="note", message="test")])


A = "An ambulance packed with explosives was used as a bomb in Kabul on Saturday, killing 95 people."
B = "A Taliban suicide bomber drove an ambulance bomb into a crowded Kabul street, killing 103."
C = "Kabul: an ambulance bomb on Saturday killed at least 63 people, officials said."


def test_store_is_created_with_every_table(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    names = {r[0] for r in sqlite3.connect(db).execute("select name from sqlite_master where type='table'")}
    assert {"articles", "reports", "events", "mentions", "places", "warnings", "errors"} <= names
    mode = sqlite3.connect(db).execute("pragma journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_new_store_opened_by_many_at_once_opens_for_all(tmp_path: Path) -> None:
    # a reader polling a store that an ingest is creating raced it to the tables ("table articles
    # already exists") and stopped the ingest
    import threading

    db = tmp_path / "race.db"
    start = threading.Barrier(8)
    errors: list[str] = []

    def open_store() -> None:
        start.wait()
        try:
            Store(db).close()
        except StoreError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=open_store) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Store(db).counts()["articles"] == 0


def test_schema_compiles_for_postgresql() -> None:
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    ddl = [str(CreateTable(t).compile(dialect=postgresql.dialect())) for t in metadata.sorted_tables]
    assert any("CREATE TABLE events" in d for d in ddl)
    assert any("pk SERIAL NOT NULL" in d for d in ddl)
    assert db_url("postgresql://u@h/db") == "postgresql+pg8000://u@h/db"
    assert db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_url("x.db") == "sqlite:///x.db"


def test_add_report_is_idempotent_and_keeps_the_report(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.add_report(report(A, source="AP", killed=95, said=["health ministry"]))
        again = store.add_report(report(A, source="AP", killed=95))
        counts = store.counts()
        with store.engine.connect() as conn:
            stored = conn.execute(sa.text("select report from reports")).scalar_one()
    assert first.stored and first.events == 1 and not again.stored
    assert counts["articles"] == 1 and counts["mentions"] == 1 and counts["events"] == 1
    assert counts["places"] == 1 and counts["warnings"] == 1
    back = Report.from_dict(json.loads(stored))
    assert back.events[0].fatalities.best == 95
    assert back.article.source == "AP"


def test_reports_of_one_event_merge_with_visible_disagreement(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        r1 = store.add_report(report(A, source="AP", killed=95, said=["health ministry"]))
        later = report(B, source="Reuters", killed=103, said=["interior ministry"], published="2018-01-29")
        r2 = store.add_report(later)
        r3 = store.add_report(report(C, source="BBC", killed=63))
        rows = store.events()
    assert (r1.merged, r2.merged, r3.merged) == (0, 1, 1)
    assert len(rows) == 1
    ev = rows[0]
    # 63 is unattributed: the most conservative well-attributed figure is 95.
    assert ev["fatalities"] == 95
    assert (ev["fatalities_low"], ev["fatalities_high"]) == (63, 103)
    assert ev["fatalities_disputed"]
    assert ev["n_sources"] == 3 and ev["n_reports"] == 3
    assert ev["sources"] == ["AP", "BBC", "Reuters"]
    assert (ev["first_report"], ev["last_report"]) == ("2018-01-28", "2018-01-29")
    assert [w["code"] for w in ev["warnings"]] == ["fatalities-disagree"]
    assert {r["outlet"] for r in ev["reports"]} == {"AP", "Reuters", "BBC"}
    assert ev["event_id_cnty"].startswith("AFG")
    assert ev["notes"] == A


def test_different_days_or_unknown_places_stay_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_report(report(A, source="AP", killed=95))
        store.add_report(report(B, source="Reuters", when="2018-01-20"))
        store.add_report(report(C, source="BBC", where=None))
        store.add_report(report(C + " More.", source="CNN", where=None))
        assert len(store.events()) == 4


def test_errors_are_recorded_once_per_fingerprint(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    err = InputError("empty file", source=str(bad), code="empty")
    fp = error_fingerprint(err)
    with Store(tmp_path / "s.db") as store:
        assert store.add_error(err, fp)
        assert not store.add_error(err, fp)
        assert store.failed_fingerprints() == {fp}
        # The file changes: a new fingerprint, so it is tried again.
        bad.write_text("now it has text")
        assert error_fingerprint(err) != fp
        # The input reads now: storing it clears its failures.
        good = report(A, source="AP")
        good.article.origin = str(bad)
        store.add_report(good)
        assert store.failed_fingerprints() == set()


def test_query_on_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        query(tmp_path / "none.db")


@pytest.mark.skipif(
    not os.environ.get("SITREP_TEST_PG_URL"), reason="set SITREP_TEST_PG_URL to a scratch PostgreSQL db"
)
def test_same_store_code_on_postgresql() -> None:
    url = os.environ["SITREP_TEST_PG_URL"]
    engine = sa.create_engine(db_url(url))
    metadata.drop_all(engine)
    engine.dispose()
    with Store(url) as store:
        store.add_report(report(A, source="AP", killed=95, said=["health ministry"]))
        store.add_report(report(B, source="Reuters", killed=103, said=["interior ministry"]))
        assert not store.add_report(report(A, source="AP")).stored
        rows = store.events()
    assert len(rows) == 1 and rows[0]["fatalities"] == 95 and rows[0]["fatalities_disputed"]
    found = query(url, Filters(country="Afghanistan", actor="tali", sub_event_type="SUIC_BOMB", min_fatalities=50))
    assert [r["place"] for r in found] == ["Kabul"]

"""`sitrep serve`'s API: every endpoint, the one error shape, limits, and writes only with the token."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.ingest import article_from_text
from sitrep.model import Actor, Count, Event, EventDate, Evidence, Location, Mention, Report
from sitrep.serve import MAX_BODY, create_app
from sitrep.store import Store

TEXT = "Rebels shelled Idlib on Monday, killing four people. Troops answered with air strikes on Maarat."
TEXT2 = "=cmd|' /C calc'!A0 Police dispersed a march in Paris on Tuesday."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "s.db"
    idlib = Location(name="Idlib", latitude=35.93, longitude=36.63, country="SY", precision=1, text="Idlib")
    paris = Location(name="Paris", latitude=48.85, longitude=2.35, country="FR", precision=1, text="Paris")
    shelling = Event(
        id="a:0", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        code="ART_MISS_ATTACK", status="occurred", evidence=Evidence(start=0, end=52, trigger="shelled"),
        date=EventDate(value="2024-03-04", precision=1, text="on Monday"), location=idlib,
        actor1=Actor(name="Rebels (Syria)", inter=2, text="Rebels"), fatalities=Count(best=4, text="four people"),
        mentions=[Mention(start=0, end=52)],
    )
    march = Event(
        id="b:0", event_type="Protests", sub_event_type="Protest with intervention", code="PROTEST_WITH_INTER",
        status="occurred", evidence=Evidence(start=19, end=len(TEXT2), trigger="dispersed"),
        date=EventDate(value="2024-03-05", precision=1), location=paris,
        actor1=Actor(name="Protesters (France)", inter=6),
    )
    with Store(path) as store:
        store.add_report(Report(article=article_from_text(TEXT, id="a", published="2024-03-05", source="SANA"),
                                events=[shelling]))
        store.add_report(Report(article=article_from_text(TEXT2, id="b", published="2024-03-05", source="AFP"),
                                events=[march]))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _error(response: object, status: int, code: str) -> str:
    assert response.status_code == status  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    return str(body["error"]["message"])


def test_events_with_filters_paging_and_formats(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == 2 and [e["event_id_cnty"][:3] for e in page["events"]] == ["SYR", "FRA"]
    assert client.get("/api/events", params={"country": "FR"}).json()["total"] == 1
    assert client.get("/api/events", params={"bbox": "30,30,40,40"}).json()["events"][0]["location"] == "Idlib"
    assert client.get("/api/events", params={"sub_type": "ART_MISS_ATTACK", "min_fatalities": 3}).json()["total"] == 1
    second = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 2 and [e["location"] for e in second["events"]] == ["Paris"]
    geo = client.get("/api/events", params={"format": "geojson"}).json()
    assert geo["features"][0]["geometry"]["coordinates"] == [36.63, 35.93]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert len(rows) == 2 and not any(v.startswith("=") for r in rows for v in r.values())


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"type": "Battle"}, 400, "bad-filter"),
        ({"country": "Narnia"}, 400, "bad-filter"),
        ({"since": "March"}, 400, "bad-filter"),
        ({"bbox": "1,2,3"}, 400, "bad-filter"),
        ({"limit": -1}, 422, "invalid"),
        ({"limit": 999999}, 422, "invalid"),
        ({"format": "xml"}, 422, "invalid"),
        ({"min_fatalities": "many"}, 422, "invalid"),
    ],
)
def test_bad_parameters_are_one_error_shape(client: TestClient, params: dict[str, object], status: int,
                                            code: str) -> None:
    _error(client.get("/api/events", params=params), status, code)


def test_one_event_with_its_article_spans_and_evidence(client: TestClient) -> None:
    first = client.get("/api/events").json()["events"][0]["event_id_cnty"]
    data = client.get(f"/api/events/{first}").json()
    assert data["event"]["event_id_cnty"] == first
    (told,) = data["told"]
    assert told["article"]["text"] == TEXT and told["article"]["source"] == "SANA"
    (ev,) = told["events"]
    assert ev["mentions"] == [{"start": 0, "end": 52}] and ev["evidence"]["trigger"] == "shelled"
    assert ev["fatalities"]["text"] == "four people"
    assert "SYR999" in _error(client.get("/api/events/SYR999"), 404, "missing")
    _error(client.get("/api/events/not-an-id"), 404, "missing")


def test_article_counts_and_unknown_routes(client: TestClient) -> None:
    art = client.get("/api/articles/a").json()
    assert art["article"]["text"] == TEXT and art["report"]["events"][0]["code"] == "ART_MISS_ATTACK"
    _error(client.get("/api/articles/nope"), 404, "missing")
    counts = client.get("/api/counts").json()
    assert [d["key"] for d in counts["day"]] == ["2024-03-04", "2024-03-05"]
    assert counts["type"][0]["events"] == 1 and {c["key"] for c in counts["country"]} == {"Syria", "France"}
    assert {"day", "type", "country", "actor", "day_type"} == set(counts)
    _error(client.get("/api/nothing"), 404, "not-found")
    _error(client.delete("/api/events"), 405, "method-not-allowed")


def test_read_only_without_a_token_and_writes_need_it(db: Path, client: TestClient) -> None:
    _error(client.post("/api/ingest", json={"text": TEXT}), 404, "not-found")
    writer = TestClient(create_app(db, token="s3cret"))
    _error(writer.post("/api/ingest", json={"text": TEXT}), 401, "unauthorized")
    _error(writer.post("/api/ingest", json={"text": TEXT}, headers={"Authorization": "Bearer wrong"}), 401,
           "unauthorized")
    ok = writer.post("/api/ingest", json={"text": TEXT}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["already"] == 1  # same text: stored once


def test_request_size_limit_and_validation(client: TestClient) -> None:
    _error(client.post("/api/extract", content=b"x" * (MAX_BODY + 1), headers={"content-type": "application/json"}),
           413, "too-large")
    _error(client.post("/api/extract", json={"txt": "no text field"}), 422, "invalid")


@pytest.mark.slow
def test_extract_codes_text_and_stores_nothing(db: Path, client: TestClient) -> None:
    report = client.post("/api/extract", json={"text": "Gunmen killed three people in Kano on Monday.",
                                               "published": "2024-03-05"}).json()
    assert report["events"][0]["code"] == "ATTACK" and report["article"]["text"].startswith("Gunmen")
    assert client.get("/api/events").json()["total"] == 2


def test_openapi_and_docs_need_no_cdn(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/counts",
            "/api/extract"} <= set(spec["paths"])
    docs = client.get("/api/docs").text
    assert "/api/events" in docs and "http" not in docs.replace("/api/openapi.json", "")
    page = client.get("/").text
    assert "leaflet.js" in page and "https://" not in page and "http://" not in page


def test_ceasefires_endpoint_lists_truces(client: TestClient) -> None:
    assert client.get("/api/ceasefires").json() == []  # no Agreement in this store


@pytest.mark.slow
def test_ingest_feeds_reads_urls_with_the_token_only(tmp_path: Path) -> None:
    import functools
    import http.server
    import shutil
    import threading

    from conftest import FIXTURES

    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(FIXTURES / "bbc-europe.rss", site / "feed.rss")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.rss"
        writer = TestClient(create_app(tmp_path / "feeds.db", token="t0k"))
        _error(writer.post("/api/ingest-feeds", json={"urls": [url]}), 401, "unauthorized")
        auth = {"Authorization": "Bearer t0k"}
        first = writer.post("/api/ingest-feeds", json={"urls": [url, "file:///etc/passwd"]}, headers=auth).json()
        assert first["stored"] == 3 and len(first["errors"]) == 1 and "http" in first["errors"][0]
        again = writer.post("/api/ingest-feeds", json={"urls": [url]}, headers=auth).json()
        assert (again["stored"], again["already"]) == (0, 3)
    finally:
        httpd.shutdown()

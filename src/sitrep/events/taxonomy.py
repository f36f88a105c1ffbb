"""ACLED's 25 sub-event types: code, event type, sub-event type, disorder type (data/taxonomy.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CODES", "SubType", "subtype", "taxonomy"]


@dataclass(frozen=True)
class SubType:
    """One ACLED sub-event type with its CASE 2021 short code."""

    code: str
    event_type: str
    sub_event_type: str
    disorder_type: str


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, SubType]:
    """The 25 sub-types keyed by code, in the CSV's (ACLED's) order."""
    text = resources.files("sitrep.data").joinpath("taxonomy.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {r["code"]: SubType(r["code"], r["event_type"], r["sub_event_type"], r["disorder_type"]) for r in rows}


def subtype(code: str) -> SubType:
    """The sub-type of ``code``; KeyError for a code outside the taxonomy."""
    return taxonomy()[code]


CODES: tuple[str, ...] = tuple(taxonomy())

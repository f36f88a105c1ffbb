"""ACLED's file conventions: country names, regions and ISO codes, inter and interaction codes,
civilian targeting, tags and the two date styles (the API's and the export tool's).

The tables are data files: data/acled_countries.csv, data/acled_inter.csv, data/acled_export.yaml.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "STYLES",
    "AcledCountry",
    "civilian_targeting",
    "countries",
    "country",
    "event_date",
    "home_country",
    "inter_value",
    "interaction",
    "interaction_value",
    "tags",
]

# "api": ACLED's current API (ISO dates, inter codes as text); "export-tool": the files of ACLED's
# data export tool ("28 December 2022", numeric inter codes, inter2 0 when there is no actor2).
STYLES = ("api", "export-tool")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True)
class AcledCountry:
    """A country as ACLED names it, with its region and ISO 3166 codes (iso numeric as ACLED writes it)."""

    iso2: str
    iso3: str
    iso: int
    name: str
    region: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("sitrep.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))


@lru_cache(maxsize=1)
def countries() -> dict[str, AcledCountry]:
    """ACLED's 243 countries keyed by ISO alpha-2 code."""
    return {
        r["iso2"]: AcledCountry(r["iso2"], r["iso3"], int(r["iso"]), r["country"], r["region"])
        for r in _rows("acled_countries.csv")
    }


def home_country(code: str | None) -> str | None:
    """The ISO alpha-2 code ACLED codes a place under: the sovereign's for Hong Kong and Macau."""
    if not code:
        return code
    under: dict[str, str] = _conventions().get("coded_under") or {}
    return under.get(code.upper(), code.upper())


def country(code: str | None) -> AcledCountry | None:
    """ACLED's country for an ISO alpha-2 code (as GeoNames gives it); None when ACLED has none."""
    home = home_country(code)
    return countries().get(home) if home else None


@lru_cache(maxsize=1)
def _inter() -> dict[int, dict[str, str]]:
    return {int(r["code"]): r for r in _rows("acled_inter.csv")}


@lru_cache(maxsize=1)
def _conventions() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        resources.files("sitrep.data").joinpath("acled_export.yaml").read_text("utf-8")
    )
    return data


def _check(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown ACLED style {style!r}; choose from {', '.join(STYLES)}")


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's numeric interaction: the two inter codes, lower first; one actor alone is inter1 x 10."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def inter_value(code: int | None, style: str) -> int | str:
    """inter1/inter2 as ``style`` writes it: the number (0 for no actor) or ACLED's name ("" for none)."""
    _check(style)
    if style == "export-tool":
        return code or 0
    return _inter()[code]["name"] if code else ""


def interaction_value(inter1: int, inter2: int | None, style: str) -> int | str:
    """The interaction as ``style`` writes it: 17, or "State Forces-Civilians" / "Sole Protesters"."""
    _check(style)
    if style == "export-tool":
        return interaction(inter1, inter2)
    parties = _inter()
    if not inter2:
        return f"Sole {parties[inter1]['party']}"
    low, high = sorted((inter1, inter2))
    return f"{parties[low]['party']}-{parties[high]['party']}"


def event_date(iso: str, style: str) -> str:
    """The event date as ``style`` writes it: 2022-12-28 or 28 December 2022."""
    _check(style)
    if style == "api":
        return iso
    day = date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # not strftime: locale-proof


def civilian_targeting(sub_event_type: str, inter2: int | None) -> str:
    """"Civilian targeting" where ACLED marks it (data/acled_export.yaml), else ""."""
    rule = _conventions()["civilian_targeting"]
    if sub_event_type in rule["always"] or (sub_event_type in rule["when_civilians_targeted"] and inter2 == 7):
        return "Civilian targeting"
    return ""


def tags(event_type: str) -> str:
    """ACLED's tags for an event sitrep coded: the crowd size of a demonstration (never reported by sitrep)."""
    rule = _conventions()["crowd_size_tag"]
    return str(rule["unknown"]) if event_type in rule["event_types"] else ""

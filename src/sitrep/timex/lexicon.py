"""The time lexicon (src/sitrep/data/timex.yaml) loaded once into typed tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Lexicon", "Unit", "lexicon"]


@dataclass(frozen=True)
class Unit:
    """A calendar unit: ISO 8601 duration letter, time-part flag, granularity, multiplier."""

    letter: str
    time: bool
    granularity: str
    multiplier: int = 1


@dataclass(frozen=True)
class Lexicon:
    """Every word list the recogniser uses, keyed by lower-case words."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    units: dict[str, Unit]
    numbers: dict[str, float | str]
    ordinals: dict[str, int]
    duration_modifiers: tuple[str, ...]
    duration_anchors: tuple[str, ...]
    period_modifiers: tuple[str, ...]
    weekday_relatives: tuple[str, ...]
    decade_words: dict[str, int]
    relative_days: dict[str, int]
    reference_words: dict[str, str]
    set_adverbs: dict[str, str]
    set_quantifiers: tuple[str, ...]
    holidays: dict[str, tuple[int, int]]
    weekday_holidays: dict[str, tuple[int, int, int]]
    easter_holidays: dict[str, int]
    not_year_before: frozenset[str]
    not_year_after: frozenset[str]
    street_words: frozenset[str]
    name_heads: frozenset[str]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]


def _lower_keys(table: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon from the packaged YAML, parsed once per process."""
    raw: dict[str, Any] = yaml.safe_load(resources.files("sitrep.data").joinpath("timex.yaml").read_text("utf-8"))
    units = {
        name: Unit(
            letter=str(spec["letter"]),
            time=bool(spec["time"]),
            granularity=str(spec["granularity"]),
            multiplier=int(spec.get("multiplier", 1)),
        )
        for name, spec in raw["units"].items()
    }
    numbers: dict[str, float | str] = {
        str(k).lower(): (v if isinstance(v, str) else float(v)) for k, v in raw["numbers"].items()
    }
    return Lexicon(
        months=_lower_keys(raw["months"]),
        month_abbreviations=_lower_keys(raw["month_abbreviations"]),
        ambiguous_months=frozenset(str(w).lower() for w in raw["ambiguous_months"]),
        weekdays=_lower_keys(raw["weekdays"]),
        parts_of_day=_lower_keys(raw["parts_of_day"]),
        seasons=_lower_keys(raw["seasons"]),
        units=units,
        numbers=numbers,
        ordinals=_lower_keys(raw["ordinals"]),
        duration_modifiers=tuple(str(w).lower() for w in raw["duration_modifiers"]),
        duration_anchors=tuple(str(w).lower() for w in raw["duration_anchors"]),
        period_modifiers=tuple(str(w).lower() for w in raw["period_modifiers"]),
        weekday_relatives=tuple(str(w).lower() for w in raw["weekday_relatives"]),
        decade_words={str(k).lower(): int(v) for k, v in raw["decade_words"].items()},
        relative_days=_lower_keys(raw["relative_days"]),
        reference_words=_lower_keys(raw["reference_words"]),
        set_adverbs=_lower_keys(raw["set_adverbs"]),
        set_quantifiers=tuple(str(w).lower() for w in raw["set_quantifiers"]),
        holidays={str(k).lower(): (int(v[0]), int(v[1])) for k, v in raw["holidays"].items()},
        weekday_holidays={
            str(k).lower(): (int(v[0]), int(v[1]), int(v[2])) for k, v in raw["weekday_holidays"].items()
        },
        easter_holidays={str(k).lower(): int(v) for k, v in raw["easter_holidays"].items()},
        not_year_before=frozenset(str(w).lower() for w in raw["not_year_before"]),
        not_year_after=frozenset(str(w).lower() for w in raw["not_year_after"]),
        street_words=frozenset(str(w).lower() for w in raw["street_words"]),
        name_heads=frozenset(str(w).lower() for w in raw["name_heads"]),
        future_cues=tuple(str(w).lower() for w in raw["future_cues"]),
        past_cues=tuple(str(w).lower() for w in raw["past_cues"]),
    )

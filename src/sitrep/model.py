"""The Report contract: dataclasses for every object of the Report JSON (DESIGN.md).

Field names are the contract's; outside tools read them. Fields whose metadata
carries ``internal=True`` travel between stages but never reach the JSON.
"""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar, Union, get_args, get_origin, get_type_hints

__all__ = [
    "STATUSES",
    "Actor",
    "Article",
    "Count",
    "Event",
    "EventDate",
    "Evidence",
    "Location",
    "Mention",
    "Place",
    "Report",
    "Tally",
    "TimeRef",
    "Warning",
    "json_schema",
]

STATUSES = (
    "occurred",
    "announced",
    "planned",
    "threatened",
    "denied",
    "negated",
    "claimed",
    "hypothetical",
    "background",
)

T = TypeVar("T", bound="_Record")


def internal(default: Any = None, factory: Any = None) -> Any:
    """A field that stages share but the JSON contract does not carry."""
    if factory is not None:
        return field(default_factory=factory, metadata={"internal": True}, compare=False, repr=False)
    return field(default=default, metadata={"internal": True}, compare=False, repr=False)


def _public_fields(cls: type) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def _optional_inner(tp: Any) -> Any:
    """``X | None`` -> ``X``; anything else unchanged."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _load(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    tp = _optional_inner(tp)
    if isinstance(tp, type) and issubclass(tp, _Record):
        return tp.from_dict(value)
    if get_origin(tp) is list:
        (inner,) = get_args(tp)
        return [_load(inner, v) for v in value]
    if tp is float and isinstance(value, int):
        return float(value)
    return value


class _Record:
    """Shared ``to_dict``/``from_dict`` for the contract's dataclasses."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """The object as plain JSON-ready data, internal fields left out."""
        return {f.name: _dump(getattr(self, f.name)) for f in _public_fields(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """Build the object from ``to_dict`` output; unknown keys are ignored."""
        hints = get_type_hints(cls)
        kwargs = {
            f.name: _load(hints[f.name], data[f.name])
            for f in _public_fields(cls)
            if f.name in data
        }
        return cls(**kwargs)


@dataclass
class Warning(_Record):
    """Something a reader should check: a date that disagrees, a dropped input."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass
class Article(_Record):
    """One input document; ``text`` and ``segments`` stay inside the process."""

    id: str
    hash: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    text: str = internal("")
    # (start, end, kind) spans of noise found by cleaning: "keywords", "caption",
    # "credit", "byline", "readmore"; offsets index ``text`` as given.
    segments: list[tuple[int, int, str]] = internal(factory=list)
    # Gold toponym spans given with the input (gold-span geocoding).
    gold_places: list[tuple[int, int]] | None = internal(None)
    # Where the article came from (path, path:line, feed entry), for messages.
    origin: str = internal("")
    # Warnings found while reading (a date that could not be read), for the Report.
    notes: list[Warning] = internal(factory=list)


@dataclass
class EventDate(_Record):
    """When an event happened: TIMEX value, range and ACLED time precision."""

    value: str | None = None
    start: str | None = None
    end: str | None = None
    precision: int | None = None
    text: str | None = None


@dataclass
class Location(_Record):
    """Where an event happened, with ACLED geo precision."""

    name: str | None = None
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    precision: int | None = None
    text: str | None = None
    # GeoNames feature code of the place (PPL a town, ADM1 a province, SEA, RGN, STM, AIRP...): an event
    # placed at "the Mediterranean" is not mistaken for one at a town.
    feature_code: str | None = None
    # Where the place came from: "sentence" (the event's own words), "mention" (another mention
    # of the same event), "main" (the article's main place) or "dateline".
    via: str | None = internal(None)


@dataclass
class Actor(_Record):
    """A coded actor: ACLED-style name, the words it came from, kind, inter code."""

    name: str | None = None
    text: str | None = None
    kind: str | None = None
    inter: int | None = None
    country: str | None = None
    start: int | None = internal(None)
    end: int | None = internal(None)


@dataclass
class Count(_Record):
    """A casualty figure: ACLED's conservative ``best`` and UCDP's range."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    text: str | None = None


@dataclass
class Evidence(_Record):
    """The sentence span an event or tally was read from, and its trigger words."""

    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = internal(None)
    trigger_end: int | None = internal(None)


@dataclass
class Mention(_Record):
    """A span of the text that tells of an event (headline, caption, lead, later detail)."""

    start: int
    end: int


@dataclass
class Event(_Record):
    """One coded event."""

    id: str
    event_type: str
    sub_event_type: str
    code: str
    status: str
    evidence: Evidence
    date: EventDate | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    attributed_to: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.0
    # Index of the sentence (in the parsed doc) the event was read from.
    sentence: int | None = internal(None)


@dataclass
class Place(_Record):
    """A toponym found in the text and the GeoNames place it resolves to."""

    text: str
    start: int
    end: int
    geonameid: int | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    score: float | None = None
    admin2: str | None = internal(None)
    # a town named nearby stands in for a name the gazetteer lacks (geo.resolve._nearest_town)
    stand_in: bool = internal(False)
    # "the Somali capital": the country's capital city, where an event told there happened
    seat: Place | None = internal(None)
    # this place is such a seat: the text named its country
    for_country: bool = internal(False)


@dataclass
class TimeRef(_Record):
    """A TIMEX3 time expression with its normalised value."""

    text: str
    start: int
    end: int
    type: str
    value: str | None = None


@dataclass
class Tally(_Record):
    """A running total over a period, never added to one event's fatalities."""

    evidence: Evidence
    fatalities: int | None = None
    injured: int | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    attributed_to: list[str] = field(default_factory=list)


@dataclass
class Report(_Record):
    """Everything sitrep read from one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    inner = _optional_inner(tp)
    nullable = inner is not tp
    if isinstance(inner, type) and issubclass(inner, _Record):
        _define(inner, defs)
        schema: dict[str, Any] = {"$ref": f"#/$defs/{inner.__name__}"}
        return {"anyOf": [schema, {"type": "null"}]} if nullable else schema
    if get_origin(inner) is list:
        (item,) = get_args(inner)
        schema = {"type": "array", "items": _schema_for(item, defs)}
    else:
        schema = dict(_SCALARS[inner])
    if nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def _define(cls: type[_Record], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = get_type_hints(cls)
    props = {f.name: _schema_for(hints[f.name], defs) for f in _public_fields(cls)}
    schema: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip(),
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }
    if cls is Event:
        props["status"] = {"enum": list(STATUSES)}
    defs[cls.__name__] = schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a Report, generated from the dataclasses above."""
    defs: dict[str, Any] = {}
    _define(Report, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sitrep.invalid/report.schema.json",
        "title": "sitrep Report",
        "$ref": "#/$defs/Report",
        "$defs": dict(sorted(defs.items())),
    }


"""De-duplication across articles: event mentions that tell of the same event become one event.

ACLED's rule decides sameness: one day (within the date precision), one location
(within the geo precision, at least 25 km), one compatible pair of actors, one
sub-type. The rules for missing values, chosen to keep precision over recall:

- two mentions from the same article never merge: the event coder already
  decided they are different events, and if they were two incidents of one
  ACLED event their figures would add up, whereas reports of one incident by
  several outlets must not (the merge below never adds);
- a mention without a usable date or without a location (no coordinates, no
  GeoNames id, no name) never merges across articles: "an air strike" with no
  where or when cannot be told apart from the next one;
- an unknown actor (missing, or ACLED's "Unidentified ..." names) is compatible
  with any actor; two known actors are compatible when their names agree, or
  when they share the inter code and the country;
- the sub-types must be equal, or one the specialised form of the other as listed
  in ``data/dedup.yaml`` (a "bombing" later told as a suicide bombing); the merged
  event takes the specialised one;
- a mention of a factual status (occurred, announced, claimed) never merges with
  a non-factual one (planned, threatened, hypothetical, denied, negated).

Merging never averages: fatalities take the most conservative figure among the
well-attributed reports (a named source), keep the whole reported range, and
flag the disagreement (``disputed`` and a ``fatalities-disagree`` warning).
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from .model import Actor, Count, Event, EventDate, Location, Warning

__all__ = [
    "FACTUAL",
    "MIN_RADIUS_KM",
    "Mention",
    "Merged",
    "ReportRef",
    "actors_compatible",
    "cluster",
    "codes_compatible",
    "compatible",
    "compatible_codes",
    "date_span",
    "distance_km",
    "locations_compatible",
    "merge",
    "merge_counts",
]

# ACLED's geo precision as a search radius: 1 the town itself, 2 near it or its
# district, 3 only the region (whose centre stands for the place).
MIN_RADIUS_KM = 25.0
_RADIUS_KM = {1: MIN_RADIUS_KM, 2: 50.0, 3: 150.0}
FACTUAL = frozenset({"occurred", "announced", "claimed"})
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass
class Mention:
    """One event as one article told it, with the article facts dedup needs."""

    event: Event
    article: str  # the article's hash: mentions of one article never merge
    article_id: str | None = None
    outlet: str | None = None
    published: str | None = None
    sentence: str | None = None


@dataclass
class ReportRef:
    """One report of a merged event: who told it, when, and the figure it gave."""

    event_id: str
    article_id: str | None
    outlet: str | None
    published: str | None
    attributed_to: list[str]
    fatalities: int | None
    injured: int | None


@dataclass
class Merged:
    """The event that several mentions tell of, with its reports and the disagreements."""

    event: Event
    notes: str | None
    reports: list[ReportRef]
    sources: list[str]
    n_sources: int
    first_report: str | None
    last_report: str | None
    fatalities_disputed: bool
    injured_disputed: bool
    warnings: list[Warning] = field(default_factory=list)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _value_span(value: str) -> tuple[date, date] | None:
    """The days a TIMEX3 value covers: a day, an ISO week, a month or a year."""
    if (d := _day(value)) is not None and len(value) >= 10:
        return d, d
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return monday, monday + timedelta(days=6)
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return None


def date_span(when: EventDate | None) -> tuple[date, date] | None:
    """The first and last day the event may have happened on, else None."""
    if when is None:
        return None
    start, end = _day(when.start), _day(when.end)
    if start and end:
        return (start, end) if start <= end else (end, start)
    precision = when.precision or 1
    if start or end:
        # An open range: precision says how wide it can be (2 a week, 3 a month).
        width = timedelta(days={2: 6, 3: 30}.get(precision, 0))
        return (end - width, end) if end is not None else (start, start + width) if start else None
    span = _value_span(when.value) if when.value else None
    if span is None or span[0] != span[1] or precision == 1:
        return span
    if precision == 2:  # a day told "within a week": three days either side
        return span[0] - timedelta(days=3), span[1] + timedelta(days=3)
    return _value_span(span[0].isoformat()[:7])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("-", " ").split())


def _located(loc: Location | None) -> bool:
    if loc is None:
        return False
    has_point = loc.latitude is not None and loc.longitude is not None
    return has_point or loc.geonameid is not None or bool(_norm(loc.name))


def location_gap(a: Location, b: Location) -> float | None:
    """How far apart two locations are in km (0 for the same GeoNames place), None if unknown."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 0.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        assert a.latitude is not None and a.longitude is not None
        assert b.latitude is not None and b.longitude is not None
        return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    return None


def locations_compatible(a: Location | None, b: Location | None) -> bool:
    """One location within the coarser geo precision (at least 25 km), same country."""
    if a is None or b is None or not _located(a) or not _located(b):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    coarse = [loc for loc in (a, b) if loc.precision == 3]
    if coarse and a.country and a.country == b.country:
        # Only a region or the country is known on one side (its centre stands for it):
        # the finer place lies inside it when the country and any named region agree.
        region = coarse[0].admin1
        other = b if coarse[0] is a else a
        return region is None or other.admin1 is None or _norm(region) == _norm(other.admin1)
    gap = location_gap(a, b)
    if gap is None:
        # No coordinates on one side: only the same name in the same country will do.
        return bool(_norm(a.name)) and _norm(a.name) == _norm(b.name)
    radius = max(_RADIUS_KM.get(a.precision or 1, MIN_RADIUS_KM), _RADIUS_KM.get(b.precision or 1, MIN_RADIUS_KM))
    return gap <= radius


def _unknown(actor: Actor | None) -> bool:
    # A name the dictionary could not code ("Masood", "the attacker") says nothing about
    # which side it is, so it cannot tell two reports apart.
    return actor is None or actor.inter is None or _norm(actor.name).startswith("unidentified")


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if _unknown(a) or _unknown(b):
        return True
    assert a is not None and b is not None
    if a.name and b.name and _norm(a.name) == _norm(b.name):
        return True
    if a.inter is not None and a.inter == b.inter:
        return not (a.country and b.country and a.country != b.country)
    return False


def actors_compatible(a: Event, b: Event) -> bool:
    """One pair of compatible actors, in either order."""
    straight = _same_actor(a.actor1, b.actor1) and _same_actor(a.actor2, b.actor2)
    return straight or (_same_actor(a.actor1, b.actor2) and _same_actor(a.actor2, b.actor1))


def compatible(a: Mention, b: Mention) -> bool:
    """True when ACLED's rule lets the two mentions be one event (see the module doc)."""
    ea, eb = a.event, b.event
    if a.article == b.article or not codes_compatible(ea.code, eb.code):
        return False
    if (ea.status in FACTUAL) != (eb.status in FACTUAL):
        return False
    da, db = date_span(ea.date), date_span(eb.date)
    if da is None or db is None or da[0] > db[1] or db[0] > da[1]:
        return False
    return locations_compatible(ea.location, eb.location) and actors_compatible(ea, eb)


@lru_cache(maxsize=1)
def _specialises() -> dict[str, frozenset[str]]:
    text = resources.files("sitrep.data").joinpath("dedup.yaml").read_text("utf-8")
    table: dict[str, list[str]] = yaml.safe_load(text)["specialises"]
    return {specific: frozenset(general) for specific, general in table.items()}


def codes_compatible(a: str, b: str) -> bool:
    """The same sub-type, or one the specialised form of the other."""
    spec = _specialises()
    return a == b or a in spec.get(b, frozenset()) or b in spec.get(a, frozenset())


def compatible_codes(code: str) -> set[str]:
    """Every sub-type code a mention coded ``code`` may merge with."""
    out = {code} | set(_specialises().get(code, frozenset()))
    out |= {specific for specific, general in _specialises().items() if code in general}
    return out


def _closeness(m: Mention, members: Sequence[Mention]) -> float:
    """Smaller is closer: the largest distance to any member (unknown counts as far)."""
    gaps = []
    for other in members:
        la, lb = m.event.location, other.event.location
        gap = location_gap(la, lb) if la and lb else None
        gaps.append(gap if gap is not None else MIN_RADIUS_KM)
    return max(gaps, default=0.0)


def best_cluster(m: Mention, clusters: Sequence[Sequence[Mention]]) -> int | None:
    """Index of the cluster every member of which is compatible with ``m`` (the closest), else None."""
    best: tuple[float, int, int] | None = None
    for i, members in enumerate(clusters):
        if members and all(compatible(m, other) for other in members):
            key = (_closeness(m, members), -len(members), i)
            if best is None or key < best:
                best = key
    return None if best is None else best[2]


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Group mentions into events, in the given order; complete link: a mention joins a
    group only if it is compatible with every member, so a chain never drifts."""
    groups: list[list[Mention]] = []
    for m in mentions:
        i = best_cluster(m, groups)
        if i is None:
            groups.append([m])
        else:
            groups[i].append(m)
    return groups


def _attributed(m: Mention) -> bool:
    return bool(m.event.attributed_to)


def merge_counts(counts: Sequence[tuple[Count, bool]]) -> tuple[Count, bool]:
    """The most conservative well-attributed ``best``, the whole reported range, and
    whether the reports disagree; ``counts`` pairs a figure with "well attributed"."""
    given = [(c, ok) for c, ok in counts if c.best is not None or c.low is not None or c.high is not None]
    if not given:
        return Count(), False
    if len(given) == 1:
        only = given[0][0]
        return Count(best=only.best, low=only.low, high=only.high, text=only.text), False
    pool = [c for c, ok in given if ok and c.best is not None] or [c for c, _ in given if c.best is not None]
    chosen = min(pool, key=lambda c: c.best if c.best is not None else 0) if pool else None
    lows = [v for c, _ in given for v in (c.low, c.best) if v is not None]
    highs = [v for c, _ in given for v in (c.high, c.best) if v is not None]
    bests = {c.best for c, _ in given if c.best is not None}
    merged = Count(
        best=chosen.best if chosen else None,
        low=min(lows) if lows else None,
        high=max(highs) if highs else None,
        text=chosen.text if chosen else None,
    )
    return merged, len(bests) > 1


def _common(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def _lead(members: Sequence[Mention]) -> Mention:
    """The report the merged event speaks with: most confident, then the earliest."""
    return min(members, key=lambda m: (-m.event.confidence, m.published or "9999", m.event.id))


def _pick_date(members: Sequence[Mention]) -> EventDate | None:
    dated = [m.event.date for m in members if date_span(m.event.date) is not None]
    if not dated:
        return None
    votes = Counter((d.value, d.precision) for d in dated if d is not None)
    return min(
        (d for d in dated if d is not None),
        key=lambda d: (d.precision or 9, -votes[(d.value, d.precision)]),
    )


def _pick_location(members: Sequence[Mention]) -> Location | None:
    located = [m.event.location for m in members if _located(m.event.location)]
    if not located:
        return None
    votes = Counter((loc.geonameid, _norm(loc.name)) for loc in located if loc is not None)
    return min(
        (loc for loc in located if loc is not None),
        key=lambda loc: (loc.precision or 9, -votes[(loc.geonameid, _norm(loc.name))]),
    )


def _pick_actors(lead: Event, members: Sequence[Mention]) -> tuple[Actor | None, Actor | None]:
    """The lead's actors, each unknown side filled from the first report that names it."""
    a1, a2 = lead.actor1, lead.actor2
    for m in members:
        e = m.event
        swapped = not (_same_actor(lead.actor1, e.actor1) and _same_actor(lead.actor2, e.actor2))
        o1, o2 = (e.actor2, e.actor1) if swapped else (e.actor1, e.actor2)
        if _unknown(a1) and not _unknown(o1):
            a1 = o1
        if _unknown(a2) and not _unknown(o2):
            a2 = o2
    return a1, a2


def _figures(members: Sequence[Mention], what: str) -> str:
    parts = []
    for m in members:
        count: Count = getattr(m.event, what)
        if count.best is None:
            continue
        who = ", ".join(m.event.attributed_to) or "unattributed"
        parts.append(f"{count.best} ({_who(m)}; {who})")
    return "; ".join(parts)


def _who(m: Mention) -> str:
    return m.outlet or m.article_id or m.article[:8]


def _naming_disagreements(members: Sequence[Mention]) -> list[Warning]:
    """Reports that name the place or the actors differently (yet compatibly): shown, not hidden."""
    out = []
    places: dict[str, list[str]] = {}
    for m in members:
        loc = m.event.location
        if loc is not None and _located(loc):
            places.setdefault(loc.name or loc.text or "?", []).append(_who(m))
    if len(places) > 1:
        told = "; ".join(f"{name} ({', '.join(who)})" for name, who in places.items())
        out.append(Warning(code="location-disagree", message=f"reports place it at: {told}"))
    for side in ("actor1", "actor2"):
        names: dict[str, list[str]] = {}
        for m in members:
            actor: Actor | None = getattr(m.event, side)
            if not _unknown(actor) and actor is not None and actor.name:
                names.setdefault(actor.name, []).append(_who(m))
        if len(names) > 1:
            told = "; ".join(f"{name} ({', '.join(who)})" for name, who in names.items())
            out.append(Warning(code="actor-disagree", message=f"reports name {side} as: {told}"))
    return out


def merge(members: Sequence[Mention]) -> Merged:
    """One event from the mentions of one cluster, with its reports, never averaging."""
    if not members:
        raise ValueError("merge needs at least one mention")
    order = sorted(members, key=lambda m: (m.published or "9999", m.event.id))
    lead = _lead(order)
    fat, fat_disputed = merge_counts([(m.event.fatalities, _attributed(m)) for m in order])
    inj, inj_disputed = merge_counts([(m.event.injured, _attributed(m)) for m in order])
    actor1, actor2 = _pick_actors(lead.event, order)
    statuses = [m.event.status for m in order]
    # The specialised sub-type when some report knows it (a suicide bombing, not a bombing).
    codes = {m.event.code for m in order}
    general = {g for c in codes for g in _specialises().get(c, frozenset())}
    kind = next((m.event for m in [lead, *order] if m.event.code not in general), lead.event)
    event = Event(
        id=lead.event.id,
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        code=kind.code,
        status="occurred" if "occurred" in statuses else lead.event.status,
        evidence=lead.event.evidence,
        date=_pick_date(order),
        location=_pick_location(order),
        actor1=actor1,
        actor2=actor2,
        fatalities=fat,
        injured=inj,
        attributed_to=_common(a for m in order for a in m.event.attributed_to),
        confidence=max(m.event.confidence for m in order),
    )
    warnings = []
    if fat_disputed:
        message = "reports disagree on fatalities: " + _figures(order, "fatalities")
        warnings.append(Warning(code="fatalities-disagree", message=message))
    if inj_disputed:
        message = "reports disagree on injured: " + _figures(order, "injured")
        warnings.append(Warning(code="injured-disagree", message=message))
    warnings += _naming_disagreements(order)
    outlets = _common(m.outlet for m in order)
    # Reports without an outlet still count as sources, one per article.
    anonymous = {m.article for m in order if not m.outlet}
    published = sorted(p for p in (m.published for m in order) if p)
    return Merged(
        event=event,
        notes=lead.sentence,
        reports=[
            ReportRef(
                event_id=m.event.id,
                article_id=m.article_id,
                outlet=m.outlet,
                published=m.published,
                attributed_to=list(m.event.attributed_to),
                fatalities=m.event.fatalities.best,
                injured=m.event.injured.best,
            )
            for m in order
        ],
        sources=outlets,
        n_sources=len(outlets) + len(anonymous),
        first_report=published[0] if published else None,
        last_report=published[-1] if published else None,
        fatalities_disputed=fat_disputed,
        injured_disputed=inj_disputed,
        warnings=warnings,
    )

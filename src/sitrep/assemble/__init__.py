"""One Report per article: each event linked to its place, date and actors."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..acled import home_country
from ..model import Actor, Article, Count, Event, Location, Place, Report, Tally, TimeRef, Warning
from .crime import without_crime
from .dating import date_event, date_tally, told_aside
from .location import coordinated_places, known_place, locate_event
from .merge import merge_mentions
from .sides import settle_sides

__all__ = ["abroad", "assemble", "one_per_place"]

_EXTERNAL = (8, "external/other forces")


def abroad(actor: Actor | None, where: Location | None) -> Actor | None:
    """State forces acting outside their own country, coded as ACLED's external forces (inter 8).

    ACLED Codebook, actor types: "External/Other Forces" include state forces active
    outside their main country of operation (Russian jets over Aleppo, US drones in Yemen).
    """
    if actor is None or where is None or actor.inter != 1 or not actor.country or not where.country:
        return actor
    if home_country(actor.country) == home_country(where.country):
        return actor  # Hong Kong's police in Hong Kong are China's forces at home, as ACLED codes them
    return replace(actor, inter=_EXTERNAL[0], kind=_EXTERNAL[1])


def _share(count: Count, n: int, k: int) -> Count:
    """The k-th of n even shares of a toll told for several places at once (the first shares take
    the remainder), as ACLED divides a toll it cannot place."""
    def part(v: int | None) -> int | None:
        return None if v is None else v // n + (1 if k < v % n else 0)

    return replace(count, best=part(count.best), low=part(count.low), high=part(count.high))


def one_per_place(mention: Event, where: list[Location]) -> list[Event]:
    """The mention, or one copy of it for each of the places it tells at once, its toll shared."""
    if len(where) < 2:
        return [mention]
    n = len(where)
    return [replace(mention, location=loc, fatalities=_share(mention.fatalities, n, k),
                    injured=_share(mention.injured, n, k)) for k, loc in enumerate(where)]


def assemble(
    article: Article,
    doc: Doc,
    events: list[Event],
    places: list[Place],
    times: list[TimeRef],
    tallies: list[Tally],
    warnings: list[Warning],
) -> Report:
    """Link every mention to its location and date, merge the mentions of one event, wrap all in a Report."""
    split: list[Event] = []
    aside: set[int] = set()
    for mention in events:
        mention.location = locate_event(doc, article, mention, places)
        mention.date = date_event(doc, article, mention, times, warnings)
        if mention.evidence.trigger_start is not None and told_aside(doc, article, mention):
            aside.add(mention.evidence.trigger_start)
        split.extend(one_per_place(mention, coordinated_places(doc, article, mention, places)))
    events = merge_mentions(article, without_crime(article, split), frozenset(aside))
    for n, event in enumerate(events):
        event.id = f"{article.id}:{n}"
        event.location = known_place(doc, article, event, places)
        settle_sides(event)
        event.actor1 = abroad(event.actor1, event.location)
        event.actor2 = abroad(event.actor2, event.location)
    for tally in tallies:
        date_tally(doc, article, tally, times)
    return Report(
        article=article,
        events=events,
        places=places,
        times=times,
        tallies=tallies,
        warnings=warnings,
    )

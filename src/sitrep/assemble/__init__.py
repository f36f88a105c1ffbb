"""One Report per article: each event linked to its place, date and actors."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Actor, Article, Event, Location, Place, Report, Tally, TimeRef, Warning
from .dating import date_event, date_tally
from .location import known_place, locate_event
from .merge import merge_mentions
from .sides import settle_sides

__all__ = ["abroad", "assemble"]

_EXTERNAL = (8, "external/other forces")


def abroad(actor: Actor | None, where: Location | None) -> Actor | None:
    """State forces acting outside their own country, coded as ACLED's external forces (inter 8).

    ACLED Codebook, actor types: "External/Other Forces" include state forces active
    outside their main country of operation (Russian jets over Aleppo, US drones in Yemen).
    """
    if actor is None or where is None or actor.inter != 1 or not actor.country or not where.country:
        return actor
    if actor.country == where.country:
        return actor
    return replace(actor, inter=_EXTERNAL[0], kind=_EXTERNAL[1])


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
    for mention in events:
        mention.location = locate_event(doc, article, mention, places)
        mention.date = date_event(doc, article, mention, times, warnings)
    events = merge_mentions(article, events)
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

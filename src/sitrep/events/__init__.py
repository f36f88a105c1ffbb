"""Event coding: triggers, ACLED sub-type, status, actors, counts, attribution."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, Tally
from .arguments import fill
from .classifier import gate
from .coder import code_events

__all__ = ["fill_arguments", "find_events"]


def find_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article's sentences (captions included) report: the rules' mentions
    that the learned classifier does not hold to be no event."""
    return gate(article, code_events(doc, article))


def fill_arguments(doc: Doc, article: Article, events: list[Event]) -> list[Tally]:
    """Fill actors, counts and attribution of ``events`` in place; return the tallies."""
    return fill(doc, article, events)

"""Event coding: triggers, ACLED sub-type, status, actors, counts, attribution."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, Tally
from .arguments import fill
from .classifier import combine
from .coder import SKIP_KINDS, code_events

__all__ = ["fill_arguments", "find_events"]


def find_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article's sentences (captions included) report: the rules' mentions, checked and
    completed by the learned classifier in the lead."""
    return combine(doc, article, code_events(doc, article), SKIP_KINDS)


def fill_arguments(doc: Doc, article: Article, events: list[Event]) -> list[Tally]:
    """Fill actors, counts and attribution of ``events`` in place; return the tallies."""
    return fill(doc, article, events)

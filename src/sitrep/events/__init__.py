"""Event coding: triggers, ACLED sub-type, status, actors, counts, attribution."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event, Tally
from .arguments import fill
from .classifier import fill_in, gate
from .coder import SKIP_KINDS, code_events

__all__ = ["fill_arguments", "find_events"]


def find_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article's sentences (captions included) report: the rules' mentions, and the
    learned classifier's where the rules found none in a sentence."""
    return fill_in(doc, article, code_events(doc, article), SKIP_KINDS)


def fill_arguments(doc: Doc, article: Article, events: list[Event]) -> list[Tally]:
    """Fill actors, counts and attribution of ``events`` in place (dropping the mentions the learned
    classifier holds to tell no event); return the tallies."""
    tallies = fill(doc, article, events)
    events[:] = gate(article, events)
    return tallies

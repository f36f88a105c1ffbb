"""Event detection: triggers, ACLED sub-type and status for every sentence."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event

__all__ = ["code_events"]


def code_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article's sentences (captions included) report."""
    return []

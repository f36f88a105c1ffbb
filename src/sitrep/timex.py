"""Time expressions: recognition and TIMEX3 normalisation against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Article, TimeRef, Warning

__all__ = ["find_times"]


def find_times(doc: Doc, article: Article) -> tuple[list[TimeRef], list[Warning]]:
    """The article's time expressions with TIMEX3 type and value, and consistency warnings."""
    return [], []

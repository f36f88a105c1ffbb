"""The period of a running total: "since September 23" up to the article's date."""

from __future__ import annotations

from datetime import date, datetime

from dateutil import parser as dateparser
from spacy.tokens import Token

from ..nlp import sentence_ents

__all__ = ["tally_period"]


def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def tally_period(marker: Token, published: str | None) -> tuple[str | None, str | None]:
    """ISO start and end of the period a tally marker ("since ...", "this year") names."""
    pub = _published(published)
    end = pub.isoformat() if pub else None
    sent = marker.sent
    low = marker.lower_
    if low == "this" and marker.i + 1 < len(marker.doc) and marker.nbor().lower_ == "year" and pub:
        return date(pub.year, 1, 1).isoformat(), end
    if low != "since":
        return None, end
    scope = sorted({t.i for t in marker.head.subtree} | {t.i for t in marker.subtree})
    scope = [i for i in scope if i > marker.i and i < sent.end]
    doc = marker.doc
    for ent in sentence_ents(sent):
        if ent.label_ == "DATE" and ent.start in scope:
            default = datetime(pub.year if pub else 1900, 1, 1)
            try:
                parsed = dateparser.parse(ent.text, default=default, fuzzy=True).date()
            except (ValueError, OverflowError):
                continue
            if ent.text.strip().isdigit() and len(ent.text.strip()) == 4:
                parsed = date(int(ent.text.strip()), 1, 1)
            if pub is None and not any(ch.isdigit() and len(w) == 4 for w in ent.text.split() for ch in w[:1]):
                return None, end
            if pub is not None and parsed > pub:
                parsed = parsed.replace(year=parsed.year - 1)
            return parsed.isoformat(), end
    del doc
    return None, end

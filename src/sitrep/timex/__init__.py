"""Time expressions: recognition and TIMEX3 normalisation against the publication date.

``recognize`` works on plain text (no spaCy needed); ``find_times`` runs it over a parsed
article, using the parse to tell past from future. Values follow TimeML 1.2.1 TIMEX3.
Consistency rule (see ``checks``): when a weekday and a day of month disagree, the weekday
wins, as the day of that weekday nearest the stated date; the disagreement is a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from dateutil import parser as dateutil_parser
from spacy.tokens import Doc

from ..model import Article, TimeRef, Warning
from .checks import check
from .rules import Context, Timex, scan
from .tense import TenseFn, doc_tense, sentence_bounds, text_tense

__all__ = ["analyse", "find_times", "parse_date", "recognize"]

# Country-code domains whose press writes numeric dates day first (21/10/2016).
_DAY_FIRST_TLDS = frozenset(
    {"uk", "ie", "au", "nz", "in", "za", "fr", "de", "it", "es", "sy", "iq", "lb", "tr", "eg", "ng", "ke", "pk"}
)


def parse_date(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or datetime string, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    if not re.search(r"\b(?:1[89]|20)\d\d\b", value):
        return None  # without a year dateutil would fill in today's: a guess
    try:
        # Feeds and HTML carry dates such as "Sat, 22 Oct 2016 10:00:00 GMT".
        return dateutil_parser.parse(value, fuzzy=True).date()  # type: ignore[no-any-return]
    except (ValueError, OverflowError):
        return None


def analyse(
    text: str,
    dct: dt.date | None,
    tense: TenseFn | None = None,
    day_first: bool | None = None,
) -> tuple[list[Timex], list[Warning]]:
    """Expressions with their internal facts, and the consistency warnings."""
    bounds = sentence_bounds(text)
    ctx = Context(text=text, dct=dct, tense=tense or text_tense(text, bounds), bounds=bounds, day_first=day_first)
    found = scan(ctx)
    warnings = check(found, ctx)
    for t in found:
        if t.rule == "numeric-ambiguous":
            warnings.append(
                Warning(
                    code="ambiguous-date",
                    message=f"{text[t.start : t.end]} reads as day/month or month/day; no value given",
                    start=t.start,
                    end=t.end,
                )
            )
    return found, warnings


def _ref(text: str, t: Timex) -> TimeRef:
    return TimeRef(text=text[t.start : t.end], start=t.start, end=t.end, type=t.type, value=t.value)


def recognize(
    text: str,
    dct: dt.date | None,
    tense: TenseFn | None = None,
    day_first: bool | None = None,
) -> list[TimeRef]:
    """TIMEX3 expressions of a plain text, valued against ``dct`` (None: relative ones get none)."""
    found, _ = analyse(text, dct, tense=tense, day_first=day_first)
    return [_ref(text, t) for t in found]


def _day_first(article: Article) -> bool | None:
    host = urlparse(article.url).hostname if article.url else None
    if host:
        tld = host.rsplit(".", 1)[-1].lower()
        if tld in _DAY_FIRST_TLDS:
            return True
        if tld == "us":
            return False
    return None


def find_times(doc: Doc, article: Article) -> tuple[list[TimeRef], list[Warning]]:
    """The article's time expressions with TIMEX3 type and value, and consistency warnings."""
    text = article.text or doc.text
    bounds = sentence_bounds(text)
    fallback = text_tense(text, bounds)
    tense = doc_tense(doc, fallback) if doc.text == text else fallback
    dct = parse_date(article.published)
    found, warnings = analyse(text, dct, tense=tense, day_first=_day_first(article))
    refs = [_ref(text, t) for t in found]
    unresolved = [r for r in refs if r.value is None and r.type in ("DATE", "TIME")]
    if dct is None and unresolved:
        # never guessed: "on Friday" with no publication date to count from stays without a value
        shown = ", ".join(repr(r.text) for r in unresolved[:3]) + (", ..." if len(unresolved) > 3 else "")
        warnings.append(Warning(
            code="no-published",
            message=f"no publication date: {len(unresolved)} relative date(s) left unresolved ({shown})",
            start=unresolved[0].start,
            end=unresolved[0].end,
        ))
    return refs, warnings

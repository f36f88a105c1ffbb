"""Consistency checks between expressions: weekday/date disagreement, past events dated later.

The rule the event date follows: when a weekday and a date written with its day of month
disagree ("Thursday (21 October)" in 2016, a Friday), the weekday wins, read as the day of
that weekday nearest the stated date (Thursday 20 October). Reporters name the weekday
from the calendar of their own week; the day of month is the detail most often mistyped.
A date after publication in a past-tense sentence keeps its stated value and is flagged.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from ..model import Warning
from . import calendar as cal
from .rules import Context, Timex

__all__ = ["check"]

# Between a weekday and the date that restates it: a comma, brackets, a dash.
_JOIN = re.compile(r"[\s,(\[–—-]*")


def _say(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _mismatch(weekday: int, day: dt.date, start: int, end: int) -> Warning:
    named = calendar.day_name[weekday - 1]
    actual = calendar.day_name[day.isoweekday() - 1]
    return Warning(
        code="weekday-mismatch",
        message=f"{named} does not fall on {_say(day)} (a {actual})",
        start=start,
        end=end,
    )


def check(found: list[Timex], ctx: Context) -> list[Warning]:
    """Warnings for weekday/date disagreements and for past-tense dates after publication.

    Adjusts, in place, the value of a weekday that disagrees with the date restating it.
    """
    warnings: list[Warning] = []
    for t in found:
        if t.weekday is not None and t.day is not None and t.day.isoweekday() != t.weekday:
            warnings.append(_mismatch(t.weekday, t.day, t.start, t.end))
    for a, b in itertools.pairwise(found):
        gap = ctx.text[a.end : b.start]
        if len(gap) > 4 or _JOIN.fullmatch(gap) is None:
            continue
        pair = (a, b) if a.day is None and a.weekday is not None and b.day is not None else None
        if pair is None and b.day is None and b.weekday is not None and a.day is not None:
            pair = (b, a)
        if pair is None or pair[1].weekday is not None:
            continue
        weekday_t, date_t = pair
        assert weekday_t.weekday is not None and date_t.day is not None
        if date_t.day.isoweekday() == weekday_t.weekday:
            weekday_t.value = date_t.day.isoformat() if weekday_t.type == "DATE" else weekday_t.value
            continue
        end = b.end + (1 if ctx.text[b.end : b.end + 1] in (")", "]") else 0)
        warnings.append(_mismatch(weekday_t.weekday, date_t.day, a.start, end))
        if weekday_t.type == "DATE":
            weekday_t.value = cal.nearest_weekday(date_t.day, weekday_t.weekday).isoformat()
    if ctx.dct is not None:
        for t in found:
            if t.day is None or t.day <= ctx.dct or t.type != "DATE":
                continue
            if ctx.tense(t.start, t.end) == "PAST":
                warnings.append(
                    Warning(
                        code="future-date",
                        message=f"{_say(t.day)} is after publication ({ctx.dct.isoformat()}) "
                        "in a sentence told in the past tense",
                        start=t.start,
                        end=t.end,
                    )
                )
    return warnings

"""Calendar arithmetic for TIMEX3 values: shifting by units, ISO weeks, weekday lookup."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = [
    "add_months",
    "easter",
    "fmt_day",
    "fmt_granular",
    "last_weekday",
    "nearest_weekday",
    "next_weekday",
    "nth_weekday",
    "quarter_of",
    "season_year",
    "shift",
    "weekend_week",
]

SEASON_MONTH = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}


def fmt_day(day: dt.date) -> str:
    """ISO calendar date."""
    return day.isoformat()


def quarter_of(day: dt.date) -> int:
    """The quarter (1-4) a day falls in."""
    return (day.month - 1) // 3 + 1


def add_months(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months away, clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, amount: int, granularity: str) -> dt.date:
    """The day ``amount`` units (day, week, month, quarter, year, decade, century) away."""
    if granularity == "day":
        return day + dt.timedelta(days=amount)
    if granularity == "week":
        return day + dt.timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(granularity)
    if months is None:
        return day
    return add_months(day, amount * months)


def fmt_granular(day: dt.date, granularity: str) -> str:
    """A TIMEX3 value for the unit of ``granularity`` that contains ``day``."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def last_weekday(ref: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The latest day with ISO ``weekday`` (1=Monday) on or before ``ref`` (before, if strict)."""
    back = (ref.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def next_weekday(ref: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The earliest day with ISO ``weekday`` on or after ``ref`` (after, if strict)."""
    ahead = (weekday - ref.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return ref + dt.timedelta(days=ahead)


def nearest_weekday(ref: dt.date, weekday: int) -> dt.date:
    """The day with ISO ``weekday`` closest to ``ref`` (within three days either side)."""
    back = (ref.isoweekday() - weekday) % 7
    return ref - dt.timedelta(days=back) if back <= 3 else ref + dt.timedelta(days=7 - back)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month; ``n=-1`` is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return next_weekday(first, weekday) + dt.timedelta(weeks=n - 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last_weekday(last, weekday)


def weekend_week(ref: dt.date, future: bool) -> str:
    """TIMEX3 value of the weekend nearest ``ref``: the one just past, or the coming one."""
    if ref.isoweekday() >= 6:
        day = ref
    elif future:
        day = next_weekday(ref, 6)
    else:
        day = last_weekday(ref, 6)
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def season_year(ref: dt.date, season: str, direction: int) -> int:
    """The year of the season meant by last (-1), this (0) or next (+1) relative to ``ref``."""
    mid = SEASON_MONTH.get(season, 7)
    if direction < 0:
        return ref.year if mid < ref.month - 1 else ref.year - 1
    if direction > 0:
        return ref.year if mid > ref.month + 1 else ref.year + 1
    return ref.year


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus, as in Meeus 1991, ch. 8)."""
    golden = year % 19
    century, in_century = divmod(year, 100)
    leap_c, rest_c = divmod(century, 4)
    lunar = (century + 8) // 25
    moon_fix = (century - lunar + 1) // 3
    epact = (19 * golden + century - leap_c - moon_fix + 15) % 30
    leap_y, rest_y = divmod(in_century, 4)
    weekday_fix = (32 + 2 * rest_c + 2 * leap_y - epact - rest_y) % 7
    shift_back = (golden + 11 * epact + 22 * weekday_fix) // 451
    month, day = divmod(epact + weekday_fix - 7 * shift_back + 114, 31)
    return dt.date(year, month, day + 1)

"""The recognition grammar: one precompiled regex per kind of expression, and its normaliser.

Every rule scans the whole text at C speed; candidates from all rules are then reduced to
the longest non-overlapping ones. Values follow TimeML 1.2.1 TIMEX3 conventions and are
computed against the reference date (the publication date); without one, expressions that
need it get no value.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import calendar as cal
from .lexicon import Lexicon, Unit, lexicon
from .tense import TenseFn

__all__ = ["Context", "Timex", "scan"]


@dataclass
class Timex:
    """A recognised expression with internal facts the consistency checks need."""

    start: int
    end: int
    type: str
    value: str | None
    rule: str = ""
    weekday: int | None = None  # ISO weekday named in the expression
    day: dt.date | None = None  # calendar day named with its day of month
    granularity: str = ""
    explicit_year: bool = False
    offset: int | None = None  # for "the following day": units after the last date named
    unit: str = ""  # the unit an anaphor counts in ("the following month"); "" for days
    before_next: bool = False  # "the day before <date>": counted from the date that follows
    companion: Timex | None = None  # a second expression found by the same match ("2014-15")
    part: str = ""  # part of day ("TNI") an anaphoric expression adds
    floating: bool = False  # a clock time dated by default: the day named before it wins


@dataclass
class Context:
    """What the normalisers need besides the match: text, reference date, tense, sentences."""

    text: str
    dct: dt.date | None
    tense: TenseFn
    bounds: list[int]
    day_first: bool | None = None
    lower: str = ""

    def __post_init__(self) -> None:
        # Lower-casing keeps offsets except for a few letters ("İ"): keep those as they are.
        low = self.text.lower()
        if len(low) != len(self.text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
        self.lower = low

    def orig(self, m: re.Match[str], group: str) -> str:
        """The text of a match group as written (the patterns run over the lower-cased text)."""
        return self.text[m.start(group) : m.end(group)]

    def sentence_start(self, pos: int) -> int:
        """Start offset of the sentence holding ``pos``."""
        i = bisect_right(self.bounds, pos) - 1
        return self.bounds[i] if i >= 0 else 0


Handler = Callable[[re.Match[str], Context], Timex | None]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words as a prefix trie (fast to scan), spaces matching any whitespace."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie) or "(?!)"


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """The regex of a trie node: its branches, optional when a word may end here."""
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


# --- values shared by the handlers ----------------------------------------------------------


def _number(words: str, lex: Lexicon) -> float | str | None:
    """A number from digits or number words ("twenty four", "a few"); "X" when vague."""
    s = _norm(words).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if s in lex.numbers:
        return lex.numbers[s]
    total = 0.0
    current = 0.0
    for part in re.split(r"[\s-]+", s):
        if part in ("and",):
            continue
        value = lex.numbers.get(part)
        if isinstance(value, str):
            return "X"
        if part == "hundred":
            current = max(current, 1.0) * 100
        elif part == "thousand":
            total += max(current, 1.0) * 1000
            current = 0.0
        elif value is None:
            return None
        else:
            current += value
    return total + current


# A fraction of a unit written in the next smaller one (ISO 8601: "2 1/2 years" P2Y6M).
_SMALLER = {("Y", False): ("M", 12, False), ("W", False): ("D", 7, False), ("D", False): ("H", 24, True),
            ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}  # fmt: skip


def _fractional(n: float, letter: str, time: bool) -> str:
    """A duration value for a non-whole amount, the remainder in the next smaller unit."""
    whole = int(n)
    smaller = _SMALLER.get((letter, time))
    if smaller is None:
        return f"PT{n:g}{letter}" if time else f"P{n:g}{letter}"
    s_letter, per, s_time = smaller
    rest = round((n - whole) * per)
    head = f"{whole}{letter}" if whole else ""
    tail = f"{rest}{s_letter}"
    if time:
        return f"PT{head}{tail}"
    return f"P{head}T{tail}" if s_time else f"P{head}{tail}"


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _month_of(word: str, lex: Lexicon) -> int | None:
    w = word.lower().rstrip(".")
    return lex.months.get(w) or lex.month_abbreviations.get(w)


def _context_year(ctx: Context, pos: int) -> int | None:
    """The year that sets the time of ``pos``: one opening its sentence or just before it."""
    found = None
    start = ctx.sentence_start(pos)
    for m in _YEAR_IN_TEXT.finditer(ctx.text, start, pos):
        # A year deep in an earlier clause ("a program approved in 1987 that ...") sets nothing.
        if pos - m.end() <= 40 or len(_WORDS.findall(ctx.text, start, m.start())) <= 2:
            found = int(m.group(1))
    return found


_WORDS = re.compile(r"\w+")


# A year that sets the time of what follows: "In 2015, ... in June" (not "the 2015 budget").
_YEAR_IN_TEXT = re.compile(
    r"\b(?:in|since|during|by|until|from|throughout)\s+(?:(?:early|late|mid|the\s+year)[\s-]+)?((?:19|20)\d\d)(?![\w%-]|[.,]\d)",
    re.IGNORECASE,
)


_DEADLINE = re.compile(r"\b(?:by|through|until|till)\s+$")


def _pick_year(ctx: Context, pos: int, end: int, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one: from the sentence, else near the DCT."""
    year = _context_year(ctx, pos)
    if year is not None:
        return year
    if ctx.dct is None:
        return None
    tense = ctx.tense(pos, end)
    if tense != "FUTURE" and _DEADLINE.search(ctx.lower, max(0, pos - 9), pos):
        # "by August", "through January": a deadline, ahead unless the sentence is told in the past.
        tense = "FUTURE" if tense is None else None
    best: tuple[float, int] | None = None
    for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            first = dt.date(y, month, day or 1)
            last = dt.date(y, month, day) if day else cal.add_months(dt.date(y, month, 1), 1)
        except ValueError:
            continue
        if last <= ctx.dct:
            distance = (ctx.dct - last).days
        elif first > ctx.dct:
            distance = (first - ctx.dct).days
        else:
            distance = 0
        if tense == "PAST" and first > ctx.dct:
            distance += 300 if day is None else 200
        if tense == "FUTURE" and last < ctx.dct:
            distance += 300 if day is None else 200
        if tense is None and first > ctx.dct:
            distance += 120  # news mostly reports what has happened
        if best is None or distance < best[0]:
            best = (distance, y)
    return best[1] if best else None


def _weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> dt.date | None:
    """The day a weekday names: last/next/this relative to the DCT, else by the tense."""
    if ctx.dct is None:
        return None
    rel = _norm(rel)
    if rel in ("last", "this past", "past", "the previous"):
        return cal.last_weekday(ctx.dct, weekday, strict=True)
    if rel in ("next", "this coming", "coming", "the following"):
        return cal.next_weekday(ctx.dct, weekday, strict=True)
    if rel == "this":
        monday = ctx.dct - dt.timedelta(days=ctx.dct.isoweekday() - 1)
        return monday + dt.timedelta(days=weekday - 1)
    if ctx.tense(start, end) == "FUTURE":
        return cal.next_weekday(ctx.dct, weekday)
    return cal.last_weekday(ctx.dct, weekday)


def _make(m: re.Match[str], type_: str, value: str | None, rule: str, **facts: object) -> Timex:
    return Timex(m.start(), m.end(), type_, value, rule, **facts)  # type: ignore[arg-type]


# --- the grammar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A named pattern and the function that turns its matches into expressions."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


class Grammar:
    """All rules, compiled once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        f = 0  # patterns are lower-case and run over the lower-cased text (fast); handlers read case
        month_name = _alt(lex.months)
        month_abbr = _alt(lex.month_abbreviations) + r"\.?"
        month = f"(?:{month_name}|{month_abbr})"
        weekday = _alt(lex.weekdays)
        part = _alt(lex.parts_of_day)
        season = _alt(lex.seasons)
        tens = _alt(k for k, v in lex.numbers.items() if isinstance(v, float) and v in _TENS)
        ones = _alt(
            k for k, v in lex.numbers.items() if isinstance(v, float) and 1 <= v <= 9 and k not in ("a", "an", "single")
        )
        number = (
            rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|(?:{tens}[\s-]+{ones}|{_alt(lex.numbers)})"
            r"(?:[\s-]+(?:hundred|thousand))?)"
        )
        unit_words = [u for u, spec in lex.units.items() if spec.letter != "WE"]
        unit = "(?:" + "|".join(sorted((_plural_re(u) for u in unit_words), key=len, reverse=True)) + ")"
        dmod = _alt(lex.duration_modifiers)
        anchor = _alt(lex.duration_anchors)
        pmod = _alt(lex.period_modifiers)
        ordinal = _alt(k for k in lex.ordinals if k != "last")
        year = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\w%])"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rel_days = _alt(lex.relative_days)
        refs = _alt(lex.reference_words)
        set_adv = _alt(lex.set_adverbs)
        holidays = _alt([*lex.holidays, *lex.weekday_holidays, *lex.easter_holidays])
        tz = r"(?:[ecmp][sd]t|gmt|utc|bst|cet|cest|eet|eest|msk|ist|ast|local\s+time|moscow\s+time)"
        wd_rel = _alt(lex.weekday_relatives)
        self.rules: list[Rule] = [
            Rule(
                "iso",
                re.compile(r"(?<![\w-])(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
                self._iso,
            ),
            Rule(
                "numeric",
                re.compile(
                    r"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[5-9]|20)\d\d|\d\d)(?![\w/-]|\.\d)"
                ),
                self._numeric,
            ),
            Rule(
                "dmy",
                re.compile(
                    rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?{day}(?:\s+of)?\s+(?P<month>{month})(?!\w)(?:,?\s+{year})?",
                    f,
                ),
                self._day_month,
            ),
            Rule(
                "mdy",
                re.compile(
                    rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s+{day}(?!\w|:\d|\.\d|\s*%)(?:,?\s+{year})?",
                    f,
                ),
                self._day_month,
            ),
            Rule(
                "day_list",
                re.compile(
                    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?=\s*(?:and|to|or|&|-|–)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})(?!\w)(?:,?\s+{year})?)",
                    f,
                ),
                self._listed_day,
            ),
            Rule(
                "day_list_after",
                re.compile(
                    rf"\b(?P<month>{month})\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|to|or|&|-|–)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\w|:\d)(?:,?\s+{year})?",
                    f,
                ),
                self._listed_day,
            ),
            Rule(
                "month_year",
                re.compile(rf"\b(?:(?P<mod>{pmod})[\s-]+)?(?P<month>{month})(?:\s+of)?,?\s+{year}", f),
                self._month_year,
            ),
            Rule(
                "month_rel_year",
                re.compile(
                    rf"\b(?:(?P<mod>{pmod})[\s-]+)?(?P<month>{month_name}|{month_abbr})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?!\w)",
                    f,
                ),
                self._month_rel_year,
            ),
            Rule(
                "month",
                re.compile(
                    rf"\b(?:(?P<rel>this\s+past|this\s+coming|last|next|this|{pmod})[\s-]+)?(?P<month>{month_name}|(?:sept|aug|oct|nov|dec|jan|feb)\.)(?!\w)",
                    f,
                ),
                self._month,
            ),
            Rule(
                "year",
                re.compile(
                    rf"(?<![\w$€£#./-])(?:(?P<mod>{pmod}|fiscal|calendar|the\s+year|fiscal\s+year|the\s+fiscal\s+year)[\s-]+)?{year}(?![\w%/-]|[.,]\d)",
                    f,
                ),
                self._year,
            ),
            Rule(
                "year_range",
                re.compile(
                    r"(?<![\w$€£#./-])(?:(?P<fy>fy|fiscal(?:\s+year)?)[\s-]?)?(?P<y1>(?:1[5-9]|20)\d\d)(?P<sep>[-–/])(?P<y2>(?:1[5-9]|20)\d\d|\d\d)(?![\w%/-]|[.,]\d)",
                    f,
                ),
                self._year_range,
            ),
            Rule(
                "fiscal_year",
                re.compile(r"\bfy\s?(?P<y>(?:19|20)\d\d|\d\d)(?![\w%/-]|[.,]\d)", f),
                self._fiscal_year,
            ),
            Rule(
                "decade",
                re.compile(
                    r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d)0['’]?s\b|\b(?:the\s+)?(?:(?P<mod2>early|late|mid)[\s-]+)?['’](?P<short>\d)0['’]?s\b|\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<short2>[1-9])0s\b",
                    f,
                ),
                self._decade,
            ),
            Rule(
                "decade_word",
                re.compile(rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<w>{_alt(lex.decade_words)})(?!\w)", f),
                self._decade_word,
            ),
            Rule(
                "century",
                re.compile(
                    rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-]+century\b",
                    f,
                ),
                self._century,
            ),
            Rule(
                "weekday",
                re.compile(
                    rf"\b(?:(?P<rel>{wd_rel})\s+)?(?P<wd>{weekday})(?:\s+(?P<part>{part}))?(?!\w)",
                    f,
                ),
                self._weekday,
            ),
            Rule(
                "relday",
                re.compile(
                    rf"\b(?:(?P<rel>early|late|earlier|later)\s+)?(?P<word>{rel_days})(?:\s+(?P<part>{part}))?(?!\w)",
                    f,
                ),
                self._relday,
            ),
            Rule(
                "tonight",
                re.compile(rf"\b(?P<word>tonight|overnight|last\s+night|this\s+(?P<part>{part}))(?!\w)", f),
                self._tonight,
            ),
            Rule(
                "period",
                re.compile(
                    rf"\b(?:(?P<mod>{pmod}|earlier|later|early|late)[\s-]+(?:in\s+)?)?(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+latest|the\s+next|the\s+last|the\s+same|the\s+following)\s+(?P<unit>weekend|week|month|year|quarter|decade|century|{season})(?:['’]s)?(?!\w)",
                    f,
                ),
                self._period,
            ),
            Rule(
                "weekend",
                re.compile(r"\b(?P<the>the|this|last|next)\s+weekend(?!\w)", f),
                self._weekend,
            ),
            Rule(
                "season",
                re.compile(
                    rf"\b(?:(?P<mod>{pmod})[\s-]+)?(?P<the>the\s+)?(?P<season>{season})(?:(?:\s+of)?,?\s+{year})?(?!\w)",
                    f,
                ),
                self._season,
            ),
            Rule(
                "ago",
                re.compile(
                    rf"\b(?:(?P<dmod>{dmod})\s+)?(?P<num>{number})[\s-]+(?P<unit>{unit})\s+(?P<dir>ago|earlier|later|from\s+now|hence|before|after|previously)(?!\w)",
                    f,
                ),
                self._ago,
            ),
            Rule(
                "duration",
                re.compile(
                    rf"\b(?:(?P<dmod>{dmod})\s+)?(?:(?P<anchor>{anchor})\s+)?(?:(?P<dmod2>{dmod})\s+)?(?P<num>{number})(?:\s+(?:to|or|-|and)\s+(?P<num2>{number}))?(?P<half>\s+and\s+a\s+half|\s+1/2|\s*½)?(?:\s+(?:more|additional|trading|business|working|straight|consecutive|full|long))?[\s-]+(?P<unit>{unit})(?P<half2>\s+and\s+a\s+half)?(?P<suffix>-long|-old|\s+long\b|\s+old\b)?(?P<orso>\s+or\s+so)?(?!\w)",
                    f,
                ),
                self._duration,
            ),
            Rule("reference", re.compile(rf"\b(?P<w>{refs})(?!\w)", f), self._reference),
            Rule(
                "unit_long",
                re.compile(r"\b(?P<unit>hour|day|week|month|year)-long\b", f),
                self._unit_long,
            ),
            Rule(
                "anaphor",
                re.compile(
                    rf"\b(?:(?:earlier|later)\s+)?(?P<w>the\s+(?:following|next|previous|preceding|same)|that(?:\s+same)?|the)\s+(?P<what>day|week|month|year|{part})(?P<rel>\s+(?:before|after))?(?!\w)",
                    f,
                ),
                self._anaphor,
            ),
            Rule(
                "plural_units",
                re.compile(
                    r"\b(?:(?P<anchor>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+first|the\s+final|recent|many|several|few|the)\s+)?(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes)(?:-long)?(?![\w-])",
                    f,
                ),
                self._plural_units,
            ),
            Rule(
                "set",
                re.compile(
                    rf"\b(?P<q>every|each|per)\s+(?:other\s+)?(?:(?P<num>{number})\s+)?(?P<unit>{unit}|{weekday}|{month_name}|{part}|weekend)(?!\w)",
                    f,
                ),
                self._set,
            ),
            Rule("set_adverb", re.compile(rf"\b(?P<w>{set_adv})(?!\w)", f), self._set_adverb),
            Rule(
                "quarter",
                re.compile(
                    r"\b(?:(?P<the>the)\s+)?(?:(?P<y0>(?:19|20)\d\d)\s+|(?P<ry>this|last|next)\s+year['’]s\s+|(?P<ya>year-earlier|year-ago)\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|prior|year-earlier|year-ago|same|next|this|comparable)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)|,?\s+(?P<year2>(?:19|20)\d\d))?(?!\w)",
                    f,
                ),
                self._quarter,
            ),
            Rule(
                "the_quarter",
                re.compile(r"\b(?:the|that|this)\s+(?:latest\s+)?(?:quarter|period)(?![\w-])", f),
                self._the_quarter,
            ),
            Rule(
                "the_year",
                re.compile(
                    rf"\b(?:(?P<mod>{pmod}|earlier\s+in|later\s+in)\s+)?(?P<which>the\s+(?:full\s+|current\s+|latest\s+|same\s+)?(?:fiscal\s+|calendar\s+)?year|that\s+(?:same\s+)?year|year['’]s\s+end|year[\s-]end|(?<=of\s)the\s+(?:month|week))(?P<ended>\s+(?:ended|ending))?(?![\w-])",
                    f,
                ),
                self._the_year,
            ),
            Rule(
                "year_ago",
                re.compile(
                    r"\b(?:(?P<the>the)\s+(?:comparable\s+)?)?year[\s-](?:earlier|ago)(?:\s+(?P<period>period|quarter|year))?(?![\w-])",
                    f,
                ),
                self._year_ago,
            ),
            Rule(
                "spoken_year",
                re.compile(
                    rf"\b(?:the\s+year\s+)?(?:nineteen[\s-]+(?P<tens>{tens})(?:[\s-]+(?P<ones>{ones}))?|two\s+thousand(?:\s+and\s+(?P<ones2>{ones}))?)(?!\w)",
                    f,
                ),
                self._spoken_year,
            ),
            Rule("q", re.compile(r"\b(?:q(?P<q>[1-4])|h(?P<h>[12]))(?:\s+(?P<year>(?:19|20)\d\d))?\b"), self._q),
            Rule(
                "clock",
                re.compile(
                    rf"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)|(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?=\s*(?:{tz}|hrs|h\b))|(?P<h3>[01]?\d|2[0-3])\s+o['’]clock|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s*(?:gmt|utc|zulu|hrs\b|local\s+time))|(?P<word>noon|midnight|midday))(?:\s+(?P<tz>{tz}))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{weekday}|today|yesterday|tomorrow)|(?P<cm>{month})\s+(?P<cd>[0-3]?\d)(?!\w|:\d)))?",
                    f,
                ),
                self._clock,
            ),
            Rule(
                "holiday",
                re.compile(rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{holidays})(?:,?\s+{year})?(?!\w)", f),
                self._holiday,
            ),
        ]

    # --- handlers: dates ------------------------------------------------------------------

    def _iso(self, m: re.Match[str], ctx: Context) -> Timex | None:
        try:
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return _make(m, "DATE", day.isoformat(), "iso", day=day, granularity="day", explicit_year=True)

    def _numeric(self, m: re.Match[str], ctx: Context) -> Timex | None:
        a, b = int(m["a"]), int(m["b"])
        year = int(m["y"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        readings: list[dt.date] = []
        for d, mo in ((a, b), (b, a)):
            try:
                readings.append(dt.date(year, mo, d))
            except ValueError:
                continue
        readings = list(dict.fromkeys(readings))
        if not readings:
            return None
        if m["sep"] == "." and len(m["y"]) == 2:
            return None  # "3.5.16" is more often a version or a score than a date
        if len(readings) == 2:
            if ctx.day_first is None:
                return _make(m, "DATE", None, "numeric-ambiguous", granularity="day", explicit_year=True)
            day = readings[0] if ctx.day_first else readings[1]
        else:
            day = readings[0]
        return _make(m, "DATE", day.isoformat(), "numeric", day=day, granularity="day", explicit_year=True)

    def _day_month(self, m: re.Match[str], ctx: Context) -> Timex | None:
        mword = ctx.orig(m, "month")
        month = _month_of(mword, self.lex)
        d = int(m["day"])
        if month is None or not 1 <= d <= 31:
            return None
        if mword.lower() in self.lex.ambiguous_months and not mword[0].isupper():
            return None
        weekday = self.lex.weekdays.get(m["wd"].lower()) if m["wd"] else None
        rel = _norm(m["rel"] or "")
        if m["year"]:
            year: int | None = int(m["year"])
        elif rel and ctx.dct is not None:
            year = ctx.dct.year
            try:
                if rel in ("last", "this past") and dt.date(year, month, d) >= ctx.dct:
                    year -= 1
                elif rel in ("next", "this coming") and dt.date(year, month, d) <= ctx.dct:
                    year += 1
            except ValueError:
                return None
        else:
            year = _pick_year(ctx, m.start(), m.end(), month, d)
        if year is None:
            return _make(m, "DATE", None, "day_month", weekday=weekday, granularity="day")
        try:
            day = dt.date(year, month, d)
        except ValueError:
            return None
        value = day
        if weekday is not None and day.isoweekday() != weekday:
            value = cal.nearest_weekday(day, weekday)
        return _make(
            m, "DATE", value.isoformat(), "day_month", weekday=weekday, day=day, granularity="day",
            explicit_year=bool(m["year"]),
        )  # fmt: skip

    def _listed_day(self, m: re.Match[str], ctx: Context) -> Timex | None:
        month = _month_of(m["month"], self.lex)
        d = int(m["day"])
        if month is None or not 1 <= d <= 31:
            return None
        mword = ctx.orig(m, "month")
        if mword.lower() in self.lex.ambiguous_months and not mword[0].isupper():
            return None
        year = int(m["year"]) if m["year"] else _pick_year(ctx, m.start(), m.end(), month, d)
        start, end = m.start("day"), m.end("day")
        if year is None:
            return Timex(start, end, "DATE", None, "day_list", granularity="day")
        try:
            day = dt.date(year, month, d)
        except ValueError:
            return None
        return Timex(start, end, "DATE", day.isoformat(), "day_list", day=day, granularity="day")

    def _unit_long(self, m: re.Match[str], ctx: Context) -> Timex | None:
        spec = self.lex.units[m["unit"].lower()]
        return _make(m, "DURATION", f"PT1{spec.letter}" if spec.time else f"P1{spec.letter}", "duration")

    def _anaphor(self, m: re.Match[str], ctx: Context) -> Timex | None:
        w = _norm(m["w"])
        what = m["what"].lower()
        rel = _norm(m["rel"] or "")
        if w == "the" and not rel:
            return None
        unit = what if what in ("week", "month", "year") else ""
        if unit and (w in ("the next", "the previous") and not rel):
            return None  # "the next year" (a span to come), "the previous year": the period rule reads them
        offset = 0
        if "following" in w or "next" in w or rel == "after":
            offset = 1
        elif "previous" in w or "preceding" in w or rel == "before":
            offset = -1
        if rel and re.match(r"\s+[a-z]", ctx.lower[m.end() : m.end() + 3]):
            # "the day before last Tuesday's hearing": counted from the date that follows, if any;
            # "the day after the vote" is anchored to an event and gets no value.
            follows = re.match(r"\s+(?:last|this|next|that)?\s*\w", ctx.lower[m.end() : m.end() + 12])
            return _make(m, "DATE", None, "anaphor", offset=offset if follows else None, unit=unit,
                         granularity=unit or "day", before_next=True)  # fmt: skip
        part = self.lex.parts_of_day.get(what, "")
        return _make(m, "TIME" if part else "DATE", None, "anaphor", offset=offset, part=part, unit=unit,
                     granularity=unit or "day")  # fmt: skip

    def _month_year(self, m: re.Match[str], ctx: Context) -> Timex | None:
        mword = ctx.orig(m, "month")
        month = _month_of(mword, self.lex)
        if month is None or (mword.lower() in self.lex.ambiguous_months and not mword[0].isupper()):
            return None
        return _make(m, "DATE", f"{int(m['year']):04d}-{month:02d}", "month_year", granularity="month",
                     explicit_year=True)  # fmt: skip

    def _month_rel_year(self, m: re.Match[str], ctx: Context) -> Timex | None:
        mword = ctx.orig(m, "month")
        month = _month_of(mword, self.lex)
        if month is None or (mword.lower() in self.lex.ambiguous_months and not mword[0].isupper()):
            return None
        if ctx.dct is None:
            return _make(m, "DATE", None, "month", granularity="month")
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return _make(m, "DATE", f"{year:04d}-{month:02d}", "month", granularity="month")

    def _month(self, m: re.Match[str], ctx: Context) -> Timex | None:
        mword = ctx.orig(m, "month")
        month = _month_of(mword, self.lex)
        if month is None:
            return None
        if mword.lower() in self.lex.ambiguous_months:
            if not mword[0].isupper() or mword.isupper():
                return None
            after = ctx.text[m.end() : m.end() + 12]
            before = ctx.text[max(0, m.start() - 2) : m.start()]
            if re.match(r"\s+[a-z]", after) and (m.start() == ctx.sentence_start(m.start()) or before.strip() == ""):
                return None
            if not m["rel"] and re.match(
                r"\s+(?:be|have|not|also|well|I|we|you|he|she|they|it|for|of|on|to|against)\b", after
            ):
                return None
            if not m["rel"] and re.search(
                r"(?:\b(?:the|a|an|annual)\s+|[`'\"“‘])$", ctx.text[max(0, m.start() - 8) : m.start()], re.I
            ):
                return None
        rel = _norm(m["rel"] or "")
        if ctx.dct is None:
            return _make(m, "DATE", None, "month", granularity="month")
        if rel in ("last", "this past"):
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif rel in ("next", "this coming"):
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        elif rel == "this":
            year = ctx.dct.year
        else:
            picked = _pick_year(ctx, m.start(), m.end(), month, None)
            year = picked if picked is not None else ctx.dct.year
        return _make(m, "DATE", f"{year:04d}-{month:02d}", "month", granularity="month")

    def _year(self, m: re.Match[str], ctx: Context) -> Timex | None:
        text = ctx.text
        before = text[max(0, m.start() - 20) : m.start()].lower()
        words_before = re.findall(r"[\w#$€£]+|[#$€£]", before)
        prev = words_before[-1] if words_before else ""
        prev2 = " ".join(words_before[-2:])
        if not m["mod"] and (prev in self.lex.not_year_before or prev2 in self.lex.not_year_before):
            return None
        after = re.match(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[m.end() : m.end() + 40])
        if after and after.group(1).lower() in self.lex.not_year_after:
            return None
        street = after.group(2) if after and after.group(1)[0].isupper() else None
        if street and street.lower() in self.lex.street_words and prev not in _TIME_PREPOSITIONS:
            return None  # "1935 Orchard St.": a house number
        if text[max(0, m.start() - 1) : m.start()] == ":":
            return None
        return _make(m, "DATE", f"{int(m['year']):04d}", "year", granularity="year", explicit_year=True)

    def _year_range(self, m: re.Match[str], ctx: Context) -> Timex | None:
        first = int(m["y1"])
        raw = m["y2"]
        second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
        if len(raw) == 2 and second < first:
            second += 100  # "1999-00"
        if not first < second <= first + 10:
            return None  # "1998-99" is a span of years; "2000-3000" or "2014/2012" is not
        words_before = re.findall(r"[\w#$€£]+|[#$€£]", ctx.lower[max(0, m.start() - 20) : m.start()])
        if not m["fy"] and words_before and words_before[-1] in self.lex.not_year_before:
            return None  # "Resolution 2014-15", "No. 1990-91"
        head = Timex(m.start(), m.end("y1"), "DATE", f"{first:04d}", "year_range", granularity="year",
                     explicit_year=True)  # fmt: skip
        # The second year is an expression of its own (TimeML tags each end of a range).
        head.companion = Timex(m.start("y2"), m.end("y2"), "DATE", f"{second:04d}", "year_range",
                               granularity="year", explicit_year=True)  # fmt: skip
        return head

    def _fiscal_year(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if not ctx.text[m.start() : m.start() + 2].isupper():
            return None  # "fy" in running lower-case text is no abbreviation
        raw = m["y"]
        year = int(raw) if len(raw) == 4 else (2000 + int(raw) if int(raw) < 50 else 1900 + int(raw))
        return _make(m, "DATE", f"{year:04d}", "fiscal_year", granularity="year", explicit_year=True)

    def _decade(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if m["dec"]:
            return _make(m, "DATE", m["dec"], "decade", granularity="decade")
        digit = int(m["short"] or m["short2"])
        base = ctx.dct.year if ctx.dct else 2000
        century = base // 100
        if digit * 10 > base % 100:
            century -= 1
        return _make(m, "DATE", f"{century:02d}{digit}", "decade", granularity="decade")

    def _decade_word(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if not m.group(0).lower().startswith(("the", "early", "late", "mid")):
            return None  # "in his forties" is an age
        digit = self.lex.decade_words[_norm(m["w"])]
        base = ctx.dct.year if ctx.dct else 2000
        century = base // 100 - (1 if digit * 10 > base % 100 else 0)
        return _make(m, "DATE", f"{century:02d}{digit}", "decade", granularity="decade")

    def _century(self, m: re.Match[str], ctx: Context) -> Timex | None:
        raw = m["n"].lower()
        n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else self.lex.ordinals.get(raw, 0)
        if not 1 <= n <= 30:
            return None
        return _make(m, "DATE", f"{n - 1:02d}", "century", granularity="century")

    def _weekday(self, m: re.Match[str], ctx: Context) -> Timex | None:
        wd = self.lex.weekdays[m["wd"].lower()]
        rel = m["rel"] or ""
        if _norm(rel) in ("early", "late", "earlier", "later", "past"):
            rel = ""
        day = _weekday_date(ctx, wd, rel, m.start(), m.end())
        if m["part"]:
            tag = self.lex.parts_of_day[m["part"].lower()]
            return _make(m, "TIME", f"{day.isoformat()}{tag}" if day else None, "weekday", weekday=wd,
                         granularity="day")  # fmt: skip
        return _make(m, "DATE", day.isoformat() if day else None, "weekday", weekday=wd, granularity="day")

    def _relday(self, m: re.Match[str], ctx: Context) -> Timex | None:
        offset = self.lex.relative_days[_norm(m["word"])]
        day = ctx.dct + dt.timedelta(days=offset) if ctx.dct else None
        if m["part"]:
            tag = self.lex.parts_of_day[m["part"].lower()]
            return _make(m, "TIME", f"{day.isoformat()}{tag}" if day else None, "relday", granularity="day")
        return _make(m, "DATE", day.isoformat() if day else None, "relday", granularity="day")

    def _tonight(self, m: re.Match[str], ctx: Context) -> Timex | None:
        word = _norm(m["word"])
        if ctx.dct is None:
            return _make(m, "TIME", None, "tonight")
        if word == "tonight":
            return _make(m, "TIME", f"{ctx.dct.isoformat()}TNI", "tonight", granularity="day")
        if word in ("last night", "overnight"):
            day = ctx.dct - dt.timedelta(days=1)
            return _make(m, "TIME", f"{day.isoformat()}TNI", "tonight", granularity="day")
        tag = self.lex.parts_of_day[m["part"].lower()]
        return _make(m, "TIME", f"{ctx.dct.isoformat()}{tag}", "tonight", granularity="day")

    def _period(self, m: re.Match[str], ctx: Context) -> Timex | None:
        rel = _norm(m["rel"])
        unit = m["unit"].lower()
        season = self.lex.seasons.get(unit)
        if rel in ("the same", "the following"):
            if unit in ("week", "month", "year") and not m["mod"]:
                return None  # an anaphor: counted from the last date named (see _resolve_anaphors)
            return _make(m, "DATE", None, "period")
        if rel in ("the past", "the last", "the next", "the coming") and not m["mod"] and not season:
            spec = self.lex.units.get(unit)
            if spec is None or unit == "weekend" or _titled(ctx, m.start("unit")):
                return None
            if not (unit == "quarter" and rel in ("the last", "the past")):
                return _make(m, "DURATION", f"P{spec.multiplier}{spec.letter}", "period")
        if _titled(ctx, m.start("unit")):
            return None  # ABC's "This Week", a programme
        if ctx.dct is None:
            return _make(m, "DATE", None, "period")
        direction = {"this": 0, "the current": 0, "this past": -1, "last": -1, "the past": -1, "the previous": -1,
                     "the latest": -1, "the last": -1, "next": 1, "the next": 1, "the coming": 1,
                     "this coming": 1}.get(rel, 0)  # fmt: skip
        if season:
            year = cal.season_year(ctx.dct, season, direction)
            return _make(m, "DATE", f"{year:04d}-{season}", "period", granularity="season")
        if unit == "weekend":
            if direction == 0:
                year, week, _ = ctx.dct.isocalendar()
                return _make(m, "DATE", f"{year:04d}-W{week:02d}-WE", "period", granularity="week")
            ref = ctx.dct + dt.timedelta(weeks=direction)
            return _make(m, "DATE", cal.weekend_week(ref, future=direction > 0), "period", granularity="week")
        granularity = unit
        base = ctx.dct
        if unit == "week" and base.isoweekday() == 7 and direction == 0 and ctx.tense(m.start(), m.end()) == "FUTURE":
            # On a Sunday (the last day of its ISO week) "this week" in the future is the one to come.
            base += dt.timedelta(days=1)
        ref = cal.shift(base, direction, granularity)
        return _make(m, "DATE", cal.fmt_granular(ref, granularity), "period", granularity=granularity)

    def _weekend(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if ctx.dct is None:
            return _make(m, "DATE", None, "weekend")
        the = m["the"].lower()
        if the == "this":
            future = ctx.tense(m.start(), m.end()) == "FUTURE"
        else:
            future = the == "next" or (the == "the" and ctx.tense(m.start(), m.end()) == "FUTURE")
        ref = ctx.dct
        if the == "last":
            ref = ctx.dct - dt.timedelta(days=1)
        return _make(m, "DATE", cal.weekend_week(ref, future), "weekend", granularity="week")

    def _season(self, m: re.Match[str], ctx: Context) -> Timex | None:
        word = m["season"].lower()
        code = self.lex.seasons[word]
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        prev = re.findall(r"[a-z]+", before)
        cue = prev[-1] if prev else ""
        if not (
            m["year"]
            or m["mod"]
            or m["the"]
            or cue in ("in", "this", "last", "next", "since", "until", "by", "during", "early", "late", "of")
        ):
            return None
        if word in ("fall", "spring") and not (
            m["year"] or m["the"] or cue in ("in", "this", "last", "next", "since", "until", "by", "during")
        ):
            return None
        if m["year"]:
            return _make(m, "DATE", f"{int(m['year']):04d}-{code}", "season", granularity="season", explicit_year=True)
        if ctx.dct is None:
            return _make(m, "DATE", None, "season")
        year = _context_year(ctx, m.start()) or ctx.dct.year
        return _make(m, "DATE", f"{year:04d}-{code}", "season", granularity="season")

    # --- handlers: spans of time ------------------------------------------------------------

    def _unit(self, word: str) -> tuple[str, Unit] | None:
        w = word.lower()
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("s"):
            w = w[:-1]
        spec = self.lex.units.get(w)
        return (w, spec) if spec else None

    def _ago(self, m: re.Match[str], ctx: Context) -> Timex | None:
        found = self._unit(m["unit"])
        n = _number(m["num"], self.lex)
        if found is None or n is None:
            return None
        name, spec = found
        if _norm(m["dir"]) in ("later", "before", "after", "previously"):
            return None  # relative to another event: the duration rule reads the span alone
        if _norm(m["dir"]) == "earlier" and spec.granularity in ("day", "week", "hour", "minute", "second"):
            return None  # "a day earlier" counts from the day the story last named, not from today
        direction = -1 if _norm(m["dir"]) in ("ago", "earlier", "before", "previously") else 1
        if n == "X" or ctx.dct is None:
            if n == "X":
                return _make(m, "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", "ago")
            return _make(m, "DATE", None, "ago")
        assert isinstance(n, float)
        if spec.time:
            return _make(m, "DATE", ctx.dct.isoformat(), "ago", granularity="day")
        amount = int(n * spec.multiplier) if spec.granularity not in ("decade", "century") else int(n)
        if name == "fortnight":
            amount = int(n * 2)
        granularity = "week" if name == "fortnight" else spec.granularity
        if name == "night":
            granularity = "day"
        if granularity == "year" and amount == 1 and direction < 0 and _quarterly(ctx, m.start()):
            return _make(m, "DATE", _year_ago_quarter(ctx.dct), "ago", granularity="quarter")
        day = cal.shift(ctx.dct, direction * amount, granularity)
        return _make(m, "DATE", cal.fmt_granular(day, granularity), "ago", granularity=granularity)

    def _duration(self, m: re.Match[str], ctx: Context) -> Timex | None:
        found = self._unit(m["unit"])
        n = _number(m["num"], self.lex)
        if found is None or n is None:
            return None
        name, spec = found
        if (m["suffix"] and "old" in m["suffix"]) or ctx.lower.startswith("-old", m.end("unit")):
            return None  # an age ("a 6-year-old", "16-year-olds"), not a period of time
        if re.fullmatch(r"0\d+", m["num"]):
            return None  # "0800 hours" is a clock time
        if _titled(ctx, m.start("unit")):
            return None  # "60 Minutes", a title
        if (
            name == "second"
            and _norm(m["num"]) in ("a", "an", "one")
            and not re.match(r"\s*(?:[.,;:!?)]|later|after|before|ago|or|and|\Z)", ctx.lower[m.end() : m.end() + 8])
        ):
            return None  # "a second group": an ordinal
        numtext = _norm(m["num"])
        if numtext in ("a", "an") and m["unit"].lower().endswith("s"):
            return None  # "an hours-long shootout": the article is not a number here
        if re.fullmatch(r"(?:1[5-9]|20)\d\d", numtext) and name in ("second", "quarter", "half"):
            return None
        if name == "quarter" and re.match(r"\s+of\s+(?!(?:fiscal\s+)?(?:19|20)\d\d)", ctx.text[m.end() : m.end() + 20]):
            return None  # "three-quarters of the vote": a fraction
        if numtext in ("a", "an", "per") and not m["anchor"] and not m["dmod"] and not m["dmod2"]:
            before = ctx.text[max(0, m.start() - 25) : m.start()].lower()
            if _RATE_BEFORE.search(before):
                return _make(m, "SET", f"P1{spec.letter}" if not spec.time else f"PT1{spec.letter}", "set")
        if m["num2"]:
            n = "X"
        if n != "X" and (m["half"] or m["half2"]):
            assert isinstance(n, float)
            n += 0.5
        if isinstance(n, float):
            n = n * spec.multiplier
            if n == 0:
                return None
            amount = _fmt_num(n)
        else:
            amount = "X"
        if spec.multiplier > 1 and amount == "X":
            letter = "DE" if name == "decade" else "CE" if name == "century" else spec.letter
        else:
            letter = spec.letter
        if isinstance(n, float) and n != int(n):
            value = _fractional(n, letter, spec.time)
        else:
            value = f"PT{amount}{letter}" if spec.time else f"P{amount}{letter}"
        found_t = _make(m, "DURATION", value, "duration")
        joint = ctx.text[m.end("num") : m.start("unit")]
        if "-" in joint and not m["dmod"] and not m["dmod2"]:
            # "the 24-hour ceasefire": the determiner belongs to the noun, not to the duration.
            found_t.start = m.start("num")
        if (m["suffix"] or "").startswith("-") and numtext in ("a", "an") and not m["anchor"]:
            found_t.start = m.start("unit")
        return found_t

    def _plural_units(self, m: re.Match[str], ctx: Context) -> Timex | None:
        found = self._unit(m["unit"])
        if found is None:
            return None
        name, spec = found
        if re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
            return None
        if _titled(ctx, m.start("unit")):
            return None
        if re.search(r"\b(?:early|small|wee)\s+$", ctx.text[max(0, m.start() - 7) : m.start()], re.I):
            return None  # "the early hours of Thursday": a time of day, not a span
        anchor = _norm(m["anchor"] or "")
        if anchor == "the":
            after = ctx.text[m.end() : m.end() + 6].lower()
            if not after.startswith((" ahead", " to come", " since")):
                return None
        letter = "DE" if name == "decade" else "CE" if name == "century" else spec.letter
        return _make(m, "DURATION", f"PTX{letter}" if spec.time else f"PX{letter}", "plural_units")

    def _set(self, m: re.Match[str], ctx: Context) -> Timex | None:
        word = m["unit"].lower()
        n = _number(m["num"], self.lex) if m["num"] else 1.0
        amount = _fmt_num(n) if isinstance(n, float) else "X"
        if word in self.lex.weekdays:
            return _make(m, "SET", f"XXXX-WXX-{self.lex.weekdays[word]}", "set")
        if word in self.lex.months:
            return _make(m, "SET", f"XXXX-{self.lex.months[word]:02d}", "set")
        if word in self.lex.parts_of_day:
            return _make(m, "SET", f"XXXX-XX-XX{self.lex.parts_of_day[word]}", "set")
        if word == "weekend":
            return _make(m, "SET", "XXXX-WXX-WE", "set")
        found = self._unit(word)
        if found is None:
            return None
        _, spec = found
        if isinstance(n, float) and spec.multiplier > 1:
            amount = _fmt_num(n * spec.multiplier)
        return _make(m, "SET", f"PT{amount}{spec.letter}" if spec.time else f"P{amount}{spec.letter}", "set")

    def _set_adverb(self, m: re.Match[str], ctx: Context) -> Timex | None:
        return _make(m, "SET", self.lex.set_adverbs[m["w"].lower()], "set")

    def _reference(self, m: re.Match[str], ctx: Context) -> Timex | None:
        word = _norm(m["w"])
        return _make(m, "DATE", self.lex.reference_words[word], "reference")

    def _quarter(self, m: re.Match[str], ctx: Context) -> Timex | None:
        which = m["which"].lower()
        unit = m["unit"].lower()
        year_text = m["year"] or m["year2"] or m["y0"]
        if m["ry"] and ctx.dct is not None:
            year_text = str(ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()])
        elif m["ya"] and ctx.dct is not None:
            year_text = str(ctx.dct.year - 1)
        ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
        letter = "Q" if unit == "quarter" else "H"
        n = ordinals.get(which)
        if n is not None and letter == "H" and n > 2:
            return None
        if year_text:
            year: int | None = int(year_text)
        else:
            year = _context_year(ctx, m.start()) or (ctx.dct.year if ctx.dct else None)
        if n is None and year_text and which in ("last", "final"):
            n = 4 if letter == "Q" else 2
        if n is None:
            if ctx.dct is None:
                return _make(m, "DATE", None, "quarter")
            if which == "final":
                n = 4 if letter == "Q" else 2
            else:
                step = 3 if letter == "Q" else 6
                direction = {"current": 0, "this": 0, "next": 1}.get(which, -1)
                if which in ("year-earlier", "year-ago", "same", "comparable"):
                    ref = cal.add_months(ctx.dct, -3 - 12)
                else:
                    ref = cal.add_months(ctx.dct, direction * step)
                n = cal.quarter_of(ref) if letter == "Q" else (1 if ref.month <= 6 else 2)
                year = ref.year
        if year is None:
            return _make(m, "DATE", None, "quarter")
        return _make(m, "DATE", f"{year:04d}-{letter}{n}", "quarter", granularity="quarter")

    def _the_year(self, m: re.Match[str], ctx: Context) -> Timex | None:
        which = _norm(m["which"])
        if which.startswith("that"):
            # An anaphor: the last year written before it in the text.
            years = [int(y.group(1)) for y in _ANY_YEAR.finditer(ctx.text, max(0, m.start() - 600), m.start())]
            value = f"{years[-1]:04d}" if years else None
            return _make(m, "DATE", value, "the_year", granularity="year")
        mod = _norm(m["mod"] or "")
        if which == "the year" and ctx.dct is not None and mod in ("the first half of", "the second half of"):
            half = 1 if "first" in mod else 2
            return Timex(
                m.start(), m.end("which"), "DATE", f"{ctx.dct.year:04d}-H{half}", "the_year", granularity="half"
            )
        if which in ("the month", "the week"):
            if not m["mod"] or ctx.dct is None:
                return None if not m["mod"] else _make(m, "DATE", None, "the_year")
            granularity = which.split()[1]
            value = cal.fmt_granular(ctx.dct, granularity)
            return Timex(m.start(), m.end("which"), "DATE", value, "the_year", granularity=granularity)
        if m["ended"] and not m["mod"]:
            return Timex(m.start(), m.start("ended"), "DURATION", "P1Y", "the_year")
        if ctx.dct is None:
            return Timex(m.start(), m.end("which"), "DATE", None, "the_year")
        year = ctx.dct.year - (1 if "latest" in which else 0)
        return Timex(m.start(), m.end("which"), "DATE", f"{year:04d}", "the_year", granularity="year")

    def _year_ago(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if ctx.dct is None:
            return _make(m, "DATE", None, "year_ago")
        if not m["the"] and not m["period"] and not re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
            return None  # "a year earlier" belongs to the "ago" rule
        if _quarterly(ctx, m.start()):
            return _make(m, "DATE", _year_ago_quarter(ctx.dct), "year_ago", granularity="quarter")
        return _make(m, "DATE", f"{ctx.dct.year - 1:04d}", "year_ago", granularity="year")

    def _spoken_year(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if m["tens"]:
            tens = self.lex.numbers.get(_norm(m["tens"]))
            ones = self.lex.numbers.get(_norm(m["ones"])) if m["ones"] else 0.0
            if not isinstance(tens, float) or not isinstance(ones, float):
                return None
            year = 1900 + int(tens + ones)
        else:
            ones = self.lex.numbers.get(_norm(m["ones2"])) if m["ones2"] else 0.0
            if not isinstance(ones, float):
                return None
            year = 2000 + int(ones)
            if not m["ones2"] and not m.group(0).lower().startswith("the year"):
                return None  # "two thousand" alone is more often a count
        return _make(m, "DATE", f"{year:04d}", "spoken_year", granularity="year", explicit_year=True)

    def _the_quarter(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if ctx.dct is None:
            return _make(m, "DATE", None, "quarter")
        ref = cal.add_months(ctx.dct, -3)
        return _make(m, "DATE", f"{ref.year:04d}-Q{cal.quarter_of(ref)}", "quarter", granularity="quarter")

    def _q(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if not ctx.text[m.start()].isupper():
            return None
        year = int(m["year"]) if m["year"] else (ctx.dct.year if ctx.dct else None)
        label = f"Q{m['q']}" if m["q"] else f"H{m['h']}"
        if year is None:
            return _make(m, "DATE", None, "quarter")
        return _make(m, "DATE", f"{year:04d}-{label}", "quarter", granularity="quarter")

    def _clock(self, m: re.Match[str], ctx: Context) -> Timex | None:
        if m["word"]:
            word = m["word"].lower()
            if ctx.lower[max(0, m.start() - 5) : m.start()].endswith("high "):
                return None  # "high noon" is a figure of speech
            hh, mm = (24, 0) if word == "midnight" else (12, 0)
        else:
            h = m["h"] or m["h2"] or m["h3"] or m["h4"]
            hh = int(h)
            mm = int(m["m"] or m["m2"] or m["m4"] or 0)
            ampm = (m["ampm"] or "").lower()
            if ampm.startswith("p") and hh < 12:
                hh += 12
            elif ampm.startswith("a") and hh == 12:
                hh = 0
            if ampm and not 1 <= int(h) <= 12:
                return None
        day: dt.date | None = None
        wd = (m["wd"] or "").lower()
        month = _month_of(m["cm"], self.lex) if m["cm"] else None
        if month is not None:
            year = _pick_year(ctx, m.start(), m.end(), month, int(m["cd"]))
            try:
                day = dt.date(year, month, int(m["cd"])) if year else None
            except ValueError:
                return None
        elif wd in self.lex.weekdays:
            day = _weekday_date(ctx, self.lex.weekdays[wd], "", m.start(), m.end())
        elif wd in self.lex.relative_days and ctx.dct:
            day = ctx.dct + dt.timedelta(days=self.lex.relative_days[wd])
        elif ctx.dct:
            day = ctx.dct
        clock = f"T{hh:02d}:{mm:02d}" if hh != 24 else "T24:00"
        value = f"{day.isoformat()}{clock}" if day else None
        found = _make(m, "TIME", value, "clock", granularity="time", weekday=self.lex.weekdays.get(wd))
        found.floating = not wd and month is None
        found.part = clock
        return found

    def _holiday(self, m: re.Match[str], ctx: Context) -> Timex | None:
        name = _norm(m["h"])
        if not ctx.orig(m, "h")[0].isupper():
            return None
        if re.search(r"\ban?\s+$", ctx.lower[max(0, m.start() - 4) : m.start()]):
            return None  # "a Christmas market", "an Easter egg": a kind of thing, not a day
        if m["year"]:
            year: int | None = int(m["year"])
        elif ctx.dct is None:
            year = None
        else:
            year = ctx.dct.year
        if year is None:
            return _make(m, "DATE", None, "holiday")

        def on(y: int) -> dt.date:
            if name in self.lex.holidays:
                mo, d = self.lex.holidays[name]
                return dt.date(y, mo, d)
            if name in self.lex.easter_holidays:
                return cal.easter(y) + dt.timedelta(days=self.lex.easter_holidays[name])
            mo, wd, n = self.lex.weekday_holidays[name]
            return cal.nth_weekday(y, mo, wd, n)

        day = on(year)
        rel = _norm(m["rel"] or "")
        if not m["year"] and ctx.dct is not None:
            tense = ctx.tense(m.start(), m.end())
            if (rel == "last" or (tense == "PAST" and rel != "next")) and day > ctx.dct:
                day = on(year - 1)
            elif (rel == "next" or tense == "FUTURE") and day < ctx.dct:
                day = on(year + 1)
        return _make(m, "DATE", day.isoformat(), "holiday", day=day, granularity="day")


# A count or amount just before "a week", "a year": then the expression is a rate (SET).
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen|hundreds?|thousands?"
    r"|millions?|billions?|times|twice|once|thrice|percent)\b|%)[^.;:!?\d]{0,22}$",
    re.IGNORECASE,
)


def _titled(ctx: Context, pos: int) -> bool:
    """True for a capitalised word inside running text: a name ("60 Minutes"), not a time word.

    Sentence-initial words and headlines in capitals or title case are not names for this test.
    """
    if not ctx.text[pos : pos + 1].isupper():
        return False
    start = ctx.sentence_start(pos)
    if not ctx.text[start:pos].strip(" \t\n\"'“‘(["):
        return False
    end = ctx.text.find("\n", pos)
    line = ctx.text[start : end if end >= 0 else len(ctx.text)][:300]
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", line)
    capitals = sum(1 for w in words if w[0].isupper())
    return not (line.isupper() or (len(words) >= 3 and capitals >= 0.6 * len(words)))


_QUARTER_WORD = re.compile(r"\bquarter(?:ly)?\b", re.IGNORECASE)


def _quarterly(ctx: Context, pos: int) -> bool:
    """True in quarterly-results prose: "a year ago" there means the same quarter a year ago."""
    return _QUARTER_WORD.search(ctx.text, max(0, pos - 400), pos) is not None


def _year_ago_quarter(dct: dt.date) -> str:
    """The last completed quarter before ``dct``, one year earlier."""
    ref = cal.add_months(dct, -3 - 12)
    return f"{ref.year:04d}-Q{cal.quarter_of(ref)}"


_ANY_YEAR = re.compile(r"(?<![\w$.,])((?:19|20)\d\d)(?![\w%]|[.,]\d)")

_TIME_PREPOSITIONS = frozenset({"in", "since", "during", "by", "until", "from", "before", "after"})

_TENS = (20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0)


def _plural_re(unit: str) -> str:
    if unit.endswith("y") and unit[-2] not in "aeiou":
        return unit[:-1] + "(?:y|ies)"
    return unit + "s?"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The compiled grammar, built once per process."""
    return Grammar(lexicon())


def scan(ctx: Context) -> list[Timex]:
    """All expressions in the text: every rule's matches, then the longest non-overlapping."""
    candidates: list[tuple[int, int, int, Timex]] = []
    for order, rule in enumerate(grammar().rules):
        for m in rule.pattern.finditer(ctx.lower):
            found = rule.handler(m, ctx)
            if found is None:
                continue
            candidates.append((found.start, -(found.end - found.start), order, found))
            if found.companion is not None:
                other = found.companion
                found.companion = None
                candidates.append((other.start, -(found.end - found.start), order, other))
    candidates.sort(key=lambda c: (c[1], c[0], c[2]))
    chosen: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for _, _, _, t in candidates:
        if any(t.start < e and s < t.end for s, e in taken):
            continue
        taken.append((t.start, t.end))
        chosen.append(t)
    chosen.sort(key=lambda t: t.start)
    _resolve_anaphors(chosen, ctx)
    return chosen


def _resolve_anaphors(found: list[Timex], ctx: Context) -> None:
    """Value "the following day", "that night" against the last calendar day named before them.

    A clock time with no day of its own takes the day named earlier in its sentence.
    """
    last: dt.date | None = None
    last_at = -1
    anchor: tuple[dt.date, int] | None = None  # the last date named and its unit's rank
    for i, t in enumerate(found):
        if t.offset is not None and t.before_next:
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt is not None and nxt.start - t.end <= 8 and nxt.granularity == "day" and nxt.value:
                day = _anchor_day(nxt.value)
                if day is not None and not t.unit:
                    t.value = (day + dt.timedelta(days=t.offset)).isoformat()
            continue
        if t.offset is not None and t.unit:
            rank = _RANK[t.unit]
            if anchor is not None and anchor[1] <= rank:
                t.value = cal.fmt_granular(cal.shift(anchor[0], t.offset, t.unit), t.unit)
            continue
        if t.offset is not None:
            if last is not None:
                day = last + dt.timedelta(days=t.offset)
                t.value = f"{day.isoformat()}{t.part}"
                t.day = None
            continue
        if t.value and t.rule != "reference" and t.granularity in _RANK:
            start = _anchor_day(t.value)
            if start is not None:
                anchor = (start, _RANK[t.granularity])
        if t.floating and last is not None and last_at >= ctx.sentence_start(t.start):
            t.value = f"{last.isoformat()}{t.part}"
            continue
        if t.granularity == "day" and t.value and re.match(r"\d{4}-\d\d-\d\d", t.value):
            last = dt.date.fromisoformat(t.value[:10])
            last_at = t.start


_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
_VALUE_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d))?")


def _anchor_day(value: str) -> dt.date | None:
    """The first day of a calendar value ("2016-10-21", "2016-W41", "2016-10", "2016")."""
    m = _VALUE_DATE.match(value)
    if m is None:
        return None
    try:
        if m[4]:
            return dt.date.fromisocalendar(int(m[1]), int(m[4]), 1)
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None

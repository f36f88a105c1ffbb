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
from itertools import pairwise

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
    after_last: int = 0  # "the previous Friday" (-1), "the following Monday" (+1): from the last day named


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
    if year is not None and (ctx.dct is None or year >= ctx.dct.year or ctx.tense(pos, end) != "FUTURE"):
        return year
    # A past year in a clause before ("the talks, which began in late 2012, will resume in April")
    # sets nothing for a month told in the future.
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
            # A future tense is seldom wrong ("will take effect on Jan. 1" in March: next January).
            distance += 300
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
                "spoken_day",
                re.compile(
                    rf"\b(?:(?P<month>{month_name})\s+(?:the\s+)?(?P<ord>{ordinal})|the\s+(?P<ord2>{ordinal})\s+of\s+(?P<month2>{month_name}))(?![\w-])(?:,?\s+{year})?",
                    f,
                ),
                self._spoken_day,
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
                re.compile(
                    rf"\b(?:(?:later|earlier|early|late)\s+)?(?P<word>tonight|overnight|last\s+night|this\s+(?P<part>{part}))(?!\w)",
                    f,
                ),
                self._tonight,
            ),
            Rule(
                "part_alone",
                re.compile(
                    r"\b(?:(?:in|by|during)\s+(?P<the>the\s+(?P<part>morning|afternoon|evening))"
                    r"|(?P<mid>mid[-\s]?(?P<part2>morning|afternoon)))(?!\w)",
                    f,
                ),
                self._part_alone,
            ),
            Rule(
                "clock_part",
                re.compile(
                    r"(?<![\w:.$])(?P<h>1[0-2]|[1-9])(?::(?P<m>[0-5]\d))?\s+(?:o['’]clock\s+)?(?P<p>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?!\w)",
                    f,
                ),
                self._clock_part,
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
                    rf"\b(?:(?P<dmod>{dmod})\s+)?(?P<num>{number})[\s-]+(?P<unit>{unit})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|before|after|previously)(?!\w)",
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
                    r"\b(?:(?P<anchor>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+first|the\s+final|recent|many|several|few|coming|future|past|the)\s+)?(?P<unit>days|weeks|months|quarters|years|decades|centuries|hours|minutes)(?:-long)?(?![\w-])",
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
                    r"\b(?:(?P<the>the)\s+)?(?:(?P<y0>(?:19|20)\d\d)\s+|(?P<ry>this|last|next)\s+year['’]s\s+|(?P<ya>year-earlier|year-ago)\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|prior|year-earlier|year-ago|same|next|this|comparable)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)|\s+of\s+(?P<ry2>this|last|next)\s+year|,?\s+(?P<year2>(?:19|20)\d\d))?(?!\w)",
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
                "period_year_ago",
                re.compile(
                    r"\b(?:the\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:quarter|period|three\s+months)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+(?:previous|prior)\s+year)|last\s+year['’]s\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:quarter|period))(?![\w-])",
                    f,
                ),
                self._period_year_ago,
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
        if (
            not m["year"]
            and (
                ctx.lower.startswith("the ", m.start()) or ctx.lower.endswith("the ", max(0, m.start() - 4), m.start())
            )
            and self._name_follows(ctx, m.end())
        ):
            return None  # "the March 23 Movement": a name
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

    def _spoken_day(self, m: re.Match[str], ctx: Context) -> Timex | None:
        # "March eighth", "the fourth of July": a day of the month in words.
        mword = ctx.orig(m, "month") if m["month"] else ctx.orig(m, "month2")
        month = _month_of(mword, self.lex)
        d = self.lex.ordinals.get(_norm(m["ord"] or m["ord2"]), 0)
        if month is None or not 1 <= d <= 31 or not mword[0].isupper():
            return None
        if mword.lower() in self.lex.ambiguous_months and m.start() == ctx.sentence_start(m.start()):
            return None  # "May second thoughts ...": a sentence-initial "May" is more often the verb
        if m["month"] and re.match(
            r"\s+(?:of|in|quarter|half|week|day|time|place)\b", ctx.lower[m.end() : m.end() + 9]
        ):
            return None  # "March first of all", "June second quarter": no day
        year = int(m["year"]) if m["year"] else _pick_year(ctx, m.start(), m.end(), month, d)
        if year is None:
            return _make(m, "DATE", None, "day_month", granularity="day")
        try:
            day = dt.date(year, month, d)
        except ValueError:
            return None
        return _make(m, "DATE", day.isoformat(), "day_month", day=day, granularity="day", explicit_year=bool(m["year"]))

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
        if w == "the" and what == "day" and _LATER_IN.search(ctx.lower, max(0, m.start() - 12), m.start()):
            # "later in the day": the last day named, else the day of publication.
            value = ctx.dct.isoformat() if ctx.dct else None
            return Timex(m.start(), m.end("what"), "DATE", value, "anaphor", offset=0, granularity="day")
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
        if not rel and self._name_follows(ctx, m.end()):
            return None  # "the October Revolution"
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
        value = f"{int(m['year']):04d}" + _HALF_OF.get(_norm(m["mod"] or ""), "")
        return _make(m, "DATE", value, "year", granularity="year", explicit_year=True)

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
        if not m["part"] and self._name_follows(ctx, m.end()):
            return None  # "the Good Friday Agreement"
        rel = m["rel"] or ""
        if _norm(rel) in ("early", "late", "earlier", "later", "past"):
            rel = ""
        day = _weekday_date(ctx, wd, rel, m.start(), m.end())
        # "The previous Friday" counts back from the last day the story named, when it named one.
        after_last = {"the previous": -1, "the following": 1}.get(_norm(rel), 0)
        pre = None if m["part"] else _PART_BEFORE.search(ctx.lower, max(0, m.start() - 16), m.start())
        part = m["part"] or (pre["part"] if pre else None)
        if part:
            tag = self.lex.parts_of_day[part.lower()]
            found = _make(m, "TIME", f"{day.isoformat()}{tag}" if day else None, "weekday", weekday=wd,
                          granularity="day", after_last=after_last)  # fmt: skip
            found.part = tag
            if pre is not None:
                found.start = pre.start()
            return found
        return _make(m, "DATE", day.isoformat() if day else None, "weekday", weekday=wd, granularity="day",
                     after_last=after_last)  # fmt: skip

    def _relday(self, m: re.Match[str], ctx: Context) -> Timex | None:
        offset = self.lex.relative_days[_norm(m["word"])]
        day = ctx.dct + dt.timedelta(days=offset) if ctx.dct else None
        pre = None if m["part"] else _PART_BEFORE.search(ctx.lower, max(0, m.start() - 16), m.start())
        part = m["part"] or (pre["part"] if pre else None)
        if part:
            tag = self.lex.parts_of_day[part.lower()]
            found = _make(m, "TIME", f"{day.isoformat()}{tag}" if day else None, "relday", granularity="day")
            if pre is not None:
                found.start = pre.start()
            return found
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

    def _part_alone(self, m: re.Match[str], ctx: Context) -> Timex | None:
        # "in the morning", "by mid-afternoon": that part of the last day named, else of today.
        if _PART_AS_MODIFIER.match(ctx.lower, m.end()):
            return None  # "during the evening service", "the morning rush": a kind of thing
        tag = self.lex.parts_of_day[(m["part"] or m["part2"]).lower()]
        value = f"{ctx.dct.isoformat()}{tag}" if ctx.dct else None
        start = m.start("the") if m["the"] else m.start("mid")
        return Timex(start, m.end(), "TIME", value, "part_alone", offset=0, part=tag, granularity="day")

    def _clock_part(self, m: re.Match[str], ctx: Context) -> Timex | None:
        # "4 in the morning", "10 at night": a clock time told with a part of the day.
        hh = int(m["h"])
        mm = int(m["m"] or 0)
        words = _norm(m["p"])
        if words.endswith(("afternoon", "evening")) or (words == "at night" and hh >= 6):
            hh = hh + 12 if hh < 12 else hh
        elif hh == 12:
            hh = 0
        clock = f"T{hh:02d}:{mm:02d}"
        found = _make(m, "TIME", f"{ctx.dct.isoformat()}{clock}" if ctx.dct else None, "clock", granularity="time")
        found.floating = True
        found.part = clock
        return found

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
        value = cal.fmt_granular(ref, granularity)
        if unit == "year":
            value += _HALF_OF.get(_norm(m["mod"] or ""), "")  # "the second half of next year": 2017-H2
        return _make(m, "DATE", value, "period", granularity=granularity)

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
        if m["unit"].lower() == "night" and _NIGHT_AS_MODIFIER.match(ctx.lower, m.end()):
            return None  # "a night raid", "a night-time curfew": "night" describes the noun after it
        if (
            numtext == "one"
            and name == "day"
            and not m["anchor"]
            and _MODAL_BEFORE.search(ctx.lower, max(0, m.start() - 24), m.start())
        ):
            return _make(m, "DATE", "FUTURE_REF", "duration")  # "will one day be": some day to come
        if numtext in ("a", "an") and m["unit"].lower().endswith("s"):
            return None  # "an hours-long shootout": the article is not a number here
        if re.fullmatch(r"(?:1[5-9]|20)\d\d", numtext) and name in ("second", "quarter", "half"):
            return None
        if name == "quarter" and re.match(r"\s+of\s+(?!(?:fiscal\s+)?(?:19|20)\d\d)", ctx.text[m.end() : m.end() + 20]):
            return None  # "three-quarters of the vote": a fraction
        if numtext in ("a", "an", "per") and not m["anchor"] and not m["dmod"] and not m["dmod2"]:
            before = ctx.text[max(0, m.start() - 25) : m.start()].lower()
            if _RATE_BEFORE.search(before) and not ctx.lower.startswith(" of ", m.end()):
                # "60 people a week" is a rate; "60 people died in a week of clashes" is not.
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
        if name == "quarter" and anchor in ("", "the"):
            return None  # "three-quarters of its food", "living quarters": no span of time
        if anchor in ("the coming", "coming", "future"):
            return _make(m, "DATE", "FUTURE_REF", "plural_units")  # "in coming months": the time ahead
        if anchor == "past":
            return _make(m, "DATE", "PAST_REF", "plural_units")  # "in past years"
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
        ry = m["ry"] or m["ry2"]
        if ry and ctx.dct is not None:
            year_text = str(ctx.dct.year + {"this": 0, "last": -1, "next": 1}[ry.lower()])
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
            year = _context_year(ctx, m.start())
            if year is None and ctx.dct is not None:
                year = ctx.dct.year
                ahead = n is not None and (n - 1) * (3 if letter == "Q" else 6) + 1 > ctx.dct.month
                if ahead and ctx.tense(m.start(), m.end()) == "PAST":
                    # A quarter still ahead, told in the past ("third-quarter profit rose" in March): last year's.
                    year -= 1
        if n is None and year_text and which in ("last", "final"):
            n = 4 if letter == "Q" else 2
        if not year_text and _OF_SOMETHING.match(ctx.lower, m.end()):
            return None  # "the last half of the '80s", "the second half of the match": not of a year
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

    def _period_year_ago(self, m: re.Match[str], ctx: Context) -> Timex | None:
        # "the same period last year", "the quarter a year ago": in results prose, the quarter
        # being reported, one year back; elsewhere the year before publication.
        if ctx.dct is None:
            return _make(m, "DATE", None, "year_ago")
        if "quarter" in m.group(0).lower() or _quarterly(ctx, m.start()):
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

    def _name_follows(self, ctx: Context, end: int) -> bool:
        """True when the head of a name follows ("the March 23 Movement", "the Easter Rising")."""
        after = _CAPITALISED_AFTER.match(ctx.text, end)
        return after is not None and after.group(1).lower() in self.lex.name_heads

    def _holiday(self, m: re.Match[str], ctx: Context) -> Timex | None:
        name = _norm(m["h"])
        if not ctx.orig(m, "h")[0].isupper():
            return None
        if re.search(r"\ban?\s+$", ctx.lower[max(0, m.start() - 4) : m.start()]):
            return None  # "a Christmas market", "an Easter egg": a kind of thing, not a day
        if not m["year"] and self._name_follows(ctx, m.end()):
            return None  # "the Easter Rising", "the Good Friday Agreement": a name, not a day
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


# "night" followed by a noun it describes ("a night raid") or by "-time": no span of time.
_NIGHT_AS_MODIFIER = re.compile(
    r"-|\s+(?!(?:of|in|on|at|and|or|to|for|before|after|later|earlier|ago|with|without|when|while|as|"
    r"but|since|until|the|a|an|he|she|they|it|we|i|there|that|this|which|who|away|ago|long|old)\b)[a-z]+\b"
)

# A part of the day just before a day ("mid-afternoon yesterday", "late morning Thursday").
_PART_BEFORE = re.compile(r"\b(?:mid[-\s]?(?!night)|early\s+|late\s+)?(?P<part>morning|afternoon|evening|night)\s+$")

# Nouns that a part of the day describes ("the evening service", "the morning rush").
_PART_AS_MODIFIER = re.compile(
    r"\s+(?:service|services|prayers?|mass|session|sessions|rush|shift|shifts|news|edition|show|programme|"
    r"program|briefing|meeting|paper|papers|commute|traffic|flight|train|bus|sky|light|sun|star|hours?)\b"
)

# "the last half of the '80s", "the second half of the match": a part of something, not of a year.
_OF_SOMETHING = re.compile(r"\s+of\s+(?:(?:the|a|an|its|his|her|their|this|that|these|those)\b|['’])")

# "the first half of 2013" is the half year 2013-H1, not the year.
_HALF_OF = {"the first half of": "-H1", "the second half of": "-H2"}

_LATER_IN = re.compile(r"\b(?:later|earlier|early|late)\s+in\s+$")

# A modal just before "one day" makes it "some day to come" ("the region could one day ...").
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|shall|should|must|hopes?\s+to|\w+\s+to)\s+$")

_CAPITALISED_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")

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
    for t in chosen:
        if ctx.text[t.end - 2 : t.end] in ("'s", "’s"):
            t.end -= 2  # "last year's results": the possessive is no part of the extent (TimeML)
    chosen = _week_of(chosen, ctx)
    chosen = _spoken_year_after(chosen, ctx)
    _order_ranges(chosen, ctx)
    _resolve_anaphors(chosen, ctx)
    return chosen


# "the week of March 6" (the ISO week holding that day), "the second week of April".
_WEEK_OF = re.compile(r"\bthe\s+(?:(?P<n>first|second|third|fourth|last|final)\s+)?week\s+of\s+$")


def _week_of(found: list[Timex], ctx: Context) -> list[Timex]:
    """Widen a day or a month named after "the week of" to that week, dropping what the widening covers."""
    out: list[Timex] = []
    for t in found:
        m = _WEEK_OF.search(ctx.lower, max(0, t.start - 30), t.start) if t.type == "DATE" and t.value else None
        day = _anchor_day(t.value) if m is not None and t.value else None
        # "the week of" takes a day; "the second week of" takes a month.
        fits = m is not None and (t.granularity == "day" if m["n"] is None else t.granularity == "month")
        if m is not None and day is not None and fits:
            if m["n"] is not None:
                n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["n"])
                day = day + dt.timedelta(weeks=n - 1) if n else cal.add_months(day, 1) - dt.timedelta(days=1)
            while out and out[-1].end > m.start():
                out.pop()
            t.start = m.start()
            t.value = cal.fmt_granular(day, "week")
            t.granularity = "week"
            t.day = None
        out.append(t)
    return out


def _spoken_year_after(found: list[Timex], ctx: Context) -> list[Timex]:
    """Join a month or season and the year spoken after it ("January nineteen ninety-seven")."""
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if (
            t.rule == "spoken_year"
            and t.value
            and prev is not None
            and prev.granularity in ("month", "season")
            and prev.value
            and re.fullmatch(r",?\s+(?:of\s+)?", ctx.text[prev.end : t.start])
        ):
            m = re.fullmatch(r"\d{4}(-(?:\d\d|SP|SU|FA|WI))", prev.value)
            if m is not None:
                prev.value = t.value + m[1]
                prev.end = t.end
                prev.explicit_year = True
                continue
        out.append(t)
    return out


# Between the two ends of a range: "from June 1 to Nov. 30", "between May and August".
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*")
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)(-\d\d)?")


def _order_ranges(found: list[Timex], ctx: Context) -> None:
    """Give the far end of "from <date> to <date>" written without a year a year that follows the near end."""
    for a, b in pairwise(found):
        if b.explicit_year or a.value is None or b.value is None or a.granularity not in ("day", "month"):
            continue
        if b.granularity not in ("day", "month") or not _RANGE_JOIN.fullmatch(ctx.text, a.end, b.start):
            continue
        if not _RANGE_OPEN.search(ctx.lower, max(0, a.start - 9), a.start):
            continue
        ma, mb = _MONTH_VALUE.fullmatch(a.value), _MONTH_VALUE.fullmatch(b.value)
        if ma is None or mb is None:
            continue
        year = int(ma[1])
        if (mb[2], mb[3] or "") < (ma[2], ma[3] or ""):
            year += 1
        b.value = f"{year:04d}-{mb[2]}{mb[3] or ''}"
        if b.day is not None:
            try:
                b.day = b.day.replace(year=year)
            except ValueError:
                b.value = None


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
            prev = found[i - 1] if i > 0 else None
            if (
                t.value is None
                and not t.unit
                and prev is not None
                and prev.granularity == "day"
                and prev.value
                and re.fullmatch(r",\s*", ctx.text[prev.end : t.start])
            ):
                # "Nov. 3, the day before the warrant was issued": the day restates the date before it.
                t.value = prev.value
                t.end = ctx.lower.index("day", t.start) + 3
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
        if t.after_last and t.weekday is not None:
            if last is not None:
                step = cal.last_weekday if t.after_last < 0 else cal.next_weekday
                day = step(last, t.weekday, strict=True)
                t.value = f"{day.isoformat()}{t.part}"
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

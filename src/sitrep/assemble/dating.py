"""Each event's date: the time expression tied to its trigger, with ACLED time precision.

The expression is searched in the trigger's clause, then its sentence, then the nearest
previous sentence of the same paragraph that names a date, then the story's wire dateline
("ISTANBUL, June 29 -"); else the event is dated to the publication date with precision 2
(ACLED: within the week before the report).
Precision (ACLED): 1 a day; 2 a week or a range of up to a week; 3 a month or longer.
When a weekday and a day of month disagree, the weekday wins (see ``sitrep.timex``).
A point value inside a range is its middle day, never after publication.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Article, Event, EventDate, Tally, TimeRef, Warning
from ..timex import parse_date
from .merge import CLOCK_ONLY, merge_data

__all__ = ["anchor_relatives", "date_event", "date_tally", "resolve_range", "told_aside"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDH])$")
_PAST_ANCHOR = re.compile(r"(?:the\s+)?(?:past|last|previous|preceding)\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|from)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|–)\s*$", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:on|in|at|since|from|between|during|by|until|over|last)\s+$", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_CLAUSAL = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj"})
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass
class _Range:
    start: dt.date
    end: dt.date
    precision: int


def _month_range(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])


def resolve_range(value: str | None, text: str = "", dct: dt.date | None = None) -> _Range | None:
    """The calendar span a TIMEX3 value covers, with ACLED precision; None when it names none."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return _Range(day, day, 1)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return _Range(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), 2)
            return _Range(monday, monday + dt.timedelta(days=6), 2)
        if m := _MONTH.match(value):
            start, end = _month_range(int(m[1]), int(m[2]), int(m[2]))
            return _Range(start, end, 3)
        if m := _QUARTER.match(value):
            span = 3 if m[2] == "Q" else 6
            first = (int(m[3]) - 1) * span + 1
            start, end = _month_range(int(m[1]), first, first + span - 1)
            return _Range(start, end, 3)
        if m := _SEASON.match(value):
            start, end = _month_range(int(m[1]), *_SEASON_MONTHS[m[2]])
            return _Range(start, end, 3)
        if m := _YEAR.match(value):
            return _Range(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31), 3)
        if (m := _DURATION.match(value)) and dct is not None and _PAST_ANCHOR.match(text):
            amount = float(m[2])
            unit = m[3] if not m[1] else m[3] + "T"
            days = {"D": 1.0, "W": 7.0, "M": 30.0, "Y": 365.0, "HT": 1 / 24, "MT": 1 / 1440}.get(unit)
            if days is None:
                return None
            span = max(1, round(amount * days))
            start = dct - dt.timedelta(days=span)
            return _Range(start, dct, 2 if span <= 7 else 3)
    except ValueError:
        return None
    return None


def _to_date(r: _Range, dct: dt.date | None, text: str | None, value_at_start: bool = False) -> EventDate:
    if r.precision == 1 or value_at_start:
        mid = r.start
    else:
        mid = r.start + (r.end - r.start) / 2
        if dct is not None and mid > dct >= r.start:
            mid = dct
    return EventDate(
        value=mid.isoformat(), start=r.start.isoformat(), end=r.end.isoformat(), precision=r.precision, text=text
    )


def _clause_tokens(doc: Doc, start: int, end: int) -> set[int] | None:
    """Indices of the tokens in the trigger's clause: its verb's subtree minus nested clauses."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok: Token = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    keep: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSAL)
    keep.update(t.i for t in span)
    return keep


def _goes_on(text: str, start: int) -> bool:
    """Whether the sentence opens by going on with the one before ("Consequently, troops made contact"),
    as a paragraph of its own in copy that gives each sentence one (data/merge.yaml)."""
    head = text[start : start + 40].lstrip("\"'“‘ ").lower()
    return any(head.startswith(w) and not head[len(w) : len(w) + 1].isalpha()
               for w in merge_data()["continuation_openers"])


def _dates_other(doc: Doc | None, text: str, ref: TimeRef, t_start: int, t_end: int) -> bool:
    """Whether the time, in an earlier sentence, sits in a relative clause that tells something other
    than the event's own act: it dates that ("Daraya, which fell to regime forces last year"), while
    a clause telling the same act dates the event ("a helicopter that was shot down on Monday ...
    The helicopter was shot down over Idlib")."""
    if doc is None or not _parsed_from(doc, text):
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    trigger = doc.char_span(t_start, t_end, alignment_mode="expand")
    if span is None or not len(span) or trigger is None or not len(trigger):
        return False
    tok: Token = span.root
    for _ in range(8):
        if tok.dep_ == "relcl":
            told = {t.lemma_.lower() for t in tok.subtree}
            return trigger.root.lemma_.lower() not in told
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _pair_span(times: list[TimeRef], chosen: TimeRef, warnings: list[Warning]) -> tuple[TimeRef, int, int]:
    """The expression to follow and the span to quote when a weekday/date pair disagrees."""
    for w in warnings:
        if w.code != "weekday-mismatch" or w.start is None or w.end is None:
            continue
        if not (w.start <= chosen.start < w.end):
            continue
        inside = [t for t in times if w.start <= t.start and t.end <= w.end]
        weekday = next((t for t in inside if _WEEKDAY_WORD.match(t.text)), chosen)
        return weekday, w.start, w.end
    return chosen, chosen.start, chosen.end


def _quote(text: str, start: int, end: int) -> str:
    """The expression's words with the preposition that introduces it ("on Thursday")."""
    m = _PREPOSITION.search(text[max(0, start - 12) : start])
    if m:
        start = start - (len(text[max(0, start - 12) : start]) - m.start())
    return text[start:end]


def _interval(text: str, times: list[TimeRef], ref: TimeRef, dct: dt.date | None) -> tuple[_Range, int] | None:
    """ "since X" (X to publication) or "between X and Y" / "from X to Y": the range and its end."""
    before = text[max(0, ref.start - 12) : ref.start]
    r = resolve_range(ref.value, ref.text, dct)
    if r is None:
        return None
    later = [t for t in times if t.start >= ref.end and _RANGE_JOIN.match(text[ref.end : t.start])]
    if later and (_BETWEEN.search(before) or _SINCE.search(before)):
        r2 = resolve_range(later[0].value, later[0].text, dct)
        if r2 is not None and r2.end >= r.start:
            days = (r2.end - r.start).days
            return _Range(r.start, r2.end, 2 if days <= 7 else 3), later[0].end
    if dct is not None and dct >= r.start and _since_governs(text, times, ref):
        days = (dct - r.start).days
        return _Range(r.start, dct, 2 if days <= 7 else 3), ref.end
    return None


_SINCE_WORD = re.compile(r"\bsince\b", re.IGNORECASE)


def _since_governs(text: str, times: list[TimeRef], ref: TimeRef) -> bool:
    """True when "since" opens the phrase or clause that ends with the expression."""
    window_start = max(0, ref.start - 90)
    last = None
    for m in _SINCE_WORD.finditer(text, window_start, ref.start):
        last = m
    if last is None or re.search(r"[.;!?\n]", text[last.end() : ref.start]):
        return False
    return not any(last.end() <= t.start and t.end <= ref.start for t in times)


def _dated(ref: TimeRef) -> bool:
    return ref.type in ("DATE", "TIME", "DURATION") and ref.value is not None and ref.value[:1] in "0123456789P"


def _parsed_from(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is the parse of ``text``: same length, and the same last token where it ends
    (cheap: Doc.text would join every token on each call)."""
    if not len(doc):
        return not text
    last = doc[-1]
    end = last.idx + len(last.text_with_ws)
    return end == len(text) and text[last.idx : last.idx + len(last.text)] == last.text


def _sentences(doc: Doc | None, text: str) -> list[tuple[int, int]]:
    if doc is not None and doc.has_annotation("SENT_START") and _parsed_from(doc, text):
        return [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    from ..timex.tense import sentence_bounds

    starts = sentence_bounds(text)
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


# After a span: it counts from the day last named ("two days later", "a week earlier", "a day
# after"); "two days after the vote" counts from an event and is left alone.
_RELATIVE = re.compile(
    r"\s+(?:(later|afterwards?|on|after(?![ \t]+[a-z]))|(earlier|before(?![ \t]+[a-z])))\b", re.IGNORECASE
)
_SPAN = re.compile(r"^P(\d+)([DWMY])$")
_COARSEST_ANCHOR = {"D": 0, "W": 0, "M": 1, "Y": 2}  # rank of the anchor a span needs: day, month, year


def anchor_relatives(text: str, times: list[TimeRef]) -> list[TimeRef]:
    """``times`` with "two days later", "a week earlier" valued from the last calendar day named.

    TIMEX3 keeps such expressions as durations; the event they date lies that span away from
    the day the narrative last named (within the two preceding paragraphs' reach, 600 chars).
    """
    out: list[TimeRef] = []
    last: tuple[dt.date, int, int] | None = None  # the day, where it was named, its unit's rank
    for t in times:
        m = _SPAN.match(t.value or "") if t.type == "DURATION" else None
        rel = _RELATIVE.match(text, t.end) if m else None
        # Days and weeks count from a day; months from a month or a day; years from any date.
        if m and rel and last and t.start - last[1] <= 600 and last[2] <= _COARSEST_ANCHOR[m[2]]:
            amount = int(m[1]) * (-1 if rel[2] else 1)
            base = last[0]
            if m[2] in "DW":
                value = (base + dt.timedelta(days=amount * (7 if m[2] == "W" else 1))).isoformat()
            else:
                index = base.year * 12 + base.month - 1 + amount * (12 if m[2] == "Y" else 1)
                value = f"{index // 12:04d}" if m[2] == "Y" else f"{index // 12:04d}-{index % 12 + 1:02d}"
            end = rel.end()
            out.append(TimeRef(text=text[t.start : end], start=t.start, end=end, type="DATE", value=value))
            continue
        if t.type in ("DATE", "TIME") and t.value:
            with contextlib.suppress(ValueError):
                if d := _DAY.match(t.value):
                    last = (dt.date(int(d[1]), int(d[2]), int(d[3])), t.end, 0)
                elif d := _MONTH.match(t.value):
                    last = (dt.date(int(d[1]), int(d[2]), 1), t.end, 1)
                elif d := _YEAR.match(t.value):
                    last = (dt.date(int(d[1]), 1, 1), t.end, 2)
        out.append(t)
    return out


def date_event(
    doc: Doc, article: Article, event: Event, times: list[TimeRef], warnings: list[Warning]
) -> EventDate | None:
    """The event's date; the publication date with precision 2 when nothing closer is told."""
    text = article.text or doc.text
    dct = parse_date(article.published)
    times = anchor_relatives(text, times)
    ev = event.evidence
    t_start = ev.trigger_start if ev.trigger_start is not None else ev.start
    t_end = ev.trigger_end if ev.trigger_end is not None else max(t_start, ev.end)
    usable = [t for t in times if _dated(t) and resolve_range(t.value, t.text, dct) is not None]
    # A wire dateline's date ("BEIRUT, April 4 -") is the filing day: it dates the event only
    # when the story itself names no time for it.
    datelines = [(a, b) for a, b, kind in article.segments if kind == "dateline"]
    filed = [t for t in usable if any(a <= t.start and t.end <= b for a, b in datelines)]
    usable = [t for t in usable if t not in filed]

    def nearest(cands: list[TimeRef]) -> TimeRef | None:
        # "at about 10:35 a.m. (0735 GMT) Friday": the day, not the clock, dates it
        cands = [t for t in cands if not CLOCK_ONLY.match(t.text)] or cands
        if not cands:
            return None
        return min(cands, key=lambda t: t.start - t_end if t.start >= t_end else t_start - t.end + 5)

    in_sentence = [t for t in usable if ev.start <= t.start and t.end <= ev.end]
    chosen: TimeRef | None = None
    if in_sentence and doc is not None and _parsed_from(doc, text):
        clause = _clause_tokens(doc, t_start, t_end)
        if clause is not None:
            in_clause = []
            for t in in_sentence:
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and any(tok.i in clause for tok in span):
                    in_clause.append(t)
            chosen = nearest(in_clause)
    if chosen is None:
        chosen = nearest(in_sentence)
    if chosen is None:
        # The nearest earlier sentence of the same paragraph that sets a time.
        sents = [s for s in _sentences(doc, text) if s[1] <= ev.start]
        for s_start, s_end in reversed(sents[-3:]):
            content_end = s_start + len(text[s_start:s_end].rstrip())
            if "\n" in text[content_end : ev.start] and not _goes_on(text, ev.start):
                break  # another paragraph: its time does not carry over
            found = [t for t in usable if s_start <= t.start and t.end <= s_end
                     and not _dates_other(doc, text, t, t_start, t_end)]
            if found:
                chosen = found[-1]
                break
    if chosen is None and filed:
        chosen = max((t for t in filed if t.end <= ev.end), key=lambda t: t.start, default=None)
    if chosen is None:
        if dct is None:
            return None
        # no words date it: within the publication week, most likely the day before (data/merge.yaml)
        week_before = dct - dt.timedelta(days=6)
        likely = dct - dt.timedelta(days=int(merge_data()["undated_lag_days"]))
        return EventDate(
            value=likely.isoformat(), start=week_before.isoformat(), end=dct.isoformat(), precision=2, text=None
        )
    follow, q_start, q_end = _pair_span(times, chosen, warnings)
    interval = _interval(text, times, follow, dct)
    if interval is not None:
        r, q_end = interval
        return _to_date(r, dct, _quote(text, q_start, q_end), value_at_start=True)
    r0 = resolve_range(follow.value, follow.text, dct)
    if r0 is None:
        return None
    if q_end < len(text) and text[q_end : q_end + 1] == ")" and "(" in text[q_start:q_end]:
        q_end += 1
    return _to_date(r0, dct, _quote(text, q_start, q_end))


_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})


def told_aside(doc: Doc, article: Article, event: Event) -> bool:
    """Whether the event is named by a definite noun phrase inside the telling of another act, whose
    day it takes ("met the minister on Wednesday to finish talks interrupted by the car bombing of the
    embassy"; "paid tribute Tuesday to bombing victims"): an event the article may tell elsewhere."""
    d, ev = event.date, event.evidence
    if d is None or not d.text or ev.trigger_start is None or not _parsed_from(doc, article.text or doc.text):
        return False
    trig = doc.char_span(ev.trigger_start, ev.trigger_end or ev.trigger_start, alignment_mode="expand")
    at = (article.text or doc.text).find(d.text, ev.start, ev.end)
    when = doc.char_span(at, at + len(d.text), alignment_mode="expand") if at >= 0 else None
    if trig is None or not len(trig) or when is None or not len(when):
        return False
    noun = trig.root
    definite = (noun.dep_ == "compound" and noun.head.pos_ == "NOUN") or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE_DETS) for c in noun.children)
    if noun.pos_ not in ("NOUN", "PROPN") or not definite:
        return False
    if any(t.i in {s.i for s in noun.subtree} for t in when):
        return False  # "the bombing of the embassy on Aug. 7"
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return True
    # "the fighting resumed on Tuesday", "attended the rally Saturday": its own day; "the protest
    # marked a return to the demonstrations of early December": another noun's
    inside = {t.i for t in when}
    for t in when.root.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t.i != noun.head.i
        if t.i not in inside and t.pos_ in ("NOUN", "PROPN"):
            return True
    return True


def date_tally(doc: Doc, article: Article, tally: Tally, times: list[TimeRef]) -> None:
    """Fill the tally's period (start/end): "since X", "between X and Y", "the past N days", "last week"."""
    text = article.text or doc.text
    dct = parse_date(article.published)
    ev = tally.evidence
    inside = [t for t in times if ev.start <= t.start and t.end <= ev.end and _dated(t)]
    for ref in inside:
        interval = _interval(text, times, ref, dct)
        if interval is not None:
            period, _ = interval
            tally.start, tally.end = period.start.isoformat(), period.end.isoformat()
            return
    # Else a span told outright: "the past 48 hours", then "last week", "in October".
    for kinds in (("DURATION",), ("DATE", "TIME")):
        for ref in inside:
            r = resolve_range(ref.value, ref.text, dct) if ref.type in kinds else None
            if r is not None and (r.precision > 1 or ref.type == "DURATION"):
                tally.start, tally.end = r.start.isoformat(), r.end.isoformat()
                return

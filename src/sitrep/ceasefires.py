"""Truces and the violence around them: truce records built from the store's Agreement events and their
articles (kind, parties, area, start, end, extensions, rejections, breakdown, with evidence), and the
violent events before, during and after each truce's window (data/ceasefires.yaml holds the cues)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .export import records
from .geo.resolve import distance_km
from .store import Filters, Store

__all__ = ["CSV_COLUMNS", "Told", "Truce", "Violation", "Window", "flat", "truces", "write"]

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_DURATION = re.compile(r"\b(\d+|[a-z]+)[- ](hour|day|week|month)s?\b(?:[- ]long)?", re.IGNORECASE)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(resources.files("sitrep.data").joinpath("ceasefires.yaml").read_text("utf-8"))
    return data


@dataclass
class Told:
    """A sentence of an article that says something of a truce: its day, who, and the words."""

    article_id: str
    date: str | None
    evidence: str
    by: str | None = None
    kind: str | None = None


@dataclass
class Violation:
    """A violent event in a truce's window."""

    event_id: str
    date: str | None
    sub_event_type: str
    location: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    party_involved: bool
    in_area: bool
    evidence: str | None


@dataclass
class Window:
    """Violent events and their fatalities in an area over a span of days."""

    start: str
    end: str
    events: int = 0
    fatalities: int = 0
    by_parties: int = 0


@dataclass
class Truce:
    """One truce, however many reports told it."""

    kind: str
    parties: list[str]
    area: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    start: str | None
    end: str | None
    end_known: bool
    duration: str | None
    evidence: str
    events: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    extensions: list[Told] = field(default_factory=list)
    rejections: list[Told] = field(default_factory=list)
    breakdowns: list[Told] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    before: Window | None = None
    during: Window | None = None
    after: Window | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data."""
        return asdict(self)


def _has(text: str, words: Iterable[str]) -> str | None:
    low = text.lower()
    for w in words:
        if re.search(rf"\b{re.escape(w.lower())}\b", low):
            return w
    return None


def _kind(text: str) -> str:
    # what it was first called, not what an extension renamed it ("... and then extended what it referred
    # to as a humanitarian pause")
    cut = _has(text, _cues()["extension_words"])
    if cut is not None:
        text = text[: text.lower().find(cut.lower())] or text
    for entry in _cues()["kinds"]:
        if _has(text, entry["words"]):
            return str(entry["kind"])
    return "ceasefire"


def _kind_after(sentence: str, cue: str) -> str | None:
    """What an extension calls the truce: the kind named after its verb ("extended ... a humanitarian pause")."""
    rest = sentence[sentence.lower().find(cue.lower()) + len(cue) :]
    for entry in _cues()["kinds"]:
        if _has(rest, entry["words"]):
            return str(entry["kind"])
    return None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _duration(text: str, month: int | None) -> tuple[str, float] | None:
    """("72-hour", 3.0) for a truce's stated length in its sentence (not an older truce's: "a six-day
    ceasefire in June")."""
    from text_to_num import text2num  # type: ignore[import-untyped]

    for m in _DURATION.finditer(text):
        if _other_truce(text[m.start() :], m.group(0), month):
            continue
        raw = m.group(1).lower()
        try:
            n = int(raw) if raw.isdigit() else text2num(raw, "en")
        except ValueError:
            continue
        return m.group(0), n * _UNIT_DAYS[m.group(2).lower()]
    return None


def _other_truce(sentence: str, cue: str, month: int | None) -> bool:
    """Whether the words after ``cue`` name a month other than the truce's own (an older truce)."""
    low = sentence.lower()
    at = low.find(cue.lower())
    after = re.findall(r"[a-z]+", low[at:])[1 : 1 + int(_cues()["other_truce_window"])]
    return any(w in _MONTHS and (month is None or _MONTHS.index(w) + 1 != month) for w in after)


def _subject(sentence: str, cue: str) -> str | None:
    """The words before a rejection verb, from its clause's start: who rejected ("Rebels in east Aleppo",
    "rebel fighters" in "..., as rebel fighters refused to abide by the truce")."""
    head = sentence[: sentence.lower().find(cue.lower())]
    head = re.split(r",|;|\b(?:as|that|said|says|while|after|when|because)\b", head)[-1].strip(" ,")
    return head or None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _article_cues(text: str, article_id: str, day: str | None, truce_month: int | None) -> dict[str, list[Told]]:
    out: dict[str, list[Told]] = {"extensions": [], "rejections": [], "breakdowns": []}
    c = _cues()
    for sent in _sentences(text):
        if not _has(sent, c["truce_words"]):
            continue
        for key, words in (("extensions", c["extension_words"]), ("rejections", c["rejection_words"]),
                           ("breakdowns", c["breakdown_words"])):
            cue = _has(sent, words)
            if cue is None or _other_truce(sent, cue, truce_month):
                continue
            by = _subject(sent, cue) if key == "rejections" else None
            kind = _kind_after(sent, cue) if key == "extensions" else None
            out[key].append(Told(article_id=article_id, date=day, evidence=sent, by=by, kind=kind))
    return out


def _same(a: Truce, row: dict[str, Any]) -> bool:
    days = int(_cues()["same_truce_days"])
    if a.country != row["country"] or a.start is None or row["event_date"] is None:
        return False
    if abs((_day(a.start) - _day(row["event_date"])).days) > days:  # type: ignore[operator]
        return False
    return not (a.admin1 and row["admin1"] and a.admin1 != row["admin1"])


def _party(names: list[str], row: dict[str, Any]) -> bool:
    actors = [a for a in (row["actor1"], row["actor2"]) if a]
    return any(p == a or p.split(" (")[0] in a for p in names for a in actors)


def _in_area(t: Truce, row: dict[str, Any]) -> bool:
    if None not in (t.latitude, t.longitude, row["latitude"], row["longitude"]):
        near = distance_km(t.latitude, t.longitude, row["latitude"], row["longitude"])  # type: ignore[arg-type]
        if near <= float(_cues()["area_km"]):
            return True
    return bool(t.admin1 and row["admin1"] == t.admin1)


def _window(rows: list[dict[str, Any]], t: Truce, start: date, end: date) -> Window:
    w = Window(start=start.isoformat(), end=end.isoformat())
    for r in rows:
        day = _day(r["event_date"])
        if day is None or not (start <= day <= end) or not _in_area(t, r):
            continue
        w.events += 1
        w.fatalities += r["fatalities"] or 0
        w.by_parties += int(_party(t.parties, r))
    return w


def _stop(t: Truce, start: date, open_days: int) -> date:
    """The last day of a truce's window: its announced end, else its first breakdown after it began, else
    ``open_days`` after its start."""
    if t.end:
        return date.fromisoformat(t.end)
    broke = sorted(d for b in t.breakdowns if (d := _day(b.date)) is not None and d > start)
    return broke[0] if broke else start + timedelta(days=open_days)


def truces(db: str | Path) -> list[Truce]:
    """Every truce the store's events tell, with its violations and the windows before and after."""
    c = _cues()
    rows = records(db, Filters(statuses=("occurred", "announced")))
    agreements = [r for r in rows if r["code"] == "AGREEMENT" and _has(r["notes"] or "", c["truce_words"])]
    found: list[Truce] = []
    texts: dict[str, str] = {}
    with Store(db) as store:
        for r in agreements:
            for rep in r["reports"]:
                if rep["article_id"] not in texts:
                    art = store.article(rep["article_id"])
                    texts[rep["article_id"]] = (art or {}).get("text") or ""
    for r in sorted(agreements, key=lambda r: (r["event_date"] or "", r["event_id_cnty"])):
        parties = [a for a in (r["actor1"], r["actor2"]) if a]
        same = next((t for t in found if _same(t, r)), None)
        if same is None:
            notes = r["notes"] or ""
            start = _day(r["event_date"])
            said = _duration(notes, start.month if start else None)
            end = start + timedelta(days=max(said[1], 1 / 24)) if start and said else None
            same = Truce(kind=_kind(notes), parties=parties, area=r["location"], admin1=r["admin1"],
                         country=r["country"], latitude=r["latitude"], longitude=r["longitude"],
                         start=r["event_date"], end=end.isoformat() if end else None, end_known=end is not None,
                         duration=said[0] if said else None, evidence=notes)
            found.append(same)
        else:
            same.parties += [p for p in parties if p not in same.parties]
        same.events.append(r["event_id_cnty"])
        if same.duration is None and same.start:
            # the length may be told in another sentence of the article ("agreed to a two-month truce")
            for rep in r["reports"]:
                lines = [x for x in _sentences(texts.get(rep["article_id"], "")) if _has(x, c["truce_words"])]
                length = next((d for x in lines if (d := _duration(x, int(same.start[5:7]))) is not None), None)
                if length is not None:
                    last = date.fromisoformat(same.start) + timedelta(days=max(length[1], 1 / 24))
                    same.duration, same.end, same.end_known = length[0], last.isoformat(), True
                    break
        month = int(same.start[5:7]) if same.start else None
        for rep in r["reports"]:
            aid = rep["article_id"]
            if aid in same.articles:
                continue
            same.articles.append(aid)
            for key, told in _article_cues(texts.get(aid, ""), aid, r["event_date"], month).items():
                getattr(same, key).extend(x for x in told if x.evidence != same.evidence or key == "extensions")
    violent = [r for r in rows if r["event_type"] in c["violent_types"]]
    for t in found:
        start = _day(t.start)
        if start is None:
            continue
        stop = _stop(t, start, int(c["open_window_days"]))
        for r in violent:
            day = _day(r["event_date"])
            told_here = any(rep["article_id"] in t.articles for rep in r["reports"])
            if day is None or not (start <= day <= stop):
                continue
            if r["country"] != t.country and not (r["country"] is None and told_here):
                continue
            t.violations.append(Violation(
                event_id=r["event_id_cnty"], date=r["event_date"], sub_event_type=r["sub_event_type"],
                location=r["location"], actor1=r["actor1"], actor2=r["actor2"], fatalities=r["fatalities"],
                party_involved=_party(t.parties, r), in_area=_in_area(t, r), evidence=r["notes"],
            ))
        span = stop - start
        t.during = _window(violent, t, start, stop)
        t.before = _window(violent, t, start - span - timedelta(days=1), start - timedelta(days=1))
        t.after = _window(violent, t, stop + timedelta(days=1), stop + span + timedelta(days=1))
    return found


CSV_COLUMNS = ("kind", "start", "end", "end_known", "duration", "parties", "area", "admin1", "country", "latitude",
               "longitude", "extensions", "rejected_by", "breakdowns", "violations", "violations_by_parties",
               "before_events", "during_events", "after_events", "before_fatalities", "during_fatalities",
               "after_fatalities", "evidence", "articles")


def flat(t: Truce) -> dict[str, Any]:
    """One truce as a flat row (CSV_COLUMNS): lists joined with "; ", windows as counts."""
    def count(w: Window | None, what: str) -> int | None:
        return getattr(w, what) if w is not None else None

    return {
        "kind": t.kind, "start": t.start, "end": t.end, "end_known": t.end_known, "duration": t.duration,
        "parties": "; ".join(t.parties), "area": t.area, "admin1": t.admin1, "country": t.country,
        "latitude": t.latitude, "longitude": t.longitude,
        "extensions": "; ".join(e.kind or e.evidence for e in t.extensions),
        "rejected_by": "; ".join(r.by or "?" for r in t.rejections),
        "breakdowns": "; ".join(b.evidence for b in t.breakdowns),
        "violations": "; ".join(v.event_id for v in t.violations),
        "violations_by_parties": sum(v.party_involved for v in t.violations),
        "before_events": count(t.before, "events"), "during_events": count(t.during, "events"),
        "after_events": count(t.after, "events"), "before_fatalities": count(t.before, "fatalities"),
        "during_fatalities": count(t.during, "fatalities"), "after_fatalities": count(t.after, "fatalities"),
        "evidence": t.evidence, "articles": "; ".join(t.articles),
    }


def write(found: list[Truce], fmt: str, out: Any) -> None:
    """Write truce records as a table (one block each, with its violations), JSON or CSV."""
    import csv
    import json

    from .output import csv_safe, terminal_safe

    if fmt == "json":
        json.dump([t.to_dict() for t in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows({k: csv_safe(v) for k, v in flat(t).items()} for t in found)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=160)
    for t in found:
        window = f"{t.start or '?'} to {t.end or '(no end told)'}"
        console.print(f"[bold]{terminal_safe(t.kind)}[/bold] {terminal_safe(window)}, "
                      f"{terminal_safe(t.area or t.country or 'area unknown')}: "
                      f"{terminal_safe(', '.join(t.parties) or 'parties unknown')}")
        console.print(f"  said: {terminal_safe(t.evidence)}")
        for e in t.extensions:
            console.print(f"  extended{' as ' + terminal_safe(e.kind) if e.kind else ''}: {terminal_safe(e.evidence)}")
        for r in t.rejections:
            console.print(f"  rejected by {terminal_safe(r.by or '?')}: {terminal_safe(r.evidence)}")
        for b in t.breakdowns:
            console.print(f"  broke down: {terminal_safe(b.evidence)}")
        if t.before and t.during and t.after:
            console.print(f"  violent events in its area before / during / after: {t.before.events} / "
                          f"{t.during.events} / {t.after.events} (killed {t.before.fatalities} / "
                          f"{t.during.fatalities} / {t.after.fatalities})")
        if t.violations:
            table = Table(show_lines=False, expand=True, box=None, padding=(0, 1))
            for col in ("event", "date", "type", "where", "actors", "killed", "evidence"):
                table.add_column(col, ratio=4 if col == "evidence" else None)
            for v in t.violations:
                where = (v.location or "?") + ("" if v.in_area else " (elsewhere)")
                actors = " vs ".join(a for a in (v.actor1, v.actor2) if a) + (" [party]" if v.party_involved else "")
                table.add_row(*(terminal_safe(str(x)) for x in (v.event_id, v.date or "?", v.sub_event_type, where,
                                                                  actors, "" if v.fatalities is None else v.fatalities,
                                                                  v.evidence or "")))
            console.print(table)
        console.print()

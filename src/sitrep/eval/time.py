"""``sitrep eval time``: TIMEX3 recognition and normalisation scored TempEval-3 style.

Reads TimeML ``.tml`` files (TimeBank 1.2 and AQUAINT as released for TempEval-3),
runs :func:`sitrep.timex.recognize` on the text content of ``<TEXT>`` with the
document creation time of ``<DCT>``, and scores as TempEval-3 (UzZaman et al. 2013)
does: strict (same extent) and relaxed (overlapping extent) span precision/recall/F1;
type and value accuracy over relaxed matches; and attribute F1, where a system
expression counts only when it relaxed-matches a gold one and has the gold attribute.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from . import EvalResult, default_data_dir

__all__ = ["EVENT_DATES", "Gold", "GoldDoc", "evaluate", "evaluate_event_dates", "read_tml", "score"]

CORPORA = ("timebank", "aquaint")
# Short news passages with a publication date and the date of their first event, written for
# this scorer (tests/data/event_dates_dev.jsonl in the source tree).
EVENT_DATES = Path(__file__).resolve().parents[3] / "tests" / "data" / "event_dates_dev.jsonl"


@dataclass
class Gold:
    """One gold TIMEX3: character span in the TEXT content, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    """A TimeML document: its TEXT content, creation date and gold expressions."""

    name: str
    text: str
    dct: dt.date | None
    timexes: list[Gold] = field(default_factory=list)


def _walk(elem: ET.Element, parts: list[str], pos: list[int], out: list[Gold]) -> None:
    """Append the element's text to ``parts`` and record TIMEX3 spans, depth first."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if elem.tag == "TIMEX3":
        out.append(
            Gold(
                start=start,
                end=pos[0],
                text="",
                type=elem.get("type", ""),
                value=elem.get("value", ""),
            )
        )


def _date(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_tml(path: Path) -> GoldDoc:
    """Parse one .tml file into its TEXT content, DCT and gold TIMEX3 spans."""
    root = ET.parse(path).getroot()
    dct: dt.date | None = None
    dct_elem = root.find("DCT")
    if dct_elem is not None:
        timex = dct_elem.find("TIMEX3")
        if timex is not None:
            dct = _date(timex.get("value"))
    text_elem = root.find("TEXT")
    parts: list[str] = []
    gold: list[Gold] = []
    if text_elem is not None:
        pos = [0]
        if text_elem.text:
            parts.append(text_elem.text)
            pos[0] += len(text_elem.text)
        for child in text_elem:
            _walk(child, parts, pos, gold)
            if child.tail:
                parts.append(child.tail)
                pos[0] += len(child.tail)
    text = "".join(parts)
    for g in gold:
        g.text = text[g.start : g.end]
    return GoldDoc(name=path.stem, text=text, dct=dct, timexes=gold)


def _files(data: Path, limit: int | None) -> list[Path]:
    files: list[Path] = []
    for corpus in CORPORA:
        folder = data / corpus
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.tml")))
    if limit is not None:
        # Spread a limited run over both corpora rather than taking the first folder only.
        step = max(1, len(files) // max(1, limit))
        files = files[::step][:limit]
    return files


@dataclass
class Counts:
    """Tallies behind the TempEval-3 measures."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        """Sum another document's tallies into this one."""
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok


def score(gold: list[Gold], system: list[tuple[int, int, str, str | None]]) -> Counts:
    """Match system (start, end, type, value) spans to gold ones, one to one, greedily."""
    counts = Counts(gold=len(gold), system=len(system))
    used: set[int] = set()
    for s_start, s_end, s_type, s_value in system:
        best = -1
        for i, g in enumerate(gold):
            if i in used or not (g.start < s_end and s_start < g.end):
                continue
            if best < 0 or (g.start == s_start and g.end == s_end):
                best = i
        if best < 0:
            continue
        used.add(best)
        g = gold[best]
        counts.relaxed += 1
        if g.start == s_start and g.end == s_end:
            counts.strict += 1
        if g.type == s_type:
            counts.type_ok += 1
        if s_value is not None and g.value == s_value:
            counts.value_ok += 1
    return counts


def _prf(hit: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hit / system if system else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(data: Path | None = None, limit: int | None = None) -> EvalResult:
    """Score the recogniser on TimeBank + AQUAINT (TempEval-3 training data)."""
    from ..timex import recognize
    from ..timex.tense import sentence_bounds

    data = data or default_data_dir()
    per_corpus: dict[str, Counts] = {}
    sentences = 0
    elapsed = 0.0
    for path in _files(data, limit):
        doc = read_tml(path)
        t0 = time.perf_counter()
        found = recognize(doc.text, doc.dct)
        elapsed += time.perf_counter() - t0
        sentences += sum(1 for a, b in pairwise([*sentence_bounds(doc.text), len(doc.text)]) if doc.text[a:b].strip())
        system = [(t.start, t.end, t.type, t.value) for t in found]
        per_corpus.setdefault(path.parent.name, Counts()).add(score(doc.timexes, system))
    total = Counts()
    for c in per_corpus.values():
        total.add(c)
    rows = []
    for name, c in [*sorted(per_corpus.items()), ("all", total)]:
        sp, sr, sf = _prf(c.strict, c.system, c.gold)
        rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
        _, _, vf = _prf(c.value_ok, c.system, c.gold)
        rows.append(
            {
                "corpus": name,
                "gold": c.gold,
                "system": c.system,
                "strict_p": sp,
                "strict_r": sr,
                "strict_f1": sf,
                "relaxed_p": rp,
                "relaxed_r": rr,
                "relaxed_f1": rf,
                "type_acc": c.type_ok / c.relaxed if c.relaxed else 0.0,
                "value_acc": c.value_ok / c.relaxed if c.relaxed else 0.0,
                "value_f1": vf,
            }
        )
    headline = rows[-1]
    metrics: dict[str, float] = {
        k: float(str(headline[k])) for k in ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")
    }
    metrics["ms_per_sentence"] = 1000.0 * elapsed / max(1, sentences)
    if EVENT_DATES.is_file():
        dated = evaluate_event_dates(EVENT_DATES, limit=limit)
        metrics.update(dated)
        # One table: the event-date row reports passages as "gold", events found as "system",
        # and the share whose event got the expected date and precision as "value_acc".
        row: dict[str, object] = dict.fromkeys(rows[0], "")
        row.update(
            corpus="event dates (dev)",
            gold=int(dated["event_date_n"]),
            system=int(dated["event_date_found"]),
            value_acc=dated["event_date_acc"],
        )
        rows.append(row)
    return EvalResult(
        title="TIMEX3 on TimeBank + AQUAINT (TempEval-3 measures); event dates through the pipeline",
        rows=rows,
        metrics=metrics,
    )


def evaluate_event_dates(path: Path = EVENT_DATES, limit: int | None = None) -> dict[str, float]:
    """Date accuracy of each passage's first event, run through ingest and the real pipeline.

    A passage counts when its first event's date has the expected value and ACLED precision;
    a passage whose event is not found counts as wrong.
    """
    from ..ingest import article_from_text
    from ..pipeline import extract

    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if limit is not None:
        items = items[:limit]
    articles = [article_from_text(it["text"], id=it["id"], published=it["published"]) for it in items]
    found = value_ok = precision_ok = both = 0
    for item, report in zip(items, extract(articles), strict=True):
        date = report.events[0].date if report.events else None
        if date is None:
            continue
        found += 1
        v = date.value == item["date"]
        p = date.precision == item["precision"]
        value_ok += v
        precision_ok += p
        both += v and p
    n = max(1, len(items))
    return {
        "event_date_n": float(len(items)),
        "event_date_found": float(found),
        "event_date_acc": both / n,
        "event_date_acc_found": both / max(1, found),
        "event_date_value_acc": value_ok / n,
        "event_date_precision_acc": precision_ok / n,
    }

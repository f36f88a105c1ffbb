"""`sitrep eval articles`: whole articles scored as an analyst judges them (articles-gold/CODEBOOK.md).

A row is an event that reaches the ACLED export (status occurred or announced). Rows are paired
one to one with the hand-coded events of the same article; what is left over is a false row or a
missed event. Scored on the public gold set, on real articles coded by the team (the geoparsing
corpora's, tests/data/articles_real.jsonl, and the TempEval wire documents', articles_wire.jsonl; both
read from ../shared), and on the team's own written sets.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..events.taxonomy import taxonomy
from ..geo.resolve import distance_km
from ..ingest import article_from_text
from ..model import Event, Report
from . import EvalResult, default_data_dir

__all__ = [
    "FIELDS",
    "OWN_FILES",
    "REAL_FILE",
    "WIRE_FILE",
    "ArticleScore",
    "evaluate",
    "load_articles",
    "real_articles",
    "score_article",
    "score_set",
    "summarise",
]

ROWS = frozenset({"occurred", "announced"})
FIELDS = ("sub_type", "place", "date", "actor1", "fatalities")
# Date tolerance for pairing a row with a gold event (CODEBOOK.md, Scoring).
_PAIR_DAYS = 2
_PROTESTS = frozenset({"Protests", "Riots"})
_TESTS = Path(__file__).resolve().parents[3] / "tests" / "data"
# The project's own article sets: dev to develop against, fresh kept unseen until scored.
OWN_FILES = {
    "own_dev": _TESTS / "articles_dev.jsonl",
    "own_fresh": _TESTS / "articles_fresh.jsonl",
    "own_fresh2": _TESTS / "articles_fresh2.jsonl",
    "own_fresh3": _TESTS / "articles_fresh3.jsonl",
}


# Real articles of the geoparsing corpora in ../shared (LGL local news, GeoVirus outbreak reports,
# TR-News world news), coded by two readers apart; the text is read from ../shared by offset and hash.
REAL_FILE = _TESTS / "articles_real.jsonl"
# Real wire articles of 1989-2000 (the TempEval-3 TimeBank and AQUAINT documents in ../shared), coded
# the same way; the text is the TimeML document's TEXT content, checked by hash.
WIRE_FILE = _TESTS / "articles_wire.jsonl"


@dataclass
class ArticleScore:
    """Counts for one article (or a sum of articles)."""

    rows: int = 0
    set_aside: int = 0
    matched: int = 0
    required: int = 0
    false_on_negative: int = 0
    untouched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, other: ArticleScore) -> None:
        """Add another article's counts to these."""
        self.rows += other.rows
        self.set_aside += other.set_aside
        self.matched += other.matched
        self.required += other.required
        self.false_on_negative += other.false_on_negative
        self.untouched += other.untouched
        for name in FIELDS:
            self.right[name] += other.right[name]


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _row_days(event: Event) -> tuple[date, date] | None:
    """The day (or the bounded days) a row gives, None when it gives none."""
    if event.date is None:
        return None
    day = _day(event.date.value)
    if day is not None:
        return day, day
    start, end = _day(event.date.start), _day(event.date.end)
    if start is not None and end is not None:
        return start, end
    return None


def _gold_days(gold: dict[str, Any]) -> tuple[date, date] | None:
    if gold.get("date"):
        day = _day(gold["date"])
        return (day, day) if day else None
    rng = gold.get("date_range")
    if rng:
        start, end = _day(rng[0]), _day(rng[1])
        if start and end:
            return start, end
    return None


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two day ranges, 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _event_type(code: str) -> str:
    return taxonomy()[code].event_type


def _candidate(row: Event, gold: dict[str, Any]) -> bool:
    """Same ACLED event type (or a sub-type gold allows) and, where both are dated, within two days."""
    if _event_type(row.code) != _event_type(gold["code"]) and row.code not in gold.get("alt_codes", []):
        return False
    mine, theirs = _row_days(row), _gold_days(gold)
    return mine is None or theirs is None or _gap(mine, theirs) <= _PAIR_DAYS


def _fields(row: Event, gold: dict[str, Any]) -> dict[str, bool]:
    """Which of the five fields the row has right for this gold event."""
    out = {"sub_type": row.code == gold["code"] or row.code in gold.get("alt_codes", [])}
    place = gold.get("place")
    loc = row.location
    if not place:
        out["place"] = True
    elif loc is None or loc.latitude is None or loc.longitude is None:
        out["place"] = False
    else:
        out["place"] = distance_km(loc.latitude, loc.longitude, place["lat"], place["lon"]) <= place["radius_km"]
    theirs, mine = _gold_days(gold), _row_days(row)
    if theirs is None:
        out["date"] = True
    else:
        out["date"] = mine is not None and theirs[0] <= mine[0] and mine[1] <= theirs[1]
    actor = gold.get("actor1")
    if not actor:
        out["actor1"] = True
    else:
        allowed = {actor["inter"], *actor.get("alt_inter", [])}
        sides = [row.actor1]
        if _event_type(gold["code"]) in _PROTESTS:
            sides.append(row.actor2)
        out["actor1"] = any(a is not None and a.inter in allowed for a in sides)
    told = row.fatalities.best if row.fatalities and row.fatalities.best is not None else 0
    out["fatalities"] = told == gold.get("fatalities", 0) or told in gold.get("alt_fatalities", [])
    return out


def score_article(report: Report, gold: dict[str, Any]) -> tuple[ArticleScore, list[dict[str, Any]]]:
    """Pair the report's rows with the gold events of one article; the counts and one line a row."""
    rows = [e for e in report.events if e.status in ROWS]
    golds = gold.get("events", [])
    pairs = []
    for i, row in enumerate(rows):
        for j, g in enumerate(golds):
            if _candidate(row, g):
                agree = _fields(row, g)
                # required events first, then the pairing with the most agreeing fields
                pairs.append((not g.get("optional"), sum(agree.values()), -abs(i - j), i, j, agree))
    pairs.sort(key=lambda p: p[:3], reverse=True)
    row_of: dict[int, tuple[int, dict[str, bool]]] = {}
    taken: set[int] = set()
    for _req, _n, _d, i, j, agree in pairs:
        if i in row_of or j in taken:
            continue
        row_of[i] = (j, agree)
        taken.add(j)
    score = ArticleScore(rows=len(rows), required=sum(1 for g in golds if not g.get("optional")))
    lines: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        line: dict[str, Any] = {"row": row.id, "code": row.code, "evidence": row.evidence.trigger}
        if i not in row_of:
            line["verdict"] = "false"
            if gold.get("kind") == "negative":
                score.false_on_negative += 1
        else:
            j, agree = row_of[i]
            g = golds[j]
            line["gold"] = g.get("gid")
            if g.get("optional"):
                score.set_aside += 1
                line["verdict"] = "optional"
            else:
                score.matched += 1
                for name, ok in agree.items():
                    score.right[name] += int(ok)
                score.untouched += int(all(agree.values()))
                wrong = [k for k, v in agree.items() if not v]
                line["verdict"] = "fix " + ",".join(wrong) if wrong else "kept"
        lines.append(line)
    for j, g in enumerate(golds):
        if j not in taken and not g.get("optional"):
            lines.append({"row": None, "code": g["code"], "gold": g.get("gid"), "verdict": "missed"})
    return score, lines


def summarise(score: ArticleScore, prefix: str) -> dict[str, float]:
    """Event precision, recall, F1, field accuracy and rows kept untouched, keyed ``<prefix>_<name>``."""
    counted = score.rows - score.set_aside
    p = score.matched / counted if counted else 0.0
    r = score.matched / score.required if score.required else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"precision": p, "recall": r, "f1": f}
    for name in FIELDS:
        out[name] = score.right[name] / score.matched if score.matched else 0.0
    out["untouched"] = score.untouched / counted if counted else 0.0
    metrics = {f"{prefix}_{k}": round(v, 4) for k, v in out.items()}
    metrics[f"{prefix}_false_rows_on_negatives"] = float(score.false_on_negative)
    return metrics


def load_articles(path: Path) -> list[dict[str, Any]]:
    """The gold articles of a JSON Lines file (one article with its events a line)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def real_articles(data_dir: Path, path: Path = REAL_FILE) -> list[dict[str, Any]]:
    """The coded real articles with their text read from ../shared (``data_dir``): a geoparsing corpus's
    article by its place, or a TimeML document's text; [] when the sources are not there. An article
    whose text no longer hashes the same is an error."""
    if not path.exists():
        return []
    from .geo import read_corpus
    from .time import read_tml

    texts: dict[str, list[str]] = {}
    out: list[dict[str, Any]] = []
    for rec in load_articles(path):
        if rec["doc"] not in texts:
            corpus = data_dir / rec["doc"]
            if not corpus.exists():
                return []
            if corpus.suffix == ".tml":
                texts[rec["doc"]] = [read_tml(corpus).text.strip()]
            else:
                texts[rec["doc"]] = [a.text.strip() for a in read_corpus(corpus)]
        text = texts[rec["doc"]][rec.get("article", 0)]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != rec["sha1"]:
            raise ValueError(f"{path.name}: {rec['doc']} #{rec['article']} is not the coded article")
        out.append({**rec, "text": text})
    return out


def _reports(records: list[dict[str, Any]]) -> list[Report]:
    from ..pipeline import extract

    articles = [
        article_from_text(
            r["text"], id=r["id"], title=r.get("title"), published=r.get("published"), source=r.get("source")
        )
        for r in records
    ]
    return list(extract(articles))


def score_set(records: list[dict[str, Any]], prefix: str) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Metrics of one gold set and the per-row verdicts (with the article id)."""
    total = ArticleScore()
    verdicts: list[dict[str, Any]] = []
    for record, report in zip(records, _reports(records), strict=True):
        score, lines = score_article(report, record)
        total.add(score)
        verdicts.extend({"article": record["id"], **line} for line in lines)
    metrics = summarise(total, prefix)
    metrics[f"{prefix}_rows"] = float(total.rows)
    metrics[f"{prefix}_negatives"] = float(sum(1 for r in records if r.get("kind") == "negative"))
    return metrics, verdicts


def evaluate(data: Path | None = None, limit: int | None = None) -> EvalResult:
    """Score the public article gold (dev.jsonl), the real articles coded by the team and its own sets."""
    data_dir = data or default_data_dir()
    sets: dict[str, Path] = {"gold": data_dir / "articles-gold" / "dev.jsonl", "real": REAL_FILE,
                             "wire": WIRE_FILE, **OWN_FILES}
    metrics: dict[str, float] = {}
    rows = []
    for prefix, path in sets.items():
        if prefix in ("real", "wire"):
            records = real_articles(data_dir, path)
            if not records:
                continue
        elif not path.exists():
            continue
        else:
            records = load_articles(path)
        records = records[:limit] if limit else records
        got, _ = score_set(records, prefix)
        metrics.update(got)
        rows.append(
            {
                "set": prefix,
                "articles": len(records),
                "rows": int(got[f"{prefix}_rows"]),
                "precision": got[f"{prefix}_precision"],
                "recall": got[f"{prefix}_recall"],
                "f1": got[f"{prefix}_f1"],
                **{name: got[f"{prefix}_{name}"] for name in FIELDS},
                "untouched": got[f"{prefix}_untouched"],
                "false_on_neg": int(got[f"{prefix}_false_rows_on_negatives"]),
                "negatives": int(got[f"{prefix}_negatives"]),
            }
        )
    return EvalResult(title="Whole articles, scored as CODEBOOK.md says", rows=rows, metrics=metrics)
